"""``coprod add`` and ``coprod list`` as real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_tui.core.store import Store
from tests.conftest import env_for

LITERAL = "[bold]x[/] [/] \x1b[31mred"


def coprod(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coprod_tui", *args], input=stdin,
                          capture_output=True, text=True, env=env_for(data_dir), timeout=60)


def test_add_then_list_with_filters_and_json(data_dir: Path) -> None:
    done = coprod(data_dir, "add", "--value", "networks", "--value", "strengths",
                  "--title", "Joint visit", "--tag", "carers", "--framework", "rolfe",
                  "Two teams met the carer together.")
    assert done.returncode == 0, done.stderr
    assert "added entry" in done.stdout and done.stderr == ""
    done = coprod(data_dir, "add", "--value", "change-makers", "--tag", "team", "-",
                  stdin="Her idea, her plan.\nWe helped.\n")
    assert done.returncode == 0, done.stderr
    docs = {d["title"]: d for d in Store.open(data_dir).all("entries")}
    assert docs["Joint visit"]["values"] == ["networks", "strengths"]
    assert docs["Joint visit"]["sections"] == {"what": "Two teams met the carer together."}
    assert docs[""]["sections"] == {"text": "Her idea, her plan.\nWe helped."}
    listed = coprod(data_dir, "list")
    assert "SN---" in listed.stdout and "Joint visit" in listed.stdout
    assert "Her idea, her plan" in listed.stdout and "2 entries" in listed.stdout
    only = coprod(data_dir, "list", "--value", "networks").stdout
    assert "Joint visit" in only and "Her idea" not in only
    assert "Her idea" in coprod(data_dir, "list", "--tag", "team").stdout
    assert "no entries match" in coprod(data_dir, "list", "--search", "teams nobody").stdout
    assert "Joint visit" in coprod(data_dir, "list", "--search", "TEAMS carer").stdout
    future = coprod(data_dir, "list", "--since", "2999-01-01")
    assert future.stdout.strip() == "no entries match"
    assert "2 entries" in coprod(data_dir, "list", "--until", "2999-01-01").stdout
    as_json = json.loads(coprod(data_dir, "list", "--json", "--tag", "carers").stdout)
    assert [e["title"] for e in as_json] == ["Joint visit"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["add", "--value", "assets", "text"], "choices: strengths, networks, what-matters"),
        (["add", "text"], "choices: strengths"),
        (["add", "--value", "networks", "--framework", "kolb", "x"], "choices: free, rolfe, gibbs"),
        (["add", "--value", "networks"], "give - to read the entry from standard input"),
        (["list", "--value", "power"], "choices: strengths"),
        (["list", "--since", "2026-02-30"], "YYYY-MM-DD"),
        (["list", "--until", "yesterday"], "YYYY-MM-DD"),
    ],
)
def test_bad_input_prints_choices_and_exits_2(data_dir: Path, args: list[str],
                                              expected: str) -> None:
    done = coprod(data_dir, *args)
    assert done.returncode == 2
    assert expected in done.stderr and "Traceback" not in done.stderr
    assert not (data_dir / "coprod.json").exists() or not Store.open(data_dir).all("entries")


def test_text_is_stored_exactly_and_listed_without_escapes(data_dir: Path) -> None:
    done = coprod(data_dir, "add", "--value", "strengths", "--title", LITERAL, LITERAL)
    assert done.returncode == 0
    (doc,) = Store.open(data_dir).all("entries")
    assert doc["title"] == LITERAL and doc["sections"]["text"] == LITERAL
    listed = coprod(data_dir, "list").stdout
    assert "[bold]x[/] [/] ^[[31mred" in listed and "\x1b" not in listed


def test_privacy_warning_does_not_block(data_dir: Path) -> None:
    done = coprod(data_dir, "add", "--value", "relationships", "Rang 07700 900123 after")
    assert done.returncode == 0
    assert "phone number: 07700 900123" in done.stderr and "NMC" in done.stderr
    assert len(Store.open(data_dir).all("entries")) == 1


FAKE_EDITOR = """
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = text.replace("Title: ", "Title: From my editor")
text = text.replace("## What?\\n", "## What?\\nWe met at home.\\n", 1)
text = text.replace("## Now what?\\n", "## Now what?\\nAsk her first.\\n", 1)
text = text.replace("## Actions\\n", "## Actions\\nRing the team by 2026-12-01\\n", 1)
open(path, "w", encoding="utf-8").write(text)
"""


def test_add_with_editor_uses_the_template(data_dir: Path, tmp_path: Path) -> None:
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    env_editor = f"{sys.executable} {script}"
    done = subprocess.run(
        [sys.executable, "-m", "coprod_tui", "add", "--value", "networks", "--framework",
         "rolfe", "--editor"],
        capture_output=True, text=True, env=env_for(data_dir, EDITOR=env_editor, VISUAL=""),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    (doc,) = Store.open(data_dir).all("entries")
    assert doc["title"] == "From my editor"
    assert doc["sections"] == {"what": "We met at home.", "now-what": "Ask her first."}
    assert [(a["text"], a["due"]) for a in doc["actions"]] == [("Ring the team", "2026-12-01")]
    assert not list(data_dir.glob(".coprod-add-*"))


def test_add_with_an_editor_that_writes_nothing_adds_nothing(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coprod_tui", "add", "--value", "networks", "--editor"],
        capture_output=True, text=True, env=env_for(data_dir, EDITOR="true", VISUAL=""),
        timeout=60,
    )
    assert done.returncode == 1 and "nothing was written" in done.stderr
    assert Store.open(data_dir).all("entries") == []
