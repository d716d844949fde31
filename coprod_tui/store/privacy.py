"""Keep the data folder private: 0700 folder, 0600 files, owned by the user.

Reflections about patients and carers must never be readable by another user
on a shared server, whatever the user's umask.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from coprod_tui.store.errors import UnsafeLocationError

DIR_MODE = 0o700
FILE_MODE = 0o600


def _owner_problem(path: Path, st: os.stat_result, what: str) -> str | None:
    if st.st_uid != os.geteuid():
        return (
            f"{what} {path} belongs to another user (uid {st.st_uid}); "
            "use a folder of your own with --data-dir or COPROD_DATA_DIR"
        )
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return (
            f"{what} {path} can be changed by other users; "
            f"run `chmod go-w {path}` or choose another folder"
        )
    return None


def _check_link(path: Path) -> None:
    try:
        lst = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(lst.st_mode) and lst.st_uid != os.geteuid():
        raise UnsafeLocationError(
            f"refusing to use {path}: it is a symbolic link owned by another user "
            f"(uid {lst.st_uid}); remove it or choose another folder"
        )


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` as a 0700 folder, or check an existing one is ours and safe.

    An existing folder that is ours but readable by others is tightened to 0700.
    """
    _check_link(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            path.mkdir(mode=DIR_MODE)
        except FileExistsError:
            pass
    st = path.stat()
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafeLocationError(f"{path} is not a folder; choose another data folder")
    problem = _owner_problem(path, st, "the data folder")
    if problem:
        raise UnsafeLocationError(f"refusing to use the data folder: {problem}")
    if stat.S_IMODE(st.st_mode) != DIR_MODE:
        os.chmod(path, DIR_MODE)


def check_private_file(path: Path) -> None:
    """Refuse a file someone else owns or can write; tighten ours to 0600."""
    _check_link(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    problem = _owner_problem(path, st, "the file")
    if problem:
        raise UnsafeLocationError(f"refusing to use {path.name}: {problem}")
    if stat.S_IMODE(st.st_mode) != FILE_MODE:
        os.chmod(path, FILE_MODE)


def open_private(path: Path, flags: int) -> int:
    """``os.open`` a file with mode 0600 whatever the umask; returns the descriptor."""
    fd = os.open(path, flags | os.O_CLOEXEC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    except OSError:
        os.close(fd)
        raise
    return fd


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write a whole file (an export, a backup) atomically with mode 0600."""
    from coprod_tui.store.storage import atomic_write_bytes

    atomic_write_bytes(path, data)
