"""The privacy check finds identifying details and accepts ordinary writing."""

from __future__ import annotations

import random

import pytest

from coprod_tui.journal.privacy_check import check_privacy, nhs_number_valid


@pytest.mark.parametrize("digits", ["9434765919", "4010232137", "9990000018"])
def test_valid_nhs_numbers_pass_modulus_11(digits: str) -> None:
    assert nhs_number_valid(digits)


@pytest.mark.parametrize(
    "digits",
    ["9434765918", "1234567890", "4010232138", "943476591", "94347659190", "94347a5919"],
)
def test_invalid_nhs_numbers_fail(digits: str) -> None:
    assert not nhs_number_valid(digits)


def test_check_digit_of_ten_is_never_valid() -> None:
    # 1000000010: weights give remainder 1 -> check 10, which no number may have.
    assert not any(nhs_number_valid(f"100000001{d}") for d in "0123456789")


@pytest.mark.parametrize("text", ["NHS 943 476 5919.", "no 9434765919", "id 943-476-5919"])
def test_nhs_number_found_with_3_3_4_spacing_or_none(text: str) -> None:
    kinds = [f.kind for f in check_privacy(text)]
    assert kinds == ["NHS number"]


def test_number_failing_the_check_is_not_called_an_nhs_number() -> None:
    assert all(f.kind != "NHS number" for f in check_privacy("ref 943 476 5918"))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("write to jo.bloggs+x@example.nhs.uk today", "email address"),
        ("rang her on 07700 900123 later", "phone number"),
        ("rang +44 7700 900123", "phone number"),
        ("ward line 029 2018 3456", "phone number"),
        ("lives near CF10 3AT with her son", "postcode"),
        ("lives near sw1a 1aa", "postcode"),
        ("DOB: 12/03/1956", "date of birth"),
        ("born on 4 July 1948, she", "date of birth"),
        ("date of birth 1950-01-02", "date of birth"),
        ("met him, 03/04/1961 on the form", "date of birth"),
    ],
)
def test_identifying_details_are_found(text: str, kind: str) -> None:
    assert kind in [f.kind for f in check_privacy(text)]


@pytest.mark.parametrize(
    "text",
    [
        "A carer told me what mattered to her; we agreed a plan by 2026-12-01.",
        "Meeting on 12/11/2026 with the team at 3pm, 45 minutes, room 12.",
        "Scored 3 out of 5 on networks; 20 people came.",
        "[bold]x[/] [/] \x1b[31mred",
    ],
)
def test_ordinary_reflection_has_no_findings(text: str) -> None:
    assert check_privacy(text) == []


def test_findings_are_in_text_order_and_described() -> None:
    found = check_privacy("a@b.org then 943 476 5919")
    assert [f.kind for f in found] == ["email address", "NHS number"]
    assert found[1].describe() == "NHS number: 943 476 5919"


# -- names -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I met Mr Jones at the door.", "Mr Jones"),
        ("Dr. Patel agreed to call.", "Dr. Patel"),
        ("Later Sister O'Neill came by.", "Sister O'Neill"),
        ("We asked Nurse Evans first.", "Nurse Evans"),
        ("The carer, Mrs Hughes, knew best.", "Mrs Hughes"),
        ("Megan Jones rang the ward.", "Megan Jones"),
        ("I spoke to Dafydd about it.", "Dafydd"),
        ("Rhys said it helped.", "Rhys"),
        ("Her daughter Siân was there.", "Siân"),
        ("Then Sian's father rang.", "Sian"),
        ("Her son Callum drove.", "Callum"),
        ("I asked Grace what mattered.", "Grace"),
        ("We saw Hope on the ward.", "Hope"),
        ("I rang May about the visit.", "May"),
        ("It was Will who noticed.", "Will"),
        ("Her husband Mark, who cares for her, was tired.", "Mark"),
        ("I spoke with June, who cares for him.", "June"),
    ],
)
def test_names_are_found(text: str, found: str) -> None:
    names = [f.text for f in check_privacy(text) if f.kind == "name"]
    assert names == [found]


@pytest.mark.parametrize(
    "text",
    [
        "Will you ask the carer first? I will.",
        "May I suggest a change? It may help.",
        "Hope matters. We kept hope alive.",
        "Grace under pressure is a skill.",
        "Faith groups helped. Mark the date in the diary.",
        "We met in May 2026 and again on 3 June.",
        "In June the team changed rotas; by April it was settled.",
        "The Nurse Practitioner and the Sister Ward Manager agreed.",
        "the carer said megan and rhys in lower case are not flagged",
        "- Grace and time were what she needed.",
        "A carer told me what mattered to her; the team listened.",
        "MAY and WILL in capitals are headings, not names.",
        "She was moved to St George's, then to the Queen Elizabeth Hospital.",
    ],
)
def test_ordinary_words_are_not_names(text: str) -> None:
    assert [f.text for f in check_privacy(text) if f.kind == "name"] == []


def test_a_name_is_reported_once_however_often_it_appears() -> None:
    found = check_privacy("I asked Megan. Megan said no. Later Megan agreed.")
    assert [f.describe() for f in found] == ["name: Megan"]


def test_findings_always_point_at_their_own_text() -> None:
    # Hypothesis is not a dependency here: a seeded generator over name-like pieces.
    pieces = ["Mr", "Dr.", " ", "Megan", "May", "will", "in", "3", "2026", ",", ".", "\n",
              "'", "Siân", "-", "Jones", "Will", "Nurse", "Practitioner"]
    rng = random.Random(18)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        for finding in check_privacy(text):
            assert text[finding.start:finding.start + len(finding.text)] == finding.text
