"""Export: choose what (all, or by value, tag and dates), the format and where to save.

The file is written by the store (0600, atomically); an existing file is
replaced only after the user says so in a dialog.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.clock import parse_day
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.core.ui.quiet import QuietInput
from coprod_tui.core.ui.screens import AreaScreen, CoprodDialog, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _, ngettext
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.transfer.common import FORMATS, ExportFilter, default_filename, value_label

if TYPE_CHECKING:
    from coprod_tui.core.store import Store

HELP = N_("""\
## Export

Take your reflections with you: for a CPD portfolio, an NMC revalidation
reflective account, an HCPC profile or a team discussion.

1. Move to **Format**, **Value** or **Tag** and press Enter to choose.
   **Entries** picks entries one by one (`space` ticks, Enter done).
   `a` sets everything back to the whole journal.
2. `Tab` moves to the **From** and **To** dates (YYYY-MM-DD, empty for any)
   and to **Save to** (the file name).
3. Press `e` on the list, or `ctrl+s` anywhere, to export.

Files are private to you (0600). An existing file is never replaced without
asking. `json` is the full backup (every record, settings and drafts); bring
it back with `coprod import FILE`. `nmc` is the whole NMC revalidation pack
for your window (accounts under the form's four questions, what is missing
marked; the CPD record, feedback, practice hours, the discussion); `hcpc` the
parts of an HCPC CPD profile; `html` the pack as a page to print. The
reflective discussion partner's details are never in an export made here
(`coprod export --with-partner` adds them).
""")

# The list's rows and their labels (shown as ``_(label)``).
ROWS = (("format", N_("Format")), ("value", N_("Value")), ("tag", N_("Tag")),
        ("entries", N_("Entries")), ("go", ""))
ALL = "*all*"  # the "no filter" choice in the value and tag dialogs


def _tags_in_use(store: Store) -> list[str]:
    """Every tag on an entry, one spelling each, sorted (run in a worker)."""
    found: dict[str, str] = {}
    for doc in store.all("entries"):
        for tag in doc.get("tags", []) if isinstance(doc.get("tags"), list) else []:
            if isinstance(tag, str) and tag:
                found.setdefault(tag.lower(), tag)
    return sorted(found.values(), key=str.lower)


def _entry_choices(store: Store) -> list[tuple[str, str]]:
    """(id, "day  title") for every entry, newest first (run in a worker)."""
    from coprod_tui.journal.entry import Entry
    from coprod_tui.transfer.common import local_day

    rows = []
    for doc in store.all("entries"):
        try:
            entry = Entry.from_doc(doc)
        except (TypeError, ValueError, AttributeError, KeyError):
            continue
        day = local_day(entry.created)
        title = " ".join((entry.title or _("Untitled")).split())[:60]
        rows.append((entry.created, entry.id, f"{day or '----------'}  {title}"))
    rows.sort(reverse=True)
    return [(entry_id, label) for _, entry_id, label in rows]


class ConfirmReplace(CoprodDialog[bool]):
    """Ask before replacing an existing file; ``r`` replaces, ``b`` or Escape cancels."""

    BINDINGS = [
        Binding("r", "replace", N_("Replace"), id="export-replace"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("The file already exists"), classes="dialog-title")
            yield Static(literal(_("{path} already exists. Replace it with this export?").format(
                path=self.path)))
            yield Static(_("r: replace it    b or Esc: cancel (nothing is written)"),
                         classes="dialog-keys")
        yield Footer()

    def action_replace(self) -> None:
        """Replace the file."""
        self.dismiss(True)

    def action_back(self) -> None:
        """Keep the existing file."""
        self.dismiss(False)


class ExportScreen(AreaScreen):
    """Choices on a list, dates and path in fields, and a status line."""

    HELP = HELP
    BINDINGS = [
        Binding("enter", "change", N_("Change"), id="export-change"),
        Binding("e", "export", N_("Export"), id="export-go", tooltip=N_("Export with these choices")),
        Binding("ctrl+s", "export", N_("Export"), show=False, id="export-save"),
        Binding("a", "all", N_("All entries"), id="export-all", tooltip=N_("Clear every filter")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.fmt = "md"
        self.value: str | None = None
        self.tag: str | None = None
        self.ids: list[str] = []
        self.known_tags: list[str] = []
        self.saved_to: Path | None = None
        self._default_path = self._path_for(self.fmt)

    @staticmethod
    def _path_for(fmt: str) -> str:
        return "~/" + default_filename(fmt, dt.date.today())

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Export your journal"), classes="screen-title")
        yield OptionList(id="export-choices")
        with Horizontal(id="export-dates"):
            with Vertical():
                yield Static(_("From (YYYY-MM-DD, empty: any)"), classes="field-label")
                yield QuietInput(placeholder=_("YYYY-MM-DD"), id="export-since")
            with Vertical():
                yield Static(_("To (YYYY-MM-DD, empty: any)"), classes="field-label")
                yield QuietInput(placeholder=_("YYYY-MM-DD"), id="export-until")
        yield Static(_("Save to"), classes="field-label")
        yield QuietInput(self._default_path, id="export-path")
        yield Static("", id="export-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        from coprod_tui.core.store.crypto import is_encrypted

        self.refresh_rows()
        status = _("Choose what to export, then press e (or ctrl+s).")
        if is_encrypted(self.app.data_dir):  # type: ignore[attr-defined]
            status += " " + _("Note: your journal is encrypted, but an export is an ordinary "
                              "file that anyone who can read it can read (`coprod export "
                              "--encrypt-to` writes an encrypted one).")
        self._status(status)
        self.query_one("#export-choices", OptionList).focus()
        self.load_tags()

    def on_screen_resume(self) -> None:
        self.load_tags()

    def on_store_ready(self) -> None:
        self.load_tags()

    def load_tags(self) -> None:
        """Collect the tags in use (off the UI thread)."""
        self.run_loading(_tags_in_use, lambda tags: setattr(self, "known_tags", tags),
                         group="export-tags")

    # -- the list of choices ---------------------------------------------------
    def _row_text(self, key: str) -> Content:
        if key == "go":
            return Content.assemble(("> " + _("Export now"), "bold"),
                                    "  " + _("(e, or ctrl+s from a field)"))
        if key == "format":
            text = f"{self.fmt}: {_(FORMATS[self.fmt])}"
        elif key == "value":
            text = value_label(self.value) if self.value else _("all values")
        elif key == "entries":
            text = (ngettext("{count} chosen", "{count} chosen", len(self.ids)).format(
                count=len(self.ids)) if self.ids else _("all that match (Enter to choose some)"))
        else:
            text = self.tag if self.tag else _("all tags")
        if self.fmt == "json" and key in ("value", "tag", "entries"):
            text += " " + _("(json holds everything)")
        # The labels' column is as wide as the longest label in the interface language.
        width = max(len(_(label)) for _key, label in ROWS if label) + 1
        label = _(dict(ROWS)[key])
        return Content.assemble((f"{label:<{width}}", "bold"), literal(text))

    def refresh_rows(self) -> None:
        """Redraw the list with the current choices."""
        options = self.query_one("#export-choices", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(Option(self._row_text(key), id=key) for key, _ in ROWS)
        options.highlighted = highlighted if highlighted is not None else 0

    @on(OptionList.OptionSelected, "#export-choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.change(event.option.id or "")

    def action_change(self) -> None:
        """Change the highlighted choice."""
        option = self.query_one("#export-choices", OptionList).highlighted_option
        if option is not None and option.id:
            self.change(option.id)

    def change(self, key: str) -> None:
        """Open the dialog for one choice (or export, on the last row)."""
        if key == "go":
            self.action_export()
        elif key == "format":
            choices = [(fmt, f"{fmt}: {_(text)}") for fmt, text in FORMATS.items()]
            self.app.push_screen(ChoiceDialog(_("Format"), choices, self.fmt), self._set_format)
        elif key == "value":
            choices = [(ALL, _("all values"))] + [(v, value_label(v)) for v in VALUE_IDS]
            self.app.push_screen(ChoiceDialog(_("Value"), choices, self.value or ALL),
                                 lambda v: self._set("value", v))
        elif key == "entries":
            self.choose_entries()
        elif key == "tag":
            choices = [(ALL, _("all tags"))] + [(t, t) for t in self.known_tags]
            note = "" if self.known_tags else _("No entry has a tag yet.")
            self.app.push_screen(ChoiceDialog(_("Tag"), choices, self.tag or ALL, note),
                                 lambda v: self._set("tag", v))

    def _set_format(self, fmt: str | None) -> None:
        if fmt is None or fmt not in FORMATS:
            return
        path_input = self.query_one("#export-path", QuietInput)
        if path_input.value.strip() in ("", self._default_path):
            path_input.value = self._path_for(fmt)
        self._default_path = self._path_for(fmt)
        self.fmt = fmt
        self.refresh_rows()

    def _set(self, key: str, value: str | None) -> None:
        if value is None:
            return
        setattr(self, key, None if value == ALL else value)
        self.refresh_rows()

    def choose_entries(self) -> None:
        """Read the entries (off the UI thread), then offer them to tick."""
        self.run_loading(_entry_choices, self._offer_entries, group="export-entries")

    def _offer_entries(self, choices: list[tuple[str, str]]) -> None:

        from coprod_tui.journal.dialogs import ValuesDialog

        if not choices:
            self.notify(_("There are no entries yet."))
            return

        def chosen(ids: list[str] | None) -> None:
            if ids is not None:
                self.ids = ids
                self.refresh_rows()

        self.app.push_screen(ValuesDialog(choices, list(self.ids),
                                          title=N_("Which entries? (none ticked: all)")),
                             chosen)

    def action_all(self) -> None:
        """Export the whole journal: clear value, tag, chosen entries and dates."""
        self.value = self.tag = None
        self.ids = []
        for field_id in ("#export-since", "#export-until"):
            self.query_one(field_id, QuietInput).value = ""
        self.refresh_rows()
        self._status(_("Everything in the journal will be exported."))

    # -- exporting -----------------------------------------------------------------
    def _status(self, text: str) -> None:
        self.query_one("#export-status", Static).update(literal(text))

    def _day(self, field_id: str, name: str) -> tuple[bool, dt.date | None]:
        """The date in a field (``name``: its label, translated here), or why not."""
        widget = self.query_one(field_id, QuietInput)
        text = widget.value.strip()
        if not text:
            return True, None
        try:
            return True, parse_day(text)
        except ValueError as error:
            self.notify(_("{field}: {problem}").format(field=_(name), problem=error),
                        severity="error")
            widget.focus()
            return False, None

    def current_filter(self) -> ExportFilter | None:
        """The filter from the choices and date fields, or ``None`` (after saying why)."""
        ok_since, since = self._day("#export-since", N_("From date"))
        if not ok_since:
            return None
        ok_until, until = self._day("#export-until", N_("To date"))
        if not ok_until:
            return None
        if since and until and since > until:
            self.notify(_("The From date is after the To date."), severity="error")
            self.query_one("#export-since", QuietInput).focus()
            return None
        if self.fmt == "json":
            return ExportFilter()
        return ExportFilter(tuple(filter(None, [self.value])), tuple(filter(None, [self.tag])),
                            since, until, tuple(self.ids))

    def action_export(self) -> None:
        """Export with the current choices, asking before replacing a file."""
        if not self.app.store_ready:
            self.notify(_("Your data is still being opened; try again in a moment."))
            return
        flt = self.current_filter()
        if flt is None:
            return
        raw = self.query_one("#export-path", QuietInput).value.strip()
        if not raw:
            self.notify(_("Give a file name to save to."), severity="error")
            self.query_one("#export-path", QuietInput).focus()
            return
        path = Path(raw).expanduser()
        if path.exists() or path.is_symlink():
            self.app.push_screen(
                ConfirmReplace(path),
                lambda yes: self.run_export(self.fmt, flt, path, True) if yes else
                self._status(_("Nothing written: {path} was kept as it is.").format(path=path)),
            )
            return
        self.run_export(self.fmt, flt, path, False)

    def run_export(self, fmt: str, flt: ExportFilter, path: Path, overwrite: bool) -> None:
        """Render and write the export off the UI thread."""
        from coprod_tui.transfer.files import ExportExistsError, render, write_export

        def failed(error: CoprodError) -> None:
            if isinstance(error, ExportExistsError):
                self._status(_("{path} appeared meanwhile; press e again.").format(path=path))
            else:
                self._failed(error.message)

        self.run_loading(lambda store: write_export(path, render(store, fmt, flt),
                                                    overwrite=overwrite),
                         lambda written: self._saved(fmt, written), group="export-write",
                         on_error=failed)

    def _failed(self, message: str) -> None:
        self.notify(message, severity="error", timeout=10)
        self._status(_("Not saved: {problem}").format(problem=message))

    def _saved(self, fmt: str, path: Path) -> None:
        self.saved_to = path
        message = _("Saved the {format} export to {path} (only you can read it).").format(
            format=fmt, path=path)
        self._status(message)
        self.notify(message)

    CSS = screen_css(__file__, "screen.tcss")
