"""One challenge: describe it, answer the questions, see the map, plan, save.

Two steps on one screen: "answers" (title, description, questions) and
"result" (the map, what it means, the plan). Unsaved text is kept as a draft.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widgets import ContentSwitcher, Footer, Header, Input, Label, Static

from coprod_tui.complexity import records as cx
from coprod_tui.complexity.map import draw_map
from coprod_tui.complexity.questions import QuestionList
from coprod_tui.complexity.rules import (
    DOMAINS,
    NOT_KNOWN,
    PLAN_FIELDS,
    answers_line,
    assess,
    change_lines,
    question,
    reasons_text,
    summary_text,
)
from coprod_tui.core.clock import local_display, parse_day
from coprod_tui.core.ui.quiet import QuietInput, QuietTextArea
from coprod_tui.core.ui.screens import CoprodScreen, PlaceOnSpectrum, ReflectOn, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _, ngettext
from coprod_tui.journal.entry import Link

HELP = N_("""\
## A challenge

**Step 1, answers.** Give the challenge a title and a few words of description,
then answer the five questions: move with the arrows and press `y`, `n` or `u`
(not sure). Enter or space changes the highlighted answer. `ctrl+n` shows the result.

**Step 2, result.** The map marks where your challenge sits, with `[X]` and words.
Read what it means, how to respond and what that means for co-production, and
which answers would change it. Then plan a first probe (a small, safe thing
to try and learn from) or action, who is
involved, what you expect (`not known` is a fine answer) and when you will review it.

