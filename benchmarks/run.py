"""``make bench``: every figure of issue 11 against its budget, in one run.

Builds the synthetic data folder once (``dataset.build``: 10,000 entries, 50
stocktakes, 500 exercise results), measures each figure as the median of
several runs (baselines measured in the same run, interleaved, so a busy
machine weighs on both alike), and prints a Markdown table plus the machine.

    .venv/bin/python benchmarks/run.py [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import dataset  # noqa: E402
from harness import ROOT, PtyProcess, Row, python, table  # noqa: E402

HOME_TEXT = "share power and work together"  # on home's first frame
MINIMAL_TEXT = "minimal app ready"


def machine() -> str:
    """CPU model, cores, Python and load average, one line."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{model}, {os.cpu_count()} cores, Python {platform.python_version()} "
            f"({platform.system()}), load average {load}")


def env_for(data_dir: Path) -> dict[str, str]:
    """The environment of a user with this data folder, on an xterm."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "COPROD"))}
    env.update(COPROD_DATA_DIR=str(data_dir), TERM="xterm-256color", COLORTERM="truecolor",
               LANG="C.UTF-8", PYTHONDONTWRITEBYTECODE="")
    return env


def coprod_argv() -> list[str]:
    """The installed ``coprod`` command (falls back to ``python -m coprod_tui``)."""
    script = Path(python()).with_name("coprod")
    return [str(script)] if script.exists() else [python(), "-m", "coprod_tui"]


def time_to_text(argv: list[str], env: dict[str, str], text: str) -> float:
    """Seconds from starting ``argv`` in a pty to ``text`` on screen."""
    proc = PtyProcess(argv, env)
    try:
        return proc.wait_for(text, timeout=60)
    finally:
        proc.close()


def cold_start(data_dir: Path, runs: int) -> Row:
    """coprod to home's first frame vs the minimal app, alternating."""
    env = env_for(data_dir)
    minimal = [python(), str(HERE / "minimal_app.py")]
    time_to_text(coprod_argv(), env, HOME_TEXT)  # compile caches warm for both
    time_to_text(minimal, env, MINIMAL_TEXT)
    ours, base = [], []
    for _ in range(runs):
        ours.append(time_to_text(coprod_argv(), env, HOME_TEXT))
        base.append(time_to_text(minimal, env, MINIMAL_TEXT))
    row = Row("Cold start to home's first frame (pty, 10,000 entries)",
              statistics.median(ours), "ms", statistics.median(base), "<= 1.25x minimal app")
    row.ok = row.ratio is not None and row.ratio <= 1.25
    return row


