"""What a regulator asks for and how far a record has got: pure rules.

No Textual, no files. Dates are :class:`datetime.date`; records are the plain
dicts that :mod:`coprod_tui.revalidation.records` keeps.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from coprod_tui.i18n import N_, _, ngettext
from coprod_tui.journal.entry import CODE_THEMES

# English names, marked for the catalogue: shown as ``_(REGULATORS[...])``.
REGULATORS: dict[str, str] = {
    "nmc": N_("NMC (Nursing and Midwifery Council)"),
    "hcpc": N_("HCPC (Health and Care Professions Council)"),
    "gmc": N_("GMC (General Medical Council)"),
    "other": N_("another regulator or none"),
}
# The five HCPC standards for CPD, in our own short words. A CPD record stores
# the English label; it is shown as ``_(standard)``.
HCPC_STANDARDS: tuple[str, ...] = (
    N_("1 Keep a continuous, up-to-date and accurate record"),
    N_("2 A mix of learning relevant to current or future practice"),
    N_("3 Learning that improves the quality of practice and service"),
    N_("4 Learning that benefits service users"),
    N_("5 A profile, with evidence, when asked"),
)
# Stored keys (typed on the command line); shown as ``_(source)``. The form also
# takes a source's name in the interface language (:func:`feedback_source`).
FEEDBACK_SOURCES: tuple[str, ...] = (
    N_("carer"), N_("patient"), N_("colleague"), N_("manager"), N_("other"),
)
# Suggestions only: the method is the user's own words, stored as typed (so
# the suggestions are offered in the interface language).
CPD_METHODS: tuple[str, ...] = (
    N_("course"), N_("online learning"), N_("reading"), N_("workshop"), N_("conference"),
    N_("peer learning"), N_("supervision"), N_("coaching"), N_("project"), N_("other"),
)
# NMC revalidation, every three years.
NMC_CPD_HOURS = 35.0
NMC_PARTICIPATORY_HOURS = 20.0
NMC_FEEDBACK = 5
NMC_ACCOUNTS = 5
NMC_PRACTICE_HOURS = 450.0
WINDOW_YEARS = 3
# The cycle each regulator works to: NMC revalidation every 3 years, HCPC
# renewal every 2, GMC revalidation every 5.
CYCLE_YEARS = {"nmc": 3, "hcpc": 2, "gmc": 5, "other": 3}
GAP_MONTHS = 3
PIN_PATTERN = re.compile(r"[0-9]{2}[A-Z][0-9]{4}[A-Z]")
POSTCODE_MAX = 10


def shown_choice(key: object) -> str:
    """A stored choice (a feedback source, a regulator key, a Code theme, an HCPC
    standard) in the interface language; anything unknown as it is."""
    return _(key) if isinstance(key, str) and key else str(key or "")


def _key_of(text: str, choices: Sequence[str]) -> str:
    """The choice ``text`` names: the key itself or its name in the interface
    language, in any case (``text`` unchanged when it names none)."""
    wanted = " ".join(text.split()).lower()
    for key in choices:
        if wanted in (key.lower(), _(key).lower()):
            return key
    return text


def feedback_source(text: str) -> str:
    """The stored key for a feedback source typed as its key (``carer``) or as its
    name in the interface language (``gofalwr``); other text unchanged."""
    return _key_of(text, FEEDBACK_SOURCES)


def regulator_key(text: str) -> str:
    """The stored key for a regulator typed as ``nmc``, ``hcpc``, ``gmc``, ``other``
    or ``other`` in the interface language; other text unchanged."""
    return _key_of(text, list(REGULATORS))


def methods_hint() -> str:
    """The suggested CPD methods, in the interface language."""
    return ", ".join(_(m) for m in CPD_METHODS)


def sources_hint() -> str:
    """The feedback sources, in the interface language."""
    return ", ".join(_(s) for s in FEEDBACK_SOURCES)


def regulators_hint() -> str:
    """What the regulator field takes, in the interface language."""
    return _("nmc, hcpc, gmc or {other}").format(other=_("other"))


def check_pin(pin: str) -> str:
    """An NMC PIN in capitals (``12a3456b`` -> ``12A3456B``), or ``ValueError``.

    The form is two digits, a letter, four digits and a letter.
    """
    cleaned = "".join(pin.split()).upper()
    if not PIN_PATTERN.fullmatch(cleaned):
        raise ValueError(
            _("{pin!r} is not an NMC PIN: two digits, a letter, four digits, a letter "
              "(for example 12A3456B)").format(pin=pin)
        )
    return cleaned


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, kept inside shorter months."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Window:
    """The three years a revalidation covers: from ``start`` to ``end`` (both included)."""

    start: dt.date
    end: dt.date

    def holds(self, day: dt.date | None) -> bool:
        """True when ``day`` falls inside the window."""
        return day is not None and self.start <= day <= self.end


def window(renewal: dt.date, regulator: str | None = None) -> Window:
    """The window ending on the revalidation (or renewal) date: the regulator's
    cycle (three years unless it is known to differ)."""
    years = CYCLE_YEARS.get(regulator or "", WINDOW_YEARS)
    return Window(years_before(renewal, years) + dt.timedelta(days=1), renewal)


def day_of(record: dict[str, Any], key: str = "date") -> dt.date | None:
    """A record's ``YYYY-MM-DD`` field as a date, or ``None`` if absent or malformed."""
    value = record.get(key)
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def hours_of(record: dict[str, Any]) -> float:
    """A record's hours (0 for anything that is not a positive number)."""
    value = record.get("hours")
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return 0.0
    return max(0.0, float(value))


