"""The ``md`` and ``txt`` exports: a readable document from a :class:`Selection`.

Both formats share one layout (title page, entries by day, exercises,
stocktakes) and differ only in how headings and lists are written. The whole
document passes through :func:`make_visible` last, so control characters and
escape sequences typed into entries are shown, never emitted.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from coprod_tui.core.clock import local_display
from coprod_tui.core.text import make_visible
from coprod_tui.i18n import N_, _
from coprod_tui.journal.entry import Entry
from coprod_tui.transfer.common import (
    EXERCISE_TABLES,
    STOCKTAKE_TABLE,
    Doc,
    Selection,
    action_line,
    describe_record,
    framework_name,
    link_summary,
    local_day,
    local_time,
    sections_of,
    value_label,
)

SHARING_NOTE = N_(
    "Before you share this: take out anything that could identify a patient, "
    "carer, colleague or anyone else. Removing a name, age and address is "
    "usually not enough; places, dates, rare conditions and roles can point to "
    "a person too."
)


@dataclass(frozen=True)
class _Style:
    """How one format writes headings, emphasis and lists."""

    markdown: bool

    def heading(self, level: int, text: str) -> list[str]:
        text = " ".join(text.split())
        if self.markdown:
            return ["#" * level + " " + text, ""]
        if level == 1:
            return [text.upper(), "=" * len(text), ""]
        if level == 2:
            return [text.upper(), "-" * len(text), ""]
        if level == 3:
            return [text, "-" * len(text), ""]
        return [text, ""]

    def label(self, text: str) -> list[str]:
        if self.markdown:
            return [f"**{text}**", ""]
        return [text if text[-1:] in "?:!." else f"{text}:"]

    def bullet(self, text: str) -> str:
        return f"- {text}"

    def quote(self, text: str) -> list[str]:
        prefix = "> " if self.markdown else ""
        return [prefix + line for line in textwrap.wrap(text, 76)] + [""]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _date_range(entries: list[Entry]) -> str:
    days = [d for d in (local_day(e.created) for e in entries) if d]
    if not days:
        return ""
    first, last = min(days).isoformat(), max(days).isoformat()
    if first != last:
        return _(", from {first} to {last}").format(first=first, last=last)
    return _(", on {day}").format(day=first)


def _title_page(sel: Selection, style: _Style) -> list[str]:
    lines = style.heading(1, _("Reflections from coprod"))
    lines += [_("Exported on {when}.").format(when=local_display(sel.exported)), ""]
    lines += [style.bullet(line) for line in sel.filter.describe()]
    count = len(sel.entries)
    lines.append(style.bullet(_("Entries: {count}{dates}").format(
        count=count, dates=_date_range(sel.entries))))
    if sel.skipped:
        lines.append(style.bullet(_("Records that could not be read and were left out: "
                                    "{count}").format(count=sel.skipped)))
    lines.append("")
    return lines + style.quote(_(SHARING_NOTE))


def _meta_line(entry: Entry) -> str:
    parts = [local_time(entry.created) or _("time unknown")]
    parts.append(_("Values: {values}").format(
        values=", ".join(value_label(v) for v in entry.values) or _("none chosen yet")))
    if entry.tags:
        parts.append(_("Tags: {tags}").format(tags=", ".join(entry.tags)))
    parts.append(framework_name(entry.framework))
    return " | ".join(parts)


def _entry(sel: Selection, entry: Entry, style: _Style) -> list[str]:
    lines = style.heading(4, entry.title or _("Untitled reflection"))
    lines += [_meta_line(entry), ""]
    if entry.account_kind or entry.code_themes:
        # Stored in English; the known ones are shown in the interface language.
        kind = _(entry.account_kind) if entry.account_kind else _("not chosen")
        themes = ", ".join(_(t) for t in entry.code_themes if t) or _("none chosen")
        lines += [_("NMC account: {kind}; Code themes: {themes}").format(kind=kind,
                                                                        themes=themes), ""]
    sections = sections_of(entry)
    if not sections:
        lines += [_("(Nothing written yet.)"), ""]
    for label, text in sections:
        lines += style.label(label)
        lines += [text.rstrip(), ""]
    if entry.actions:
        lines += style.label(_("Actions"))
        lines += [style.bullet(_one_line(action_line(a))) for a in entry.actions] + [""]
    if entry.links:
        lines += style.label(_("Linked"))
        lines += [style.bullet(_one_line(link_summary(sel, link))) for link in entry.links]
        lines.append("")
    return lines


def _journal(sel: Selection, style: _Style) -> list[str]:
    lines = style.heading(2, _("Journal"))
    if not sel.entries:
        return lines + [_("No entries match."), ""]
    day = None
    for entry in sel.entries:
        this_day = local_day(entry.created)
        if this_day != day or day is None:
            day = this_day
            lines += style.heading(3, day.isoformat() if day else _("Undated"))
        lines += _entry(sel, entry, style)
    return lines


def _record(sel: Selection, table: str, doc: Doc, style: _Style) -> list[str]:
    view = describe_record(table, doc, sel.statements)
    lines = style.heading(4, f"{view.title} ({view.day})")
    lines += ["  " * depth + style.bullet(_one_line(text)) for depth, text in view.items]
    return lines + ([""] if view.items else [])


def _records(sel: Selection, style: _Style) -> list[str]:
    lines: list[str] = []
    if any(sel.exercises.get(table) for table, _title in EXERCISE_TABLES):
        lines += style.heading(2, _("Exercises"))
        for table, title in EXERCISE_TABLES:
            docs = sel.exercises.get(table) or []
            if docs:
                lines += style.heading(3, _(title))
                for doc in docs:
                    lines += _record(sel, table, doc, style)
    if sel.stocktakes:
        lines += style.heading(2, _("Stocktakes"))
        for doc in sel.stocktakes:
            lines += _record(sel, STOCKTAKE_TABLE, doc, style)
    return lines


def _render(sel: Selection, style: _Style) -> str:
    lines = _title_page(sel, style) + _journal(sel, style) + _records(sel, style)
    while lines and lines[-1] == "":
        lines.pop()
    return make_visible("\n".join(lines) + "\n")


def render_md(selection: Selection) -> str:
    """The ``md`` export: a Markdown document for a portfolio."""
    return _render(selection, _Style(markdown=True))


def render_txt(selection: Selection) -> str:
    """The ``txt`` export: plain text with underlined headings, for pasting anywhere."""
    return _render(selection, _Style(markdown=False))
