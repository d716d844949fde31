"""Small dialogs the journal uses: confirm, privacy warning, values, dates, drafts.

Every dialog closes with ``b`` and Escape, and says its keys on screen.
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.clock import parse_day
from coprod_tui.core.text import one_line
from coprod_tui.core.ui.safe_text import SafeInput
from coprod_tui.core.ui.screens import CoprodDialog, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.core.ui.ticks import TickList
from coprod_tui.i18n import N_, _
from coprod_tui.journal.privacy_check import GUIDANCE, Finding


class _Dialog(CoprodDialog[None]):
    """Base: ``b`` and Escape dismiss with ``None`` (from CoprodDialog)."""

    CSS = screen_css(__file__, "journal.tcss")



class ConfirmDialog(_Dialog):
    """Ask before something drastic; ``y`` confirms (dismisses ``True``)."""

    BINDINGS = [Binding("y", "confirm", N_("Yes"), id="dialog-yes")]

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.title_text), classes="dialog-title")
            yield Static(literal(self.question))
            yield Static(_("y: yes    b or Esc: no"), classes="dialog-keys")
        yield Footer()

    def action_confirm(self) -> None:
        """Go ahead."""
        self.dismiss(True)


class PrivacyDialog(_Dialog):
    """Warn that text may identify someone; ``s`` saves anyway, ``e`` goes back to edit."""

    BINDINGS = [
        Binding("e", "cancel", N_("Edit"), id="privacy-edit"),
        Binding("s", "save", N_("Save anyway"), id="privacy-save"),
    ]

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__()
        self.findings = findings

    def compose(self) -> ComposeResult:
        shown = "\n".join(f"  ! {one_line(f.describe(), 60)}" for f in self.findings[:6])
        more = len(self.findings) - 6
        if more > 0:
            shown += "\n  " + _("... and {more} more").format(more=more)
        with Vertical(classes="dialog", id="privacy-dialog"):
            yield Static(_("This may identify someone"), classes="dialog-title")
            yield Static(literal(shown), id="privacy-findings")
            yield Static(_(GUIDANCE), classes="dialog-note")
            yield Static(_("e or c: edit    s: save anyway"), classes="dialog-keys")
        yield Footer()

    def action_save(self) -> None:
        """Save despite the warning."""
        self.dismiss(True)


class ValuesDialog(_Dialog):
    """Choose the values an entry covers: space toggles, Enter confirms."""

    BINDINGS = [Binding("enter", "done", N_("Done"), id="values-done", priority=True)]

    def __init__(self, choices: list[tuple[str, str]], chosen: list[str],
                 title: str = N_("Which values does this entry cover?")) -> None:
        super().__init__()
        self.choices = choices
        self.chosen = chosen
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(_(self.title_text)), classes="dialog-title")
            yield TickList[str](
                *((label, value, value in self.chosen) for value, label in self.choices),
                id="values-choice",
            )
            yield Static(_("space: tick or untick    Enter: done    b or Esc: cancel"),
                         classes="dialog-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_done(self) -> None:
        """Return the ticked values (in the list's order)."""
        ticked = set(self.query_one(SelectionList).selected)
        self.dismiss([value for value, _ in self.choices if value in ticked])


class DateRangeDialog(_Dialog):
    """Ask for a from and to day (either may be blank); Enter applies."""

    BINDINGS = [Binding("enter", "apply", N_("Apply"), id="dates-apply", priority=True)]

    def __init__(self, since: dt.date | None, until: dt.date | None) -> None:
        super().__init__()
        self.since = since
        self.until = until

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Entries written between (YYYY-MM-DD, blank for any)"),
                         classes="dialog-title")
            yield Static(_("From:"))
            yield SafeInput(self.since.isoformat() if self.since else "", id="since",
                            placeholder="YYYY-MM-DD")
            yield Static(_("To:"))
            yield SafeInput(self.until.isoformat() if self.until else "", id="until",
                            placeholder="YYYY-MM-DD")
            yield Static("", id="dates-error", markup=False)
            yield Static(_("Tab: next field    Enter: apply    Esc: cancel"),
                         classes="dialog-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#since", SafeInput).focus()

    def action_back(self) -> None:
        """Close without changing the dates."""
        self.dismiss(None)

    def action_apply(self) -> None:
        """Check both days and return ``(since, until)``."""
        result = []
        for field_id in ("since", "until"):
            text = self.query_one(f"#{field_id}", SafeInput).value.strip()
            try:
                result.append(parse_day(text) if text else None)
            except ValueError as error:
                self.query_one("#dates-error", Static).update(f"! {error}")
                return
        self.dismiss(tuple(result))


class DraftsDialog(_Dialog):
    """Unsaved writing kept from before: Enter restores, ``d`` discards."""

    BINDINGS = [
        Binding("enter", "restore", N_("Restore"), id="drafts-restore"),
        Binding("d", "discard", N_("Discard"), id="drafts-discard"),
    ]

    def __init__(self, drafts: list[tuple[str, str]]) -> None:
        super().__init__()
        self.drafts = drafts  # (key, description)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Restore unsaved writing?"), classes="dialog-title")
            yield Static(_("You left these before saving. Nothing was lost."), classes="dialog-note")
            yield OptionList(
                *(Option(literal(text), id=key) for key, text in self.drafts), id="drafts"
            )
            yield Static(_("Enter: restore    d: discard    b or Esc: later"),
                         classes="dialog-keys")
        yield Footer()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def _key(self) -> str | None:
        option = self.query_one(OptionList).highlighted_option
        return option.id if option is not None else None

    @on(OptionList.OptionSelected, "#drafts")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_restore()

    def action_restore(self) -> None:
        """Restore the highlighted draft."""
        key = self._key()
        if key:
            self.dismiss(("restore", key))

    def action_discard(self) -> None:
        """Throw the highlighted draft away."""
        key = self._key()
        if key:
            self.dismiss(("discard", key))
