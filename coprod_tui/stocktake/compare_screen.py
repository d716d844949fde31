"""Two stocktakes side by side, and the trend over time: signs and numbers, not colour."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from coprod_tui.core.ui.screens import CoprodScreen, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.i18n import N_, _
from coprod_tui.stocktake.report import comparison_lines, trend_lines
from coprod_tui.stocktake.rules import Comparison, Trend
from coprod_tui.stocktake.statements import StatementSet


class _TextScreen(CoprodScreen[None]):
    """A title and a scrollable block of report text."""

    TITLE_TEXT = ""
    CSS = screen_css(__file__, "compare_screen.tcss")

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_(self.TITLE_TEXT) if self.TITLE_TEXT else "", classes="screen-title", markup=False)
        with VerticalScroll(classes="stocktake-report-body"):
            yield Static(literal(self.text()), classes="stocktake-report")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(".stocktake-report-body").focus()

    def text(self) -> str:
        """The report shown."""
        raise NotImplementedError

    def action_back(self) -> None:
        """Back to the list."""
        self.app.pop_screen()


class StocktakeCompareScreen(_TextScreen):
    """The change per value and in total between two stocktakes."""

    TITLE_TEXT = N_("Comparing two stocktakes (older on the left)")
    HELP = N_("""\
## Comparing stocktakes

The older stocktake is on the left. Each change is shown with its sign and in
words (`+3 (up 3)`, `-2 (down 2)`, `0 (no change)`). Escape or `b` goes back.
""")

    def __init__(self, comparison: Comparison, statements: StatementSet) -> None:
        super().__init__()
        self.comparison = comparison
        self.statements = statements

    def text(self) -> str:
        """The comparison table."""
        return "\n".join(comparison_lines(self.comparison, self.statements))


class StocktakeTrendScreen(_TextScreen):
    """Totals over time and each value's change from the first to the last."""

    TITLE_TEXT = N_("Stocktakes over time")
    HELP = N_("""\
## Trend

Each stocktake's total as a bar with its number and the change from the one
before; then the overall direction and each value's change from the first
stocktake to the latest. Escape or `b` goes back.
""")

    def __init__(self, trend: Trend, statements: StatementSet) -> None:
        super().__init__()
        self.trend = trend
        self.statements = statements

    def text(self) -> str:
        """The trend report."""
        ascii_only = bool(self.app.ascii_only)
        return "\n".join(trend_lines(self.trend, self.statements, ascii_only))
