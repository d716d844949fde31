"""The spectrum rules: all 27 combinations, both neighbours, refining, levels not steps."""

from __future__ import annotations

import itertools

import pytest

from coprod_tui.domain.spectrum import (
    APPROACHES,
    BOTH,
    DOING_FOR,
    DOING_TO,
    DOING_WITH,
    HOLDERS,
    NEIGHBOUR,
    ORGANISATION,
    PEOPLE,
    SpectrumAnswers,
    approach,
    path_text,
    place,
)
from coprod_tui.domain.spectrum_drawing import draw_spectrum

O, P, B = ORGANISATION, PEOPLE, BOTH  # noqa: E741 - short names keep the table readable

# Every combination (knowledge, decisions, acts) -> the place it must give.
EXPECTED = {
    (O, O, O): "protection",
    (O, O, P): "education",
    (O, O, B): "education",
    (O, P, O): "information",
    (O, P, P): "information",
    (O, P, B): "information",
    (O, B, O): "information",
    (O, B, P): "information",
    (O, B, B): "information",
    (P, O, O): "consultation",
    (P, O, P): "consultation",
    (P, O, B): "consultation",
    (P, P, O): "community-led",
    (P, P, P): "community-led",
    (P, P, B): "community-led",
    (P, B, O): "participation",
    (P, B, P): "participation",
    (P, B, B): "participation",
    (B, O, O): "participation",
    (B, O, P): "participation",
    (B, O, B): "participation",
    (B, P, O): "community-led",
    (B, P, P): "community-led",
    (B, P, B): "community-led",
    (B, B, O): "participation",
    (B, B, P): "participation",
    (B, B, B): "co-production",
}

QUESTION_WORD = {"knowledge": "Knowledge:", "decisions": "Decisions:", "acts": "Acting:"}


def test_the_table_covers_all_27_combinations() -> None:
    assert set(EXPECTED) == set(itertools.product(HOLDERS, repeat=3))


@pytest.mark.parametrize("combo", sorted(EXPECTED))
def test_each_combination_has_its_place_and_names_what_holds_it_back(combo) -> None:
    k, d, a = combo
    result = place(SpectrumAnswers(k, d, a))
    assert result.approach.id == EXPECTED[combo]
    assert result.group == approach(EXPECTED[combo]).group
    # Each answer that is not shared is named as holding the activity back.
    for qid, value in zip(("knowledge", "decisions", "acts"), combo, strict=True):
        named = any(line.startswith(QUESTION_WORD[qid]) for line in result.held_back)
        assert named == (value != BOTH), (qid, value)
        if value != BOTH:
            assert QUESTION_WORD[qid] in result.explanation
    # Levels, not steps: it always says whether it can be right, and how to move.
    text = result.summary()
    assert "Can it be right?" in text and "Towards doing with:" in text
    assert result.approach.right_when and result.approach.move


def test_only_all_shared_is_doing_with() -> None:
    with_ = [c for c in EXPECTED if place(SpectrumAnswers(*c)).group == DOING_WITH]
    assert with_ == [(B, B, B)]
    assert place(SpectrumAnswers(B, B, B)).held_back == ()


def test_people_alone_is_community_led_action_not_co_production() -> None:
    result = place(SpectrumAnswers(P, P, P))
    assert result.approach.id == "community-led"
    assert result.group == NEIGHBOUR
    assert "community-led action" in result.explanation
    assert "not co-production" in result.explanation
    assert "valuable" in result.explanation


@pytest.mark.parametrize("combo", [(B, B, B), (O, O, O), (P, P, P), (None, None, None)])
def test_no_citizens_is_collaboration_whatever_the_answers(combo) -> None:
    result = place(SpectrumAnswers(*combo, citizens=False))
    assert result.approach.id == "collaboration"
    assert result.group == NEIGHBOUR
    assert "collaboration or partnership" in result.explanation
    assert "not co-production" in result.explanation
    assert result.held_back and result.held_back[0].startswith("Citizens:")


