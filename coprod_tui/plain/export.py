"""Plain mode: export the journal to a private file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coprod_tui.i18n import _
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.transfer.common import FORMATS, ExportFilter, value_label
from coprod_tui.transfer.files import ExportExistsError, default_path, render, write_export

if TYPE_CHECKING:
    from coprod_tui.plain.app import Plain

# Every format the app's Export screen offers, in its order, with its words.
FORMAT_IDS = tuple(FORMATS)


def run(plain: Plain) -> None:
    """Choose a format and which entries, then where to write the file."""
    console = plain.console
    fmt = FORMAT_IDS[console.choose(_("Export: choose a format"),
                                    [f"{fmt}: {_(FORMATS[fmt])}" for fmt in FORMAT_IDS])]
    flt = ExportFilter()
    if fmt != "json":
        picked = console.choose_many(
            _("Only entries about these values? (Enter for every entry)"),
            [value_label(v) for v in VALUE_IDS])
        flt = ExportFilter(values=tuple(VALUE_IDS[i] for i in picked))
    text = render(plain.store, fmt, flt)
    if plain.store.encrypted:
        console.wrap(_("Note: your journal is encrypted, but an export is an ordinary file: "
                       "anyone who can read the file can read it. `coprod export --encrypt-to` "
                       "writes an encrypted (age) export instead."))
    path = Path(console.text(_("File to write"), str(default_path(fmt))))
    try:
        written = write_export(path, text)
    except ExportExistsError:
        if not console.yes_no(_("{path} exists. Replace it?").format(path=path), default=False):
            console.say(_("Nothing was written."))
            return
        written = write_export(path, text, overwrite=True)
    console.say(_("Saved {format} export to {path} (private to you).").format(
        format=fmt, path=written))
    console.say()
