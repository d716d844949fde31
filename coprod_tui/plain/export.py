"""Plain mode: export the journal to a private file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.transfer.common import ExportFilter
from coprod_tui.transfer.files import ExportExistsError, default_path, render, write_export

if TYPE_CHECKING:
    from coprod_tui.plain.app import Plain

FORMATS = (
    ("md", "Markdown (md): readable, for notes and sharing"),
    ("txt", "Plain text (txt)"),
    ("nmc", "NMC revalidation reflective accounts (nmc)"),
    ("json", "Full backup of everything (json), for `coprod import`"),
)


def run(plain: Plain) -> None:
    """Choose a format and which entries, then where to write the file."""
    console = plain.console
    fmt = FORMATS[console.choose("Export: choose a format", [label for _, label in FORMATS])][0]
    flt = ExportFilter()
    if fmt != "json":
        picked = console.choose_many(
            "Only entries about these values? (Enter for every entry)", list(VALUE_IDS))
        flt = ExportFilter(values=tuple(VALUE_IDS[i] for i in picked))
    text = render(plain.store, fmt, flt)
    if plain.store.encrypted:
        console.wrap("Note: your journal is encrypted, but an export is an ordinary file: "
                     "anyone who can read the file can read it. `coprod export --encrypt-to` "
                     "writes an encrypted (age) export instead.")
    path = Path(console.text("File to write", str(default_path(fmt))))
    try:
        written = write_export(path, text)
    except ExportExistsError:
        if not console.yes_no(f"{path} exists. Replace it?", default=False):
            console.say("Nothing was written.")
            return
        written = write_export(path, text, overwrite=True)
    console.say(f"Saved {fmt} export to {written} (private to you).")
    console.say()
