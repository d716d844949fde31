"""Make Textual's ``Footer`` rebuild its keys only when they change.

Textual's ``Footer`` recomposes (removes and remounts every key widget, then
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


def install() -> None:
    """Patch ``textual.widgets.Footer`` (idempotent)."""
    Footer.compose = _compose  # type: ignore[method-assign]
    Footer.bindings_changed = _bindings_changed  # type: ignore[method-assign]
