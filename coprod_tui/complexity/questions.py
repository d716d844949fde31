"""The five complexity questions as one list: highlight a question, press y, n or u."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from coprod_tui.complexity.rules import ANSWER_LABELS, ANSWERS, NO, QUESTIONS, UNSURE, YES
from coprod_tui.i18n import N_, _


def _prompt(number: int, text: str, answer: str | None) -> Content:
    shown = f"[{_(ANSWER_LABELS[answer])}]" if answer else _("[not answered yet]")
    return Content.assemble(
        (f"{number}. ", "bold"), _(text), "\n   ", _("Answer:"), " ", (shown, "bold"),
    )


class QuestionList(OptionList):
    """Each question with its answer in words; y / n / u answer the highlighted one."""

    BINDINGS = [
        Binding("y", "answer('yes')", N_("Yes"), id="complexity-yes", tooltip=N_("Answer yes")),
        Binding("n", "answer('no')", N_("No"), id="complexity-no", tooltip=N_("Answer no")),
        Binding("u", "answer('unsure')", N_("Unsure"), id="complexity-unsure",
                tooltip=N_("Answer not sure")),
        Binding("enter,space", "cycle", N_("Change answer"), show=False, id="complexity-cycle"),
    ]

    class Answered(Message):
        """An answer changed."""

        def __init__(self, question_id: str, answer: str) -> None:
            super().__init__()
            self.question_id = question_id
            self.answer = answer

    def __init__(self, answers: dict[str, str | None], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.answers: dict[str, str | None] = {q.id: answers.get(q.id) for q in QUESTIONS}

    def on_mount(self) -> None:
        self.load(self.answers)

    def load(self, answers: dict[str, str | None]) -> None:
        """Show these answers (unknown question ids are ignored)."""
        self.answers = {q.id: answers.get(q.id) for q in QUESTIONS}
        self.clear_options()
        self.add_options(
            Option(_prompt(n, q.text, self.answers[q.id]), id=q.id)
            for n, q in enumerate(QUESTIONS, start=1)
        )
        self.highlighted = 0

    def set_answer(self, question_id: str, answer: str) -> None:
        """Record ``answer`` for ``question_id`` and show it."""
        self.answers[question_id] = answer
        number = next(n for n, q in enumerate(QUESTIONS, start=1) if q.id == question_id)
        self.replace_option_prompt(question_id, _prompt(number, QUESTIONS[number - 1].text, answer))
        self.post_message(self.Answered(question_id, answer))

    def action_answer(self, answer: str) -> None:
        """Answer the highlighted question and move to the next."""
        option = self.highlighted_option
        if option is None or option.id is None or answer not in ANSWERS:
            return
        self.set_answer(option.id, answer)
        if self.highlighted is not None and self.highlighted < self.option_count - 1:
            self.highlighted += 1

    def action_cycle(self) -> None:
        """Enter or space: yes, then no, then not sure."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return
        order = {None: YES, YES: NO, NO: UNSURE, UNSURE: YES}
        self.set_answer(option.id, order[self.answers[option.id]])

    def completed(self) -> dict[str, str]:
        """The answers with any not answered counted as not sure."""
        return {qid: answer or UNSURE for qid, answer in self.answers.items()}
