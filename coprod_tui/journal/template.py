"""An entry as a plain text file, for writing in your own editor (``coprod add --editor``).

The file has a ``Title:`` line, then a ``## Label`` heading for each part of
the framework (and ``## Actions`` where actions belong). Lines starting with
``#`` but not ``##`` are guidance and are ignored.

The ``Title:`` line and the headings are read back, so they stay English
whatever the interface language; the guidance lines (and the hints, from the
values content) are in the interface language.
"""

from __future__ import annotations

from coprod_tui.i18n import _
from coprod_tui.journal.actions import format_actions
from coprod_tui.journal.entry import FRAMEWORKS, Entry

ACTIONS_HEADING = "Actions"


def has_actions(framework: str) -> bool:
    """Whether entries in this framework carry action items."""
    return framework in ("rolfe", "gibbs")


def render_template(framework: str, title: str = "", hints: dict[str, str] | None = None,
                    sections: dict[str, str] | None = None, actions: str = "") -> str:
    """The file the writer fills in (with ``sections`` and ``actions`` already written
    when changing a saved entry)."""
    hints = hints or {}
    sections = sections or {}
    lines = [
        f"Title: {title}",
        "# " + _("Write under each heading; leave a part empty to skip it."),
        "# " + _("Lines starting with a single # are ignored. Save and close the editor "
                 "when done."),
        "",
    ]
    for section_id, label in FRAMEWORKS[framework]:
        lines.append(f"## {label}")
        if section_id in hints:
            lines.append(f"# {hints[section_id]}")
        if sections.get(section_id, "").strip():
            lines.append(sections[section_id])
        lines += ["", ""]
    if has_actions(framework):
        lines += [f"## {ACTIONS_HEADING}",
                  "# " + _("One a line; end a line with 'by 15/12/2026' (day/month/year) "
                           "for a due date.")]
        if actions.strip():
            lines.append(actions)
        lines += ["", ""]
    return "\n".join(lines)


def render_entry(entry: Entry, hints: dict[str, str] | None = None) -> str:
    """A saved entry as the template, filled in (``coprod edit``)."""
    return render_template(entry.framework, entry.title, hints, entry.sections,
                           format_actions(entry.actions))


def parse_template(text: str, framework: str) -> tuple[str, dict[str, str], str]:
    """``(title, sections, actions text)`` from a filled-in template."""
    by_label = {label: section_id for section_id, label in FRAMEWORKS[framework]}
    title = ""
    parts: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        if line.startswith("## "):
            label = line[3:].strip()
            current = "\0actions" if label == ACTIONS_HEADING else by_label.get(label, current)
            continue
        if line.startswith("#"):
            continue
        if current is None and line.startswith("Title:"):
            title = line[len("Title:"):].strip()
            continue
        if current is not None:
            parts.setdefault(current, []).append(line)
    sections = {sid: "\n".join(lines).strip() for sid, lines in parts.items() if sid != "\0actions"}
    actions = "\n".join(parts.get("\0actions", [])).strip()
    return title, {k: v for k, v in sections.items() if v}, actions
