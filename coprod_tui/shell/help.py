"""Help: the current screen's help text, then its own keys, then the keys that
work everywhere (Textual's scrolling and copying internals left out).

Generated from the live bindings (after any keymap changes), so it can never
drift from what the keys do.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from coprod_tui.core.ui.screens import CoprodDialog, screen_css
from coprod_tui.i18n import N_, _

GENERAL = N_("""\
## Finding your way

- Numbers on the home screen open each area.
- `Escape` steps back one level, never losing text (unsaved writing is kept
  as a draft, or you are asked); `b` does the same outside a text box.
- `h` goes home from anywhere (each area stays where you left it); `q` quits.
  In a text box these letters type: press `Tab` to leave the box, or Escape.
- `Tab` and `shift+tab` move between parts of a screen; arrows move in lists.
- `ctrl+p` opens the command palette: type to find this screen's actions,
  any place, or a new journal entry.
- `q` or `ctrl+q` quits. Unsaved writing is kept as a draft, also if your
  connection drops.
- Every dialog closes with `b` (outside a text box) as well as Escape.
- For a plain, screen-reader friendly way in, run `coprod --plain` (menus and
  questions, one line at a time) or `coprod --help` in a shell.
- To change a key, put its id (in brackets after each key above) and the new
  key in `keymap.json` in your data folder, e.g. `{"quit": "ctrl+x"}`, and
  restart.

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
""")


TEXT_BOX = N_("""\
## In a text box

Letters type there, so `h`, `q` and the other letter keys do not work while
you write. `Tab` (or `shift+tab`) moves out of the box to the next part of the
screen, where they work again; `Escape` leaves the screen (unsaved writing is
kept as a draft); `ctrl+s` saves where there is something to save.
""")


@dataclass(frozen=True)
class KeyRow:
    """One line of the key table: every key for one action."""

    key: str
    description: str
    binding_id: str = ""


def _own_actions(node: object) -> set[str]:
    """Actions bound in coprod's own classes of ``node`` (not Textual's: its
    scrolling, copying and focus keys are internals, not this screen's keys)."""
    actions: set[str] = set()
    for cls in type(node).__mro__:
        if cls.__module__.startswith("coprod_tui"):
            for binding in cls.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding):
                    actions.add(binding.action)
    return actions


def _screen_bindings(screen: Screen) -> list[tuple[str, Binding]]:
    """(key, binding) for each described binding in coprod's classes of ``screen``."""
    found = []
    for cls in type(screen).__mro__:
        if cls.__module__.startswith("coprod_tui"):
            for binding in cls.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.description:
                    found += [(key.strip(), binding) for key in binding.key.split(",")]
    return found


def _rows(found: list[tuple[str, Binding]], app: App) -> list[KeyRow]:
    """One row per action in the order found, its keys joined (``h, escape``):
    the key the footer shows first, and that binding's id."""
    found = sorted(found, key=lambda pair: not pair[1].show)  # stable: order kept
    keys: dict[tuple[str, str], list[str]] = {}
    ids: dict[tuple[str, str], str] = {}
    for key, binding in found:
        description = _(binding.description) if binding.description else binding.action
        if binding.action == "command_palette":
            description = _("Command palette: find an action or a place")
        marker = (description, binding.action)
        shown = app.get_key_display(binding) if binding.key == key else key
        if shown not in keys.setdefault(marker, []):
            keys[marker].append(shown)
        if binding.id and marker not in ids:
            ids[marker] = binding.id
    order = {marker: index for index, marker in enumerate(
        dict.fromkeys((_(b.description) if b.description else b.action, b.action)
                      for _key, b in found))}
    return [KeyRow(", ".join(shown), description, ids.get((description, action), ""))
            for (description, action), shown in sorted(
                keys.items(), key=lambda item: order.get(item[0], len(order)))]


def _split_title(text: str) -> tuple[str, str]:
    """A help text's leading ``## Title`` line, and the rest."""
    first, _sep, rest = text.lstrip().partition("\n")
    if first.startswith("#"):
        return first.lstrip("#").strip(), rest.strip()
    return "", text