def probe(kind: str, data_dir: Path) -> dict:
    """Run ``app_probe.py`` in a fresh process and return its figures."""
    done = subprocess.run([python(), str(HERE / "app_probe.py"), kind, str(data_dir)],
                          capture_output=True, text=True, env=env_for(data_dir), timeout=300)
    if done.returncode:
        raise RuntimeError(f"app_probe {kind} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def journal_rows(data_dir: Path, runs: int) -> list[Row]:
    """Opening the list, one search keystroke, peak memory (fresh process each run)."""
    results = [probe("journal", data_dir) for _ in range(runs)]
    assert all(r["entries"] == 10_000 for r in results), "the list did not show every entry"
    opened = statistics.median(r["open"] for r in results)
    key = statistics.median(k for r in results for k in r["keystrokes"])
    peak = statistics.median(r["peak_mb"] for r in results)
    return [
        Row("Opening the journal list (key press to entries shown)", opened, "ms",
            budget="300 ms", ok=opened <= 0.300),
        Row("One search keystroke to updated results", key, "ms",
            budget="100 ms", ok=key <= 0.100),
        Row("Peak memory, journal list open (ru_maxrss)", peak, "MB",
            budget="150 MB", ok=peak <= 150),
    ]


def reading_row(data_dir: Path, runs: int) -> tuple[Row, str]:
    """The slowest section's median time to open (each run a fresh process)."""
    per_section: dict[str, list[float]] = {}
    for _ in range(runs):
        for sid, wall in probe("reading", data_dir)["sections"].items():
            per_section.setdefault(sid, []).append(wall)
    medians = {sid: statistics.median(v) for sid, v in per_section.items()}
    slowest = max(medians, key=medians.__getitem__)
    value = medians[slowest]
    return (Row(f"Opening a reading section (slowest of {len(medians)})", value, "ms",
                budget="200 ms", ok=value <= 0.200), slowest)


def save_row(data_dir: Path, runs: int) -> Row:
    """One journal save through the app's store vs TinyDB's JSONStorage insert."""
    from tinydb import TinyDB

    from coprod_tui.core.store import Store
    from coprod_tui.core.store.repository import MAIN_FILE
    from coprod_tui.journal.records import EntryStore

    with tempfile.TemporaryDirectory() as tmp:
        ours_dir = Path(tmp) / "ours"
        shutil.copytree(data_dir, ours_dir)
        tables = json.loads((data_dir / MAIN_FILE).read_bytes())
        tables = {name: docs for name, docs in tables.items() if not name.startswith("_")}
        tiny_path = Path(tmp) / "tinydb.json"
        tiny_path.write_text(json.dumps(tables))
        store = Store.open(ours_dir)  # the app keeps one store open
        entries = EntryStore(store)
        db = TinyDB(tiny_path)  # TinyDB's default storage: JSONStorage
        tiny_table = db.table("entries", cache_size=0)
        rng = random.Random(99)
        when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
        ours, base = [], []
        for i in range(runs):
            entry = dataset.make_entry(rng, 20_000 + i, when, [])
            start = time.perf_counter()
            entries.add(entry)
            ours.append(time.perf_counter() - start)
            doc = dataset.make_entry(rng, 30_000 + i, when, []).to_doc()
            start = time.perf_counter()
            tiny_table.insert(doc)
            base.append(time.perf_counter() - start)
        db.close()
    row = Row("Saving one entry (10,000 entries)", statistics.median(ours), "ms",
              statistics.median(base), "<= 1.5x TinyDB JSONStorage")
    row.ok = row.ratio is not None and row.ratio <= 1.5
    return row


def run_seconds(argv: list[str], env: dict[str, str]) -> float:
    """Wall seconds for ``argv`` to run to its end (output discarded)."""
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True, timeout=120)
    return time.perf_counter() - start


def list_since_row(data_dir: Path, runs: int) -> Row:
    """``coprod list --since`` one month (the newest) vs ``json.load`` of the same
    file, each a fresh process, alternating."""
    from coprod_tui.core.store.repository import MAIN_FILE

    path = data_dir / MAIN_FILE
    newest = max(doc["created"] for doc in json.loads(path.read_bytes())["entries"].values())
    since = (dt.date.fromisoformat(newest[:10]) - dt.timedelta(days=30)).isoformat()
    env = env_for(data_dir)
    ours_argv = [*coprod_argv(), "list", "--since", since]
    base_argv = [python(), "-c", f"import json\nwith open({str(path)!r}) as f: json.load(f)"]
    run_seconds(ours_argv, env)  # compile caches warm for both
    run_seconds(base_argv, env)
    ours, base = [], []
    for _ in range(runs):
        ours.append(run_seconds(ours_argv, env))
        base.append(run_seconds(base_argv, env))
    row = Row("`coprod list --since` one month (10,000 entries)", statistics.median(ours), "ms",
              statistics.median(base), "<= 2x json.load of the file")
    row.ok = row.ratio is not None and row.ratio <= 2.0
    return row


PASSPHRASE = "a benchmark passphrase"


