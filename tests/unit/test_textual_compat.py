"""Each Textual private that ``core/ui/compat.py`` reads or patches is still there
and still does what coprod relies on. These fail on a Textual upgrade that moves
one: fix compat.py, then bump the pin in pyproject.toml."""

from __future__ import annotations

import inspect
import io
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from queue import Queue
from types import SimpleNamespace

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.css.stylesheet import Stylesheet
from textual.drivers._writer_thread import WriterThread
from textual.drivers.linux_driver import LinuxDriver
from textual.filter import Monochrome, NoColor
from textual.widgets import Footer, Input, Markdown, OptionList, TextArea
from textual.widgets._footer import FooterKey

from coprod_tui.core.ui import compat
from coprod_tui.core.ui.safe_text import SafeInput, SafeTextArea
from coprod_tui.reading.reader_body import add_hyperlinks
from tests.conftest import wait_until

ROOT = Path(__file__).resolve().parents[2]


def test_textual_is_the_version_compat_was_checked_against() -> None:
    assert version("textual") == compat.TESTED_TEXTUAL
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"textual=={compat.TESTED_TEXTUAL}"' in pyproject


# -- 1. the stylesheet parse cache ------------------------------------------------------


def test_parse_rules_has_the_signature_the_cache_wraps() -> None:
    params = list(inspect.signature(compat.ORIGINAL_PARSE_RULES).parameters)
    assert params == ["self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]
    assert isinstance(Stylesheet(variables={"a": "red"})._variables, dict)  # noqa: SLF001


def test_parse_rules_cache_returns_what_textual_parses() -> None:
    compat.install_speedups()
    assert Stylesheet._parse_rules is compat._parse_rules  # noqa: SLF001
    css = "Static { color: $text-x; border: round $text-x; }"
    first = Stylesheet(variables={"text-x": "red"})
    second = Stylesheet(variables={"text-x": "red"})
    rules = first._parse_rules(css, ("compat-test", "a"))  # noqa: SLF001
    assert second._parse_rules(css, ("compat-test", "a")) is rules  # noqa: SLF001
    fresh = compat.ORIGINAL_PARSE_RULES(Stylesheet(variables={"text-x": "red"}), css,
                                        ("compat-test", "a"))
    assert [r.css for r in rules] == [r.css for r in fresh] and "#FF0000" in rules[0].css
    other = Stylesheet(variables={"text-x": "blue"})._parse_rules(  # noqa: SLF001
        css, ("compat-test", "a"))
    assert "#0000FF" in other[0].css, "different variables are a different cache entry"


# -- 2. the footer ------------------------------------------------------------------------


def test_footer_bindings_changed_is_the_one_the_patch_reimplements() -> None:
    source = inspect.getsource(compat.ORIGINAL_BINDINGS_CHANGED)
    for line in ("self._bindings_ready = True", "if not screen.app.app_focus:",
                 "if self.is_attached and screen is self.screen:",
                 "self.call_after_refresh(self.recompose)"):
        assert line in source
    assert "if not self._bindings_ready:" in inspect.getsource(compat.ORIGINAL_FOOTER_COMPOSE)
    assert list(inspect.signature(compat.ORIGINAL_BINDINGS_CHANGED).parameters) == [
        "self", "screen"]


class FooterApp(App[None]):
    BINDINGS = [Binding("x", "toggle", "Extra", id="extra")]
    shown = True

    def compose(self) -> ComposeResult:
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.shown if action == "toggle" else True

    def action_toggle(self) -> None:
        """Not pressed in the test."""


def _footer_keys(app: App[None]) -> list[str]:
    return [key.description for key in app.query(FooterKey)]


async def test_footer_recomposes_once_when_keys_change_and_never_when_not() -> None:
    compat.install_speedups()
    app = FooterApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "Extra" in _footer_keys(app))
        footer = app.query_one(Footer)
        assert footer._bindings_ready  # noqa: SLF001
        recomposed: list[int] = []
        original = footer.recompose

        async def counting() -> None:
            recomposed.append(1)
            await original()

        footer.recompose = counting  # type: ignore[method-assign]
        for _ in range(5):
            app.screen.refresh_bindings()
        await pilot.pause(0.1)  # several frames
        assert recomposed == [], "same keys: no recompose"
        app.shown = False
        for _ in range(5):
            app.screen.refresh_bindings()
        await wait_until(pilot, lambda: "Extra" not in _footer_keys(app))
        await pilot.pause(0.1)
        assert recomposed == [1], "five requests in one frame: one recompose"


# -- 3. ASCII drawing ---------------------------------------------------------------------


def test_the_drawing_tables_have_the_shape_use_ascii_drawing_rewrites() -> None:
    from textual import _border, _box_drawing, canvas
    from textual.widgets._header import Header, HeaderIcon

    assert set(_border.BORDER_CHARS) == set(_border.BORDER_LOCATIONS)
    assert {"ascii", "round", "heavy", "none", "blank", "hidden", ""} <= set(_border.BORDER_CHARS)
    for rows in _border.BORDER_CHARS.values():
        assert len(rows) == 3 and all(len(row) == 3 for row in rows)
    assert canvas.BOX_CHARACTERS is _box_drawing.BOX_CHARACTERS, "canvas must see the change"
    assert all(len(quad) == 4 for quad in _box_drawing.BOX_CHARACTERS)
    for widget in (Header, HeaderIcon):
        assert widget.icon._default == "\u2b58"  # noqa: SLF001


