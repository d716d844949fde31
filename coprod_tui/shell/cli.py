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

#: A journal of 10,000 entries is about 30 MB; refuse what cannot be one.
MAX_RESTORE_BYTES = 512 * 1024 * 1024
#: Shortest passphrase accepted: scrypt slows guessing, it cannot save a short one.
MIN_PASSPHRASE = 8

FORGOTTEN_WARNING = (
    "Warning: if you forget this passphrase, nobody can recover your journal: not coprod, "
    "not an administrator, not its authors. Keep it somewhere safe (a password manager, "
    "or written down and locked away)."
)


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add this module's subcommands."""
    p = subparsers.add_parser("where", parents=[common], help="print the data and content folders in use")
    p.set_defaults(func=cmd_where)
    p = subparsers.add_parser("check", parents=[common], help="verify the data files and count what they hold")
    p.set_defaults(func=cmd_check)
    p = subparsers.add_parser("backups", parents=[common], help="list the automatic backups")
    p.set_defaults(func=cmd_backups)
    p = subparsers.add_parser("restore", parents=[common], help="put a backup back (the current file is kept aside)")
    p.add_argument("backup", metavar="BACKUP",
                   help="a name from `coprod backups`; a path (with /, e.g. ./file.json) "
                        "for a file elsewhere, which must be yours and not a link")
    p.set_defaults(func=cmd_restore)
    p = subparsers.add_parser(
        "encrypt", parents=[common],
        help="encrypt the journal, drafts and backups with a passphrase (age format)")
    p.set_defaults(func=cmd_encrypt)
    p = subparsers.add_parser(
        "passphrase", parents=[common],
        help="change the passphrase of an encrypted journal (and its key)")
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help="read the new passphrase from FILE (readable only by you) "
                        "instead of asking twice on the terminal")
    p.set_defaults(func=cmd_passphrase)
    p = subparsers.add_parser(
        "decrypt", parents=[common],
        help="turn encryption off: the files become plain JSON again (0600)")
    p.set_defaults(func=cmd_decrypt)


def cmd_where(args: argparse.Namespace) -> int:
    """Print where coprod keeps things."""
    folder = data_dir(args)
    print(f"data folder:     {folder}")
    print(f"data file:       {folder / MAIN_FILE}")
    for name in FILES[1:]:
        print(f"                 {folder / name}")
    print(f"backups:         {backups.backup_dir(folder)}")
    from coprod_tui.core.store.crypto import identity_path, is_encrypted

    if is_encrypted(folder):
        print(f"encryption:      on (age; key in {identity_path(folder)})")
    else:
        print("encryption:      off (`coprod encrypt` turns it on)")
    print(f"content:         {paths.builtin_content_dir()}")
    for pack in content_dirs(args):
        print(f"content pack:    {pack}")
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
            print(f"{len(plain)} file(s) are not encrypted yet (an encryption was interrupted):")
            for path in plain:
                print(f"  {make_visible(str(path))}")
            raise CoprodError("run `coprod encrypt` again to finish encrypting them")
    if problems:
        print(f"{store.path}: {len(problems)} record(s) the app cannot show:")
        for line in problems[:50]:
            print(f"  {make_visible(line)}")
        if len(problems) > 50:
            print(f"  ... and {len(problems) - 50} more")
        raise CoprodError(
            "the data holds records coprod cannot show (listed above); restore a backup "
            "(`coprod backups`, `coprod restore NAME`) or correct them with care"
        )
    print(f"{store.path}: OK (data version {CURRENT_SCHEMA})")
    counts = store.counts()
    if not counts:
        print("  no records yet")
    for table, count in counts.items():
        print(f"  {table:<20} {count}")
    found = backups.list_backups(store.data_dir)
    print(f"  backups: {len(found)}" + (f", newest {found[0].name}" if found else ""))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    """List backups, newest first."""
    folder = data_dir(args)
    found = backups.list_backups(folder)
    if not found:
        print(f"no backups yet in {backups.backup_dir(folder)}")
        return 0
    for path in found:
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        print(f"{path.name:<44} {stamp}  {path.stat().st_size:>10,} bytes")
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
    names = ", ".join(p.name for p in backups.list_backups(folder)) or "none"
    raise UsageError(f"no backup named {make_visible(name)!r} in {backups.backup_dir(folder)}; "
                     f"backups: {names} (give a path with / for a file elsewhere, e.g. ./{make_visible(name)})")


