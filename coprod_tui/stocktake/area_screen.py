"""Stocktake: start, resume or look back on self-evaluations against the five values."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.clock import local_display
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.core.ui.screens import AreaScreen, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.i18n import N_, _
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.report import summary_line
from coprod_tui.stocktake.rules import TOTAL_MIN, Stocktake
from coprod_tui.stocktake.statements import StatementSet

if TYPE_CHECKING:
    from coprod_tui.core.store import Store

HELP = N_("""\
## Stocktake

Score fifteen statements, three for each of the five values, from 1 (not
yet) to 5 (the usual way of working, throughout), alone or as a team. Add notes on what
is working and what needs to happen next. The result shows each value's score
as a bar with its number, the total out of 75, a band, and next steps for the
weakest value.

Your answers are saved after each one: stop at any time (`p`) and
resume later, even after quitting. Past stocktakes can be compared two at a
time, and with three or more you see the trend.

For a team: each person takes the stocktake on their own and presses `s` to
share it (a small file with the scores only: no name, no date, no journal).
One person gathers the files in a folder and presses `t` for the team view:
the spread of scores and where people disagree most. It needs three or more
files, because with two each person could work out the other's answers.

These statements are coprod's own, not the Co-production Network for Wales
audit tool (https://info.copronet.wales/the-self-evaluation-audit-tool/).
""")


class StocktakeScreen(AreaScreen):
    """The stocktake area: resume, start, or open the history."""

    HELP = HELP
    BINDINGS = [
        Binding("n", "new", N_("New"), id="stocktake-new", tooltip=N_("Start a new stocktake")),
        Binding("r", "resume", N_("Resume"), id="stocktake-resume",
                tooltip=N_("Carry on with the unfinished stocktake")),
        Binding("l", "history", N_("History"), id="stocktake-history",
                tooltip=N_("List, compare and see the trend of past stocktakes")),
        Binding("s", "share", N_("Share"), id="stocktake-share",
                tooltip=N_("Write your latest stocktake's scores to a file for a team view")),
        Binding("t", "team", N_("Team view"), id="stocktake-team",
                tooltip=N_("Combine three or more shared stocktakes")),
        Binding("enter", "open_highlighted", N_("Open"), id="stocktake-open"),
    ]

    CSS = screen_css(__file__, "area_screen.tcss")

    def __init__(self) -> None:
        super().__init__()
        self.statements: StatementSet | None = None
        self.waiting: Stocktake | None = None
        self.done: list[Stocktake] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Stocktake"), classes="screen-title")
        yield Static("", id="stocktake-intro", markup=False)
        yield OptionList(id="stocktake-menu")
        yield Static(_("Loading..."), id="stocktake-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#stocktake-menu", OptionList).focus()
        self.refresh_state()

    def on_screen_resume(self) -> None:
        self.refresh_state()

    def on_store_ready(self) -> None:
        self.refresh_state()

    def refresh_state(self) -> None:
        """Load the statements and stocktakes off the UI thread."""
        content_dirs = self.app.content_dirs

        def read(store: Store) -> tuple[Any, ...]:
            statements = stocktakes.load_statements(content_dirs)
            return (statements, stocktakes.unfinished(store), stocktakes.finished(store),
                    stocktakes.reminder_months(store))

        self.run_loading(read, lambda loaded: self._show(*loaded), group="stocktake-load",
                         on_error=lambda error: self._show_error(error.message))

    def _show_error(self, message: str) -> None:
        self.statements = None
        self.query_one("#stocktake-status", Static).update(literal(message))
        self.query_one("#stocktake-menu", OptionList).clear_options()

    def _show(self, statements: StatementSet, waiting: Stocktake | None,
              done: list[Stocktake], months: int | None) -> None:
        self.statements, self.waiting, self.done = statements, waiting, done
        self.query_one("#stocktake-intro", Static).update(
            statements.intro + "\n" + _("Official tool: {tool}").format(
                tool=statements.official_tool))
        menu = self.query_one("#stocktake-menu", OptionList)
        menu.clear_options()
        if waiting is not None:
            menu.add_option(Option(Content("r  " + _(
                "Resume the stocktake started {when} ({answered} of {count} answered)").format(
                when=local_display(waiting.started), answered=waiting.answered(),
                count=TOTAL_MIN)), id="resume"))
        menu.add_option(Option(Content("n  " + _("Start a new stocktake")), id="new"))
        menu.add_option(Option(Content("l  " + _(
            "Past stocktakes ({count}): results, compare, trend").format(count=len(done))),
            id="history"))
        if done:
            menu.add_option(Option(Content("s  " + _(
                "Share your latest stocktake for a team view")), id="share"))
        menu.add_option(Option(Content("t  " + _(
            "Team view: combine three or more shared files")), id="team"))
        menu.highlighted = 0
        status = summary_line(done, waiting, months, dt.date.today())
        self.query_one("#stocktake-status", Static).update(status)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Resume only when there is something to resume."""
        if action == "resume":
            return self.waiting is not None
        if action == "share":
            return bool(self.done)
        return True

    # -- actions ----------------------------------------------------------------------
    def action_open_highlighted(self) -> None:
        """Open the highlighted choice."""
        option = self.query_one("#stocktake-menu", OptionList).highlighted_option
        if option is not None and option.id:
            getattr(self, f"action_{option.id}")()

    @on(OptionList.OptionSelected, "#stocktake-menu")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            getattr(self, f"action_{event.option.id}")()

    def action_new(self) -> None:
        """Start a new stocktake (asks first if one is unfinished)."""
        if self.statements is None:
            self.notify(_("The statements could not be loaded; see the message below."),
                        severity="error")
            return
        if self.waiting is None:
            self._begin_setup()
            return
        self.app.push_screen(
            ChoiceDialog(
                _("An unfinished stocktake is waiting"),
                [("resume", _("Resume it")), ("discard", _("Delete it and start a new one"))],
                "resume",
                _("Started {when}, {answered} of {count} answered.").format(
                    when=local_display(self.waiting.started),
                    answered=self.waiting.answered(), count=TOTAL_MIN),
            ),
            self._after_new_choice,
        )

    def _after_new_choice(self, choice: str | None) -> None:
        if choice == "resume":
            self.action_resume()
        elif choice == "discard" and self.waiting is not None:
            waiting_id = self.waiting.id
            if not self.attempt(lambda: stocktakes.discard(self.app.store, waiting_id)):
                return
            self.waiting = None
            self._begin_setup()

    def _begin_setup(self) -> None:
        from coprod_tui.stocktake.setup_screen import StocktakeSetupScreen

        assert self.statements is not None
        self.app.push_screen(StocktakeSetupScreen(self.statements))

    def action_resume(self) -> None:
        """Carry on with the unfinished stocktake where it stopped."""
        if self.waiting is None or self.statements is None:
            return
        from coprod_tui.stocktake.run_screen import StocktakeRunScreen

        self.app.push_screen(StocktakeRunScreen(self.waiting, self.statements))

    def action_history(self) -> None:
        """List past stocktakes."""
        if self.statements is None:
            return
        from coprod_tui.stocktake.history_screen import StocktakeHistoryScreen

        self.app.push_screen(StocktakeHistoryScreen(self.statements))

    def action_share(self) -> None:
        """Share the latest finished stocktake to a file for a team view."""
        if self.statements is None or not self.done:
            return
        from coprod_tui.stocktake.team_screen import ShareDialog

        self.app.push_screen(ShareDialog(self.done[-1], self.statements), self._shared)

    def _shared(self, path: object) -> None:
        if path is not None:
            self.notify(_("Shared to {path}: scores only, no name or journal.").format(
                path=path), markup=False)

    def action_team(self) -> None:
        """Choose shared files and open the team view."""
        if self.statements is None:
            return
        from coprod_tui.stocktake.team_screen import StocktakeTeamPickScreen

        self.app.push_screen(StocktakeTeamPickScreen(self.statements))
