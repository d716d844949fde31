"""A team's stocktake in the app: share one stocktake to a file, combine three or more files.

The same rules as ``coprod stocktake --share`` and ``--team``: the shared file
holds scores only (notes if asked), no name, date or journal; the team view
needs three or more files and never shows which file said what.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.clock import local_display
from coprod_tui.core.ui.quiet import QuietInput
from coprod_tui.core.ui.screens import CoprodDialog, CoprodScreen, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.stocktake import share as stocktake_share
from coprod_tui.stocktake.compare_screen import _TextScreen
from coprod_tui.stocktake.rules import Stocktake
from coprod_tui.stocktake.statements import StatementSet
from coprod_tui.stocktake.team import MIN_PEOPLE, TeamView, combine, pair_rule, team_lines
from coprod_tui.transfer.files import ExportExistsError

SHARE_HELP = N_("""\
## Share a stocktake for a team view

Writes one finished stocktake to a small file that holds the fifteen scores
and nothing else: no name, no date, no journal. `n` adds your notes (what is
working, what next) if you want the team to read them. Give the file to the
person combining the team's files. `Tab` moves to the file name; `w` or
`ctrl+s` writes; an existing file is replaced only when you press `r`.
""")

PICK_HELP = N_("""\
## Team view: choose the shared files

Each person shares their stocktake to a file (`s` in the Stocktake area, or
`coprod stocktake --share -o FILE`). Put the files in one folder, type the
folder's name and press Enter: the shared stocktakes in it are listed. `space`
marks a file, `a` marks them all, `o` opens the team view. At least three
files are needed: with two, each person could work out the other's answers.
""")


class ShareDialog(CoprodDialog[Path | None]):
    """Write one stocktake as a share file; dismisses with the path written, or None."""

    HELP = SHARE_HELP
    BINDINGS = [
        Binding("w", "write", N_("Write file"), id="stocktake-share-write"),
        Binding("ctrl+s", "write", N_("Write file"), show=False, id="stocktake-share-save"),
        Binding("n", "notes", N_("Notes in/out"), id="stocktake-share-notes"),
        Binding("r", "replace", N_("Replace file"), id="stocktake-share-replace"),
    ]

    def __init__(self, stocktake: Stocktake, statements: StatementSet,
                 folder: Path | None = None) -> None:
        super().__init__()
        self.stocktake = stocktake
        self.statements = statements
        self.with_notes = False
        self.exists: str | None = None  # a path that exists, once the user has been told
        start = folder if folder is not None else Path("~")
        self.default_path = str(start / stocktake_share.default_share_name())

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Share a stocktake for a team view"), classes="dialog-title")
            yield Static(
                _("The stocktake of {when} (total {total}). The file holds the scores only: "
                  "no name, no date, no journal.").format(
                    when=local_display(self.stocktake.date), total=self.stocktake.total()),
                markup=False)
            yield Static(_("Save to (Tab to change)"), classes="field-label")
            yield QuietInput(self.default_path, id="stocktake-share-path")
            yield OptionList(id="stocktake-share-actions")
            yield Static("", id="stocktake-share-status", markup=False)
            yield Static(_("w: write    n: notes in or out    b or Esc: cancel"),
                         classes="dialog-keys")
        yield Footer()

    def on_mount(self) -> None:
        self._fill()
        self.query_one("#stocktake-share-actions", OptionList).focus()

    def _fill(self) -> None:
        actions = self.query_one("#stocktake-share-actions", OptionList)
        actions.clear_options()
        notes = ("[x] n  " + _("Notes: included (what is working, what next)")
                 if self.with_notes else "[ ] n  " + _("Notes: left out (scores only)"))
        actions.add_options([Option(literal("> w  " + _("Write the file")), id="write"),
                             Option(literal(notes), id="notes")])
        actions.highlighted = 0
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Replace only after being told the file exists."""
        if action == "replace":
            return self.exists is not None and self.exists == self._path()
        return True

    def _path(self) -> str:
        return self.query_one("#stocktake-share-path", Input).value.strip()

    def _status(self, text: str) -> None:
        self.query_one("#stocktake-share-status", Static).update(literal(text))

    @on(OptionList.OptionSelected, "#stocktake-share-actions")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        getattr(self, f"action_{event.option.id}")()

    @on(Input.Submitted, "#stocktake-share-path")
    def _path_entered(self) -> None:
        self.query_one("#stocktake-share-actions", OptionList).focus()

    def action_notes(self) -> None:
        """Include or leave out the notes."""
        self.with_notes = not self.with_notes
        self._fill()

    def action_write(self, overwrite: bool = False) -> None:
        """Write the file (never replacing one without ``r``)."""
        path = self._path()
        if not path:
            self._status(_("Type a file name first (Tab moves to it)."))
            return
        try:
            written = stocktake_share.write_share(path, self.stocktake, self.statements,
                                                  with_notes=self.with_notes,
                                                  overwrite=overwrite)
        except ExportExistsError:
            self.exists = path
            self._status(_("{path} already exists; nothing was written. Change the name, "
                           "or press r to replace it.").format(path=path))
            self.refresh_bindings()
            return
        except CoprodError as error:
            self._status(error.message)
            return
        self.dismiss(written)

    def action_replace(self) -> None:
        """Replace the existing file, after the user was told it exists."""
        if self.exists is not None and self.exists == self._path():
            self.action_write(overwrite=True)

    def action_back(self) -> None:
        """Close without writing."""
        self.dismiss(None)


