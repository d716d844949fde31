"""Two processes at once, and a save that hits a file-size limit (real processes)."""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_tui.core.store import MAIN_FILE, Store
from coprod_tui.core.store.storage import read_json_file
from tests.unit.store_modes import (
    MODES,
    PASSPHRASE,
    assert_encrypted,
    environment,
    key_for,
    open_store,
    prepare,
)

ROOT = Path(__file__).resolve().parents[2]

# Both writers open the store, say so, wait for "go", then save 200 entries.
WRITER = """
import sys
from tests.unit.store_modes import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
for number in range(200):
    store.insert("entries", {"writer": sys.argv[2], "number": number, "text": "x" * 100})
print("done", flush=True)
"""


@pytest.mark.parametrize("mode", MODES)
def test_two_processes_saving_200_each_keep_all_400(data_dir: Path, mode: str) -> None:
    env = environment(prepare(data_dir, mode))
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for name in ("a", "b")
    ]
    for proc in writers:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in writers:  # start both as close together as possible
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in writers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out == "done\n"

    data = read_json_file(data_dir / MAIN_FILE, key_for(data_dir))  # loads
    assert data is not None
    assert_encrypted(data_dir, mode)
    docs = open_store(data_dir).all("entries")
    assert len(docs) == 400
    assert len({doc["id"] for doc in docs}) == 400
    for name in ("a", "b"):
        numbers = sorted(doc["number"] for doc in docs if doc["writer"] == name)
        assert numbers == list(range(200))
    assert len(data["entries"]) == 400


# Saves one big entry; the file-size limit set by the parent makes the write fail.
BIG_SAVE = """
import signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # as `coprod` does: EFBIG, not death
from coprod_tui.core.store import WriteFailedError
from tests.unit.store_modes import open_store
store = open_store(sys.argv[1])
try:
    store.insert("entries", {"text": "a long reflection " * 2000})
except WriteFailedError as error:
    print(error.message)
    print("entries still seen:", store.count("entries"))  # the failed save left no trace
    sys.exit(3)
print("saved")
"""


def _limit_file_size(limit: int):  # noqa: ANN202 - preexec function
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _journal(data_dir: Path, mode: str = "plain") -> bytes:
    prepare(data_dir, mode)
    store = open_store(data_dir)
    for number in range(3):
        store.insert("entries", {"title": f"entry {number}", "text": "some words " * 20})
    return (data_dir / MAIN_FILE).read_bytes()


