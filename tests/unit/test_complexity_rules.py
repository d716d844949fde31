"""The complexity rules: every one of the 3^5 answer combinations, checked."""

from __future__ import annotations

import itertools

import pytest

from coprod_tui.complexity.map import MARK, draw_map
from coprod_tui.complexity.rules import (
    ANSWERS,
    DOMAIN_IDS,
    DOMAINS,
    QUESTION_IDS,
    assess,
    change_lines,
    check_answers,
    classify,
    normalise_answer,
    summary_text,
)

ALL = [dict(zip(QUESTION_IDS, combo, strict=True)) for combo in itertools.product(ANSWERS, repeat=5)]


def expected_domain(a: dict[str, str]) -> str:
    """The rules written out again as a plain table, independently of the code."""
    r, e, p, pe, c = (a[k] for k in ("recipe", "expertise", "predictable", "people", "crisis"))
    # A known procedure or expert analysis with predictable results wins over urgency.
    known = p == "yes" and "yes" in (r, e)
    if c == "yes" and not known:
        return "chaotic"
    if list(a.values()).count("unsure") >= 3:
        return "confusion"
    if r != "yes" and p == "yes" and e == "yes":
        return "complicated"  # expert analysis without a written recipe
    ordered = {("yes", "yes"), ("yes", "unsure"), ("unsure", "yes")}
    unordered = {("no", "no"), ("no", "unsure"), ("unsure", "no")}
    if (r, p) in {("yes", "unsure"), ("unsure", "yes")} and pe == "yes":
        return "confusion"
    if (r, p) in {("no", "unsure"), ("unsure", "no")} and pe == "no":
        return "confusion"
    if (r, p) in ordered:
        return "simple" if e == "no" else "complicated"
    if (r, p) in unordered:
        return "complex"
    return "confusion"  # (yes, no), (no, yes), (unsure, unsure)


def test_there_are_243_combinations() -> None:
    assert len(ALL) == 3**5 == len({tuple(a.values()) for a in ALL})


@pytest.mark.parametrize("answers", ALL, ids=lambda a: "-".join(v[0] for v in a.values()))
def test_every_combination_has_the_defined_result(answers: dict[str, str]) -> None:
    result = assess(answers)
    assert result.domain == expected_domain(answers)
    assert result.domain in DOMAIN_IDS
    assert result.reasons and all(result.reasons)


def test_every_result_is_reachable_and_explained() -> None:
    seen = {classify(a)[0] for a in ALL}
    assert seen == set(DOMAIN_IDS)
    for info in DOMAINS.values():
        for text in (info.meaning, info.analogy, info.response, info.coproduction,
                     info.first_step, info.who, info.verbs):
            assert text.strip()


@pytest.mark.parametrize(
    ("answers", "domain"),
    [
        (("yes", "no", "yes", "no", "no"), "simple"),        # a cake
        (("yes", "yes", "yes", "no", "no"), "complicated"),  # a rocket
        (("no", "no", "no", "yes", "no"), "complex"),        # raising a child
        (("no", "yes", "no", "yes", "yes"), "chaotic"),      # a pandemic
        (("unsure", "unsure", "unsure", "yes", "no"), "confusion"),  # mostly unsure
        (("yes", "no", "no", "no", "no"), "confusion"),      # a recipe that cannot be predicted
    ],
)
def test_the_toolkit_anchors(answers: tuple[str, ...], domain: str) -> None:
    assert classify(dict(zip(QUESTION_IDS, answers, strict=True)))[0] == domain


def _answers(recipe: str, expertise: str, predictable: str, people: str,
             crisis: str) -> dict[str, str]:
    return {"recipe": recipe, "expertise": expertise, "predictable": predictable,
            "people": people, "crisis": crisis}


@pytest.mark.parametrize("people", ["yes", "no", "unsure"])
def test_resuscitation_by_protocol_is_urgent_but_not_chaotic(people: str) -> None:
    # Urgent, a written protocol, trained staff, predictable steps.
    domain, reasons = classify(_answers("yes", "yes", "yes", people, "yes"))
    assert domain == "complicated"
    assert "urgency alone is not chaos" in reasons[0]
    domain, reasons = classify(_answers("yes", "no", "yes", "no", "yes"))
    assert domain == "simple"
    assert "urgency alone is not chaos" in reasons[0]


def test_urgent_with_no_known_way_is_still_chaos() -> None:
    assert classify(_answers("no", "yes", "no", "yes", "yes"))[0] == "chaotic"
    assert classify(_answers("yes", "yes", "unsure", "no", "yes"))[0] == "chaotic"
    assert "chaotic" not in [classify(_answers("no", "yes", "yes", "no", "yes"))[0]]


