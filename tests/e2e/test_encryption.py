"""Encryption at rest (issue 19), through the real ``coprod`` command.

The journal is encrypted with ``coprod encrypt``; then no file under the data
folder (backups and drafts included) holds any entry's text, coprod reads it
back with the passphrase, and a second implementation of age reads every file
with the passphrase alone: ``tests/age_reference.py`` always, and the real
``age`` command in a pseudo-terminal where it is installed.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_tui.core.store import Store, backups
from coprod_tui.core.store.crypto import IDENTITY_FILE, is_age
from tests.age_reference import decrypt as age_decrypt
from tests.age_reference import identities_in
from tests.conftest import env_for
from tests.e2e.ptyterm import PtyApp

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"
SECRETS = ["quokka-lantern-reflection", "marmalade-orchid-carer", "tundra-violin-meeting"]
DRAFT_SECRET = "pelican-draft-unfinished"


def _coprod(data: Path, *args: str, stdin: str | None = None,
            **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coprod_tui", *args], input=stdin,
                          capture_output=True, text=True, env=env_for(data), cwd=ROOT,
                          timeout=120, **kwargs)


def _secret_file(folder: Path, name: str, text: str, mode: int = 0o600) -> Path:
    path = folder / name
    path.write_text(text + "\n")
    path.chmod(mode)
    return path


def _journal(data: Path) -> None:
    """Entries, a draft, a setting, a daily backup and a copy kept before an import."""
    for secret in SECRETS:
        done = _coprod(data, "add", "--value", "strengths", "-", stdin=secret)
        assert done.returncode == 0, done.stderr
    store = Store.open(data)
    store.save_draft("entry:new", {"title": DRAFT_SECRET, "sections": {"text": DRAFT_SECRET}})
    store.set_setting("theme", "textual-dark")
    backups.keep_copy(data, store.path, "before-import")
    assert backups.list_backups(data)


def _every_file(data: Path) -> list[Path]:
    return [p for p in data.rglob("*") if p.is_file()]


def _assert_no_secret_on_disk(data: Path) -> None:
    for path in _every_file(data):
        raw = path.read_bytes()
        for secret in [*SECRETS, DRAFT_SECRET]:
            assert secret.encode() not in raw, f"{secret} readable in {path}"


def _encrypted(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    _journal(data)
    pw = _secret_file(tmp_path, "pw", PASSPHRASE)
    done = _coprod(data, "encrypt", "--passphrase-file", str(pw))
    assert done.returncode == 0, done.stderr
    assert "nobody can recover" in done.stderr
    return data, pw


def test_encrypted_journal_hides_every_text_and_opens_with_the_passphrase_alone(
        tmp_path: Path) -> None:
    data, pw = _encrypted(tmp_path)
    files = _every_file(data)
    names = {p.name for p in files}
    assert {"coprod.json", "state.json", "drafts.json", IDENTITY_FILE} <= names
    assert len(backups.list_backups(data)) >= 3  # daily, before-import, before-encrypt
    _assert_no_secret_on_disk(data)
    for path in [data / "coprod.json", data / "state.json", data / "drafts.json",
                 *backups.list_backups(data)]:
        assert is_age(path.read_bytes()), path

    # coprod reads it back with the passphrase.
    listed = _coprod(data, "list", "--passphrase-file", str(pw))
    assert listed.returncode == 0, listed.stderr
    for secret in SECRETS:
        assert secret in listed.stdout
    check = _coprod(data, "check", "--passphrase-file", str(pw))
    assert check.returncode == 0, check.stdout + check.stderr

    # A second implementation of age, given only the passphrase.
    identity = age_decrypt((data / IDENTITY_FILE).read_bytes(), passphrase=PASSPHRASE)
    keys = identities_in(identity)
    journal = json.loads(age_decrypt((data / "coprod.json").read_bytes(), identities=keys))
    titles = " ".join(json.dumps(doc) for doc in journal["entries"].values())
    for secret in SECRETS:
        assert secret in titles
    drafts = age_decrypt((data / "drafts.json").read_bytes(), identities=keys)
    assert DRAFT_SECRET.encode() in drafts
    for path in backups.list_backups(data):
        plain = age_decrypt(path.read_bytes(), identities=keys)
        assert SECRETS[0].encode() in plain, path


@pytest.mark.skipif(shutil.which("age") is None,
                    reason="the age command is not installed (apt-get install age); "
                           "the same files are read by tests/age_reference.py above")
def test_the_real_age_command_opens_the_journal_with_the_passphrase(tmp_path: Path) -> None:
    data, _pw = _encrypted(tmp_path)
    out = tmp_path / "recovered.json"
    # Exactly the README's recovery command; age asks for the passphrase on the terminal.
    with PtyApp([shutil.which("age") or "age", "-d", "-i", str(data / IDENTITY_FILE),
                 "-o", str(out), str(data / "coprod.json")]) as term:
        term.wait_for("passphrase", timeout=60)
        term.type(PASSPHRASE)
        term.press("enter")
        assert term.wait_exit(timeout=120) == 0, term.text
    journal = json.loads(out.read_text())
    for secret in SECRETS:
        assert secret in json.dumps(journal)


def test_a_wrong_passphrase_says_so_exits_1_and_changes_nothing(tmp_path: Path) -> None:
    data, _pw = _encrypted(tmp_path)
    before = {p: p.read_bytes() for p in _every_file(data)}
    wrong = _secret_file(tmp_path, "wrong", "not the passphrase at all")
    newest = backups.list_backups(data)[0].name
    for args in (["list"], ["check"], ["decrypt"], ["passphrase"], ["restore", newest]):
        done = _coprod(data, *args, "--passphrase-file", str(wrong))
        assert done.returncode == 1, (args, done.stderr)
        assert "wrong passphrase" in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert {p: p.read_bytes() for p in _every_file(data)} == before


def test_a_passphrase_file_others_can_read_is_refused(tmp_path: Path) -> None:
    data, _pw = _encrypted(tmp_path)
    shared = _secret_file(tmp_path, "shared", PASSPHRASE, mode=0o640)
    done = _coprod(data, "list", "--passphrase-file", str(shared))
    assert done.returncode == 1
    assert "other users can read" in done.stderr
    env = env_for(data, COPROD_PASSPHRASE_FILE=str(shared))
    done = subprocess.run([sys.executable, "-m", "coprod_tui", "list"], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 1 and "other users can read" in done.stderr


def test_no_passphrase_and_no_terminal_is_a_clear_error(tmp_path: Path) -> None:
    data, _pw = _encrypted(tmp_path)
    done = _coprod(data, "list", stdin="")
    assert done.returncode == 1
    assert "encrypted" in done.stderr and "--passphrase-file" in done.stderr


def test_changing_the_passphrase_changes_the_key_and_the_old_one_opens_nothing(
        tmp_path: Path) -> None:
    data, pw = _encrypted(tmp_path)
    old_identity = (data / IDENTITY_FILE).read_bytes()
    new = _secret_file(tmp_path, "new", "a brand new passphrase")
    done = _coprod(data, "passphrase", "--passphrase-file", str(pw),
                   "--new-passphrase-file", str(new))
    assert done.returncode == 0, done.stderr
    assert _coprod(data, "list", "--passphrase-file", str(pw)).returncode == 1
    listed = _coprod(data, "list", "--passphrase-file", str(new))
    assert listed.returncode == 0 and SECRETS[0] in listed.stdout
    # A copy of the old identity file and the old passphrase open none of the files.
    old_keys = identities_in(age_decrypt(old_identity, passphrase=PASSPHRASE))
    new_keys = identities_in(age_decrypt((data / IDENTITY_FILE).read_bytes(),
                                         passphrase="a brand new passphrase"))
    assert len(new_keys) == 1 and new_keys != old_keys
    for path in [data / "coprod.json", *backups.list_backups(data)]:
        with pytest.raises(Exception):  # noqa: B017 - any failure to open
            age_decrypt(path.read_bytes(), identities=old_keys)
        assert SECRETS[0].encode() in age_decrypt(path.read_bytes(), identities=new_keys)
    _assert_no_secret_on_disk(data)


def test_decrypt_turns_every_file_back_into_plain_json(tmp_path: Path) -> None:
    data, pw = _encrypted(tmp_path)
    done = _coprod(data, "decrypt", "--passphrase-file", str(pw))
    assert done.returncode == 0, done.stderr
    assert not (data / IDENTITY_FILE).exists()
    for path in [data / "coprod.json", data / "drafts.json", *backups.list_backups(data)]:
        json.loads(path.read_bytes())
    listed = _coprod(data, "list", stdin="")
    assert listed.returncode == 0 and SECRETS[1] in listed.stdout


def test_a_damaged_age_file_is_refused_naming_the_newest_backup(tmp_path: Path) -> None:
    data, pw = _encrypted(tmp_path)
    main = data / "coprod.json"
    main.write_bytes(main.read_bytes()[:-40])
    done = _coprod(data, "list", "--passphrase-file", str(pw))
    assert done.returncode == 1
    assert "damaged, cut short" in done.stderr
    assert "coprod restore coprod-" in done.stderr
    newest = done.stderr.split("coprod restore ")[1].split("`")[0]
    restored = _coprod(data, "restore", newest, "--passphrase-file", str(pw))
    assert restored.returncode == 0, restored.stderr
    assert is_age(main.read_bytes())
    listed = _coprod(data, "list", "--passphrase-file", str(pw))
    assert listed.returncode == 0 and SECRETS[0] in listed.stdout
    _assert_no_secret_on_disk(data)


def test_encrypting_on_a_full_disk_loses_nothing_and_running_again_finishes(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    _journal(data)
    pw = _secret_file(tmp_path, "pw", PASSPHRASE)
    limit = (data / "coprod.json").stat().st_size + 64  # the identity fits, the journal not

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run([sys.executable, "-m", "coprod_tui", "encrypt", "--passphrase-file",
                           str(pw)], capture_output=True, text=True, env=env_for(data),
                          cwd=ROOT, timeout=120, preexec_fn=small_files)
    assert done.returncode == 1, done.stderr
    assert "larger than this system allows" in done.stderr
    assert not list(data.rglob("*.tmp"))
    listed = _coprod(data, "list", "--passphrase-file", str(pw))
    assert listed.returncode == 0 and all(s in listed.stdout for s in SECRETS)
    check = _coprod(data, "check", "--passphrase-file", str(pw))
    assert check.returncode == 1 and "not encrypted yet" in check.stdout
    again = _coprod(data, "encrypt", "--passphrase-file", str(pw))
    assert again.returncode == 0, again.stderr
    _assert_no_secret_on_disk(data)
    assert _coprod(data, "check", "--passphrase-file", str(pw)).returncode == 0


def test_the_passphrase_asked_on_a_terminal_is_never_echoed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _journal(data)
    typed = "echo-me-never-9137"
    with PtyApp.coprod(data, "encrypt") as term:
        term.wait_for("nobody can recover", timeout=60)
        term.wait_for("New passphrase:", timeout=60)
        term.type(typed)
        term.press("enter")
        term.wait_for("same passphrase again:", timeout=60)
        term.type(typed)
        term.press("enter")
        assert term.wait_exit(timeout=120) == 0, term.text
        assert typed not in term.text
    with PtyApp.coprod(data, "list") as term:
        term.wait_for("Passphrase:", timeout=60)
        term.type(typed)
        term.press("enter")
        term.wait_for(SECRETS[0], timeout=60)
        assert term.wait_exit(timeout=120) == 0
        assert typed not in term.text
    assert os.path.exists(data / IDENTITY_FILE)


def _editor(tmp_path: Path, body: str) -> Path:
    """An $EDITOR that logs the file it was given, then runs ``body`` on it ($1)."""
    script = tmp_path / "editor.sh"
    script.write_text(f'#!/bin/sh\necho "$1" >> "{tmp_path}/editor.log"\n{body}\n')
    script.chmod(0o700)
    return script


def test_the_editor_file_of_an_encrypted_journal_is_in_memory_and_removed(
        tmp_path: Path) -> None:
    data, pw = _encrypted(tmp_path)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    secret = "walrus-editor-secret"
    editor = _editor(tmp_path, f"printf '{secret}\\n' >> \"$1\"")
    env = env_for(data, EDITOR=str(editor), VISUAL=str(editor), XDG_RUNTIME_DIR=str(runtime))
    done = subprocess.run([sys.executable, "-m", "coprod_tui", "add", "--value", "strengths",
                           "--editor", "--passphrase-file", str(pw)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    used = Path((tmp_path / "editor.log").read_text().split()[0])
    assert runtime in used.parents and data not in used.parents
    assert not used.exists()
    listed = _coprod(data, "list", "--passphrase-file", str(pw))
    assert secret in listed.stdout
    for path in _every_file(data):
        assert secret.encode() not in path.read_bytes(), path


def test_a_hang_up_while_editing_an_encrypted_entry_removes_the_file(tmp_path: Path) -> None:
    data, pw = _encrypted(tmp_path)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    entry_id = _coprod(data, "list", "--passphrase-file", str(pw)).stdout.split()[3]
    # The editor writes, then the terminal "hangs up" on coprod (its parent).
    editor = _editor(tmp_path, "printf 'half-written\\n' >> \"$1\"; kill -HUP $PPID; sleep 0.2")
    env = env_for(data, EDITOR=str(editor), VISUAL=str(editor), XDG_RUNTIME_DIR=str(runtime))
    done = subprocess.run([sys.executable, "-m", "coprod_tui", "edit", entry_id,
                           "--passphrase-file", str(pw)], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "hung up" in done.stderr
    used = Path((tmp_path / "editor.log").read_text().split()[0])
    assert runtime in used.parents
    assert not used.exists()
    assert not [p for p in runtime.rglob("*") if p.is_file()]


def test_exports_say_they_are_plain_and_encrypt_to_writes_an_age_file(tmp_path: Path) -> None:
    import pyrage

    data, pw = _encrypted(tmp_path)
    plain = tmp_path / "export.md"
    done = _coprod(data, "export", "--passphrase-file", str(pw), "-o", str(plain))
    assert done.returncode == 0, done.stderr
    assert "ordinary file" in done.stderr and "--encrypt-to" in done.stderr
    assert SECRETS[0] in plain.read_text()

    reader = pyrage.x25519.Identity.generate()
    sealed = tmp_path / "export.md.age"
    done = _coprod(data, "export", "--passphrase-file", str(pw), "-o", str(sealed),
                   "--encrypt-to", str(reader.to_public()))
    assert done.returncode == 0, done.stderr
    assert "ordinary file" not in done.stderr and "encrypted (age)" in done.stderr
    raw = sealed.read_bytes()
    assert is_age(raw) and SECRETS[0].encode() not in raw
    assert SECRETS[0].encode() in age_decrypt(raw, identities=[str(reader)])

    bad = _coprod(data, "export", "--passphrase-file", str(pw), "-o", str(tmp_path / "x"),
                  "--encrypt-to", "not-a-key")
    assert bad.returncode == 2 and "not an age recipient" in bad.stderr
    assert not (tmp_path / "x").exists()


def test_the_app_asks_first_and_never_draws_the_passphrase(tmp_path: Path) -> None:
    data, _pw = _encrypted(tmp_path)
    with PtyApp.coprod(data) as term:
        term.wait_for("This journal is encrypted", timeout=60)
        assert "About" not in term.text  # home is not drawn before the passphrase
        start = len(term.output)
        term.type(PASSPHRASE)
        term.settle()
        typed = bytes(term.output[start:])
        assert PASSPHRASE.encode() not in typed and b"horse" not in typed
        term.press("enter")
        term.wait_for("About", timeout=90, start=start)  # home, after the key derivation
        assert PASSPHRASE not in term.text and "horse" not in term.text
        term.press("q")
        assert term.wait_exit(timeout=60) == 0
