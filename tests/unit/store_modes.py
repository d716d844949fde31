"""Run the store's crash, two-writer and disk-full tests on a plain and on an
encrypted journal (issue 19).

An encrypted folder is made with the real ``coprod encrypt`` code
(:func:`encrypt_folder`, one scrypt); the child processes then load the key
from a 0600 identity file beside the folder (``COPROD_TEST_KEYFILE``) instead
of running scrypt again in each of hundreds of children: what these tests
prove is about saves, not about the passphrase.
"""

from __future__ import annotations

import os
from pathlib import Path

from coprod_tui.core.store import Store

MODES = ["plain", "encrypted"]
PASSPHRASE = "correct horse battery staple"
KEYFILE_ENV = "COPROD_TEST_KEYFILE"


def prepare(data_dir: Path, mode: str) -> dict[str, str]:
    """Create the folder (encrypted if ``mode`` says so); returns extra environment
    for child processes (the key file's path, if any)."""
    Store.open(data_dir)
    if mode != "encrypted":
        return {}
    from coprod_tui.core.store.convert import encrypt_folder

    key, _ = encrypt_folder(data_dir, PASSPHRASE)
    keyfile = data_dir.parent / f"{data_dir.name}.identity"
    fd = os.open(keyfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key.identity_text())
    return {KEYFILE_ENV: str(keyfile)}


def key_for(data_dir: Path | str, keyfile: str | None = None):  # noqa: ANN201 - Key | None
    """The key of an encrypted test folder (from its identity file), else ``None``."""
    from coprod_tui.core.store.crypto import identity_signature, is_encrypted, parse_identities

    data_dir = Path(data_dir)
    if not is_encrypted(data_dir):
        return None
    keyfile = keyfile or os.environ.get(KEYFILE_ENV) or str(
        data_dir.parent / f"{data_dir.name}.identity")
    key = parse_identities(Path(keyfile).read_bytes())
    key.signature = identity_signature(data_dir)
    return key


def open_store(data_dir: Path | str) -> Store:
    """``Store.open`` with the folder's key when it is encrypted."""
    return Store.open(Path(data_dir), key_for(data_dir))


def environment(extra: dict[str, str]) -> dict[str, str]:
    """This process's environment plus ``extra``."""
    env = dict(os.environ)
    env.update(extra)
    return env


def assert_encrypted(data_dir: Path, mode: str) -> None:
    """In encrypted mode, every data file and backup is an age file."""
    if mode != "encrypted":
        return
    from coprod_tui.core.store.convert import plaintext_files

    assert plaintext_files(data_dir) == []
