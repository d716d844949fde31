"""Home: the dashboard of areas, each opened by a digit or arrows + Enter."""

from __future__ import annotations

import textwrap

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.text import one_line
from coprod_tui.core.ui.screens import AreaScreen, OpenArea
from coprod_tui.i18n import N_, _
from coprod_tui.shell.areas import AREAS, Area, area_by_key

# 80 columns less the margins, the list's border and scrollbar, the key and the title
# (12 columns: "Revalidation"); a wider terminal gives the summaries its width.
SUMMARY_WIDTH = 51
AROUND_SUMMARY = 80 - SUMMARY_WIDTH


def summary_width(columns: int) -> int:
    """Columns for an area's summary on a screen ``columns`` wide (at least 80's)."""
    return max(SUMMARY_WIDTH, columns - AROUND_SUMMARY)

WELCOME = N_(
    "Co-production: the people who provide a service and the people who use it "
    "(patients, carers) share power and work together as equals. coprod helps you "
    "learn it at the depth you have time for, try it on your own work, and keep a "
    "private journal of your practice, value by value."
)

HELP = N_("""\
## Home

Each area has a number: press it to go straight there, or move with the
arrow keys and press Enter. `h` comes back here from anywhere, `ctrl+p`
opens the command palette, and `q` quits (unsaved writing is kept as a draft).
""")


def fitting_form(forms: str | tuple[str, ...], width: int) -> str:
    """The first of ``forms`` (fullest first) that wraps to two lines of ``width``
    columns, else the shortest."""
    if isinstance(forms, str):
        return forms
    for form in forms:
        if len(textwrap.wrap(one_line(form, 10_000), width)) <= 2:
            return form
    return forms[-1] if forms else ""


def _prompt(area: Area, summary: str | tuple[str, ...] | None,
            width: int = SUMMARY_WIDTH) -> Content:
    """An area's key, title and progress (or what it is), wrapped to at most two
    lines of ``width`` columns; of a summary's forms, the fullest that fits."""
    title = _(area.title)
    # Welsh titles can be longer than 12 columns ("Pwyso a mesur"): the summary gives way.
    title_width = title_column()
    width -= title_width - 12
    summary = fitting_form(summary, width) if summary else None
    text = one_line(summary if summary else _(area.blurb), 10_000)
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], one_line(" ".join(lines[1:]), width)]
    head = Content.assemble(
        (f" {area.key} ", "bold reverse"), " ", (f"{title:<{title_width}}", "bold"), " ", lines[0]
    )
    if len(lines) == 1:
        return head
    return Content.assemble(head, "\n", " " * (6 + title_width), lines[1])


def title_column() -> int:
    """Columns for the areas' titles in the current language (at least 12)."""
    return max([12, *(len(_(area.title)) for area in AREAS)])


class HomeScreen(AreaScreen):
    """The first screen: areas with their progress."""

    HELP = HELP
    BINDINGS = [
        Binding(str(d), f"open_digit('{d}')", N_("Open"), show=False, id=f"open-{d}")
        for d in range(10)
    ] + [Binding("enter", "open_highlighted", N_("Open"), id="open", show=True)] + [
        Binding("r", "continue_reading", N_("Continue reading"), id="continue-reading")
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Home is the first level: there is nothing to go back to."""
        return action != "back"

    def __init__(self) -> None:
        super().__init__()
        self._summaries: dict[str, str] = {}
        self._width = SUMMARY_WIDTH

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_(WELCOME), id="welcome", markup=False)
        yield OptionList(
            *(Option(_prompt(area, None), id=area.id) for area in AREAS), id="areas"
        )
        yield Footer()

    def on_mount(self) -> None:
        areas = self.query_one("#areas", OptionList)
        areas.highlighted = 0
        areas.focus()
        self.refresh_summaries()

    def on_screen_resume(self) -> None:
        self.refresh_summaries()

    def on_resize(self) -> None:
        """Rewrap the summaries to the new width (kept whole where they fit)."""
        width = summary_width(self.size.width)
        if width == self._width:
            return
        self._width = width
        options = self.query_one("#areas", OptionList)
        for area in AREAS:
            options.replace_option_prompt(area.id, _prompt(area, self._summaries.get(area.id),
                                                           width))

    def on_store_ready(self) -> None:
        self.refresh_summaries()

    @work(thread=True, exclusive=True, group="home-summaries")
    def refresh_summaries(self) -> None:
        """Compute each area's progress line off the UI thread."""
        app = self.app
        if not app.store_ready:
            return
        for area in AREAS:
            if area.summary is None:
                continue
            try:
                text = area.summarise(app.store)
            except Exception as error:  # noqa: BLE001 - a summary must never break home
                text = _("(could not read progress: {error})").format(error=error)
            if text:
                app.call_from_thread(self._set_summary, area, text)
        # The summaries built the journal's search index, which the store keeps
        # (gc.freeze is safe from any thread).
        app.keep_long_lived()

    def _set_summary(self, area: Area, text: str | tuple[str, ...]) -> None:
        if not self.is_attached:  # the app is closing while summaries were computed
            return
        self._summaries[area.id] = text
        try:
            options = self.query_one("#areas", OptionList)
        except NoMatches:
            return
        options.replace_option_prompt(area.id, _prompt(area, text, self._width))

    def action_open_digit(self, digit: str) -> None:
        """Open the area with this number."""
        area = area_by_key(digit)
        if area is not None:
            self.jump(OpenArea(area.id))

    def action_continue_reading(self) -> None:
        """Open the reader where you left off (provided by reading)."""
        from coprod_tui.reading.contents_screen import continue_reading

        continue_reading(self.app)

    def action_open_highlighted(self) -> None:
        """Open the highlighted area."""
        option = self.query_one("#areas", OptionList).highlighted_option
        if option is not None and option.id:
            self.jump(OpenArea(option.id))

    @on(OptionList.OptionSelected, "#areas")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.jump(OpenArea(event.option.id))
