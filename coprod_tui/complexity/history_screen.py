"""Past complexity practice rounds: date and score, and each round's answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.complexity import records as cx
from coprod_tui.complexity.rules import DOMAINS
from coprod_tui.complexity.scenarios import ScenarioError
from coprod_tui.core.clock import local_display
from coprod_tui.core.store.repository import Store
from coprod_tui.core.ui.screens import CoprodDialog, screen_css
from coprod_tui.i18n import _


def round_details(doc: dict[str, Any], titles: Mapping[str, str] | None = None) -> str:
    """Each scenario of a round, right or wrong, in words. ``titles`` gives the
    scenarios' titles in the interface language by id; a scenario not among
    them shows the title the round kept."""
    lines = []
    for item in doc.get("attempts", []):
        mark = _("[right]") if item.get("correct") else _("[wrong]")
        chosen = _(DOMAINS.get(item.get("chosen", ""), DOMAINS["confusion"]).label)
        expected = _(DOMAINS.get(item.get("expected", ""), DOMAINS["confusion"]).label)
        lines.append(_("{mark} {title}: you said {chosen}, expected {expected}").format(
            mark=mark, title=(titles or {}).get(str(item.get("scenario")))
            or item.get("title", item.get("scenario", "")), chosen=chosen,
            expected=expected))
    return "\n".join(lines)


class PracticeHistoryScreen(CoprodDialog[None]):
    """A dialog listing past rounds, newest first; closes with ``b`` or Escape."""

    CSS = screen_css(__file__, "complexity.tcss")

    def __init__(self) -> None:
        super().__init__()
        self.rounds: dict[str, dict[str, Any]] = {}
        self.titles: dict[str, str] = {}
        self.loaded = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="complexity-history-dialog"):
            yield Static(_("Complexity practice: your rounds"), classes="dialog-title")
            yield OptionList(id="rounds")
            yield Static("", id="round-details", markup=False)
            yield Static(_("arrows: see a round    b or Esc: close"), classes="dialog-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#rounds", OptionList).focus()
        self.load()

    def load(self) -> None:
        """Read the rounds, and the scenarios' titles in the interface language, off
        the UI thread."""
        content_dirs = self.app.content_dirs

        def read(store: Store) -> tuple[list[dict[str, Any]], dict[str, str]]:
            try:
                titles = {s.id: s.title for s in cx.load_scenarios(content_dirs)}
            except ScenarioError:
                titles = {}  # broken scenarios: the titles the rounds kept
            return cx.rounds(store), titles

        self.run_loading(read, self._loaded, group="complexity-history")

    def _loaded(self, found: tuple[list[dict[str, Any]], dict[str, str]]) -> None:
        docs, self.titles = found
        self._show(docs)

    def _show(self, docs: list[dict[str, Any]]) -> None:
        options = self.query_one("#rounds", OptionList)
        self.rounds = {doc["id"]: doc for doc in docs}
        options.clear_options()
        if not docs:
            options.add_option(Option(_("No rounds yet: press p on the complexity screen."),
                                      id="none", disabled=True))
        for doc in docs:
            options.add_option(Option(
                f"{local_display(doc.get('date', ''))}   "
                + _("{right} of {total}").format(right=doc.get("score", 0),
                                                 total=doc.get("total", 0)),
                id=doc["id"],
            ))
        if docs:
            options.highlighted = 0
        self.loaded = True

    @on(OptionList.OptionHighlighted, "#rounds")
    def _details(self, event: OptionList.OptionHighlighted) -> None:
        doc = self.rounds.get(event.option.id or "")
        self.query_one("#round-details", Static).update(
            round_details(doc, self.titles) if doc else "")

    def action_back(self) -> None:
        """Close."""
        self.dismiss(None)
