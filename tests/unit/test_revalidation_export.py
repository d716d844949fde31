"""The nmc, hcpc and html packs against fixed expected content (a fixed clock)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coprod_tui.core.store import Store
from coprod_tui.revalidation import records, rules
from coprod_tui.transfer.common import ExportFilter
from coprod_tui.transfer.files import render
from tests.revalidation_data import complete_account

STAMP = "2026-12-01T09:00:00+00:00"
TODAY = dt.date(2026, 12, 1)
PARTNER = ("Jo Partnerperson", "12A3456B", "jo@example.org", "Ward 4, General Hospital", "AB1 2CD")


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC, so stamps print the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def build(data_dir: Path, regulator: str = "nmc") -> Store:
    """A small record: two accounts, two CPD activities, feedback, hours, a discussion."""
    store = Store.open(data_dir)
    records.set_registration(store, regulator, "2027-06-30")
    when = dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone.utc)
    first, second = complete_account(0, when), complete_account(1, when + dt.timedelta(days=1))
    second.sections["what"] += " See https://example.org/carers for the guide."
    store.insert("entries", first.to_doc())
    store.insert("entries", second.to_doc())
    records.add(store, records.CPD, rules.make_cpd(
        date="2026-03-01", title="Co-production workshop", method="workshop", hours=6,
        participatory=True, themes=["prioritise"], standards=["2", "4"],
        learned="Ask carers <first> & plan with them.", evidence="Certificate",
        entries=["0" * 32]))
    records.add(store, records.CPD, rules.make_cpd(
        date="2026-08-10", title="Reading the toolkit", method="reading", hours=1.5,
        participatory=False, themes=["Practise effectively"], standards=["3"]))
    records.add(store, records.FEEDBACK, rules.make_feedback(
        date="2026-04-01", source="carer", said="The plan fitted our week.",
        changed="I book visits after asking."))
    records.add(store, records.HOURS, rules.make_hours(date="2026-01-05", until="2026-06-30",
                                                      hours=450, role="community nurse"))
    records.add(store, records.DISCUSSIONS, rules.make_discussion(
        date="2026-05-01", partner=PARTNER[0], pin=PARTNER[1], email=PARTNER[2],
        address=PARTNER[3], postcode=PARTNER[4], accounts=["0" * 32, "1" * 32]))
    return store


def pack(store: Store, fmt: str, with_partner: bool = False) -> str:
    return render(store, fmt, ExportFilter(), STAMP, with_partner, TODAY)


EXPECTED_NMC = """\
NMC REVALIDATION PACK
=====================

Made by coprod on 2026-12-01 09:00.
Window: 2024-07-01 to 2027-06-30
Revalidation date: 2027-06-30

PROGRESS
--------

- [x] 450 of 450 h of practice
- [ ] 7.5 of 35 h of CPD
- [ ] 6 of 20 h of participatory CPD
- [ ] 1 of 5 pieces of practice-related feedback
- [ ] 2 of 5 complete reflective accounts
- [ ] 2 of 5 accounts covered by a reflective discussion

Still needed: 27.5 h of CPD; 14 h of participatory CPD; 4 pieces of
practice-related feedback; 3 complete reflective accounts; 3 accounts covered
by a reflective discussion.

BEFORE YOU USE THESE ACCOUNTS
-----------------------------

- They must not include anything that could identify a patient, service user,
  carer, colleague or anyone else. Removing a name, age and address is usually
  not enough: take out places, dates, rare conditions and roles that point to a
  person.
- Keep to what you learned and what you changed, not every detail of events.
- The NMC asks for five reflective accounts in each three-year revalidation
  period, on its approved form, and a reflective discussion with another
  registrant, recorded separately.
- These are drafts made from your journal. Where it says MISSING, coprod has
  nothing to put there: write that part yourself before copying it to the form.

PRACTICE HOURS
--------------

- 2026-01-05 to 2026-06-30: 450 h (community nurse)

Total: 450 hours (the NMC asks for 450).

CPD RECORD
----------

Total: 7.5 hours, of which 6 participatory (the NMC asks for 35, 20 of them
participatory).

Activity 1

Date: 2026-03-01
Method: workshop
Topic: Co-production workshop
Hours: 6
Participatory hours: 6
Link to the Code: Prioritise people
What I learned, and how it relates to my practice:
  Ask carers <first> & plan with them.
Evidence: Certificate
Journal entries: 00000000

Activity 2

Date: 2026-08-10
Method: reading
Topic: Reading the toolkit
Hours: 1.5
Participatory hours: 0
Link to the Code: Practise effectively
What I learned, and how it relates to my practice: not written
Evidence: none recorded

PRACTICE-RELATED FEEDBACK
-------------------------

Feedback 1

Date: 2026-04-01
From: a carer
What was said: The plan fitted our week.
What I changed: I book visits after asking.

REFLECTIVE ACCOUNTS
-------------------

REFLECTIVE ACCOUNT 1 OF 2
=========================

Title: Asking a carer what matters first
Date of the entry: 2026-03-02
Kind of account: event or experience
Written with: Gibbs reflective cycle
Co-production values: Strengths

