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
import stat
from pathlib import Path
from typing import Any

from coprod_tui import __version__, paths
from coprod_tui.core.clock import now_iso
from coprod_tui.core.store.errors import WriteFailedError
from coprod_tui.core.store.privacy import open_private
from coprod_tui.core.store.repository import FILES, Store
from coprod_tui.core.store.schema import CURRENT_SCHEMA
from coprod_tui.core.store.storage import UnreadableFileError, atomic_write_bytes, read_json_file
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import _
from coprod_tui.stocktake.statements import StatementSet
from coprod_tui.transfer.common import (
    ExportFilter,
    Selection,
    default_filename,
    entry_filename,
    select,
)
from coprod_tui.transfer.json_format import build_dump, dump_text, record_problem
from coprod_tui.transfer.nmc import render_nmc
from coprod_tui.transfer.text_format import render_md, render_txt

Doc = dict[str, Any]
RENDERERS = {"md": render_md, "txt": render_txt}  # nmc, hcpc, html: see render()


class ExportExistsError(CoprodError):
    """The chosen file already exists and replacing it was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            _("{path} already exists; nothing was written. Choose another name, "
              "or replace it (--force on the command line).").format(path=path)
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
                data = read_json_file(store.file(name), store.key) or {}
            except UnreadableFileError as error:
                raise CoprodError(
                    _("cannot read {path}: {problem}. Run `coprod check`.").format(
                        path=store.file(name), problem=error)
                ) from error
            for table, docs in data.items():
                if table.startswith("_"):
                    continue
                rows = [doc for _, doc in sorted(docs.items(), key=_doc_order)]
                tables.setdefault(table, []).extend(rows)
    return tables


def record_problems(store: Store) -> list[str]:
    """Each record the app could not show, as ``table 'T' record ID: why`` (for
    ``coprod check``); also ids that are both in the journal and the trash."""
    tables = read_all_tables(store)
    found = []
    for table, docs in sorted(tables.items()):
        for index, doc in enumerate(docs, start=1):
            problem = record_problem(table, doc)
            if problem:
                name = doc.get("id") if isinstance(doc, dict) else None
                label = (_("id {id}").format(id=str(name)[:40]) if isinstance(name, str) and name
                         else f"#{index}")
                found.append(_("table {table!r} record {record}: {problem}").format(
                    table=table, record=label, problem=problem))
    ids = [d.get("id") for d in tables.get("entries", []) if isinstance(d, dict)]
    trashed = {d.get("id") for d in tables.get("trash", []) if isinstance(d, dict)}
    for record_id in sorted({i for i in ids if i in trashed and isinstance(i, str)}):
        found.append(_("id {id} is both in the journal and in the trash").format(id=record_id))
    return found


def _statements(content_dirs: list[Path] | None) -> StatementSet | None:
    """The stocktake statements, or ``None`` if they cannot be read (scores still show)."""
    from coprod_tui.stocktake.records import load_statements

    try:
        return load_statements(paths.content_pack_dirs() if content_dirs is None else content_dirs)
    except CoprodError:
        return None


def gather(store: Store, flt: ExportFilter, exported: str | None = None,
           content_dirs: list[Path] | None = None) -> Selection:
    """What a md, txt or nmc export of ``store`` under ``flt`` shows.

    ``content_dirs`` are content packs (default: ``COPROD_CONTENT_DIR``) whose
    stocktake statements are shown beside a stocktake's scores.
    """
    return select(read_all_tables(store), flt, exported or now_iso(), _statements(content_dirs))


def render(store: Store, fmt: str, flt: ExportFilter, exported: str | None = None,
           with_partner: bool = False, today: dt.date | None = None) -> str:
    """The export in format ``fmt`` (``json`` ignores ``flt``: it holds everything).

    The reflective discussion partner's name, PIN, email, address and postcode
    are in no export, the json backup included, unless ``with_partner``.
    """
    stamp = exported or now_iso()
    tables = read_all_tables(store)
    if not with_partner:
        from coprod_tui.revalidation.rules import draft_without_partner, without_partner

        if "discussions" in tables:
            tables["discussions"] = [without_partner(d) for d in tables["discussions"]]
        if "drafts" in tables:  # the app's half-filled discussion form holds them too
            tables["drafts"] = [draft_without_partner(d) for d in tables["drafts"]]
    if fmt == "json":
        dump = build_dump(tables, CURRENT_SCHEMA, stamp, f"coprod {__version__}")
        return dump_text(dump)
    if fmt in ("nmc", "hcpc", "html"):
        from coprod_tui.revalidation.export import render_pack

        return render_pack(tables, fmt, flt, stamp, today or dt.date.today(), with_partner)
    return RENDERERS[fmt](select(tables, flt, stamp, _statements(None)))


def default_path(fmt: str, home: Path | None = None, today: dt.date | None = None) -> Path:
    """``~/coprod-export-YYYY-MM-DD.<ext>``."""
    return (home or Path.home()) / default_filename(fmt, today or dt.date.today())


def write_export(path: Path, text: str | bytes, overwrite: bool = False) -> Path:
    """Write ``text`` to ``path`` as a private (0600) file, atomically.

    Without ``overwrite`` an existing file is never replaced, even one that
    appears while writing: :class:`ExportExistsError` is raised instead.
    Returns the absolute path written.
    """
    path = Path(os.path.expanduser(str(path))).absolute()
    if path.is_dir():
        raise CoprodError(_("{path} is a folder; give a file name").format(path=path))
    if not path.parent.is_dir():
        raise CoprodError(_("the folder {folder} does not exist; nothing was written").format(
            folder=path.parent))
    try:
        existing = os.lstat(path)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        # Replacing the name would turn a device (/dev/null, /dev/full as root), a
        # pipe or a link into a plain file: only ever replace a regular file.
        raise CoprodError(_("{path} is not a regular file (a device, a pipe or a link); "
                            "nothing was written: give the name of a new or ordinary "
                            "file").format(path=path))
    data = text.encode("utf-8") if isinstance(text, str) else text
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


def write_entry_export(store: Store, entry_id: str, fmt: str, folder: Path | None = None,
                       today: dt.date | None = None) -> Path:
    """Export one entry (for supervision) to a new private file in ``folder`` (default: home).

    The file is ``coprod-entry-DATE-ID.EXT``; if that exists, ``-2``, ``-3``...
    are tried, so nothing is ever replaced. Returns the path written.
    """
    if fmt == "json":
        raise CoprodError(_("json is the full backup; export one entry as md, txt or nmc"))
    if fmt == "nmc":
        # One reflective account on the form's questions, not the whole
        # revalidation pack that ``coprod export --format nmc`` gives.
        text = render_nmc(gather(store, ExportFilter(ids=(entry_id,))))
    else:
        text = render(store, fmt, ExportFilter(ids=(entry_id,)))
    base = folder or Path.home()
    day = today or dt.date.today()
    for copy in range(1, 100):
        try:
            return write_export(base / entry_filename(fmt, day, entry_id, copy), text)
        except ExportExistsError:
            continue
    raise CoprodError(_("too many exports of this entry in {folder}; move some away "
                        "first").format(folder=base))

