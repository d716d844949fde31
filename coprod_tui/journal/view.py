"""Reading one entry, the open actions, and the trash.

Every piece of user text goes through :func:`literal`, so ``[bold]`` and
escape sequences show as typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.clock import local_display
from coprod_tui.core.text import one_line
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.core.ui.screens import CoprodScreen, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.journal.dialogs import ConfirmDialog
from coprod_tui.journal.entry import (
    FRAMEWORKS,
    Action,
    Entry,
    link_text,
    shown_kind,
    shown_themes,
)
from coprod_tui.journal.records import EntryStore
from coprod_tui.journal.support import entry_label, entry_row, values_content
from coprod_tui.transfer.common import FORMATS

if TYPE_CHECKING:
    from coprod_tui.app import CoprodApp

# The formats one entry can be exported to on its own (json is the whole backup).
ENTRY_FORMATS: tuple[str, ...] = ("md", "txt", "nmc")



class _Back(CoprodScreen[None]):

    CSS = screen_css(__file__, "journal.tcss")

    def action_back(self) -> None:
        """Return to the journal."""
        self.dismiss(None)

    def journal(self) -> EntryStore:
        """The journal over the app's store."""
        return EntryStore(self.app.store)



def describe_entry(app: CoprodApp, entry: Entry) -> tuple[list[str], list[str]]:
    """An entry as lines to read: what it is about (meta), then what was written."""
    content = values_content(app)
    names = [content.name(v) if content else v for v in entry.values]
    framework = (content.frameworks[entry.framework].name
                 if content and entry.framework in content.frameworks else entry.framework)
    covered = ", ".join(names) or _("none chosen yet (e, then ctrl+o)")
    written = _("Written {when}").format(when=local_display(entry.created))
    if entry.updated != entry.created:
        written += _(", changed {when}").format(when=local_display(entry.updated))
    meta = [_("Values: {covered}").format(covered=covered),
            _("Framework: {framework}").format(framework=framework), written]
    if entry.tags:
        meta.append(_("Tags: {tags}").format(tags=", ".join(entry.tags)))
    for link in entry.links:
        meta.append(link_text(link))
    if entry.account_kind or entry.code_themes:
        meta.append(_("NMC account: {kind}; Code themes: {themes}").format(
            kind=shown_kind(entry.account_kind) if entry.account_kind else _("kind not chosen"),
            themes=shown_themes(entry.code_themes) or _("none chosen")))
    body: list[str] = []
    # The framework's order (what happened, the values, what next, the Code),
    # then any part it does not know, so nothing written is hidden.
    order = [sid for sid, _ in FRAMEWORKS.get(entry.framework, ())]
    order += [sid for sid in entry.sections if sid not in order]
    labels = dict(FRAMEWORKS.get(entry.framework, ()))
    for section_id in order:
        text = entry.sections.get(section_id, "")
        if isinstance(text, str) and text.strip():
            label = _(labels[section_id]) if section_id in labels else section_id
            body += [f"== {label} ==", text, ""]
    if entry.actions:
        body.append("== " + _("Actions") + " ==")
        body += [action_line(a) for a in entry.actions]
    return meta, body


