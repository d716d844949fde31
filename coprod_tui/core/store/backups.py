"""Backups of the journal file, kept in the data folder's ``backups`` folder.

Four kinds, each pruned to a fixed number so they never grow without limit:

- daily copies ``coprod-YYYY-MM-DD.json`` (the newest :data:`KEEP`);
- copies kept before an import, a restore or a schema upgrade,
  ``coprod-YYYY-MM-DD-HHMMSS-LABEL.json`` (the newest :data:`KEEP_COPIES` of each label).

Emptying the trash removes the deleted entries from every one of them
(:func:`purge_records`), so text a user removed for good is not left behind.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_tui.core.store.privacy import ensure_private_dir, read_nofollow
from coprod_tui.core.store.storage import UnreadableFileError, atomic_write_bytes, read_json_file

if TYPE_CHECKING:
    from coprod_tui.core.store.crypto import Key

KEEP = 7
KEEP_COPIES = 5
_NAME = re.compile(r"^coprod-(\d{4}-\d{2}-\d{2})(?:-[\w.-]+)?\.json$")
# A copy kept before a change: stamp, label (before-import, before-restore, schema1...).
_COPY = re.compile(r"^coprod-\d{4}-\d{2}-\d{2}-\d{6}-([a-z]+(?:-[a-z]+)*?\d*)(?:-\d+)?\.json$")


def backup_dir(data_dir: Path) -> Path:
    """The folder that holds backups."""
    return data_dir / "backups"


def list_backups(data_dir: Path) -> list[Path]:
    """Backups, newest first."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _NAME.match(p.name)]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def newest_good_backup(data_dir: Path, key: Key | None = None) -> Path | None:
    """The newest backup that parses (opened with ``key`` if encrypted), or ``None``."""
    for path in list_backups(data_dir):
        try:
            if read_json_file(path, key) is not None:
                return path
        except Exception:  # noqa: BLE001 - any unreadable backup is skipped
            continue
    return None


def daily_backup_due(data_dir: Path, today: dt.date | None = None) -> bool:
    """Whether today's backup is still to be made (so the file's bytes are needed)."""
    day = (today or dt.date.today()).isoformat()
    return not (backup_dir(data_dir) / f"coprod-{day}.json").exists()


def daily_backup(data_dir: Path, raw: bytes, today: dt.date | None = None) -> Path | None:
    """Keep ``raw`` (a file that was just read successfully) as today's backup,
    once a day, and prune to the newest :data:`KEEP`."""
    day = (today or dt.date.today()).isoformat()
    folder = backup_dir(data_dir)
    target = folder / f"coprod-{day}.json"
    if target.exists():
        return None
    ensure_private_dir(folder)
    atomic_write_bytes(target, raw)
    dated = sorted(
        (p for p in folder.iterdir() if _NAME.match(p.name) and p.name.count("-") == 3),
        key=lambda p: p.name,
        reverse=True,
    )
    for old in dated[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def keep_copy(data_dir: Path, path: Path, label: str) -> Path | None:
    """Copy the current file aside (before a restore or an upgrade)."""
    if not path.exists():
        return None
    folder = backup_dir(data_dir)
    ensure_private_dir(folder)
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    target = folder / f"coprod-{stamp}-{label}.json"
    number = 1
    while target.exists():
        # Never overwrite an earlier copy (two restores in one second: the
        # second one's source may be the very copy the first one kept).
        number += 1
        target = folder / f"coprod-{stamp}-{label}-{number}.json"
    atomic_write_bytes(target, read_nofollow(path))
    prune_copies(data_dir)
    return target


def kind_of(path: Path) -> str:
    """``daily``, or the label of a copy (``before-import``...), for pruning."""
    found = _COPY.match(path.name)
    return found.group(1) if found else "daily"


def prune_copies(data_dir: Path, keep: int = KEEP_COPIES) -> list[Path]:
    """Keep the newest ``keep`` copies of each kind (daily copies are pruned by
    :func:`daily_backup`); returns what was removed."""
    folder = backup_dir(data_dir)
    by_kind: dict[str, list[Path]] = {}
    for path in list_backups(data_dir):
        kind = kind_of(path)
        if kind != "daily":
            by_kind.setdefault(kind, []).append(path)
    removed = []
    for paths in by_kind.values():
        for old in paths[keep:]:  # list_backups gives newest first
            (folder / old.name).unlink(missing_ok=True)
            removed.append(old)
    return removed


def purge_records(data_dir: Path, ids: Iterable[str], key: Key | None = None) -> list[Path]:
    """Remove records with these ids from every table of every backup.

    Each changed backup is rewritten atomically (0600), encrypted to ``key``
    when the journal is encrypted. Call while holding the
    store lock. A backup that cannot be parsed cannot be purged record by
    record: it is deleted, because it may hold the text being removed for
    good. Returns the backups changed or deleted.
    """
    gone = set(ids)
    changed = []
    if not gone:
        return changed
    for path in list_backups(data_dir):
        try:
            data = read_json_file(path, key)
        except (UnreadableFileError, OSError, RecursionError):
            path.unlink(missing_ok=True)
            changed.append(path)
            continue
        if data is None:
            continue
        touched = False
        for table in data.values():
            for doc_key in [k for k, doc in table.items()
                            if isinstance(doc, dict) and doc.get("id") in gone]:
                del table[doc_key]
                touched = True
        if touched:
            from coprod_tui.core.store.crypto import encode

            payload = json.dumps(data, separators=(",", ":"), check_circular=False)
            atomic_write_bytes(path, encode(payload.encode("utf-8"), key))
            changed.append(path)
    return changed


def copy_file(src: Path, dst: Path) -> None:
    """Copy with 0600 permissions, atomically (never reading through a link)."""
    atomic_write_bytes(dst, read_nofollow(src))


__all__ = [
    "backup_dir",
    "copy_file",
    "daily_backup",
    "keep_copy",
    "kind_of",
    "list_backups",
    "newest_good_backup",
    "prune_copies",
    "purge_records",
]
