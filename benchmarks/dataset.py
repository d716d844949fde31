"""A realistic synthetic data folder, made with the project's own store API.

10,000 journal entries of 150 to 400 words across values, tags, frameworks,
actions, links and revalidation themes; 50 stocktakes (49 finished, one in
progress); 500 exercise results (spectrum placements and practice rounds,
complexity challenges and practice rounds), each saved through its feature's
store wrapper so the records have exactly the shapes the app writes. Seeded,
so every run measures the same data.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from coprod_tui.complexity import records as complexity
from coprod_tui.complexity.rules import ANSWERS, DOMAINS, QUESTION_IDS
from coprod_tui.core.store import Store
from coprod_tui.journal.entry import (
    ACCOUNT_KINDS,
    CODE_THEMES,
    FRAMEWORKS,
    VALUE_IDS,
    WRITING_FRAMEWORKS,
    Action,
    Entry,
    Link,
)
from coprod_tui.spectrum import records as spectrum
from coprod_tui.spectrum.places import APPROACH_IDS
from coprod_tui.spectrum.rules import HOLDERS, SpectrumAnswers, place
from coprod_tui.spectrum.scenarios import Attempt
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.rules import NOTE_KINDS, Stocktake
from coprod_tui.stocktake.statements import SCORES, STATEMENTS_PER_VALUE

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
READING = ("what-is-co-production", "five-values", "spectrum-of-engagement")


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def make_entry(rng: random.Random, index: int, when: dt.datetime,
               links: list[Link]) -> Entry:
    """One entry with 150-400 words spread over its framework's sections."""
    framework = rng.choice(WRITING_FRAMEWORKS + ("values",))
    sections = FRAMEWORKS[framework]
    total = rng.randint(150, 400)
    share = max(total // len(sections), 1)
    body = {sid: _text(rng, share) for sid, _ in sections}
    actions = [
        Action(text=_text(rng, 8), due=(when + dt.timedelta(days=14)).date().isoformat(),
               done=(done := rng.random() < 0.5),
               done_at=(when + dt.timedelta(days=7)).isoformat() if done else None,
               id=f"a{index}-{n}")
        for n in range(rng.randint(0, 2))
    ]
    stamp = when.isoformat(timespec="seconds")
    revalidation = rng.random() < 0.2
    return Entry(
        values=list(VALUE_IDS) if framework == "values" else rng.sample(VALUE_IDS, rng.randint(1, 2)),
        title=f"Reflection {index}: " + _text(rng, 4),
        framework=framework,
        sections=body,
        tags=rng.sample(TAGS, rng.randint(0, 3)),
        created=stamp,
        updated=stamp,
        links=[rng.choice(links)] if links and rng.random() < 0.1 else [],
        actions=actions,
        code_themes=rng.sample(CODE_THEMES, rng.randint(1, 2)) if revalidation else [],
        account_kind=rng.choice(ACCOUNT_KINDS) if revalidation else None,
    )


def _stocktake(rng: random.Random, when: dt.datetime, done: bool) -> Stocktake:
    take = Stocktake(level=rng.choice(["myself", "team", "organisation"]),
                     participants=_text(rng, 3) if rng.random() < 0.5 else "",
                     started=when.isoformat(timespec="seconds"))
    for value_id in VALUE_IDS:
        for n in range(STATEMENTS_PER_VALUE):
            if done or rng.random() < 0.5:
                take.set_score(value_id, n, rng.choice(SCORES))
        for kind, _ in NOTE_KINDS:
            take.set_note(value_id, kind, _text(rng, 12))
    return take


def add_exercises(store: Store, rng: random.Random, count: int) -> list[Link]:
    """``count`` exercise results through the spectrum and complexity wrappers."""
    links: list[Link] = []
    for i in range(count):
        kind = i % 4
        if kind == 0:
            answers = SpectrumAnswers(*(rng.choice(HOLDERS) for _ in range(3)))
            title = f"Activity {i}: " + _text(rng, 4)
            doc = spectrum.save_placement(store, title, _text(rng, 40), place(answers))
            links.append(Link("spectrum", doc["id"], title))
        elif kind == 1:
            answers = {qid: rng.choice(ANSWERS) for qid in QUESTION_IDS}
            title = f"Challenge {i}: " + _text(rng, 4)
            plan = {"action": _text(rng, 10), "who": _text(rng, 3),
                    "expected": _text(rng, 8), "review": "2026-01-01"}
            doc = complexity.save_challenge(
                store, complexity.new_challenge(title, _text(rng, 40), answers, plan))
            links.append(Link("complexity", doc["id"], title))
        elif kind == 2:
            spectrum.save_round(store, [
                Attempt(f"scenario-{n}", rng.choice(APPROACH_IDS), rng.choice(APPROACH_IDS))
                for n in range(5)])
        else:
            domains = tuple(DOMAINS)
            complexity.save_round(store, [
                {"scenario": f"scenario-{n}", "title": _text(rng, 4),
                 "chosen": (c := rng.choice(domains)), "expected": (e := rng.choice(domains)),
                 "correct": c == e}
                for n in range(5)])
    return links


def build(folder: Path, entries: int = 10_000, stocktakes_count: int = 50,
          exercises: int = 500, seed: int = 7) -> Store:
    """Fill ``folder`` and return the opened store.

    The small records go in first, one save each through the features' own
    wrappers (cheap while the file is small); the entries then go in one session.
    """
    rng = random.Random(seed)
    store = Store.open(folder)
    start = dt.datetime(2020, 1, 1, 9, 0, tzinfo=dt.timezone.utc)
    for i in range(stocktakes_count):
        take = _stocktake(rng, start + dt.timedelta(days=30 * i), i < stocktakes_count - 1)
        if take.complete():
            stocktakes.finish(store, take)
        else:
            stocktakes.save(store, take)
    links = add_exercises(store, rng, exercises)
    links += [Link("reading", sid, sid.replace("-", " ")) for sid in READING]
    docs = []
    for i in range(entries):
        doc = make_entry(rng, i, start + dt.timedelta(hours=5 * i), links).to_doc()
        doc["id"] = f"{i:032x}"
        docs.append(doc)
    with store.session() as s:
        s.insert_many("entries", docs)
    return store