ASCII_PROBE = """
import asyncio
from textual.app import App
from textual.widgets import DataTable, Header, Static
from coprod_tui.core.ui.compat import use_ascii_drawing

class Probe(App):
    CSS = "Static { border: round $accent; height: 5; overflow-y: scroll; }"
    def compose(self):
        yield Header()
        yield Static("\\n".join(map(str, range(20))))
        table = DataTable()
        table.add_columns("a", "b")
        table.add_row("1", "2")
        yield table

async def main(ascii_only):
    if ascii_only:
        use_ascii_drawing()
    app = Probe()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        svg = app.export_screenshot()
    drawing = sorted({c for c in svg if 0x2500 <= ord(c) <= 0x259F or c == "\\u2b58"})
    print(len(drawing))

import sys
asyncio.run(main(sys.argv[1] == "ascii"))
"""


@pytest.mark.parametrize("mode", ["ascii", "unicode"])
def test_use_ascii_drawing_leaves_no_drawing_characters(mode: str) -> None:
    done = subprocess.run([sys.executable, "-c", ASCII_PROBE, mode], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    found = int(done.stdout.strip())
    assert (found == 0) is (mode == "ascii"), f"{mode}: {found} drawing characters"


# -- 4. NO_COLOR --------------------------------------------------------------------------


def test_drop_monochrome_turns_the_grey_filter_into_no_colour(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app: App[None] = App()
    assert any(isinstance(f, Monochrome) for f in app._filters)  # noqa: SLF001
    compat.drop_monochrome(app)
    filters = app.get_line_filters()
    assert any(isinstance(f, NoColor) for f in filters)
    assert not any(isinstance(f, Monochrome) for f in filters)


# -- 5. the driver --------------------------------------------------------------------------


def test_the_driver_privates_are_where_compat_reads_them() -> None:
    init = inspect.getsource(LinuxDriver.__init__)
    assert "self.fileno = sys.__stdin__.fileno()" in init
    assert "self._file = sys.__stderr__" in init
    assert "self._writer_thread = WriterThread(self._file)" in inspect.getsource(LinuxDriver)
    writer = WriterThread(io.StringIO())
    queue = compat.driver_write_queue(SimpleNamespace(_writer_thread=writer))
    assert isinstance(queue, Queue) and queue.qsize() == 0
    writer.write("frame")
    assert queue.qsize() == 1, "the queue is where written frames wait"
    assert compat.driver_write_queue(SimpleNamespace()) is None
    output = io.StringIO()
    assert compat.driver_output(SimpleNamespace(_file=output)) is output


async def test_app_driver_is_the_running_driver() -> None:
    app: App[None] = App()
    assert compat.app_driver(app) is None
    async with app.run_test() as pilot:
        await pilot.pause()
        driver = compat.app_driver(app)
        assert driver is not None and driver.is_headless


# -- 6. OptionList lines --------------------------------------------------------------------


class OptionsApp(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList("one", "two\nlines", "three")


async def test_option_line_follows_options_of_several_lines() -> None:
    app = OptionsApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        options = app.query_one(OptionList)
        assert [compat.option_line(options, i) for i in range(3)] == [0, 1, 3]
        assert compat.option_line(options, 9) is None


# -- 7. Markdown blocks ---------------------------------------------------------------------


class MarkdownApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Markdown("Read [the guide](https://example.org/guide) first.")


async def test_markdown_blocks_expose_their_content_and_links_become_hyperlinks() -> None:
    app = MarkdownApp()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        markdown = app.query_one(Markdown)
        blocks = list(compat.markdown_block_contents(markdown))
        assert any("the guide" in content.plain for _block, content in blocks)
        add_hyperlinks(markdown)
        links = [span.style.link for _block, content in compat.markdown_block_contents(markdown)
                 for span in content.spans if getattr(span.style, "link", None)]
        assert links == ["https://example.org/guide"]


# -- 8. paste handlers ---------------------------------------------------------------------


def test_input_and_text_area_still_handle_paste_in_on_paste() -> None:
    assert "_on_paste" in vars(Input) and "_on_paste" in vars(TextArea)


class PasteApp(App[None]):
    def compose(self) -> ComposeResult:
        yield SafeInput(id="line")
        yield SafeTextArea(id="area")


async def test_safe_fields_show_pasted_escapes_visibly() -> None:
    app = PasteApp()
    async with app.run_test() as pilot:
        line, area = app.query_one(SafeInput), app.query_one(SafeTextArea)
        line.focus()
        await pilot.pause()
        app.post_message(events.Paste("a\x1b[31mb"))  # as a terminal paste arrives
        await pilot.pause()
        area.focus()
        await pilot.pause()
        app.post_message(events.Paste("c\x1bd"))
        await pilot.pause()
        assert line.value == "a^[[31mb"
        assert area.text == "c^[d"


# -- 9. Pilot's idle check (tests only: tests/conftest.py shortens its step) --------------


def test_pilot_idle_check_reads_its_step_when_called() -> None:
    from textual import _wait

    from tests.conftest import PILOT_IDLE_STEP

    source = inspect.getsource(_wait.wait_for_idle)
    assert "await sleep(SLEEP_GRANULARITY)" in source
    assert "cpu_elapsed < SLEEP_IDLE" in source
    assert _wait.SLEEP_GRANULARITY == PILOT_IDLE_STEP, "conftest's shorter step is in use"
    assert _wait.SLEEP_IDLE == PILOT_IDLE_STEP / 20.0
