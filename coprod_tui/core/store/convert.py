"""Turning encryption on and off, and changing the passphrase (and the key).

Every conversion runs under the store lock and replaces one file at a time,
each atomically, after reading its new form back: at every moment each file is
either its old or its new form, and the identity file holds every key needed
to read both. So a conversion killed half way (SIGKILL, full disk) loses
nothing, and running the same command again finishes it.

- encrypt: keep a copy of the journal (``before-encrypt``), write
  ``identity.age`` first, then encrypt the data files and then every backup,
  that copy included (backups of plaintext are encrypted, not removed: the
  history of backups stays, and nothing readable is left behind);
- decrypt: keep a copy (``before-decrypt``), decrypt every file, remove
  ``identity.age`` last;
- passphrase: write ``identity.age`` holding the new key and the old one under
  the new passphrase, re-encrypt every file to the new key, then write it again
  holding the new key alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from coprod_tui.core.store import backups
from coprod_tui.core.store.crypto import (
    DecryptFailed,
    Key,
    decode,
    encode,
    identity_path,
    identity_signature,
    is_age,
    is_encrypted,
    new_key,
)
from coprod_tui.core.store.errors import StoreError
from coprod_tui.core.store.files import FILES, LOCK_FILE, MAIN_FILE
from coprod_tui.core.store.lock import FileLock
from coprod_tui.core.store.privacy import check_private_file, ensure_private_dir, read_nofollow
from coprod_tui.core.store.storage import UnreadableFileError, atomic_write_bytes, parse_tables
from coprod_tui.i18n import _

Progress = Callable[[str], None]


def _files(data_dir: Path) -> list[Path]:
    """Every file a conversion rewrites: the data files, then every backup."""
    found = [data_dir / name for name in FILES if (data_dir / name).exists()]
    return found + list(reversed(backups.list_backups(data_dir)))


def plaintext_files(data_dir: Path) -> list[Path]:
    """Data files and backups not (yet) encrypted: for ``coprod check`` and a
    conversion that was interrupted."""
    return [path for path in _files(data_dir) if not is_age(_head(path))]


def _head(path: Path) -> bytes:
    """The first bytes of a file (enough to tell an age file), never through a link."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    try:
        return os.read(fd, 64)
    finally:
        os.close(fd)


def _check_main(data_dir: Path, key: Key | None) -> None:
    """Refuse to convert a journal that cannot be read (nothing changed)."""
    for name in FILES:
        path = data_dir / name
        check_private_file(path)
        try:
            raw = read_nofollow(path)
        except FileNotFoundError:
            continue
        try:
            parse_tables(decode(raw, key))
        except (UnreadableFileError, DecryptFailed) as error:
            raise StoreError(_("cannot read {path}: {problem}; nothing was changed. "
                               "Run `coprod check` first").format(path=path, problem=error)) \
                from None


def _rewrite(path: Path, read_key: Key | None, write_key: Key | None) -> bool:
    """Replace ``path`` by its form for ``write_key``; ``False`` if left as it was.

    The new bytes are read back before they replace the old file, and the
    file's times are kept (backups are listed newest first by time).
    """
    raw = read_nofollow(path)
    if write_key is None and not is_age(raw):
        return False
    if write_key is not None and read_key is write_key and is_age(raw):
        return False  # already encrypted to this key (an interrupted run resumed)
    try:
        plain = decode(raw, read_key)
    except DecryptFailed:
        if path.name in FILES:
            raise StoreError(_("cannot decrypt {path}: it is damaged or not encrypted to this "
                               "journal's key; nothing more was changed").format(path=path)) \
                from None
        return False  # a damaged backup stays as it is (``coprod check`` names it)
    new = encode(plain, write_key)
    if write_key is not None and write_key.open(new) != plain:  # pragma: no cover - paranoia
        raise StoreError(_("encrypting {path} did not read back; nothing more was "
                           "changed").format(path=path))
    st = os.stat(path)
    atomic_write_bytes(path, new)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    return True


def _write_identity(data_dir: Path, key: Key, passphrase: str) -> Key:
    atomic_write_bytes(identity_path(data_dir), key.wrap(passphrase))
    key.signature = identity_signature(data_dir)
    return key


def _held(data_dir: Path) -> FileLock:
    ensure_private_dir(data_dir)
    check_private_file(data_dir / LOCK_FILE)
    return FileLock(data_dir / LOCK_FILE)


def encrypt_folder(data_dir: Path, passphrase: str, key: Key | None = None,
                   progress: Progress | None = None) -> tuple[Key, list[Path]]:
    """Encrypt the journal in ``data_dir`` (or finish an interrupted encryption
    when ``key`` is the one already there). Returns the key and the files
    encrypted."""
    say = progress or (lambda _line: None)
    with _held(data_dir).held():
        _check_main(data_dir, key)
        if key is None:
            if is_encrypted(data_dir):
                raise StoreError(_("the journal is already encrypted"))
            if (data_dir / MAIN_FILE).exists():
                kept = backups.keep_copy(data_dir, data_dir / MAIN_FILE, "before-encrypt")
                if kept:
                    say(_("kept a copy of the journal as {path} (encrypted with the "
                          "rest)").format(path=kept))
            key = _write_identity(data_dir, new_key(), passphrase)
        done = [path for path in _files(data_dir) if _rewrite(path, key, key)]
    return key, done


def decrypt_folder(data_dir: Path, key: Key, progress: Progress | None = None) -> list[Path]:
    """Turn encryption off: every file back to plain JSON, the identity removed last."""
    say = progress or (lambda _line: None)
    with _held(data_dir).held():
        _check_main(data_dir, key)
        if (data_dir / MAIN_FILE).exists():
            kept = backups.keep_copy(data_dir, data_dir / MAIN_FILE, "before-decrypt")
            if kept:
                say(_("kept a copy of the journal as {path}").format(path=kept))
        done = [path for path in _files(data_dir) if _rewrite(path, key, None)]
        identity_path(data_dir).unlink(missing_ok=True)
    return done


def change_passphrase(data_dir: Path, key: Key, passphrase: str) -> Key:
    """A new passphrase and a new key; every file re-encrypted to it."""
    fresh = new_key()
    both = Key([fresh.identities[0], *key.identities])
    with _held(data_dir).held():
        _check_main(data_dir, key)
        _write_identity(data_dir, both, passphrase)
        for path in _files(data_dir):
            _rewrite(path, both, fresh)
        _write_identity(data_dir, fresh, passphrase)
    return fresh
