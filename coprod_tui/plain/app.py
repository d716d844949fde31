"""The plain-mode home menu and the loop that runs it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from coprod_tui.core.store import Store
from coprod_tui.errors import CoprodError
from coprod_tui.plain.console import NAVIGATION, Back, Console, Home, Quit

WELCOME = ("coprod plain mode: co-production with carers in health settings. "
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
        ("Read the toolkit (tiers and sections)", reading.run),
        ("Journal (write, list, search, actions, drafts)", journal.run),
        ("Spectrum of engagement (place an activity, practise)", spectrum.run),
        ("Complexity (is a challenge one to co-produce? practise)", complexity.run),
        ("Stocktake (score your practice, history)", stocktake.run),
        ("Export your journal to a file", export.run),
        ("Settings", settings.run),
        ("Help", _help),
    ]


def _help(plain: Plain) -> None:
    plain.console.wrap(NAVIGATION)
    plain.console.say()
    plain.console.wrap(
        "The same tasks work as single commands too: coprod read, add, list, show, edit, "
        "actions, drafts, spectrum, complexity, stocktake, export, settings (see "
        "coprod --help). Your data is private to you (folder 0700, files 0600).")
    plain.console.say()


def run_plain(inp: TextIO, out: TextIO, data_dir: Path, content_dirs: list[Path] | None = None,
              width: int = 78, key: Any = None) -> int:
    """Run plain mode on ``inp``/``out`` until the user quits or input ends; exit code.

    ``key`` unlocks an encrypted journal (see ``core/store/crypto.py``)."""
    console = Console(inp, out, width)
    plain = Plain(console, data_dir, list(content_dirs or []), key=key)
    console.wrap(WELCOME)
    console.wrap(NAVIGATION)
    console.say()
    areas = _areas()
    while True:
        try:
            choice = console.choose("Home", [title for title, _ in areas])
            areas[choice][1](plain)
        except (Back, Home):
            console.say()
            continue
        except Quit:
            console.say("Goodbye.")
            return 0
        except EOFError:
            console.say("End of input: goodbye.")
            return 0
        except KeyboardInterrupt:
            console.say("Interrupted.")
            return 130
        except CoprodError as error:
            console.say(f"error: {error.message}")
            console.say()
