"""Load ``values.json`` (the values, their prompts, framework hints) from content.

A content pack folder holding its own ``values.json`` replaces the built-in one
(the last pack given wins). The result is cached per folder list.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from coprod_tui import paths
from coprod_tui.core.content import read_content_json
from coprod_tui.core.text import make_visible
from coprod_tui.journal.values import ContentError, ValuesContent, parse_values_content

VALUES_FILE = "values.json"


def values_file(content_dirs: list[Path] | None = None) -> Path:
    """The ``values.json`` in use: the last content pack holding one, else the built-in."""
    for folder in reversed(content_dirs or []):
        candidate = Path(folder) / VALUES_FILE
        if candidate.is_file():
            return candidate
    return paths.builtin_content_dir() / VALUES_FILE


def read_values_file(path: Path) -> ValuesContent:
    """Read and validate one ``values.json`` (raises :class:`ContentError`)."""
    return parse_values_content(read_content_json(path, ContentError), make_visible(str(path)))


@lru_cache(maxsize=8)
def _cached(path: str, mtime: float) -> ValuesContent:
    return read_values_file(Path(path))


def load_values(content_dirs: list[Path] | None = None) -> ValuesContent:
    """The values content in use (cached until the file changes)."""
    path = values_file(content_dirs)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = 0.0
    return _cached(str(path), mtime)
