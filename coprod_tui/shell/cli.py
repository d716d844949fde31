"""Core subcommands: ``where``, ``check``, ``backups``, ``restore``, and
``encrypt``, ``passphrase``, ``decrypt`` (encryption at rest, see
``core/store/crypto.py``)."""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import errno
import os
import stat
import sys
from pathlib import Path
from typing import Any

from coprod_tui import paths
from coprod_tui.core.cli_context import (
    ask_passphrase,
    content_dirs,
    data_dir,
    is_terminal,
    open_store,
    passphrase_file,
    unlock_key,
)
from coprod_tui.core.store import FILES, MAIN_FILE, backups
from coprod_tui.core.store.privacy import ensure_private_dir
from coprod_tui.core.store.schema import CURRENT_SCHEMA, schema_of
from coprod_tui.core.store.storage import atomic_write_bytes, parse_tables, plain_bytes
from coprod_tui.core.text import make_visible
from coprod_tui.errors import CoprodError, OSFailure, UsageError
from coprod_tui.i18n import N_, _, ngettext

#: A journal of 10,000 entries is about 30 MB; refuse what cannot be one.
MAX_RESTORE_BYTES = 512 * 1024 * 1024
#: Shortest passphrase accepted: scrypt slows guessing, it cannot save a short one.
MIN_PASSPHRASE = 8

FORGOTTEN_WARNING = N_(
    "Warning: if you forget this passphrase, nobody can recover your journal: not coprod, "
    "not an administrator, not its authors. Keep it somewhere safe (a password manager, "
    "or written down and locked away)."
)


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add this module's subcommands."""
    p = subparsers.add_parser("where", parents=[common],
                              help=_("print the data and content folders in use"))
    p.set_defaults(func=cmd_where)
    p = subparsers.add_parser("check", parents=[common],
                              help=_("verify the data files and count what they hold"))
    p.set_defaults(func=cmd_check)
    p = subparsers.add_parser("backups", parents=[common], help=_("list the automatic backups"))
    p.set_defaults(func=cmd_backups)
    p = subparsers.add_parser("restore", parents=[common],
                              help=_("put a backup back (the current file is kept aside)"))
    p.add_argument("backup", metavar="BACKUP",
                   help=_("a name from `coprod backups`; a path (with /, e.g. ./file.json) "
                          "for a file elsewhere, which must be yours and not a link"))
    p.set_defaults(func=cmd_restore)
    p = subparsers.add_parser(
        "encrypt", parents=[common],
        help=_("encrypt the journal, drafts and backups with a passphrase (age format)"))
    p.set_defaults(func=cmd_encrypt)
    p = subparsers.add_parser(
        "passphrase", parents=[common],
        help=_("change the passphrase of an encrypted journal (and its key)"))
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help=_("read the new passphrase from FILE (readable only by you) "
                          "instead of asking twice on the terminal"))
    p.set_defaults(func=cmd_passphrase)
    p = subparsers.add_parser(
        "decrypt", parents=[common],
        help=_("turn encryption off: the files become plain JSON again (0600)"))
    p.set_defaults(func=cmd_decrypt)


def _aligned(rows: list[tuple[str, object]], labels: list[str]) -> list[str]:
    """``label: value`` lines, the values lined up four columns after the longest
    of ``labels`` (every label the command can print: they change length with
    the language, and the column should not move with what is shown)."""
    width = max(len(label) for label in labels) + 4
    return [f"{label:<{width}}{value}" if label else f"{'':<{width}}{value}"
            for label, value in rows]