class StocktakeTeamPickScreen(CoprodScreen[None]):
    """Choose three or more shared files from a folder, then open the team view."""

    HELP = PICK_HELP
    BINDINGS = [
        Binding("space", "mark", N_("Mark"), id="stocktake-team-mark"),
        Binding("a", "mark_all", N_("Mark all"), id="stocktake-team-all"),
        Binding("o", "open", N_("Open team view"), id="stocktake-team-open"),
    ]
    CSS = screen_css(__file__, "team_screen.tcss")

    def __init__(self, statements: StatementSet, folder: Path | None = None) -> None:
        super().__init__()
        self.statements = statements
        self.folder = str(folder) if folder is not None else "~"
        self.files: list[Path] = []
        self.marked: set[Path] = set()

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Team view: choose three or more shared files"), classes="screen-title")
        yield Static(_("Folder (type a folder, Enter lists its shared stocktakes)"),
                     classes="field-label")
        yield QuietInput(self.folder, id="stocktake-team-folder")
        yield OptionList(id="stocktake-team-files")
        yield Static("", id="stocktake-team-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load_folder(self.folder)
        self.query_one("#stocktake-team-files", OptionList).focus()

    @on(Input.Submitted, "#stocktake-team-folder")
    def _folder_entered(self, event: Input.Submitted) -> None:
        self.load_folder(event.value.strip() or "~")
        self.query_one("#stocktake-team-files", OptionList).focus()

    def load_folder(self, folder: str) -> None:
        """List the shared stocktakes in ``folder`` (share files are small: read at once)."""
        try:
            self.files = stocktake_share.find_shares(folder)
        except CoprodError as error:
            self.files = []
            self.marked.clear()
            self._fill(error.message)
            return
        self.folder = folder
        self.marked = {path for path in self.marked if path in self.files}
        self._fill()

    def _fill(self, problem: str = "") -> None:
        options = self.query_one("#stocktake-team-files", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(
            Option(literal(("[x] " if path in self.marked else "[ ] ") + path.name), id=str(path))
            for path in self.files
        )
        if self.files:
            options.highlighted = min(highlighted or 0, len(self.files) - 1)
        if problem:
            status = problem
        elif not self.files:
            status = _("No shared stocktakes in this folder. Tab to the folder name to "
                       "change it.")
        else:
            status = _("{marked} of {count} marked; at least {needed} are needed. space: mark"
                       "    a: all    o: open").format(marked=len(self.marked),
                                                       count=len(self.files), needed=MIN_PEOPLE)
        self.query_one("#stocktake-team-status", Static).update(literal(status))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Marking needs files; opening is always shown and explains what is missing."""
        if action in ("mark", "mark_all"):
            return bool(self.files)
        return True

    def action_mark(self) -> None:
        """Mark or unmark the highlighted file."""
        index = self.query_one("#stocktake-team-files", OptionList).highlighted
        if index is None or index >= len(self.files):
            return
        self.marked ^= {self.files[index]}
        self._fill()

    @on(OptionList.OptionSelected, "#stocktake-team-files")
    def _selected(self) -> None:
        self.action_mark()

    def action_mark_all(self) -> None:
        """Mark every file (or unmark all, when all are marked)."""
        self.marked = set() if self.marked == set(self.files) else set(self.files)
        self._fill()

    def action_open(self) -> None:
        """Combine the marked files into the team view."""
        chosen = sorted(self.marked)
        if len(chosen) < MIN_PEOPLE:
            rule = pair_rule()
            self._fill(_("{rule}. {count} marked.").format(rule=rule[:1].upper() + rule[1:],
                                                           count=len(chosen)))
            return
        try:
            view = combine([stocktake_share.read_share(path) for path in chosen])
        except CoprodError as error:
            self._fill(error.message)
            return
        self.app.push_screen(StocktakeTeamScreen(view, self.statements))

    def action_back(self) -> None:
        """Back to the stocktake area."""
        self.app.pop_screen()


class StocktakeTeamScreen(_TextScreen):
    """Three or more people's scores combined: spreads and disagreements, no one's column."""

    TITLE_TEXT = N_("Team view: where people agree and disagree")
    HELP = N_("""\
## Team view

For each value and statement: the lowest, median and highest score across the
people who shared, and the spread between them. The statements where people
disagree most come first: they are where the team's conversation starts.
Nothing shows who gave which score. Escape or `b` goes back.
""")

    def __init__(self, view: TeamView, statements: StatementSet) -> None:
        super().__init__()
        self.team = view
        self.statements = statements

    def text(self) -> str:
        """The team view."""
        return "\n".join(team_lines(self.team, self.statements))
