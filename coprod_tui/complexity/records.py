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
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coprod_tui import paths
from coprod_tui.complexity.rules import PLAN_FIELDS, assess
from coprod_tui.complexity.scenarios import (
    Scenario,
    ScenarioError,
    merge_scenarios,
    parse_scenarios,
)
from coprod_tui.core.clock import now_iso
from coprod_tui.core.content import read_content_json
from coprod_tui.core.store.repository import Store
from coprod_tui.core.store.session import Doc

TABLE = "complexity"
PRACTICE = "practice"
EXERCISE = "complexity"
SCENARIO_FILE = "complexity_scenarios.json"
_VERSION_KEYS = ("title", "description", "answers", "domain", "plan")


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
    with store.session() as s:
        old = s.get(TABLE, record_id) if record_id else None
        if old is None:
            return s.insert(TABLE, {**fields, "created": now, "updated": now, "history": []})
        history = list(old.get("history", []))
        if any(old.get(key) != fields[key] for key in _VERSION_KEYS):
            earlier = {key: old.get(key) for key in _VERSION_KEYS}
            earlier["saved"] = old.get("updated", old.get("created", ""))
            history.append(earlier)
        return s.put(TABLE, {**old, **fields, "updated": now, "history": history})


def challenges(store: Store) -> list[Doc]:
    """Every saved challenge, most recently changed first."""
    return sorted(store.all(TABLE), key=lambda d: d.get("updated", ""), reverse=True)


def get_challenge(store: Store, record_id: str) -> Doc | None:
    """One challenge by id."""
    return store.get(TABLE, record_id)


def latest_challenge(store: Store) -> Doc | None:
    """The challenge changed most recently, if any."""
    found = challenges(store)
    return found[0] if found else None


def save_round(store: Store, attempts: list[dict[str, Any]]) -> Doc:
    """Keep a finished practice round: each item has scenario, title, chosen, expected, correct."""
    score = sum(1 for attempt in attempts if attempt.get("correct"))
    return store.insert(PRACTICE, {
        "exercise": EXERCISE, "date": now_iso(), "score": score, "total": len(attempts),
        "attempts": attempts,
    })


def rounds(store: Store) -> list[Doc]:
    """Past complexity practice rounds, newest first."""
    found = [d for d in store.all(PRACTICE) if d.get("exercise") == EXERCISE]
    return sorted(found, key=lambda d: d.get("date", ""), reverse=True)


def _read_scenarios(path: Path) -> list[Scenario]:
    return parse_scenarios(read_content_json(path, ScenarioError), str(path))


def load_scenarios(content_dirs: list[Path] | None = None) -> list[Scenario]:
    """The built-in scenarios plus any in content packs (raises ``ScenarioError``)."""
    groups = [_read_scenarios(paths.builtin_content_dir() / SCENARIO_FILE)]
    for folder in content_dirs or []:
        candidate = Path(folder) / SCENARIO_FILE
        if candidate.is_file():
            groups.append(_read_scenarios(candidate))
    return merge_scenarios(groups)


def home_summary(store: Store) -> str:
    """The line shown on home: the latest challenge and its result, and the last practice score."""
    from coprod_tui.complexity.rules import DOMAINS
    from coprod_tui.core.text import one_line

    latest = latest_challenge(store)
    done = rounds(store)
    practice = f"last practice {done[0].get('score', 0)}/{done[0].get('total', 0)}" if done else ""
    if latest is None:
        return practice or "Is your challenge one to co-produce? Five questions"
    label = DOMAINS.get(latest.get("domain", ""), DOMAINS["confusion"]).label.lower()
    text = f"Latest: {one_line(latest.get('title', ''), 36)}: {label}"
    return f"{text}; {practice}" if practice else text
