"""The journal: entries newest first, search as you type, filters, counts.

Entries are read once in a worker into a :class:`SearchIndex`; each keystroke
filters in memory and refills one ``OptionList`` (a virtual list), so the
screen stays quick with 10,000 entries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.store import Store
from coprod_tui.core.text import one_line
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.core.ui.safe_text import SafeInput
from coprod_tui.core.ui.screens import AreaScreen, screen_css
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.journal.dialogs import ConfirmDialog, DateRangeDialog, DraftsDialog
from coprod_tui.journal.editor import EntryEditorScreen
from coprod_tui.journal.entry import VALUE_IDS, Entry
from coprod_tui.journal.records import EntryStore
from coprod_tui.journal.search import NO_VALUE, Filters, SearchIndex
from coprod_tui.journal.summary import journal_index
from coprod_tui.journal.support import (
    DRAFT_PREFIX,
    LEGEND,
    VALUE_LETTERS,
    draft_description,
    entry_row,
    values_content,
)

if TYPE_CHECKING:
    from coprod_tui.app import CoprodApp
    from coprod_tui.core.store import Store

KEYS_LINE = N_("Enter view  e edit  x delete  a actions  u trash  r drafts  F1 every key")
# Rows put in the list at a time: typing stays quick with 10,000 entries.
PAGE = 300

HELP = N_("""\
## Journal

Your private reflections, newest first. Each row shows the day, the values
it covers as letters (S strengths, N networks, W what matters,
R relationships, C change makers; `-` for the rest) and the title.

- `n` new entry about one value (its explanation and prompts are shown)
- `w` value by value: one experience through all five values
- `/` search titles, text and tags as you type (`Esc` or Enter back to the list);
  the line above the list says `Search: words`, `Esc` in the list clears it, and
  leaving the journal ends it
- `f` filter menu, or directly `v` value, `t` tag, `d` dates; choose "any" to clear
- Enter view, `e` edit, `x` delete (asks first; restore from the trash `u`)
- `a` open actions, `r` drafts of unsaved writing (`d` there discards one, after asking)
""")


def load_journal(store: Store) -> SearchIndex:
    """Every entry, indexed (the work a benchmark times); shared with home's
    summary and rebuilt only when the data file changed."""
    return journal_index(store)


def edit_screen(app: CoprodApp, entry: Entry) -> EntryEditorScreen:
    """An editor for ``entry``, restoring unsaved changes kept as a draft if there are any."""
    try:
        draft = app.store.load_draft(f"{DRAFT_PREFIX}{entry.id}")
    except CoprodError:
        draft = None
    if draft:
        app.notify(_("Carrying on from your unsaved changes to this entry."))
    return EntryEditorScreen.editing_entry(entry, draft)


def _read_journal(store: Store) -> tuple[SearchIndex, list[dict]]:
    """The journal's search index and its entry drafts (run in a worker)."""
    index = load_journal(store)
    drafts = [d for d in store.drafts() if str(d.get("id", "")).startswith(DRAFT_PREFIX)]
    return index, drafts


