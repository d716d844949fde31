"""Two places where Textual (8.2) redoes work whose result cannot have changed.

1. The stylesheet. Every ``refresh_css`` (a mode being opened, switching
   modes, the theme: three times before home's first frame, again on each new
   area) re-parses every CSS source (app.tcss and each widget's DEFAULT_CSS)
   in a fresh ``Stylesheet`` with an empty parse cache. The rules parsed from
   the same text with the same CSS variables are the same: they are kept in
   one cache shared by those stylesheets, keyed by the variables too.

2. The footer. Textual's ``Footer`` recomposes (removes and remounts every key widget, then
restyles them) on each ``refresh_bindings`` of its screen, one recompose per
call even when several arrive before the next frame, and even when the keys
shown are the same. Opening the journal triggered about twenty of them: a
third of a second of styling work on the UI thread. :func:`install` makes the
footer coalesce those requests into one per frame and skip it when the keys,
their descriptions and their enabled state are unchanged. What the footer
shows is exactly what it showed before.
"""

from __future__ import annotations

from typing import Any

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen
from textual.widgets import Footer

_SHOWN = "_coprod_footer_shown"
_PENDING = "_coprod_footer_pending"


def _keys(footer: Footer) -> tuple[Any, ...]:
    """Everything the footer's compose depends on."""
    app = footer.app
    return (
        footer.compact,
        footer.show_command_palette,
        app.ENABLE_COMMAND_PALETTE,
        tuple(
            (binding.key, app.get_key_display(binding), binding.description, binding.action,
             enabled, tooltip, binding.show, binding.group, binding.tooltip)
            for (_node, binding, enabled, tooltip) in footer.screen.active_bindings.values()
        ),
    )


_original_compose = Footer.compose


def _compose(self: Footer):  # noqa: ANN202 - a ComposeResult
    if self._bindings_ready:
        self.__dict__[_SHOWN] = _keys(self)
    return _original_compose(self)


def _bindings_changed(self: Footer, screen: Screen) -> None:
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
    if footer.__dict__.get(_SHOWN) == _keys(footer):
        return
    await footer.recompose()


_original_parse_rules = Stylesheet._parse_rules
_PARSED: dict[tuple[Any, ...], list[RuleSet]] = {}
_PARSED_MAX = 512


def _parse_rules(self: Stylesheet, css: str, read_from: Any, is_default_rules: bool = False,
                 tie_breaker: int = 0, scope: str = "") -> list[RuleSet]:
    key = (tuple(sorted(self._variables.items())), css, read_from, is_default_rules,
           tie_breaker, scope)
    rules = _PARSED.get(key)
    if rules is None:
        rules = _original_parse_rules(self, css, read_from, is_default_rules=is_default_rules,
                                      tie_breaker=tie_breaker, scope=scope)
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        _PARSED[key] = rules
    return rules


def install() -> None:
    """Patch ``Stylesheet`` and ``Footer`` (idempotent)."""
    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]
    Footer.compose = _compose  # type: ignore[method-assign]
    Footer.bindings_changed = _bindings_changed  # type: ignore[method-assign]
