"""Before a stocktake: who it is about, and who is taking part."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.text import one_line
from coprod_tui.core.ui.quiet import QuietInput
from coprod_tui.core.ui.screens import CoprodScreen, screen_css
from coprod_tui.i18n import N_, _
from coprod_tui.journal.privacy_check import check_privacy
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.rules import LEVELS, Stocktake
from coprod_tui.stocktake.statements import StatementSet

HELP = N_("""\
## A new stocktake

Choose who the stocktake is about with the arrow keys and Enter: your own
practice, your team's, or your organisation's. If several people are taking
part, write their roles, not their names ("two nurses, a carer, the carers'
lead"): the stocktake goes into exports, and a name there identifies someone.
Leave it empty if it is just you. Enter in that box, or `ctrl+s`, begins.
Escape goes back.
""")


class StocktakeSetupScreen(CoprodScreen[None]):
    """Level and participants; then the statements."""

    HELP = HELP
    BINDINGS = [
        Binding("ctrl+s", "begin", N_("Begin"), id="stocktake-begin", tooltip=N_("Start the statements")),
    ]

    CSS = screen_css(__file__, "setup_screen.tcss")

    def __init__(self, statements: StatementSet) -> None:
        super().__init__()
        self.statements = statements
        self.level = LEVELS[0][0]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("A new stocktake"), classes="screen-title")
        yield Static(_("Who is this stocktake about? (arrows, then Enter)"), classes="stocktake-label")
        yield OptionList(*self._options(), id="stocktake-level")
        yield Static(_("Who is taking part? (optional: roles, not names; Enter begins)"),
                     classes="stocktake-label")
        yield QuietInput(placeholder=_("e.g. ward team: two nurses, a carer, the carers' lead"),
                         id="stocktake-participants")
        yield Footer()

    def _options(self) -> list[Option]:
        return [Option(Content(("* " if level == self.level else "  ") + _(label)), id=level)
                for level, label in LEVELS]

    def on_mount(self) -> None:
        self.query_one("#stocktake-level", OptionList).focus()

    @on(OptionList.OptionSelected, "#stocktake-level")
    def _level_chosen(self, event: OptionList.OptionSelected) -> None:
        self.level = event.option.id or self.level
        levels = self.query_one("#stocktake-level", OptionList)
        index = levels.highlighted
        levels.clear_options()
        levels.add_options(self._options())
        levels.highlighted = index
        self.query_one("#stocktake-participants", Input).focus()

    @on(Input.Submitted, "#stocktake-participants")
    def _submitted(self) -> None:
        self.action_begin()

    def action_begin(self) -> None:
        """Save the new stocktake and show its first statement."""
        from coprod_tui.stocktake.run_screen import StocktakeRunScreen

        participants = self.query_one("#stocktake-participants", Input).value.strip()
        names = [f.text for f in check_privacy(participants) if f.kind == "name"]
        if names:
            # A warning, not a block: the writer knows whether it is a name.
            self.notify(_("'{name}' looks like a name: roles such as 'two nurses, a carer' "
                          "keep the stocktake anonymous.").format(name=one_line(names[0], 30)),
                        severity="warning", timeout=8, markup=False)
        stocktake = Stocktake(level=self.level, participants=participants)
        if not self.attempt(lambda: stocktakes.save(self.app.store, stocktake)):
            return
        self.app.switch_screen(StocktakeRunScreen(stocktake, self.statements))

    def action_back(self) -> None:
        """Back to the stocktake area without starting; asks first if "who took part"
        holds text (nothing is saved before the stocktake begins)."""
        typed = self.query_one("#stocktake-participants", Input).value.strip()
        if not typed:
            self.leave()
            return
        from coprod_tui.core.ui.choice import ChoiceDialog

        self.app.push_screen(
            ChoiceDialog(_("Leave without starting?"),
                         [("stay", _("Stay and begin (ctrl+s)")),
                          ("leave", _("Leave: forget who took part"))],
                         note=_("Who took part: {people}").format(people=one_line(typed, 50))),
            lambda choice: self.leave() if choice == "leave" else None,
        )
