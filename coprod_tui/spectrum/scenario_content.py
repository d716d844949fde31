"""Load the spectrum practice scenarios from content.

The built-in ``spectrum_scenarios.json`` comes first; every content pack folder
holding a ``spectrum_scenarios.json`` adds its scenarios (a scenario with an id
already loaded replaces it). Errors name the file, the scenario and the problem.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from coprod_tui import paths
from coprod_tui.core.content import read_content_json
from coprod_tui.core.text import make_visible
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


@lru_cache(maxsize=16)
def _cached(path: str, mtime: float) -> tuple[Scenario, ...]:
    return tuple(read_scenario_file(Path(path)))


def load_scenarios(content_dirs: list[Path] | None = None) -> list[Scenario]:
    """Every scenario in use (cached until a file changes)."""
    lists = []
    for path in scenario_files(content_dirs):
        try:
            mtime = path.stat().st_mtime
        except OSError:
            mtime = 0.0
        lists.append(list(_cached(str(path), mtime)))
    scenarios = merge(*lists)
    if not scenarios:
        raise ScenarioError(f"{scenario_files(content_dirs)[0]}: no scenarios to practise on")
    return scenarios
