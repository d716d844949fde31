"""A writer killed with SIGKILL at a random moment never loses a saved entry.

200 trials. Each trial starts a child process that opens the store and saves
entries in a loop, printing each id only after ``Store.insert`` returned; the
parent kills it with SIGKILL at a random moment (after a random number of
saves plus a random part of one, or while it is still opening the store) and
then loads the file with a real ``Store``. Trials run in a few parallel lanes;
each lane keeps one data folder, so later kills hit a larger file, the daily
backup and the open path too.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from coprod_tui.core.store import MAIN_FILE
from tests.unit.store_modes import MODES, assert_encrypted, environment, open_store, prepare

TRIALS = 200
LANES = 8

# Imports only the store, so each trial starts quickly.
CHILD = """
import sys, uuid
from tests.unit.store_modes import open_store
store = open_store(sys.argv[1])
sys.stdout.write("ready\\n"); sys.stdout.flush()
text = "a reflection about working with carers as equals " * 4
while True:
    record_id = uuid.uuid4().hex
    store.insert("entries", {"id": record_id, "text": text})
    sys.stdout.write(record_id + "\\n"); sys.stdout.flush()
"""

ROOT = Path(__file__).resolve().parents[2]


def _one_trial(data_dir: Path, rng: random.Random, env: dict[str, str]) -> tuple[list[str], bool]:
    """Run and kill one writer; return the ids it reported saved and whether it got
    past opening the store."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
        bufsize=0,  # readline must not read ahead: communicate() would miss those ids
    )
    assert proc.stdout is not None
    first = b""
    if rng.random() < 0.15:
        # Kill somewhere during start-up and opening (read, checks, daily backup).
        _sleep(rng.uniform(0.0, 0.12))
    else:
        # Let it report a random number of saves (counted, not timed, so a busy
        # machine changes nothing), then kill it a random fraction of a save
        # later: in the write, an fsync, the rename or the folder fsync.
        for _ in range(1 + rng.randrange(16)):
            first += proc.stdout.readline()  # "ready", then ids
        _sleep(rng.uniform(0.0, 0.004))
    os.kill(proc.pid, signal.SIGKILL)
    out, err = proc.communicate()
    assert proc.returncode == -signal.SIGKILL, f"the writer failed on its own:\n{err.decode()}"
    lines = (first + out).split(b"\n")
    complete = [line.decode() for line in lines[:-1]]  # the last piece may be cut short
    started = "ready" in complete
    return [line for line in complete if line != "ready"], started


def _sleep(seconds: float) -> None:
    # select-based sleep: precise enough and never a timed assertion.
    import select

    select.select([], [], [], seconds)


def _lane(data_dir: Path, trials: int, seed: int, mode: str) -> tuple[int, int]:
    """Run ``trials`` kills against one folder, checking after each; returns
    (entries saved, trials killed while saving)."""
    env = environment(prepare(data_dir, mode))
    rng = random.Random(seed)
    reported: list[str] = []
    killed_while_saving = 0
    for trial in range(trials):
        saved, started = _one_trial(data_dir, rng, env)
        reported.extend(saved)
        killed_while_saving += started
        where = f"(lane seed {seed}, trial {trial})"
        store = open_store(data_dir)  # raises if the file does not load
        ids = [doc["id"] for doc in store.all("entries")]
        assert len(ids) == len(set(ids)), f"duplicate entries {where}"
        missing = set(reported) - set(ids)
        assert not missing, f"{len(missing)} saved entries lost {where}"
        # At most one save per trial can have finished without being reported.
        assert len(ids) <= len(reported) + trial + 1, f"unexpected entries {where}"
        leftovers = [p.name for p in data_dir.rglob("*.tmp")]
        assert not leftovers, f"temporary files left behind {where}: {leftovers}"
        assert_encrypted(data_dir, mode)
    return len(reported), killed_while_saving


@pytest.mark.parametrize("mode", MODES)
def test_sigkill_at_a_random_moment_never_loses_a_saved_entry(tmp_path: Path, mode: str) -> None:
    seed = random.SystemRandom().randrange(1 << 30)
    per_lane = TRIALS // LANES
    with ThreadPoolExecutor(LANES) as pool:
        results = list(
            pool.map(
                lambda lane: _lane(tmp_path / f"lane{lane}", per_lane, seed + lane, mode),
                range(LANES),
            )
        )
    saved = sum(r[0] for r in results)
    while_saving = sum(r[1] for r in results)
    assert per_lane * LANES == TRIALS
    # The test means something only if most kills hit a writer that was saving.
    assert while_saving > TRIALS // 2, f"only {while_saving} kills hit a running writer"
    assert saved > TRIALS, f"only {saved} entries were saved in {TRIALS} trials"
    for lane in range(LANES):
        assert (tmp_path / f"lane{lane}" / MAIN_FILE).exists()
