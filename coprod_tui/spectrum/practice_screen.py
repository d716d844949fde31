"""Practise: place a round of scenarios, get feedback on each, keep the score."""

from __future__ import annotations

import random

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.ui.screens import CoprodScreen, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.spectrum import records
from coprod_tui.spectrum.rules import APPROACHES, approach, path_text
from coprod_tui.spectrum.scenario_content import load_scenarios
from coprod_tui.spectrum.scenarios import Attempt, Scenario, pick_round, score

HELP = N_("""\
## Practise on scenarios

Read each situation and choose where it sits: press the place's number (or
arrows and Enter). Feedback shows the right place, why, and how the three
questions lead there; `n` moves on. At the end the round's score is kept with
its date (see the practice history). Trainers can add scenarios in
`spectrum_scenarios.json` in a content pack.
""")

ASK, FEEDBACK, FINISHED = "ask", "feedback", "finished"


def _choice_label(number: int, approach_id: str) -> Content:
    ap = approach(approach_id)
    name, group = _(ap.name), _(ap.group_label)
    return Content(f"{number}  {name} ({group})")


class PracticeScreen(CoprodScreen[None]):
    """One practice round: ask, feedback, ask... then the score."""

    HELP = HELP
    CSS = screen_css(__file__, "practice_screen.tcss")
    BINDINGS = [
        Binding("n", "next", N_("Next scenario"), id="spectrum-practice-next"),
        Binding("p", "again", N_("Practise again"), id="spectrum-practice-again"),
    ] + [
        Binding(str(n), f"choose_number({n})", N_("Choose"), show=False,
                id=f"spectrum-practice-{n}")
        for n in range(1, len(APPROACHES) + 1)
    ]

    def __init__(self, rng: random.Random | None = None) -> None:
        super().__init__()
        self.rng = rng or random.Random()
        self.round: list[Scenario] = []
        self.index = 0
        self.attempts: list[Attempt] = []
        self.phase = ASK
        self.saved = False

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="practice-body"):
            yield Static("", id="practice-progress")
            yield Static("", id="practice-title")
            yield Static("", id="practice-text")
            yield OptionList(
                *(Option(_choice_label(n, a.id), id=a.id)
                  for n, a in enumerate(APPROACHES, start=1)),
                id="practice-choices",
            )
            yield Static(_("Where does it sit? Press its number, or arrows and Enter."),
                         id="practice-hint")
            yield Static("", id="practice-feedback")
        yield Footer()

    def on_mount(self) -> None:
        self.start_round()

    @property
    def current(self) -> Scenario | None:
        """The scenario being placed, or ``None`` when the round is over."""
        return self.round[self.index] if self.index < len(self.round) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that make sense in this phase."""
        if action == "choose_number":
            return self.phase == ASK
        if action == "next":
            return self.phase == FEEDBACK
        if action == "again":
            return self.phase == FINISHED
        return True

    def start_round(self) -> None:
        """Pick a new round of scenarios and ask the first."""
        try:
            scenarios = load_scenarios(self.app.content_dirs)
        except CoprodError as error:
            self.phase = FINISHED
            self.query_one("#practice-choices").display = False
            self.query_one("#practice-hint").display = False
            self.query_one("#practice-text", Static).update(literal(error.message))
            self.notify(error.message, severity="error", timeout=15)
            self.refresh_bindings()
            return
        self.round = pick_round(scenarios, rng=self.rng)
        self.index = 0
        self.attempts = []
        self.saved = False
        self.ask()

    def ask(self) -> None:
        """Show the current scenario and the places to choose from."""
        scenario = self.current
        assert scenario is not None
        self.phase = ASK
        self._show_progress()
        self.query_one("#practice-title", Static).update(literal(scenario.title))
        self.query_one("#practice-text", Static).update(literal(scenario.text))
        # Hidden while asking: its empty top line would push the hint out of sight
        # below a long scenario at 24 lines.
        feedback = self.query_one("#practice-feedback", Static)
        feedback.update("")
        feedback.display = False
        choices = self.query_one("#practice-choices", OptionList)
        choices.display = True
        self.query_one("#practice-hint").display = True
        choices.highlighted = 0
        choices.focus()
        self.query_one("#practice-body", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def _show_progress(self) -> None:
        """The scenario's number and the score so far (counting any answer just given)."""
        self.query_one("#practice-progress", Static).update(Content(
            _("Scenario {number} of {total}   right so far: {right} of {answered}").format(
                number=self.index + 1, total=len(self.round), right=score(self.attempts),
                answered=len(self.attempts))))

    @on(OptionList.OptionSelected, "#practice-choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and self.phase == ASK:
            self.choose(event.option.id)

    def action_choose_number(self, number: int) -> None:
        """Choose the numbered place."""
        if self.phase == ASK and 1 <= number <= len(APPROACHES):
            self.choose(APPROACHES[number - 1].id)

    def choose(self, place_id: str) -> None:
        """Record the choice and show the feedback."""
        scenario = self.current
        assert scenario is not None
        attempt = Attempt(scenario.id, place_id, scenario.place)
        self.attempts.append(attempt)
        self.phase = FEEDBACK
        self._show_progress()
        right = approach(scenario.place)
        chosen = approach(place_id)
        verdict = (_("Right.") if attempt.correct else
                   _("Not quite: you chose {name}.").format(name=_(chosen.name)))
        text = "\n\n".join([
            verdict,
            _("The place: {name} ({group}).").format(name=_(right.name),
                                                     group=_(right.group_label)),
            _("Why: ") + scenario.explanation,
            _("How the three questions lead there:") + "\n" + path_text(scenario.answers),
            _("Press n for the next scenario.") if self.index + 1 < len(self.round)
            else _("Press n to see your score."),
        ])
        self.query_one("#practice-choices").display = False
        self.query_one("#practice-hint").display = False
        feedback = self.query_one("#practice-feedback", Static)
        feedback.update(literal(text))
        feedback.display = True
        self.query_one("#practice-body", VerticalScroll).focus()
        self.refresh_bindings()

    def action_next(self) -> None:
        """On to the next scenario, or finish the round."""
        if self.phase != FEEDBACK:
            return
        self.index += 1
        if self.current is not None:
            self.ask()
        else:
            self.finish()

    def finish(self) -> None:
        """Keep the round's score and show it."""
        self.phase = FINISHED
        got, total = score(self.attempts), len(self.attempts)
        message = _("Your score is kept in the practice history.")
        try:
            records.save_round(self.app.store, self.attempts)
            self.saved = True
        except CoprodError as error:
            message = _("The score could not be saved: {reason}").format(reason=error.message)
            self.notify(error.message, severity="error", timeout=10)
        self.query_one("#practice-progress", Static).update(Content(_("Round finished")))
        self.query_one("#practice-title", Static).update(
            Content(_("You placed {right} of {total} scenarios right.").format(right=got,
                                                                               total=total)))
        self.query_one("#practice-text", Static).update(Content(
            message + "\n\n" + _("Press p to practise again or b to go back.")))
        feedback = self.query_one("#practice-feedback", Static)
        feedback.update(literal(self.review()))
        feedback.display = True
        self.query_one("#practice-body", VerticalScroll).focus()
        self.refresh_bindings()

    def review(self) -> str:
        """What was missed in the round: each scenario, the place chosen and the
        right place with why (or that nothing was missed)."""
        scenarios = {s.id: s for s in self.round}
        missed = [a for a in self.attempts if not a.correct]
        if not missed:
            return _("Nothing missed: every scenario was placed right.")
        lines = [_("To look at again ({count}):").format(count=len(missed))]
        for attempt in missed:
            scenario = scenarios.get(attempt.scenario)
            title = scenario.title if scenario else attempt.scenario
            lines += ["", f"- {title}",
                      "  " + _("You chose: {chosen}. The place: {expected}.").format(
                          chosen=_(approach(attempt.chosen).name),
                          expected=_(approach(attempt.expected).name))]
            if scenario is not None:
                lines.append("  " + _("Why: ") + scenario.explanation)
        return "\n".join(lines)

    def action_again(self) -> None:
        """A new round."""
        if self.phase == FINISHED:
            self.query_one("#practice-choices").display = True
            self.start_round()

    def action_back(self) -> None:
        """Back to the spectrum menu (a round left unfinished is not scored)."""
        self.dismiss(None)
