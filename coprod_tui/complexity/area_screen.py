"""The complexity area: your challenges, a new one, practice and its history."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.complexity import records as cx
from coprod_tui.complexity.rules import DOMAINS
from coprod_tui.core.clock import local_display
from coprod_tui.core.text import one_line
from coprod_tui.core.ui.choice import ask_delete_for_good
from coprod_tui.core.ui.screens import AreaScreen, screen_css
from coprod_tui.i18n import N_, _

INTRO = N_(
    "Is your challenge simple (a recipe), complicated (a plan and experts), complex "
    "(people's lives, no recipe) or chaotic (no clear path yet: act first)? "
    "Co-production fits complex "
    "challenges. Answer five questions about one of yours, or practise on scenarios."
)

HELP = N_("""\
## Complexity

From the toolkit: simple challenges follow a recipe (a cake), complicated ones
a plan and experts (a rocket), complex ones are about people's lives with no
definitive recipe (raising a child), and chaotic ones need action before
anyone can see cause and effect (a pandemic emergency). Urgency alone is not
chaos: an urgent task with a known procedure is simple or complicated.
Co-produce for complex challenges; call in specialists for complicated ones.
The short responses such as "probe, sense, respond" (try something small and
safe, see what happens, then respond) come from Cynefin, not the toolkit.

- `n` describes a new challenge; Enter reopens the highlighted one to revise it
  (earlier answers are kept); `x` deletes it for good, after asking (from
  coprod's backups too).
- `p` practises on scenarios; `y` shows your past practice rounds.
- The same questions work without the full-screen app: `coprod complexity --help`.
""")


def _row(doc: dict[str, Any]) -> Content:
    label = _(DOMAINS.get(doc.get("domain", ""), DOMAINS["confusion"]).label)
    when = local_display(doc.get("updated", ""), with_time=False)
    # As wide as the longest result's name in this language, so the titles line up.
    width = max(len(_(d.label)) for d in DOMAINS.values()) + 3
    return Content.assemble(
        (f"[{label}]".ljust(width), "bold"),
        Content(one_line(doc.get("title", ""), 60 - width)), f"  {when}",
    )


class ComplexityScreen(AreaScreen):
    """Saved challenges, with keys for a new one and for practice."""

    CSS = screen_css(__file__, "complexity.tcss")

    HELP = HELP
    BINDINGS = [
        Binding("n", "new", N_("New challenge"), id="complexity-new",
                tooltip=N_("Describe a challenge and answer five questions")),
        Binding("enter", "open", N_("Open"), id="complexity-open", tooltip=N_("Reopen and revise")),
        Binding("p", "practise", N_("Practise"), id="complexity-practise",
                tooltip=N_("Place scenarios and get feedback")),
        Binding("y", "history", N_("History"), id="complexity-history",
                tooltip=N_("Your past practice rounds")),
        # Said in the keys line under the list: the footer has no room at 80 columns.
        Binding("x", "delete", N_("Delete"), id="complexity-delete", show=False,
                tooltip=N_("Delete the highlighted challenge for good (asks first)")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.loaded = False
        self.docs: dict[str, dict[str, Any]] = {}

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Complexity: is this a challenge to co-produce?"), classes="screen-title")
        yield Static(_(INTRO), id="complexity-intro", markup=False)
        yield OptionList(id="challenges")
        yield Static(_("n: new   Enter: open   x: delete   p: practise   y: practice history"),
                     id="complexity-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#challenges", OptionList).focus()
        self.refresh_list()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def on_store_ready(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        """Read the saved challenges off the UI thread."""
        self.run_loading(cx.challenges, self._show, group="complexity-list")

    def _show(self, docs: list[dict[str, Any]]) -> None:
        options = self.query_one("#challenges", OptionList)
        highlighted = options.highlighted
        self.docs = {doc["id"]: doc for doc in docs}
        options.clear_options()
        if docs:
            options.add_options(Option(_row(doc), id=doc["id"]) for doc in docs)
        else:
            options.add_option(Option(_("No challenges yet: press n to describe one."),
                                      id="none", disabled=True))
        if docs:
            options.highlighted = min(highlighted or 0, len(docs) - 1)
        self.loaded = True

    # -- actions ------------------------------------------------------------------
    def action_new(self) -> None:
        """Describe a new challenge."""
        from coprod_tui.complexity.challenge_screen import ChallengeScreen

        self.app.push_screen(ChallengeScreen())

    def open_challenge(self, record_id: str | None) -> None:
        """Reopen a saved challenge."""
        from coprod_tui.complexity.challenge_screen import ChallengeScreen

        doc = self.docs.get(record_id or "")
        if doc is not None:
            self.app.push_screen(ChallengeScreen(doc))

    def action_open(self) -> None:
        """Open the highlighted challenge."""
        option = self.query_one("#challenges", OptionList).highlighted_option
        if option is not None:
            self.open_challenge(option.id)

    @on(OptionList.OptionSelected, "#challenges")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.open_challenge(event.option.id)

    def action_delete(self) -> None:
        """Delete the highlighted challenge for good, after asking."""
        option = self.query_one("#challenges", OptionList).highlighted_option
        if option is None or not option.id or option.id not in self.docs:
            return
        record_id = option.id

        def delete() -> None:
            if self.attempt(lambda: cx.delete_challenge(self.app.store, record_id)):
                self.notify(_("Challenge deleted."))
                self.refresh_list()

        ask_delete_for_good(self, _("this challenge"), str(option.prompt), delete)

    def action_practise(self) -> None:
        """Start a practice round."""
        from coprod_tui.complexity.practice_screen import PracticeScreen

        scenarios = self.read_now(lambda: cx.load_scenarios(self.app.content_dirs))
        if scenarios is not None:
            self.app.push_screen(PracticeScreen(scenarios))

    def action_history(self) -> None:
        """Show past practice rounds."""
        from coprod_tui.complexity.history_screen import PracticeHistoryScreen

        self.app.push_screen(PracticeHistoryScreen())