1. What was the nature of the CPD activity, practice-related feedback, or event
   or experience in your practice?

[Gibbs: Description]
Account 0: at a meeting I asked the carer first.

[Gibbs: Feelings]
I worried it would take longer.

2. What did you learn from it?

[Gibbs: Evaluation]
It took less time than usual.

[Gibbs: Analysis]
The carer knew the routine better than the notes did.

[Gibbs: Conclusion]
Asking first saves time later.

3. How did you change or improve your practice as a result?

[Gibbs: Action plan]
Ask carers first at every meeting.

Actions:
- [ ] Share what I learned at the team meeting

4. How is this relevant to the Code?

Themes of the Code: Prioritise people; Practise effectively

[Gibbs: How it relates to the Code]
It puts the person and those close to them first.

REFLECTIVE ACCOUNT 2 OF 2
=========================

Title: A carer on the discharge panel
Date of the entry: 2026-03-03
Kind of account: event or experience
Written with: Rolfe (What? So what? Now what?)
Co-production values: Relationships

1. What was the nature of the CPD activity, practice-related feedback, or event
   or experience in your practice?

[Rolfe: What?]
Account 1: a carer told us the plan did not fit her week. See https://example.org/carers for the guide.

2. What did you learn from it?

[Rolfe: So what?]
Our plans assumed carers are free in the day.

3. How did you change or improve your practice as a result?

[Rolfe: Now what?]
I now ask about carers' hours before booking.

Actions:
- [ ] Share what I learned at the team meeting

4. How is this relevant to the Code?

Themes of the Code: Prioritise people; Practise effectively

[Rolfe: How it relates to the Code]
Working with carers as partners is effective practice.

REFLECTIVE DISCUSSION
---------------------

Date of the discussion: 2026-05-01
Partner's details:
  left out of this export (add them with --with-partner, or on the form itself)
Accounts discussed:
  Asking a carer what matters first (00000000); A carer on the discharge panel
  (11111111)

ALSO NEEDED, NOT KEPT BY COPROD
-------------------------------

- a declaration of your health and character
- evidence of a professional indemnity arrangement
- confirmation by an appropriate person
"""

EXPECTED_HCPC = """\
HCPC CPD PROFILE: PARTS TO COMPLETE
===================================

Made by coprod on 2026-12-01 09:00.
Window: 2025-07-01 to 2027-06-30
Renewal date: 2027-06-30

SUMMARY OF PRACTICE
-------------------

TO WRITE: about 500 words on your role, where and with whom you work, and the
people who use your service. coprod does not write this for you.

CPD ACTIVITIES, BY DATE
-----------------------

- 2026-03-01: Co-production workshop (workshop, 6 h)
- 2026-08-10: Reading the toolkit (reading, 1.5 h)

ACTIVITIES AND THE FIVE STANDARDS
---------------------------------

1 Keep a continuous, up-to-date and accurate record

- this dated record of 2 activities; gaps of 3 months or more: 3 (listed below)

2 A mix of learning relevant to current or future practice

- 2026-03-01: Co-production workshop

3 Learning that improves the quality of practice and service

- 2026-08-10: Reading the toolkit

4 Learning that benefits service users

- 2026-03-01: Co-production workshop

5 A profile, with evidence, when asked

- this profile, once the parts marked TO WRITE are written

Methods used: reading, workshop.

GAPS OF 3 MONTHS OR MORE
------------------------

- GAP: 2025-07-01 to 2026-02-28 (243 days): explain it (for example illness,
  leave or a career break)
- GAP: 2026-03-02 to 2026-08-09 (161 days): explain it (for example illness,
  leave or a career break)
- GAP: 2026-08-11 to 2026-12-01 (113 days): explain it (for example illness,
  leave or a career break)

STATEMENT: HOW YOUR ACTIVITIES MEET THE STANDARDS
-------------------------------------------------

TO WRITE: about 1,500 words on how 4 to 6 of the activities above meet the
standards. What you wrote when you logged them, to start from:

Activity 1

Date: 2026-03-01
Method: workshop
Topic: Co-production workshop
Hours: 6
Participatory hours: 6
HCPC standards:
  2 A mix of learning relevant to current or future practice; 4 Learning that
  benefits service users
What I learned, and how it relates to my practice:
  Ask carers <first> & plan with them.
Evidence: Certificate
Journal entries: 00000000

Activity 2

