"""The reader: one section at a time in a Markdown view, with next/previous,
mark read, a list of links to copy, and the place remembered across runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Footer, Header, Markdown, Static

from coprod_tui.core.text import make_visible
from coprod_tui.core.ui.screens import CoprodScreen, OpenArea, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.reading.catalog import Catalog, ContentError, Section, load_catalog
from coprod_tui.reading.links import LinksDialog, copy_link
from coprod_tui.reading.reader_body import ReaderBody, add_hyperlinks
from coprod_tui.reading.records import ReadingProgress
from coprod_tui.reading.text import find_links

if TYPE_CHECKING:
    from coprod_tui.app import CoprodApp

HELP = N_("""\
## Reader

Arrows, `space` / `page down`, `page up`, `home` and `end` move through the
section. `n` and `p` go to the next and previous section. A section counts as
read when you reach its end; `m` marks it read (or unread) by hand. `l` lists
every link in the section: press Enter to copy one, then paste it into a
browser on your own device (coprod never opens a browser). `b` goes back to
the contents. Your place is remembered: `r` on the home screen brings you back.
""")

SAVE_DELAY = 1.0


def catalog_for(app: CoprodApp) -> Catalog:
    """The catalog with the app's content packs; pack problems are notified once."""
    catalog = load_catalog(app.content_dirs)
    shown: set[str] = app.__dict__.setdefault("_reading_problems_shown", set())
    for problem in catalog.problems:
        if problem not in shown:
            shown.add(problem)
            app.notify(make_visible(problem), title=_("Content pack skipped"), severity="error",
                       timeout=15, markup=False)
    return catalog


def progress_for(app: CoprodApp) -> ReadingProgress | None:
    """Reading progress, once the store is open (``None`` before)."""
    if not app.store_ready:
        return None
    return ReadingProgress(app.store)


