"""The App: modes for each area, global keys, the command palette, signals."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import threading
import time
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.geometry import Offset
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList

from coprod_tui import i18n
from coprod_tui.core.store.peek import peek_setting, read_keymap
from coprod_tui.core.ui import screens as jumps
from coprod_tui.core.ui.compat import (
    app_driver,
    drop_monochrome,
    install_speedups,
    option_line,
    use_ascii_drawing,
)
from coprod_tui.core.ui.drafts import (
    DraftSource,
    LoseTextDialog,
    capture_failed_drafts,
    fallback_folders,
    write_fallback,
)
from coprod_tui.core.ui.terminal import HIGH_CONTRAST, too_small
from coprod_tui.core.ui.terminal_watch import TerminalWatch, queued_output
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _, ngettext
from coprod_tui.shell.areas import AREAS, Area

# Textual's own footer key (the command palette's), translated as the footer shows it.
TEXTUAL_KEY_NAMES = (N_("palette"),)

if TYPE_CHECKING:
    from coprod_tui.core.store import Store
    from coprod_tui.journal.entry import Link

install_speedups()

HANGUP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM", "SIGINT") if hasattr(signal, name)
)

# Seconds between home's first refresh and starting to parse the journal.
FIRST_FRAME_GRACE = 0.05
# Seconds a hang-up or a lost terminal leaves Textual to close before the process ends.
LEAVE_GRACE = 1.0
# Seconds between checks of the idle lock (an encrypted journal's "Lock when idle").
IDLE_CHECK = 15.0


# The app's actions that still work while the terminal is too small.
TOO_SMALL_ACTIONS = frozenset({"quit_app"})


class StoreReady(Message):
    """Posted when the store has been checked and opened (home refreshes)."""


class CoprodApp(App[int]):
    """coprod's full-screen app."""

    # Home's rules (shell/home.tcss, every selector starting with HomeScreen) are read
    # with the app's stylesheet, not as home's Screen.CSS: home is the first frame,
    # and a screen's CSS costs a full reparse of every stylesheet when it first shows.
    CSS_PATH = ["app.tcss", "shell/home.tcss"]
    TITLE = "coprod"
    SUB_TITLE = N_("co-production with carers")
    ENABLE_COMMAND_PALETTE = True
    # Start straight in home's mode: no empty default screen is built first.
    DEFAULT_MODE = "home"

    BINDINGS = [
        Binding("f1", "help", N_("Help"), id="help", tooltip=N_("Keys and help for this screen")),
        Binding("question_mark", "help", N_("Help"), show=False, id="help-alt"),
        Binding("h", "home", N_("Home"), id="home", tooltip=N_("Go to the home screen")),
        Binding("q", "quit_app", N_("Quit"), id="quit", tooltip=N_("Save drafts and quit")),
        Binding("ctrl+q", "quit_app", N_("Quit"), show=False, priority=True, id="quit-alt"),
    ]

    def __init__(
        self,
        data_dir: Path,
        content_dirs: list[Path] | None = None,
        *,
        mouse: bool = True,
        ascii_only: bool = False,
        passphrase_file: Path | None = None,
    ) -> None:
        super().__init__()
        self.sub_title = _(self.SUB_TITLE)
        if self.no_color:
            # Textual turns colours into greys under NO_COLOR; no-color.org asks for none.
            # Focus and selection stay visible through the App:nocolor rules in app.tcss.
            drop_monochrome(self)
        self.data_dir = Path(data_dir)
        self.content_dirs = list(content_dirs or [])
        self.mouse_enabled = mouse
        self.ascii_only = ascii_only
        self._store: Store | None = None
        self.store_ready = False
        # An encrypted journal: the passphrase screen is up (nothing else opens).
        self.locked = False
        self.passphrase_file = passphrase_file
        self.last_activity = time.monotonic()
        self.fatal_message: str | None = None
        self.draft_sources: weakref.WeakSet[DraftSource] = weakref.WeakSet()
        # Drafts the store could not take at the last save_all_drafts (key -> data).
        self.unsaved_drafts: dict[str, object] = {}
        self._leaving = False
        self._terminal_watch: TerminalWatch | None = None
        self._areas = {area.id: area for area in AREAS}
        from coprod_tui.shell.home import HomeScreen

        self.add_mode("home", HomeScreen)
        for area in AREAS:
            if area.screen:
                self.add_mode(area.id, self._screen_factory(area))
        self.register_theme(HIGH_CONTRAST)
        if ascii_only:
            use_ascii_drawing()
        saved_theme = peek_setting(self.data_dir, "theme")
        if isinstance(saved_theme, str) and saved_theme in self.available_themes:
            self.theme = saved_theme

    @property
    def store(self) -> Store:
        """The user's store (imported and built on first use, off the start path)."""
        if self._store is None:
            from coprod_tui.core.store.repository import Store

            self._store = Store(self.data_dir)
        return self._store

    @staticmethod
    def _screen_factory(area: Area):  # noqa: ANN205 - Callable[[], Screen]
        return lambda: area.load_screen()()

    # -- start-up ----------------------------------------------------------------
    def on_mount(self) -> None:
        """Show home at once; check the store off the UI thread."""
        self._install_signal_handlers()
        self._watch_terminal()
        if self.ascii_only:
            self.add_class("-ascii")
        self._apply_keymap()
        from coprod_tui.core.store.crypto import is_encrypted

        if is_encrypted(self.data_dir) and self.passphrase_file is None:
            # An encrypted journal: the passphrase before home shows anything.
            self.ask_passphrase()
        else:
            # The store parses the whole journal (27 MB at 10,000 entries) in one C
            # call that holds the GIL: open it once home's first frame is out.
            self.screen.call_after_refresh(self._open_store_after_first_frame)
        self.call_after_refresh(self._check_size)

    def _apply_keymap(self) -> None:
        keymap, problem = read_keymap(self.data_dir)
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(problem, severity="warning", timeout=10)

    # -- terminal size -------------------------------------------------------------
    def on_resize(self) -> None:
        """Cover the app with a message while the terminal is too small."""
        self.call_after_refresh(self._check_size)

    def _check_size(self) -> None:
        from coprod_tui.shell.too_small import TooSmallScreen

        width, height = self.size
        small = too_small(width, height)
        current = self.screen
        if small and isinstance(current, TooSmallScreen):
            current.show_size(width, height)
        elif small:
            self.push_screen(TooSmallScreen(width, height))
        elif isinstance(current, TooSmallScreen):
            current.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the terminal is too small, only quitting (which keeps drafts) works.

        Every other key would act on a screen the user cannot see: typing ``hq`` into
        a hidden editor used to go home and quit.
        """
        from coprod_tui.shell.too_small import TooSmallScreen

        if isinstance(self.screen, TooSmallScreen) and action not in TOO_SMALL_ACTIONS:
            return False
        return super().check_action(action, parameters)

    # -- screen magnifiers and braille displays ----------------------------------------
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Move the terminal cursor to the highlighted item so magnifiers follow it."""
        self.call_after_refresh(self._cursor_to_highlight, event.option_list)

    def _cursor_to_highlight(self, option_list: OptionList) -> None:
        index = option_list.highlighted
        if index is None or not option_list.is_mounted:
            return
        line = option_line(option_list, index)
        if line is None:
            return
        region = option_list.content_region
        y = region.y + line - int(option_list.scroll_y)
        if region.y <= y < region.bottom:
            self.cursor_position = Offset(region.x, y)

    def _open_store_after_first_frame(self) -> None:
        # The screen's refresh callbacks can run just before the frame is
        # queued for the terminal; on a real terminal give it a moment more.
        if self.is_headless:
            self._open_store()
        else:
            self.set_timer(FIRST_FRAME_GRACE, self._open_store)

    def _wait_for_output(self, limit: float = 0.25) -> None:
        """Let the terminal writer thread send what is queued (home's first frame).

        Parsing a large journal is one C call that holds the GIL throughout
        (about 0.2 s at 10,000 entries): started while the frame is still
        queued, it would keep the frame off the screen until it finished.
        """
        if queued_output(app_driver(self)) is None:  # headless (tests): nothing is written
            return
        deadline = time.monotonic() + limit
        while queued_output(app_driver(self)) and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.01)  # the last write and its flush

    @work(thread=True, exclusive=True, group="store")
    def _open_store(self) -> None:
        self._wait_for_output()
        try:
            self._unlock_from_file()
            self.store.prepare()
        except CoprodError as error:
            self.call_from_thread(self.fail, error.message)
            return
        except OSError as error:
            from coprod_tui.errors import describe_os_error

            self.call_from_thread(self.fail, _("cannot open {folder}: {reason}").format(
                folder=self.data_dir, reason=describe_os_error(error)))
            return
        self.call_from_thread(self._store_opened)

    def _store_opened(self) -> None:
        self.keep_long_lived()
        self.store_ready = True
        self.screen.post_message(StoreReady())
        self._recover_unsaved()
        if self.store.encrypted:
            self.set_interval(IDLE_CHECK, self.check_idle_lock, name="idle-lock")
            # The theme could not be read before the passphrase (state.json is encrypted).
            theme = self.store.get_setting("theme")
            if isinstance(theme, str) and theme in self.available_themes:
                self.theme = theme

    # -- encrypted journals --------------------------------------------------------
    def _unlock_from_file(self) -> None:
        """``--passphrase-file`` (for scripts and tests): unlock without the dialog."""
        from coprod_tui.core.store.crypto import is_encrypted, read_passphrase_file, unlock

        if self.passphrase_file is None or self.store.key is not None:
            return
        if is_encrypted(self.data_dir):
            self.store.set_key(unlock(self.data_dir, read_passphrase_file(self.passphrase_file)))

    def ask_passphrase(self, reason: str = "") -> None:
        """Cover everything with the passphrase screen until the key is given."""
        from coprod_tui.shell.passphrase import PassphraseScreen

        self.locked = True
        self.push_screen(PassphraseScreen(self.data_dir, reason), self._unlocked)

    def _unlocked(self, key: object) -> None:
        if key is None:
            return
        self.store.set_key(key)  # type: ignore[arg-type]
        self.locked = False
        self.last_activity = time.monotonic()
        if self.store_ready:
            self.screen.post_message(StoreReady())
        else:
            self._open_store()

    def lock_after_minutes(self) -> int | None:
        """The "Lock when idle" setting in minutes (``None``: never)."""
        try:
            value = self.store.get_setting("lock-after", "off")
        except CoprodError:
            return None
        return int(value) if isinstance(value, str) and value.isdigit() else None

    def check_idle_lock(self, now: float | None = None) -> bool:
        """Lock an encrypted journal idle for longer than the setting; True if locked."""
        if self.locked or not self.store_ready or not self.store.encrypted:
            return False
        minutes = self.lock_after_minutes()
        now = time.monotonic() if now is None else now
        if minutes is None or now - self.last_activity < minutes * 60:
            return False
        self.lock_now(ngettext(
            "Locked after {minutes} minute without a key press; your drafts are saved.",
            "Locked after {minutes} minutes without a key press; your drafts are saved.",
            minutes).format(minutes=minutes))
        return True

    def lock_now(self, reason: str) -> None:
        """Save drafts, forget the key and every decrypted copy, ask again."""
        self.save_all_drafts()
        self.keep_unsaved_in_fallback()
        self.store.forget_key()
        self.ask_passphrase(reason)

    async def on_event(self, event: events.Event) -> None:
        """Note each key press and click (for the idle lock), then handle the event."""
        if isinstance(event, (events.Key, events.MouseDown)):
            self.last_activity = time.monotonic()
        await super().on_event(event)

    @work(thread=True, exclusive=True, group="recover")
    def _recover_unsaved(self) -> None:
        """Take back drafts an earlier session had to leave in a fallback file."""
        from coprod_tui.core.ui.drafts import recover_fallbacks

        try:
            messages = recover_fallbacks(self.store, fallback_folders(self.data_dir))
        except CoprodError as error:
            messages = [_("Unsaved writing from last time could not be taken back yet: "
                          "{problem}").format(problem=error.message)]
        for message in messages:
            self.call_from_thread(self.notify, message, title=_("Unsaved writing"),
                                  severity="warning", timeout=20, markup=False)

    @staticmethod
    def keep_long_lived() -> None:
        """Exclude what exists now (the parsed journal, its search index) from
        Python's cyclic garbage collector.

        At 10,000 entries the parsed data is about a million objects, and each
        full collection walked them all: 0.1 to 0.3 s pauses at random moments
        (opening a reading section, a keystroke). They hold no reference cycles
        and are still freed by reference counting when replaced.
        """
        gc.freeze()

    def fail(self, message: str) -> None:
        """Show a fatal error screen; the app then quits without writing."""
        from coprod_tui.shell.error import ErrorScreen

        self.fatal_message = message
        self.push_screen(ErrorScreen(message))

    # -- signals -------------------------------------------------------------------
    def _install_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in HANGUP_SIGNALS:
            try:
                loop.add_signal_handler(signum, self._on_signal, signum)
            except (NotImplementedError, RuntimeError):  # pragma: no cover - non-Unix
                pass

    def _on_signal(self, signum: int) -> None:
        """Hang-up or termination: keep drafts, then leave within a second."""
        self._leave_unattended()

    def _watch_terminal(self) -> None:
        """Notice a terminal that goes away without a hang-up signal (see terminal_watch)."""
        driver = app_driver(self)
        if self.is_headless or driver is None:
            return
        loop = asyncio.get_running_loop()
        self._terminal_watch = TerminalWatch(
            driver, lambda: loop.call_soon_threadsafe(self._leave_unattended)
        )
        self._terminal_watch.start()

    def _leave_unattended(self) -> None:
        """Leave when nobody can be asked (hang-up, lost terminal): keep every draft,
        in a private fallback file if the store cannot take it, then exit."""
        if self._leaving:
            return
        self._leaving = True
        self.save_all_drafts()
        self.keep_unsaved_in_fallback()
        # After a hang-up the terminal is gone and Textual may block writing to it.
        watchdog = threading.Timer(LEAVE_GRACE, os._exit, args=(0,))
        watchdog.daemon = True
        watchdog.start()
        self.exit(0)

    def save_all_drafts(self) -> list[str]:
        """Ask every screen with unsaved text to keep it as a draft.

        Returns one message per screen that could not (empty: all kept). The
        drafts the store refused are in :attr:`unsaved_drafts` for
        :meth:`keep_unsaved_in_fallback`.
        """
        self.unsaved_drafts = {}
        if self.fatal_message or self.locked or not self.draft_sources:
            # Locked: the drafts were saved when the key was forgotten.
            return []
        problems: list[str] = []
        with capture_failed_drafts(self.store) as failed:
            for source in list(self.draft_sources):
                try:
                    kept = source.save_draft()
                except CoprodError as error:
                    problems.append(error.message)
                    self.notify(error.message, severity="error", timeout=10, markup=False)
                except OSError as error:
                    from coprod_tui.errors import os_reason

                    problems.append(_("cannot write to {folder}: {reason}").format(
                        folder=self.data_dir, reason=os_reason(error)))
                else:
                    if kept is False:  # sources that report the problem themselves
                        problems.append(_("Some unsaved work could not be saved."))
        self.unsaved_drafts = dict(failed)
        return problems

    async def apply_language(self, code: str) -> bool:
        """Use language ``code`` from now on and build every screen again in it.

        Textual has no translation of its own, so nothing already built changes
        by itself. Unsaved writing in every area is first kept as a draft (offered
        back when that area is opened again); every area other than the current one
        then starts afresh at its first screen, and the current screen is
        recomposed. An area whose writing could not be kept is left as it is (in
        the old language until it is closed): nothing is lost. Returns whether
        every area was rebuilt.
        """
        i18n.set_language(code)
        self.sub_title = _(self.SUB_TITLE)
        problems = self.save_all_drafts()
        kept_back = False
        for mode in [m for m in self._modes if m != self.current_mode]:
            stack = self._screen_stacks.get(mode, [])
            if problems and any(screen in self.draft_sources for screen in stack):
                kept_back = True
                continue
            factory = self._modes[mode]
            await self.remove_mode(mode)
            self.add_mode(mode, factory)
        for screen in self.screen_stack:
            await screen.recompose()
            screen.refresh_bindings()
        return not kept_back

    def keep_unsaved_in_fallback(self) -> Path | None:
        """Write drafts the store refused to a private fallback file; returns its path."""
        if not self.unsaved_drafts:
            return None
        path = write_fallback(dict(self.unsaved_drafts), fallback_folders(self.data_dir))
        if path is not None:
            self.unsaved_drafts = {}
        return path

    # -- actions ---------------------------------------------------------------------
    def action_quit_app(self) -> None:
        """Quit, keeping unsaved writing as drafts.

        If some could not be kept (disk full, read-only folder), the app stays
        open and asks; pressing quit again in that dialog quits anyway.
        """
        if isinstance(self.screen, LoseTextDialog):
            self.screen.action_lose()
            return
        problems = self.save_all_drafts()
        if problems:
            self.push_screen(LoseTextDialog(problems[0], N_("Quit")), self._quit_anyway)
            return
        self._quit()

    def _quit_anyway(self, lose: bool | None) -> None:
        if not lose:
            self.notify(_("Still open: your unsaved text is on screen."), markup=False)
            return
        path = self.keep_unsaved_in_fallback()
        if path is not None:
            self._quit(_("coprod: your unsaved text could not be saved; it is kept in "
                         "{path}").format(path=path))
        elif self.unsaved_drafts:
            self._quit(_("coprod: your unsaved text could not be saved anywhere and was lost."))
        else:
            self._quit(_("coprod: quit without saving some unsaved work."))

    def _quit(self, message: str | None = None) -> None:
        if self._terminal_watch is not None:
            self._terminal_watch.stop()
        code = 1 if self.fatal_message else 0
        # exit()'s first argument is the app's result; the process exit code is return_code.
        self.exit(code, return_code=code, message=message)

    def _blocked(self) -> bool:
        """True while a fatal error or the too-small message covers the app."""
        from coprod_tui.shell.too_small import TooSmallScreen

        return (bool(self.fatal_message) or self.locked
                or isinstance(self.screen, TooSmallScreen))

    def action_home(self) -> None:
        """Go to the home screen (closing a dialog first, as if cancelled).

        Each area keeps its own screen stack (modes), so going home loses nothing:
        opening the area again returns to where it was.
        """
        if self._blocked():
            return
        if isinstance(self.screen, ModalScreen):
            self.screen.dismiss(None)
            self.call_after_refresh(self.open_area, "home")
            return
        self.open_area("home")

    def open_area(self, area_id: str) -> None:
        """Switch to an area's mode, or run its action."""
        if self.locked:
            return
        if area_id == "home":
            self.switch_mode("home")
            return
        area = self._areas.get(area_id)
        if area is None:
            return
        if area.action:
            getattr(self, f"action_{area.action}")()
        else:
            self.switch_mode(area_id)

    def action_help(self) -> None:
        """Show the keys in force on this screen, and its help text."""
        from coprod_tui.shell.help import HelpScreen

        if self._blocked():
            return
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen.for_screen(self.screen))

    # -- links between areas ----------------------------------------------------------
    # Screens hand a jump message (core/ui/screens.py) to jump() or post it; the app
    # opens the screen the owning feature provides. The methods stay callable (tests,
    # benchmarks).
    def jump(self, message: Message) -> None:
        """Handle a jump message now: not queued, so keys typed ahead reach the new screen."""
        handler = getattr(self, message.handler_name, None)
        if handler is None:
            raise TypeError(f"not a jump message: {type(message).__name__}")
        handler(message)

    def on_open_area(self, message: jumps.OpenArea) -> None:
        """A screen asked to go to an area (or home)."""
        message.stop()
        if not self._blocked():
            self.open_area(message.area_id)

    def on_reflect_on(self, message: jumps.ReflectOn) -> None:
        """A screen asked to reflect on something in the journal."""
        message.stop()
        self.reflect_on(message.title, message.values, message.link,  # type: ignore[arg-type]
                        message.summary)

    def on_write_about_value(self, message: jumps.WriteAboutValue) -> None:
        """A screen asked to write about one value."""
        message.stop()
        self.write_about_value(message.value_id)

    def on_open_reading(self, message: jumps.OpenReading) -> None:
        """A screen asked to open a reading section."""
        message.stop()
        self.open_reading(message.section_id)

    def on_place_on_spectrum(self, message: jumps.PlaceOnSpectrum) -> None:
        """A screen asked to place an activity on the spectrum."""
        message.stop()
        self.place_on_spectrum(message.title, message.description,
                               message.link)  # type: ignore[arg-type]

    def reflect_on(self, title: str, values: list[str], link: Link, summary: str) -> None:
        """Open a new journal entry linked to what prompted it, the result summarised in it.

        Provided by the journal: ``ui/screens/entry_editor.py``
        ``EntryEditorScreen.new_linked(title, values, link, summary)``.
        """
        from coprod_tui.journal.editor import EntryEditorScreen

        self.push_screen(EntryEditorScreen.new_linked(title, values, link, summary))

    def write_about_value(self, value_id: str) -> None:
        """Open the journal's one-value writing screen (explanation, prompts, editor).

        Provided by the journal: ``ui/screens/entry_editor.py``
        ``EntryEditorScreen.for_value(value_id)``.
        """
        from coprod_tui.journal.editor import EntryEditorScreen

        self.push_screen(EntryEditorScreen.for_value(value_id))

    def open_reading(self, section_id: str) -> None:
        """Open a reading section by id (tier and place remembered as usual).

        Provided by reading: ``ui/screens/reader.py`` ``ReaderScreen.for_section(section_id)``.
        """
        from coprod_tui.reading.reader import ReaderScreen

        self.push_screen(ReaderScreen.for_section(section_id))

    def place_on_spectrum(self, title: str, description: str, link: Link | None = None) -> None:
        """Start placing an activity on the spectrum of engagement, prefilled.

        Provided by the spectrum exercise: ``ui/screens/spectrum_place.py``
        ``PlaceActivityScreen.prefilled(title, description, link)``.
        """
        from coprod_tui.spectrum.place_screen import PlaceActivityScreen

        self.push_screen(PlaceActivityScreen.prefilled(title, description, link))

    def action_command_palette(self) -> None:
        """The command palette (ctrl+p), with a cursor that does not blink."""
        from textual.command import CommandPalette

        from coprod_tui.core.ui.quiet import quiet_command_palette

        if self.locked:
            return
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(quiet_command_palette())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette (ctrl+p): every action of the current screen,
        every place, writing a new entry from anywhere, help and quit.

        Textual's own commands are left out: its "Keys" panel lists scrolling
        internals, its "Quit" skips keeping drafts and its "Theme" is not saved
        (Settings is).
        """
        yield from self._screen_commands(screen)
        home = _("Home")
        yield SystemCommand(f"{home} (h)", _("Go to the home screen"),
                            lambda: self.open_area("home"))
        for area in AREAS:
            title = _(area.title)
            yield SystemCommand(
                f"{title} ({area.key})",
                _(area.blurb),
                lambda area_id=area.id: self.open_area(area_id),
            )
        for framework, name in (
            ("", N_("write in your usual framework")),
            ("free", N_("write freely")),
            ("rolfe", N_("Rolfe's What? So what? Now what?")),
            ("gibbs", N_("Gibbs' reflective cycle")),
            ("values", N_("value by value")),
        ):
            yield SystemCommand(
                _("New journal entry: {name}").format(name=_(name)),
                _("Write a new, private journal entry"),
                lambda framework=framework: self.write_entry(framework),
            )
        yield SystemCommand(_("Help for this screen (F1)"),
                            _("This screen's keys and what it is for"), self.action_help)
        yield SystemCommand(_("Quit (q)"), _("Keep unsaved writing as drafts and quit"),
                            self.action_quit_app)

    def _screen_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The screen's own actions that are on offer now, each runnable from the palette."""
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if (active.node is not screen or not active.enabled or not binding.description
                    or key.isdigit() or binding.action in seen):
                continue  # widget internals, app keys (listed below), number shortcuts
            seen.add(binding.action)
            description = _(binding.description)
            yield SystemCommand(
                f"{description} ({self.get_key_display(binding)})",
                _(binding.tooltip) if binding.tooltip else description,
                lambda action=binding.action: self.run_action(action, screen),
            )

    def write_entry(self, framework: str = "") -> None:
        """Open the journal with a new entry in ``framework`` (empty: the setting's).

        Provided by the journal: ``journal/editor.py`` ``EntryEditorScreen``.
        """
        from coprod_tui.journal.editor import EntryEditorScreen
        from coprod_tui.journal.entry import Entry

        if not self.store_ready:
            self.notify(_("One moment: your journal is still opening."))
            return
        self.open_area("journal")
        if framework == "values":
            self.push_screen(EntryEditorScreen.walk())
        else:
            self.push_screen(EntryEditorScreen(Entry(values=[], framework=framework)))
