"""The store on an encrypted journal (issue 19): modes, locking, backups, keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_tui.core.store import Store, StoreError, backups
from coprod_tui.core.store.convert import change_passphrase, encrypt_folder, plaintext_files
from coprod_tui.core.store.crypto import (
    LockedError,
    is_age,
    read_passphrase_file,
    unlock,
)
from coprod_tui.core.store.storage import read_json_file

PASSPHRASE = "osprey-lighthouse-7"
SECRET = "kingfisher-ward-round"


def _journal(data_dir: Path) -> Store:
    store = Store.open(data_dir)
    store.insert("entries", {"id": "e1", "title": SECRET})
    store.insert("entries", {"id": "e2", "title": "another"})
    return store


def test_a_session_open_before_encryption_stops_instead_of_saving_plaintext(
        data_dir: Path) -> None:
    before = _journal(data_dir)
    encrypt_folder(data_dir, PASSPHRASE)
    with pytest.raises(StoreError, match="encrypted the journal"):
        before.insert("entries", {"title": "typed meanwhile"})
    with pytest.raises(StoreError):
        before.all("entries")
    assert is_age((data_dir / "coprod.json").read_bytes())
    assert plaintext_files(data_dir) == []


def test_a_session_with_the_old_key_stops_after_the_passphrase_changed(data_dir: Path) -> None:
    _journal(data_dir)
    key, _ = encrypt_folder(data_dir, PASSPHRASE)
    old = Store.open(data_dir, key)
    change_passphrase(data_dir, key, "a different passphrase")
    with pytest.raises(StoreError, match="changed the passphrase"):
        old.insert("entries", {"title": "typed meanwhile"})
    fresh = Store.open(data_dir, unlock(data_dir, "a different passphrase"))
    assert {d["id"] for d in fresh.all("entries")} == {"e1", "e2"}


def test_an_encrypted_journal_needs_a_key_to_open(data_dir: Path) -> None:
    _journal(data_dir)
    encrypt_folder(data_dir, PASSPHRASE)
    with pytest.raises(LockedError, match="encrypted"):
        Store.open(data_dir)


def test_a_locked_store_refuses_to_read_or_save_and_writes_nothing(data_dir: Path) -> None:
    _journal(data_dir)
    key, _ = encrypt_folder(data_dir, PASSPHRASE)
    store = Store.open(data_dir, key)
    assert store.get("entries", "e1")["title"] == SECRET
    before = (data_dir / "coprod.json").read_bytes()
    store.forget_key()
    with pytest.raises(LockedError):
        store.insert("entries", {"title": "after lock"})
    with pytest.raises(LockedError):
        store.all("entries")
    assert (data_dir / "coprod.json").read_bytes() == before
    store.set_key(unlock(data_dir, PASSPHRASE))
    assert len(store.all("entries")) == 2


def test_emptying_the_trash_purges_encrypted_backups_and_keeps_them_encrypted(
        data_dir: Path) -> None:
    _journal(data_dir)
    key, _ = encrypt_folder(data_dir, PASSPHRASE)
    store = Store.open(data_dir, key)
    found = backups.list_backups(data_dir)
    assert found
    changed = backups.purge_records(data_dir, ["e1"], store.key)
    assert changed
    for path in backups.list_backups(data_dir):
        raw = path.read_bytes()
        assert is_age(raw)
        ids = {d["id"] for t in read_json_file(path, key).values() for d in t.values()
               if isinstance(d, dict) and "id" in d}
        assert "e1" not in ids


def test_a_damaged_encrypted_journal_names_the_newest_good_backup(data_dir: Path) -> None:
    _journal(data_dir)
    key, _ = encrypt_folder(data_dir, PASSPHRASE)
    main = data_dir / "coprod.json"
    main.write_bytes(main.read_bytes()[:-30])
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir, key)
    message = str(caught.value)
    assert "damaged, cut short" in message
    assert backups.newest_good_backup(data_dir, key).name in message


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620])
def test_a_passphrase_file_others_can_use_is_refused(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "pw"
    path.write_text(PASSPHRASE + "\nsecond line ignored\n")
    path.chmod(mode)
    with pytest.raises(StoreError, match="other users can read"):
        read_passphrase_file(path)
    path.chmod(0o600)
    assert read_passphrase_file(path) == PASSPHRASE