def cmd_where(args: argparse.Namespace) -> int:
    """Print where coprod keeps things."""
    folder = data_dir(args)
    rows: list[tuple[str, object]] = [(_("data folder:"), folder),
                                      (_("data file:"), folder / MAIN_FILE)]
    rows += [("", folder / name) for name in FILES[1:]]
    rows.append((_("backups:"), backups.backup_dir(folder)))
    from coprod_tui.core.store.crypto import identity_path, is_encrypted

    if is_encrypted(folder):
        rows.append((_("encryption:"), _("on (age; key in {path})").format(
            path=identity_path(folder))))
    else:
        rows.append((_("encryption:"), _("off (`coprod encrypt` turns it on)")))
    rows.append((_("content:"), paths.builtin_content_dir()))
    pack_label = _("content pack:")
    rows += [(pack_label, pack) for pack in content_dirs(args)]
    for line in _aligned(rows, [label for label, _value in rows] + [pack_label]):
        print(line)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Open the store (which validates and upgrades), check every record's shape
    and print counts; exit 1 naming each record the app could not show."""
    from coprod_tui.transfer.files import record_problems

    store = open_store(args)
    problems = record_problems(store)
    if store.encrypted:
        from coprod_tui.core.store.convert import plaintext_files

        plain = plaintext_files(store.data_dir)
        if plain:
            print(ngettext(
                "{count} file is not encrypted yet (an encryption was interrupted):",
                "{count} files are not encrypted yet (an encryption was interrupted):",
                len(plain)).format(count=len(plain)))
            for path in plain:
                print(f"  {make_visible(str(path))}")
            raise CoprodError(_("run `coprod encrypt` again to finish encrypting them"))
    if problems:
        print(ngettext("{path}: {count} record the app cannot show:",
                       "{path}: {count} records the app cannot show:",
                       len(problems)).format(path=store.path, count=len(problems)))
        for line in problems[:50]:
            print(f"  {make_visible(line)}")
        if len(problems) > 50:
            print("  " + _("... and {count} more").format(count=len(problems) - 50))
        raise CoprodError(_(
            "the data holds records coprod cannot show (listed above); restore a backup "
            "(`coprod backups`, `coprod restore NAME`) or correct them with care"
        ))
    print(_("{path}: OK (data version {version})").format(path=store.path,
                                                          version=CURRENT_SCHEMA))
    counts = store.counts()
    if not counts:
        print("  " + _("no records yet"))
    for table, count in counts.items():
        print(f"  {table:<20} {count}")
    found = backups.list_backups(store.data_dir)
    if found:
        print("  " + _("backups: {count}, newest {name}").format(count=len(found),
                                                               name=found[0].name))
    else:
        print("  " + _("backups: {count}").format(count=0))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    """List backups, newest first."""
    folder = data_dir(args)
    found = backups.list_backups(folder)
    if not found:
        print(_("no backups yet in {folder}").format(folder=backups.backup_dir(folder)))
        return 0
    for path in found:
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        size = path.stat().st_size
        shown = ngettext("{size} byte", "{size} bytes", size).format(size=f"{size:,}")
        print(f"{path.name:<44} {stamp}  {shown:>16}")
    return 0


def backup_source(folder: Path, name: str) -> Path:
    """The file ``coprod restore NAME`` means.

    A bare name is only ever a backup in the backups folder, never a file of
    that name in the current folder (which another user may have planted
    there). A name holding ``/`` is a path, checked by :func:`read_own_file`.
    """
    if "/" in name:
        return Path(name).expanduser()
    for path in backups.list_backups(folder):
        if path.name == name or path.stem == name:
            return path
    names = ", ".join(p.name for p in backups.list_backups(folder)) or _("none")
    raise UsageError(_(
        "no backup named {name!r} in {folder}; backups: {names} "
        "(give a path with / for a file elsewhere, e.g. ./{bare})").format(
            name=make_visible(name), folder=backups.backup_dir(folder), names=names,
            bare=make_visible(name)))


def read_own_file(path: Path, limit: int = MAX_RESTORE_BYTES) -> bytes:
    """The bytes of ``path`` if it is a regular file of ours that only we can change.

    Opened with ``O_NOFOLLOW`` and checked with ``fstat`` on the open file, so
    a symbolic link, or a file swapped in between a check and the open, is refused.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise CoprodError(_("refusing to read {path}: it is a symbolic link; "
                                "give the file itself").format(path=path)) from None
        raise OSFailure(error, _("cannot read it")) from None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise CoprodError(_("refusing to read {path}: it is not a regular file").format(
                path=path))
        if st.st_uid != os.geteuid():
            raise CoprodError(_("refusing to read {path}: it belongs to another user "
                                "(uid {uid}), who could have put anything in it").format(
                                    path=path, uid=st.st_uid))
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise CoprodError(_("refusing to read {path}: other users can change it; "
                                "check it, run `chmod go-w {path}`, then try again").format(
                                    path=path))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise CoprodError(_("refusing to read {path}: it is larger than {limit} bytes").format(
            path=path, limit=f"{limit:,}"))
    return data


def backup_problem(data: dict[str, Any]) -> str | None:
    """The first record of a backup's tables the app could not show (named with its
    table, place and field), or ``None``: a backup is checked as strictly as an
    import before it replaces the journal. An older backup is checked as the
    schema upgrade at the next start will leave it."""
    from coprod_tui.core.store.schema import upgrade
    from coprod_tui.transfer.json_format import table_problem

    if schema_of(data) < CURRENT_SCHEMA:
        data, _changes = upgrade(copy.deepcopy(data))
    for table, docs in data.items():
        if table.startswith("_"):
            continue
        problem = table_problem(table, list(docs.values()))
        if problem:
            return problem
    return None


def cmd_restore(args: argparse.Namespace) -> int:
    """Validate a backup, keep the current file aside, and put the backup in place
    (encrypted to the journal's key when the journal is encrypted)."""
    from coprod_tui.core.store.crypto import encode

    folder = data_dir(args)
    ensure_private_dir(folder)
    source = backup_source(folder, args.backup)
    raw = read_own_file(source)
    key = unlock_key(args, folder)
    try:
        data = parse_tables(plain_bytes(raw, key))
        raw = encode(plain_bytes(raw, key), key)
    except Exception as error:  # noqa: BLE001 - any unreadable content is refused
        raise CoprodError(_("cannot restore {path}: {problem}; nothing was changed").format(
            path=source, problem=error)) from None
    if not data or schema_of(data) > CURRENT_SCHEMA:
        raise CoprodError(_("cannot restore {path}: it is empty or from a newer coprod; "
                            "nothing was changed").format(path=source))
    problem = backup_problem(data)
    if problem:
        raise CoprodError(make_visible(_(
            "cannot restore {path}: {problem}; nothing was changed").format(
                path=source, problem=problem)))
    from coprod_tui.core.store.lock import FileLock
    from coprod_tui.core.store.repository import LOCK_FILE

    with FileLock(folder / LOCK_FILE).held():
        kept = backups.keep_copy(folder, folder / MAIN_FILE, "before-restore")
        # The bytes checked above, not the path again: it cannot change in between.
        atomic_write_bytes(folder / MAIN_FILE, raw)
    if kept:
        print(_("kept the previous file as {path}").format(path=kept))
    print(make_visible(_("restored {name} to {path}").format(name=source.name,
                                                           path=folder / MAIN_FILE)))
    return 0


