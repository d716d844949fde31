"""Cymraeg end to end, in real processes: `--lang`, the language setting and the
system locale choose the language; help and the reading list come out in Welsh."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_tui.core.store import Store
from tests.conftest import ROOT, env_for
from tests.e2e.ptyterm import PtyApp

ENGLISH_LOCALE = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


def coprod(*args: str, data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The real command with an English system locale unless ``env`` says otherwise."""
    return subprocess.run(
        [sys.executable, "-m", "coprod_tui", *args], capture_output=True, text=True,
        cwd=ROOT, stdin=subprocess.DEVNULL, env=env_for(data, **{**ENGLISH_LOCALE, **env}),
        timeout=60,
    )


def test_help_in_welsh(data_dir: Path) -> None:
    result = coprod("--lang", "cy", "--help", data=data_dir)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("defnydd: coprod")
    for welsh in ("Dysgu am gydgynhyrchu gyda gofalwyr", "dewisiadau:", "GORCHYMYN",
                  "dangos y neges gymorth hon a gadael",
                  "darllen y pecyn cymorth fel testun plaen",   # read (wrapped in its module)
                  "gosod gweithgaredd ar y sbectrwm ymgysylltu",  # spectrum (marked centrally)
                  "ydy her yn syml, yn gymhlethedig"):
        assert welsh in " ".join(out.split()), welsh
    for english in ("usage:", "options:", "Learn and reflect", "show this help message"):
        assert english not in out, english
    assert not data_dir.exists(), "help creates no data folder"


def test_help_in_english_by_default_and_with_lang_en(data_dir: Path) -> None:
    for args in (("--help",), ("--lang", "en", "--help")):
        result = coprod(*args, data=data_dir)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("usage: coprod")
        assert "Learn and reflect on co-production" in result.stdout
        assert "dewisiadau" not in result.stdout


def test_read_list_in_welsh_with_the_welsh_ten_minute_tier(data_dir: Path) -> None:
    result = coprod("--lang", "cy", "read", "--list", data=data_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("10-minutes  Os oes gennych 10 munud (tua ")
    assert lines[0].endswith(" mun o ddarllen)")
    for title in ("Beth yw cydgynhyrchu", "Y pum gwerth", "Y sbectrwm ymgysylltu",
                  "Y tri chwestiwn", "Cymhlethdod: pryd i gydgynhyrchu",
                  "Rheidrwydd cydgynhyrchu"):
        line = next(line for line in lines if line.endswith(title))
        assert " mun  " in line and "[yn Saesneg]" not in line
    assert any(line.startswith("30-minutes  Os oes gennych 30 munud") for line in lines)
    assert "Part 1: What co-production is, and is not [yn Saesneg]" in result.stdout
    assert lines[-1] == "Darllenwch un gyda: coprod read HAEN [ADRAN]"
    text = coprod("read", "10-minutes", "five-values", "--lang", "cy", data=data_dir)
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("Y pum gwerth\n")
    assert "Galluogi pobl i ysgogi newid" in " ".join(text.stdout.split()).replace(
        "galluogi pobl", "Galluogi pobl")


def test_unknown_language_exits_2_with_the_choices(data_dir: Path) -> None:
    for args in (("--lang", "fr"), ("--lang", "fr", "read", "--list"), ("read", "--lang=xx")):
        result = coprod(*args, data=data_dir)
        assert result.returncode == 2, (args, result.stderr)
        assert "--lang" in result.stderr and "'cy'" in result.stderr and "'en'" in result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_usage_errors_in_welsh(data_dir: Path) -> None:
    result = coprod("--lang", "cy", "read", "no-such-tier", data=data_dir)
    assert result.returncode == 2
    assert result.stderr.startswith("coprod: haen anhysbys 'no-such-tier'; dewisiadau: 10-minutes")
    result = coprod("--lang", "cy", "--bogus", data=data_dir)
    assert result.returncode == 2
    assert result.stderr.startswith("defnydd: coprod")
    assert "coprod: gwall: " in result.stderr and "(gweler `coprod --help`)" in result.stderr


def test_setting_then_locale_choose_and_lang_overrides(data_dir: Path) -> None:
    welsh_title = "Os oes gennych 10 munud"
    # The system locale alone.
    assert welsh_title in coprod("read", "--list", data=data_dir, LANG="cy_GB.UTF-8").stdout
    assert welsh_title in coprod("read", "--list", data=data_dir, LANGUAGE="cy:en").stdout
    assert welsh_title not in coprod("read", "--list", data=data_dir).stdout
    # The setting beats the locale; --lang beats the setting, for one run only.
    store = Store.open(data_dir)
    store.set_setting("language", "cy")
    assert welsh_title in coprod("read", "--list", data=data_dir).stdout
    assert welsh_title not in coprod("--lang", "en", "read", "--list", data=data_dir).stdout
    assert welsh_title in coprod("read", "--list", data=data_dir).stdout
    store.set_setting("language", "en")
    assert welsh_title not in coprod("read", "--list", data=data_dir, LANG="cy_GB.UTF-8").stdout
    store.set_setting("language", "system")
    assert welsh_title in coprod("read", "--list", data=data_dir, LANG="cy_GB.UTF-8").stdout
    # --data-dir given on the command line is where the setting is read from.
    other = data_dir.parent / "other"
    Store.open(other).set_setting("language", "cy")
    result = coprod("read", "--list", "--data-dir", str(other), data=data_dir, LANG="C.UTF-8")
    assert welsh_title in result.stdout


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_full_screen_app_reads_the_welsh_tier(data_dir: Path) -> None:
    with PtyApp.coprod(data_dir, "--lang", "cy", size=(80, 24), **ENGLISH_LOCALE) as term:
        term.wait_for("Ynghylch")
        term.settle()
        term.press("1")
        term.wait_for("Os oes gennych 10 munud")
        term.wait_for("Beth yw cydgynhyrchu")
        term.settle()
        term.press("q")
        assert term.wait_exit() == 0
