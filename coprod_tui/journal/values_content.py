"""Load ``values.json`` (the values, their prompts, framework hints) from content.

A content pack folder holding its own ``values.json`` replaces the built-in one
(the last pack given wins). The result is kept in the one content cache (:func:`coprod_tui.core.content.cached`).
"""

from __future__ import annotations

from pathlib import Path

from coprod_tui import paths
from coprod_tui.core.content import cached, read_content_json
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


def load_values(content_dirs: list[Path] | None = None) -> ValuesContent:
    """The values content in use (cached until the file changes)."""
    path = values_file(content_dirs)
    return cached("values", [path], lambda: read_values_file(path))
