"""Plain mode: write an entry part by part, list, search and read entries, tick
actions and carry on with drafts.

Writing honours the journal framework setting (free, Rolfe, Gibbs) and offers
value by value. Whatever is typed is kept as a draft (the full-screen app's
drafts, so either can carry on) if the user leaves or input ends before saving.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coprod_tui.core.clock import local_display
from coprod_tui.core.preferences import preference
from coprod_tui.core.text import one_line
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import _, ngettext
from coprod_tui.journal.actions import format_actions, parse_actions
from coprod_tui.journal.entry import (
    FRAMEWORKS,
    VALUE_IDS,
    WRITING_FRAMEWORKS,
    Entry,
    link_text,
    shown_themes,
)
from coprod_tui.journal.privacy_check import GUIDANCE, check_privacy
from coprod_tui.journal.records import EntryStore
from coprod_tui.journal.search import Filters, SearchIndex, parse_tags
from coprod_tui.journal.template import has_actions
from coprod_tui.journal.values import ContentError, ValuesContent
from coprod_tui.plain.console import Back, Home, Quit, signals_held

if TYPE_CHECKING:
    from coprod_tui.plain.app import Plain

DRAFT_PREFIX = "entry:"  # the same keys as the full-screen editor's drafts
PAGE = 20
VALUES_WALK = "values"


def _content(plain: Plain) -> ValuesContent | None:
    from coprod_tui.journal.values_content import load_values

    try:
        return load_values(plain.content_dirs)
    except (ContentError, CoprodError):
        return None


def value_name(content: ValuesContent | None, value_id: str) -> str:
    """A value's name, or its id when the content cannot be read."""
    return content.name(value_id) if content is not None else value_id


def framework_name(framework: str) -> str:
    """How a framework is called on screen."""
    if framework == VALUES_WALK:
        return _("value by value")
    return preference("journal-framework").label_of(framework)


def entry_lines(entry: Entry, content: ValuesContent | None = None) -> list[str]:
    """An entry as plain lines (shown by plain mode and ``coprod show``)."""
    written = local_display(entry.created)
    if entry.updated != entry.created:
        written = _("{written}; changed {changed}").format(
            written=written, changed=local_display(entry.updated))
    lines = [_("Title: {title}").format(title=entry.title or _("(untitled)")),
             _("Id: {id}").format(id=entry.id),
             _("Written: {when}").format(when=written),
             _("Values: {values}").format(
                 values=", ".join(value_name(content, v) for v in entry.values) or _("none")),
             _("Framework: {framework}").format(framework=framework_name(entry.framework))]
    if entry.tags:
        lines.append(_("Tags: {tags}").format(tags=", ".join(entry.tags)))
    lines += [link_text(link) for link in entry.links]
    if entry.code_themes:
        lines.append(_("Code themes: {themes}").format(themes=shown_themes(entry.code_themes)))
    labels = dict(FRAMEWORKS.get(entry.framework, ()))
    for section_id, text in _ordered_sections(entry):
        if text.strip():
            label = labels.get(section_id)
            lines += ["", _(label) if label else section_id, text]
    if entry.actions:
        lines += ["", _("Actions:")]
        for action in entry.actions:
            due = " " + _("(by {due})").format(due=action.due) if action.due else ""
            mark = "[x]" if action.done else "[ ]"
            lines.append(f"  {mark} {action.text}{due}  " + _("id {id}").format(id=action.id[:8]))
    return lines


def _ordered_sections(entry: Entry) -> list[tuple[str, str]]:
    """Parts in the framework's order, then any others (kept from an older framework)."""
    order = [sid for sid, _label in FRAMEWORKS.get(entry.framework, ())]
    known = [(sid, entry.sections[sid]) for sid in order if sid in entry.sections]
    return known + [(sid, t) for sid, t in entry.sections.items() if sid not in order]


def run(plain: Plain) -> None:
    """The journal menu."""
    console = plain.console
    while True:
        entries = EntryStore(plain.store)
        drafts = journal_drafts(plain)
        options = [
            _("Write a new entry"),
            _("List entries ({count})").format(count=entries.count()),
            _("Search entries"),
            _("Actions ({count} to do)").format(count=len(entries.open_actions())),
            _("Drafts: carry on writing ({count})").format(count=len(drafts)),
        ]
        choice = console.choose(_("Journal"), options)
        try:
            [write_new, list_entries, search, actions, drafts_menu][choice](plain)
        except Back:
            continue


