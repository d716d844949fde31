"""Past stocktakes: open one, mark two to compare, see the trend."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.ui.choice import ask_delete_for_good
from coprod_tui.core.ui.screens import CoprodScreen, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.i18n import N_, _
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.report import history_line
from coprod_tui.stocktake.rules import Stocktake, compare, trend
from coprod_tui.stocktake.statements import StatementSet

HELP = N_("""\
## Past stocktakes

Newest first, with date, level, total, band and a short id (the id works with
`coprod stocktake --compare`). Enter opens one. Space marks a stocktake
(`[x]`); with two marked, `c` compares them side by side. With one or none
marked, `c` compares the highlighted stocktake with the one before it. `t`
shows the trend once there are three or more. `s` shares the highlighted
stocktake to a file for a team view (scores only: no name, date or journal).
`x` deletes the highlighted stocktake for good, after asking: it goes from
coprod and from coprod's backups.
""")


class StocktakeHistoryScreen(CoprodScreen[None]):
    """Every finished stocktake."""

    HELP = HELP
    BINDINGS = [
        Binding("enter", "open", N_("Open"), id="stocktake-history-open"),
        Binding("space", "mark", N_("Mark to compare"), id="stocktake-mark"),
        Binding("c", "compare", N_("Compare"), id="stocktake-compare"),
        Binding("t", "trend", N_("Trend"), id="stocktake-trend"),
        Binding("s", "share", N_("Share for team"), id="stocktake-history-share",
                tooltip=N_("Write the highlighted stocktake's scores to a file for a team view")),
        # Said in the hint line under the list: the footer has no room at 80 columns.
        Binding("x", "delete", N_("Delete"), id="stocktake-delete", show=False,
                tooltip=N_("Delete the highlighted stocktake for good (asks first)")),
    ]

    CSS = screen_css(__file__, "history_screen.tcss")

    def __init__(self, statements: StatementSet) -> None:
        super().__init__()
        self.statements = statements
        self.items: list[Stocktake] = []  # newest first, as listed
        self.marked: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Past stocktakes"), classes="screen-title")
        yield OptionList(id="stocktake-list")
        yield Static("", id="stocktake-history-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        finished = self.read_now(lambda: stocktakes.finished(self.app.store))
        self.items = list(reversed(finished or []))
        self._fill()
        self.query_one("#stocktake-list", OptionList).focus()

    def _fill(self) -> None:
        options = self.query_one("#stocktake-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(
            Option(literal(("[x] " if s.id in self.marked else "[ ] ") + history_line(s)), id=s.id)
            for s in self.items
        )
        if self.items:
            options.highlighted = min(highlighted or 0, len(self.items) - 1)
        hint = (_("No finished stocktakes yet.") if not self.items else
                _("Enter: open  space: mark  c: compare  t: trend (3+)  x: delete"))
        self.query_one("#stocktake-history-hint", Static).update(hint)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Compare needs two stocktakes, the trend three."""
        if action in ("open", "mark", "share", "delete"):
            return bool(self.items)
        if action == "compare":
            return len(self.items) >= 2
        if action == "trend":
            return len(self.items) >= 3
        return True

    def _highlighted(self) -> Stocktake | None:
        index = self.query_one("#stocktake-list", OptionList).highlighted
        return self.items[index] if index is not None and index < len(self.items) else None

    def action_open(self) -> None:
        """Show the highlighted stocktake's result."""
        from coprod_tui.stocktake.result_screen import StocktakeResultScreen

        chosen = self._highlighted()
        if chosen is not None:
            self.app.push_screen(StocktakeResultScreen(chosen, self.statements))

    @on(OptionList.OptionSelected, "#stocktake-list")
    def _selected(self) -> None:
        self.action_open()

    def action_mark(self) -> None:
        """Mark or unmark the highlighted stocktake (two at most: the oldest mark goes)."""
        chosen = self._highlighted()
        if chosen is None:
            return
        if chosen.id in self.marked:
            self.marked.remove(chosen.id)
        else:
            self.marked = (self.marked + [chosen.id])[-2:]
        self._fill()

    def action_compare(self) -> None:
        """Compare the two marked stocktakes, or the highlighted one with the one before."""
        by_id = {s.id: s for s in self.items}
        pair = [by_id[i] for i in self.marked if i in by_id]
        current = self._highlighted()
        if len(pair) < 2 and current is not None:
            if pair and pair[0].id != current.id:
                pair = [pair[0], current]
            else:
                index = self.items.index(current)
                if index + 1 >= len(self.items):
                    self.notify(_("This is the oldest stocktake: mark two with space to compare."))
                    return
                pair = [current, self.items[index + 1]]
        if len(pair) < 2:
            return
        from coprod_tui.stocktake.compare_screen import StocktakeCompareScreen

        self.app.push_screen(StocktakeCompareScreen(compare(*pair), self.statements))

    def action_trend(self) -> None:
        """Show the trend over every stocktake."""
        result = trend(self.items)
        if result is None:
            self.notify(_("The trend needs three or more stocktakes."))
            return
        from coprod_tui.stocktake.compare_screen import StocktakeTrendScreen

        self.app.push_screen(StocktakeTrendScreen(result, self.statements))

    def action_delete(self) -> None:
        """Delete the highlighted stocktake for good, after asking."""
        chosen = self._highlighted()
        if chosen is None:
            return

        def delete() -> None:
            if self.attempt(lambda: stocktakes.delete_for_good(self.app.store, chosen.id)):
                self.items = [s for s in self.items if s.id != chosen.id]
                self.marked = [i for i in self.marked if i != chosen.id]
                self.notify(_("Stocktake deleted."))
                self._fill()

        ask_delete_for_good(self, _("this stocktake"), history_line(chosen), delete)

    def action_share(self) -> None:
        """Share the highlighted stocktake to a file for a team view."""
        from coprod_tui.stocktake.team_screen import ShareDialog

        chosen = self._highlighted()
        if chosen is not None:
            self.app.push_screen(ShareDialog(chosen, self.statements), self._shared)

    def _shared(self, path: object) -> None:
        if path is not None:
            self.notify(_("Shared to {path}: scores only, no name or journal.").format(
                path=path), markup=False)

    def action_back(self) -> None:
        """Back to the stocktake area."""
        self.app.pop_screen()