class JournalScreen(AreaScreen):
    """The list of entries with search and filters."""

    CSS = screen_css(__file__, "journal.tcss")

    HELP = HELP
    BINDINGS = [
        Binding("n", "new", N_("New"), id="journal-new"),
        Binding("w", "walk", N_("By value"), id="journal-walk"),
        Binding("slash", "search", N_("Search"), id="journal-search"),
        Binding("f", "filter_menu", N_("Filter"), id="journal-filter"),
        Binding("v", "filter_value", N_("Filter by value"), id="journal-value", show=False),
        Binding("t", "filter_tag", N_("Filter by tag"), id="journal-tag", show=False),
        Binding("d", "filter_dates", N_("Filter by dates"), id="journal-dates", show=False),
        # Edit and delete are said on the keys line above the footer: without them the
        # footer's keys fit 80 columns whole, in English and in Welsh (Trash included).
        Binding("e", "edit", N_("Edit"), id="journal-edit", show=False),
        Binding("x", "delete", N_("Delete"), id="journal-delete", show=False),
        Binding("a", "actions", N_("Actions"), id="journal-actions"),
        Binding("u", "trash", N_("Trash"), id="journal-trash",
                tooltip=N_("Deleted entries: restore one (undo a delete)")),
        Binding("r", "drafts", N_("Drafts"), id="journal-drafts", show=False),
        Binding("down", "to_list", N_("To the list"), show=False, id="journal-to-list"),
    ]
    # The list, not the search box, has focus from the first frame: a fast "2n" opens a
    # new entry instead of typing "n" into the search.
    AUTO_FOCUS = "#entries"

    def __init__(self) -> None:
        super().__init__()
        self.index = SearchIndex()
        self.filters = Filters()
        self.matches: list[Entry] = []
        self.shown: list[Entry] = []
        self.limit = PAGE
        self._rows: dict[int, Content] = {}
        self.loaded = False
        self._offered_drafts = False

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Journal"), classes="screen-title")
        yield SafeInput(self.filters.words, placeholder=_("Search titles, text and tags ( / )"),
                        id="search")
        yield Static("", id="journal-filters", markup=False)
        yield OptionList(id="entries")
        yield Static(_(LEGEND) + "\n" + _(KEYS_LINE), id="journal-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#entries", OptionList).focus()
        self._mode = self.app.current_mode
        self.app.mode_change_signal.subscribe(self, self._mode_changed)
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_store_ready(self) -> None:
        self.reload()

    async def recompose(self) -> None:
        """Build the screen again (a change of language) with the same list, place and focus."""
        current = self._current()
        await super().recompose()
        self._rows = {}  # rows hold words in the old language
        if self.loaded:
            self.refilter()
            if current is not None:
                found = next((i for i, e in enumerate(self.shown) if e.id == current.id), None)
                if found is not None:
                    self.query_one("#entries", OptionList).highlighted = found
        self.query_one("#entries", OptionList).focus()

    # -- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        """Read entries and drafts off the UI thread."""
        self.run_loading(_read_journal, self._loaded, group="journal-load")

    def _loaded(self, loaded: tuple[SearchIndex, list[dict]]) -> None:
        index, drafts = loaded
        if index is not self.index:
            # A new index is long-lived: keep the garbage collector off it.
            self.app.keep_long_lived()
        self.index = index
        self._rows = {}
        self.refilter(keep_place=self.loaded)
        self.loaded = True
        # Offer drafts once, when the journal is first opened (after a restart):
        # not each time the user comes back from an editor they chose to leave.
        if drafts and not self._offered_drafts:
            self._offer_drafts(drafts)
        self._offered_drafts = True

    # -- filtering -------------------------------------------------------------------
    def refilter(self, keep_limit: bool = False, keep_place: bool = False) -> None:
        """Apply the search words and filters to the loaded entries.

        ``keep_place``: the highlight stays on the entry it was on (coming back from
        viewing or editing one), not back at the top.
        """
        entries = self.query_one("#entries", OptionList)
        current = self._current() if keep_place else None
        if not keep_limit:
            self.limit = max(self.limit, PAGE) if keep_place else PAGE
        self.matches = self.index.search(self.filters)
        self.shown = self.matches[: self.limit]
        highlighted = entries.highlighted if keep_limit else 0
        if current is not None:
            # Entries are rebuilt on reload: find the same one by its id.
            found = next((i for i, e in enumerate(self.shown) if e.id == current.id), None)
            highlighted = found if found is not None else min(entries.highlighted or 0,
                                                               max(len(self.shown) - 1, 0))
        # No option ids: rows map to ``self.shown`` by index (and an imported
        # file with a repeated or missing id cannot break the list).
        entries.set_options(Option(self._row(e)) for e in self.shown)
        more = len(self.matches) - len(self.shown)
        if more > 0:
            entries.add_option(Option(_("... {more} more: press Enter to show the next {page}")
                                      .format(more=more, page=PAGE)))
        if self.shown:
            entries.highlighted = highlighted
        counts = self.index.value_counts()
        count_text = "  ".join(f"{VALUE_LETTERS[v]} {counts[v]}" for v in VALUE_IDS)
        if counts[NO_VALUE]:
            count_text += "  " + _("no value {count}").format(count=counts[NO_VALUE])
        total = len(self.index)
        content = values_content(self.app) if self.filters.value else None
        described = self.filters.describe(content.name if content else None)
        line = _("{shown} of {total} entries · {counts}").format(
            shown=len(self.matches), total=total, counts=count_text)
        words = one_line(self.filters.words.strip(), 40)
        if words:
            # Said in words, not only by what the box holds: Esc clears it.
            line += "\n" + _("Search: {words} (Esc clears)").format(words=words)
        if described:
            line += "\n" + _("showing {filters} (f to change)").format(filters=described)
        if not total:
            line = _("No entries yet. Press n to write about a value, or w to go value by value.")
        self.query_one("#journal-filters", Static).update(line)

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.filters = replace(self.filters, words=event.value)
        self.refilter()

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.action_to_list()

    def action_search(self) -> None:
        """Type to search."""
        self.query_one("#search", Input).focus()

    def action_to_list(self) -> None:
        """Move from the search box to the list."""
        self.query_one("#entries", OptionList).focus()

    def action_back(self) -> None:
        """Esc: from the search box back to the list; then clear an active search;
        otherwise back (home)."""
        if self.focused is self.query_one("#search"):
            self.action_to_list()
        elif self.filters.words.strip():
            self.clear_search()
            self.notify(_("Search cleared."))
        else:
            self.leave()

    def clear_search(self) -> None:
        """Empty the search box and show every entry the filters allow."""
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
        self._set(words="")

    def _mode_changed(self, mode: str) -> None:
        # Leaving the journal (home, another area) ends a search: coming back later
        # to a list silently narrowed by old words would hide entries.
        if mode != self._mode and self.filters.words:
            self.clear_search()

    def action_filter_menu(self) -> None:
        """Choose how to narrow the list (each also has its own key)."""
        choices = [("value", _("v  by value")), ("tag", _("t  by tag")), ("dates", _("d  by dates")),
                   ("clear", _("   show everything (clear filters and search)"))]

        def chosen(what: str | None) -> None:
            if what == "clear":
                self.query_one("#search", Input).value = ""
                self._set(value=None, tag=None, since=None, until=None, words="")
            elif what:
                getattr(self, f"action_filter_{what}")()

        self.app.push_screen(ChoiceDialog(_("Narrow the list"), choices), chosen)

    def action_filter_value(self) -> None:
        """Show only entries covering one value."""
        content = values_content(self.app)
        choices = [("any", _("any value"))] + [
            (v, content.name(v) if content else v) for v in VALUE_IDS
        ] + [(NO_VALUE, _("no value chosen yet (choose one with e, then ctrl+o)"))]
        self.app.push_screen(
            ChoiceDialog(_("Show entries about"), choices, self.filters.value or "any"),
            lambda v: self._set(value=None if v == "any" else v) if v else None,
        )

    def action_filter_tag(self) -> None:
        """Show only entries with one tag."""
        tags = self.index.tags()
        if not tags:
            self.notify(_("No entry has tags yet."))
            return
        choices = [("\x00any", _("any tag"))] + [(t, t) for t in tags]
        self.app.push_screen(
            ChoiceDialog(_("Show entries tagged"), choices, self.filters.tag or "\x00any"),
            lambda t: self._set(tag=None if t == "\x00any" else t) if t else None,
        )

    def action_filter_dates(self) -> None:
        """Show only entries written between two days."""
        def chosen(result: tuple[dt.date | None, dt.date | None] | None) -> None:
            if result is not None:
                self._set(since=result[0], until=result[1])

        self.app.push_screen(DateRangeDialog(self.filters.since, self.filters.until), chosen)

    def _set(self, **changes: object) -> None:
        self.filters = replace(self.filters, **changes)  # type: ignore[arg-type]
        self.refilter()

    # -- entries -------------------------------------------------------------------
    def _current(self) -> Entry | None:
        entries = self.query_one("#entries", OptionList)
        if entries.highlighted is None or entries.highlighted >= len(self.shown):
            return None
        return self.shown[entries.highlighted]

    @on(OptionList.OptionSelected, "#entries")
    def _view(self, event: OptionList.OptionSelected) -> None:
        from coprod_tui.journal.view import EntryViewScreen

        if event.option_index == len(self.shown):  # the "more" row
            self.limit += PAGE
            self.refilter(keep_limit=True)
        elif 0 <= event.option_index < len(self.shown):
            self.app.push_screen(EntryViewScreen(self.shown[event.option_index].id))

    def _row(self, entry: Entry) -> Content:
        """A list row, built once per loaded entry (typing re-uses them)."""
        row = self._rows.get(id(entry))
        if row is None:
            row = self._rows[id(entry)] = entry_row(entry)
        return row

    def action_new(self) -> None:
        """Write about one value: choose it first."""
        content = values_content(self.app)
        choices = [(v, content.name(v) if content else v) for v in VALUE_IDS]
        self.app.push_screen(
            ChoiceDialog(_("Write about which value?"), choices),
            lambda v: self.app.push_screen(EntryEditorScreen.for_value(v)) if v else None,
        )

    def action_walk(self) -> None:
        """One experience through all five values."""
        self.app.push_screen(EntryEditorScreen.walk())

    def action_edit(self) -> None:
        """Edit the highlighted entry."""
        entry = self._current()
        if entry is not None:
            self.app.push_screen(edit_screen(self.app, entry))

    def action_delete(self) -> None:
        """Move the highlighted entry to the trash (after asking)."""
        entry = self._current()
        if entry is None:
            return
        from coprod_tui.journal.support import entry_label

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            if not self.attempt(lambda: EntryStore(self.app.store).delete(entry.id)):
                return
            self.notify(_("Moved to the trash (u to see it and restore)."))
            self.reload()

        self.app.push_screen(
            ConfirmDialog(_("Delete this entry?"),
                          _("{entry}\n\nIt moves to the trash, where you can "
                            "restore it until the trash is emptied.").format(
                                entry=entry_label(entry))),
            confirmed,
        )

    def action_actions(self) -> None:
        """Open actions from every entry."""
        from coprod_tui.journal.view import ActionsScreen

        self.app.push_screen(ActionsScreen())

    def action_trash(self) -> None:
        """Deleted entries."""
        from coprod_tui.journal.view import TrashScreen

        self.app.push_screen(TrashScreen())

    # -- drafts -------------------------------------------------------------------------
    def action_drafts(self) -> None:
        """Offer unsaved writing kept as drafts."""
        kept = self.read_now(self.app.store.drafts)
        if kept is None:
            return
        drafts = [d for d in kept if str(d.get("id", "")).startswith(DRAFT_PREFIX)]
        if not drafts:
            self.notify(_("No drafts waiting."))
            return
        self._offer_drafts(drafts)

    def _offer_drafts(self, drafts: list[dict]) -> None:
        listed = [(d["id"], draft_description(d["id"], d)) for d in drafts]
        by_key = {d["id"]: d for d in drafts}

        def chosen(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            what, key = result
            if what == "discard":
                self._confirm_discard(key, dict(listed)[key])
                return
            self.app.push_screen(EntryEditorScreen.from_draft(key, by_key[key]["data"]))

        self.app.push_screen(DraftsDialog(listed), chosen)

    def _confirm_discard(self, key: str, description: str) -> None:
        """Ask before throwing a draft away: it is the only copy of that writing."""

        def answered(sure: bool | None) -> None:
            if sure and self.attempt(lambda: self.app.store.discard_draft(key)):
                self.notify(_("Draft discarded."))

        self.app.push_screen(
            ConfirmDialog(_("Discard this draft?"),
                          _("{draft}\nIt is the only copy of this writing and "
                            "cannot be brought back.").format(draft=description)),
            answered,
        )