# -- writing --------------------------------------------------------------------------------
@dataclass
class Writing:
    """An entry being written and how to keep it as a draft."""

    entry: Entry
    key: str
    editing: bool = False
    opened: str = ""  # the ``updated`` stamp of the version being changed
    actions_text: str = ""
    partial: list[str] = field(default_factory=list)
    partial_section: str | None = None
    saved: bool = False

    def has_text(self) -> bool:
        """Whether anything was written yet (worth keeping)."""
        return bool(self.entry.title.strip() or self.actions_text.strip() or self.partial
                    or any(t.strip() for t in self.entry.sections.values()))

    def draft(self) -> dict[str, Any]:
        """The draft in the full-screen editor's shape."""
        entry = Entry.from_doc(self.entry.to_doc())
        if self.partial and self.partial_section:
            earlier = entry.sections.get(self.partial_section, "")
            entry.sections[self.partial_section] = "\n".join(
                [earlier, *self.partial] if earlier else self.partial)
        return {"editing": self.editing, "guide_value": None, "entry": entry.to_doc(),
                "shown": dict(entry.sections), "actions_text": self.actions_text,
                "opened": self.opened}


def keep_draft(plain: Plain, writing: Writing) -> None:
    """Keep unsaved writing as a draft (said on screen); nothing if nothing was written."""
    if writing.saved or not writing.has_text():
        return
    try:
        with signals_held():
            plain.store.save_draft(writing.key, writing.draft())
    except CoprodError as error:
        plain.console.say(_("error: the draft could not be kept: {message}").format(
            message=error.message))
        plain.console.say(_("Your text, so that you can copy it:"))
        for line in entry_lines(writing.entry):
            plain.console.say(line)
        return
    plain.console.say(_("Kept as a draft: Journal, then Drafts, carries on "
                        "(or `coprod drafts`)."))


def write_new(plain: Plain) -> None:
    """Choose a framework, then write the entry part by part."""
    console = plain.console
    setting = plain.store.get_setting("journal-framework", "free")
    usual = setting if setting in WRITING_FRAMEWORKS else "free"
    order = [usual, *[f for f in WRITING_FRAMEWORKS if f != usual], VALUES_WALK]
    mine = " " + _("(your setting)")
    labels = [f"{framework_name(f)}" + (mine if f == usual else "") for f in order]
    labels[-1] = _("Value by value: one experience through each value in turn")
    framework = order[console.choose(_("How do you want to write?"), labels)]
    writing = Writing(Entry(values=[], framework=framework),
                      key=f"{DRAFT_PREFIX}new-{uuid.uuid4().hex[:8]}")
    _guarded(plain, writing, _write_all)


def _guarded(plain: Plain, writing: Writing, step: Any) -> None:
    """Run a writing step; on leaving or end of input keep what was typed as a draft."""
    try:
        step(plain, writing)
    except (Back, Home, Quit, EOFError, KeyboardInterrupt):
        keep_draft(plain, writing)
        raise


def _write_all(plain: Plain, writing: Writing) -> None:
    console = plain.console
    content = _content(plain)
    entry = writing.entry
    console.wrap(_("Write each part: type lines and press Enter; an empty line moves on "
                   "(leave a part empty to skip it). At the end you can save, change a part, "
                   "keep a draft or discard."))
    if entry.framework != VALUES_WALK:
        _ask_values(plain, writing, content)
    entry.title = console.text(_("Title (optional, Enter to skip)"), entry.title)
    entry.tags = parse_tags(console.text(_("Tags (optional, separated by commas)"),
                                         ", ".join(entry.tags)))
    for section_id, label in FRAMEWORKS[entry.framework]:
        _ask_section(plain, writing, section_id, label, content)
    if entry.framework == VALUES_WALK:
        entry.values = [v for v in VALUE_IDS if entry.sections.get(v, "").strip()]
    if has_actions(entry.framework):
        _ask_actions(plain, writing)
    review(plain, writing)


