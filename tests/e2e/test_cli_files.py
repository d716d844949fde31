"""The command line and hostile files: delete and trash, restore by name, export
over things that are not files, and operating-system errors in words."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_tui.core.store import MAIN_FILE, Store
from coprod_tui.core.store.backups import backup_dir
from tests.conftest import env_for
from tests.e2e.ptyterm import PtyApp

ROOT = Path(__file__).resolve().parents[2]


def coprod(data_dir: Path, *args: str, cwd: Path = ROOT,
           stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real command, stdin not a terminal."""
    return subprocess.run([sys.executable, "-m", "coprod_tui", *args], capture_output=True,
                          text=True, env=env_for(data_dir), timeout=60, cwd=cwd,
                          input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL)


def _entries(data_dir: Path, *titles: str) -> list[str]:
    store = Store.open(data_dir)
    return [store.insert("entries", {"title": t, "values": ["networks"],
                                     "sections": {"text": f"about {t}"}})["id"] for t in titles]


def test_delete_moves_to_the_trash_and_trash_restores_and_empties(data_dir: Path) -> None:
    keep, patient = _entries(data_dir, "Keep me", "Named a patient")
    done = coprod(data_dir, "delete", patient[:8])
    assert done.returncode == 0 and "to the trash" in done.stdout, done.stderr
    store = Store.open(data_dir)
    assert [d["id"] for d in store.all("entries")] == [keep]
    (trashed,) = store.all("trash")
    assert trashed["id"] == patient and trashed["deleted"]
    listed = coprod(data_dir, "trash")
    assert "Named a patient" in listed.stdout and patient[:8] in listed.stdout
    assert coprod(data_dir, "trash", "--restore", patient[:6]).returncode == 0
    assert {d["id"] for d in Store.open(data_dir).all("entries")} == {keep, patient}
    assert coprod(data_dir, "delete", patient).returncode == 0
    refused = coprod(data_dir, "trash", "--empty")  # not a terminal, no --yes
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert len(Store.open(data_dir).all("trash")) == 1
    emptied = coprod(data_dir, "trash", "--empty", "--yes")
    assert emptied.returncode == 0 and "removed 1 entry for good" in emptied.stdout
    store = Store.open(data_dir)
    assert store.all("trash") == [] and [d["id"] for d in store.all("entries")] == [keep]
    assert "Named a patient" not in (data_dir / MAIN_FILE).read_text()


def test_unknown_ids_exit_2(data_dir: Path) -> None:
    _entries(data_dir, "One")
    assert coprod(data_dir, "delete", "zzzz").returncode == 2
    assert coprod(data_dir, "delete", "").returncode == 2
    assert coprod(data_dir, "trash", "--restore", "zzzz").returncode == 2


def test_emptying_the_trash_on_a_terminal_asks_first(data_dir: Path) -> None:
    (entry,) = _entries(data_dir, "Named a patient")
    assert coprod(data_dir, "delete", entry).returncode == 0
    with PtyApp.coprod(data_dir, "trash", "--empty") as term:
        term.wait_for("Type yes to confirm")
        term.send("no\r")
        assert term.wait_exit() == 0 and "nothing removed" in term.text
    assert len(Store.open(data_dir).all("trash")) == 1
    with PtyApp.coprod(data_dir, "trash", "--empty") as term:
        term.wait_for("Type yes to confirm")
        term.send("yes\r")
        assert term.wait_exit() == 0 and "removed 1 entry" in term.text
    assert Store.open(data_dir).all("trash") == []


def _backup_named(data_dir: Path) -> tuple[str, bytes]:
    _entries(data_dir, "Mine")
    Store.open(data_dir)  # opening makes today's backup
    (backup,) = sorted(backup_dir(data_dir).glob("coprod-*.json"))
    return backup.name, backup.read_bytes()


def test_a_bare_name_restores_the_backup_not_a_planted_file(data_dir: Path,
                                                            tmp_path: Path) -> None:
    name, good = _backup_named(data_dir)
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    planted = {"entries": {"1": {"id": "planted", "title": "Planted by another user",
                                 "values": ["networks"], "sections": {"text": "x"}}}}
    (shared / name).write_text(json.dumps(planted))
    done = coprod(data_dir, "restore", name, cwd=shared)
    assert done.returncode == 0, done.stderr
    assert (data_dir / MAIN_FILE).read_bytes() == good
    assert [d["title"] for d in Store.open(data_dir).all("entries")] == ["Mine"]


