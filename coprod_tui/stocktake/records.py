"""Stocktakes in the store (table ``stocktakes``) and the statements file.

An unfinished stocktake (``finished`` false) is saved after every answer, so it
survives a quit, a crash or a dropped connection and is offered on return.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coprod_tui import i18n, paths
from coprod_tui.core.clock import now_iso
from coprod_tui.core.content import cached, read_content_json
from coprod_tui.core.preferences import preference
from coprod_tui.core.store.collection import Collection
from coprod_tui.core.store.repository import Store
from coprod_tui.core.text import make_visible
from coprod_tui.stocktake.rules import Stocktake, by_date
from coprod_tui.stocktake.statements import (
    StatementSet,
    StatementsFileError,
    parse_statements,
    translate_statements,
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


def translation_path(folder: Path, language: str) -> Path:
    """Where a content folder keeps its translation of the statements:
    ``<folder>/<code>/stocktake.json`` (the built-in Welsh: ``content/cy/stocktake.json``)."""
    return Path(folder) / language / STATEMENTS_FILE


def _translation_candidates(content_dirs: list[Path] | None, language: str) -> list[Path]:
    """Translations that may apply to the statements file in use, best first: from
    the folder holding that file or any folder after it (as a reading translation
    applies to the sections as they stand after its folder is merged)."""
    folders = [paths.builtin_content_dir(), *(Path(f) for f in content_dirs or [])]
    in_use = statements_path(content_dirs).parent
    start = max((i for i, f in enumerate(folders) if Path(f) == in_use), default=0)
    return [translation_path(f, language) for f in reversed(folders[start:])]


def load_statements(content_dirs: list[Path] | None = None,
                    language: str | None = None) -> StatementSet:
    """Read and check the statements, in ``language`` (default: the interface
    language) where a translation exists, English elsewhere.

    A translation counts when it sits beside the file in use or in a later
    content pack: a pack that brings its own statements replaces the built-in
    translation too, and a pack holding only ``cy/stocktake.json`` translates
    the statements before it. Raises :class:`StatementsFileError` for a broken
    file or translation; kept in the one content cache until a file changes.
    """
    code = i18n.normalise(language) or i18n.current_language()
    path = statements_path(content_dirs)
    candidates = _translation_candidates(content_dirs, code) if code != i18n.ENGLISH else []

    def build() -> StatementSet:
        english = parse_statements(read_content_json(path, StatementsFileError),
                                   make_visible(str(path)))
        translated = next((c for c in candidates if c.is_file()), None)
        if translated is None:
            return english
        return translate_statements(english, read_content_json(translated, StatementsFileError),
                                    make_visible(str(translated)), code)

    return cached(f"stocktake-statements:{code}", [path, *candidates], build)


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