class EntryViewScreen(_Back):
    """One entry, read-only: sections, actions, links, tags."""

    HELP = (
        N_("## An entry\n\n`e` edit, `x` delete (asks first), `o` export this entry on its own "
        "(md, txt or an NMC reflective account, for supervision; saved as a new private file "
        "in your home folder, its path shown at the top), `b` or `Esc` back to the list.")
    )
    BINDINGS = [
        Binding("e", "edit", N_("Edit"), id="view-edit"),
        Binding("x", "delete", N_("Delete"), id="view-delete"),
        Binding("o", "export", N_("Export entry"), id="view-export",
                tooltip=N_("Export this entry on its own (md, txt or nmc)")),
    ]

    def __init__(self, entry_id: str) -> None:
        super().__init__()
        self.entry_id = entry_id
        self.entry: Entry | None = None
        self.exported_to: Path | None = None
        self.exported_fmt = ""

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="entry-view"):
            yield Static("", id="view-title", classes="screen-title")
            yield Static("", id="view-exported")
            yield Static("", id="view-meta")
            yield Static("", id="view-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#entry-view").focus()
        self.refresh_entry()

    def on_screen_resume(self) -> None:
        self.refresh_entry()

    async def recompose(self) -> None:
        """Build the screen again (a change of language), showing the entry again."""
        await super().recompose()
        self.query_one("#entry-view").focus()
        self.refresh_entry()
        if self.exported_to is not None:
            self.query_one("#view-exported", Static).update(
                literal(self._exported_message(self.exported_fmt, self.exported_to)))

    def refresh_entry(self) -> None:
        """Read the entry again and show it."""
        try:
            self.entry = self.journal().get(self.entry_id)
        except CoprodError as error:
            self.notify(error.message, severity="error")
            return
        if self.entry is None:
            self.dismiss(None)
            return
        entry = self.entry
        meta, body = describe_entry(self.app, entry)
        self.query_one("#view-title", Static).update(literal(entry_label(entry)))
        self.query_one("#view-meta", Static).update(literal("\n".join(meta)))
        self.query_one("#view-body", Static).update(literal("\n".join(body)))

    def action_edit(self) -> None:
        """Edit this entry."""
        from coprod_tui.journal.list_screen import edit_screen

        if self.entry is not None:
            self.app.push_screen(edit_screen(self.app, self.entry))

    def action_export(self) -> None:
        """Export this entry on its own, after choosing the format."""
        choices = [(fmt, f"{fmt}: {_(FORMATS[fmt])}") for fmt in ENTRY_FORMATS]
        self.app.push_screen(
            ChoiceDialog(_("Export this entry on its own"), choices, "md",
                         note=_("A new file in your home folder that only you can read; "
                                "nothing is replaced.")),
            self._export_chosen)

    def _export_chosen(self, fmt: str | None) -> None:
        if fmt in ENTRY_FORMATS:
            self.export_entry(fmt)

    def export_entry(self, fmt: str) -> None:
        """Write the export off the UI thread, then show where it went."""
        from coprod_tui.transfer.files import write_entry_export

        entry_id = self.entry_id
        self.run_loading(lambda store: write_entry_export(store, entry_id, fmt),
                         lambda path: self._exported(fmt, path), group="entry-export")

    @staticmethod
    def _exported_message(fmt: str, path: Path) -> str:
        return _("Exported this entry ({format}) to {path} (only you can read it).").format(
            format=fmt, path=path)

    def _exported(self, fmt: str, path: Path) -> None:
        self.exported_to, self.exported_fmt = path, fmt
        message = self._exported_message(fmt, path)
        self.query_one("#view-exported", Static).update(literal(message))
        self.notify(message, markup=False)

    def action_delete(self) -> None:
        """Move this entry to the trash (after asking)."""
        def confirmed(yes: bool | None) -> None:
            if yes and self.attempt(lambda: self.journal().delete(self.entry_id)):
                self.notify(_("Moved to the trash."))
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog(_("Delete this entry?"),
                                           _("It moves to the trash, where you can restore it.")),
                             confirmed)


def action_line(action: Action) -> str:
    """``[x] text (due 2026-12-01)``: done shown by a mark, not colour."""
    due = " " + _("(due {date})").format(date=action.due) if action.due else ""
    return f"[{'x' if action.done else ' '}] {action.text}{due}"


class ActionsScreen(_Back):
    """Every action not yet done; Enter or space marks one done."""

    HELP = N_("## Open actions\n\nEnter or space marks the highlighted action done; it "
              "leaves this list (it stays in its entry as `[x]`). `u` puts the last one "
              "marked done back.")
    BINDINGS = [
        Binding("space", "done", N_("Mark done"), id="actions-done"),
        Binding("u", "undo", N_("Undo done"), id="actions-undo",
                tooltip=N_("Put the action last marked done back on the list")),
    ]

    def __init__(self) -> None:
        super().__init__()
        # (entry id, action id, its line) of each action marked done here, latest last.
        self.marked: list[tuple[str, str, str]] = []
        # The action each row shows, by the row's id ("entry id:action id").
        self.shown: dict[str, Action] = {}

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Open actions (soonest due first)"), classes="screen-title")
        yield Static("", id="actions-undo-note")
        yield OptionList(id="open-actions")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load()

    async def recompose(self) -> None:
        """Build the screen again (a change of language) with the list and its note."""
        await super().recompose()
        self.on_mount()
        self._show_undo_note()

    def load(self) -> None:
        """Read open actions off the UI thread."""
        self.run_loading(lambda store: EntryStore(store).open_actions(), self._show,
                         group="journal-actions")

    def _show(self, pairs: list[tuple[Entry, Action]]) -> None:
        self.shown = {f"{e.id}:{a.id}": a for e, a in pairs}
        options = self.query_one(OptionList)
        options.set_options(
            Option(literal(f"{action_line(a)}  - {one_line(entry_label(e), 30)}"),
                   id=f"{e.id}:{a.id}")
            for e, a in pairs
        )
        if not pairs:
            options.add_option(Option(_("No open actions."), disabled=True))
        else:
            options.highlighted = 0

    @on(OptionList.OptionSelected, "#open-actions")
    def _selected(self) -> None:
        self.action_done()

    def action_done(self) -> None:
        """Mark the highlighted action done."""
        option = self.query_one(OptionList).highlighted_option
        if option is None or not option.id:
            return
        entry_id, _sep, action_id = option.id.partition(":")
        if not self.attempt(lambda: self.journal().mark_action_done(entry_id, action_id)):
            return
        # The action's own line (its text and due date), not the row's entry title.
        action = self.shown.get(option.id)
        line = action_line(action).removeprefix("[ ] ") if action else str(option.prompt)
        self.marked.append((entry_id, action_id, one_line(line, 60)))
        self.notify(_("Action marked done."))
        self._show_undo_note()
        self.load()

    def _show_undo_note(self) -> None:
        # Kept on screen (a notice goes away): what was done and how to undo it.
        note = self.query_one("#actions-undo-note", Static)
        if self.marked:
            text = self.marked[-1][2]
            note.update(literal(_("Marked done: {text} (u puts it back)").format(text=text)))
        else:
            note.update("")

    def action_undo(self) -> None:
        """Mark the action last marked done here not done again."""
        if not self.marked:
            self.notify(_("Nothing to undo."))
            return
        entry_id, action_id, _text = self.marked[-1]
        journal = self.journal()
        if not self.attempt(lambda: journal.mark_action_done(entry_id, action_id, done=False)):
            return
        self.marked.pop()
        self.notify(_("Back on the list as not done."))
        self._show_undo_note()
        self.load()


