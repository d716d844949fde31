"""The spectrum of engagement area: place your own activity, practise on
scenarios, see saved placements and past practice rounds.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.clock import local_display
from coprod_tui.core.text import one_line
from coprod_tui.core.ui.choice import ask_delete_for_good
from coprod_tui.core.ui.screens import AreaScreen, CoprodScreen, screen_css
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.journal.entry import Link
from coprod_tui.spectrum import records
from coprod_tui.spectrum.place_screen import PlaceActivityScreen
from coprod_tui.spectrum.practice_screen import PracticeScreen
from coprod_tui.spectrum.result_screen import SpectrumResultScreen

INTRO = N_(
    "The spectrum of engagement runs from doing to (coercion or protection, "
    "education or persuasion) through doing for (information, consultation, "
    "participation) to doing with (co-production). Three questions tell them "
    "apart: who holds the knowledge, who makes the decisions, who acts on them. "
    "Answers that fit no single group are shown as lying between two. "
    "It is levels, not steps: each can be right for its situation."
)

HELP = N_("""\
## Spectrum of engagement

- `a` place one of your own activities: answer the questions, see where it
  sits, save it and reflect on it in your journal.
- `p` practise on scenarios from health and care with carers; each round is scored.
- `s` saved placements (Enter reopens one); `r` your practice rounds.