`ctrl+s` saves from either step; saving again later keeps the earlier answers.
On the result step `ctrl+r` opens a journal entry about it; for a complex challenge `ctrl+o` checks
on the spectrum of engagement that your plan is "doing with". `ctrl+l` goes
back to the list (unsaved changes are kept as a draft).
""")


class ChallengeScreen(CoprodScreen[None]):
    """Describe, answer, see the result, plan and save one challenge."""

    CSS = screen_css(__file__, "complexity.tcss")

    HELP = HELP
    BINDINGS = [
        Binding("ctrl+n", "show_result", N_("Result"), id="complexity-result",
                tooltip=N_("See the result on the map")),
        Binding("ctrl+b", "show_answers", N_("Answers"), id="complexity-answers",
                tooltip=N_("Back to the description and questions")),
        Binding("ctrl+s", "save", N_("Save"), id="complexity-save", tooltip=N_("Save this challenge")),
        Binding("ctrl+r", "reflect", N_("Reflect"), id="complexity-reflect",
                tooltip=N_("Reflect on this in the journal")),
        Binding("ctrl+o", "spectrum", N_("Spectrum"), id="complexity-spectrum",
                tooltip=N_("Place this on the spectrum of engagement")),
        Binding("ctrl+l", "back", N_("Back"), show=False, id="complexity-list",
                tooltip=N_("Back to your challenges (as Escape)")),
    ]

    def __init__(self, record: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.record = record
        self.record_id: str | None = record.get("id") if record else None
        self.step = "answers"
        self._saved_state: dict[str, Any] | None = None

    @property
    def draft_key(self) -> str:
        """Where unsaved changes are kept."""
        return f"complexity:{self.record_id or 'new'}"

    # -- layout -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        doc = self.record or {}
        plan = doc.get("plan", {})
        yield Header(show_clock=False)
        yield Static("", id="complexity-step", classes="screen-title", markup=False)
        with ContentSwitcher(initial="answers", id="complexity-steps"):
            with VerticalScroll(id="answers"):
                yield Label(_("Title"), classes="field-label")
                yield QuietInput(doc.get("title", ""), placeholder=_("a few words"),
                                 id="challenge-title")
                yield Label(_("Describe the challenge"), classes="field-label")
                yield QuietTextArea(doc.get("description", ""), id="challenge-description")
                yield Label(_("Five questions (arrows, then y / n / u)"), classes="field-label")
                yield QuestionList(doc.get("answers", {}), id="questions")
                yield Static("", id="question-hint", markup=False)
                yield Static("", id="result-so-far", markup=False)
            with VerticalScroll(id="result"):
                yield Static("", id="complexity-map", markup=False)
                yield Static("", id="result-text", markup=False)
                with Vertical(id="plan"):
                    yield Static(_("Your plan"), classes="field-label")
                    for key, label in PLAN_FIELDS:
                        yield Label(_(label), id=f"label-{key}", classes="field-label")
                        yield QuietInput(plan.get(key, ""), id=f"plan-{key}",
                                         placeholder=self._placeholder(key))
                yield Static("", id="challenge-history", markup=False)
        yield Footer()

    @staticmethod
    def _placeholder(key: str) -> str:
        expected = _("what you expect, or '{not_known}'").format(not_known=_(NOT_KNOWN))
        return {"expected": expected, "review": _("YYYY-MM-DD")}.get(key, "")

    def on_mount(self) -> None:
        self._saved_state = self.state() if self.record_id else None
        self._restore_draft()
        self.app.draft_sources.add(self)
        self._show_step("answers")
        self.query_one("#challenge-title", Input).focus()

    def _restore_draft(self) -> None:
        draft = self.read_now(lambda: self.app.store.load_draft(self.draft_key))
        if not draft:
            return
        self.query_one("#challenge-title", Input).value = draft.get("title", "")
        self.query_one("#challenge-description", QuietTextArea).text = draft.get("description", "")
        self.query_one("#questions", QuestionList).load(draft.get("answers", {}))
        for key, _label in PLAN_FIELDS:
            self.query_one(f"#plan-{key}", Input).value = draft.get("plan", {}).get(key, "")
        self.notify(_("Your unsaved changes were restored."))

    # -- state ------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """What is on screen now (answers not given are None)."""
        return {
            "title": self.query_one("#challenge-title", Input).value,
            "description": self.query_one("#challenge-description", QuietTextArea).text,
            "answers": dict(self.query_one("#questions", QuestionList).answers),
            "plan": {key: self.query_one(f"#plan-{key}", Input).value for key, _label in PLAN_FIELDS},
        }

    def dirty(self) -> bool:
        """Whether anything differs from what was last saved."""
        state = self.state()
        if self._saved_state is None:
            return bool(state["title"].strip() or state["description"].strip()
                        or any(state["answers"].values())
                        or any(v.strip() for v in state["plan"].values()))
        return state != self._saved_state

    def save_draft(self) -> None:
        """Keep unsaved changes (called on quit and hang-up)."""
        try:
            if not (self.is_mounted and self.is_attached and self.dirty()):
                return
            state = self.state()
        except NoMatches:  # already taken apart (closed): nothing left to keep
            return
        self.app.store.save_draft(self.draft_key, state)

    def on_unmount(self) -> None:
        self.app.draft_sources.discard(self)

    # -- showing ------------------------------------------------------------------------
    def _show_step(self, step: str) -> None:
        self.step = step
        self.query_one("#complexity-steps", ContentSwitcher).current = step
        title = (_("Step 1 of 2: describe and answer") if step == "answers"
                 else _("Step 2 of 2: result and plan"))
        self.query_one("#complexity-step", Static).update(title)
        self._update_result()
        self.refresh_bindings()

    def _update_result(self) -> None:
        questions = self.query_one("#questions", QuestionList)
        result = assess(questions.completed())
        info = result.info
        unanswered = [q for q, a in questions.answers.items() if a is None]
        label = _(info.label)
        if unanswered:
            so_far = ngettext(
                "Result so far: {result} ({count} not answered yet, counted as not sure). "
                "ctrl+n shows it on the map.",
                "Result so far: {result} ({count} not answered yet, counted as not sure). "
                "ctrl+n shows it on the map.",
                len(unanswered)).format(result=label, count=len(unanswered))
        else:
            so_far = _("Result so far: {result}. ctrl+n shows it on the map.").format(result=label)
        self.query_one("#result-so-far", Static).update(so_far)
        ascii_only = bool(self.app.ascii_only)
        self.query_one("#complexity-map", Static).update(draw_map(result.domain, ascii_only))
        verbs = _(info.verbs)
        lines = [
            _("Your challenge looks {result} ({verbs}).").format(result=label.upper(),
                                                                 verbs=verbs),
            f"{verbs.capitalize()}: {_(info.verbs_gloss)}", "",
            _("What it means: {text}").format(text=_(info.meaning)), "",
            _("Like: {text}").format(text=_(info.analogy)), "",
            _("How to respond: {text}").format(text=_(info.response)), "",
            _("For co-production: {text}").format(text=_(info.coproduction)), "",
            _("Why: ") + reasons_text(result),
        ]
        changes = change_lines(result)
        if changes:
            lines += ["", _("Sense-making, not sorting. What would change the result:")]
            lines += [f"  - {line}" for line in changes]
        self.query_one("#result-text", Static).update("\n".join(lines))
        self.query_one("#label-action", Label).update(_(info.first_step))
        self.query_one("#label-who", Label).update(_(info.who))
        self._show_history()

    def _show_history(self) -> None:
        history = (self.record or {}).get("history", [])
        lines = []
        if history:
            lines = ["", _("Earlier versions (oldest first):")]
            for old in history:
                label = _(DOMAINS.get(old.get("domain", ""), DOMAINS["confusion"]).label)
                lines.append(f"  {local_display(old.get('saved', ''))}  {label}: "
                             f"{answers_line(old.get('answers', {}))}")
        self.query_one("#challenge-history", Static).update(literal("\n".join(lines)))

    @on(QuestionList.Answered)
    def _answered(self) -> None:
        self._update_result()
        self.refresh_bindings()

    @on(QuestionList.OptionHighlighted, "#questions")
    def _hint(self, event: QuestionList.OptionHighlighted) -> None:
        if event.option.id:
            self.query_one("#question-hint", Static).update(_(question(event.option.id).hint))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show each key only where it works."""
        if action == "show_result":
            return self.step == "answers"
        if action == "show_answers":
            return self.step == "result"
        if action == "reflect":
            return self.step == "result"
        if action == "spectrum":
            if not self.is_mounted or self.step != "result":
                return self.step == "result"
            return assess(self.query_one("#questions", QuestionList).completed()).domain == "complex"
        return True

    # -- actions ------------------------------------------------------------------------
    def action_show_result(self) -> None:
        """Step 2: the map, the result and the plan."""
        self._show_step("result")
        self.query_one("#result", VerticalScroll).focus()

    def action_show_answers(self) -> None:
        """Step 1: description and questions."""
        self._show_step("answers")
        self.query_one("#questions", QuestionList).focus()

    def _valid(self, state: dict[str, Any]) -> bool:
        if not state["title"].strip():
            self._show_step("answers")
            self.query_one("#challenge-title", Input).focus()
            self.notify(_("Give the challenge a title first."), severity="warning")
            return False
        review = state["plan"]["review"].strip()
        if review:
            try:
                parse_day(review)
            except ValueError as error:
                self._show_step("result")
                self.query_one("#plan-review", Input).focus()
                self.notify(_("Review date: {error}.").format(error=error), severity="warning")
                return False
        return True

    def save(self) -> bool:
        """Save (or revise) the challenge; False, with the text left on screen, if not."""
        state = self.state()
        if not self._valid(state):
            return False
        doc = cx.new_challenge(state["title"].strip(), state["description"],
                               self.query_one("#questions", QuestionList).completed(),
                               {k: v.strip() for k, v in state["plan"].items()})
        store = self.app.store
        old_key = self.draft_key
        try:
            saved = cx.save_challenge(store, doc, self.record_id)
            store.discard_draft(old_key)
            if old_key != f"complexity:{saved['id']}":
                store.discard_draft(f"complexity:{saved['id']}")
        except CoprodError as error:
            self.notify(error.message, severity="error", timeout=10)
            return False
        self.record, self.record_id = saved, saved["id"]
        self._saved_state = self.state()
        self._show_history()
        return True

    def action_save(self) -> None:
        """Save and say so."""
        if self.save():
            label = _(DOMAINS[self.record["domain"]].label).lower()  # type: ignore[index]
            self.notify(_("Saved: {result}.").format(result=label))

    def _saved_link(self) -> tuple[str, Link] | None:
        if (self.record_id is None or self.dirty()) and not self.save():
            return None
        title = self.record["title"]  # type: ignore[index]
        return title, Link("complexity", self.record_id or "", title)

    def action_reflect(self) -> None:
        """Save, then open a journal entry linked to this challenge."""
        saved = self._saved_link()
        if saved is None:
            return
        title, link = saved
        result = assess(self.record["answers"])  # type: ignore[index]
        summary = summary_text(title, result, self.record.get("plan"))  # type: ignore[union-attr]
        self.jump(ReflectOn(title, list(result.info.values), link, summary))

    def action_spectrum(self) -> None:
        """Save, then place the planned approach on the spectrum of engagement."""
        saved = self._saved_link()
        if saved is None:
            return
        title, link = saved
        plan = self.record.get("plan", {})  # type: ignore[union-attr]
        parts = [self.record.get("description", "").strip()]  # type: ignore[union-attr]
        if plan.get("action"):
            parts.append(_("First probe: {text}").format(text=plan["action"]))
        if plan.get("who"):
            parts.append(_("Who is involved: {text}").format(text=plan["who"]))
        self.jump(PlaceOnSpectrum(title, "\n".join(p for p in parts if p), link))

    def action_back(self) -> None:
        """Back to the list, keeping unsaved changes as a draft."""
        if self.dirty():
            if not self.attempt(self.save_draft):
                return
            self.notify(_("Unsaved changes kept as a draft."))
        self.dismiss()
