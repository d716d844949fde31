"""Read: the tiers as a table of contents with reading times and progress,
a "Continue" row at the top, and Enter to open a section in the reader."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.ui.screens import AreaScreen, OpenReading, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.reading.catalog import Catalog, ContentError
from coprod_tui.reading.progress import continue_section, tier_counts
from coprod_tui.reading.reader import ReaderScreen, catalog_for, progress_for

if TYPE_CHECKING:
    from coprod_tui.app import CoprodApp

HELP = N_("""\
## Read

The toolkit at the depth you have time for: 10 minutes of factsheets, the
30-minute essay in four parts, a recorded training for when you have an hour,
and follow-up ideas. Move with
the arrows and press Enter to read a section; `[x]` marks sections you have
read. "Continue" at the top (or `r` on the home screen) takes you back to
where you stopped. For plain text, run `coprod read --list` in a shell.
""")

CONTINUE_ID = "continue"


def continue_target(app: CoprodApp, catalog: Catalog) -> str | None:
    """The section to continue with: the remembered one while it is unread,
    else the next unread one (see :func:`continue_section`)."""
    progress = progress_for(app)
    place = progress.place() if progress else None
    read = progress.read_ids() if progress else set()
    section = continue_section(catalog, read, place.section_id if place else None)
    return section.id if section else None


def continue_reading(app: CoprodApp) -> None:
    """Go to the Read area and open the reader where the user left off."""
    try:
        section_id = continue_target(app, catalog_for(app))
    except CoprodError as error:
        app.notify(error.message, severity="error", markup=False)
        return
    if section_id is None:
        return
    app.open_area("read")
    if isinstance(app.screen, ReaderScreen):
        place = app.screen._place()
        scroll = place.scroll if place and place.section_id == section_id else 0
        app.screen.show(section_id, scroll)
    else:
        app.open_reading(section_id)


class ReadingScreen(AreaScreen):
    """Tiers and their sections; the Read area's first screen."""

    HELP = HELP
    CSS = screen_css(__file__, "contents_screen.tcss")
    BINDINGS = [
        Binding("enter", "open", N_("Read"), id="reading-open", tooltip=N_("Read this section")),
        Binding("r", "continue", N_("Continue"), id="reading-continue",
                tooltip=N_("Continue where you left off")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.catalog: Catalog | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Read: choose the depth you have time for"), classes="screen-title")
        yield OptionList(id="reading-toc")
        yield Static("", id="reading-about", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_rows()
        self.query_one("#reading-toc", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_rows()

    def _rows(self, catalog: Catalog) -> list[Option]:
        progress = progress_for(self.app)
        read = progress.read_ids() if progress else set()
        place = progress.place() if progress else None
        rows: list[Option] = []
        current = continue_section(catalog, read, place.section_id) if place else None
        if current is not None:
            rows.append(Option(Content.assemble(("> " + _("Continue: "), "bold"),
                                                literal(current.title)), id=CONTINUE_ID))
        for tier in catalog.tiers:
            done, count = tier_counts(tier, read)
            head = (_("{tier}  ({read} of {total} read, about {minutes} min)") if tier.timed
                    else _("{tier}  ({read} of {total} read)")).format(
                tier=tier.title, read=done, total=count, minutes=tier.minutes)
            rows.append(Option(literal(head, "bold underline"), id=f"tier:{tier.id}",
                               disabled=True))
            for section in tier.sections:
                mark = "[x]" if section.id in read else "[ ]"
                minutes = "  " + _("{minutes} min").format(minutes=section.minutes) \
                    if tier.timed else ""
                rows.append(Option(literal(f"  {mark} {section.title}{minutes}"),
                                   id=f"section:{section.id}"))
        return rows

    def refresh_rows(self) -> None:
        """Rebuild the contents with current progress, keeping the highlight."""
        options = self.query_one("#reading-toc", OptionList)
        previous = options.highlighted_option.id if options.highlighted_option else None
        try:
            self.catalog = catalog_for(self.app)
            rows = self._rows(self.catalog)
        except (ContentError, CoprodError) as error:
            self.notify(error.message, severity="error", markup=False)
            return
        options.clear_options()
        options.add_options(rows)
        ids = [row.id for row in rows]
        if previous in ids and previous != CONTINUE_ID:
            options.highlighted = ids.index(previous)
        else:
            options.highlighted = next(i for i, row in enumerate(rows) if not row.disabled)

    @on(OptionList.OptionHighlighted, "#reading-toc")
    def _describe(self, event: OptionList.OptionHighlighted) -> None:
        if self.catalog is None or not event.option.id:
            return
        about = _("Open the section you were reading, at the same place.")
        if event.option.id.startswith("section:"):
            section = self.catalog.section(event.option.id.partition(":")[2])
            tier = self.catalog.tier(section.tier_id) if section else None
            about = tier.about if tier else ""
        self.query_one("#reading-about", Static).update(about)

    @on(OptionList.OptionSelected, "#reading-toc")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id or "")

    def action_open(self) -> None:
        """Read the highlighted section."""
        option = self.query_one("#reading-toc", OptionList).highlighted_option
        if option is not None and option.id:
            self._open(option.id)

    def action_continue(self) -> None:
        """Continue where you left off."""
        continue_reading(self.app)

    def _open(self, option_id: str) -> None:
        if option_id == CONTINUE_ID:
            continue_reading(self.app)
        elif option_id.startswith("section:"):
            self.jump(OpenReading(option_id.partition(":")[2]))
