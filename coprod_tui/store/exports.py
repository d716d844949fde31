"""Reading everything for an export, and writing export files (0600, atomic).

The renderers in ``domain/export_*`` are pure; this module gathers the tables
(all files read under one lock, so the snapshot is consistent) and writes the
result. An existing file is never replaced unless the caller says so.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import secrets
from pathlib import Path
from typing import Any

from coprod_tui import __version__
from coprod_tui.domain.clock import now_iso
from coprod_tui.domain.export_common import ExportFilter, Selection, default_filename, select
from coprod_tui.domain.export_json import build_dump, dump_text
from coprod_tui.domain.export_text import render_md, render_txt
from coprod_tui.errors import CoprodError
from coprod_tui.store.errors import WriteFailedError
from coprod_tui.store.privacy import open_private
from coprod_tui.store.repository import FILES, Store
from coprod_tui.store.schema import CURRENT_SCHEMA
from coprod_tui.store.storage import UnreadableFileError, atomic_write_bytes, read_json_file

Doc = dict[str, Any]
RENDERERS = {"md": render_md, "txt": render_txt}  # nmc, hcpc, html: see render()


class ExportExistsError(CoprodError):
    """The chosen file already exists and replacing it was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} already exists; nothing was written. Choose another name, "
            "or replace it (--force on the command line)."
        )
        self.path = path


def _doc_order(item: tuple[str, Any]) -> tuple[int, str]:
    key = item[0]
    return (int(key), "") if key.isdigit() else (1 << 62, key)


def read_all_tables(store: Store) -> dict[str, list[Doc]]:
    """Every record of every table of every data file, in stored order.

    Tables whose names start with ``_`` (the schema marker) are left out.
    """
    tables: dict[str, list[Doc]] = {}
    with store.lock.held():
        for name in FILES:
            try:
                data = read_json_file(store.file(name)) or {}
            except UnreadableFileError as error:
                raise CoprodError(
                    f"cannot read {store.file(name)}: {error}. Run `coprod check`."
                ) from error
            for table, docs in data.items():
                if table.startswith("_"):
                    continue
                rows = [doc for _, doc in sorted(docs.items(), key=_doc_order)]
                tables.setdefault(table, []).extend(rows)
    return tables


def gather(store: Store, flt: ExportFilter, exported: str | None = None) -> Selection:
    """What a md, txt or nmc export of ``store`` under ``flt`` shows."""
    return select(read_all_tables(store), flt, exported or now_iso())


def render(store: Store, fmt: str, flt: ExportFilter, exported: str | None = None,
           with_partner: bool = False, today: dt.date | None = None) -> str:
    """The export in format ``fmt`` (``json`` ignores ``flt``: it holds everything).

    The reflective discussion partner's name, PIN, email, address and postcode
    are in no export, the json backup included, unless ``with_partner``.
    """
    stamp = exported or now_iso()
    tables = read_all_tables(store)
    if not with_partner and "discussions" in tables:
        from coprod_tui.revalidation.rules import without_partner

        tables["discussions"] = [without_partner(d) for d in tables["discussions"]]
    if fmt == "json":
        dump = build_dump(tables, CURRENT_SCHEMA, stamp, f"coprod {__version__}")
        return dump_text(dump)
    if fmt in ("nmc", "hcpc", "html"):
        from coprod_tui.revalidation.export import render_pack

        return render_pack(tables, fmt, flt, stamp, today or dt.date.today(), with_partner)
    return RENDERERS[fmt](select(tables, flt, stamp))


def default_path(fmt: str, home: Path | None = None, today: dt.date | None = None) -> Path:
    """``~/coprod-export-YYYY-MM-DD.<ext>``."""
    return (home or Path.home()) / default_filename(fmt, today or dt.date.today())


def write_export(path: Path, text: str, overwrite: bool = False) -> Path:
    """Write ``text`` to ``path`` as a private (0600) file, atomically.

    Without ``overwrite`` an existing file is never replaced, even one that
    appears while writing: :class:`ExportExistsError` is raised instead.
    Returns the absolute path written.
    """
    path = Path(os.path.expanduser(str(path))).absolute()
    if path.is_dir():
        raise CoprodError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise CoprodError(f"the folder {path.parent} does not exist; nothing was written")
    data = text.encode("utf-8")
    if overwrite:
        atomic_write_bytes(path, data)
        return path
    if path.exists() or path.is_symlink():
        raise ExportExistsError(path)
    _write_new(path, data)
    return path


def _write_new(path: Path, data: bytes) -> None:
    """Write a complete temporary file, then link it in only if ``path`` is free."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        fd = open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise ExportExistsError(path) from None
        except OSError as error:
            # Some file systems have no hard links: fall back to a checked rename.
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                                   errno.EMLINK):
                raise
            if path.exists():
                raise ExportExistsError(path) from None
            os.replace(tmp, path)
    except OSError as error:
        raise WriteFailedError(path, error) from error
    finally:
        try:
            tmp.unlink()
        except OSError:
            pass


def summary(store: Store) -> str:
    """The Export area's line on the home screen."""
    count = store.count("entries")
    noun = "entry" if count == 1 else "entries"
    # Short enough for one line on an 80-column home screen.
    return f"{count} {noun} to take with you (6 formats)"