Off the line sit community-led action (people deciding and acting without the
organisation) and collaboration (organisations with organisations, no citizens
at the table): both valuable, neither co-production. Answers that fit no row of
the toolkit's table are named as lying between two places, with what each
answer matches and what would move it towards doing with. For a plain version run
`coprod spectrum --help`.
""")

MENU = (
    ("place", "a", N_("Place your own activity")),
    ("practise", "p", N_("Practise on scenarios")),
    ("saved", "s", N_("Saved placements")),
    ("history", "r", N_("Practice history")),
)


class SpectrumScreen(AreaScreen):
    """The area's menu, with the latest placement and last score."""

    HELP = HELP
    CSS = screen_css(__file__, "area_screen.tcss")
    BINDINGS = [
        Binding("a", "place", N_("Place activity"), id="spectrum-place",
                tooltip=N_("Place one of your own activities on the spectrum")),
        Binding("p", "practise", N_("Practise"), id="spectrum-practise",
                tooltip=N_("Practise on scenarios")),
        Binding("s", "saved", N_("Saved"), id="spectrum-saved", tooltip=N_("Saved placements")),
        Binding("r", "history", N_("History"), id="spectrum-history",
                tooltip=N_("Past practice rounds and scores")),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Spectrum of engagement"), classes="screen-title")
        yield Static(_(INTRO), id="spectrum-intro", markup=False)
        yield OptionList(
            *(Option(Content.assemble((f" {key} ", "bold reverse"), "  ", _(label)), id=mid)
              for mid, key, label in MENU),
            id="spectrum-menu",
        )
        yield Static("", id="spectrum-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        menu = self.query_one("#spectrum-menu", OptionList)
        menu.highlighted = 0
        menu.focus()
        self.refresh_status()

    def on_screen_resume(self) -> None:
        self.refresh_status()

    def refresh_status(self) -> None:
        """Show the latest placement and last practice score."""
        if not self.app.store_ready:
            return
        try:
            text = records.summary(self.app.store)
        except CoprodError as error:
            text = error.message
        self.query_one("#spectrum-status", Static).update(text)

    @on(OptionList.OptionSelected, "#spectrum-menu")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            getattr(self, f"action_{event.option.id}")()

    def action_place(self) -> None:
        """Place your own activity."""
        self.app.push_screen(PlaceActivityScreen())

    def action_practise(self) -> None:
        """Start a practice round."""
        self.app.push_screen(PracticeScreen())

    def action_saved(self) -> None:
        """List saved placements."""
        self.app.push_screen(SavedPlacementsScreen())

    def action_history(self) -> None:
        """List past practice rounds."""
        self.app.push_screen(PracticeHistoryScreen())


class _ListScreen(CoprodScreen[None]):
    """A titled list of records with an empty message; ``b`` goes back."""

    CSS = screen_css(__file__, "area_screen.tcss")
    TITLE_TEXT = ""
    EMPTY_TEXT = ""
    LIST_ID = ""

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_(self.TITLE_TEXT), classes="screen-title")
        yield Static(_(self.EMPTY_TEXT), classes="list-empty", markup=False)
        yield OptionList(id=self.LIST_ID, classes="record-list")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_rows()

    def on_screen_resume(self) -> None:
        self.refresh_rows()

    def rows(self) -> list[tuple[str, Content]]:
        """(id, prompt) for each record."""
        raise NotImplementedError

    def refresh_rows(self) -> None:
        """Reload the list from the store."""
        rows = self.read_now(self.rows) or []
        options = self.query_one(f"#{self.LIST_ID}", OptionList)
        options.clear_options()
        options.add_options(Option(prompt, id=rid) for rid, prompt in rows)
        self.query_one(".list-empty", Static).display = not rows
        options.display = bool(rows)
        if rows:
            options.highlighted = 0
            options.focus()

    def action_back(self) -> None:
        """Back to the spectrum menu."""
        self.dismiss(None)


class SavedPlacementsScreen(_ListScreen):
    """Saved placements, newest first; Enter reopens one."""

    HELP = N_("## Saved placements\n\nEnter reopens a placement's result; `x` deletes it for "
              "good (asks first; it also goes from coprod's backups); `b` goes back.")
    TITLE_TEXT = N_("Saved placements")
    EMPTY_TEXT = N_("No saved placements yet. Press b, then a to place an activity.")
    LIST_ID = "saved-placements"
    BINDINGS = [
        Binding("enter", "open", N_("Open"), id="spectrum-saved-open"),
        Binding("x", "delete", N_("Delete"), id="spectrum-saved-delete",
                tooltip=N_("Delete the highlighted placement for good (asks first)")),
    ]

    def action_delete(self) -> None:
        """Delete the highlighted placement for good, after asking."""
        option = self.query_one("#saved-placements", OptionList).highlighted_option
        if option is None or not option.id:
            return
        record_id = option.id

        def delete() -> None:
            if self.attempt(lambda: records.delete_placement(self.app.store, record_id)):
                self.notify(_("Placement deleted."))
                self.refresh_rows()

        ask_delete_for_good(self, _("this placement"), str(option.prompt), delete)

    def rows(self) -> list[tuple[str, Content]]:
        """One row a placement: date, title, place."""
        self.docs: dict[str, dict[str, Any]] = {}
        rows = []
        untitled = _("(untitled)")
        for doc in records.placements(self.app.store):
            self.docs[doc["id"]] = doc
            rows.append((doc["id"], Content(
                f"{local_display(doc.get('created', ''))}  "
                f"{one_line(doc.get('title', '') or untitled, 34)}  "
                f"-> {_(records.place_name(doc))}"
            )))
        return rows

    def action_open(self) -> None:
        """Reopen the highlighted placement."""
        option = self.query_one("#saved-placements", OptionList).highlighted_option
        if option is not None and option.id:
            self.open(option.id)

    @on(OptionList.OptionSelected, "#saved-placements")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.open(event.option.id)

    def open(self, record_id: str) -> None:
        """Show a saved placement's result."""
        doc = self.docs.get(record_id)
        if doc is None:
            return
        try:
            result = records.result_of(doc)
        except ValueError as error:
            self.notify(_("This placement cannot be shown: {error}").format(error=error),
                        severity="error")
            return
        link = Link(**doc["link"]) if isinstance(doc.get("link"), dict) else None
        self.app.push_screen(SpectrumResultScreen(
            doc.get("title", ""), doc.get("description", ""), result, link, doc["id"]))


class PracticeHistoryScreen(_ListScreen):
    """Past practice rounds with their date and score, newest first."""

    HELP = N_("## Practice history\n\nEach finished round with its date and score.")
    TITLE_TEXT = N_("Practice history")
    EMPTY_TEXT = N_("No practice rounds yet. Press b, then p to practise.")
    LIST_ID = "practice-history"

    def rows(self) -> list[tuple[str, Content]]:
        """One row a round: date and score."""
        return [
            (doc["id"], Content(
                f"{local_display(doc.get('date', ''))}   "
                + _("{right} of {total} right").format(right=doc.get("score", 0),
                                                       total=doc.get("total", 0))))
            for doc in records.rounds(self.app.store)
        ]