Date: 2026-08-10
Method: reading
Topic: Reading the toolkit
Hours: 1.5
Participatory hours: 0
HCPC standards: 3 Learning that improves the quality of practice and service
What I learned, and how it relates to my practice: not written
Evidence: none recorded
"""


def test_nmc_pack_is_the_whole_record_for_the_window(utc: None, data_dir: Path) -> None:
    assert pack(build(data_dir), "nmc") == EXPECTED_NMC


def test_hcpc_profile_maps_the_standards_and_marks_the_gaps(utc: None, data_dir: Path) -> None:
    assert pack(build(data_dir, "hcpc"), "hcpc") == EXPECTED_HCPC


def test_the_partner_is_only_in_a_pack_asked_to_hold_them(utc: None, data_dir: Path) -> None:
    store = build(data_dir)
    for fmt in ("nmc", "hcpc", "html", "md", "txt", "json"):
        text = pack(store, fmt)
        assert not [detail for detail in PARTNER if detail in text], fmt
    full = pack(store, "nmc", with_partner=True)
    assert full == EXPECTED_NMC.replace(
        "Partner's details:\n  left out of this export (add them with --with-partner, or on "
        "the form itself)\n",
        "Partner's name: Jo Partnerperson\nPartner's NMC PIN: 12A3456B\n"
        "Partner's email: jo@example.org\n"
        "Partner's professional address: Ward 4, General Hospital\nPostcode: AB1 2CD\n")


def test_a_chosen_window_narrows_every_log(utc: None, data_dir: Path) -> None:
    store = build(data_dir)
    flt = ExportFilter(since=dt.date(2026, 6, 1), until=dt.date(2026, 12, 1))
    text = render(store, "nmc", flt, STAMP, False, TODAY)
    assert "Window: 2026-06-01 to 2026-12-01" in text
    assert "Reading the toolkit" in text and "Co-production workshop" not in text
    assert "No feedback recorded." in text
    assert "No complete reflective accounts in the window yet." in text


class _Page(HTMLParser):
    """Collects tags, links, sources and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in ("meta",):
            self.open.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("href", "src", "action", "srcset")]
        assert not [k for k, _ in attrs if k.startswith("on")]

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (self.open, tag)
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(data)


def test_html_parses_has_no_script_and_links_only_to_entries(utc: None, data_dir: Path) -> None:
    store = build(data_dir)
    store.insert("cpd", {**rules.make_cpd(
        date="2026-09-01", title="<script>alert(1)</script> http://evil.example/x.png",
        method="x", hours=1, participatory=False), "id": "hostile"})
    page_text = pack(store, "html")
    page = _Page()
    page.feed(page_text)
    page.close()
    assert page.open == []
    assert "script" not in page.tags and "img" not in page.tags and "link" not in page.tags
    assert page.urls == ["https://example.org/carers"]  # the link inside an entry
    assert "@import" not in page_text and "url(" not in page_text
    text = "\n".join(page.text)
    assert "<script>alert(1)</script> http://evil.example/x.png" in text  # shown, escaped
    for heading in ("Progress", "CPD record", "Practice-related feedback", "Reflective accounts",
                    "Reflective discussion", "Also needed, not kept by coprod"):
        assert heading in page.text
    assert "Ask carers <first> & plan with them." in text
    assert "I now ask about carers' hours before booking." in text
    assert "[ ] 8.5 of 35 h of CPD" in text  # the same progress as the text pack, plus 1 h
    assert page_text.startswith("<!DOCTYPE html>") and "@media print" in page_text
    assert ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">") in page_text


def test_html_of_an_hcpc_registration_is_the_profile(utc: None, data_dir: Path) -> None:
    page = _Page()
    page.feed(pack(build(data_dir, "hcpc"), "html"))
    assert "HCPC CPD PROFILE: PARTS TO COMPLETE" in page.text
    assert "Gaps of 3 months or more" in page.text


def test_odd_records_from_an_import_are_shown_not_fatal(utc: None, data_dir: Path) -> None:
    store = build(data_dir)
    with store.session() as s:
        s.insert("cpd", {"date": "2026-05-05", "hours": "lots", "standards": "2 A mix",
                         "entries": 7, "themes": None, "title": ["x"]})
        s.insert("cpd", {"hours": 1e308})
        s.insert("feedback", {"date": 20260101, "said": None})
        s.insert("discussions", {"date": "2026-06-01", "accounts": 5})
        s.insert("practice_hours", {"date": "not a date", "hours": -4})
    for fmt in ("nmc", "hcpc", "html"):
        assert pack(store, fmt)
    state = records.progress(store, TODAY)
    assert {r.id: r.have for r in state.requirements}["cpd-hours"] == 7.5


def test_a_half_filled_discussion_form_keeps_the_partner_out_of_every_export(
        utc: None, data_dir: Path) -> None:
    """Attack: the app keeps the discussion form's unsaved text as a draft, and the
    json backup holds the drafts table: the partner's details leaked through it."""
    store = build(data_dir)
    draft = dict(zip(("partner", "pin", "email", "address", "postcode"),
                     ("Yo Draftperson", "99B1234C", "yo@draft.example", "2 Draft Road",
                      "DR1 1FT"), strict=True))
    store.save_draft(rules.DISCUSSION_DRAFT, {**draft, "notes": "kept note"})
    for fmt in ("nmc", "hcpc", "html", "md", "txt", "json"):
        text = pack(store, fmt)
        assert not [v for v in draft.values() if v in text], fmt
    backup = pack(store, "json")
    assert "kept note" in backup  # the rest of the draft is still in the backup
    assert "Yo Draftperson" in pack(store, "json", with_partner=True)
    assert store.load_draft(rules.DISCUSSION_DRAFT)["partner"] == "Yo Draftperson"
