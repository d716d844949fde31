"""Load the spectrum practice scenarios from content.

The built-in ``spectrum_scenarios.json`` comes first; every content pack folder
holding a ``spectrum_scenarios.json`` adds its scenarios (a scenario with an id
already loaded replaces it). Errors name the file, the scenario and the problem.
"""

from __future__ import annotations

from pathlib import Path

from coprod_tui import paths
from coprod_tui.core.content import cached, read_content_json
from coprod_tui.core.text import make_visible
from coprod_tui.i18n import _
from coprod_tui.spectrum.scenarios import Scenario, ScenarioError, merge, parse_scenarios

SCENARIOS_FILE = "spectrum_scenarios.json"


def scenario_files(content_dirs: list[Path] | None = None) -> list[Path]:
    """The files in use: the built-in one, then each pack's, in order."""
    files = [paths.builtin_content_dir() / SCENARIOS_FILE]
    for folder in content_dirs or []:
        candidate = Path(folder) / SCENARIOS_FILE
        if candidate.is_file():
            files.append(candidate)
    return files


def read_scenario_file(path: Path) -> list[Scenario]:
    """Read and validate one scenario file (raises :class:`ScenarioError`)."""
    return parse_scenarios(read_content_json(path, ScenarioError), make_visible(str(path)))


def _build(files: list[Path]) -> tuple[Scenario, ...]:
    scenarios = merge(*(read_scenario_file(path) for path in files))
    if not scenarios:
        raise ScenarioError(_("{file}: no scenarios to practise on").format(file=files[0]))
    return tuple(scenarios)


def load_scenarios(content_dirs: list[Path] | None = None) -> list[Scenario]:
    """Every scenario in use (cached until a file changes)."""
    files = scenario_files(content_dirs)
    return list(cached("spectrum-scenarios", files, lambda: _build(files)))
