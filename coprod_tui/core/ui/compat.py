"""Every use of a Textual private, in one place.

Textual's private names (``textual._border``, ``Stylesheet._parse_rules``,
``App._driver`` ...) change between releases without notice. coprod reads or
patches a few of them where no public way exists; each one is here, and each
has a test in ``tests/unit/test_textual_compat.py`` that fails if an upgrade
moves it or changes what it does. Textual is pinned to :data:`TESTED_TEXTUAL`
in ``pyproject.toml``: after upgrading, run that test file first.

What is used, and why:

- ``Stylesheet._parse_rules`` and ``Stylesheet._variables``: a shared parse
  cache (:func:`install_speedups`, part 1).
- ``Footer.compose``, ``Footer.bindings_changed`` and ``Footer._bindings_ready``:
  one footer recompose a frame, none when the keys are unchanged, and whole
  keys dropped rather than cut off when they do not fit
  (:func:`install_speedups`, part 2; ``FooterKey.key_display``/``.action``).
- ``textual._border.BORDER_CHARS``/``BORDER_LOCATIONS``,
  ``textual._box_drawing.BOX_CHARACTERS`` and the ``_default`` of the header
  icon's reactive: ASCII drawing for the Linux console (:func:`use_ascii_drawing`).
- ``App._filters``: no greys under ``NO_COLOR`` (:func:`drop_monochrome`).
- ``App._driver``, ``LinuxDriver._file``, ``LinuxDriver._writer_thread`` and its
  ``_queue``: noticing a lost terminal and letting home's first frame out
  (:func:`app_driver`, :func:`driver_output`, :func:`driver_write_queue`).
- ``OptionList._index_to_line``: the terminal cursor follows the highlighted
  option for screen magnifiers (:func:`option_line`).
- ``MarkdownBlock._content``: terminal hyperlinks on rendered links
  (:func:`markdown_block_contents`).
- ``Input._on_paste`` / ``TextArea._on_paste``: ``core/ui/safe_text.py``
  defines its own ``_on_paste`` so it runs before theirs (handlers run down the
  class hierarchy); only the test checks that theirs is still there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual.app import App
from textual.content import Content
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.filter import Monochrome, NoColor
from textual.screen import Screen
from textual.widgets import Footer, OptionList
from textual.widgets._footer import FooterKey

from coprod_tui.i18n import _, current_language

if TYPE_CHECKING:  # Markdown pulls in markdown-it: kept off the start-up path
    from queue import Queue

    from textual.widgets import Markdown
    from textual.widgets.markdown import MarkdownBlock

#: The Textual release every function here was checked against.
TESTED_TEXTUAL = "8.2.8"

# -- 1. one stylesheet parse cache ---------------------------------------------------
# Every ``refresh_css`` (a mode being opened, switching modes, the theme: three
# times before home's first frame, again on each new area) re-parses every CSS
# source in a fresh ``Stylesheet`` with an empty parse cache. The rules parsed
# from the same text with the same CSS variables are the same: they are kept in
# one cache shared by those stylesheets, keyed by the variables too.

ORIGINAL_PARSE_RULES: Callable[..., list[RuleSet]] = Stylesheet._parse_rules
_PARSED: dict[tuple[Any, ...], list[RuleSet]] = {}
_PARSED_MAX = 512


def _parse_rules(self: Stylesheet, css: str, read_from: Any, is_default_rules: bool = False,
                 tie_breaker: int = 0, scope: str = "") -> list[RuleSet]:
    key = (tuple(sorted(self._variables.items())), css, read_from, is_default_rules,
           tie_breaker, scope)
    rules = _PARSED.get(key)
    if rules is None:
        rules = ORIGINAL_PARSE_RULES(self, css, read_from, is_default_rules=is_default_rules,
                                     tie_breaker=tie_breaker, scope=scope)
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        _PARSED[key] = rules
    return rules


# -- 2. a footer that recomposes once a frame, and only when its keys changed ----------
# Textual's ``Footer`` removes and remounts every key widget on each
# ``refresh_bindings`` of its screen, one recompose per call even when several
# arrive before the next frame, and even when the keys shown are the same.
# Opening the journal triggered about twenty: a third of a second of styling on
# the UI thread. What the footer shows is exactly what it showed before.

_SHOWN = "_coprod_footer_shown"
_PENDING = "_coprod_footer_pending"
ORIGINAL_FOOTER_COMPOSE = Footer.compose
ORIGINAL_BINDINGS_CHANGED = Footer.bindings_changed


def footer_keys(footer: Footer) -> tuple[Any, ...]:
    """Everything the footer's compose depends on."""
    app = footer.app
    return (
        current_language(),
        app.size.width,
        footer.compact,
        footer.show_command_palette,
        app.ENABLE_COMMAND_PALETTE,
        tuple(
            (binding.key, app.get_key_display(binding), binding.description, binding.action,
             enabled, tooltip, binding.show, binding.group, binding.tooltip)
            for (_node, binding, enabled, tooltip) in footer.screen.active_bindings.values()
        ),
    )