def test_a_path_must_be_an_own_regular_file_not_a_link_nor_writable_by_others(
    data_dir: Path, tmp_path: Path,
) -> None:
    name, good = _backup_named(data_dir)
    before = (data_dir / MAIN_FILE).read_bytes()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    copy = elsewhere / "copy.json"
    copy.write_bytes(good)
    os.chmod(copy, 0o600)
    (elsewhere / "link.json").symlink_to(copy)
    refused = coprod(data_dir, "restore", "./link.json", cwd=elsewhere)
    assert refused.returncode == 1 and "symbolic link" in refused.stderr
    os.chmod(copy, 0o620)
    refused = coprod(data_dir, "restore", str(copy))
    assert refused.returncode == 1 and "other users can change it" in refused.stderr
    os.chmod(copy, 0o602)
    assert coprod(data_dir, "restore", str(copy)).returncode == 1
    assert (data_dir / MAIN_FILE).read_bytes() == before
    fifo = elsewhere / "fifo.json"
    os.mkfifo(fifo)
    refused = coprod(data_dir, "restore", str(fifo))
    assert refused.returncode == 1 and "not a regular file" in refused.stderr
    if os.geteuid() == 0:
        os.chmod(copy, 0o600)
        os.chown(copy, 65534, 65534)
        refused = coprod(data_dir, "restore", str(copy))
        assert refused.returncode == 1 and "another user" in refused.stderr
        os.chown(copy, 0, 0)
    done = coprod(data_dir, "restore", "./copy.json", cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    assert (data_dir / MAIN_FILE).read_bytes() == good


def test_export_force_never_replaces_a_device_or_a_fifo(data_dir: Path, tmp_path: Path) -> None:
    _entries(data_dir, "One")
    # As root, a regression would replace the device itself: never aim at the real
    # /dev/null then, but at a null device node of our own in tmp_path.
    device = Path("/dev/null")
    if os.geteuid() == 0:
        device = tmp_path / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    before = os.lstat(device)
    done = coprod(data_dir, "export", "-o", str(device), "--force")
    assert done.returncode == 1 and "not a regular file" in done.stderr
    after = os.lstat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    done = coprod(data_dir, "export", "-o", str(fifo), "--force")
    assert done.returncode == 1 and "not a regular file" in done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    folder = tmp_path / "folder"
    folder.mkdir()
    done = coprod(data_dir, "export", "-o", str(folder), "--force")
    assert done.returncode == 1 and "folder" in done.stderr and folder.is_dir()
    regular = tmp_path / "old.md"
    regular.write_text("old")
    assert coprod(data_dir, "export", "-o", str(regular), "--force").returncode == 0
    assert "One" in regular.read_text()


def test_a_too_long_name_is_said_in_words(data_dir: Path, tmp_path: Path) -> None:
    _entries(data_dir, "One")
    done = coprod(data_dir, "export", "-o", str(tmp_path / ("x" * 300)))
    assert done.returncode == 1
    assert "the name is too long" in done.stderr
    assert "Errno" not in done.stderr and "Traceback" not in done.stderr


def test_a_data_folder_under_a_read_only_place_is_said_in_words(tmp_path: Path) -> None:
    from tests.unit.test_store_processes import _read_only_mount

    place = tmp_path / "ro"
    place.mkdir()
    prefix = _read_only_mount(place)
    if prefix is None:
        pytest.skip("cannot make a read-only bind mount here")
    for args in (["add", "--value", "networks", "-"], ["check"], ["list"]):
        done = subprocess.run([*prefix, sys.executable, "-m", "coprod_tui", *args],
                              input="text", capture_output=True, text=True, timeout=60,
                              env=env_for(place / "new" / "data"), cwd=ROOT)
        assert done.returncode == 1, done.stderr
        assert "cannot open the data folder" in done.stderr
        assert "the file system is read-only" in done.stderr
        assert "Errno" not in done.stderr and "Traceback" not in done.stderr


def test_a_data_folder_in_a_missing_place_is_said_in_words(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    done = coprod(blocker / "data", "check")
    assert done.returncode == 1 and "Errno" not in done.stderr
    assert "not a folder" in done.stderr
