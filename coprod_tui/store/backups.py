"""Rolling daily backups of the last good data file, kept in the data folder."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from coprod_tui.errors import UsageError
from coprod_tui.store.privacy import ensure_private_dir
from coprod_tui.store.storage import atomic_write_bytes, read_json_file

KEEP = 7
_NAME = re.compile(r"^coprod-(\d{4}-\d{2}-\d{2})(?:-[\w.-]+)?\.json$")


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


def newest_good_backup(data_dir: Path) -> Path | None:
    """The newest backup that parses, or ``None``."""
    for path in list_backups(data_dir):
        try:
            if read_json_file(path) is not None:
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
    atomic_write_bytes(target, path.read_bytes())
    return target


def resolve_backup(data_dir: Path, name: str) -> Path:
    """Find a backup by file name or path; raise a usage error listing choices."""
    candidate = Path(name)
    if candidate.is_file():
        return candidate
    for path in list_backups(data_dir):
        if path.name == name or path.stem == name:
            return path
    names = ", ".join(p.name for p in list_backups(data_dir)) or "none"
    raise UsageError(f"no backup named {name!r}; backups: {names}")


def copy_file(src: Path, dst: Path) -> None:
    """Copy with 0600 permissions, atomically."""
    with open(src, "rb") as handle:
        atomic_write_bytes(dst, handle.read())


__all__ = [
    "backup_dir",
    "copy_file",
    "daily_backup",
    "keep_copy",
    "list_backups",
    "newest_good_backup",
    "resolve_backup",
]
