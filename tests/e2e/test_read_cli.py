"""``coprod read`` as a real process: plain text, facts, bad input, packs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, env_for

EXAMPLE = ROOT / "content" / "examples" / "local-pack"

# Facts the 10-minute tier must cover (checked case-insensitively, joined across lines).
TEN_MINUTE_FACTS = [
    # the definition's elements and what it enables
    "provide and deliver", "access and receive", "power and responsibility",
    "working together", "mutual benefit", "equal, reciprocal and caring",
    "relevant and meaningful", "positive difference", "agents of change",
    # the five values
    "strengths", "networks", "what matters", "relationships", "enablers",
    # the spectrum: groups, six approaches, examples, the organisation's view
    "doing to", "doing for", "doing with",
    "coercion / protection", "education / persuasion", "information", "consultation",
    "participation", "co-production",
    "criminal justice", "safeguarding", "stop smoking", "bin collection", "surveys",
    "urban planning", "fixmystreet", "drop-in events", "focus groups",
    "person-centred care", "shared decision making",
    "keep people safe", "get them to do it", "where, when and how",
    "chooses the questions", "lived experience", "power in decisions is equal",
    # the three questions
    "who holds the knowledge?", "who makes the decisions?", "who enacts the decisions",
    # complexity
    "simple", "complicated", "complex", "chaotic", "cake", "rocket", "raising a child",
    "covid", "networked adaptive system", "wicked problems", "complex challenge: co-produce",
    # the imperative
    "austerity", "ageing population", "cycle of disempowerment", "eligibility",
    "statutory duty",
    # the "good and bad help" report
    "good and bad help",
    "https://www.nesta.org.uk/report/good-and-bad-help-how-purpose-and-confidence-transform-lives/",
]


def coprod(data: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coprod_tui", *args], capture_output=True, text=True,
        env=env_for(data, **env), timeout=60,
    )


def test_read_10_minutes_covers_every_fact_as_plain_text(data_dir: Path) -> None:
    result = coprod(data_dir, "read", "10-minutes", COLUMNS="72")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out
    assert "**" not in out and "<https" not in out
    flat = " ".join(out.lower().split())
    missing = [fact for fact in TEN_MINUTE_FACTS if fact.lower() not in flat]
    assert missing == []
    prose = [line for line in out.splitlines() if "http" not in line and "|" not in line]
    assert prose and all(len(line) < 72 for line in prose)


def test_read_list_and_one_section(data_dir: Path) -> None:
    listed = coprod(data_dir, "read", "--list")
    assert listed.returncode == 0
    for tier_id in ("10-minutes", "30-minutes", "an-hour", "follow-up"):
        assert tier_id in listed.stdout
    assert "what-is-co-production" in listed.stdout and " min " in listed.stdout
    one = coprod(data_dir, "read", "follow-up", "podcast-episodes")
    assert one.returncode == 0
    assert one.stdout.startswith("Podcast episodes\n================")
    assert "39'28\"" in one.stdout and "Discuss" not in one.stdout


def test_unknown_tier_or_section_lists_the_valid_ids(data_dir: Path) -> None:
    bad = coprod(data_dir, "read", "5-minutes")
    assert bad.returncode == 2
    assert "unknown tier '5-minutes'" in bad.stderr
    assert "10-minutes, 30-minutes, an-hour, follow-up" in bad.stderr
    assert "Traceback" not in bad.stderr
    bad = coprod(data_dir, "read", "10-minutes", "podcast-episodes")
    assert bad.returncode == 2
    assert "unknown section 'podcast-episodes' in tier 10-minutes" in bad.stderr
    assert "three-questions" in bad.stderr


def test_packs_on_the_command_line(data_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    (broken / "reading").mkdir(parents=True)
    (broken / "reading" / "manifest.json").write_text('{"tiers": 3}', encoding="utf-8")
    result = coprod(data_dir, "read", "follow-up", "discuss-with-your-team",
                    "--content-dir", f"{broken}:{EXAMPLE}")
    assert result.returncode == 0
    assert "our version" in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(broken / "reading" / "manifest.json") in lines[0]
    env_run = coprod(data_dir, "read", "our-area", COPROD_CONTENT_DIR=str(EXAMPLE))
    assert env_run.returncode == 0 and "Support for carers near you" in env_run.stdout
