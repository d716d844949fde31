"""Load ``values.json`` (the values, their prompts, framework hints) from content.

A content pack folder holding its own ``values.json`` replaces the built-in one
(the last pack given wins). The result is kept in the one content cache (:func:`coprod_tui.core.content.cached`).

Translations: ``<folder>/<code>/values.json`` (the built-in Welsh is
``content/cy/values.json``) has the same shape with every text optional. When
the interface is in that language it replaces the texts it gives, item by item;
anything it leaves out stays in English (:func:`translate_values`). As with the
reading, a folder's translation applies to the values as they stand after that
folder: a pack that brings its own ``values.json`` replaces the translation too
(its English, unless the pack also brings a translation), and a pack may bring
only a translation. Entries never store these texts, so the language chosen
changes what is shown, never what was saved.
"""

from __future__ import annotations

from pathlib import Path

from coprod_tui import i18n, paths
from coprod_tui.core.content import cached, read_content_json
from coprod_tui.core.text import make_visible
from coprod_tui.journal.values import (
    ContentError,
    ValuesContent,
    parse_values_content,
    translate_values,
)

VALUES_FILE = "values.json"


def values_file(content_dirs: list[Path] | None = None) -> Path:
    """The ``values.json`` in use: the last content pack holding one, else the built-in."""
    for folder in reversed(content_dirs or []):
        candidate = Path(folder) / VALUES_FILE
        if candidate.is_file():
            return candidate
    return paths.builtin_content_dir() / VALUES_FILE


def translation_file(folder: Path, language: str) -> Path:
    """Where a folder keeps its values in ``language``: ``<folder>/<language>/values.json``."""
    return Path(folder) / language / VALUES_FILE


def values_files(content_dirs: list[Path] | None = None,
                 language: str = i18n.ENGLISH) -> tuple[Path, Path | None]:
    """The ``values.json`` in use and the translation into ``language`` that goes
    with it (``None``: English only)."""
    english = values_file(content_dirs)
    if language == i18n.ENGLISH:
        return english, None
    folders = [paths.builtin_content_dir(), *(Path(d) for d in content_dirs or [])]
    translation = None
    for folder in folders:
        if folder / VALUES_FILE == english:
            translation = None  # the English in use starts here: older translations do not fit
        if translation_file(folder, language).is_file():
            translation = translation_file(folder, language)
    return english, translation


def read_values_file(path: Path) -> ValuesContent:
    """Read and validate one ``values.json`` (raises :class:`ContentError`)."""
    return parse_values_content(read_content_json(path, ContentError), make_visible(str(path)))


def read_translation(english: ValuesContent, path: Path) -> ValuesContent:
    """``english`` with the translation in ``path`` applied (raises :class:`ContentError`)."""
    return translate_values(english, read_content_json(path, ContentError),
                            make_visible(str(path)))


def load_values(content_dirs: list[Path] | None = None,
                language: str | None = None) -> ValuesContent:
    """The values content in use, in ``language`` (default: the interface
    language) where a translation gives it, English elsewhere (cached until a
    file changes)."""
    code = i18n.normalise(language) or i18n.current_language()
    english, translation = values_files(content_dirs, code)
    if translation is None:
        return cached("values", [english], lambda: read_values_file(english))
    return cached(f"values:{code}", [english, translation],
                  lambda: read_translation(read_values_file(english), translation))