# When the keys are wider than the terminal, Textual cuts the last ones off
# mid-word ("f1 C"). coprod drops whole keys instead: first home and quit (the
# same on every screen), then the screen's own keys from the right; the help
# key is never dropped, and help lists every key of the screen.
_HELP_ACTIONS = frozenset({"help", "app.help"})
_DROP_FIRST = ("home", "app.home", "quit_app", "app.quit_app")


def footer_key_width(key_display: str, description: str) -> int:
    """Cells a non-compact footer key takes: `` key `` then ``description ``."""
    width = cell_len(key_display) + 2
    return width + cell_len(description) + 1 if description else width


def keys_that_fit(keys: list[tuple[str, int]], width: int) -> list[int]:
    """Indexes of the keys to show, given each key's (action, width), within ``width``.

    Whole keys are dropped, never cut: home and quit first, then other keys
    from the right; a help key always stays.
    """
    shown = list(range(len(keys)))

    def total() -> int:
        return sum(keys[i][1] for i in shown)

    for action in _DROP_FIRST:
        if total() <= width:
            return shown
        shown = [i for i in shown if keys[i][0] != action]
    for index in reversed(list(shown)):
        if total() <= width:
            break
        if keys[index][0] not in _HELP_ACTIONS:
            shown.remove(index)
    return shown


def _compose(self: Footer):  # noqa: ANN202 - a ComposeResult
    if self._bindings_ready:
        self.__dict__[_SHOWN] = footer_keys(self)
    widgets = list(ORIGINAL_FOOTER_COMPOSE(self))
    for widget in widgets:
        # Binding descriptions are marked N_() where defined (class attributes,
        # built once in English) and translated here, as they are shown.
        if isinstance(widget, FooterKey):
            if widget.description:
                widget.description = _(widget.description)
            if isinstance(widget.tooltip, str) and widget.tooltip:
                widget.tooltip = _(widget.tooltip)
    palette = [w for w in widgets if isinstance(w, FooterKey)
               and w.has_class("-command-palette")]
    keys = [w for w in widgets if w not in palette]
    if keys and not self.compact and all(isinstance(w, FooterKey) for w in keys):
        width = self.app.size.width
        for key in palette:
            # Docked right; the last key's trailing blank may sit under its border.
            width -= footer_key_width(key.key_display, key.description) - 1
        fit = keys_that_fit([(w.action, footer_key_width(w.key_display, w.description))
                             for w in keys], width)
        widgets = [keys[i] for i in fit] + palette
    yield from widgets


def _on_footer_resize(self: Footer, _event: object) -> None:
    # A narrower or wider terminal may fit fewer or more keys.
    if self.is_attached and not self.__dict__.get(_PENDING):
        self.__dict__[_PENDING] = True
        self.call_after_refresh(_recompose_if_changed, self)


def _bindings_changed(self: Footer, screen: Screen) -> None:
    # Textual's own version, with the recompose coalesced and skipped when unchanged.
    self._bindings_ready = True
    if not screen.app.app_focus:
        return
    if self.is_attached and screen is self.screen and not self.__dict__.get(_PENDING):
        self.__dict__[_PENDING] = True
        self.call_after_refresh(_recompose_if_changed, self)