def encryption_rows(data_dir: Path, runs: int) -> list[Row]:
    """Issue 19: an encrypted journal against the same plaintext one, in one run.

    Opening (a fresh store: read, decrypt, parse every file, then every entry)
    and saving one entry, interleaved; plus the one key derivation (scrypt)
    a session pays when the passphrase is given.
    """
    from coprod_tui.core.store import Store
    from coprod_tui.core.store.convert import encrypt_folder
    from coprod_tui.core.store.crypto import unlock
    from coprod_tui.journal.records import EntryStore

    with tempfile.TemporaryDirectory() as tmp:
        plain_dir, enc_dir = Path(tmp) / "plain", Path(tmp) / "encrypted"
        shutil.copytree(data_dir, plain_dir)
        shutil.copytree(data_dir, enc_dir)
        encrypt_folder(enc_dir, PASSPHRASE)
        derive = []
        for _ in range(max(3, runs // 2)):
            start = time.perf_counter()
            key = unlock(enc_dir, PASSPHRASE)
            derive.append(time.perf_counter() - start)

        def open_all(folder: Path, with_key: object) -> float:
            start = time.perf_counter()
            store = Store.open(folder, with_key)  # type: ignore[arg-type]
            store.all("entries")
            return time.perf_counter() - start

        open_plain, open_enc = [], []
        for _ in range(runs):
            open_plain.append(open_all(plain_dir, None))
            open_enc.append(open_all(enc_dir, key))
        plain_store = EntryStore(Store.open(plain_dir))
        enc_store = EntryStore(Store.open(enc_dir, key))
        rng = random.Random(19)
        when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
        save_plain, save_enc = [], []
        for i in range(2 * runs + 1):
            entry = dataset.make_entry(rng, 40_000 + i, when, [])
            start = time.perf_counter()
            plain_store.add(entry)
            save_plain.append(time.perf_counter() - start)
            entry = dataset.make_entry(rng, 50_000 + i, when, [])
            start = time.perf_counter()
            enc_store.add(entry)
            save_enc.append(time.perf_counter() - start)
    scrypt = statistics.median(derive)
    rows = [
        Row("Encrypted: key derivation from the passphrase (scrypt, once a session)",
            scrypt, "ms", budget="reported (about 1 s is normal)", ok=True),
        Row("Encrypted: opening the journal after the passphrase (10,000 entries)",
            statistics.median(open_enc), "ms", statistics.median(open_plain),
            "<= 1.3x the same journal in plaintext"),
        Row("Encrypted: saving one entry (10,000 entries)", statistics.median(save_enc), "ms",
            statistics.median(save_plain), "<= 1.3x the same journal in plaintext"),
    ]
    for row in rows[1:]:
        row.ok = row.ratio is not None and row.ratio <= 1.3
    return rows


def idle_bytes(data_dir: Path, seconds: float = 3.0) -> Row:
    """Bytes written to the terminal per second while nobody types: home, then the list."""
    proc = PtyProcess(coprod_argv(), env_for(data_dir))
    rates = []
    try:
        proc.wait_for("entries", timeout=60)  # home's journal summary: store open
        proc.read(1.5)
        rates.append(proc.read(seconds) / seconds)
        proc.send("2")
        proc.wait_for("of 10000 entries", timeout=60)
        proc.read(1.5)
        rates.append(proc.read(seconds) / seconds)
    finally:
        proc.close()
    worst = max(rates)
    return Row("Bytes to the terminal per idle second (home, journal)", worst, "B/s",
               budget="0", ok=worst == 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--only", choices=["encryption"], default=None,
                        help="measure only this group of figures")
    args = parser.parse_args()

    started = time.perf_counter()
    print(f"machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        print("building the data folder (10,000 entries) ...", flush=True)
        dataset.build(data_dir)
        size = (data_dir / "coprod.json").stat().st_size / 1e6
        print(f"  coprod.json: {size:.1f} MB", flush=True)
        rows: list[Row] = []
        if args.only == "encryption":
            print("measuring encryption ...", flush=True)
            extra = encryption_rows(data_dir, args.runs)
            print()
            print(table(extra))
            print(f"machine: {machine()}")
            return 0
        steps = [
            ("cold start", lambda: [cold_start(data_dir, args.runs)]),
            ("journal", lambda: journal_rows(data_dir, args.runs)),
            ("saving", lambda: [save_row(data_dir, 2 * args.runs + 1)]),
            ("reading", lambda: [reading_row(data_dir, max(3, args.runs - 2))[0]]),
            ("idle output", lambda: [idle_bytes(data_dir)]),
            ("list --since", lambda: [list_since_row(data_dir, 2 * args.runs + 1)]),
            ("encryption", lambda: encryption_rows(data_dir, args.runs)),
        ]
        for name, step in steps:
            print(f"measuring {name} ...", flush=True)
            rows += step()
    order = [0, 1, 2, 4, 5, 3, 6, 7]  # issue 11's order, then issue 16's list --since
    rows = [rows[i] for i in order] + rows[8:]  # then issue 19's encryption figures
    print()
    print(table(rows))
    print()
    print(f"machine: {machine()}")
    print(f"median of {args.runs} runs per figure; whole run {time.perf_counter() - started:.0f} s")
    missed = [r.figure for r in rows if not r.ok]
    print(f"budgets missed: {len(missed)}" + (f" ({'; '.join(missed)})" if missed else ""))
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
