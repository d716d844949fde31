"""The data folder is private whatever the umask, and unsafe places are refused."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_tui.core.store import MAIN_FILE, Store, UnsafeLocationError

ROOT = Path(__file__).resolve().parents[2]
OTHER_UID = 65534  # "nobody"

needs_root = pytest.mark.skipif(
    os.geteuid() != 0, reason="giving a file to another user needs root"
)

# Under umask 000: open, write to every file, and keep a backup.
USE_EVERYTHING = """
import os, sys
os.umask(0)
from coprod_tui.core.store import Store
store = Store.open(sys.argv[1])
store.insert("entries", {"text": "private"})
store.set_setting("theme", "textual-light")
store.save_draft("entry:new", {"text": "half a thought"})
Store.open(sys.argv[1])  # second open: today's backup
"""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _run(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coprod_tui", *args, "--data-dir", str(data_dir)],
        capture_output=True, text=True, cwd=ROOT, preexec_fn=lambda: os.umask(0),
    )


def test_umask_000_still_gives_a_0700_folder_and_0600_files(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", USE_EVERYTHING, str(data_dir)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    backup = next((data_dir / "backups").iterdir())
    # The CLI under umask 000 too: check, and a restore (keeps a copy aside).
    assert _run(["check"], data_dir).returncode == 0
    restored = _run(["restore", backup.name], data_dir)
    assert restored.returncode == 0, restored.stderr

    names = {p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*")}
    for expected in (MAIN_FILE, "state.json", "drafts.json", ".coprod.lock", "backups"):
        assert expected in names
    assert len(list((data_dir / "backups").iterdir())) >= 2
    assert _mode(data_dir) == 0o700
    for path in data_dir.rglob("*"):
        wanted = 0o700 if path.is_dir() else 0o600
        assert _mode(path) == wanted, f"{path} is {oct(_mode(path))}"


def test_an_existing_loose_folder_and_file_of_ours_are_tightened(data_dir: Path) -> None:
    Store.open(data_dir).insert("entries", {"text": "x"})
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / MAIN_FILE, 0o644)
    Store.open(data_dir)
    assert _mode(data_dir) == 0o700
    assert _mode(data_dir / MAIN_FILE) == 0o600


def _refused(data_dir: Path, *words: str) -> str:
    with pytest.raises(UnsafeLocationError) as caught:
        Store.open(data_dir)
    message = caught.value.message
    for word in words:
        assert word in message, message
    return message


@needs_root
def test_a_folder_owned_by_another_user_is_refused(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    os.chown(data_dir, OTHER_UID, OTHER_UID)
    _refused(data_dir, str(data_dir), "belongs to another user", "--data-dir")
    assert not (data_dir / ".coprod.lock").exists()


@needs_root
def test_a_file_owned_by_another_user_is_refused_and_left_alone(data_dir: Path) -> None:
    Store.open(data_dir).insert("entries", {"text": "x"})
    path = data_dir / MAIN_FILE
    before = path.read_bytes()
    os.chown(path, OTHER_UID, OTHER_UID)
    _refused(data_dir, MAIN_FILE, "belongs to another user")
    assert path.read_bytes() == before
    assert path.stat().st_uid == OTHER_UID


def test_a_group_writable_folder_is_refused(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    os.chmod(data_dir, 0o770)
    _refused(data_dir, "can be changed by other users", "chmod go-w")
    assert _mode(data_dir) == 0o770  # refused, not silently "fixed"


def test_a_world_writable_file_is_refused_and_left_alone(data_dir: Path) -> None:
    Store.open(data_dir).insert("entries", {"text": "x"})
    path = data_dir / MAIN_FILE
    os.chmod(path, 0o606)
    _refused(data_dir, MAIN_FILE, "can be changed by other users")
    assert _mode(path) == 0o606


@needs_root
def test_a_symlinked_folder_owned_by_another_user_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    Store.open(real)
    link = tmp_path / "link"
    link.symlink_to(real)
    Store.open(link)  # our own link to our own folder is fine
    os.lchown(link, OTHER_UID, OTHER_UID)
    _refused(link, "symbolic link owned by another user", f"uid {OTHER_UID}")


@needs_root
def test_a_symlinked_data_file_owned_by_another_user_is_refused(data_dir: Path) -> None:
    Store.open(data_dir).insert("entries", {"text": "x"})
    target = data_dir / "elsewhere.json"
    (data_dir / MAIN_FILE).rename(target)
    (data_dir / MAIN_FILE).symlink_to(target)
    os.lchown(data_dir / MAIN_FILE, OTHER_UID, OTHER_UID)
    _refused(data_dir, "symbolic link owned by another user")


@needs_root
def test_the_cli_refuses_an_unsafe_folder_in_one_line(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    os.chown(data_dir, OTHER_UID, OTHER_UID)
    result = _run(["check"], data_dir)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "belongs to another user" in lines[0]
