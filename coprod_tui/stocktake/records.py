"""Stocktakes in the store (table ``stocktakes``) and the statements file.

An unfinished stocktake (``finished`` false) is saved after every answer, so it
survives a quit, a crash or a dropped connection and is offered on return.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coprod_tui import paths
from coprod_tui.core.clock import now_iso
from coprod_tui.core.content import cached, read_content_json
from coprod_tui.core.preferences import preference
from coprod_tui.core.store.collection import Collection
from coprod_tui.core.store.repository import Store
from coprod_tui.stocktake.rules import Stocktake, by_date
from coprod_tui.stocktake.statements import (
    StatementSet,
    StatementsFileError,
    parse_statements,
)

TABLE = "stocktakes"
STATEMENTS_FILE = "stocktake.json"
REMINDER_SETTING = "stocktake-reminder"


# -- records -------------------------------------------------------------------------
def records(store: Store) -> Collection[Stocktake]:
    """Every stocktake, finished or not (ordered oldest first by :func:`all_stocktakes`)."""
    return Collection(store, TABLE, from_doc=Stocktake.from_doc, to_doc=Stocktake.to_doc)


def save(store: Store, stocktake: Stocktake) -> Stocktake:
    """Insert or replace the stocktake (it gets an id on first save)."""
    stocktake.updated = now_iso()
    stocktake.id = records(store).put(stocktake).id
    return stocktake


def finish(store: Store, stocktake: Stocktake) -> Stocktake:
    """Mark a complete stocktake finished and save it."""
    if not stocktake.complete():
        raise ValueError("every statement needs a score before the stocktake is finished")
    stocktake.finished = True
    stocktake.finished_at = now_iso()
    return save(store, stocktake)


def all_stocktakes(store: Store) -> list[Stocktake]:
    """Every stocktake, finished or not, oldest first."""
    return by_date(records(store).all())


def finished(store: Store) -> list[Stocktake]:
    """Finished, complete stocktakes, oldest first."""
    return [s for s in all_stocktakes(store) if s.finished and s.complete()]


def unfinished(store: Store) -> Stocktake | None:
    """The most recently changed unfinished stocktake, if any."""
    waiting = [s for s in all_stocktakes(store) if not s.finished]
    return max(waiting, key=lambda s: s.updated or s.started) if waiting else None


def get(store: Store, stocktake_id: str) -> Stocktake | None:
    """One stocktake by its full id."""
    return records(store).get(stocktake_id)


def discard(store: Store, stocktake_id: str) -> bool:
    """Delete a stocktake (used for an unfinished one the user does not want)."""
    return records(store).remove(stocktake_id)


def delete_for_good(store: Store, stocktake_id: str) -> bool:
    """Delete a finished stocktake here and from every backup; ``False`` if not found."""
    return records(store).remove_for_good(stocktake_id)


# -- the statements file ------------------------------------------------------------
def statements_path(content_dirs: list[Path] | None = None) -> Path:
    """The statements file in use: the last content pack that has one, else the built-in."""
    for folder in reversed(content_dirs or []):
        candidate = Path(folder) / STATEMENTS_FILE
        if candidate.is_file():
            return candidate
    return paths.builtin_content_dir() / STATEMENTS_FILE


def load_statements(content_dirs: list[Path] | None = None) -> StatementSet:
    """Read and check the statements (raises :class:`StatementsFileError`; kept in
    the one content cache until the file changes)."""
    path = statements_path(content_dirs)
    return cached("stocktake-statements", [path], lambda: parse_statements(
        read_content_json(path, StatementsFileError), str(path)))


# -- home ----------------------------------------------------------------------------
def reminder_months(store: Store) -> int | None:
    """How many months after a stocktake to suggest another (``None``: never)."""
    pref = preference(REMINDER_SETTING)
    value = store.get_setting(REMINDER_SETTING, pref.default)
    if not pref.valid(value):
        value = pref.default
    return int(value) if str(value).isdigit() else None



def home_summary(store: Store, today: dt.date | None = None) -> str:
    """Home's line (kept for callers of this name; the line lives in :mod:`.summary`)."""
    from coprod_tui.stocktake.summary import home_summary as home_line

    return home_line(store, today)
