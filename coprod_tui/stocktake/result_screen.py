"""A stocktake's result: bars with numbers, total, band, weakest value, next steps."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.core.ui.screens import CoprodScreen, OpenReading, WriteAboutValue, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.i18n import N_, _
from coprod_tui.stocktake.report import result_lines
from coprod_tui.stocktake.rules import Stocktake, weakest_values
from coprod_tui.stocktake.statements import StatementSet

HELP = N_("""\
## Stocktake result

Each value's score out of 15 is drawn as a bar with its number; the total is
out of 75. The band says in plain words where the scores put you. The weakest
value comes with next steps: `w` opens the journal to write about it, and `r`
opens the reading on the values. Arrows and page keys scroll; Escape or `b`
goes back.
""")


class StocktakeResultScreen(CoprodScreen[None]):
    """The result of one finished stocktake."""

    HELP = HELP
    BINDINGS = [
        Binding("w", "write", N_("Write about weakest"), id="stocktake-write",
                tooltip=N_("Open the journal prompts for the weakest value")),
        Binding("r", "read", N_("Read on values"), id="stocktake-read",
                tooltip=N_("Open the reading on the five values")),
    ]

    CSS = screen_css(__file__, "result_screen.tcss")

    def __init__(self, stocktake: Stocktake, statements: StatementSet) -> None:
        super().__init__()
        self.stocktake = stocktake
        self.statements = statements

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Stocktake result"), classes="screen-title")
        with VerticalScroll(id="stocktake-result-body"):
            yield Static(literal(self.text()), id="stocktake-result")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#stocktake-result-body").focus()

    def text(self) -> str:
        """The result as plain text (what is on screen)."""
        ascii_only = bool(self.app.ascii_only)
        return "\n".join(result_lines(self.stocktake, self.statements, ascii_only))

    def action_write(self) -> None:
        """Write in the journal about the weakest value (asks which, if several)."""
        weakest = weakest_values(self.stocktake)
        if len(weakest) == 1:
            self._write(weakest[0])
            return
        self.app.push_screen(
            ChoiceDialog(_("Write about which value?"),
                         [(v, self.statements.name(v)) for v in weakest], weakest[0]),
            self._write,
        )

    def _write(self, value_id: str | None) -> None:
        if value_id is None:
            return
        self.jump(WriteAboutValue(value_id))

    def action_read(self) -> None:
        """Open the reading for the weakest value."""
        section = self.statements.value(weakest_values(self.stocktake)[0]).reading
        self.jump(OpenReading(section))

    def action_back(self) -> None:
        """Back to where the result was opened from."""
        self.app.pop_screen()