def _escape_md(text: str) -> str:
    return text.replace("|", "\\|").replace("`", "'")


class HelpScreen(CoprodDialog[None]):
    """A dialog: what this screen is for, its own keys, then the keys that work
    everywhere, how to leave a text box, and finding your way."""

    CSS = screen_css(__file__, "help.tcss")

    def __init__(self, rows: list[KeyRow], text: str,
                 everywhere: list[KeyRow] | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.everywhere = everywhere or []
        self.text = text

    @classmethod
    def for_screen(cls, screen: Screen) -> HelpScreen:
        """Build help from ``screen``'s active bindings and its ``HELP`` text."""
        app = screen.app
        own: list[tuple[str, Binding]] = []
        everywhere: list[tuple[str, Binding]] = []
        for key, active in screen.active_bindings.items():
            binding: Binding = active.binding
            if not binding.description or binding.action not in _own_actions(active.node):
                if active.node is app and binding.action == "command_palette":
                    everywhere.append((key, binding))  # Textual's, but ours to mention
                continue
            (everywhere if active.node is app else own).append((key, binding))
        # A screen key that a Textual widget's own binding shadows in the chain
        # (the screen's Enter under a focused list's "select") still works
        # through that widget, and is this screen's to list.
        listed = {key for key, _binding in own + everywhere}
        for key, binding in _screen_bindings(screen):
            active = screen.active_bindings.get(key)
            if (key not in listed and active is not None and active.node is not screen
                    and binding.action not in _own_actions(active.node)):
                own.append((key, binding))
                listed.add(key)
        text = getattr(screen, "HELP", "") or ""
        text = _(text) if text else ""
        return cls(_rows(own, app), text, _rows(everywhere, app))

    @staticmethod
    def _list(rows: list[KeyRow]) -> str:
        return "\n".join(
            "- " + ", ".join(f"`{_escape_md(key)}`" for key in r.key.split(", "))
            + f" {_escape_md(r.description)}"
            + (f" ({_escape_md(r.binding_id)})" if r.binding_id else "")
            for r in rows
        ) or _("(none)")

    def markdown(self) -> str:
        """The whole help page as Markdown (what is shown, in the same order)."""
        parts = [self.text] if self.text else []
        parts += ["## " + _("Keys on this screen") + "\n\n" + self._list(self.rows),
                  "## " + _("Keys that work everywhere") + "\n\n" + self._list(self.everywhere),
                  _(TEXT_BOX), _(GENERAL)]
        return "\n\n".join(parts)

    @staticmethod
    def _table(title: str, rows: list[KeyRow]) -> Content:
        """A heading and one line a key: key, what it does, its id for keymap.json."""
        width = max((len(r.key) for r in rows), default=0) + 2
        lines: list[Content] = [Content.styled(title, "bold")]
        for r in rows:
            line = f"  {r.key:<{width}}{r.description}"
            lines.append(Content.assemble(line, (f"  ({r.binding_id})" if r.binding_id
                                                 else "", "dim")))
        if not rows:
            lines.append(Content("  " + _("(none)")))
        return Content("\n").join(lines)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            with VerticalScroll(id="help-body"):
                if self.text:
                    title, body = _split_title(self.text)
                    if title:  # a line, not a Markdown heading's three
                        yield Static(Content.styled(title, "bold"), id="help-title")
                    yield Markdown(body, id="help-about")
                yield Static(self._table(_("Keys on this screen"), self.rows), id="help-keys")
                yield Static(Content("\n").join([
                    Content(""), self._table(_("Keys that work everywhere"), self.everywhere)]),
                    id="help-everywhere")
                yield Markdown(_(TEXT_BOX) + "\n" + _(GENERAL), id="help-text")
            yield Static(_("b or Esc: close    arrows / page keys: scroll"),
                         classes="dialog-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_back(self) -> None:
        """Close help."""
        self.dismiss()
