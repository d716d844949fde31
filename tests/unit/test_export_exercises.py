"""Exercises in the md and txt exports read in words, not "5 items"."""

from __future__ import annotations

from pathlib import Path

from coprod_tui.complexity.records import new_challenge, save_challenge
from coprod_tui.core.store import Store
from coprod_tui.spectrum.records import placement_doc
from coprod_tui.spectrum.rules import SpectrumAnswers, place
from coprod_tui.stocktake import records as stocktake_store
from coprod_tui.stocktake.rules import Stocktake
from coprod_tui.stocktake.statements import (
    ScalePoint,
    StatementSet,
    ValueStatements,
)
from coprod_tui.transfer.common import ExportFilter, describe_record, select
from coprod_tui.transfer.files import gather
from coprod_tui.transfer.text_format import render_md, render_txt

STAMP = "2026-11-26T09:00:00+00:00"
VALUES = ("strengths", "networks", "what-matters", "relationships", "change-makers")
STATEMENTS = StatementSet(
    title="Stocktake", intro="", official_tool="",
    scale=tuple(ScalePoint(n, f"level {n}", "") for n in range(1, 6)),
    values=tuple(
        ValueStatements(v, v.replace("-", " ").title(), "", (f"{v} A", f"{v} B", f"{v} C"), (), "")
        for v in VALUES
    ),
)


def stocktake() -> Stocktake:
    take = Stocktake(level="team", participants="two nurses, a carer",
                     started="2026-10-12T09:00:00+00:00", id="st-9")
    for i, value in enumerate(VALUES):
        for j in range(3):
            take.set_score(value, j, (i + j) % 5 + 1)
    take.set_note("strengths", "working", "Carers' knowledge is asked for.")
    take.set_note("change-makers", "next", "Ask at every review.")
    take.finished, take.finished_at = True, "2026-10-12T10:00:00+00:00"
    return take


def challenge() -> dict:
    doc = new_challenge("Loneliness on the ward", "Patients alone in the evenings",
                        {"recipe": "no", "expertise": "no", "predictable": "unsure",
                         "people": "yes", "crisis": "no"},
                        {"action": "Ask three carers", "who": "Ward team and carers",
                         "review": "2026-12-01"})
    return {**doc, "id": "c-1", "created": "2026-10-14T09:00:00+00:00"}


def placement() -> dict:
    result = place(SpectrumAnswers("people", "organisation", "organisation"))
    doc = placement_doc("Carers' forum", "A monthly forum", result)
    return {**doc, "id": "p-1", "created": "2026-10-13T09:00:00+00:00"}


EXPECTED_STOCKTAKE_MD = """\
## Stocktakes

#### Stocktake of my team (2026-10-12)

- About: My team
- Who took part: two nurses, a carer
- Total: 45 of 75 (Making progress)
- Strengths: 6 of 15
  - 1 of 5 (level 1): strengths A
  - 2 of 5 (level 2): strengths B
  - 3 of 5 (level 3): strengths C
  - What is working: Carers' knowledge is asked for.
- Networks: 9 of 15
  - 2 of 5 (level 2): networks A
  - 3 of 5 (level 3): networks B
  - 4 of 5 (level 4): networks C
- What Matters: 12 of 15
  - 3 of 5 (level 3): what-matters A
  - 4 of 5 (level 4): what-matters B
  - 5 of 5 (level 5): what-matters C
- Relationships: 10 of 15
  - 4 of 5 (level 4): relationships A
  - 5 of 5 (level 5): relationships B
  - 1 of 5 (level 1): relationships C
- Change Makers: 8 of 15
  - 5 of 5 (level 5): change-makers A
  - 1 of 5 (level 1): change-makers B
  - 2 of 5 (level 2): change-makers C
  - What needs to happen next: Ask at every review.
"""

EXPECTED_CHALLENGE_TXT = """\
Loneliness on the ward (2026-10-14)

- Description: Patients alone in the evenings
- Result: Complex (probe, sense, respond)
"""

EXPECTED_CHALLENGE_ANSWERS = """\
- Answers:
  - Is there a known, written process to follow? no
  - Does it need specialist training or expertise? no
  - Can you, or experts, know in advance what will follow from what you do? not sure
  - Is it about people's lives and relationships, where each person and place differs? yes
  - Must you act now, before anyone can see what causes what? no
- Plan:
  - First probe or action: Ask three carers
  - Who is involved: Ward team and carers
  - Review date: 2026-12-01
"""

