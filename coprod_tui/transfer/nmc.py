"""The ``nmc`` export: each entry as a draft NMC revalidation reflective account.

The NMC form asks four questions. A framework's sections are placed under the
question they answer; a question nothing answers is marked MISSING with a hint
of what to write, never filled with invented text. The anonymisation rules
head the output.

Fixed words and headings follow the interface language. The four questions
are the NMC's own form's: we found no Welsh version of the form, so in another
language each is given in coprod's translation followed by the form's English
wording in brackets, to copy the account onto the form. The Code's themes use
the NMC's own Welsh wording (its Welsh Code, "Y Cod"); the kinds of account are
coprod's translation. All three are stored in English.
"""

from __future__ import annotations

import textwrap

from coprod_tui.core.clock import local_display
from coprod_tui.core.text import make_visible
from coprod_tui.i18n import N_, _
from coprod_tui.journal.entry import (
    ACCOUNT_KINDS,
    CODE_SECTION,
    CODE_THEMES,
    FRAMEWORKS,
    VALUE_IDS,
    Entry,
)
from coprod_tui.transfer.common import (
    Selection,
    action_line,
    framework_name,
    link_summary,
    local_day,
    sections_of,
    value_label,
)

# The NMC form's own wording, marked for the catalogue: shown by :func:`question`.
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("nature", N_("What was the nature of the CPD activity, practice-related feedback, "
                  "or event or experience in your practice?")),
    ("learned", N_("What did you learn from it?")),
    ("changed", N_("How did you change or improve your practice as a result?")),
    ("code", N_("How is this relevant to the Code?")),
)


def question(text: str) -> str:
    """One of the form's questions in the interface language, followed by the
    form's own English wording when they differ (the form is in English)."""
    shown = _(text)
    return shown if shown == text else f"{shown} ({text})"

# framework -> question -> section ids answering it, in order. Every framework
# ends with the "code" part (``CODE_SECTION``), which answers question 4.
_CODE = {"code": (CODE_SECTION[0],)}
MAPPING: dict[str, dict[str, tuple[str, ...]]] = {
    "gibbs": {
        "nature": ("description", "feelings"),
        "learned": ("evaluation", "analysis", "conclusion"),
        "changed": ("action-plan",),
        **_CODE,
    },
    "rolfe": {
        "nature": ("what",),
        "learned": ("so-what",),
        "changed": ("now-what",),
        **_CODE,
    },
    # Free writing is one story: it answers question 1; the rest stay MISSING
    # until written elsewhere (actions count for question 3).
    "free": {"nature": ("text",), **_CODE},
    # Value by value: what happened is the experience; what each value brought
    # out is what was learned; what next is the change.
    "values": {
        "nature": ("what-happened",),
        "learned": tuple(sid for sid, _label in FRAMEWORKS["values"] if sid in VALUE_IDS),
        "changed": ("what-next",),
        **_CODE,
    },
}

# How a part's source is named beside it ("[Gibbs: Feelings]"): the authors'
# names in every language; another framework by the first word of its name.
SOURCE_NAMES = {"gibbs": "Gibbs", "rolfe": "Rolfe"}

HINTS = {
    "nature": N_("describe what happened or what the activity was, without identifying anyone"),
    "learned": N_("say what you learned from it"),
    "changed": N_("say what you changed or will change in your practice"),
    "code": N_("say how it relates to the Code themes you chose (the entry's "
               "'How it relates to the Code' box)"),
}

# Its first line is its heading; lines are wrapped at 79 columns by hand (in
# each language), since the text exports print it as it is.
REMINDER = N_("""\
BEFORE YOU USE THESE ACCOUNTS
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
""")


def reminder() -> str:
    """The anonymisation reminder in the interface language (first line: its heading)."""
    return _(REMINDER)


def _missing(question: str) -> str:
    return _("MISSING: {hint}.").format(hint=_(HINTS[question]))


def _answers(entry: Entry) -> dict[str, list[tuple[str, str]]]:
    """question -> (section label, text) parts that answer it."""
    labels = {sid: _(label) for sid, label in FRAMEWORKS.get(entry.framework, ())}
    mapping = MAPPING.get(entry.framework)
    answers: dict[str, list[tuple[str, str]]] = {q: [] for q, _text in QUESTIONS}
    if mapping is None:
        # An unknown framework: keep every section, under the first question.
        answers["nature"] = sections_of(entry)
        return answers
    used: set[str] = set()
    for question, section_ids in mapping.items():
        for sid in section_ids:
            used.add(sid)
            text = entry.sections.get(sid, "")
            if isinstance(text, str) and text.strip():
                answers[question].append((labels.get(sid, sid), text.strip()))
    extra = [(sid, t) for sid, t in entry.sections.items() if sid not in used]
    for sid, text in extra:
        if isinstance(text, str) and text.strip():
            answers["nature"].append((labels.get(sid, value_label(sid)), text.strip()))
    return answers