def _new_passphrase(args: argparse.Namespace, given: Path | None) -> str:
    """A new passphrase: from ``given`` (a file), else asked twice on the terminal."""
    from coprod_tui.core.store.crypto import read_passphrase_file

    if given is not None:
        passphrase = read_passphrase_file(given)
    else:
        if not is_terminal(sys.stdin):
            raise UsageError(_("the new passphrase is asked on a terminal; for scripts give "
                               "--passphrase-file FILE (readable only by you)"))
        import getpass

        passphrase = getpass.getpass(_("New passphrase: "))
        if passphrase != getpass.getpass(_("The same passphrase again: ")):
            raise CoprodError(_("the two passphrases differ; nothing was changed"))
    if len(passphrase) < MIN_PASSPHRASE:
        raise CoprodError(_("the passphrase is shorter than {count} characters; nothing was "
                            "changed (a few words together are easy to remember)").format(
                                count=MIN_PASSPHRASE))
    return passphrase


def cmd_encrypt(args: argparse.Namespace) -> int:
    """Encrypt every data file and backup (or finish an interrupted encryption)."""
    from coprod_tui.core.store.convert import encrypt_folder, plaintext_files
    from coprod_tui.core.store.crypto import is_encrypted, unlock

    folder = data_dir(args)
    ensure_private_dir(folder)
    if is_encrypted(folder):
        if not plaintext_files(folder):
            raise CoprodError(_("the journal is already encrypted; `coprod passphrase` changes "
                                "the passphrase and `coprod decrypt` turns encryption off"))
        key = unlock(folder, ask_passphrase(args))
        _key, done = encrypt_folder(folder, "", key, progress=print)
        print(ngettext("finished encrypting: {count} more file encrypted",
                       "finished encrypting: {count} more files encrypted",
                       len(done)).format(count=len(done)))
        return 0
    print(_(FORGOTTEN_WARNING), file=sys.stderr)
    passphrase = _new_passphrase(args, passphrase_file(args))
    print(_("encrypting (the passphrase takes a second or two to turn into a key)..."),
          file=sys.stderr)
    _key, done = encrypt_folder(folder, passphrase, progress=print)
    print(ngettext("encrypted {count} file in {folder}; coprod now asks for the passphrase "
                   "once per session.",
                   "encrypted {count} files in {folder}; coprod now asks for the passphrase "
                   "once per session.", len(done)).format(count=len(done), folder=folder))
    print(_("Exports (coprod export) are still plain files unless you give --encrypt-to."))
    print(_("Without coprod: {command}").format(
        command=f"age -d -i {folder / 'identity.age'} {folder / MAIN_FILE}"))
    return 0


def cmd_passphrase(args: argparse.Namespace) -> int:
    """Change the passphrase; the key changes too and every file is re-encrypted."""
    from coprod_tui.core.store.convert import change_passphrase
    from coprod_tui.core.store.crypto import is_encrypted, read_passphrase_file, unlock

    folder = data_dir(args)
    if not is_encrypted(folder):
        raise CoprodError(_("the journal is not encrypted; `coprod encrypt` turns it on"))
    current = ask_passphrase(args, _("Current passphrase: "))
    key = unlock(folder, current)
    new_file = getattr(args, "new_passphrase_file", None)
    if new_file is not None:
        read_passphrase_file(Path(new_file))  # refused early if others can read it
    print(_(FORGOTTEN_WARNING), file=sys.stderr)
    passphrase = _new_passphrase(args, Path(new_file) if new_file else None)
    change_passphrase(folder, key, passphrase)
    print(_("passphrase changed; every file is now encrypted to a new key "
            "(the old passphrase opens nothing here any more)"))
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    """Turn encryption off: every file back to plain JSON (still 0600)."""
    from coprod_tui.core.store.convert import decrypt_folder
    from coprod_tui.core.store.crypto import is_encrypted, unlock

    folder = data_dir(args)
    if not is_encrypted(folder):
        raise CoprodError(_("the journal is not encrypted; nothing to do"))
    key = unlock(folder, ask_passphrase(args))
    done = decrypt_folder(folder, key, progress=print)
    print(ngettext("decrypted {count} file; the journal is plain JSON again (readable only by "
                   "you through the file permissions, and by administrators)",
                   "decrypted {count} files; the journal is plain JSON again (readable only by "
                   "you through the file permissions, and by administrators)",
                   len(done)).format(count=len(done)))
    return 0
