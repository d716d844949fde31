"""A realistic synthetic data folder, made with the project's own store API.

10,000 entries of 150 to 400 words across values, tags, frameworks and
actions; 50 stocktakes; 500 exercise results. Seeded, so every run measures
the same data.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from coprod_tui.domain.entry import FRAMEWORKS, VALUE_IDS, Action, Entry
from coprod_tui.store import Store

WORDS = (
    "carer patient team ward discharge meeting conversation power decision listen "
    "trust strengths network service family clinic appointment community nurse "
    "therapist manager plan outcome change enable relationship knowledge lived "
    "experience support respite medication worry home hospital voice equal share "
    "question learn reflect practice value together agreed idea action time "
    "asked felt noticed surprised realised would could should next week month"
).split()
TAGS = ("discharge", "mdt", "carers-week", "ward-7", "community", "audit", "training",
        "supervision", "feedback", "respite")


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def make_entry(rng: random.Random, index: int, when: dt.datetime) -> Entry:
    """One entry with 150-400 words spread over its framework's sections."""
    framework = rng.choice(tuple(FRAMEWORKS))
    sections = FRAMEWORKS[framework]
    total = rng.randint(150, 400)
    share = max(total // len(sections), 1)
    body = {sid: _text(rng, share) for sid, _ in sections}
    actions = [
        Action(text=_text(rng, 8), due=(when + dt.timedelta(days=14)).date().isoformat(),
               done=rng.random() < 0.5, id=f"a{index}-{n}")
        for n in range(rng.randint(0, 2))
    ]
    stamp = when.isoformat(timespec="seconds")
    return Entry(
        values=rng.sample(VALUE_IDS, rng.randint(1, 2)),
        title=f"Reflection {index}: " + _text(rng, 4),
        framework=framework,
        sections=body,
        tags=rng.sample(TAGS, rng.randint(0, 3)),
        created=stamp,
        updated=stamp,
        actions=actions,
    )


def build(folder: Path, entries: int = 10_000, stocktakes: int = 50, exercises: int = 500,
          seed: int = 7) -> Store:
    """Fill ``folder`` and return the opened store."""
    rng = random.Random(seed)
    store = Store.open(folder)
    start = dt.datetime(2020, 1, 1, 9, 0, tzinfo=dt.timezone.utc)
    docs = []
    for i in range(entries):
        doc = make_entry(rng, i, start + dt.timedelta(hours=5 * i)).to_doc()
        doc["id"] = f"{i:032x}"
        docs.append(doc)
    with store.session() as s:
        s.insert_many("entries", docs)
        for i in range(stocktakes):
            scores = {f"{v}-{n}": rng.randint(1, 5) for v in VALUE_IDS for n in (1, 2, 3)}
            s.insert("stocktakes", {
                "created": (start + dt.timedelta(days=30 * i)).isoformat(),
                "level": rng.choice(["myself", "team", "organisation"]),
                "finished": True, "scores": scores, "notes": {},
            })
        for i in range(exercises):
            kind = rng.choice(["spectrum", "complexity"])
            s.insert(kind, {
                "created": (start + dt.timedelta(days=i)).isoformat(),
                "title": f"Exercise {i}: " + _text(rng, 5),
                "description": _text(rng, 40),
            })
    return store
