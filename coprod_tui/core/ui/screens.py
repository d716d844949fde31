"""The shared screen machinery every screen and dialog is built on.

- :class:`CoprodScreen`: a screen whose ``app`` is typed as the ``CoprodApp``, with the
  keys that mean the same everywhere (``b`` and Escape step back one level), one way to
  load data in a worker (:meth:`CoprodScreen.run_loading`) and one way to run a store
  change that may fail (:meth:`CoprodScreen.attempt`).
- :class:`AreaScreen`: an area's first screen (back goes home).
- :class:`CoprodDialog`: a ``ModalScreen[T]`` that closes with ``b`` and Escape.
- Jump messages (:class:`OpenArea`, :class:`ReflectOn`, :class:`WriteAboutValue`,
  :class:`OpenReading`, :class:`PlaceOnSpectrum`): a screen hands one to
  :meth:`CoprodScreen.jump` (or posts it), the app handles it, so no feature reaches into
  another's screens.
- :func:`screen_css`: the ``.tcss`` file beside a screen's module, read into ``CSS``
  (``Screen.CSS`` stays scoped to its screen; ``CSS_PATH`` would apply app-wide).

The convention (README "Keys"): Escape steps back exactly one level and never loses
text (a screen holding unsaved text keeps a draft or asks); ``b`` does the same outside
text boxes; ``h`` goes home; ``q`` quits (the last two are the app's).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, get_current_worker

from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_

if TYPE_CHECKING:
    from coprod_tui.app import CoprodApp
    from coprod_tui.core.store import Store

ResultT = TypeVar("ResultT")
LoadedT = TypeVar("LoadedT")

# The keys that step back one level, the same on every screen and dialog. The ids keep
# the old per-screen ids out of keymaps: "back" and "back-alt" are the ones to remap.
BACK_BINDINGS = [
    Binding("b", "back", N_("Back"), id="back", tooltip=N_("Back one level (Escape does the same)")),
    Binding("escape", "back", N_("Back"), show=False, id="back-alt"),
]


@cache
def _read_css(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def screen_css(module_file: str, name: str) -> str:
    """The text of the stylesheet ``name`` beside ``module_file`` (pass ``__file__``).

    Read once per process; give it to the screen's ``CSS`` so the rules stay scoped.
    """
    return _read_css(Path(module_file).with_name(name))


class _CoprodBase(Screen[ResultT]):
    """What screens and dialogs share: typed app, the back keys, the store helpers."""

    BINDINGS = BACK_BINDINGS
    # Markdown shown under the key table on F1.
    HELP: ClassVar[str] = ""

    if TYPE_CHECKING:

        @property
        def app(self) -> CoprodApp:
            """The running ``CoprodApp``."""
            ...

    # -- moving -----------------------------------------------------------------------
    def action_back(self) -> None:
        """Step back one level: close this screen, or go home from an area's first screen.

        A screen holding unsaved text overrides this to keep a draft (or ask) first.
        """
        self.leave()

    def leave(self, result: ResultT | None = None) -> None:
        """Close this screen (with ``result``), or go home when it is an area's first."""
        if len(self.app.screen_stack) > 1 and self.app.screen is self:
            self.dismiss(result)
        else:
            self.jump(OpenArea("home"))

    def jump(self, message: Message) -> None:
        """Go somewhere another area provides (a jump message, handled by the app).

        Delivered at once rather than queued, so keys typed ahead reach the new screen.
        """
        self.app.jump(message)

    # -- the store --------------------------------------------------------------------
    def show_error(self, error: CoprodError) -> None:
        """Say what went wrong in one line (the text on screen stays)."""
        self.notify(error.message, severity="error", timeout=10, markup=False)

    def attempt(self, change: Callable[[], object]) -> bool:
        """Run a store call now; on failure say why and return ``False``."""
        try:
            change()
        except CoprodError as error:
            self.show_error(error)
            return False
        return True

    def read_now(self, read: Callable[[], LoadedT]) -> LoadedT | None:
        """Run a quick store read now; on failure say why and return ``None``.

        For reads whose result is never ``None`` (lists, records); slow reads belong in
        :meth:`run_loading`.
        """
        try:
            return read()
        except CoprodError as error:
            self.show_error(error)
            return None

    def run_loading(
        self,
        load: Callable[[Store], LoadedT],
        show: Callable[[LoadedT], object],
        *,
        group: str = "load",
        on_error: Callable[[CoprodError], object] | None = None,
    ) -> Worker[None] | None:
        """Run ``load(store)`` in a thread, then ``show(result)`` on the UI thread.

        Does nothing until the store is ready (screens call it again on ``StoreReady``).
        One load per ``group`` at a time: a newer one replaces an older one, whose
        result is dropped. A ``CoprodError`` is shown with :meth:`show_error` (or
        given to ``on_error``).
        """
        app = self.app
        if not app.store_ready:
            return None
        failed = on_error or self.show_error

        def deliver(callback: Callable[[Any], object], value: object) -> None:
            # The screen may have closed (or the app be quitting) while it loaded.
            if self.is_attached and self.is_mounted:
                callback(value)

        def work() -> None:
            try:
                result = load(app.store)
            except CoprodError as error:
                if not get_current_worker().is_cancelled:
                    app.call_from_thread(deliver, failed, error)
                return
            if not get_current_worker().is_cancelled:
                app.call_from_thread(deliver, show, result)

        return self.run_worker(work, thread=True, exclusive=True, group=group,
                               name=f"{type(self).__name__}:{group}")