class TrashScreen(_Back):
    """Deleted entries: restore one, or empty the trash for good."""

    HELP = N_("## Trash\n\nEnter shows the highlighted entry; `r` restores it; `x` empties "
              "the trash (asks first).")
    BINDINGS = [
        Binding("r", "restore", N_("Restore"), id="trash-restore"),
        Binding("x", "empty", N_("Empty trash"), id="trash-empty"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        # Enter belongs to the list (the footer cannot show it), so it is said here.
        yield Static(_("Trash: deleted entries (Enter shows one)"), classes="screen-title")
        yield OptionList(id="trash")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load()

    async def recompose(self) -> None:
        """Build the screen again (a change of language) with the trash listed."""
        await super().recompose()
        self.on_mount()

    def load(self) -> None:
        """Show what is in the trash."""
        docs = self.read_now(self.journal().trash)
        if docs is None:
            return
        options = self.query_one(OptionList)
        options.set_options(Option(entry_row(Entry.from_doc(d)), id=d["id"]) for d in docs)
        if docs:
            options.highlighted = 0
        else:
            options.add_option(Option(_("The trash is empty."), disabled=True))

    @on(OptionList.OptionSelected, "#trash")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_preview()

    def action_preview(self) -> None:
        """Show the highlighted entry, read-only; ``r`` there restores it."""
        option = self.query_one(OptionList).highlighted_option
        if option is None or not option.id:
            return
        docs = self.read_now(self.journal().trash)
        doc = next((d for d in docs or [] if d.get("id") == option.id), None)
        if doc is None:
            return

        def closed(restore: bool | None) -> None:
            if restore:
                self.action_restore()

        self.app.push_screen(TrashPreviewScreen(Entry.from_doc(doc)), closed)

    def action_restore(self) -> None:
        """Put the highlighted entry back in the journal."""
        option = self.query_one(OptionList).highlighted_option
        if option is None or not option.id:
            return
        restored: list[bool] = []
        if self.attempt(lambda: restored.append(self.journal().restore(option.id))):
            if restored[0]:
                self.notify(_("Entry restored."))
            else:  # another session emptied the trash, or restored the entry, meanwhile
                self.notify(_("That entry is no longer in the trash (emptied or restored "
                              "elsewhere); the list is read again."), severity="warning")
        self.load()

    def action_empty(self) -> None:
        """Delete everything in the trash for good (after asking)."""
        def confirmed(yes: bool | None) -> None:
            if yes and self.attempt(self.journal().empty_trash):
                self.notify(_("Emptied the trash."))
                self.load()

        self.app.push_screen(ConfirmDialog(_("Empty the trash?"),
                                           _("Entries in the trash are removed for good.")),
                             confirmed)


class TrashPreviewScreen(CoprodScreen[bool]):
    """An entry in the trash, read-only: ``r`` restores it, ``b`` goes back."""

    CSS = screen_css(__file__, "journal.tcss")
    HELP = N_("## An entry in the trash\n\n`r` restores it to the journal; `b` or `Esc` back.")
    BINDINGS = [Binding("r", "restore", N_("Restore"), id="trash-preview-restore")]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        meta, body = describe_entry(self.app, self.entry)
        yield Header(show_clock=False)
        with VerticalScroll(id="entry-view"):
            yield Static(literal(_("In the trash: {title}").format(title=entry_label(self.entry))),
                         id="view-title", classes="screen-title")
            yield Static(literal("\n".join(meta)), id="view-meta")
            yield Static(literal("\n".join(body)), id="view-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#entry-view").focus()

    async def recompose(self) -> None:
        """Build the screen again (a change of language)."""
        await super().recompose()
        self.on_mount()

    def action_restore(self) -> None:
        """Close, asking the trash to restore this entry."""
        self.dismiss(True)
