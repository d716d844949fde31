"""Taking a stocktake: statements one at a time (keys 1-5), then notes per value.

Every answer is saved at once in the ``stocktakes`` table, so quitting, a
crash or a dropped connection loses nothing and the stocktake can be resumed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static, TextArea

from coprod_tui.core.ui.quiet import QuietTextArea
from coprod_tui.core.ui.screens import CoprodScreen, screen_css
from coprod_tui.i18n import N_, _
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.rules import (
    NOTE_KINDS,
    STEP_COUNT,
    TOTAL_MIN,
    Step,
    Stocktake,
    level_hint,
    steps,
)
from coprod_tui.stocktake.statements import STATEMENTS_PER_VALUE, StatementSet

HELP = N_("""\
## Taking a stocktake

Read each statement and press a number from `1` to `5` for what happens now:
1 not yet, 2 early steps, 3 in several places, 4 strong in places with gaps,
5 the usual way of working throughout. About yourself, read "we" and "staff"
as you. The next statement follows. `b` (or left) goes back to change an answer, `n` (or right) moves on
over one already answered.

After each value's three statements, write what is working and what needs to
happen next (both optional). Enter or `Tab` puts the cursor in the first box
(until then `b` still goes back), `Tab` moves between the boxes, `ctrl+s` saves
and goes on, `pageup` or Escape goes back.

