"""Practise the complexity exercise: place scenarios, get feedback and a score."""

from __future__ import annotations

import random
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.complexity import records as cx
from coprod_tui.complexity.rules import ANSWER_LABELS, DOMAIN_IDS, DOMAINS, QUESTIONS
from coprod_tui.complexity.scenarios import Scenario
from coprod_tui.core.ui.screens import CoprodScreen, screen_css
from coprod_tui.i18n import N_, _

ROUND_SIZE = 5

HELP = N_("""\
## Practise

Read each scenario and choose where it sits: press `1` to `5`, or move with the
arrows and press Enter. Feedback shows the expected result, why, how the five
questions lead there and where reasonable people differ. The short phrases
after each name (such as probe, sense, respond) are Cynefin's, not the
toolkit's; the feedback says each in plain words. A reasonable other
view also scores. `n` goes to the next scenario. At the end your score is kept
with the date; `a` starts another round, `y` shows your history.
""")


def feedback_text(scenario: Scenario, chosen: str) -> str:
    """What the user sees after placing ``scenario`` as ``chosen``."""
    expected = _(DOMAINS[scenario.expected].label)
    mine = _(DOMAINS[chosen].label)
    if chosen == scenario.expected:
        head = _("RIGHT: {expected}.").format(expected=expected)
    elif scenario.accepts(chosen):
        head = _("A REASONABLE VIEW: you chose {mine}; the expected answer is "
                 "{expected}.").format(mine=mine, expected=expected)
    else:
        head = _("NOT QUITE: you chose {mine}; the expected answer is {expected}.").format(
            mine=mine, expected=expected)
    info = DOMAINS[scenario.expected]
    lines = [head, f"{expected}: {_(info.verbs)}. {_(info.verbs_gloss)}", "",
             scenario.explanation, "", _("How the five questions lead there:")]
    labels = {answer: _(label) for answer, label in ANSWER_LABELS.items()}
    column = max(len(label) for label in labels.values()) + 1
    for q in QUESTIONS:
        lines.append(f"  {labels[scenario.answers[q.id]]:<{column}} {_(q.text)}")
    if scenario.differ:
        lines += ["", _("Where people differ: {text}").format(text=scenario.differ)]
    return "\n".join(lines)