def _ask_values(plain: Plain, writing: Writing, content: ValuesContent | None) -> None:
    chosen = [VALUE_IDS.index(v) for v in writing.entry.values if v in VALUE_IDS]
    picked = plain.console.choose_many(
        _("Which values is this entry about?"), [value_name(content, v) for v in VALUE_IDS],
        chosen, required=True)
    writing.entry.values = [VALUE_IDS[i] for i in picked]


def _hint(plain: Plain, content: ValuesContent | None, framework: str, section_id: str) -> str:
    if content is None:
        return ""
    if framework == VALUES_WALK:
        try:
            value = content.value(section_id)
        except KeyError:
            return ""
        prompt = value.prompts[0].text if value.prompts else ""
        return f"{value.explanation} {prompt}".strip()
    guide = content.frameworks.get(framework)
    return guide.hint(section_id) if guide else ""


def _ask_section(plain: Plain, writing: Writing, section_id: str, label: str,
                 content: ValuesContent | None) -> None:
    console = plain.console
    console.say()
    console.say(_(label))
    hint = _hint(plain, content, writing.entry.framework, section_id)
    if hint:
        console.wrap(hint)
    current = writing.entry.sections.get(section_id, "")
    if current:
        console.say(_("Now:"))
        console.say(current)
        console.say(_("Type new lines to replace it, or an empty line to keep it."))
    writing.partial, writing.partial_section = [], section_id
    text = console.lines(writing.partial)
    writing.partial, writing.partial_section = [], None
    if text.strip():
        writing.entry.sections[section_id] = text


def _ask_actions(plain: Plain, writing: Writing) -> None:
    console = plain.console
    console.say()
    console.say(_("Actions: one a line; end a line with 'by 2026-12-01' for a due date."))
    if writing.actions_text:
        console.say(_("Now:"))
        console.say(writing.actions_text)
        console.say(_("Type new lines to replace them, or an empty line to keep them."))
    lines: list[str] = []
    writing.partial, writing.partial_section = lines, None
    text = console.lines(lines)
    writing.partial = []
    if text.strip():
        writing.actions_text = text


def review(plain: Plain, writing: Writing) -> None:
    """Show the entry and ask: save, change a part, keep a draft or discard."""
    console = plain.console
    content = _content(plain)
    while True:
        entry = writing.entry
        console.say()
        console.say(_("Your entry:"))
        for line in entry_lines(_with_actions(writing), content)[0:1] + \
                entry_lines(_with_actions(writing), content)[3:]:
            console.say(line)
        findings = check_privacy("\n".join([entry.title, *entry.sections.values(), *entry.tags]))
        if findings:
            console.say()
            console.say(_("Warning: this entry may identify someone:"))
            for finding in findings:
                console.say(f"  ! {one_line(finding.describe(), 70)}")
            console.wrap(_(GUIDANCE))
        console.say()
        choice = console.choose(_("What now?"), [_("Save"), _("Change a part"),
                                                 _("Keep as a draft and leave"),
                                                 _("Discard this writing")])
        if choice == 0:
            if _save(plain, writing):
                return
        elif choice == 1:
            _change_part(plain, writing, content)
        elif choice == 2:
            keep_draft(plain, writing)
            writing.saved = True  # kept: nothing more to keep on the way out
            return
        elif console.yes_no(_("Discard this writing for good?"), default=False):
            plain.store.discard_draft(writing.key)
            writing.saved = True
            console.say(_("Discarded."))
            return


def _with_actions(writing: Writing) -> Entry:
    entry = Entry.from_doc(writing.entry.to_doc())
    entry.id = writing.entry.id
    entry.actions = parse_actions(writing.actions_text, writing.entry.actions)
    writing.entry.actions = entry.actions  # the same ids on the next look and when saved
    return entry


