"""Keep the data folder private: 0700 folder, 0600 files, owned by the user.

Reflections about patients and carers must never be readable by another user
on a shared server, whatever the user's umask.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from coprod_tui.core.store.errors import UnsafeLocationError
from coprod_tui.errors import os_reason
from coprod_tui.i18n import _

DIR_MODE = 0o700
FILE_MODE = 0o600


def _owner_problem(path: Path, st: os.stat_result, folder: bool) -> str | None:
    """Why ``path`` (the data folder, else a file in it) is not safe to use, or ``None``."""
    if st.st_uid != os.geteuid():
        if folder:
            text = _("the data folder {path} belongs to another user (uid {uid}); "
                     "use a folder of your own with --data-dir or COPROD_DATA_DIR")
        else:
            text = _("the file {path} belongs to another user (uid {uid}); "
                     "use a folder of your own with --data-dir or COPROD_DATA_DIR")
        return text.format(path=path, uid=st.st_uid)
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        if folder:
            text = _("the data folder {path} can be changed by other users; "
                     "run `chmod go-w {path}` or choose another folder")
        else:
            text = _("the file {path} can be changed by other users; "
                     "run `chmod go-w {path}` or choose another folder")
        return text.format(path=path)
    return None


def _check_link(path: Path) -> None:
    try:
        lst = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(lst.st_mode) and lst.st_uid != os.geteuid():
        raise UnsafeLocationError(
            _("refusing to use {path}: it is a symbolic link owned by another user "
              "(uid {uid}); remove it or choose another folder").format(
                  path=path, uid=lst.st_uid)
        )


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` as a 0700 folder, or check an existing one is ours and safe.

    An existing folder that is ours but readable by others is tightened to 0700.
    """
    _check_link(path)
    if not path.exists():
        make_private_parents(path.parent)
        try:
            path.mkdir(mode=DIR_MODE)
        except FileExistsError:
            pass
        except OSError as error:
            raise UnsafeLocationError(
                _("cannot open the data folder {path}: cannot create it: {reason}; "
                  "choose another folder with --data-dir or COPROD_DATA_DIR").format(
                      path=path, reason=describe_os_error(error))
            ) from None
    st = path.stat()
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafeLocationError(_("{path} is not a folder; choose another data folder").format(
            path=path))
    problem = _owner_problem(path, st, folder=True)
    if problem:
        raise UnsafeLocationError(_("refusing to use the data folder: {problem}").format(
            problem=problem))
    if stat.S_IMODE(st.st_mode) != DIR_MODE:
        os.chmod(path, DIR_MODE)


def describe_os_error(error: OSError) -> str:
    """An operating-system error in words (no ``[Errno N]``, no path)."""
    return os_reason(error)


def make_private_parents(folder: Path) -> None:
    """Create ``folder`` and its missing parents, each new one 0700 whatever the umask.

    Under ``umask 000`` ``mkdir -p`` would make ``~/.local`` and ``~/.local/share``
    0777, letting another user move or swap the data folder inside them.
    Existing folders are left as they are.
    """
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for new in reversed(missing):
        try:
            new.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        except OSError as error:
            raise UnsafeLocationError(
                _("cannot open the data folder {path}: cannot create {parent}: {reason}; "
                  "choose another data folder with --data-dir or COPROD_DATA_DIR").format(
                      path=folder, parent=new, reason=describe_os_error(error))
            ) from None
        os.chmod(new, DIR_MODE)


def folder_identity(path: Path) -> tuple[int, int, int, int]:
    """(device, inode, owner, mode) of a folder: what must not change while coprod runs."""
    st = os.stat(path)
    return (st.st_dev, st.st_ino, st.st_uid, st.st_mode)


def check_private_file(path: Path) -> None:
    """Refuse a symbolic link, or a file someone else owns or can write; tighten
    ours to 0600 (never through a link: ``chmod`` would change its target)."""
    _check_link(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise UnsafeLocationError(
            _("refusing to use {path}: it is a symbolic link, which coprod never follows "
              "in its data folder; remove it").format(path=path)
        )
    problem = _owner_problem(path, st, folder=False)
    if problem:
        raise UnsafeLocationError(_("refusing to use {name}: {problem}").format(
            name=path.name, problem=problem))
    if stat.S_IMODE(st.st_mode) != FILE_MODE:
        os.chmod(path, FILE_MODE)


def open_private(path: Path, flags: int) -> int:
    """``os.open`` a file with mode 0600 whatever the umask; returns the descriptor.

    A symbolic link is never followed (``O_NOFOLLOW``): a link planted in place
    of a data or lock file would otherwise send the write, and the ``fchmod``,
    to its target.
    """
    fd = os.open(path, flags | os.O_CLOEXEC | os.O_NOFOLLOW, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    except OSError:
        os.close(fd)
        raise
    return fd


def read_nofollow(path: Path) -> bytes:
    """The bytes of a file in the data folder, never through a symbolic link.

    Raises ``FileNotFoundError`` if it does not exist and ``OSError`` (``ELOOP``)
    for a link.
    """
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    with open(fd, "rb") as handle:
        return handle.read()


def private_memory_dir() -> Path | None:
    """A folder of ours held in memory, never on disk, or ``None`` if there is none.

    ``$XDG_RUNTIME_DIR/coprod`` (a per-user tmpfs on systemd machines), else
    ``/dev/shm/coprod-UID``; created 0700, and refused if it is a link or not
    ours. For an encrypted journal, the only place coprod puts plaintext (the
    ``--editor`` file, drafts that could not be saved).
    """
    candidates = []
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime):
        candidates.append(Path(runtime) / "coprod")
    candidates.append(Path("/dev/shm") / f"coprod-{os.geteuid()}")
    for folder in candidates:
        parent = folder.parent
        try:
            pst = os.stat(parent)
        except OSError:
            continue
        if not stat.S_ISDIR(pst.st_mode):
            continue
        if parent != Path("/dev/shm") and (pst.st_uid != os.geteuid() or pst.st_mode & 0o077):
            continue  # $XDG_RUNTIME_DIR must be ours alone
        try:
            os.mkdir(folder, DIR_MODE)
        except FileExistsError:
            pass
        except OSError:
            continue
        st = os.lstat(folder)
        if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid():
            continue
        if stat.S_IMODE(st.st_mode) != DIR_MODE:
            os.chmod(folder, DIR_MODE)
        return folder
    return None
