"""Load the spectrum practice scenarios from content.

The built-in ``spectrum_scenarios.json`` comes first; every content pack folder
holding a ``spectrum_scenarios.json`` adds its scenarios (a scenario with an id
already loaded replaces it). Errors name the file, the scenario and the problem.

Translations: ``<folder>/<code>/spectrum_scenarios.json`` (the built-in Welsh is
``content/cy/spectrum_scenarios.json``) gives, by scenario id, the texts of the
scenarios as they stand after that folder (:func:`translate_scenarios`). When
the interface is in that language they replace the English, text by text;
anything left out stays in English. A pack that brings its own version of a
scenario replaces its translation too (its English, unless the pack also
brings ``cy/spectrum_scenarios.json``), and a pack may bring only a
translation. Rounds keep ids and places, never these texts.
"""

from __future__ import annotations

from pathlib import Path

from coprod_tui import i18n, paths
from coprod_tui.core.content import cached, read_content_json
from coprod_tui.core.text import make_visible
from coprod_tui.i18n import _
from coprod_tui.spectrum.scenarios import (
    Scenario,
    ScenarioError,
    merge,
    parse_scenarios,
    translate_scenarios,
)

SCENARIOS_FILE = "spectrum_scenarios.json"


def scenario_files(content_dirs: list[Path] | None = None) -> list[Path]:
    """The files in use: the built-in one, then each pack's, in order."""
    files = [paths.builtin_content_dir() / SCENARIOS_FILE]
    for folder in content_dirs or []:
        candidate = Path(folder) / SCENARIOS_FILE
        if candidate.is_file():
            files.append(candidate)
    return files


def translation_file(folder: Path, language: str) -> Path:
    """Where a folder keeps its scenarios in ``language``:
    ``<folder>/<language>/spectrum_scenarios.json``."""
    return Path(folder) / language / SCENARIOS_FILE


def layers(content_dirs: list[Path] | None = None,
           language: str = i18n.ENGLISH) -> list[tuple[Path | None, Path | None]]:
    """Each folder in order (the built-in one first) as its scenario file (``None``:
    it has none) and the translation into ``language`` it may hold (``None``
    in English; it may not exist)."""
    folders = [paths.builtin_content_dir(), *(Path(d) for d in content_dirs or [])]
    result: list[tuple[Path | None, Path | None]] = []
    for index, folder in enumerate(folders):
        english = folder / SCENARIOS_FILE
        result.append((english if index == 0 or english.is_file() else None,
                       None if language == i18n.ENGLISH else translation_file(folder, language)))
    return result


def read_scenario_file(path: Path) -> list[Scenario]:
    """Read and validate one scenario file (raises :class:`ScenarioError`)."""
    return parse_scenarios(read_content_json(path, ScenarioError), make_visible(str(path)))


def read_translation(scenarios: list[Scenario], path: Path) -> list[Scenario]:
    """``scenarios`` with the translation in ``path`` applied (raises :class:`ScenarioError`)."""
    return translate_scenarios(scenarios, read_content_json(path, ScenarioError),
                               make_visible(str(path)))


def _build(steps: list[tuple[Path | None, Path | None]]) -> tuple[Scenario, ...]:
    scenarios: list[Scenario] = []
    for english, translation in steps:
        if english is not None:
            scenarios = merge(scenarios, read_scenario_file(english))
        if translation is not None and translation.is_file():
            scenarios = read_translation(scenarios, translation)
    if not scenarios:
        raise ScenarioError(_("{file}: no scenarios to practise on").format(
            file=make_visible(str(steps[0][0]))))
    return tuple(scenarios)


def load_scenarios(content_dirs: list[Path] | None = None,
                   language: str | None = None) -> list[Scenario]:
    """Every scenario in use, in ``language`` (default: the interface language)
    where a translation gives it, English elsewhere (cached until a file changes)."""
    code = i18n.normalise(language) or i18n.current_language()
    steps = layers(content_dirs, code)
    files = [path for step in steps for path in step if path is not None]
    return list(cached(f"spectrum-scenarios:{code}", files, lambda: _build(steps)))