def _change_part(plain: Plain, writing: Writing, content: ValuesContent | None) -> None:
    entry = writing.entry
    parts: list[tuple[str, Any]] = [("Title", None), ("Tags", None)]
    if entry.framework != VALUES_WALK:
        parts.append(("Values", None))
    labels = dict(FRAMEWORKS.get(entry.framework, ()))
    order = [sid for sid, _label in FRAMEWORKS.get(entry.framework, ())]
    order += [sid for sid in entry.sections if sid not in order]
    parts += [(labels.get(sid, sid), sid) for sid in order]
    if has_actions(entry.framework):
        parts.append(("Actions", None))
    try:
        choice = plain.console.choose(_("Which part?"), [_(label) for label, _sid in parts])
    except Back:
        return
    label, section_id = parts[choice]
    console = plain.console
    if label == "Title" and section_id is None:
        entry.title = console.text(_("Title"), entry.title)
    elif label == "Tags" and section_id is None:
        entry.tags = parse_tags(console.text(_("Tags (separated by commas)"),
                                             ", ".join(entry.tags)))
    elif label == "Values" and section_id is None:
        try:
            _ask_values(plain, writing, content)
        except Back:
            return
    elif label == "Actions" and section_id is None:
        _ask_actions(plain, writing)
    else:
        _ask_section(plain, writing, section_id, label, content)
        if entry.framework == VALUES_WALK:
            entry.values = [v for v in VALUE_IDS if entry.sections.get(v, "").strip()]


def _save(plain: Plain, writing: Writing) -> bool:
    """Save the entry; on failure keep the writing (as a draft) and say why."""
    console = plain.console
    entry = _with_actions(writing)
    entry.sections = {k: v for k, v in entry.sections.items() if v.strip()}
    if not entry.sections and not entry.title.strip():
        console.say(_("The entry is empty: write a part or a title first."))
        return False
    if not entry.values:
        console.say(_("Say which value(s) the entry is about first (Change a part, Values)."))
        return False
    try:
        if writing.editing:
            outcome = EntryStore(plain.store).save_edit(entry, writing.opened)
            console.say(outcome.line.capitalize() + ".")
        else:
            EntryStore(plain.store).add(entry)
            console.say(_("Saved entry {id}.").format(id=entry.id[:8]))
        writing.saved = True
    except CoprodError as error:
        console.say(_("error: not saved: {message}").format(message=error.message))
        keep_draft(plain, writing)
        return False
    try:
        plain.store.discard_draft(writing.key)
    except CoprodError:
        pass
    return True


# -- reading entries ------------------------------------------------------------------------
def _pick(plain: Plain, title: str, entries: list[Entry]) -> None:
    """Numbered entries, a page at a time; choosing one shows it."""
    console = plain.console
    start = 0
    if not entries:
        console.say(_("No entries."))
        return
    while True:
        page = entries[start:start + PAGE]
        options = [f"{local_display(e.created, with_time=False)}  "
                   f"{one_line(e.title or e.text() or _('(untitled)'), 50)}" for e in page]
        more = start + PAGE < len(entries)
        if more:
            options.append(_("Show more (entries {first} onwards)").format(
                first=start + PAGE + 1))
        try:
            choice = console.choose(ngettext("{title}: {count} entry, newest first",
                                             "{title}: {count} entries, newest first",
                                             len(entries)).format(title=title,
                                                                  count=len(entries)), options)
        except Back:
            if start:
                start -= PAGE
                continue
            raise
        if more and choice == len(page):
            start += PAGE
            continue
        try:
            view(plain, page[choice].id)
        except Back:
            continue


def list_entries(plain: Plain) -> None:
    """Every entry, newest first."""
    _pick(plain, _("Entries"), EntryStore(plain.store).list())


def search(plain: Plain) -> None:
    """Entries holding every word typed."""
    words = plain.console.text(_("Words to look for (Enter for all entries)"))
    found = SearchIndex.build(EntryStore(plain.store).list()).search(Filters(words=words))
    _pick(plain, _("Search '{words}'").format(words=words) if words else _("Entries"), found)


def view(plain: Plain, entry_id: str) -> None:
    """One entry in full, then: change it or go back."""
    console = plain.console
    while True:
        entry = EntryStore(plain.store).get(entry_id)
        if entry is None:
            console.say(_("That entry is no longer there."))
            return
        console.say()
        for line in entry_lines(entry, _content(plain)):
            console.say(line)
        console.say()
        choice = console.choose(_("This entry"), [_("Change it")])
        if choice == 0:
            edit(plain, entry)