async def _recompose_if_changed(footer: Footer) -> None:
    footer.__dict__[_PENDING] = False
    if not footer.is_attached:
        return
    if footer.__dict__.get(_SHOWN) == footer_keys(footer):
        return
    await footer.recompose()


def install_speedups() -> None:
    """Share parsed stylesheet rules and coalesce footer recomposes (idempotent)."""
    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]
    Footer.compose = _compose  # type: ignore[method-assign]
    Footer.bindings_changed = _bindings_changed  # type: ignore[method-assign]
    Footer.on_resize = _on_footer_resize  # type: ignore[attr-defined]


# -- 3. ASCII drawing for the Linux console ------------------------------------------


def use_ascii_drawing() -> None:
    """Draw every border and scrollbar with ASCII characters only (process-wide).

    The Linux console lacks many glyphs Textual uses, so each border style is
    mapped onto the ``ascii`` style, scrollbars onto ``#``, the lines between
    table cells (Markdown tables, keylines) onto ``-``, ``|`` and ``+``, and the
    header's circle icon onto ``*``.
    """
    from textual import _border, _box_drawing
    from textual.scrollbar import ScrollBarRender
    from textual.widgets._header import Header, HeaderIcon

    ascii_chars = _border.BORDER_CHARS["ascii"]
    ascii_locations = _border.BORDER_LOCATIONS["ascii"]
    for name in list(_border.BORDER_CHARS):
        if name not in ("", "none", "hidden", "blank"):
            _border.BORDER_CHARS[name] = ascii_chars  # type: ignore[index]
            _border.BORDER_LOCATIONS[name] = ascii_locations  # type: ignore[index]
    ScrollBarRender.VERTICAL_BARS = ["#"] * 7 + [" "]
    ScrollBarRender.HORIZONTAL_BARS = ["#"] * 7 + [" "]
    boxes = _box_drawing.BOX_CHARACTERS  # imported by name in textual.canvas: change in place
    for quad in boxes:
        top, right, bottom, left = quad
        vertical, horizontal = bool(top or bottom), bool(left or right)
        boxes[quad] = "+" if vertical and horizontal else "|" if vertical else (
            "-" if horizontal else " "
        )
    # The icon's default is read when each Header is created; no public switch exists.
    for widget in (Header, HeaderIcon):
        widget.icon._default = "*"  # noqa: SLF001


# -- 4. NO_COLOR means no colour, not greys --------------------------------------------


def drop_monochrome(app: App[Any]) -> None:
    """Replace the greyscale filter Textual adds under ``NO_COLOR`` by no colour at all."""
    app._filters = [  # noqa: SLF001 - no public switch for this
        NoColor() if isinstance(f, Monochrome) else f for f in app._filters
    ]


# -- 5. the terminal driver --------------------------------------------------------------


def app_driver(app: App[Any]) -> Any | None:
    """The app's terminal driver (``None`` before it runs)."""
    return app._driver  # noqa: SLF001


def driver_output(driver: Any) -> Any | None:
    """The stream the driver draws on (stderr for ``LinuxDriver``), or ``None``."""
    return getattr(driver, "_file", None)


def driver_write_queue(driver: Any) -> Queue[Any] | None:
    """The queue of frames waiting in the driver's writer thread (``None``: none)."""
    return getattr(getattr(driver, "_writer_thread", None), "_queue", None)


# -- 6. where an option is drawn -----------------------------------------------------------


def option_line(option_list: OptionList, index: int) -> int | None:
    """The line (from the top of the list's content) where option ``index`` starts."""
    try:
        return option_list._index_to_line[index]  # noqa: SLF001 - no public API for this
    except (KeyError, AttributeError):
        return None


# -- 7. rendered Markdown ------------------------------------------------------------------


def markdown_block_contents(markdown: Markdown) -> Iterator[tuple[MarkdownBlock, Content]]:
    """Each rendered block of ``markdown`` with the text it shows."""
    from textual.widgets.markdown import MarkdownBlock

    for block in markdown.query(MarkdownBlock):
        content = getattr(block, "_content", None)
        if isinstance(content, Content):
            yield block, content