Every answer is saved at once. `b` or Escape steps back one statement (from the
first, it pauses); `p` pauses: resume from the Stocktake area, even after quitting.
""")


class StocktakeRunScreen(CoprodScreen[None]):
    """One step at a time: a statement to score, or a value's notes."""

    HELP = HELP
    # Statements are scored with digit keys on the screen itself: nothing may take focus
    # until the user goes into a notes box (Enter or Tab).
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("1", "score(1)", N_("Score"), key_display="1-5", id="stocktake-score-1"),
        *(Binding(str(n), f"score({n})", label, show=False, id=f"stocktake-score-{n}")
          for n, label in ((2, N_("Score 2")), (3, N_("Score 3")), (4, N_("Score 4")),
                           (5, N_("Score 5")))),
        Binding("left", "previous", N_("Previous"), show=False, id="stocktake-back-alt",
                tooltip=N_("The previous statement")),
        Binding("n", "next", N_("Next"), id="stocktake-next", tooltip=N_("Keep this answer and go on")),
        Binding("right", "next", N_("Next"), show=False, id="stocktake-next-alt"),
        Binding("enter", "write_notes", N_("Write notes"), id="stocktake-notes-write",
                tooltip=N_("Into the first notes box (Tab does the same)")),
        Binding("ctrl+s", "save_notes", N_("Save notes, go on"), id="stocktake-notes-next"),
        Binding("pageup", "notes_back", N_("Back"), priority=True, show=False,
                id="stocktake-notes-back"),  # b Back is shown; the keys line names pageup
        Binding("p", "pause", N_("Pause"), id="stocktake-pause", tooltip=N_("Keep answers, resume later")),
    ]

    CSS = screen_css(__file__, "run_screen.tcss")

    def __init__(self, stocktake: Stocktake, statements: StatementSet) -> None:
        super().__init__()
        self.stocktake = stocktake
        self.statements = statements
        self.steps = steps()
        self.position = min(max(stocktake.position, 0), STEP_COUNT - 1)

    # -- layout -----------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="stocktake-progress", markup=False)
        with VerticalScroll(id="stocktake-body", can_focus=False):
            yield Static("", id="stocktake-value", markup=False)
            yield Static("", id="stocktake-statement", markup=False)
            yield Static("", id="stocktake-scale", markup=False)
            with Vertical(id="stocktake-notes"):
                for kind, label in NOTE_KINDS:
                    yield Static(_(label) + "?", classes="stocktake-note-label", markup=False)
                    yield QuietTextArea(id=f"stocktake-note-{kind}")
        yield Static("", id="stocktake-keys", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.app.draft_sources.add(self)
        self.show_step()

    def on_unmount(self) -> None:
        self.app.draft_sources.discard(self)

    def on_screen_suspend(self) -> None:
        self.save_draft()

    @property
    def step(self) -> Step:
        """The step on screen."""
        return self.steps[self.position]

    def show_step(self) -> None:
        """Draw the current step."""
        step = self.step
        value = self.statements.value(step.value_id)
        number = VALUE_IDS.index(step.value_id) + 1
        self.query_one("#stocktake-value", Static).update(
            _("Value {number} of {count}: {name}. {summary}").format(
                number=number, count=len(VALUE_IDS), name=value.name, summary=value.summary))
        notes = self.query_one("#stocktake-notes", Vertical)
        statement = self.query_one("#stocktake-statement", Static)
        scale = self.query_one("#stocktake-scale", Static)
        if step.kind == "statement":
            done = self.stocktake.answered()
            overall = (number - 1) * STATEMENTS_PER_VALUE + step.index + 1
            self.query_one("#stocktake-progress", Static).update(
                _("Statement {number} of {count}  ({answered} answered)").format(
                    number=overall, count=TOTAL_MIN, answered=done)
                + "  " + level_hint(self.stocktake.level))
            statement.update(f"{step.index + 1}. {value.statements[step.index]}")
            statement.display = scale.display = True
            scale.update(self._scale_text(self.stocktake.score_of(step.value_id, step.index)))
            notes.display = False
            self.set_focus(None)
            self.query_one("#stocktake-keys", Static).update(
                _("1-5: score    b: back    n: next    p: pause (answers are kept)")
            )
        else:
            self.query_one("#stocktake-progress", Static).update(
                _("Notes on {name} (optional)").format(name=value.name))
            statement.display = scale.display = False
            notes.display = True
            for kind, _label in NOTE_KINDS:
                area = self.query_one(f"#stocktake-note-{kind}", TextArea)
                area.load_text(self.stocktake.notes.get(step.value_id, {}).get(kind, ""))
            # Not focused yet: the previous pages taught that b goes back, and a
            # box focused at once would type it instead.
            self.set_focus(None)
            self.query_one("#stocktake-keys", Static).update(
                _("Enter or Tab: write    ctrl+s: save and go on    b, pageup or Esc: back")
            )
        self.query_one("#stocktake-body", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def _scale_text(self, current: int | None) -> Content:
        lines = []
        for point in self.statements.scale:
            marker = "*" if point.score == current else " "
            lines.append(f"{marker} {point.score}  {point.label}: {point.descriptor}")
        if current is not None:
            lines.append("\n" + _("Your answer: {score} (* above). Press another number to "
                                  "change it.").format(score=current))
        return Content("\n".join(lines))

    # -- keys -----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys for statements on statement steps, keys for notes on notes steps."""
        on_statement = self.step.kind == "statement"
        if action == "score":
            return on_statement
        if action == "previous":
            return (self.position > 0) if on_statement else False
        if action == "next":
            if not on_statement:
                return False
            return self.stocktake.score_of(self.step.value_id, self.step.index) is not None
        if action in ("save_notes", "notes_back"):
            return not on_statement
        if action == "write_notes":
            return not on_statement and not isinstance(self.focused, TextArea)
        return True

    def action_score(self, score: int) -> None:
        """Score the statement on screen, save, and go on."""
        step = self.step
        self.stocktake.set_score(step.value_id, step.index, score)
        self._go(self.position + 1)

    def action_next(self) -> None:
        """Move on over an answered statement."""
        self._go(self.position + 1)

    def action_previous(self) -> None:
        """Back one statement."""
        if self.position > 0:
            self._go(self.position - 1)

    def action_back(self) -> None:
        """``b`` or Escape: back one step, notes kept; from the first statement, pause."""
        if self.position > 0:
            self._collect_notes()
            self._go(self.position - 1)
        else:
            self.action_pause()

    def action_write_notes(self) -> None:
        """Put the cursor in the first notes box."""
        self.query_one(f"#stocktake-note-{NOTE_KINDS[0][0]}", TextArea).focus()
        self.refresh_bindings()

    def action_notes_back(self) -> None:
        """Keep the notes and go back one step."""
        self._collect_notes()
        self._go(self.position - 1)

    def action_save_notes(self) -> None:
        """Keep the notes and go on (after the last value: the result)."""
        self._collect_notes()
        if self.position < STEP_COUNT - 1:
            self._go(self.position + 1)
            return
        self._finish()

    def action_pause(self) -> None:
        """Keep everything and go back to the stocktake area."""
        if self.save_draft():
            self.notify(_("Stocktake kept: resume it from the Stocktake area."))
            self.app.pop_screen()

    # -- saving ---------------------------------------------------------------------------
    def _collect_notes(self) -> None:
        if self.step.kind != "notes":
            return
        for kind, _label in NOTE_KINDS:
            text = self.query_one(f"#stocktake-note-{kind}", TextArea).text
            self.stocktake.set_note(self.step.value_id, kind, text)

    def _save(self) -> bool:
        return self.attempt(lambda: stocktakes.save(self.app.store, self.stocktake))

    def save_draft(self) -> bool:
        """Save the stocktake as it stands (notes being typed included)."""
        if self.stocktake.finished:
            return True
        self._collect_notes()
        self.stocktake.position = self.position
        return self._save()

    def _go(self, position: int) -> None:
        self.position = max(0, min(position, STEP_COUNT - 1))
        self.stocktake.position = self.position
        self._save()
        self.show_step()

    def _finish(self) -> None:
        missing = next((i for i, s in enumerate(self.steps) if s.kind == "statement"
                        and self.stocktake.score_of(s.value_id, s.index) is None), None)
        if missing is not None:
            self.notify(_("A statement still needs a score."), severity="warning")
            self._go(missing)
            return
        if not self.attempt(lambda: stocktakes.finish(self.app.store, self.stocktake)):
            return
        from coprod_tui.stocktake.result_screen import StocktakeResultScreen

        self.app.switch_screen(StocktakeResultScreen(self.stocktake, self.statements))
