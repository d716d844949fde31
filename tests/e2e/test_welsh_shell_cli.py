"""The shell's commands in Welsh, in real processes: where, check, backups,
restore, settings, encrypt and decrypt, and what users read when something is
wrong (a corrupt data file, a read-only folder, a file too large for the
system, another session holding the lock, a wrong passphrase). The words
change with `--lang`; the exit codes never do."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_tui.core.store import MAIN_FILE, Store
from coprod_tui.core.store.lock import FileLock
from coprod_tui.core.store.repository import LOCK_FILE
from tests.conftest import ROOT, env_for
from tests.ui.welsh_check import english_lines

ENGLISH_LOCALE = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
PASSPHRASE = "kestrel-harbour-42"
# `coprod check` lists the store's tables by their names, which are data, not words.
TABLES = ["entries", "settings"]


def coprod(data: Path, *args: str, prefix: tuple[str, ...] = (), preexec=None,  # noqa: ANN001
           **env: str) -> subprocess.CompletedProcess[str]:
    """The real command (an English system locale unless ``env`` says otherwise)."""
    return subprocess.run(
        [*prefix, sys.executable, "-m", "coprod_tui", *args], capture_output=True, text=True,
        cwd=ROOT, stdin=subprocess.DEVNULL, env=env_for(data, **{**ENGLISH_LOCALE, **env}),
        timeout=60, preexec_fn=preexec,
    )


def welsh(result: subprocess.CompletedProcess[str], allow: list[str] | None = None) -> str:
    """Everything the command printed, checked to hold no English line."""
    out = result.stdout + result.stderr
    assert english_lines(out, allow=allow or []) == [], out
    return out


def _journal(data: Path) -> None:
    store = Store.open(data)
    store.insert("entries", {"title": "Night handover"})
    Store.open(data)  # today's backup


def _secret(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n")
    path.chmod(0o600)
    return path


def test_where_backups_and_check_in_welsh(data_dir: Path) -> None:
    where = coprod(data_dir, "--lang", "cy", "where")
    assert where.returncode == 0, where.stderr
    lines = welsh(where).splitlines()
    assert lines[0] == f"ffolder data:        {data_dir}"
    assert lines[1] == f"ffeil ddata:         {data_dir / MAIN_FILE}"
    assert "amgryptio:           i ffwrdd (mae `coprod encrypt` yn ei droi ymlaen)" in lines
    english = coprod(data_dir, "where").stdout.splitlines()
    assert english[0] == f"data folder:     {data_dir}"
    nothing = coprod(data_dir, "--lang", "cy", "backups")
    assert nothing.returncode == 0
    assert welsh(nothing).strip() == f"dim copïau wrth gefn eto yn {data_dir / 'backups'}"
    _journal(data_dir)
    checked = coprod(data_dir, "--lang", "cy", "check")
    assert checked.returncode == 0, checked.stderr
    out = welsh(checked, allow=TABLES)
    assert f"{data_dir / MAIN_FILE}: Iawn (fersiwn data " in out
    assert "  copïau wrth gefn: 1, y mwyaf newydd coprod-" in out
    listed = coprod(data_dir, "--lang", "cy", "backups")
    assert listed.returncode == 0 and listed.stdout.rstrip().endswith(" beit")
    welsh(listed)


def test_a_corrupt_data_file_then_restore_in_welsh(data_dir: Path) -> None:
    _journal(data_dir)
    (data_dir / MAIN_FILE).write_bytes(b'{"entries": {')
    backup = next((data_dir / "backups").iterdir())
    broken = coprod(data_dir, "--lang", "cy", "check")
    assert broken.returncode == 1
    out = welsh(broken)
    assert out.startswith(f"coprod: gwall: methu â darllen {data_dir / MAIN_FILE}: nid yw'n "
                          "JSON dilys (llinell 1, colofn 14). Ni newidiwyd dim; y copi wrth "
                          f"gefn da mwyaf newydd yw {backup}; rhedwch `coprod restore "
                          f"{backup.name}` i'w roi yn ôl.")
    assert "Traceback" not in out
    missing = coprod(data_dir, "--lang", "cy", "restore", "nope")
    assert missing.returncode == 2
    assert "dim copi wrth gefn o'r enw 'nope' yn " in welsh(missing)
    no_name = coprod(data_dir, "--lang", "cy", "restore")
    assert no_name.returncode == 2
    assert "gwall: mae angen yr argiwmentau hyn: BACKUP" in welsh(no_name, allow=[
        "[--data-dir DIR] [--content-dir DIR]", "[--passphrase-file FILE] [--lang {cy,en}]"])
    restored = coprod(data_dir, "--lang", "cy", "restore", backup.name)
    assert restored.returncode == 0, restored.stderr
    out = welsh(restored)
    assert "cadwyd y ffeil flaenorol fel " in out
    assert f"adferwyd {backup.name} i {data_dir / MAIN_FILE}" in out
    assert coprod(data_dir, "--lang", "cy", "check").returncode == 0


def test_settings_mistakes_in_welsh_keep_exit_2(data_dir: Path) -> None:
    unknown = coprod(data_dir, "--lang", "cy", "settings", "nosuch")
    assert unknown.returncode == 2
    assert "gosodiad anhysbys 'nosuch'; dewisiadau: mouse, " in welsh(unknown)
    bad = coprod(data_dir, "--lang", "cy", "settings", "mouse", "sometimes")
    assert bad.returncode == 2
    # The values a user types (on, off) stay as they are typed.
    assert "nid yw 'sometimes' yn ddewis ar gyfer mouse" in welsh(bad, allow=["on, off"])
    good = coprod(data_dir, "--lang", "cy", "settings", "mouse", "off")
    assert good.returncode == 0 and welsh(good).strip() == "mouse = off (i ffwrdd)"


def test_wrong_passphrase_and_encryption_in_welsh(data_dir: Path, tmp_path: Path) -> None:
    _journal(data_dir)
    right = _secret(tmp_path, "right", PASSPHRASE)
    wrong = _secret(tmp_path, "wrong", "not the passphrase at all")
    encrypted = coprod(data_dir, "--lang", "cy", "encrypt", "--passphrase-file", str(right))
    assert encrypted.returncode == 0, encrypted.stderr
    out = welsh(encrypted)
    assert out.startswith("cadwyd copi o'r dyddlyfr fel ")
    assert "amgryptiwyd " in out and " ffeil yn " in out and encrypted.stderr.startswith("Rhybudd: ")
    asked = coprod(data_dir, "--lang", "cy", "check")  # no terminal to ask on
    assert asked.returncode == 1
    assert welsh(asked).startswith("coprod: gwall: mae'r dyddlyfr wedi'i amgryptio: rhedwch "
                                   "hwn mewn terfynell")
    refused = coprod(data_dir, "--lang", "cy", "check", "--passphrase-file", str(wrong))
    assert refused.returncode == 1
    assert welsh(refused).strip() == ("coprod: gwall: cyfrinymadrodd anghywir: nid yw'n agor "
                                      "allwedd y dyddlyfr hwn. Ni newidiwyd dim.")
    assert "wrong passphrase" in coprod(data_dir, "check", "--passphrase-file",
                                        str(wrong)).stderr
    again = coprod(data_dir, "--lang", "cy", "encrypt", "--passphrase-file", str(right))
    assert again.returncode == 1
    assert "mae'r dyddlyfr eisoes wedi'i amgryptio" in welsh(again)
    decrypted = coprod(data_dir, "--lang", "cy", "decrypt", "--passphrase-file", str(right))
    assert decrypted.returncode == 0, decrypted.stderr
    assert "mae'r dyddlyfr yn JSON plaen eto" in welsh(decrypted)
    nothing = coprod(data_dir, "--lang", "cy", "decrypt")
    assert nothing.returncode == 1
    assert welsh(nothing).strip() == ("coprod: gwall: nid yw'r dyddlyfr wedi'i amgryptio; dim "
                                      "i'w wneud")


def test_another_session_holding_the_lock_makes_a_command_wait_then_answer_in_welsh(
        data_dir: Path) -> None:
    _journal(data_dir)
    lock = FileLock(data_dir / LOCK_FILE)
    with lock.held():
        waiting = subprocess.Popen(
            [sys.executable, "-m", "coprod_tui", "--lang", "cy", "check"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            stdin=subprocess.DEVNULL, env=env_for(data_dir, **ENGLISH_LOCALE))
        # The lock is ours: the command waits for it (it never reads half a save).
        with pytest.raises(subprocess.TimeoutExpired):
            waiting.wait(timeout=2)
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert f"{data_dir / MAIN_FILE}: Iawn (fersiwn data " in out
    assert english_lines(out + err, allow=TABLES) == [], out + err


def _limit_file_size(size: int):  # noqa: ANN202
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return apply


def test_a_file_too_large_for_the_system_is_said_in_welsh(data_dir: Path) -> None:
    _journal(data_dir)
    before = (data_dir / MAIN_FILE).read_bytes()
    big = data_dir / "big-backup.json"
    big.write_text('{"entries": {"1": {"id": "x", "text": "' + "y" * 20000 + '"}}}')
    result = coprod(data_dir, "--lang", "cy", "restore", str(big),
                    preexec=_limit_file_size(len(before) + 512))
    assert result.returncode == 1, result.stderr
    out = welsh(result)
    assert out.startswith(f"coprod: gwall: methu â chadw i {data_dir / MAIN_FILE}: ")
    assert "Mae'r ffeil ar y ddisg heb ei newid" in out
    assert (data_dir / MAIN_FILE).read_bytes() == before


def _read_only_mount(folder: Path) -> tuple[str, ...] | None:
    """A command prefix that runs with ``folder`` read-only in a private mount
    namespace, or ``None`` where that is not allowed (no root, no unshare)."""
    prefix = (
        "unshare", "-m", "sh", "-c",
        f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" '
        '&& exec "$0" "$@"',
    )
    try:
        probe = subprocess.run([*prefix, "sh", "-c", f'! touch "{folder}/probe"'],
                               capture_output=True, timeout=30)
    except OSError:
        return None
    return prefix if probe.returncode == 0 and not (folder / "probe").exists() else None


def test_a_read_only_folder_is_said_in_welsh_and_reading_still_works(data_dir: Path) -> None:
    _journal(data_dir)
    before = (data_dir / MAIN_FILE).read_bytes()
    prefix = _read_only_mount(data_dir)
    if prefix is None:
        if os.geteuid() == 0:
            pytest.skip("cannot make a read-only bind mount here (and root ignores modes)")
        data_dir.chmod(0o500)
        prefix = ()
    try:
        checked = coprod(data_dir, "--lang", "cy", "check", prefix=prefix)
        assert checked.returncode == 0, checked.stderr
        welsh(checked, allow=TABLES)
        backup = next((data_dir / "backups").iterdir()).name
        refused = coprod(data_dir, "--lang", "cy", "restore", backup, prefix=prefix)
        assert refused.returncode == 1
        out = welsh(refused)
        assert out.startswith("coprod: gwall: methu â chadw i ")
        assert "system ffeiliau darllen yn unig yw hi" in out or "gwrthodwyd caniatâd" in out
    finally:
        data_dir.chmod(0o700)
    assert (data_dir / MAIN_FILE).read_bytes() == before
