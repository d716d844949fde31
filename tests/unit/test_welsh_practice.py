"""Every practice scenario through plain mode's rounds in Welsh: coprod's own
words around each one (places, verdicts, the questions, the review) and the
scenarios themselves (content/cy/*_scenarios.json) are all Welsh; no English
is left at all (issue 20)."""

from __future__ import annotations

import io

import pytest

from coprod_tui import i18n
from coprod_tui.complexity import records as cx
from coprod_tui.plain import complexity as plain_complexity
from coprod_tui.plain import spectrum as plain_spectrum
from coprod_tui.plain.console import Console
from coprod_tui.spectrum.scenario_content import load_scenarios
from tests.ui.scenario_words import english_scenario_text
from tests.ui.welsh_check import english_lines


@pytest.mark.parametrize("choice", ["1", "6"])
def test_every_spectrum_scenario_in_a_welsh_round(monkeypatch: pytest.MonkeyPatch,
                                                  choice: str) -> None:
    i18n.set_language("cy")
    scenarios = load_scenarios(None)
    monkeypatch.setattr(plain_spectrum, "pick_round", lambda items, rng=None: list(items))
    out = io.StringIO()
    plain_spectrum.practice_round(Console(io.StringIO(f"{choice}\n\n" * len(scenarios)), out),
                                  scenarios)
    text = out.getvalue()
    assert f"Senario {len(scenarios)} o {len(scenarios)}: " in text
    assert english_lines(text) == [], text
    assert english_scenario_text(text) == [], text
    for scenario in scenarios:
        assert f": {scenario.title}   (" in text and scenario.explanation in " ".join(text.split())


@pytest.mark.parametrize("choice", ["1", "3", "5"])
def test_every_complexity_scenario_in_a_welsh_round(choice: str) -> None:
    i18n.set_language("cy")
    scenarios = cx.load_scenarios([])
    out = io.StringIO()
    plain_complexity.practice_round(
        Console(io.StringIO(f"{choice}\n\n" * len(scenarios)), out), scenarios,
        size=len(scenarios))
    text = out.getvalue()
    assert f"Senario {len(scenarios)} o {len(scenarios)}: " in text
    assert english_lines(text) == [], text
    assert english_scenario_text(text) == [], text
    for scenario in scenarios:
        assert f": {scenario.title}   (" in text and scenario.explanation in " ".join(text.split())
