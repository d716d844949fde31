"""Help: the keys actually in force on the current screen, and its help text.

Generated from the live bindings (after any keymap changes), so it can never
drift from what the keys do.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from coprod_tui.core.ui.screens import CoprodDialog, screen_css

GENERAL = """\
## Finding your way

- Numbers on the home screen open each area.
- `Escape` steps back one level, never losing text (unsaved writing is kept
  as a draft, or you are asked); `b` does the same outside a text box.
- `h` goes home from anywhere (each area stays where you left it); `q` quits.
  In a text box these letters type: press `Tab` to leave the box, or Escape.
- `Tab` and `shift+tab` move between parts of a screen; arrows move in lists.
- `ctrl+p` opens the command palette: type to find any place or action.
- `q` or `ctrl+q` quits. Unsaved writing is kept as a draft, also if your
  connection drops.
- Every dialog closes with `b` (outside a text box) as well as Escape.
- For a plain, screen-reader friendly way in, run `coprod --help` in a shell.
- To change a key, put its id (last column above) and the new key in
  `keymap.json` in your data folder, e.g. `{"quit": "ctrl+x"}`, and restart.

## Opening a link from a shared server

coprod never opens a web browser: over SSH, it would open on the server, not
in front of you. To watch a recording or open the slides on your own device:

1. In the reader, press `l` to list the links in the section.
2. Choose one with the arrows and press `Enter` to copy it.
3. Paste it into a browser on your own computer, tablet or phone.

Copying goes through your terminal's clipboard support (OSC 52). Most modern
terminals allow it, some only once it is switched on in their settings, and
some (macOS Terminal, for one) not at all. The address is always shown in full,
so you can also select it with your terminal's own mouse selection (start
coprod with `--no-mouse` so the terminal handles the mouse), or print the
section as plain text with `coprod read an-hour` and copy it from there.
"""


@dataclass(frozen=True)
class KeyRow:
    """One line of the key table."""

    key: str
    description: str
    binding_id: str = ""


def _escape_md(text: str) -> str:
    return text.replace("|", "\\|").replace("`", "'")


class HelpScreen(CoprodDialog[None]):
    """A dialog listing the current screen's keys and help text."""

    CSS = screen_css(__file__, "help.tcss")

    def __init__(self, rows: list[KeyRow], text: str) -> None:
        super().__init__()
        self.rows = rows
        self.text = text

    @classmethod
    def for_screen(cls, screen: Screen) -> HelpScreen:
        """Build help from ``screen``'s active bindings and its ``HELP`` text."""
        app = screen.app
        rows: list[KeyRow] = []
        seen: set[tuple[str, str]] = set()
        for key, active in screen.active_bindings.items():
            binding: Binding = active.binding
            description = binding.description or binding.action
            shown = app.get_key_display(binding) if binding.key == key else key
            marker = (shown, description)
            if marker in seen or not description:
                continue
            seen.add(marker)
            rows.append(KeyRow(shown, description, binding.id or ""))
        rows.sort(key=lambda row: (row.description.lower(), row.key))
        text = getattr(screen, "HELP", "") or ""
        return cls(rows, text)

    def markdown(self) -> str:
        """The whole help page as Markdown."""
        lines = ["# Keys on this screen", "", "| Key | Does | Id (keymap.json) |", "|---|---|---|"]
        lines += [
            f"| `{_escape_md(r.key)}` | {_escape_md(r.description)} | {_escape_md(r.binding_id)} |"
            for r in self.rows
        ]
        parts = ["\n".join(lines)]
        if self.text:
            parts.append(self.text)
        parts.append(GENERAL)
        return "\n\n".join(parts)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            with VerticalScroll(id="help-body"):
                yield Markdown(self.markdown(), id="help-text")
            yield Static("b or Esc: close    arrows / page keys: scroll", classes="dialog-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_back(self) -> None:
        """Close help."""
        self.dismiss()