def read_own_file(path: Path, limit: int = MAX_RESTORE_BYTES) -> bytes:
    """The bytes of ``path`` if it is a regular file of ours that only we can change.

    Opened with ``O_NOFOLLOW`` and checked with ``fstat`` on the open file, so
    a symbolic link, or a file swapped in between a check and the open, is refused.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise CoprodError(f"refusing to read {path}: it is a symbolic link; "
                              "give the file itself") from None
        raise OSFailure(error, "cannot read it") from None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise CoprodError(f"refusing to read {path}: it is not a regular file")
        if st.st_uid != os.geteuid():
            raise CoprodError(f"refusing to read {path}: it belongs to another user "
                              f"(uid {st.st_uid}), who could have put anything in it")
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise CoprodError(f"refusing to read {path}: other users can change it; "
                              f"check it, run `chmod go-w {path}`, then try again")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise CoprodError(f"refusing to read {path}: it is larger than {limit:,} bytes")
    return data


def backup_problem(data: dict[str, Any]) -> str | None:
    """The first record of a backup's tables the app could not show (named with its
    table, place and field), or ``None``: a backup is checked as strictly as an
    import before it replaces the journal. An older backup is checked as the
    schema upgrade at the next start will leave it."""
    from coprod_tui.core.store.schema import upgrade
    from coprod_tui.transfer.json_format import table_problem

    if schema_of(data) < CURRENT_SCHEMA:
        data, _ = upgrade(copy.deepcopy(data))
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
        raise CoprodError(f"cannot restore {source}: {error}; nothing was changed") from None
    if not data or schema_of(data) > CURRENT_SCHEMA:
        raise CoprodError(f"cannot restore {source}: it is empty or from a newer coprod; "
                          "nothing was changed")
    problem = backup_problem(data)
    if problem:
        raise CoprodError(make_visible(f"cannot restore {source}: {problem}; nothing was changed"))
    from coprod_tui.core.store.lock import FileLock
    from coprod_tui.core.store.repository import LOCK_FILE

    with FileLock(folder / LOCK_FILE).held():
        kept = backups.keep_copy(folder, folder / MAIN_FILE, "before-restore")
        # The bytes checked above, not the path again: it cannot change in between.
        atomic_write_bytes(folder / MAIN_FILE, raw)
    if kept:
        print(f"kept the previous file as {kept}")
    print(make_visible(f"restored {source.name} to {folder / MAIN_FILE}"))
    return 0


def _new_passphrase(args: argparse.Namespace, given: Path | None) -> str:
    """A new passphrase: from ``given`` (a file), else asked twice on the terminal."""
    from coprod_tui.core.store.crypto import read_passphrase_file

    if given is not None:
        passphrase = read_passphrase_file(given)
    else:
        if not is_terminal(sys.stdin):
            raise UsageError("the new passphrase is asked on a terminal; for scripts give "
                             "--passphrase-file FILE (readable only by you)")
        import getpass

        passphrase = getpass.getpass("New passphrase: ")
        if passphrase != getpass.getpass("The same passphrase again: "):
            raise CoprodError("the two passphrases differ; nothing was changed")
    if len(passphrase) < MIN_PASSPHRASE:
        raise CoprodError(f"the passphrase is shorter than {MIN_PASSPHRASE} characters; "
                          "nothing was changed (a few words together are easy to remember)")
    return passphrase


def cmd_encrypt(args: argparse.Namespace) -> int:
    """Encrypt every data file and backup (or finish an interrupted encryption)."""
    from coprod_tui.core.store.convert import encrypt_folder, plaintext_files
    from coprod_tui.core.store.crypto import is_encrypted, unlock

    folder = data_dir(args)
    ensure_private_dir(folder)
    if is_encrypted(folder):
        if not plaintext_files(folder):
            raise CoprodError("the journal is already encrypted; `coprod passphrase` changes "
                              "the passphrase and `coprod decrypt` turns encryption off")
        key = unlock(folder, ask_passphrase(args))
        _key, done = encrypt_folder(folder, "", key, progress=print)
        print(f"finished encrypting: {len(done)} more file(s) encrypted")
        return 0
    print(FORGOTTEN_WARNING, file=sys.stderr)
    passphrase = _new_passphrase(args, passphrase_file(args))
    print("encrypting (the passphrase takes a second or two to turn into a key)...",
          file=sys.stderr)
    _key, done = encrypt_folder(folder, passphrase, progress=print)
    print(f"encrypted {len(done)} file(s) in {folder}; coprod now asks for the passphrase "
          "once per session.")
    print("Exports (coprod export) are still plain files unless you give --encrypt-to.")
    print(f"Without coprod: age -d -i {folder / 'identity.age'} {folder / MAIN_FILE}")
    return 0


def cmd_passphrase(args: argparse.Namespace) -> int:
    """Change the passphrase; the key changes too and every file is re-encrypted."""
    from coprod_tui.core.store.convert import change_passphrase
    from coprod_tui.core.store.crypto import is_encrypted, read_passphrase_file, unlock

    folder = data_dir(args)
    if not is_encrypted(folder):
        raise CoprodError("the journal is not encrypted; `coprod encrypt` turns it on")
    current = ask_passphrase(args, "Current passphrase: ")
    key = unlock(folder, current)
    new_file = getattr(args, "new_passphrase_file", None)
    if new_file is not None:
        read_passphrase_file(Path(new_file))  # refused early if others can read it
    print(FORGOTTEN_WARNING, file=sys.stderr)
    passphrase = _new_passphrase(args, Path(new_file) if new_file else None)
    change_passphrase(folder, key, passphrase)
    print("passphrase changed; every file is now encrypted to a new key "
          "(the old passphrase opens nothing here any more)")
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    """Turn encryption off: every file back to plain JSON (still 0600)."""
    from coprod_tui.core.store.convert import decrypt_folder
    from coprod_tui.core.store.crypto import is_encrypted, unlock

    folder = data_dir(args)
    if not is_encrypted(folder):
        raise CoprodError("the journal is not encrypted; nothing to do")
    key = unlock(folder, ask_passphrase(args))
    done = decrypt_folder(folder, key, progress=print)
    print(f"decrypted {len(done)} file(s); the journal is plain JSON again (readable only by "
          "you through the file permissions, and by administrators)")
    return 0
