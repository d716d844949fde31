"""Place your own activity: title and description, then one question a page
(are citizens involved; who holds the knowledge, decides, acts; an optional
refining question), then the result.

Other areas start here with the ``PlaceOnSpectrum(title, description, link)`` jump,
which opens :meth:`PlaceActivityScreen.prefilled`.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.ui.quiet import QuietInput, QuietTextArea
from coprod_tui.core.ui.screens import CoprodScreen, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.journal.entry import Link
from coprod_tui.spectrum.result_screen import SpectrumResultScreen
from coprod_tui.spectrum.rules import (
    CITIZENS_HELP,
    CITIZENS_PROMPT,
    HOLDER_LABELS,
    HOLDERS,
    QUESTIONS,
    REFINING,
    SpectrumAnswers,
    approach,
    base_approach,
    place,
)

DRAFT_KEY = "spectrum:place"
SKIP = "skip"

HELP = N_("""\
## Place your own activity

Give the activity a title (and, if you like, a description), then press
`ctrl+n` for the questions. Answer each with its number, or the arrows and
Enter; `b` goes back a question. The refining question is optional: choose
"Not sure" to skip it. Unsaved text is kept as a draft if you leave.
""")


@dataclass(frozen=True)
class Step:
    """One question page: its id, prompt, help and (value, label) choices."""

    id: str
    prompt: str
    help: str
    choices: tuple[tuple[str, str], ...]


def _steps(answers: dict[str, str]) -> list[Step]:
    """The questions still in play, given the answers so far."""
    steps = [Step("citizens", _(CITIZENS_PROMPT), _(CITIZENS_HELP),
                  (("yes", _("Yes, they are involved")), ("no", _("No, only organisations or teams"))))]
    if answers.get("citizens") == "no":
        return steps
    for q in QUESTIONS:
        steps.append(Step(q.id, _(q.prompt), _(q.help),
                          tuple((h, _(HOLDER_LABELS[h]).capitalize()) for h in HOLDERS)))
    if all(q.id in answers for q in QUESTIONS):
        base = base_approach(_answers(answers))
        refining = REFINING.get(base.group)
        if refining is not None:
            steps.append(Step(
                "refine", _(refining.prompt),
                _("Optional: it chooses between {names}.").format(
                    names=", ".join(_(approach(o.approach).name) for o in refining.options)),
                tuple((o.id, _(o.label)) for o in refining.options) + ((SKIP, _("Not sure: skip")),),
            ))
    return steps


def _answers(values: dict[str, str]) -> SpectrumAnswers:
    citizens = values.get("citizens") != "no"
    refine = values.get("refine")
    return SpectrumAnswers(
        knowledge=values.get("knowledge") if citizens else None,
        decisions=values.get("decisions") if citizens else None,
        acts=values.get("acts") if citizens else None,
        citizens=citizens,
        refine=None if refine in (None, SKIP) else refine,
    )


class PlaceActivityScreen(CoprodScreen[None]):
    """A small wizard placing one activity on the spectrum."""

    HELP = HELP
    CSS = screen_css(__file__, "place_screen.tcss")
    BINDINGS = [
        Binding("ctrl+n", "next", N_("Next: questions"), id="spectrum-place-next",
                tooltip=N_("Go on to the questions")),
    ] + [
        Binding(str(n), f"answer_number({n})", N_("Answer"), show=False,
                id=f"spectrum-place-{n}")
        for n in range(1, 5)
    ]

    def __init__(self, title: str = "", description: str = "", link: Link | None = None,
                 *, use_draft: bool = True) -> None:
        super().__init__()
        self.initial_title = title
        self.initial_description = description
        self.link = link
        self.use_draft = use_draft
        self.values: dict[str, str] = {}
        self.step_index = -1  # -1: the title and description page
        self.saved_text: tuple[str, str] | None = None  # what the last save held

    @classmethod
    def prefilled(cls, title: str, description: str, link: Link | None = None
                  ) -> PlaceActivityScreen:
        """A placement started from another area, its text filled in and linked back."""
        return cls(title, description, link, use_draft=False)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with ContentSwitcher(initial="place-details", id="place-switcher"):
            with VerticalScroll(id="place-details"):
                yield Static(_("Place your own activity on the spectrum"),
                             classes="screen-title")
                yield Static(_("Title"), classes="field-label")
                yield QuietInput(self.initial_title, placeholder=_("e.g. Carers' survey"),
                                 id="title")
                yield Static(_("Description (optional)"), classes="field-label")
                yield QuietTextArea(self.initial_description, id="description")
                yield Static(_("ctrl+n: on to the questions    Tab: next field"),
                             classes="place-hint")
            with Vertical(id="place-question"):
                yield Static("", id="question-progress")
                yield Static("", id="question-prompt")
                yield Static("", id="question-help")
                yield OptionList(id="question-choices")
                yield Static(_("A number or Enter answers    b or Esc: back a question"),
                             classes="place-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.app.draft_sources.add(self)
        if self.use_draft and not (self.initial_title or self.initial_description):
            self._restore_draft()
        self.query_one("#title", QuietInput).focus()

    def _restore_draft(self) -> None:
        try:
            draft = self.app.store.load_draft(DRAFT_KEY)
        except CoprodError:
            return
        if draft and (draft.get("title") or draft.get("description")):
            self.query_one("#title", QuietInput).value = str(draft.get("title", ""))
            self.query_one("#description", QuietTextArea).text = str(
                draft.get("description", ""))
            self.notify(_("Your unsaved activity was restored."))

    # -- drafts ----------------------------------------------------------------------
    @property
    def activity_title(self) -> str:
        """The title as typed."""
        return self.query_one("#title", QuietInput).value.strip()

    @property
    def description(self) -> str:
        """The description as typed."""
        return self.query_one("#description", QuietTextArea).text.strip()

    def save_draft(self) -> None:
        """Keep the title and description if the app quits or the line drops."""
        typed = (self.activity_title, self.description)
        if any(typed) and typed != self.saved_text:
            self.app.store.save_draft(DRAFT_KEY, {
                "title": self.activity_title, "description": self.description,
            })

    # -- steps -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer Next on the first page, answering and Back on the questions."""
        if action == "next":
            return self.step_index < 0
        if action == "answer_number":
            return self.step_index >= 0
        return True

    def _show_step(self, index: int) -> None:
        steps = _steps(self.values)
        self.step_index = index
        switcher = self.query_one("#place-switcher", ContentSwitcher)
        if index < 0:
            switcher.current = "place-details"
            self.query_one("#title", QuietInput).focus()
            self.refresh_bindings()
            return
        step = steps[index]
        switcher.current = "place-question"
        # The count never grows: the optional refining question is not counted,
        # and answering "no" to the first question just ends sooner.
        if step.id == "refine":
            count = _("One more question, optional")
        else:
            count = _("Question {number} of {total}").format(number=index + 1,
                                                             total=1 + len(QUESTIONS))
        self.query_one("#question-progress", Static).update(Content.assemble(
            _("Placing: "), literal(self.activity_title), "\n", count))
        self.query_one("#question-prompt", Static).update(Content(step.prompt))
        self.query_one("#question-help", Static).update(Content(step.help))
        options = self.query_one("#question-choices", OptionList)
        options.clear_options()
        current = self.values.get(step.id)
        options.add_options(
            Option(Content(f"{n}  {label}" + ("   " + _("(your answer)") if value == current else "")),
                   id=value)
            for n, (value, label) in enumerate(step.choices, start=1)
        )
        options.highlighted = 0
        options.focus()
        self.refresh_bindings()

    def action_next(self) -> None:
        """From the title page to the first question."""
        if not self.activity_title:
            self.notify(_("Give the activity a title first."), severity="warning")
            self.query_one("#title", QuietInput).focus()
            return
        self._show_step(0)

    @on(QuietInput.Submitted, "#title")
    def _title_submitted(self) -> None:
        self.query_one("#description", QuietTextArea).focus()

    def action_back(self) -> None:
        """Back one question (or to the title page); from there leave, text kept as a draft."""
        if self.step_index >= 0:
            self._show_step(self.step_index - 1)
        elif self.attempt(self.save_draft):
            self.leave()

    def action_answer_number(self, number: int) -> None:
        """Answer with the numbered choice."""
        steps = _steps(self.values)
        if 0 <= self.step_index < len(steps):
            choices = steps[self.step_index].choices
            if 1 <= number <= len(choices):
                self.answer(choices[number - 1][0])

    @on(OptionList.OptionSelected, "#question-choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.answer(event.option.id)

    def answer(self, value: str) -> None:
        """Record the answer to the current question and move on."""
        steps = _steps(self.values)
        step = steps[self.step_index]
        if self.values.get(step.id) != value:
            self.values[step.id] = value
            # A changed answer can change which questions follow.
            if step.id != "refine":
                self.values.pop("refine", None)
        steps = _steps(self.values)
        if self.step_index + 1 < len(steps):
            self._show_step(self.step_index + 1)
        else:
            self.show_result()

    def show_result(self) -> None:
        """Place the activity and open the result."""
        result = place(_answers(self.values))
        self.app.push_screen(
            SpectrumResultScreen(self.activity_title, self.description, result, self.link,
                                 on_saved=self._saved),
            self._result_closed,
        )

    def _saved(self, record_id: str) -> None:
        self.saved_text = (self.activity_title, self.description)

    def _result_closed(self, outcome: str | None) -> None:
        if outcome == "done":
            self.app.draft_sources.discard(self)
            self.dismiss(None)
