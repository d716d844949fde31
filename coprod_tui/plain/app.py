"""The plain-mode home menu and the loop that runs it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from coprod_tui.core.store import Store
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _
from coprod_tui.plain.console import NAVIGATION, Back, Console, Home, Quit

WELCOME = N_("coprod plain mode: co-production with carers in health settings. "
             "Nothing is redrawn; each line is printed once.")


@dataclass
class Plain:
    """What every plain-mode area needs: the console, the data folder and content packs."""

    console: Console
    data_dir: Path
    content_dirs: list[Path] = field(default_factory=list)
    _store: Store | None = None
    #: An encrypted journal's key (asked before plain mode starts).
    key: Any = None

    @property
    def store(self) -> Store:
        """The user's store, opened (and checked) the first time it is needed."""
        if self._store is None:
            self._store = Store.open(self.data_dir, self.key)
        return self._store


def _areas() -> list[tuple[str, Callable[[Plain], None]]]:
    from coprod_tui.plain import complexity, export, journal, reading, settings, spectrum, stocktake

    return [
        (_("Read the toolkit (tiers and sections)"), reading.run),
        (_("Journal (write, list, search, actions, drafts)"), journal.run),
        (_("Spectrum of engagement (place an activity, practise)"), spectrum.run),
        (_("Complexity (is a challenge one to co-produce? practise)"), complexity.run),
        (_("Stocktake (score your practice, history)"), stocktake.run),
        (_("Export your journal to a file"), export.run),
        (_("Settings"), settings.run),
        (_("Help"), _help),
    ]


def _help(plain: Plain) -> None:
    plain.console.wrap(_(NAVIGATION))
    plain.console.say()
    plain.console.wrap(_(
        "The same tasks work as single commands too: coprod read, add, list, show, edit, "
        "actions, drafts, spectrum, complexity, stocktake, export, settings (see "
        "coprod --help). Your data is private to you (folder 0700, files 0600)."))
    plain.console.say()


def run_plain(inp: TextIO, out: TextIO, data_dir: Path, content_dirs: list[Path] | None = None,
              width: int = 78, key: Any = None) -> int:
    """Run plain mode on ``inp``/``out`` until the user quits or input ends; exit code.

    ``key`` unlocks an encrypted journal (see ``core/store/crypto.py``)."""
    console = Console(inp, out, width)
    plain = Plain(console, data_dir, list(content_dirs or []), key=key)
    console.wrap(_(WELCOME))
    console.wrap(_(NAVIGATION))
    console.say()
    areas = _areas()
    while True:
        try:
            choice = console.choose(_("Home"), [title for title, _run in areas])
            areas[choice][1](plain)
        except (Back, Home):
            console.say()
            continue
        except Quit:
            console.say(_("Goodbye."))
            return 0
        except EOFError:
            console.say(_("End of input: goodbye."))
            return 0
        except KeyboardInterrupt:
            console.say(_("Interrupted."))
            return 130
        except CoprodError as error:
            console.say(_("error: {message}").format(message=error.message))
            console.say()