EXPECTED_PLACEMENT_MD = """\
#### Carers' forum (2026-10-13)

- Description: A monthly forum
- Place: consultation (doing for)
  - What it says: We choose the questions and gather views to inform our decisions.
  - Why: You said the knowledge is held by the people, the decisions are made by the \
organisation and they are carried out by the organisation. The organisation listens to \
people's knowledge but still makes the decisions and carries them out: the toolkit's row for \
doing for, nearest to consultation until the refining question says more. What holds it back from doing with: Knowledge: the people's \
knowledge is used, but professionals do not put their own alongside it. Decisions: the \
organisation decides alone. Acting: the organisation carries the decisions out alone; the \
people have no part in doing it.
  - Can it be right? Yes, it can be: a well-run consultation, for the right reasons, is a \
strong way to inform a decision that is yours to make.
  - Towards doing with: Swap set questions for open conversation, where lived experience \
can shape your thinking (participation).
- Answers:
  - Who holds the knowledge? the people
  - Who makes the decisions? the organisation
  - Who acts on the decisions? the organisation
"""


def selection(statements: StatementSet | None = STATEMENTS):  # noqa: ANN201
    tables = {"stocktakes": [stocktake().to_doc()], "complexity": [challenge()],
              "spectrum": [placement()]}
    return select(tables, ExportFilter(), STAMP, statements)


def test_stocktake_shows_each_value_with_its_statements_scores_and_notes() -> None:
    text = render_md(selection())
    assert text.rstrip("\n").endswith(EXPECTED_STOCKTAKE_MD.rstrip("\n"))
    assert "items" not in text


def test_stocktake_without_statements_still_shows_every_score() -> None:
    items = describe_record("stocktakes", stocktake().to_doc(), None).items
    assert (0, "Strengths: 6 of 15") in items
    assert (1, "1 of 5: Statement 1") in items and (1, "3 of 5: Statement 3") in items


def test_an_unfinished_stocktake_says_how_far_it_got() -> None:
    take = Stocktake(level="myself", started="2026-10-12T09:00:00+00:00")
    take.set_score("strengths", 0, 4)
    items = describe_record("stocktakes", take.to_doc(), STATEMENTS).items
    assert (0, "Not finished yet: 1 of 15 statements scored") in items
    assert (1, "not scored: strengths B") in items


def test_challenge_shows_answers_and_plan_in_words() -> None:
    txt = render_txt(selection())
    assert EXPECTED_CHALLENGE_TXT in txt
    assert EXPECTED_CHALLENGE_ANSWERS in txt
    assert "Answers: 5 items" not in txt and "Plan: 4 items" not in txt


def test_placement_shows_the_place_its_name_and_explanation() -> None:
    md = render_md(selection())
    assert EXPECTED_PLACEMENT_MD in md
    assert "Group: doing-for" not in md


def test_odd_shapes_fall_back_to_field_by_field() -> None:
    view = describe_record("spectrum", {"id": "x", "title": "T", "place": "no-such-place",
                                        "created": "2026-10-13T09:00:00+00:00"})
    assert view.items == [(0, "Place: no-such-place"), (0, "Created: 2026-10-13")]
    view = describe_record("stocktakes", {"id": "y", "scores": {"strengths": "lots"}})
    assert view.title == "Stocktake of myself"  # odd scores are ignored, not fatal


def test_gather_reads_the_shipped_statements(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    stocktake_store.save(store, stocktake())
    save_challenge(store, challenge())
    text = render_md(gather(store, ExportFilter(), STAMP))
    assert "- Strengths: 6 of 15" in text
    assert "Plans for care start from what carers know" in text  # the shipped statement's own words
    assert "Loneliness on the ward" in text


def test_links_name_the_result_in_words() -> None:
    from coprod_tui.journal.entry import Entry, Link
    from coprod_tui.transfer.nmc import render_nmc

    entry = Entry(values=["networks"], title="After the stocktake", framework="free",
                  sections={"text": "Thoughts"}, created="2026-10-20T09:00:00+00:00",
                  links=[Link("stocktake", "st-9", "Stocktake"), Link("spectrum", "p-1", "Forum"),
                         Link("complexity", "c-1", "Loneliness")])
    tables = {"entries": [entry.to_doc()], "stocktakes": [stocktake().to_doc()],
              "spectrum": [placement()], "complexity": [challenge()]}
    text = render_nmc(select(tables, ExportFilter(), STAMP))
    assert "Prompted by: Stocktake: Stocktake - total 45 of 75 (Making progress) (2026-10-12)" \
        in text
    assert "Prompted by: Spectrum: Carers' forum - consultation (2026-10-13)" in text
    assert "Prompted by: Complexity: Loneliness on the ward - complex (2026-10-14)" in text
