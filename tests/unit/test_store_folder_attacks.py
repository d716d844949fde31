"""Attacks on the folders and files around the data (issue 15): a permissive
umask, a planted symbolic link, a data folder swapped while coprod is open."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_tui.core.store import MAIN_FILE, Store, UnsafeLocationError
from coprod_tui.core.store.files import LOCK_FILE
from coprod_tui.core.store.storage import read_json_file

ROOT = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_missing_parents_are_created_private_under_umask_000(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    # A real process with umask 000 and no ~/.local yet, as on a fresh account.
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": ""}
    env.pop("COPROD_DATA_DIR", None)
    code = "import os; os.umask(0); from coprod_tui.cli import main; raise SystemExit(main(['check']))"
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for folder in (home / ".local", home / ".local" / "share", home / ".local/share/coprod"):
        assert _mode(folder) == 0o700, f"{folder} is {oct(_mode(folder))}"


def test_lock_file_symlink_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store.open(data).insert("entries", {"title": "mine"})
    (data / LOCK_FILE).unlink()
    profile = tmp_path / "profile"
    profile.write_text("export PATH=...\n")
    profile.chmod(0o644)
    (data / LOCK_FILE).symlink_to(profile)  # our own link, so only O_NOFOLLOW stops it
    with pytest.raises(UnsafeLocationError, match="symbolic link"):
        Store.open(data).all("entries")
    assert _mode(profile) == 0o644  # before the fix: fchmod 0600 reached the target
    assert profile.read_text() == "export PATH=...\n"


def test_data_file_symlink_is_never_followed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store.open(data)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"entries": {"1": {"id": "planted", "title": "planted"}}}')
    (data / MAIN_FILE).unlink(missing_ok=True)
    (data / MAIN_FILE).symlink_to(elsewhere)
    with pytest.raises(Exception) as caught:
        Store.open(data).all("entries")
    assert "symbolic link" in str(caught.value)


def test_swapped_folder_gets_no_save_and_its_entries_are_never_shown(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    store.insert("entries", {"title": "mine"})
    # Another user (or process) moves the folder away and puts their own in its place.
    data.rename(tmp_path / "moved")
    data.mkdir(mode=0o700)
    planted = {"entries": {"1": {"id": "planted", "title": "planted by someone else"}},
               "_meta": {"1": {"schema": 2}}}
    (data / MAIN_FILE).write_text(__import__("json").dumps(planted))
    before = sorted(p.name for p in data.iterdir())
    with pytest.raises(UnsafeLocationError, match="moved, replaced or changed"):
        store.insert("entries", {"title": "my next reflection"})
    with pytest.raises(UnsafeLocationError):
        store.all("entries")
    assert sorted(p.name for p in data.iterdir()) == before  # not even a lock file
    assert read_json_file(data / MAIN_FILE) == planted
    kept = read_json_file(tmp_path / "moved" / MAIN_FILE)
    assert [d["title"] for d in kept["entries"].values()] == ["mine"]


def test_folder_mode_change_is_refused_before_a_save(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    data.chmod(0o777)
    with pytest.raises(UnsafeLocationError):
        store.insert("entries", {"title": "x"})
    assert not (data / MAIN_FILE).exists()
