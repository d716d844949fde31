"""The complexity exercise's records and content.

Challenges live in the ``complexity`` table::

    {"id", "title", "description", "answers": {question id: yes|no|unsure},
     "domain", "plan": {"action", "who", "expected", "review"},
     "created", "updated", "history": [earlier versions, oldest first]}

Each earlier version keeps ``title``, ``description``, ``answers``, ``domain``,
``plan`` and ``saved`` (when it was saved). Practice rounds live in the
``practice`` table, shaped like the spectrum's rounds::

    {"id", "exercise": "complexity", "date", "score", "total",
     "attempts": [{"scenario", "title", "chosen", "expected", "correct"}]}

An attempt's ``title`` is the scenario's title as its file gives it (English
for the built-in scenarios), whatever the language the round was played in;
screens show the scenario's title in the interface language, found by id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coprod_tui import i18n, paths
from coprod_tui.complexity.rules import PLAN_FIELDS, assess
from coprod_tui.complexity.scenarios import (
    Scenario,
    ScenarioError,
    merge_scenarios,
    parse_scenarios,
    translate_scenarios,
)
from coprod_tui.core.clock import now_iso
from coprod_tui.core.content import cached, read_content_json
from coprod_tui.core.store.collection import Collection, documents
from coprod_tui.core.store.repository import Store
from coprod_tui.core.store.session import Doc
from coprod_tui.core.text import make_visible

TABLE = "complexity"
PRACTICE = "practice"
EXERCISE = "complexity"
SCENARIO_FILE = "complexity_scenarios.json"
_VERSION_KEYS = ("title", "description", "answers", "domain", "plan")


def challenge_records(store: Store) -> Collection[Doc]:
    """Saved challenges, most recently changed first."""
    return documents(store, TABLE, order=lambda d: d.get("updated", ""))


def round_records(store: Store) -> Collection[Doc]:
    """Complexity practice rounds (the ``practice`` table's complexity part), newest first."""
    return documents(store, PRACTICE, order=lambda d: d.get("date", ""),
                     scope={"exercise": EXERCISE})


def new_challenge(title: str, description: str, answers: dict[str, str],
                  plan: dict[str, str] | None = None) -> Doc:
    """A challenge document (not yet saved); the domain comes from the rules."""
    return {
        "title": title,
        "description": description,
        "answers": dict(answers),
        "domain": assess(answers).domain,
        "plan": {key: (plan or {}).get(key, "") for key, _ in PLAN_FIELDS},
    }


def save_challenge(store: Store, doc: Doc, record_id: str | None = None) -> Doc:
    """Save a new challenge, or revise ``record_id`` keeping the earlier version in history."""
    fields = {key: doc[key] for key in _VERSION_KEYS}
    fields["domain"] = assess(fields["answers"]).domain
    now = now_iso()
    found = challenge_records(store)
    with store.session() as s:
        old = found.get(record_id, s) if record_id else None
        if old is None:
            return found.add({**fields, "created": now, "updated": now, "history": []}, s)
        history = list(old.get("history", []))
        if any(old.get(key) != fields[key] for key in _VERSION_KEYS):
            earlier = {key: old.get(key) for key in _VERSION_KEYS}
            earlier["saved"] = old.get("updated", old.get("created", ""))
            history.append(earlier)
        return found.put({**old, **fields, "updated": now, "history": history}, s)


def challenges(store: Store) -> list[Doc]:
    """Every saved challenge, most recently changed first."""
    return challenge_records(store).all()


def delete_challenge(store: Store, record_id: str) -> bool:
    """Delete a saved challenge here and from every backup; ``False`` if not found."""
    return challenge_records(store).remove_for_good(record_id)


def latest_challenge(store: Store) -> Doc | None:
    """The challenge changed most recently, if any."""
    return challenge_records(store).latest()


def save_round(store: Store, attempts: list[dict[str, Any]]) -> Doc:
    """Keep a finished practice round: each item has scenario, title (the scenario's
    :attr:`~coprod_tui.complexity.scenarios.Scenario.saved_title`), chosen, expected, correct."""
    score = sum(1 for attempt in attempts if attempt.get("correct"))
    return round_records(store).add({
        "date": now_iso(), "score": score, "total": len(attempts),
        "attempts": attempts,
    })


def rounds(store: Store) -> list[Doc]:
    """Past complexity practice rounds, newest first."""
    return round_records(store).all()


def _read_scenarios(path: Path) -> list[Scenario]:
    return parse_scenarios(read_content_json(path, ScenarioError), make_visible(str(path)))


def scenario_files(content_dirs: list[Path] | None = None) -> list[Path]:
    """The scenario files in use: the built-in one, then each pack's, in order."""
    files = [paths.builtin_content_dir() / SCENARIO_FILE]
    for folder in content_dirs or []:
        candidate = Path(folder) / SCENARIO_FILE
        if candidate.is_file():
            files.append(candidate)
    return files


def translation_file(folder: Path, language: str) -> Path:
    """Where a folder keeps its scenarios in ``language``:
    ``<folder>/<language>/complexity_scenarios.json`` (the built-in Welsh:
    ``content/cy/complexity_scenarios.json``)."""
    return Path(folder) / language / SCENARIO_FILE


def scenario_layers(content_dirs: list[Path] | None = None,
                    language: str = i18n.ENGLISH) -> list[tuple[Path | None, Path | None]]:
    """Each folder in order (the built-in one first) as its scenario file (``None``:
    it has none) and the translation into ``language`` it may hold (``None``
    in English; it may not exist)."""
    folders = [paths.builtin_content_dir(), *(Path(d) for d in content_dirs or [])]
    layers: list[tuple[Path | None, Path | None]] = []
    for index, folder in enumerate(folders):
        english = folder / SCENARIO_FILE
        layers.append((english if index == 0 or english.is_file() else None,
                       None if language == i18n.ENGLISH else translation_file(folder, language)))
    return layers


def _build(layers: list[tuple[Path | None, Path | None]]) -> tuple[Scenario, ...]:
    scenarios: list[Scenario] = []
    for english, translation in layers:
        if english is not None:
            scenarios = merge_scenarios([scenarios, _read_scenarios(english)])
        if translation is not None and translation.is_file():
            scenarios = translate_scenarios(
                scenarios, read_content_json(translation, ScenarioError),
                make_visible(str(translation)))
    return tuple(scenarios)


def load_scenarios(content_dirs: list[Path] | None = None,
                   language: str | None = None) -> list[Scenario]:
    """The built-in scenarios plus any in content packs, in ``language`` (default:
    the interface language) where a translation gives them, English elsewhere
    (raises ``ScenarioError``; kept in the one content cache until a file changes).

    A folder's translation (``<folder>/cy/complexity_scenarios.json``) applies to
    the scenarios as they stand after that folder: a pack's own version of a
    scenario is English unless the pack brings its translation too, and a pack
    may hold only a translation.
    """
    code = i18n.normalise(language) or i18n.current_language()
    layers = scenario_layers(content_dirs, code)
    files = [path for layer in layers for path in layer if path is not None]
    return list(cached(f"complexity-scenarios:{code}", files, lambda: _build(layers)))


def home_summary(store: Store) -> str:
    """Home's line (kept for callers of this name; the line lives in :mod:`.summary`)."""
    from coprod_tui.complexity.summary import home_summary as home_line

    return home_line(store)
