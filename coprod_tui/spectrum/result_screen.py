"""The result of placing an activity: the spectrum drawn across the screen with
the place marked (``[x]``, ``^`` and "this activity", never colour alone), the
group, the approach, why, whether it can be right and how to move towards
doing with. Save it, reflect on it in the journal, go back, or finish.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Footer, Header, Static

from coprod_tui.core.ui.screens import CoprodScreen, ReflectOn, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.journal.entry import Link
from coprod_tui.spectrum import records
from coprod_tui.spectrum.drawing import draw_spectrum
from coprod_tui.spectrum.rules import SpectrumResult

HELP = N_("""\
## Where your activity sits

The drawing runs from "doing to" on the left to "doing with" on the right; your
activity's place is ticked `[x]` and pointed at with `^`. Community-led action and
collaboration sit off the line. The spectrum is levels, not steps: every place
can be the right one for a situation.

`s` saves the placement, `r` saves it (if needed) and opens a journal entry about
it, `b` goes back to change your answers, `d` returns to the spectrum menu.
""")


class SpectrumDrawing(Widget):
    """The spectrum as text, as wide as the widget allows (up to 78 columns)."""

    DEFAULT_CSS = """
    SpectrumDrawing { height: auto; width: 1fr; }
    """

    def __init__(self, place_id: str | None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.place_id = place_id

    def lines(self) -> list[str]:
        """The drawing at the current width."""
        width = self.size.width or 78
        return draw_spectrum(self.place_id, min(78, width))

    def render(self) -> Content:
        """Plain text: nothing in it is markup."""
        return Content("\n".join(self.lines()))

    def get_content_height(self, container, viewport, width: int) -> int:  # noqa: ANN001
        """As many rows as the drawing has."""
        return len(draw_spectrum(self.place_id, min(78, width or 78)))


class SpectrumResultScreen(CoprodScreen[str | None]):
    """One placement's result; dismisses with ``"done"`` or ``"back"``."""

    HELP = HELP
    CSS = screen_css(__file__, "result_screen.tcss")
    BINDINGS = [
        Binding("s", "save", N_("Save"), id="spectrum-result-save", tooltip=N_("Save this placement")),
        Binding("r", "reflect", N_("Reflect on this"), id="spectrum-result-reflect",
                tooltip=N_("Write a journal entry linked to this result")),
        Binding("d", "done", N_("Done"), id="spectrum-result-done",
                tooltip=N_("Back to the spectrum menu")),
    ]

    def __init__(self, title: str, description: str, result: SpectrumResult,
                 link: Link | None = None, record_id: str | None = None,
                 on_saved: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.on_saved = on_saved
        self.activity_title = title
        self.description = description
        self.result = result
        self.link = link
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        ap = self.result.approach
        yield Header(show_clock=False)
        with VerticalScroll(id="result-body"):
            yield Static(literal(self.activity_title or _("(untitled activity)"), "bold"),
                         classes="result-head", id="result-title")
            if self.description:
                yield Static(literal(self.description), classes="result-para")
            yield Static(
                Content(_("Place: {name}   Group: {group}").format(name=_(ap.name),
                                                                  group=_(ap.group_label))),
                classes="result-head", id="result-place",
            )
            yield SpectrumDrawing(ap.id, id="result-drawing")
            yield Static(Content(_('"{stance}" (for example: {example})').format(
                stance=_(ap.stance), example=_(ap.example))),
                         classes="result-para")
            yield Static(Content(_("Why: ") + self.result.explanation), classes="result-para",
                         id="result-why")
            yield Static(Content(_("Can it be right? ") + self.result.right_when), classes="result-para")
            yield Static(Content(_("Towards doing with: ") + self.result.move), classes="result-para")
            yield Static(self._saved_text(), id="result-saved")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#result-body").focus()

    def _saved_text(self) -> Content:
        if self.record_id:
            return Content(_("Saved. It is listed under saved placements."))
        return Content(_("Not saved yet: press s to save."))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide Save once saved."""
        if action == "save" and self.record_id:
            return None
        return True

    def save(self) -> bool:
        """Save the placement once; True when it is saved."""
        if self.record_id:
            return True
        try:
            doc = records.save_placement(
                self.app.store,
                self.activity_title, self.description, self.result, self.link,
            )
            self.app.store.discard_draft("spectrum:place")
        except CoprodError as error:
            self.notify(error.message, severity="error", timeout=10)
            return False
        self.record_id = doc["id"]
        if self.on_saved is not None:
            self.on_saved(doc["id"])
        self.query_one("#result-saved", Static).update(self._saved_text())
        self.refresh_bindings()
        return True

    def action_save(self) -> None:
        """Save this placement."""
        if self.save():
            self.notify(_("Placement saved."))

    def action_reflect(self) -> None:
        """Save if needed, then open a journal entry linked to this result."""
        if not self.save() or not self.record_id:
            return
        title = self.activity_title or _(self.result.approach.name)
        self.jump(ReflectOn(
            _("Spectrum: {title}").format(title=title),
            list(self.result.approach.values),
            Link("spectrum", self.record_id, title),
            self.result.summary(),
        ))

    def action_back(self) -> None:
        """Back to where this result came from."""
        self.dismiss("back")

    def action_done(self) -> None:
        """Finish: back to the spectrum menu."""
        self.dismiss("done")
