"""``coprod <command>`` builds only that command's part of the command line, and
says exactly what the whole parser would say."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_tui import cli


def test_command_homes_name_the_module_registering_each_command() -> None:
    found: dict[str, str] = {}
    for entry in cli.COMMAND_MODULES:
        assert isinstance(entry, str)
        parser = argparse.ArgumentParser()
        subparsers = parser.add_subparsers()
        importlib.import_module(entry).register(subparsers, cli.common_options())
        found.update(dict.fromkeys(subparsers.choices, entry))
    assert cli.COMMAND_HOMES == found


def test_list_imports_no_other_command_module(data_dir: Path) -> None:
    code = ("import sys\nfrom coprod_tui.cli import main\n"
            f"assert main(['list', '--data-dir', {str(data_dir)!r}]) == 0\n"
            "print(sorted(m for m in sys.modules if m in "
            f"{sorted(set(cli.COMMAND_HOMES.values()))!r}))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.splitlines()[-1] == "['coprod_tui.journal.cli']"


@pytest.mark.parametrize("argv", [
    ["list", "--bogus"], ["list", "--since", "yesterday-ish", "extra"],
    ["--data-dir"], ["--lang", "xx", "list"], ["lisst"],
    ["export", "--format"], ["list", "--value"],
])
def test_mistakes_are_reported_as_the_whole_parser_reports_them(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as whole:
        cli.build_parser().parse_args(argv)
    expected = capsys.readouterr()
    assert cli._one_command_args(argv) is None
    assert capsys.readouterr().err == ""
    assert whole.value.code == 2 and expected.err


@pytest.mark.parametrize("argv", [
    ["list", "--since", "2026-01-01"], ["--data-dir", "x", "list", "--json"],
    ["--lang", "cy", "list"], ["list", "--data-dir", "y", "--tag", "carers"],
    ["export", "--format", "md", "--output", "out.md"], ["where"],
])
def test_one_command_parses_as_the_whole_parser(argv: list[str]) -> None:
    ours = cli._one_command_args(argv)
    assert ours is not None
    assert vars(ours) == vars(cli.build_parser().parse_args(argv))


def test_a_folder_named_like_a_command_is_not_taken_for_one() -> None:
    assert cli._one_command_args(["--data-dir", "list"]) is None
    assert vars(cli._one_command_args(["--data-dir", "list", "where"]))["data_dir"] == "list"
