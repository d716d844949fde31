"""Writing a journal entry: a labelled text area per framework stage.

Open with :meth:`EntryEditorScreen.for_value` (one value, its explanation and
prompts), :meth:`EntryEditorScreen.walk` (value by value),
:meth:`EntryEditorScreen.new_linked` (from an exercise or reading) or
:meth:`EntryEditorScreen.editing`. Writing is kept as a draft two seconds after
each change and on every way out; ``ctrl+s`` saves, after a privacy check.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static, TextArea

from coprod_tui.core.preferences import preference
from coprod_tui.core.text import make_visible
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.core.ui.safe_text import SafeInput, SafeTextArea
from coprod_tui.core.ui.screens import CoprodScreen, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.journal.actions import date_problems, format_actions, parse_actions
from coprod_tui.journal.dialogs import PrivacyDialog, ValuesDialog
from coprod_tui.journal.entry import (
    FRAMEWORKS,
    VALUE_IDS,
    WRITING_FRAMEWORKS,
    Entry,
    Link,
    link_text,
)
from coprod_tui.journal.nmc_dialog import ask_nmc
from coprod_tui.journal.privacy_check import check_privacy
from coprod_tui.journal.records import EntryStore
from coprod_tui.journal.search import parse_tags
from coprod_tui.journal.support import (
    DRAFT_PREFIX,
    carry_over,
    editor_meta,
    guide_text,
    section_hint,
    values_content,
)
from coprod_tui.journal.values import ValuesContent

DRAFT_DELAY = 2.0

HELP = N_("""\
## Writing an entry