def account_gaps(entry: Entry) -> tuple[str, ...]:
    """What an entry still lacks to be a complete NMC reflective account.

    The ids of :data:`QUESTIONS` nothing answers yet ("code" also needs one or
    more of the Code's themes; "changed" is also answered by planned actions),
    preceded by ``"kind"`` when the kind of account is not chosen. Empty means
    complete: :func:`account` then prints no MISSING line.
    """
    answers = _answers(entry)
    gaps: list[str] = []
    if entry.account_kind not in ACCOUNT_KINDS:
        gaps.append("kind")
    for question, _text in QUESTIONS:
        answered = bool(answers[question])
        if question == "changed":
            answered = answered or bool(entry.actions)
        if question == "code":
            answered = answered and any(t in CODE_THEMES for t in entry.code_themes)
        if not answered:
            gaps.append(question)
    return tuple(gaps)


def _parts(parts: list[tuple[str, str]], source: str | None) -> list[str]:
    lines: list[str] = []
    for label, text in parts:
        if source:
            lines.append(f"[{source}: {label}]")
        lines += [text, ""]
    return lines


def account(entry: Entry, number: int, total: int, links: list[str] | None = None) -> str:
    """One entry as a reflective account (plain text, not yet made visible).

    ``links`` describe the exercise results that prompted the entry; they are
    shown under the first question, as what the reflection was about.
    """
    title = " ".join((entry.title or _("Untitled reflection")).split())
    head = _("REFLECTIVE ACCOUNT {number} OF {total}").format(number=number, total=total)
    day = local_day(entry.created)
    lines = [head, "=" * len(head), "", _("Title: {title}").format(title=title)]
    lines.append(_("Date of the entry: {date}").format(
        date=day.isoformat() if day else _("unknown")))
    kind = entry.account_kind if entry.account_kind in ACCOUNT_KINDS else None
    lines.append(
        _("Kind of account: {kind}").format(kind=_(kind)) if kind
        else _("Kind of account: MISSING: choose one of {choices}.").format(
            choices="; ".join(_(k) for k in ACCOUNT_KINDS))
    )
    lines.append(_("Written with: {framework}").format(framework=framework_name(entry.framework)))
    if entry.values:
        lines.append(_("Co-production values: {values}").format(
            values=", ".join(value_label(v) for v in entry.values)))
    lines.append("")
    answers = _answers(entry)
    source = (None if entry.framework == "free" else SOURCE_NAMES.get(entry.framework)
              or framework_name(entry.framework).split()[0])
    for index, (key, text) in enumerate(QUESTIONS, start=1):
        lines += textwrap.wrap(f"{index}. {question(text)}", 79, subsequent_indent="   ") + [""]
        if key == "code":
            themes = [_(t) for t in entry.code_themes if t in CODE_THEMES]
            lines.append(
                _("Themes of the Code: {themes}").format(themes="; ".join(themes)) if themes
                else _("Themes of the Code: MISSING: choose one or more of {choices}.").format(
                    choices="; ".join(_(t) for t in CODE_THEMES))
            )
            lines.append("")
            parts = answers[key]
            lines += _parts(parts, source) if parts else [_missing(key), ""]
            continue
        parts = answers[key]
        if key == "nature" and links:
            lines += [_("Prompted by: {what}").format(what=" ".join(text.split()))
                      for text in links] + [""]
        if key == "changed":
            lines += _parts(parts, source)
            if entry.actions:
                lines.append(_("Actions:"))
                lines += [f"- {' '.join(action_line(a).split())}" for a in entry.actions]
                lines.append("")
            if not parts and not entry.actions:
                lines += [_missing(key), ""]
            continue
        lines += _parts(parts, source) if parts else [_missing(key), ""]
    return "\n".join(lines).rstrip("\n")


def render_nmc(selection: Selection) -> str:
    """The ``nmc`` export: the reminder, then one account per selected entry."""
    lines = [_("NMC REVALIDATION: DRAFT REFLECTIVE ACCOUNTS"),
             _("Made by coprod on {when}.").format(when=local_display(selection.exported)), ""]
    lines += [_("Selected: {what}").format(what=line) for line in selection.filter.describe()]
    lines += ["", reminder()]
    total = len(selection.entries)
    if not total:
        lines.append(_("No entries match, so there are no accounts."))
    for number, entry in enumerate(selection.entries, start=1):
        links = [link_summary(selection, link) for link in entry.links]
        lines += [account(entry, number, total, links), ""]
    while lines and lines[-1] == "":
        lines.pop()
    return make_visible("\n".join(lines) + "\n")