@pytest.mark.parametrize("mode", MODES)
def test_save_over_the_file_size_limit_fails_clearly_and_changes_nothing(
        data_dir: Path, mode: str) -> None:
    before = _journal(data_dir, mode)
    result = subprocess.run(
        [sys.executable, "-c", BIG_SAVE, str(data_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=_limit_file_size(len(before) + 512),
    )
    assert result.returncode == 3, result.stderr
    message = result.stdout
    assert f"could not save to {data_dir / MAIN_FILE}" in message
    assert "larger than this system allows" in message
    assert "unchanged" in message
    assert "entries still seen: 3" in message
    assert (data_dir / MAIN_FILE).read_bytes() == before
    assert not list(data_dir.glob("*.tmp")) and not list(data_dir.glob(".*.tmp"))
    assert len(open_store(data_dir).all("entries")) == 3
    assert_encrypted(data_dir, mode)


@pytest.mark.parametrize("mode", MODES)
def test_restore_over_the_file_size_limit_exits_1_and_changes_nothing(
        data_dir: Path, mode: str) -> None:
    before = _journal(data_dir, mode)
    big = data_dir / "big-backup.json"
    big.write_text(json.dumps({"entries": {"1": {"id": "x", "text": "y" * 20000}}}))
    secret = data_dir.parent / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    result = subprocess.run(
        [sys.executable, "-m", "coprod_tui", "restore", str(big), "--data-dir", str(data_dir),
         "--passphrase-file", str(secret)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=_limit_file_size(len(before) + 512),
    )
    assert result.returncode == 1, result.stderr
    assert result.returncode != -signal.SIGXFSZ
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "larger than this system allows" in lines[0]
    assert (data_dir / MAIN_FILE).read_bytes() == before


# The same folder, read-only (as ext4 remounts itself after disk errors): reading works,
# a save fails with a clear message.
READ_ONLY_SAVE = """
import sys
from coprod_tui.core.store import Store, WriteFailedError
store = Store.open(sys.argv[1])
print("entries read:", store.count("entries"))
try:
    store.insert("entries", {"text": "typed on a read-only disk"})
except WriteFailedError as error:
    print(error.message)
    sys.exit(3)
print("saved")
"""


def _read_only_mount(folder: Path) -> list[str] | None:
    """A command prefix that runs with ``folder`` read-only in a private mount
    namespace, or ``None`` where that is not allowed (no root, no unshare)."""
    prefix = [
        "unshare", "-m", "sh", "-c",
        f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" '
        '&& exec "$0" "$@"',
    ]
    try:
        probe = subprocess.run([*prefix, "sh", "-c", f'! touch "{folder}/probe"'],
                               capture_output=True, timeout=30)
    except OSError:
        return None
    return prefix if probe.returncode == 0 and not (folder / "probe").exists() else None


def test_save_on_a_read_only_file_system_fails_clearly_and_changes_nothing(
    data_dir: Path,
) -> None:
    before = _journal(data_dir)
    Store.open(data_dir)  # today's backup exists, so opening needs no write
    prefix = _read_only_mount(data_dir)
    if prefix is None:
        pytest.skip("cannot make a read-only bind mount here")
    result = subprocess.run(
        [*prefix, sys.executable, "-c", READ_ONLY_SAVE, str(data_dir)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 3, result.stderr
    assert "entries read: 3" in result.stdout
    assert f"could not save to {data_dir / MAIN_FILE}" in result.stdout
    assert "the file system is read-only" in result.stdout
    assert (data_dir / MAIN_FILE).read_bytes() == before
    check = subprocess.run(
        [*prefix, sys.executable, "-m", "coprod_tui", "check", "--data-dir", str(data_dir)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert check.returncode == 0, check.stderr
    assert "entries" in check.stdout


# Opening a good journal on a full disk: today's backup cannot be written.
OPEN_ON_FULL_DISK = """
import signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
from coprod_tui.core.store import WriteFailedError
from tests.unit.store_modes import open_store
store = open_store(sys.argv[1])
print("entries read:", store.count("entries"))
try:
    store.insert("entries", {"text": "more words " * 50})
except WriteFailedError as error:
    print(error.message)
    sys.exit(3)
"""


@pytest.mark.parametrize("mode", MODES)
def test_a_good_journal_opens_even_when_todays_backup_cannot_be_written(
    data_dir: Path, mode: str,
) -> None:
    before = _journal(data_dir, mode)
    # no backup yet today (the copy kept before encrypting is not a daily one)
    import shutil

    shutil.rmtree(data_dir / "backups", ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-c", OPEN_ON_FULL_DISK, str(data_dir)],
        capture_output=True, text=True, cwd=ROOT,
        preexec_fn=_limit_file_size(len(before) // 2),
    )
    assert result.returncode == 3, result.stderr
    assert "entries read: 3" in result.stdout
    assert "larger than this system allows" in result.stdout
    assert (data_dir / MAIN_FILE).read_bytes() == before
    # Once there is room again, the next open keeps the backup.
    open_store(data_dir)
    assert len(list((data_dir / "backups").iterdir())) == 1
    assert_encrypted(data_dir, mode)


# Adds revalidation records of every kind through records.add, after "go".
REVALIDATION_WRITER = """
import sys
from coprod_tui.core.store import Store
from coprod_tui.revalidation import records, rules
store = Store.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
for number in range(40):
    day = f"2026-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
    records.add(store, records.HOURS, rules.make_hours(date=day, hours=1, role=sys.argv[2]))
    records.add(store, records.CPD, rules.make_cpd(
        date=day, title=f"{sys.argv[2]} {number}", method="reading", hours=1,
        participatory=False))
print("done", flush=True)
"""


def test_revalidation_records_added_from_two_processes_at_once_are_all_kept(
        data_dir: Path) -> None:
    writers = [subprocess.Popen([sys.executable, "-c", REVALIDATION_WRITER, str(data_dir), name],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT)
               for name in ("a", "b")]
    for proc in writers:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in writers:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in writers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and out == "done\n", err
    store = Store.open(data_dir)
    hours, cpd = store.all("practice_hours"), store.all("cpd")
    assert len(hours) == len({d["id"] for d in hours}) == 80
    assert sorted(d["title"] for d in cpd) == sorted(f"{w} {n}" for w in "ab" for n in range(40))
