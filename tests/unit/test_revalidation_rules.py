"""Revalidation rules: PIN form, window, gaps, progress, the home line, complete accounts."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import textwrap
from pathlib import Path

import pytest

from coprod_tui.journal.entry import Entry
from coprod_tui.revalidation import rules
from coprod_tui.transfer.nmc import account, account_gaps
from tests.revalidation_data import complete_account

PACKAGE = Path(__file__).resolve().parents[2] / "coprod_tui" / "revalidation"
D = dt.date


def test_pin_has_two_digits_a_letter_four_digits_a_letter() -> None:
    assert rules.check_pin("12a3456b") == "12A3456B"
    assert rules.check_pin(" 12A 3456E ") == "12A3456E"
    for bad in ("", "12A3456", "1A23456B", "12A34567B", "AB12345C", "12A3456BB", "12-3456-B"):
        with pytest.raises(ValueError, match="two digits, a letter"):
            rules.check_pin(bad)


def test_a_pin_is_accepted_only_in_its_form() -> None:
    alphabet = "0123456789AbZ x-\u00e9\u0660"
    rng = random.Random(18)
    accepted = 0
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(6, 10)))
        try:
            pin = rules.check_pin(text)
        except ValueError:
            continue
        accepted += 1
        assert len(pin) == 8 and pin[:2].isascii() and pin[:2].isdigit() and pin[3:7].isdigit()
        assert pin[2] in "ABXZ" and pin[7] in "ABXZ"
    assert accepted


def test_window_is_the_cycle_before_the_date() -> None:
    assert rules.window(D(2027, 6, 30)) == rules.Window(D(2024, 7, 1), D(2027, 6, 30))
    assert rules.window(D(2028, 2, 29), "nmc").start == D(2025, 3, 1)
    assert rules.window(D(2027, 6, 30), "hcpc").start == D(2025, 7, 1)


def test_gaps_of_three_months_or_more_from_the_window_start_to_today() -> None:
    win = rules.Window(D(2026, 1, 1), D(2028, 12, 31))
    cpd = [{"date": "2026-03-15"}, {"date": "2026-06-14"}, {"date": "2026-10-01"}]
    gaps = rules.cpd_gaps(cpd, win, D(2027, 1, 31))
    # 15 March to 14 June is just under three months; 14 June to 1 October is over.
    assert gaps == ((D(2026, 6, 15), D(2026, 9, 30)), (D(2026, 10, 2), D(2027, 1, 31)))
    assert rules.cpd_gaps([{"date": "2026-02-01"}], win, D(2026, 3, 1)) == ()


def test_progress_names_each_missing_piece() -> None:
    reg = {"regulator": "nmc", "renewal": "2027-06-30"}
    cpd = [{"date": "2026-01-01", "hours": 20, "participatory": True},
           {"date": "2026-01-02", "hours": 15, "participatory": False},
           {"date": "2020-01-02", "hours": 99, "participatory": True}]  # before the window
    feedback = [{"date": "2026-01-01"}] * 5
    hours = [{"date": "2026-01-01", "hours": 450}]
    talk = [{"date": "2026-02-01", "accounts": ["a", "b", "c", "d", "e"]}]
    done = rules.progress(reg, cpd, feedback, hours, talk, "abcde", D(2026, 12, 1))
    assert done.complete and done.days_left == 211
    short = rules.progress(reg, cpd[1:], feedback[1:], hours, talk, "abcd", D(2026, 12, 1))
    assert short.missing() == ["20 h of CPD", "20 h of participatory CPD",
                               "1 piece of practice-related feedback",
                               "1 complete reflective account",
                               "1 account covered by a reflective discussion"]
    assert rules.progress(None, [], [], [], [], [], D(2026, 1, 1)).missing()[0].startswith(
        "your registration")


def test_home_line_fits_two_lines_of_home_in_the_worst_case() -> None:
    reg = {"regulator": "nmc", "renewal": "2029-11-28"}
    cpd = [{"date": "2027-01-01", "hours": 10.5}, {"date": "2027-01-01", "hours": 12.25,
                                                   "participatory": True}]
    p = rules.progress(reg, cpd, [{"date": "2027-01-01"}] * 4, [{"date": "2027-01-01",
                       "hours": 449.5}], [], "abcd", D(2026, 11, 28))
    line = rules.home_line(p)
    assert line == ("CPD 22.8/35h, part. 12.2/20, feedback 4/5, accounts 4/5, hours 449.5/450, "
                    "no discussion; 1096 days left")
    assert len(textwrap.wrap(line, 51)) <= 2  # home's SUMMARY_WIDTH


@pytest.mark.parametrize("language", ["en", "cy"])
def test_home_line_fits_home_in_every_language_and_case(language: str) -> None:
    from coprod_tui import i18n
    from coprod_tui.revalidation.summary import home_width

    i18n.set_language(language)
    width = home_width()
    assert width == {"en": 51, "cy": 50}[language]  # Welsh area titles are longer
    lines = []
    for cpd_have, part_have, feedback, accounts, hours, talk, days in itertools.product(
            (0, 22.75), (0, 12.25), (0, 4, 5), (4, 5), (99.5, 449.5), (0, 5),
            (1090, 214, 1, -3, -400)):
        today = D(2026, 1, 1)
        renewal = today + dt.timedelta(days)
        day = min(today, renewal - dt.timedelta(1)).isoformat()  # inside the window
        cpd = [{"date": day, "hours": part_have, "participatory": True},
               {"date": day, "hours": cpd_have}]
        p = rules.progress({"regulator": "nmc", "renewal": renewal.isoformat()},
                           [c for c in cpd if c["hours"]], [{"date": day}] * feedback,
                           [{"date": day, "hours": hours}],
                           [{"date": day, "accounts": list("abcde"[:talk])}] if talk else [],
                           "abcde"[:accounts], today)
        lines.append(rules.home_line(p, width))
    too_long = [line for line in lines if len(textwrap.wrap(line, width)) > 2]
    assert too_long == []
    if language == "cy":
        assert "DPP 0/35h, cyfr. 0/20, adborth 0/5, cyfrifon 4/5, oriau 99.5/450, heb " \
               "drafod; 1090 diwrnod ar ôl" in lines
        # Too long for two lines with "ar ôl": the days alone.
        assert "DPP 22.8/35h, cyfr. 0/20, adborth 4/5, cyfrifon iawn, oriau 449.5/450, " \
               "heb drafod; 1090 diwrnod" in lines
        assert any(line.endswith("; 400 diwrnod yn hwyr") for line in lines)
        assert any(line.endswith("; yn hwyr") for line in lines)  # the shortest way


def test_complete_accounts_have_no_gaps_and_no_missing_line() -> None:
    now = dt.datetime(2026, 5, 1, 9, tzinfo=dt.timezone.utc)
    for number in range(5):
        entry = complete_account(number, now)
        assert account_gaps(entry) == ()
        assert "MISSING" not in account(entry, 1, 1)
    bare = Entry(values=["strengths"], framework="rolfe", sections={"what": "x"})
    assert account_gaps(bare) == ("kind", "learned", "changed", "code")
    themed = complete_account(1, now)
    themed.code_themes = []
    assert account_gaps(themed) == ("code",)
    win = rules.window(D(2027, 6, 30))
    old = complete_account(0, dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))
    assert rules.complete_accounts([complete_account(1, now), old, bare], win) == ["1" * 32]
