"""Shared fixtures: every test gets its own private data folder."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coprod_tui import i18n

ROOT = Path(__file__).resolve().parent.parent

# Pilot's press() and pause() wait until the app looks idle: Textual sleeps in
# steps of 1/50 s (textual._wait.SLEEP_GRANULARITY) and calls the app idle when
# a step used almost no CPU. Two such steps a key, a thousand keys in the
# keyboard journey: most of the UI tests' time was those sleeps (tests/ui: 104 s
# in parallel, 57 s with this). Steps of 1/200 s make the same check (idle =
# under a twentieth of the step on the CPU), four times as often. A test that
# checks what is drawn waits for it (wait_until), never on a pause being long
# enough. Checked in tests/unit/test_textual_compat.py.
PILOT_IDLE_STEP = 1 / 200


def pytest_configure(config: pytest.Config) -> None:
    """Shorter idle checks for Pilot (see :data:`PILOT_IDLE_STEP`)."""
    from textual import _wait

    _wait.SLEEP_GRANULARITY = PILOT_IDLE_STEP
    _wait.SLEEP_IDLE = PILOT_IDLE_STEP / 20.0

@pytest.fixture(autouse=True)
def _unicode_drawing_after() -> Iterator[None]:
    """Put Textual's drawing tables back after a test whose app drew with ASCII.

    ``compat.use_ascii_drawing`` changes them for the whole process (as it must
    for a real run); in a test worker that would leave every later test drawing
    in ASCII, and which tests follow which depends on how they are shared out
    between workers.
    """
    from textual import _border, _box_drawing
    from textual.scrollbar import ScrollBarRender
    from textual.widgets._header import Header, HeaderIcon

    chars, locations = dict(_border.BORDER_CHARS), dict(_border.BORDER_LOCATIONS)
    boxes = dict(_box_drawing.BOX_CHARACTERS)
    bars = (list(ScrollBarRender.VERTICAL_BARS), list(ScrollBarRender.HORIZONTAL_BARS))
    icons = (Header.icon._default, HeaderIcon.icon._default)  # noqa: SLF001
    yield
    _border.BORDER_CHARS.update(chars)
    _border.BORDER_LOCATIONS.update(locations)
    _box_drawing.BOX_CHARACTERS.update(boxes)
    ScrollBarRender.VERTICAL_BARS, ScrollBarRender.HORIZONTAL_BARS = bars
    Header.icon._default, HeaderIcon.icon._default = icons  # noqa: SLF001


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data: point every default at tmp_path.

    Tests run in parallel (``pytest -n auto``), so nothing is shared between
    them either: the temporary folder and ``$XDG_RUNTIME_DIR`` are where the
    app keeps unsaved drafts it could not save, and reads them back (and
    deletes them) at start; shared, one test's app would take another's file
    (or the developer's own).
    """
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    # Beside tmp_path, not in it: tests list what their tmp_path holds.
    private_tmp = tmp_path_factory.mktemp("tmp")
    runtime = tmp_path_factory.mktemp("run")
    for folder in (private_tmp, runtime):
        folder.chmod(0o700)
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.delenv("COPROD_DATA_DIR", raising=False)
    monkeypatch.delenv("COPROD_CONTENT_DIR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    # The interface follows the system locale: a developer working in Welsh
    # would otherwise see every English assertion fail. Tests of the language
    # choice set these themselves.
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if "cy" in os.environ.get(variable, "").lower():
            monkeypatch.setenv(variable, "C.UTF-8")
    # The language in use is process-wide: each test starts in English.
    i18n.set_language(i18n.ENGLISH)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder path (not yet created)."""
    return tmp_path / "data"


async def wait_until(pilot, predicate: Callable[[], bool], timeout: float = 20.0) -> None:
    """Pause the pilot until ``predicate()`` holds (workers need more than one pause).

    The timeout only bounds a failure: a parallel run on a shared 2-core machine can
    take seconds to draw a frame, and a met condition returns at once.
    """
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await pilot.pause(0.02)
        await asyncio.sleep(0)


def env_for(data: Path, **extra: str) -> dict[str, str]:
    """An environment for running the real ``coprod`` against ``data``."""
    env = dict(os.environ)
    env["COPROD_DATA_DIR"] = str(data)
    env.update(extra)
    return env
