"""The real ``coprod`` command in a subprocess: usage, where, check, backups, restore."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from coprod_tui import __version__
from coprod_tui.core.store import MAIN_FILE, Store
from tests.conftest import env_for

ROOT = Path(__file__).resolve().parents[2]


def coprod(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command (stdin not a terminal) and capture what it prints."""
    return subprocess.run(
        [sys.executable, "-m", "coprod_tui", *args],
        capture_output=True, text=True, cwd=ROOT, stdin=subprocess.DEVNULL,
        env=env if env is not None else dict(os.environ), timeout=60,
    )


def _where(result: subprocess.CompletedProcess[str]) -> dict[str, str]:
    assert result.returncode == 0, result.stderr
    found = {}
    for line in result.stdout.splitlines():
        label, _, value = line.partition(":")
        if value.strip():
            found.setdefault(label.strip(), value.strip())
    return found


def test_unknown_option_prints_usage_and_exits_2() -> None:
    result = coprod("--bogus")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: coprod")
    assert "--bogus" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_unknown_subcommand_exits_2() -> None:
    result = coprod("frobnicate")
    assert result.returncode == 2
    assert "usage:" in result.stderr and "frobnicate" in result.stderr


def test_version_and_help() -> None:
    result = coprod("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"coprod {__version__}"
    helped = coprod("--help")
    assert helped.returncode == 0
    for command in ("where", "check", "backups", "restore", "--data-dir"):
        assert command in helped.stdout


def test_without_a_terminal_the_app_says_to_use_a_subcommand(data_dir: Path) -> None:
    result = coprod(env=env_for(data_dir))
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr


def test_where_honours_data_dir_before_and_after_the_subcommand(tmp_path: Path) -> None:
    chosen = tmp_path / "chosen"
    env = env_for(tmp_path / "from-env")
    for args in (("--data-dir", str(chosen), "where"), ("where", "--data-dir", str(chosen))):
        found = _where(coprod(*args, env=env))
        assert found["data folder"] == str(chosen)
        assert found["data file"] == str(chosen / MAIN_FILE)
        assert Path(found["content"]).is_dir()


def test_where_honours_coprod_data_dir_then_xdg(tmp_path: Path) -> None:
    found = _where(coprod("where", env=env_for(tmp_path / "from-env")))
    assert found["data folder"] == str(tmp_path / "from-env")
    env = dict(os.environ)
    env.pop("COPROD_DATA_DIR", None)
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    found = _where(coprod("where", env=env))
    assert found["data folder"] == str(tmp_path / "xdg" / "coprod")
    assert not (tmp_path / "xdg").exists()  # `where` only prints; it creates nothing


def _journal(data_dir: Path, titles: list[str]) -> None:
    store = Store.open(data_dir)
    for title in titles:
        store.insert("entries", {"title": title})


def test_check_counts_what_the_file_holds(data_dir: Path) -> None:
    _journal(data_dir, ["one", "two", "three"])
    Store.open(data_dir).set_setting("theme", "nord")
    result = coprod("check", env=env_for(data_dir))
    assert result.returncode == 0, result.stderr
    assert f"{data_dir / MAIN_FILE}: OK" in result.stdout
    counts = dict(line.split() for line in result.stdout.splitlines()[1:] if "backups" not in line)
    assert counts == {"entries": "3", "settings": "1"}


def test_check_on_a_truncated_file_names_it_and_the_backup_and_changes_nothing(
    data_dir: Path,
) -> None:
    _journal(data_dir, ["one", "two"])
    Store.open(data_dir)  # keeps today's backup
    path = data_dir / MAIN_FILE
    path.write_bytes(path.read_bytes()[:-7])
    truncated = path.read_bytes()
    backup = next((data_dir / "backups").iterdir())
    result = coprod("check", env=env_for(data_dir))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert f"cannot read {path}" in lines[0]
    assert str(backup) in lines[0] and f"coprod restore {backup.name}" in lines[0]
    assert path.read_bytes() == truncated


def test_an_empty_file_is_never_taken_for_an_empty_journal(data_dir: Path) -> None:
    _journal(data_dir, ["one"])
    (data_dir / MAIN_FILE).write_bytes(b"")
    result = coprod("check", env=env_for(data_dir))
    assert result.returncode == 1
    assert "empty" in result.stderr and "no backup was found" in result.stderr
    assert (data_dir / MAIN_FILE).read_bytes() == b""


def test_backups_and_restore_round_trip(data_dir: Path) -> None:
    env = env_for(data_dir)
    assert "no backups yet" in coprod("backups", env=env).stdout
    _journal(data_dir, ["kept"])
    assert coprod("check", env=env).returncode == 0  # opening keeps today's backup
    listed = coprod("backups", env=env)
    assert listed.returncode == 0
    backup_name = listed.stdout.split()[0]
    assert backup_name.startswith("coprod-") and backup_name.endswith(".json")

    _journal(data_dir, ["added after the backup"])
    before_restore = (data_dir / MAIN_FILE).read_bytes()
    restored = coprod("restore", backup_name, env=env)
    assert restored.returncode == 0, restored.stderr
    assert f"restored {backup_name}" in restored.stdout

    titles = sorted(doc["title"] for doc in Store.open(data_dir).all("entries"))
    assert titles == ["kept"]
    # The file that was replaced is kept aside and listed.
    kept = [p for p in (data_dir / "backups").iterdir() if "before-restore" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == before_restore
    assert kept[0].name in restored.stdout
    assert kept[0].name in coprod("backups", env=env).stdout

    # And back again: restoring the kept copy brings both entries back.
    assert coprod("restore", kept[0].name, env=env).returncode == 0
    titles = sorted(doc["title"] for doc in Store.open(data_dir).all("entries"))
    assert titles == ["added after the backup", "kept"]


def test_restore_of_an_unknown_name_lists_choices_and_exits_2(data_dir: Path) -> None:
    _journal(data_dir, ["one"])
    Store.open(data_dir)
    before = (data_dir / MAIN_FILE).read_bytes()
    result = coprod("restore", "no-such-backup", env=env_for(data_dir))
    assert result.returncode == 2
    assert "no backup named 'no-such-backup'" in result.stderr and "coprod-" in result.stderr
    assert (data_dir / MAIN_FILE).read_bytes() == before


def test_restore_of_a_broken_backup_exits_1_and_changes_nothing(data_dir: Path) -> None:
    _journal(data_dir, ["one"])
    before = (data_dir / MAIN_FILE).read_bytes()
    broken = data_dir.parent / "broken.json"
    broken.write_text('{"entries": {"1": ')
    result = coprod("restore", str(broken), env=env_for(data_dir))
    assert result.returncode == 1
    assert "cannot restore" in result.stderr and "nothing was changed" in result.stderr
    assert (data_dir / MAIN_FILE).read_bytes() == before


def test_restore_refuses_a_backup_with_a_record_the_app_cannot_show(data_dir: Path) -> None:
    _journal(data_dir, ["one"])
    before = (data_dir / MAIN_FILE).read_bytes()
    bad = data_dir.parent / "bad-shape.json"
    bad.write_text('{"_meta": {"1": {"schema": 2}}, "entries": {"1": {"id": "ok1", "title": "fine"},'
                   ' "2": {"id": "bad2", "title": ["not", "text"]}}}')
    bad.chmod(0o600)
    result = coprod("restore", str(bad), env=env_for(data_dir))
    assert result.returncode == 1, result.stdout
    assert "cannot restore" in result.stderr and "nothing was changed" in result.stderr
    assert "record 2 of table 'entries' (id bad2)" in result.stderr
    assert '"title" must be text' in result.stderr
    assert (data_dir / MAIN_FILE).read_bytes() == before