def test_refining_separates_approaches_within_a_group() -> None:
    assert place(SpectrumAnswers(O, O, O, refine="behaviour")).approach.id == "education"
    assert place(SpectrumAnswers(O, O, P, refine="safety")).approach.id == "protection"
    assert place(SpectrumAnswers(P, O, O, refine="listen")).approach.id == "participation"
    assert place(SpectrumAnswers(B, O, O, refine="ask")).approach.id == "consultation"
    assert place(SpectrumAnswers(O, P, P, refine="ask")).approach.id == "consultation"
    assert place(SpectrumAnswers(P, O, O, refine="inform")).approach.id == "information"
    refined = place(SpectrumAnswers(O, O, O, refine="behaviour"))
    assert refined.approach.group == refined.base.group == DOING_TO
    assert "refining answer" in refined.explanation


def test_a_refining_answer_never_leaves_the_group() -> None:
    result = place(SpectrumAnswers(O, O, O, refine="listen"))
    assert result.approach.id == "protection"
    assert "does not apply" in result.explanation
    assert place(SpectrumAnswers(B, B, B, refine="safety")).approach.id == "co-production"


def test_refining_question_offered_only_for_groups_with_choices() -> None:
    assert place(SpectrumAnswers(O, O, O)).refining.group == DOING_TO
    assert place(SpectrumAnswers(P, O, O)).refining.group == DOING_FOR
    assert place(SpectrumAnswers(B, B, B)).refining is None
    assert place(SpectrumAnswers(P, P, P)).refining is None


def test_bad_answers_name_the_field_and_the_choices() -> None:
    with pytest.raises(ValueError, match="decisions: 'everyone'.*organisation, people, both"):
        place(SpectrumAnswers(O, "everyone", O))
    with pytest.raises(ValueError, match="knowledge"):
        place(SpectrumAnswers(None, O, O))
    with pytest.raises(ValueError, match="refine"):
        place(SpectrumAnswers(O, O, O, refine="nope"))


def test_safeguarding_is_rightly_doing_to() -> None:
    result = place(SpectrumAnswers(O, O, O, refine="safety"))
    assert result.group == DOING_TO
    assert "safeguarding" in result.approach.right_when
    assert result.approach.right_when.startswith("Yes")


def test_every_approach_is_reachable_and_groups_are_the_toolkits() -> None:
    reached = {place(SpectrumAnswers(*c)).approach.id for c in EXPECTED}
    reached.add(place(SpectrumAnswers(citizens=False)).approach.id)
    assert reached == {a.id for a in APPROACHES}
    groups = {a.id: a.group for a in APPROACHES}
    assert [k for k, g in groups.items() if g == DOING_TO] == ["protection", "education"]
    assert [k for k, g in groups.items() if g == DOING_FOR] == [
        "information", "consultation", "participation"]


def test_path_text_walks_through_the_questions() -> None:
    text = path_text(SpectrumAnswers(P, O, O))
    assert "Who holds the knowledge? the people" in text
    assert text.splitlines()[-1] == "-> consultation (doing for)"
    assert "collaboration" in path_text(SpectrumAnswers(citizens=False))


@pytest.mark.parametrize("place_id", [a.id for a in APPROACHES])
def test_drawing_marks_one_place_without_colour_and_fits_80_columns(place_id) -> None:
    lines = draw_spectrum(place_id)
    text = "\n".join(lines)
    assert max(len(line) for line in lines) <= 78
    assert text.count("[x]") == 1
    assert "this activity" in text
    assert "DOING TO" in text and "DOING FOR" in text and "DOING WITH" in text
    if approach(place_id).group != NEIGHBOUR:
        caret = next(line for line in lines if line.strip() == "^")
        marked = next(line for line in lines if "[x]" in line)
        column = caret.index("^")
        assert marked[column - 1: column + 2] == "[x]"


def test_drawing_without_a_place_marks_nothing() -> None:
    assert "[x]" not in "\n".join(draw_spectrum(None))