@pytest.mark.parametrize("recipe", ["no", "unsure"])
@pytest.mark.parametrize("people", ["yes", "no", "unsure"])
def test_expert_diagnosis_without_a_recipe_is_complicated(recipe: str, people: str) -> None:
    domain, reasons = classify(_answers(recipe, "yes", "yes", people, "no"))
    assert domain == "complicated"
    assert "analysis by experts" in reasons[0]


def test_a_standard_form_about_peoples_lives_is_simple_with_a_note() -> None:
    # Filing a completed carer's assessment: recipe yes, predictable yes, about people.
    domain, reasons = classify(_answers("yes", "no", "yes", "yes", "no"))
    assert domain == "simple"
    assert any(r.startswith("You said it is about people's lives") for r in reasons)
    # Without the people answer there is no such note.
    _, plain = classify(_answers("yes", "no", "yes", "no", "no"))
    assert not any("people's lives" in r for r in plain)


def test_chaos_tends_to_be_short_term_as_the_toolkit_hedges() -> None:
    response = DOMAINS["chaotic"].response
    assert "tends to be short-term" in response
    assert "chaos is short-term" not in response
    assert "nobody can see what causes what" in DOMAINS["chaotic"].meaning


def test_the_short_responses_are_glossed_and_marked_as_cynefins() -> None:
    for info in DOMAINS.values():
        assert info.verbs_gloss.strip()
    assert "try something small" in DOMAINS["complex"].verbs_gloss
    assert "not the toolkit's" in DOMAINS["complex"].verbs_gloss
    assert "networked, adaptive system (connected" in DOMAINS["complex"].meaning
    assert "wicked problems (" in DOMAINS["complex"].analogy


@pytest.mark.parametrize("answers", ALL[::7])
def test_changes_are_exactly_the_single_answers_that_change_the_result(answers: dict[str, str]) -> None:
    result = assess(answers)
    found = {(c.question, c.answer, c.domain) for c in result.changes}
    wanted = set()
    for qid in QUESTION_IDS:
        for other in ANSWERS:
            if other != answers[qid]:
                domain = expected_domain({**answers, qid: other})
                if domain != result.domain:
                    wanted.add((qid, other, domain))
    assert found == wanted
    assert len(change_lines(result)) == len(result.changes)


def test_borderline_answers_say_what_would_change() -> None:
    result = assess({"recipe": "no", "expertise": "unsure", "predictable": "no",
                     "people": "yes", "crisis": "unsure"})
    assert result.domain == "complex"
    lines = change_lines(result)
    assert any("Act now: 'yes' instead of 'not sure' would make it chaotic." == line for line in lines)


def test_bad_answers_are_refused_with_choices() -> None:
    with pytest.raises(ValueError, match="choices: yes, no, unsure"):
        check_answers({**ALL[0], "recipe": "maybe"})
    with pytest.raises(ValueError, match="missing answer for crisis"):
        check_answers({k: "yes" for k in QUESTION_IDS[:-1]})
    with pytest.raises(ValueError, match="unknown question"):
        check_answers({**ALL[0], "weather": "yes"})


def test_typed_answers_are_normalised() -> None:
    assert normalise_answer(" Y ") == "yes"
    assert normalise_answer("Not  sure") == "unsure"
    assert normalise_answer("no") == "no"
    assert normalise_answer("maybe") is None


@pytest.mark.parametrize("domain", DOMAIN_IDS)
def test_the_map_marks_one_place_in_words(domain: str) -> None:
    for ascii_only in (False, True):
        text = draw_map(domain, ascii_only)
        assert text.count("[X]") == 1
        marked = next(line for line in text.splitlines() if "[X]" in line)
        label = "NOT CLEAR YET" if domain == "confusion" else DOMAINS[domain].label.upper()
        assert label in marked
        assert all(len(line) <= 78 for line in text.splitlines())
        if ascii_only:
            assert text.isascii()
    assert MARK not in draw_map(None) and "[X]" not in draw_map(None)


def test_summary_names_result_response_and_plan() -> None:
    result = assess({"recipe": "no", "expertise": "no", "predictable": "no",
                     "people": "yes", "crisis": "no"})
    text = summary_text("Lonely carers", result, {"action": "Coffee morning", "expected": "not known"})
    assert "Result: Complex (probe, sense, respond)" in text
    assert "First probe or action: Coffee morning" in text
    assert "Expected outcome: not known" in text