Each part of the framework has its own box with a hint above it. `Tab` moves
to the next box, `shift+tab` back. `ctrl+s` saves (a privacy check may warn
first: `e` to edit, `s` to save anyway). `ctrl+f` changes the framework,
`ctrl+o` the values the entry covers, `ctrl+n` shows another prompt, `ctrl+t`
the kind of NMC reflective account and the Code themes (for the nmc export);
the last box, "How it relates to the Code", answers the NMC form's fourth
question and can be left empty.
`Esc` closes: unsaved writing is kept as a draft and offered when you next
open the journal. Actions go one a line; end a line with `by 15/12/2026`
(day/month/year) or `by 2026-12-15` for a due date. A date coprod cannot
read is kept in the action's text, and a notice says why.
""")


class EntryEditorScreen(CoprodScreen[None]):
    """Write or edit one entry."""

    CSS = screen_css(__file__, "journal.tcss")
    HELP = HELP
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="entry-save", priority=True),
        Binding("ctrl+f", "framework", N_("Framework"), id="entry-framework"),
        Binding("ctrl+o", "values", N_("Values"), id="entry-values"),
        Binding("ctrl+n", "next_prompt", N_("Next prompt"), id="entry-next-prompt"),
        Binding("ctrl+t", "nmc", N_("NMC"), id="entry-nmc", tooltip=N_("NMC account kind, Code themes")),
    ]
    #: Seconds of no typing before unsaved writing is kept as a draft (tests shorten it).
    draft_delay: ClassVar[float] = DRAFT_DELAY

    def __init__(self, entry: Entry, *, editing: bool = False, guide_value: str | None = None,
                 draft_key: str | None = None, sections_shown: dict[str, str] | None = None,
                 actions_text: str | None = None) -> None:
        super().__init__()
        self.entry = entry
        self.editing = editing
        self.guide_value = guide_value
        self.draft_key = draft_key or (
            f"{DRAFT_PREFIX}{entry.id}" if editing else f"{DRAFT_PREFIX}new-{uuid.uuid4().hex[:8]}"
        )
        # What each box shows; kept text with control characters is shown in caret form.
        self.shown = sections_shown or {sid: make_visible(t) for sid, t in entry.sections.items()}
        self.actions_text = actions_text if actions_text is not None else format_actions(entry.actions)
        self.prompt_index: dict[str, int] = {}
        self.content: ValuesContent | None = None
        self._baseline: dict[str, Any] | None = None
        self._timer: Timer | None = None
        self.saved = False

    # -- constructors (the contracts other areas call) ----------------------------
    @classmethod
    def for_value(cls, value_id: str, framework: str | None = None) -> EntryEditorScreen:
        """A new entry about one value, showing its explanation and prompts."""
        values = [value_id] if value_id in VALUE_IDS else []
        return cls(Entry(values=values, framework=framework or ""), guide_value=value_id)

    @classmethod
    def walk(cls) -> EntryEditorScreen:
        """Value by value: one experience through each value in turn (skip any)."""
        return cls(Entry(values=[], framework="values"))

    @classmethod
    def new_linked(cls, title: str, values: list[str], link: Link,
                   summary: str) -> EntryEditorScreen:
        """A new entry linked to what prompted it, with its result summarised at the top."""
        entry = Entry(values=[v for v in values if v in VALUE_IDS], title=title, framework="",
                      links=[link])
        screen = cls(entry)
        screen.pending_summary = summary
        return screen

    @classmethod
    def editing_entry(cls, entry: Entry, draft: dict[str, Any] | None = None) -> EntryEditorScreen:
        """Change a saved entry (carrying on from unsaved changes in ``draft`` if given)."""
        if draft and draft.get("editing"):
            return cls.from_draft(f"{DRAFT_PREFIX}{entry.id}", draft)
        # A copy: the journal's index (shared, cached) must not see unsaved edits.
        return cls(Entry.from_doc(entry.to_doc()), editing=True)

    @classmethod
    def from_draft(cls, key: str, data: dict[str, Any]) -> EntryEditorScreen:
        """Carry on with writing kept as a draft."""
        entry = Entry.from_doc(data.get("entry", {"values": []}))
        return cls(entry, editing=bool(data.get("editing")), draft_key=key,
                   guide_value=data.get("guide_value"),
                   sections_shown=dict(data.get("shown", {})),
                   actions_text=data.get("actions_text", ""))

    pending_summary: str = ""
    _cursor_to_end: bool = False

    # -- layout ----------------------------------------------------------------------
    def _default_framework(self) -> str:
        pref = preference("journal-framework")
        try:
            chosen = self.app.store.settings().get(pref.key, pref.default)
        except CoprodError:
            chosen = pref.default
        return chosen if chosen in WRITING_FRAMEWORKS else pref.default

    def _hint(self, section_id: str) -> str:
        return section_hint(self.content, self.entry.framework, section_id,
                            self.prompt_index.get(section_id, 0))

    def _guide_text(self) -> str:
        return guide_text(self.content, self.guide_value) if self.guide_value else ""

    def compose(self) -> ComposeResult:
        # Read each time (cached): after a change of language the prompts, hints and
        # names are shown in the new one. What was written is never changed.
        self.content = values_content(self.app)
        if not self.entry.framework:
            self.entry.framework = self._default_framework()
        if self.pending_summary:
            first = FRAMEWORKS[self.entry.framework][0][0]
            self.shown[first] = make_visible(self.pending_summary) + "\n\n" + self.shown.get(first, "")
            self.pending_summary = ""
            self._cursor_to_end = True
        yield Header(show_clock=False)
        with VerticalScroll(id="editor-body"):
            heading = _("Editing an entry") if self.editing else _("New journal entry")
            yield Static(heading, classes="screen-title")
            # The Title box comes first: a new entry opens at the top with its cursor
            # there and the value's explanation and first prompts still on screen.
            yield Static(_("Title"), classes="section-label")
            yield SafeInput(make_visible(self.entry.title), id="title",
                            placeholder=_("A few words to find it again"))
            guide = self._guide_text()
            if guide:
                yield Static(literal(guide), id="value-guide")
            for link in self.entry.links:
                yield Static(literal(link_text(link)), classes="editor-note")
            yield Static(editor_meta(self.content, self.entry), id="editor-meta", markup=False)
            for section_id, label in FRAMEWORKS[self.entry.framework]:
                yield Static(_(label), classes="section-label")
                hint = self._hint(section_id)
                if hint:
                    yield Static(literal(hint), classes="section-hint", id=f"hint-{section_id}")
                yield SafeTextArea(self.shown.get(section_id, ""), id=f"section-{section_id}",
                                   classes="section-text")
            if self.entry.framework in ("rolfe", "gibbs") or self.entry.actions:
                yield Static(_("Actions"), classes="section-label")
                yield Static(_("One a line. End a line with 'by 15/12/2026' (day/month/year) for a due date."),
                             classes="section-hint")
                yield SafeTextArea(self.actions_text, id="actions", classes="section-text")
            yield Static(_("Tags"), classes="section-label")
            yield SafeInput(make_visible(", ".join(self.entry.tags)), id="tags",
                            placeholder=_("separated by commas"))
        yield Footer()

    def on_mount(self) -> None:
        self.app.draft_sources.add(self)
        self._focus_first()
        self._baseline = self._snapshot()

    def _focus_first(self) -> None:
        first = FRAMEWORKS[self.entry.framework][0][0]
        target = "#title" if not self.entry.title else f"#section-{first}"
        box = self.query_one(target)
        at_end = self._cursor_to_end and isinstance(box, SafeTextArea)
        if at_end:
            # A summary was put in first: carry on after it, not into it.
            box.move_cursor(box.document.end)
            self._cursor_to_end = False
        fresh = target == "#title"
        box.focus(scroll_visible=not fresh)
        if fresh:
            # A new entry opens at the top, so the value's explanation and its first
            # prompts show at 80x24 (focusing the Title box would scroll past them).
            # Writing carried on (a draft, an edit, a summary) shows its cursor.
            body = self.query_one("#editor-body", VerticalScroll)
            self.call_after_refresh(body.scroll_home, animate=False)
        elif at_end:
            self.call_after_refresh(box.scroll_visible, animate=False)

    def on_unmount(self) -> None:
        self.app.draft_sources.discard(self)

    async def recompose(self, *, read_boxes: bool = True) -> None:
        """Build the screen again (a change of language or of framework), keeping
        what is written (the boxes are read first unless already read) and the
        focus in the writing."""
        if read_boxes:
            self._read_boxes()
        await super().recompose()
        self._focus_first()

    def on_screen_suspend(self) -> None:
        self._keep_draft()

    # -- reading the boxes ------------------------------------------------------------
    def _read_boxes(self) -> None:
        """Copy what is on screen into ``self.shown`` / ``actions_text`` / the entry."""
        for area in self.query(".section-text").results(TextArea):
            if area.id and area.id.startswith("section-"):
                self.shown[area.id.removeprefix("section-")] = area.text
            elif area.id == "actions":
                self.actions_text = area.text
        for field_id in ("title", "tags"):
            found = self.query(f"#{field_id}").results(Input)
            for box in found:
                if field_id == "title":
                    self.entry.title = self._kept(self.entry.title, box.value)
                else:
                    self.entry.tags = parse_tags(box.value)

    @staticmethod
    def _kept(original: str, shown: str) -> str:
        """The original text if the box still shows it (caret form), else the box's text."""
        return original if shown == make_visible(original) else shown

    def _snapshot(self) -> dict[str, Any]:
        self._read_boxes()
        return {
            "editing": self.editing,
            "guide_value": self.guide_value,
            "entry": self.entry.to_doc(),
            "shown": dict(self.shown),
            "actions_text": self.actions_text,
        }

    def _built_entry(self) -> Entry:
        """The entry as it would be saved."""
        self._read_boxes()
        original = dict(self.entry.sections)
        sections = {}
        for section_id, _label in FRAMEWORKS[self.entry.framework]:
            text = self._kept(original.get(section_id, ""), self.shown.get(section_id, ""))
            if text.strip():
                sections[section_id] = text
        self.entry.sections = sections
        if self.entry.framework == "values":
            self.entry.values = [v for v in VALUE_IDS if sections.get(v, "").strip()]
        self.entry.actions = parse_actions(self.actions_text, self.entry.actions)
        return self.entry

    # -- drafts -------------------------------------------------------------------------
    @on(TextArea.Changed)
    @on(Input.Changed)
    def _changed(self) -> None:
        if self._baseline is None:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.draft_delay, self._keep_draft)

    def save_draft(self) -> None:
        """Keep unsaved writing in the drafts file (only if it changed)."""
        if self.saved or self._baseline is None:
            return
        data = self._snapshot()
        if data == self._baseline:
            return
        self.app.store.save_draft(self.draft_key, data)
        self._baseline = data

    def _keep_draft(self) -> None:
        self.attempt(self.save_draft)

    # -- actions --------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer only the keys that make sense for this kind of entry (keeps the footer short)."""
        walking = self.entry.framework == "values"
        if action == "next_prompt":
            return walking
        if action in ("framework", "values"):
            return not walking
        return True

    def action_back(self) -> None:
        """Leave, keeping unsaved writing as a draft; if it cannot be kept, stay and ask."""
        before = self._baseline
        try:
            self.save_draft()
        except CoprodError as error:
            from coprod_tui.core.ui.drafts import LoseTextDialog

            self.app.push_screen(LoseTextDialog(error.message, N_("Close")), self._close_anyway)
            return
        if before is not self._baseline:
            self.notify(_("Kept as a draft: open the journal to carry on."))
        self.dismiss(None)

    def _close_anyway(self, lose: bool | None) -> None:
        if not lose:
            self.notify(_("Still open: your text is on screen."))
            return
        from coprod_tui.core.ui.drafts import fallback_folders, write_fallback

        path = write_fallback({self.draft_key: self._snapshot()},
                              fallback_folders(self.app.data_dir))
        self.saved = True  # nothing more to keep: the app must not ask again
        kept = _("Your text is kept in {path}; coprod offers it back next time.")
        self.notify(kept.format(path=path)
                    if path else _("Your text could not be kept anywhere."),
                    severity="warning", timeout=20, markup=False)
        self.dismiss(None)

    def action_next_prompt(self) -> None:
        """Show the next prompt for the value being written about."""
        if self.entry.framework != "values" or self.content is None:
            self.notify(_("Prompts for a value are shown above the boxes."))
            return
        focused = self.focused
        section = focused.id.removeprefix("section-") if focused and focused.id and \
            focused.id.startswith("section-") else VALUE_IDS[0]
        if section not in VALUE_IDS:
            self.notify(_("Prompts belong to the five values' boxes; move to one first."))
            return
        self.prompt_index[section] = self.prompt_index.get(section, 0) + 1
        self.query_one(f"#hint-{section}", Static).update(literal(self._hint(section)))

    def action_framework(self) -> None:
        """Choose another framework for this entry (text already written is kept)."""
        if self.entry.framework == "values":
            self.notify(_("A value-by-value entry keeps a box for each value."))
            return
        choices = [(f, self.content.frameworks[f].name if self.content else f)
                   for f in WRITING_FRAMEWORKS]
        self.app.push_screen(ChoiceDialog(_("Framework for this entry"), choices,
                                          self.entry.framework), self._set_framework)

    async def _set_framework(self, framework: str | None) -> None:
        if not framework or framework == self.entry.framework:
            return
        self._read_boxes()
        carry_over(self.shown, self.entry.framework, framework)
        self.entry.framework = framework
        await self.recompose(read_boxes=False)  # read above, before carrying text over
        self._changed()

    def action_values(self) -> None:
        """Choose which values the entry covers."""
        if self.entry.framework == "values":
            self.notify(_("Value by value: the values are those you write about."))
            return
        self._ask_values(save_after=False)

    def _ask_values(self, save_after: bool) -> None:
        choices = [(v, self.content.name(v) if self.content else v) for v in VALUE_IDS]

        def chosen(values: list[str] | None) -> None:
            if values is None:
                return
            self.entry.values = values
            self._values_changed()
            if save_after and values:
                self.action_save()

        self.app.push_screen(ValuesDialog(choices, list(self.entry.values)), chosen)

    def action_nmc(self) -> None:
        """Choose the NMC account kind and Code themes (used by the nmc export)."""
        ask_nmc(self.app, self.entry, self._values_changed)

    def _values_changed(self) -> None:
        self.query_one("#editor-meta", Static).update(editor_meta(self.content, self.entry))
        self._changed()

    def action_save(self) -> None:
        """Check and save the entry."""
        entry = self._built_entry()
        if not entry.sections and not entry.title.strip():
            self.notify(_("Nothing to save yet: write something first."), severity="warning")
            return
        if not entry.values:
            if entry.framework == "values":
                self.notify(_("Write about at least one value to save."), severity="warning")
                return
            self.notify(_("Choose the values this entry covers."))
            self._ask_values(save_after=True)
            return
        text = "\n".join([entry.title, *entry.sections.values(), *entry.tags,
                          *(a.text for a in entry.actions)])
        findings = check_privacy(text)
        if findings:
            self.app.push_screen(PrivacyDialog(findings),
                                 lambda ok: self._save(entry) if ok else None)
            return
        self._save(entry)

    def _save(self, entry: Entry) -> None:
        journal = EntryStore(self.app.store)
        message, severity = _("Entry saved."), "information"
        try:
            if self.editing:
                # Another session may have saved or deleted this entry meanwhile:
                # then ours is kept as a new entry, never written over theirs.
                outcome = journal.save_edit(entry)
                if outcome.status != "saved":
                    message, severity = outcome.message, "warning"
            else:
                journal.add(entry)
            self.app.store.discard_draft(self.draft_key)
        except CoprodError as error:
            self.notify(error.message, severity="error", timeout=10)
            return
        self.saved = True
        self.notify(message, severity=severity, timeout=10)
        for problem in date_problems(self.actions_text):  # kept as text, never dropped
            self.notify(problem, title=_("Due date not understood"), severity="warning",
                        timeout=20, markup=False)
        self.dismiss(None)
