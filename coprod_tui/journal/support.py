"""Helpers shared by the journal's screens: content, drafts, row text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content

from coprod_tui.core.clock import local_display
from coprod_tui.core.text import one_line
from coprod_tui.i18n import N_, _
from coprod_tui.journal.entry import FRAMEWORKS, VALUE_IDS, Entry
from coprod_tui.journal.values import ContentError, ValuesContent
from coprod_tui.journal.values_content import load_values

if TYPE_CHECKING:
    from coprod_tui.app import CoprodApp

DRAFT_PREFIX = "entry:"
# One letter a value, so a list row shows which values an entry covers without colour.
VALUE_LETTERS = {"strengths": "S", "networks": "N", "what-matters": "W",
                 "relationships": "R", "change-makers": "C"}
LEGEND = N_("S strengths  N networks  W what matters  R relationships  C change makers")


def values_content(app: CoprodApp) -> ValuesContent | None:
    """The values and prompts, or ``None`` (after telling the user why) if broken."""
    try:
        return load_values(app.content_dirs)
    except ContentError as error:
        app.notify(str(error), severity="error", timeout=15)
        return None


def value_marks(values: list[str]) -> str:
    """``SN-R-``: the letters of the values covered, ``-`` for the rest."""
    return "".join(VALUE_LETTERS[v] if v in values else "-" for v in VALUE_IDS)


def entry_label(entry: Entry) -> str:
    """The title, or the first words when there is none."""
    return entry.title.strip() or one_line(entry.text(), 50) or _("(untitled)")


def entry_row(entry: Entry, width: int = 56) -> Content:
    """One list row: day, value letters, title (all literal)."""
    day = local_display(entry.created, with_time=False)
    open_count = sum(1 for a in entry.actions if not a.done)
    flag = "  " + _("[{count} to do]").format(count=open_count) if open_count else ""
    return Content(f"{day}  {value_marks(entry.values)}  {one_line(entry_label(entry), width)}{flag}")


def draft_description(key: str, draft: dict[str, Any]) -> str:
    """A line describing a draft for the restore dialog."""
    data = draft.get("data", {})
    entry = Entry.from_doc(data.get("entry", {"values": []}))
    saved = local_display(draft.get("saved", ""))
    what = _("changes to an entry") if data.get("editing") else _("a new entry")
    return f"{saved}  {what}: {one_line(entry_label(entry), 40)}"


def section_hint(content: ValuesContent | None, framework: str, section_id: str,
                 prompt_index: int = 0) -> str:
    """The hint over a box: a framework stage's hint, or (a value's box) one prompt."""
    if content is None:
        return ""
    if framework == "values" and section_id in VALUE_IDS:
        value = content.value(section_id)
        index = prompt_index % len(value.prompts)
        prompt = value.prompts[index]
        mark = " " + _("(your team)") if prompt.about == "team" else ""
        return _("{value}. Prompt {number} of {count}{mark}: {prompt}  Leave blank to skip.").format(
            value=value.title, number=index + 1, count=len(value.prompts), mark=mark,
            prompt=prompt.text)
    return content.frameworks[framework].hint(section_id)


def guide_text(content: ValuesContent | None, value_id: str) -> str:
    """A value's title, explanation and numbered prompts, for the top of the editor."""
    if content is None:
        return ""
    try:
        value = content.value(value_id)
    except KeyError:
        return ""
    lines = [value.title, "", value.explanation, "", _("Prompts:")]
    for number, prompt in enumerate(value.prompts, 1):
        mark = " " + _("(your team)") if prompt.about == "team" else ""
        lines.append(f"  {number}. {prompt.text}{mark}")
    return "\n".join(lines)


def editor_meta(content: ValuesContent | None, entry: Entry) -> str:
    """The editor's line on the entry's values, framework and NMC details."""
    names = [content.name(v) if content else v for v in entry.values]
    framework = (content.frameworks[entry.framework].name
                 if content and entry.framework in content.frameworks else entry.framework)
    nmc = ""
    if entry.account_kind or entry.code_themes:
        kind = entry.account_kind or _("kind not chosen")
        themes = "; ".join(entry.code_themes) or _("no Code themes")
        nmc = f"\nNMC: {kind}; {themes} (ctrl+t)"
    if entry.framework == "values":
        return _("Value by value: write about any of the five; leave the rest blank.") + nmc
    covered = ", ".join(names) if names else _("none yet")
    return _("Values: {covered} (ctrl+o)   Framework: {framework} (ctrl+f)").format(
        covered=covered, framework=framework) + nmc


def carry_over(shown: dict[str, str], old: str, new: str) -> None:
    """Keep text from ``old``'s sections that ``new`` lacks, labelled, in ``new``'s first box."""
    new_ids = [sid for sid, _ in FRAMEWORKS[new]]
    labels = dict(FRAMEWORKS[old])
    leftover = [f"{labels[sid]}\n{shown[sid]}" for sid, _ in FRAMEWORKS[old]
                if sid not in new_ids and shown.get(sid, "").strip()]
    if leftover:
        first = new_ids[0]
        shown[first] = "\n\n".join(filter(None, [shown.get(first, ""), *leftover]))
