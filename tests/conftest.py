"""Shared fixtures: every test gets its own private data folder."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_tui import i18n

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data: point every default at tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
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


async def wait_until(pilot, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    """Pause the pilot until ``predicate()`` holds (workers need more than one pause)."""
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
