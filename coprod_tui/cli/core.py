"""Core subcommands: ``where``, ``check``, ``backups``, ``restore``."""

from __future__ import annotations

import argparse
import datetime as dt

from coprod_tui import paths
from coprod_tui.cli.context import content_dirs, data_dir, open_store
from coprod_tui.domain.text import make_visible
from coprod_tui.errors import CoprodError
from coprod_tui.store import FILES, MAIN_FILE, backups
from coprod_tui.store.privacy import ensure_private_dir
from coprod_tui.store.schema import CURRENT_SCHEMA, schema_of
from coprod_tui.store.storage import UnreadableFileError, read_json_file


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add this module's subcommands."""
    p = subparsers.add_parser("where", parents=[common], help="print the data and content folders in use")
    p.set_defaults(func=cmd_where)
    p = subparsers.add_parser("check", parents=[common], help="verify the data files and count what they hold")
    p.set_defaults(func=cmd_check)
    p = subparsers.add_parser("backups", parents=[common], help="list the automatic backups")
    p.set_defaults(func=cmd_backups)
    p = subparsers.add_parser("restore", parents=[common], help="put a backup back (the current file is kept aside)")
    p.add_argument("backup", metavar="BACKUP", help="a name from `coprod backups`, or a path")
    p.set_defaults(func=cmd_restore)


def cmd_where(args: argparse.Namespace) -> int:
    """Print where coprod keeps things."""
    folder = data_dir(args)
    print(f"data folder:     {folder}")
    print(f"data file:       {folder / MAIN_FILE}")
    for name in FILES[1:]:
        print(f"                 {folder / name}")
    print(f"backups:         {backups.backup_dir(folder)}")
    print(f"content:         {paths.builtin_content_dir()}")
    for pack in content_dirs(args):
        print(f"content pack:    {pack}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Open the store (which validates and upgrades), check every record's shape
    and print counts; exit 1 naming each record the app could not show."""
    from coprod_tui.store.exports import record_problems

    store = open_store(args)
    problems = record_problems(store)
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


def cmd_restore(args: argparse.Namespace) -> int:
    """Validate a backup, keep the current file aside, and put the backup in place."""
    folder = data_dir(args)
    ensure_private_dir(folder)
    source = backups.resolve_backup(folder, args.backup)
    try:
        data = read_json_file(source)
    except UnreadableFileError as error:
        raise CoprodError(f"cannot restore {source}: {error}; nothing was changed") from error
    if data is None or schema_of(data) > CURRENT_SCHEMA:
        raise CoprodError(f"cannot restore {source}: it is missing or from a newer coprod")
    from coprod_tui.store.lock import FileLock
    from coprod_tui.store.repository import LOCK_FILE

    with FileLock(folder / LOCK_FILE).held():
        kept = backups.keep_copy(folder, folder / MAIN_FILE, "before-restore")
        backups.copy_file(source, folder / MAIN_FILE)
    if kept:
        print(f"kept the previous file as {kept}")
    print(f"restored {source.name} to {folder / MAIN_FILE}")
    return 0