def fmt_hours(value: float) -> str:
    """``22.5`` or ``35`` (no trailing ``.0``)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Requirement:
    """One thing the regulator asks for, with how much is there."""

    id: str
    label: str
    have: float
    need: float
    unit: str = ""
    one: str = ""  # the label when exactly one is missing

    @property
    def met(self) -> bool:
        """True when there is enough."""
        return self.have >= self.need

    def still_needed(self, shown: bool = False) -> str:
        """What is missing, in words (``12.5 h of CPD``); with ``shown``, in the
        interface language (else English, as ``--json`` gives it)."""
        short = fmt_hours(self.need - self.have)
        label = self.one if self.one and short == "1" else self.label
        if shown:
            label = _(label)
        return f"{short}{' ' + self.unit if self.unit else ''} {label}".strip()


NO_REGISTRATION = N_("your registration: regulator and revalidation date")
NO_DATE = N_("your revalidation or renewal date")
GAP_TO_EXPLAIN = N_("explain the CPD gap from {start} to {end}")


@dataclass(frozen=True)
class Progress:
    """Where a revalidation record stands on ``today``."""

    regulator: str | None
    renewal: dt.date | None
    window: Window | None
    today: dt.date
    requirements: tuple[Requirement, ...] = ()
    gaps: tuple[tuple[dt.date, dt.date], ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def days_left(self) -> int | None:
        """Days until the revalidation date (negative once it has passed)."""
        return None if self.renewal is None else (self.renewal - self.today).days

    def missing(self, shown: bool = False) -> list[str]:
        """Everything still needed, each in a few words; with ``shown``, in the
        interface language (else English, as ``--json`` gives it)."""
        tr = _ if shown else str
        found: list[str] = []
        if self.regulator is None:
            found.append(tr(NO_REGISTRATION))
        elif self.renewal is None:
            found.append(tr(NO_DATE))
        found += [r.still_needed(shown) for r in self.requirements if not r.met]
        found += [tr(GAP_TO_EXPLAIN).format(start=a, end=b) for a, b in self.gaps]
        return found

    @property
    def complete(self) -> bool:
        """True when nothing is missing."""
        return not self.missing()

    def to_json(self) -> dict[str, Any]:
        """A plain dict for ``coprod revalidation --json``."""
        return {
            "regulator": self.regulator,
            "renewal": self.renewal.isoformat() if self.renewal else None,
            "window": None if self.window is None else {
                "start": self.window.start.isoformat(), "end": self.window.end.isoformat()},
            "today": self.today.isoformat(),
            "days_left": self.days_left,
            "requirements": [
                {"id": r.id, "label": r.label, "have": r.have, "need": r.need, "unit": r.unit,
                 "met": r.met} for r in self.requirements
            ],
            "gaps": [{"from": a.isoformat(), "to": b.isoformat()} for a, b in self.gaps],
            "missing": self.missing(),
            "complete": self.complete,
        }


def in_window(records: Iterable[dict[str, Any]], win: Window | None) -> list[dict[str, Any]]:
    """The records dated inside ``win`` (all dated records when there is no window)."""
    return [r for r in records if (day_of(r) is not None and (win is None or win.holds(day_of(r))))]


def cpd_gaps(records: Sequence[dict[str, Any]], win: Window, today: dt.date,
             months: int = GAP_MONTHS) -> tuple[tuple[dt.date, dt.date], ...]:
    """Stretches of ``months`` or more with no CPD, from the window's start to today.

    Each gap runs from the day after the last activity (or the window's start)
    to the day before the next one (or today).
    """
    end = min(today, win.end)
    days = sorted({d for r in records if (d := day_of(r)) is not None and win.start <= d <= end})
    gaps = []
    previous = win.start - dt.timedelta(days=1)
    for day in [*days, end + dt.timedelta(days=1)]:
        if day >= add_months(previous + dt.timedelta(days=1), months):
            gaps.append((previous + dt.timedelta(days=1), day - dt.timedelta(days=1)))
        previous = max(previous, day)
    return tuple(gaps)


def progress(registration: dict[str, Any] | None, cpd: Sequence[dict[str, Any]],
             feedback: Sequence[dict[str, Any]], hours: Sequence[dict[str, Any]],
             discussions: Sequence[dict[str, Any]], complete_accounts: Iterable[str],
             today: dt.date) -> Progress:
    """Progress against the registration's regulator on ``today``.

    ``complete_accounts`` are the ids of journal entries, written inside the
    window, that answer every question of the NMC form.
    """
    registration = registration or {}
    regulator = registration.get("regulator") if registration.get("regulator") in REGULATORS else None
    renewal = day_of(registration, "renewal")
    win = window(renewal, regulator) if renewal else None
    cpd_in = in_window(cpd, win)
    total = sum(hours_of(r) for r in cpd_in)
    participatory = sum(hours_of(r) for r in cpd_in if r.get("participatory") is True)
    accounts = set(complete_accounts)
    if regulator == "hcpc":
        reqs = (
            Requirement("cpd", N_("CPD activities for a profile (4 to 6)"), len(cpd_in), 4, "",
                        N_("CPD activity for a profile (4 to 6)")),
            Requirement("standards", N_("of standards 2, 3 and 4 met by an activity"),
                        len({s for r in cpd_in for s in _standards(r)} & set(HCPC_STANDARDS[1:4])),
                        3, "", N_("of standards 2, 3 and 4 still to meet")),
        )
        gaps = cpd_gaps(cpd, win, today) if win else ()
        return Progress(regulator, renewal, win, today, reqs, gaps)
    if regulator in ("gmc", "other"):
        reqs = (Requirement("cpd-hours", N_("of CPD logged"), total, 0, "h"),)
        return Progress(regulator, renewal, win, today, reqs)
    discussed = max((len(_discussed(d) & accounts) for d in in_window(discussions, win)), default=0)
    reqs = (
        Requirement("practice-hours", N_("of practice"),
                    sum(hours_of(r) for r in in_window(hours, win)), NMC_PRACTICE_HOURS, "h"),
        Requirement("cpd-hours", N_("of CPD"), total, NMC_CPD_HOURS, "h"),
        Requirement("participatory-hours", N_("of participatory CPD"), participatory,
                    NMC_PARTICIPATORY_HOURS, "h"),
        Requirement("feedback", N_("pieces of practice-related feedback"),
                    len(in_window(feedback, win)), NMC_FEEDBACK, "",
                    N_("piece of practice-related feedback")),
        Requirement("accounts", N_("complete reflective accounts"), len(accounts), NMC_ACCOUNTS,
                    "", N_("complete reflective account")),
        Requirement("discussion", N_("accounts covered by a reflective discussion"), discussed,
                    NMC_ACCOUNTS, "", N_("account covered by a reflective discussion")),
    )
    return Progress(regulator or None, renewal, win, today, reqs)


def strings(record: dict[str, Any], key: str) -> list[str]:
    """A record's list-of-text field (anything else, from a hostile import, is empty)."""
    values = record.get(key)
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


def _standards(record: dict[str, Any]) -> set[str]:
    values = record.get("standards")
    return {s for s in values if s in HCPC_STANDARDS} if isinstance(values, list) else set()


def _discussed(record: dict[str, Any]) -> set[str]:
    values = record.get("accounts")
    return {v for v in values if isinstance(v, str)} if isinstance(values, list) else set()


def themes_of(record: dict[str, Any]) -> list[str]:
    """The Code themes a CPD record names (unknown ones dropped)."""
    values = record.get("themes")
    return [t for t in values if t in CODE_THEMES] if isinstance(values, list) else []


#: Home's summary column on an 80-column screen when the areas' titles fit in 12
#: columns (``shell/home.py``; a wider title takes columns from it).
HOME_WIDTH = 51


def days_text(days: int | None) -> str:
    """How far off the revalidation date is, in full words: ``214 days left``,
    ``date passed 3 days ago``."""
    return _when(days)


def _when(days: int | None, short: bool = False, shortest: bool = False) -> str:
    """How far off the revalidation date is, in words (``short``: fewer of them;
    ``shortest``: a date passed is only said to be passed)."""
    if days is None:
        return _("no date set")
    if days < 0:
        if shortest:
            return _("overdue")
        if short:
            return ngettext("{days} day overdue", "{days} days overdue", -days).format(days=-days)
        return ngettext("date passed {days} day ago", "date passed {days} days ago",
                        -days).format(days=-days)
    if short:
        return ngettext("{days} day", "{days} days", days).format(days=days)
    return ngettext("{days} day left", "{days} days left", days).format(days=days)


def home_line(p: Progress, width: int = HOME_WIDTH) -> str:
    """The short progress line on home (two lines of ``width`` columns at most),
    e.g. ``CPD 22.5/35h, part. 12/20, feedback 3/5, accounts 4/5, hours 300/450,
    no discussion; 214 days left``; a complete NMC record says ``Complete``. In
    the interface language; where that would not fit in two lines, the date is
    said in fewer words, then whole hours are shown (rounded down), then only
    what is still missing, then a date passed is only said to be passed."""
    for when, whole, missing_only in ((0, False, False), (1, False, False), (1, True, False),
                                      (1, True, True), (2, True, True)):
        line = _home_line(p, when, whole, missing_only)
        if len(textwrap.wrap(line, width)) <= 2:
            break
    return line


def _home_line(p: Progress, words: int, whole: bool, missing_only: bool) -> str:
    """The home line with the date in fewer ``words`` (0, 1 or 2), hours ``whole``
    and, with ``missing_only``, only what is still missing."""
    if p.regulator is None:
        return _("Set your regulator and date, then log CPD, feedback and hours")
    by_id = {r.id: r for r in p.requirements}
    when = _when(p.days_left, short=words >= 1, shortest=words >= 2)
    if p.regulator == "nmc":
        cpd, part = by_id["cpd-hours"], by_id["participatory-hours"]
        if p.complete:
            return _("Complete: CPD {cpd}h ({part} part.), feedback {feedback}, accounts "
                     "{accounts}, hours {hours}, discussion; {when}").format(
                         cpd=fmt_hours(cpd.have), part=fmt_hours(part.have),
                         feedback=int(by_id["feedback"].have),
                         accounts=int(by_id["accounts"].have),
                         hours=fmt_hours(by_id["practice-hours"].have), when=when)

        def show(req: Requirement, label: str, unit: str = "") -> str:
            # One decimal place (or none) keeps the worst case inside home's two lines.
            if req.met:
                return _("{label} ok").format(label=label)
            have = str(int(req.have)) if whole else f"{req.have:.1f}".removesuffix(".0")
            return f"{label} {have}/{fmt_hours(req.need)}{unit}"

        shown = [
            (cpd, show(cpd, _("CPD"), "h")),
            (part, show(part, _("part."))),
            (by_id["feedback"], show(by_id["feedback"], _("feedback"))),
            (by_id["accounts"], show(by_id["accounts"], _("accounts"))),
            (by_id["practice-hours"], show(by_id["practice-hours"], _("hours"))),
            (by_id["discussion"],
             _("discussion ok") if by_id["discussion"].met else _("no discussion")),
        ]
        parts = [text for req, text in shown if not (missing_only and req.met)]
        return f"{', '.join(parts)}; {when}"
    if p.regulator == "hcpc":
        gaps = len(p.gaps)
        text = ngettext(
            "CPD {count} activities, standards 2-4: {met}/3, {gaps} gap of 3+ months; {when}",
            "CPD {count} activities, standards 2-4: {met}/3, {gaps} gaps of 3+ months; {when}",
            gaps).format(count=int(by_id["cpd"].have), met=int(by_id["standards"].have),
                         gaps=gaps, when=when)
        return _("Complete: {progress}").format(progress=text) if p.complete else text
    return _("CPD {hours}h logged; {when}").format(
        hours=fmt_hours(by_id["cpd-hours"].have), when=when)


# -- building records (validated; ValueError says what is wrong) -------------------
MAX_TEXT = 20_000
MAX_SHORT = 200


def _checked_length(label: str, value: str, required: bool, limit: int) -> str:
    """``value`` if present when required and within ``limit`` (``label`` is marked
    with ``N_`` by the caller and translated here, where the message is made)."""
    if required and not value:
        raise ValueError(_("{label} is empty").format(label=_(label)))
    if len(value) > limit:
        raise ValueError(_("{label} is longer than {count} characters").format(
            label=_(label), count=limit))
    return value


def _short(label: str, text: str, required: bool = True) -> str:
    return _checked_length(label, " ".join((text or "").split()), required, MAX_SHORT)


def _long(label: str, text: str, required: bool = False) -> str:
    return _checked_length(label, (text or "").strip(), required, MAX_TEXT)


def parse_hours(text: str | float) -> float:
    """Hours as a positive number up to 10,000 (``1.5``, ``0.25``), or ``ValueError``."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise ValueError(_("{text!r} is not a number of hours, e.g. 1.5").format(
            text=text)) from None
    if not 0 < value <= 10_000 or value != value:
        raise ValueError(_("hours must be more than 0 and at most 10000, not {text}").format(
            text=text))
    return round(value, 2)


def parse_date(text: str | dt.date) -> dt.date:
    """A ``YYYY-MM-DD`` date, or ``ValueError`` saying the form."""
    if isinstance(text, dt.date):
        return text
    try:
        return dt.date.fromisoformat(text.strip())
    except (AttributeError, ValueError):
        raise ValueError(_("{text!r} is not a date in the form YYYY-MM-DD").format(
            text=text)) from None


def _one_of(label: str, value: str, choices: Sequence[str]) -> str:
    """``value`` if it is one of ``choices`` (keys, stored in English), or the key it
    names in the interface language."""
    key = _key_of(value, choices)
    if key not in choices:
        raise ValueError(_("unknown {label} {value!r}; choices: {choices}").format(
            label=_(label), value=value, choices=", ".join(_(c) for c in choices)))
    return key


def match_standard(text: str) -> str:
    """An HCPC standard from its number (``3``) or full label."""
    text = text.strip()
    for standard in HCPC_STANDARDS:
        if text in (standard, _(standard), standard.split()[0]):
            return standard
    raise ValueError(_("unknown HCPC standard {text!r}; choices: {choices}").format(
        text=text, choices="1, 2, 3, 4, 5"))


def match_theme(text: str) -> str:
    """A Code theme from its name, any case, or its first word (``prioritise``),
    in English or in the interface language (stored in English)."""
    wanted = " ".join(text.split()).lower()
    for theme in CODE_THEMES:
        names = (theme, _(theme))
        if wanted in {n.lower() for n in names} | {n.split()[0].lower() for n in names}:
            return theme
    raise ValueError(_("unknown Code theme {text!r}; choices: {choices}").format(
        text=text, choices="; ".join(_(t) for t in CODE_THEMES)))


def make_registration(regulator: str, renewal: str | dt.date) -> dict[str, Any]:
    """The registration record (only the regulator and the date: no number is needed)."""
    return {"id": "registration", "regulator": _one_of(N_("regulator"), regulator, list(REGULATORS)),
            "renewal": parse_date(renewal).isoformat()}


def make_cpd(*, date: str | dt.date, title: str, method: str, hours: str | float,
             participatory: bool, themes: Iterable[str] = (), standards: Iterable[str] = (),
             learned: str = "", evidence: str = "", entries: Iterable[str] = (),
             sections: Iterable[str] = ()) -> dict[str, Any]:
    """A CPD activity as the NMC's CPD record asks for it (``sections``: the
    toolkit sections whose reading it logs, so they are not offered twice)."""
    return {
        "date": parse_date(date).isoformat(),
        "title": _short(N_("the title"), title),
        "method": _short(N_("the method"), method),
        "hours": parse_hours(hours),
        "participatory": bool(participatory),
        "themes": list(dict.fromkeys(match_theme(t) for t in themes)),
        "standards": sorted(dict.fromkeys(match_standard(s) for s in standards)),
        "learned": _long(N_("what you learned"), learned),
        "evidence": _long(N_("the evidence"), evidence),
        "entries": list(dict.fromkeys(e for e in entries if e)),
        "sections": list(dict.fromkeys(x for x in sections if x)),
    }


def reading_proposal(read: Sequence[tuple[str, str, int, dt.date]],
                     cpd: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """A CPD activity for reading not logged yet, or ``None``.

    ``read`` holds (section id, title, minutes, day read) for each section read;
    sections named by an existing CPD record are left out. Hours are the
    sections' reading times, to the nearest quarter hour (at least a quarter).
    """
    logged = {x for r in cpd for x in (r.get("sections") or []) if isinstance(x, str)}
    fresh = [item for item in read if item[0] not in logged]
    if not fresh:
        return None
    minutes = sum(max(0, m) for _, _, m, _ in fresh)
    hours = max(0.25, round(minutes / 15) / 4)
    count = len(fresh)
    return {
        "date": max(day for *_, day in fresh).isoformat(),
        # Suggested words for a new record (typed text once saved): in the
        # interface language when it is proposed, never changed afterwards.
        "title": ngettext("Reading: co-producing with carers ({count} section)",
                          "Reading: co-producing with carers ({count} sections)",
                          count).format(count=count),
        "method": _("reading"), "hours": hours, "participatory": False,
        "learned": "", "sections": [sid for sid, *_ in fresh],
        "read": [title for _, title, _, _ in fresh],
    }


def make_feedback(*, date: str | dt.date, source: str, said: str, changed: str = "") -> dict[str, Any]:
    """A piece of practice-related feedback (the kind of source, never a name)."""
    return {
        "date": parse_date(date).isoformat(),
        "source": _one_of(N_("source"), source, FEEDBACK_SOURCES),
        "said": _long(N_("what was said"), said, required=True),
        "changed": _long(N_("what changed"), changed),
    }


def make_hours(*, date: str | dt.date, hours: str | float, role: str = "",
               until: str | dt.date | None = None) -> dict[str, Any]:
    """Practice hours worked on a day or over a period (``date`` to ``until``)."""
    start = parse_date(date)
    end = parse_date(until) if until else None
    if end is not None and end < start:
        raise ValueError(_("the period ends ({end}) before it starts ({start})").format(
            end=end, start=start))
    return {"date": start.isoformat(), "until": end.isoformat() if end else None,
            "hours": parse_hours(hours), "role": _short(N_("the role"), role, required=False)}


def make_discussion(*, date: str | dt.date, partner: str, pin: str, email: str, address: str,
                    postcode: str, accounts: Iterable[str], notes: str = "") -> dict[str, Any]:
    """The reflective discussion form: the only record holding a person's name."""
    email = _short(N_("the email"), email)
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise ValueError(_("{email!r} does not look like an email address").format(email=email))
    postcode = _short(N_("the postcode"), postcode).upper()
    if len(postcode) > POSTCODE_MAX:
        raise ValueError(_("{label} is longer than {count} characters").format(
            label=_("the postcode"), count=POSTCODE_MAX))
    ids = list(dict.fromkeys(a for a in accounts if a))
    if not ids:
        raise ValueError(_("say which accounts (journal entry ids) were discussed"))
    return {
        "date": parse_date(date).isoformat(),
        "partner": _short(N_("the partner's name"), partner),
        "pin": check_pin(pin),
        "email": email,
        "address": _long(N_("the professional address"), address, required=True),
        "postcode": postcode,
        "accounts": ids,
        "notes": _long(N_("notes"), notes),
    }