class CoprodScreen(_CoprodBase[ResultT]):
    """A full screen of coprod: typed app, the back keys, the loading helpers."""


class AreaScreen(CoprodScreen[None]):
    """An area's first screen (a mode's root): back goes home.

    ``b`` and Escape work as everywhere, but the footer leaves ``b Back`` out: it would
    say the same as ``h Home`` beside it, and at 80 columns it pushes other keys off.
    """

    BINDINGS = [
        Binding("b", "back", N_("Back"), show=False, id="back",
                tooltip=N_("Back one level: from an area's first screen, home")),
    ]


class CoprodDialog(_CoprodBase[ResultT], ModalScreen[ResultT]):
    """A dialog: ``b`` and Escape close it with ``None`` (nothing done).

    Textual keeps the app's own keys out of a modal screen, so the keys that work
    everywhere are bound here again with the app's ids (a keymap changes both).
    """

    BINDINGS = [
        Binding("h", "app.home", N_("Home"), id="home", tooltip=N_("Close this and go home")),
        Binding("q", "app.quit_app", N_("Quit"), id="quit", tooltip=N_("Save drafts and quit")),
    ]

    def action_back(self) -> None:
        """Close without doing anything."""
        self.dismiss(None)

    def action_cancel(self) -> None:
        """The same as :meth:`action_back` (a key may name it "cancel")."""
        self.action_back()

    def action_close(self) -> None:
        """The same as :meth:`action_back` (a key may name it "close")."""
        self.action_back()


# -- jumps between areas ----------------------------------------------------------------
class OpenArea(Message):
    """Go to an area (``"home"`` or an ``Area.id``); handled by the app."""

    def __init__(self, area_id: str) -> None:
        super().__init__()
        self.area_id = area_id


class ReflectOn(Message):
    """Open a new journal entry linked to what prompted it (provided by the journal).

    ``link`` is a ``journal.entry.Link`` (typed loosely: core never imports a feature).
    """

    def __init__(self, title: str, values: list[str], link: object, summary: str) -> None:
        super().__init__()
        self.title = title
        self.values = values
        self.link = link
        self.summary = summary


class WriteAboutValue(Message):
    """Open the journal's one-value writing screen (provided by the journal)."""

    def __init__(self, value_id: str) -> None:
        super().__init__()
        self.value_id = value_id


class OpenReading(Message):
    """Open a reading section by id (provided by reading)."""

    def __init__(self, section_id: str) -> None:
        super().__init__()
        self.section_id = section_id


class PlaceOnSpectrum(Message):
    """Start placing an activity on the spectrum, prefilled (provided by the spectrum)."""

    def __init__(self, title: str, description: str, link: object | None = None) -> None:
        super().__init__()
        self.title = title
        self.description = description
        self.link = link


__all__ = [
    "AreaScreen",
    "BACK_BINDINGS",
    "CoprodDialog",
    "CoprodScreen",
    "OpenArea",
    "OpenReading",
    "PlaceOnSpectrum",
    "ReflectOn",
    "WriteAboutValue",
    "screen_css",
]