class ReaderScreen(CoprodScreen[None]):
    """Reads one section; ``n``/``p`` move through the whole catalog in order."""

    HELP = HELP
    CSS = screen_css(__file__, "reader.tcss")
    BINDINGS = [
        Binding("n", "next_section", N_("Next"), id="reader-next", tooltip=N_("Next section")),
        Binding("p", "previous_section", N_("Previous"), id="reader-previous",
                tooltip=N_("Previous section")),
        Binding("m", "toggle_read", N_("Mark read"), id="reader-mark",
                tooltip=N_("Mark this section read")),
        # The same key when the section is read: the footer says what m will do.
        Binding("m", "mark_unread", N_("Mark unread"), id="reader-unmark",
                tooltip=N_("Mark this section not read yet")),
        Binding("l", "links", N_("Links"), id="reader-links", tooltip=N_("List and copy links")),
        Binding("space", "page_down", N_("Page down"), show=False, id="reader-page-down"),
    ]

    def __init__(self, section_id: str, scroll: int | None = None) -> None:
        super().__init__()
        self.section_id = section_id
        self.initial_scroll = scroll
        self.section: Section | None = None
        self.catalog: Catalog | None = None
        self.ready = False
        self.is_read = False
        self._save_timer: Timer | None = None

    @classmethod
    def for_section(cls, section_id: str) -> ReaderScreen:
        """A reader opening ``section_id`` (at the remembered place if it was the last one)."""
        return cls(section_id)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="reader-title")
        with ReaderBody(id="reader-body"):
            yield Markdown("", id="reader-text", open_links=False)
        yield Static("", id="reader-status")
        yield Footer()

    def on_mount(self) -> None:
        self.app.draft_sources.add(self)
        body = self.query_one("#reader-body", ReaderBody)
        body.focus()
        self.watch(body, "scroll_y", self._scrolled, init=False)
        try:
            self.catalog = catalog_for(self.app)
        except ContentError as error:
            self.notify(error.message, severity="error", markup=False)
            return
        scroll = self.initial_scroll
        if scroll is None:
            place = self._place()
            scroll = place.scroll if place and place.section_id == self.section_id else 0
        self.show(self.section_id, scroll)

    def _place(self):  # noqa: ANN202 - Place | None
        progress = progress_for(self.app)
        try:
            return progress.place() if progress else None
        except CoprodError as error:
            self.notify(error.message, severity="error", markup=False)
            return None

    # -- showing a section --------------------------------------------------------
    @work(exclusive=True, group="reader-show")
    async def show(self, section_id: str, scroll: int = 0) -> None:
        """Load and render ``section_id``, then scroll to ``scroll`` lines down."""
        section = self.catalog.section(section_id) if self.catalog else None
        if section is None:
            message = _("No reading section called {id}.").format(id=repr(section_id))
            self.query_one("#reader-title", Static).update(literal(message))
            self.notify(message, severity="error", markup=False)
            return
        try:
            text = section.read_text()
        except ContentError as error:
            self.notify(error.message, severity="error", markup=False)
            return
        self.ready = False
        self.section = section
        self.section_id = section.id
        progress = progress_for(self.app)
        try:
            self.is_read = bool(progress and section.id in progress.read_ids())
        except CoprodError:
            self.is_read = False
        self.refresh_bindings()
        self._show_title()
        markdown = self.query_one("#reader-text", Markdown)
        await markdown.update(text)
        add_hyperlinks(markdown)
        if scroll > 0:
            self._restore(scroll, attempts=10)
            return
        # At the top there is nothing to wait for: readable now, checked after layout.
        self.query_one("#reader-body", ReaderBody).scroll_home(animate=False, immediate=True)
        self.ready = True
        self._update_status()
        self.call_after_refresh(self._settle, 10)

    def _restore(self, scroll: int, attempts: int) -> None:
        """Scroll once layout knows the page height (retrying a few refreshes)."""
        if not self.is_attached:  # closed before its page was laid out
            return
        body = self.query_one("#reader-body", ReaderBody)
        if (not self._laid_out() or body.max_scroll_y < scroll) and attempts > 0:
            self.call_after_refresh(self._restore, scroll, attempts - 1)
            return
        body.scroll_to(y=scroll, animate=False, immediate=True)
        self.ready = True
        self._settle(0)

    def _laid_out(self) -> bool:
        return self.query_one("#reader-text", Markdown).region.height > 0

    def _settle(self, attempts: int) -> None:
        """After layout: remember the place; a section that fits on screen is read."""
        if not self.is_attached:  # closed before its page was laid out
            return
        if not self._laid_out() and attempts > 0:
            self.call_after_refresh(self._settle, attempts - 1)
            return
        self.save_place_soon()
        self._update_status()
        if self._laid_out() and self.query_one("#reader-body", ReaderBody).max_scroll_y == 0:
            self._mark_read()

    def _show_title(self) -> None:
        assert self.section is not None and self.catalog is not None
        tier = self.catalog.tier(self.section.tier_id)
        place, count = self.catalog.position(self.section.id)
        label = tier.label if tier else self.section.tier_id
        where = (_("{tier}, section {number} of {total}, {minutes} min")
                 if tier is None or tier.timed else _("{tier}, section {number} of {total}"))
        where = where.format(tier=label, number=place, total=count, minutes=self.section.minutes)
        self.query_one("#reader-title", Static).update(literal(f"{self.section.title}\n{where}"))
        self.sub_title = self.section.title

    def _update_status(self) -> None:
        body = self.query_one("#reader-body", ReaderBody)
        percent = 100 if body.max_scroll_y == 0 else round(100 * body.scroll_y / body.max_scroll_y)
        mark = "[x] " + _("read") if self.is_read else "[ ] " + _("not read yet")
        down = _("{percent}% down").format(percent=percent)
        self.query_one("#reader-status", Static).update(literal(f"{mark}    {down}"))

    # -- progress -------------------------------------------------------------------
    def _scrolled(self, _old: float, new: float) -> None:
        if not self.ready:
            return
        body = self.query_one("#reader-body", ReaderBody)
        if new >= body.max_scroll_y:
            self._mark_read()
        self._update_status()
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_place_soon)

    def _set_read(self, read: bool) -> None:
        progress = progress_for(self.app)
        if progress is None or self.section is None:
            return
        section_id = self.section.id
        if not self.attempt(lambda: progress.set_read(section_id, read)):
            return
        self.is_read = read
        self._update_status()
        self.refresh_bindings()  # the footer's m now says the other way

    def _mark_read(self) -> None:
        if not self.is_read:
            self._set_read(True)

    def save_place(self) -> None:
        """Remember this section and how far down it is."""
        progress = progress_for(self.app)
        if progress is None or self.section is None or not self.ready:
            return
        scroll = round(self.query_one("#reader-body", ReaderBody).scroll_y)
        section_id = self.section.id
        self.attempt(lambda: progress.save_place(section_id, scroll))

    def save_place_soon(self) -> None:
        """Remember the place from a thread, so the disk write never delays reading."""
        if self.section is not None and self.ready:
            scroll = round(self.query_one("#reader-body", ReaderBody).scroll_y)
            self._write_place(self.section.id, scroll)

    def _write_place(self, section_id: str, scroll: int) -> None:
        self.run_loading(lambda store: ReadingProgress(store).save_place(section_id, scroll),
                         lambda _saved: None, group="reader-save")

    def save_draft(self) -> None:
        """Called by the app on quit and hang-up: keep the place."""
        self.save_place()

    def on_screen_suspend(self) -> None:
        self.save_place()

    # -- actions ---------------------------------------------------------------------
    def _step(self, step: int) -> None:
        if self.catalog is None or self.section is None:
            return
        target = self.catalog.neighbour(self.section.id, step)
        if target is None:
            self.notify(_("This is the last section.") if step > 0 else
                        _("This is the first section."))
            return
        self.save_place_soon()
        self.show(target.id, 0)

    def action_next_section(self) -> None:
        """Go to the next section."""
        self._step(1)

    def action_previous_section(self) -> None:
        """Go to the previous section."""
        self._step(-1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``m`` is offered as "Mark read" or "Mark unread", whichever it would do."""
        if action == "toggle_read":
            return not self.is_read
        if action == "mark_unread":
            return self.is_read
        return True

    def action_toggle_read(self) -> None:
        """Mark this section read, or unread again."""
        self._set_read(not self.is_read)
        self.notify(_("Marked read.") if self.is_read else _("Marked not read."))

    def action_mark_unread(self) -> None:
        """Mark this section not read yet."""
        if self.is_read:
            self.action_toggle_read()

    def action_page_down(self) -> None:
        """Scroll down one page."""
        self.query_one("#reader-body", ReaderBody).action_page_down()

    def action_links(self) -> None:
        """List every link in this section, to copy."""
        if self.section is None:
            return
        text = self.query_one("#reader-text", Markdown).source
        self.app.push_screen(LinksDialog(self.section.title, find_links(text)))

    def action_back(self) -> None:
        """Back to the contents (or wherever the reader was opened from)."""
        self.save_place()
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.jump(OpenArea("read"))

    @on(Markdown.LinkClicked)
    def _clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        copy_link(self.app, event.href)