PARTNER_FIELDS: tuple[str, ...] = ("partner", "pin", "email", "address", "postcode")


def without_partner(record: dict[str, Any]) -> dict[str, Any]:
    """A discussion record with the partner's details taken out."""
    return {k: v for k, v in record.items() if k not in PARTNER_FIELDS}


#: The key under which the app keeps an unsaved reflective discussion form.
DISCUSSION_DRAFT = "revalidation:discussions"


def draft_without_partner(draft: dict[str, Any]) -> dict[str, Any]:
    """A kept draft with the partner's details taken out, if it is the discussion form's.

    The form's draft holds the partner's name, PIN, email, address and postcode
    as typed: an export leaves them out exactly as it does from saved discussions.
    """
    if draft.get("id") != DISCUSSION_DRAFT or not isinstance(draft.get("data"), dict):
        return draft
    return {**draft, "data": without_partner(draft["data"])}


def complete_accounts(entries: Iterable[Any], win: Window | None) -> list[str]:
    """Ids of the journal entries written inside ``win`` that are complete NMC accounts."""
    from coprod_tui.transfer.common import local_day
    from coprod_tui.transfer.nmc import account_gaps

    return [e.id for e in entries
            if (win is None or win.holds(local_day(e.created))) and not account_gaps(e)]