class PracticeScreen(CoprodScreen[None]):
    """A round of scenarios, one at a time, with feedback."""

    CSS = screen_css(__file__, "complexity.tcss")

    HELP = HELP
    BINDINGS = [
        *(Binding(str(n), f"choose({n})", N_("Choose"), show=False, id=f"complexity-choose-{n}")
          for n in range(1, len(DOMAIN_IDS) + 1)),
        Binding("n", "next", N_("Next"), id="complexity-next", tooltip=N_("The next scenario")),
        Binding("a", "again", N_("Another round"), id="complexity-again"),
        Binding("y", "history", N_("History"), id="complexity-practice-history"),
    ]

    def __init__(self, scenarios: list[Scenario], size: int = ROUND_SIZE) -> None:
        super().__init__()
        self.all_scenarios = scenarios
        self.round_size = size
        self.round: list[Scenario] = []
        self.index = 0
        self.items: list[dict[str, Any]] = []
        self.answered = False
        self.finished = False
        self.saved_round: dict[str, Any] | None = None

    @property
    def scenario(self) -> Scenario | None:
        """The scenario on screen."""
        return self.round[self.index] if self.index < len(self.round) else None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="practice-progress", classes="screen-title", markup=False)
        with VerticalScroll(id="practice-body"):
            yield Static("", id="practice-scenario", markup=False)
            yield Static("", id="practice-feedback", markup=False)
        yield OptionList(
            *(Option(f"{n}  {_(DOMAINS[d].label)}: {_(DOMAINS[d].verbs)}", id=d)
              for n, d in enumerate(DOMAIN_IDS, start=1)),
            id="practice-choices",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.start_round()

    def start_round(self) -> None:
        """Pick scenarios at random and show the first."""
        count = min(self.round_size, len(self.all_scenarios))
        self.round = random.sample(self.all_scenarios, count)
        self.index, self.items = 0, []
        self.finished, self.saved_round = False, None
        self._show()

    def _show(self) -> None:
        scenario = self.scenario
        choices = self.query_one("#practice-choices", OptionList)
        feedback = self.query_one("#practice-feedback", Static)
        score = sum(1 for item in self.items if item["correct"])
        if scenario is None:
            self.query_one("#practice-progress", Static).update(
                _("Round finished: {right} of {total}").format(right=score, total=len(self.items)))
            self.query_one("#practice-scenario", Static).update(self._summary())
            feedback.update("")
            choices.display = False
            self.query_one("#practice-body").focus()
        else:
            self.query_one("#practice-progress", Static).update(
                _("Scenario {number} of {total}   score so far: {right}").format(
                    number=self.index + 1, total=len(self.round), right=score))
            self.query_one("#practice-scenario", Static).update(
                f"{scenario.title}\n\n{scenario.text}\n\n"
                + _("Where does it sit? (1-5 or Enter)"))
            feedback.update("")
            choices.display = True
            choices.highlighted = 0
            choices.focus()
        self.query_one("#practice-body", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def _summary(self) -> str:
        lines = [_("Your answers:")]
        titles = {scenario.id: scenario.title for scenario in self.round}
        for item in self.items:
            mark = _("[right]") if item["correct"] else _("[wrong]")
            lines.append("  " + _("{mark} {title}: you said {chosen}, expected {expected}").format(
                mark=mark, title=titles.get(item["scenario"], item["title"]),
                chosen=_(DOMAINS[item["chosen"]].label),
                expected=_(DOMAINS[item["expected"]].label)))
        lines += ["", _("a: another round   y: history   b: back to your challenges")]
        return "\n".join(lines)

    def choose(self, domain: str) -> None:
        """Place the current scenario in ``domain`` and show feedback."""
        scenario = self.scenario
        if scenario is None or self.answered or domain not in DOMAINS:
            return
        self.answered = True
        self.items.append({
            "scenario": scenario.id, "title": scenario.saved_title, "chosen": domain,
            "expected": scenario.expected, "correct": scenario.accepts(domain),
        })
        self.query_one("#practice-feedback", Static).update(
            "\n" + feedback_text(scenario, domain) + "\n\n" + _("n: next"))
        self.query_one("#practice-choices", OptionList).display = False
        body = self.query_one("#practice-body", VerticalScroll)
        body.focus()
        self.refresh_bindings()

    def action_choose(self, number: int) -> None:
        """Choose by number (1 simple ... 5 not clear yet)."""
        if 1 <= number <= len(DOMAIN_IDS):
            self.choose(DOMAIN_IDS[number - 1])

    @on(OptionList.OptionSelected, "#practice-choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.choose(event.option.id)

    def action_next(self) -> None:
        """The next scenario, or the end of the round."""
        if not self.answered:
            return
        self.answered = False
        self.index += 1
        if self.scenario is None:
            self.finished = True
            self._save_round(list(self.items))
        self._show()

    def _save_round(self, items: list[dict[str, Any]]) -> None:
        self.run_loading(lambda store: cx.save_round(store, items),
                         lambda saved: setattr(self, "saved_round", saved),
                         group="complexity-round")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys only where they make sense."""
        if action == "choose":
            return not self.answered and not self.finished
        if action == "next":
            return self.answered
        if action == "again":
            return self.finished
        return True

    def action_again(self) -> None:
        """Another round."""
        self.start_round()

    def action_history(self) -> None:
        """Past rounds."""
        from coprod_tui.complexity.history_screen import PracticeHistoryScreen

        self.app.push_screen(PracticeHistoryScreen())

    def action_back(self) -> None:
        """Back to the list (an unfinished round is not kept)."""
        self.dismiss()