def edit(plain: Plain, entry: Entry, draft: dict[str, Any] | None = None) -> None:
    """Change a saved entry part by part (a change made meanwhile elsewhere is kept too)."""
    writing = Writing(Entry.from_doc(entry.to_doc()), key=f"{DRAFT_PREFIX}{entry.id}",
                      editing=True, opened=entry.updated,
                      actions_text=format_actions(entry.actions))
    if draft:
        _from_draft(writing, draft)
    _guarded(plain, writing, review)


def _from_draft(writing: Writing, data: dict[str, Any]) -> None:
    entry = Entry.from_doc(data.get("entry") or {"values": []})
    shown = data.get("shown")
    if isinstance(shown, dict):
        entry.sections.update({k: v for k, v in shown.items() if isinstance(v, str)})
    writing.entry = entry
    writing.actions_text = str(data.get("actions_text") or format_actions(entry.actions))
    # An older plain-mode draft kept a fingerprint ("opened_print"): it never equals a
    # stamp, so such a draft is saved as a new entry, never over a newer version.
    writing.opened = str(data.get("opened") or data.get("opened_print") or writing.opened)


# -- actions ---------------------------------------------------------------------------------
def actions(plain: Plain) -> None:
    """Every action, open ones first: choosing one ticks it (or unticks it)."""
    console = plain.console
    while True:
        store = EntryStore(plain.store)
        pairs = store.open_actions()
        done = [(e, a) for e in store.list() for a in e.actions if a.done]
        rows = pairs + done
        if not rows:
            console.say(_("No actions yet: Rolfe and Gibbs entries have an actions part."))
            return
        options = [f"{'[x]' if a.done else '[ ]'} {a.text}"
                   + (" " + _("(by {due})").format(due=a.due) if a.due else "")
                   + "  " + _("from: {title}").format(
                       title=one_line(e.title or e.text() or _("(untitled)"), 30))
                   for e, a in rows]
        choice = console.choose(_("Actions ([x] done): choose one to tick or untick it"),
                                options)
        entry, action = rows[choice]
        store.mark_action_done(entry.id, action.id, not action.done)
        console.say((_("Not done again: ") if action.done else _("Done: ")) + action.text)
        console.say()


# -- drafts ----------------------------------------------------------------------------------
def journal_drafts(plain: Plain) -> list[dict[str, Any]]:
    """Kept journal writing, newest first."""
    return [d for d in plain.store.drafts() if str(d.get("id", "")).startswith(DRAFT_PREFIX)]


def draft_entry(data: dict[str, Any]) -> Entry:
    """The entry a draft holds (the text shown in its boxes included)."""
    entry = Entry.from_doc(data.get("entry") or {"values": []})
    shown = data.get("shown")
    if isinstance(shown, dict):
        entry.sections.update({k: v for k, v in shown.items() if isinstance(v, str)})
    if data.get("actions_text"):
        entry.actions = parse_actions(str(data["actions_text"]))
    return entry


def drafts_menu(plain: Plain) -> None:
    """Kept writing: carry on with it or discard it."""
    console = plain.console
    while True:
        drafts = journal_drafts(plain)
        if not drafts:
            console.say(_("No drafts."))
            return
        options = [f"{local_display(d.get('saved', ''))}  "
                   f"{one_line(draft_entry(d.get('data', {})).title or draft_entry(d.get('data', {})).text() or _('(empty)'), 50)}"
                   for d in drafts]
        chosen = drafts[console.choose(_("Drafts, newest first"), options)]
        data = chosen.get("data") or {}
        for line in entry_lines(draft_entry(data), _content(plain))[3:]:
            console.say(line)
        console.say()
        try:
            choice = console.choose(_("This draft"), [_("Carry on writing"), _("Discard it")])
        except Back:
            continue
        if choice == 1:
            if console.yes_no(_("Discard this draft for good?"), default=False):
                plain.store.discard_draft(chosen["id"])
                console.say(_("Discarded."))
            continue
        _carry_on(plain, str(chosen["id"]), data)


def _carry_on(plain: Plain, key: str, data: dict[str, Any]) -> None:
    if data.get("editing"):
        entry_id = key[len(DRAFT_PREFIX):]
        entry = EntryStore(plain.store).get(entry_id)
        if entry is not None:
            edit(plain, entry, data)
            return
    writing = Writing(Entry(values=[]), key=key)
    _from_draft(writing, data)
    writing.editing = False
    _guarded(plain, writing, review)

