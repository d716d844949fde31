"""The spectrum rules: all 27 combinations, both neighbours, refining, levels not steps."""

from __future__ import annotations

import itertools

import pytest

from coprod_tui.spectrum.drawing import draw_spectrum
from coprod_tui.spectrum.rules import (
    APPROACHES,
    BETWEEN,
    BETWEEN_PLACES,
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

O, P, B = ORGANISATION, PEOPLE, BOTH  # noqa: E741 - short names keep the table readable

# Every combination (knowledge, decisions, acts) -> the place it must give.
# The toolkit's table has three rows: doing to (O, O, O), doing for (P or B, O, O)
# and doing with (B, B, B); the people deciding and acting alone is community-led
# action. Everything else lies between two places.
TO_WITH, TO_CL = "between-to-with", "between-to-community"
FOR_WITH, FOR_CL = "between-for-with", "between-for-community"
WITH_CL = "between-with-community"
EXPECTED = {
    (O, O, O): "protection",
    (O, O, P): TO_CL,
    (O, O, B): TO_WITH,
    (O, P, O): TO_CL,
    (O, P, P): "community-led",
    (O, P, B): TO_WITH,
    (O, B, O): TO_WITH,
    (O, B, P): TO_WITH,
    (O, B, B): TO_WITH,
    (P, O, O): "consultation",
    (P, O, P): FOR_CL,
    (P, O, B): FOR_WITH,
    (P, P, O): FOR_CL,
    (P, P, P): "community-led",
    (P, P, B): FOR_WITH,
    (P, B, O): FOR_WITH,
    (P, B, P): FOR_WITH,
    (P, B, B): FOR_WITH,
    (B, O, O): "participation",
    (B, O, P): FOR_CL,
    (B, O, B): FOR_WITH,
    (B, P, O): FOR_CL,
    (B, P, P): "community-led",
    (B, P, B): WITH_CL,
    (B, B, O): FOR_WITH,
    (B, B, P): WITH_CL,
    (B, B, B): "co-production",
}
ROWS = {(O, O, O), (P, O, O), (B, O, O), (B, B, B), (O, P, P), (P, P, P), (B, P, P)}
IN_BETWEEN = sorted(set(EXPECTED) - ROWS)

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
    assert result.right_when and result.move


def test_only_all_shared_is_doing_with() -> None:
    with_ = [c for c in EXPECTED if place(SpectrumAnswers(*c)).group == DOING_WITH]
    assert with_ == [(B, B, B)]
    assert place(SpectrumAnswers(B, B, B)).held_back == ()


def test_row_doing_to_the_organisation_knows_decides_and_acts() -> None:
    result = place(SpectrumAnswers(O, O, O))
    assert result.group == DOING_TO
    assert "row for doing to" in result.explanation
    assert result.refining is not None and result.refining.group == DOING_TO


@pytest.mark.parametrize("knowledge, default", [(P, "consultation"), (B, "participation")])
def test_row_doing_for_the_organisation_listens_but_decides_and_acts(knowledge,
                                                                     default) -> None:
    result = place(SpectrumAnswers(knowledge, O, O))
    assert result.group == DOING_FOR
    assert result.approach.id == default
    assert "row for doing for" in result.explanation
    for refine, wanted in (("inform", "information"), ("ask", "consultation"),
                           ("listen", "participation")):
        assert place(SpectrumAnswers(knowledge, O, O, refine=refine)).approach.id == wanted


def test_row_doing_with_everything_shared() -> None:
    result = place(SpectrumAnswers(B, B, B))
    assert result.approach.id == "co-production"
    assert "doing with" in result.explanation


@pytest.mark.parametrize("knowledge", [O, P, B])
def test_people_deciding_and_acting_alone_is_community_led_action(knowledge) -> None:
    result = place(SpectrumAnswers(knowledge, P, P))
    assert result.approach.id == "community-led"
    assert result.group == NEIGHBOUR
    assert "community-led action" in result.explanation
    assert "not co-production" in result.explanation
    assert "valuable" in result.explanation


@pytest.mark.parametrize("combo", IN_BETWEEN)
def test_each_in_between_set_is_named_between_two_places(combo) -> None:
    result = place(SpectrumAnswers(*combo))
    assert result.group == BETWEEN
    assert result.approach.id == EXPECTED[combo]
    assert result.approach.name.startswith("between ")
    assert "fits no row of the toolkit's table" in result.explanation
    assert result.approach.name in result.explanation
    # Each answer says which place it matches.
    assert result.explanation.count("(as in ") == 3
    assert result.refining is None


def test_shared_decisions_are_not_participation() -> None:
    for combo in [(P, B, O), (B, B, O), (B, O, B), (P, B, B)]:
        result = place(SpectrumAnswers(*combo))
        assert result.approach.id == FOR_WITH
        assert "does not make it participation" in result.explanation
        assert "keep the power to decide and to act" in result.explanation


def test_people_deciding_while_the_organisation_acts_is_not_community_led() -> None:
    result = place(SpectrumAnswers(B, P, O))
    assert result.approach.id == FOR_CL
    assert "It is not community-led action: the organisation does the work" in (
        result.explanation)
    assert "not co-production because professionals" not in result.explanation


@pytest.mark.parametrize("combo", sorted(EXPECTED))
def test_advice_never_asks_for_what_the_answers_already_say(combo) -> None:
    for refine in (None, "safety", "behaviour", "inform", "ask", "listen"):
        result = place(SpectrumAnswers(*combo, refine=refine))
        move = result.move.lower()
        k, d, a = combo
        if d == B:
            assert "decide together" not in move and "decisions together" not in move
        if a == B:
            assert "take part in carrying" not in move
            assert "take part in delivering" not in move
        if k != O:
            assert "ask people what they know" not in move
            assert "bring in the lived experience" not in move
        if k == B:
            assert "professional knowledge alongside" not in move


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
    assert place(SpectrumAnswers(O, O, O, refine="safety")).approach.id == "protection"
    assert place(SpectrumAnswers(P, O, O, refine="listen")).approach.id == "participation"
    assert place(SpectrumAnswers(B, O, O, refine="ask")).approach.id == "consultation"
    assert place(SpectrumAnswers(P, O, O, refine="inform")).approach.id == "information"
    refined = place(SpectrumAnswers(O, O, O, refine="behaviour"))
    assert refined.approach.group == refined.base.group == DOING_TO
    assert "refining answer" in refined.explanation


def test_a_leaflet_answered_organisation_three_times_can_be_information() -> None:
    result = place(SpectrumAnswers(O, O, O, refine="inform"))
    assert result.approach.id == "information"
    assert result.group == DOING_FOR
    assert result.base.group == DOING_TO
    assert "which the toolkit puts in doing for" in result.explanation


def test_a_refining_answer_from_another_group_is_not_used() -> None:
    result = place(SpectrumAnswers(O, O, O, refine="listen"))
    assert result.approach.id == "protection"
    assert "does not apply" in result.explanation
    assert place(SpectrumAnswers(B, B, B, refine="safety")).approach.id == "co-production"
    assert place(SpectrumAnswers(O, P, P, refine="ask")).approach.id == "community-led"
    between = place(SpectrumAnswers(B, B, O, refine="listen"))
    assert between.approach.id == FOR_WITH and "does not apply" in between.explanation


def test_refining_question_offered_only_for_groups_with_choices() -> None:
    assert place(SpectrumAnswers(O, O, O)).refining.group == DOING_TO
    assert place(SpectrumAnswers(P, O, O)).refining.group == DOING_FOR
    assert place(SpectrumAnswers(B, B, B)).refining is None
    assert place(SpectrumAnswers(P, P, P)).refining is None
    assert place(SpectrumAnswers(O, B, O)).refining is None


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
    reached = {place(SpectrumAnswers(*c, refine=r)).approach.id for c in EXPECTED
               for r in (None, "behaviour", "inform")}
    reached.add(place(SpectrumAnswers(citizens=False)).approach.id)
    assert reached == {a.id for a in APPROACHES + BETWEEN_PLACES}
    groups = {a.id: a.group for a in APPROACHES}
    assert [k for k, g in groups.items() if g == DOING_TO] == ["protection", "education"]
    assert [k for k, g in groups.items() if g == DOING_FOR] == [
        "information", "consultation", "participation"]


def test_path_text_walks_through_the_questions() -> None:
    text = path_text(SpectrumAnswers(P, O, O))
    assert "Who holds the knowledge? the people" in text
    assert text.splitlines()[-1] == "-> consultation (doing for)"
    leaflet = path_text(SpectrumAnswers(O, O, O, refine="inform"))
    assert "What is the organisation doing? Giving out information" in leaflet
    assert leaflet.splitlines()[-1] == "-> information (doing for)"
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


@pytest.mark.parametrize("place_id", [a.id for a in BETWEEN_PLACES])
def test_drawing_a_place_between_groups_ticks_no_box_and_names_it(place_id) -> None:
    lines = draw_spectrum(place_id)
    text = "\n".join(lines)
    assert max(len(line) for line in lines) <= 78
    assert "[x]" not in text
    assert f"this activity: {approach(place_id).name}" in text


def test_drawing_without_a_place_marks_nothing() -> None:
    assert "[x]" not in "\n".join(draw_spectrum(None))


@pytest.mark.parametrize("answers", [SpectrumAnswers(P, P, P), SpectrumAnswers(O, P, P),
                                     SpectrumAnswers(citizens=False)])
def test_neighbours_are_not_called_held_back(answers: SpectrumAnswers) -> None:
    # The toolkit: community-led action is "great ... just not co-production"; it
    # and collaboration are not short of doing with, so their gaps are not
    # "what holds it back".
    result = place(answers)
    assert "Why it is not co-production (not a step below it): " in result.explanation
    assert "holds it back" not in result.explanation
    assert "Not co-production because: " in result.summary()
    assert "Held back" not in result.summary()


def test_an_in_between_place_is_still_held_back() -> None:
    result = place(SpectrumAnswers(B, P, O))
    assert "What holds it back from doing with: " in result.explanation
