"""Shared stocktake files: writing one (0600, never replacing by surprise) and reading many.

A share file comes from someone else, so reading is careful: only regular
files, a size limit before parsing, and any JSON problem (including nesting too
deep to parse) reported as one :class:`ShareFileError` line naming the file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

from coprod_tui.core.text import make_visible
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import _
from coprod_tui.stocktake.rules import Stocktake
from coprod_tui.stocktake.statements import StatementSet
from coprod_tui.stocktake.team import (
    MAX_SHARE_BYTES,
    SharedStocktake,
    ShareFileError,
    parse_share,
    share_doc,
)
from coprod_tui.transfer.files import write_export


def default_share_name(today: dt.date | None = None) -> str:
    """``coprod-stocktake-share-YYYY-MM-DD.json``."""
    return f"coprod-stocktake-share-{(today or dt.date.today()).isoformat()}.json"


def _expand(path: Path | str) -> Path:
    return Path(os.path.expanduser(str(path))).absolute()


def write_share(path: Path | str, stocktake: Stocktake, statements: StatementSet,
                with_notes: bool = False, overwrite: bool = False) -> Path:
    """Write ``stocktake`` as a share file at ``path`` (0600, atomic); returns the path.

    An existing file is replaced only with ``overwrite``, and never when it is
    not a regular file (a link, a device, a pipe, a folder).
    """
    target = _expand(path)
    try:
        info = target.lstat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise CoprodError(_("cannot check {path}: {reason}").format(
            path=make_visible(str(target)), reason=error.strerror or error)) from error
    if info is not None and not stat.S_ISREG(info.st_mode):
        message = (_("{path} is a folder; nothing was written. Give a file name.")
                   if stat.S_ISDIR(info.st_mode) else
                   _("{path} is not a regular file; nothing was written. Give a file name."))
        raise CoprodError(message.format(path=make_visible(str(target))))
    text = json.dumps(share_doc(stocktake, statements, with_notes), indent=2,
                      ensure_ascii=False) + "\n"
    return write_export(target, text, overwrite=overwrite)


def read_share(path: Path | str) -> SharedStocktake:
    """Read and check one share file (:class:`ShareFileError` with the reason if bad)."""
    target = _expand(path)
    shown = make_visible(str(target))  # a file name may hold control characters
    try:
        # O_NONBLOCK: opening a pipe someone left in place must not hang.
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise ShareFileError(_("{path}: no such file").format(path=shown)) from None
    except OSError as error:
        raise ShareFileError(_("{path}: cannot open it ({reason})").format(
            path=shown, reason=error.strerror or error)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ShareFileError(_("{path}: not a regular file").format(path=shown))
        if info.st_size > MAX_SHARE_BYTES:
            raise ShareFileError(_("{path}: too big for a shared stocktake ({size} bytes; at "
                                   "most {most})").format(path=shown, size=info.st_size,
                                                          most=MAX_SHARE_BYTES))
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(MAX_SHARE_BYTES + 1)
    except OSError as error:
        raise ShareFileError(_("{path}: cannot read it ({reason})").format(
            path=shown, reason=error.strerror or error)) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_SHARE_BYTES:
        raise ShareFileError(_("{path}: too big for a shared stocktake").format(path=shown))
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ShareFileError(_("{path}: not UTF-8 text, so not a shared stocktake").format(
            path=shown)) from None
    except RecursionError:
        raise ShareFileError(_("{path}: nested too deeply to be a shared stocktake").format(
            path=shown)) from None
    except ValueError as error:
        raise ShareFileError(_("{path}: not valid JSON ({reason})").format(
            path=shown, reason=error)) from None
    return parse_share(data, shown)


def same_file_given_twice(paths: list[Path | str]) -> tuple[str, str] | None:
    """The first two arguments naming one file (by device and inode), if any."""
    seen: dict[tuple[int, int], str] = {}
    for path in paths:
        try:
            info = os.stat(_expand(path))
        except OSError:
            continue  # reported when the file is read
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return seen[key], str(path)
        seen[key] = str(path)
    return None


def find_shares(folder: Path | str, limit: int = 500) -> list[Path]:
    """The share files in ``folder`` (not its subfolders), sorted by name.

    Only ``*.json`` regular files that read as a share are listed; at most
    ``limit`` candidates are looked at, so a huge folder cannot stall the app.
    """
    where = _expand(folder)
    if not where.is_dir():
        raise CoprodError(_("{path} is not a folder").format(path=make_visible(str(where))))
    found: list[Path] = []
    try:
        names = sorted(entry.name for entry in os.scandir(where)
                       if entry.name.endswith(".json") and entry.is_file(follow_symlinks=False))
    except OSError as error:
        raise CoprodError(_("cannot list {path}: {reason}").format(
            path=make_visible(str(where)), reason=error.strerror or error)) from error
    for name in names[:limit]:
        try:
            read_share(where / name)
        except ShareFileError:
            continue
        found.append(where / name)
    return found
