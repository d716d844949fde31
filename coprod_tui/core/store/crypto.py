"""Encryption at rest in the age format (https://age-encryption.org).

Design: the data folder holds ``identity.age``, an age file encrypted with the
user's passphrase (scrypt) whose content is an ordinary age identity file
(``AGE-SECRET-KEY-1...`` lines). Every data file, backup and kept copy is an
age file encrypted to the first identity's recipient (X25519). So the slow
step, scrypt, runs once per session, and a save costs one X25519 exchange and
a ChaCha20-Poly1305 pass (about 50 ms for 30 MB here).

Anyone can get their data back without coprod::

    age -d -i identity.age -o coprod-plain.json coprod.json

(``age`` asks for the passphrase: it decrypts passphrase-protected identity
files itself).

A changed passphrase also changes the key: the identity file briefly holds the
new and the old identity (age tries every identity in a file), so a conversion
killed half way leaves every file readable.

``pyrage`` (a binding of the Rust ``rage``) is imported only when a file is
actually encrypted or decrypted: plaintext users never load it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coprod_tui.core.store.errors import StoreError
from coprod_tui.i18n import _

IDENTITY_FILE = "identity.age"
AGE_MAGIC = b"age-encryption.org/v1\n"
#: Longest passphrase accepted (a file given by mistake should not be read whole).
MAX_PASSPHRASE = 1024
ENV_PASSPHRASE_FILE = "COPROD_PASSPHRASE_FILE"


class WrongPassphraseError(StoreError):
    """The passphrase does not open the identity file. Nothing was changed."""

    def __init__(self) -> None:
        super().__init__(
            _("wrong passphrase: it does not open this journal's key. Nothing was changed.")
        )


class LockedError(StoreError):
    """The journal is encrypted and no key has been given (or it was forgotten)."""


class EncryptionUnavailableError(StoreError):
    """The age implementation (pyrage) is not installed."""


def _pyrage() -> Any:
    try:
        import pyrage
    except ImportError:  # pragma: no cover - pyrage is a dependency
        raise EncryptionUnavailableError(
            _("this journal is encrypted but the age library (pyrage) is not installed; "
              "run `pip install pyrage` in coprod's environment")
        ) from None
    return pyrage


def is_age(raw: bytes) -> bool:
    """Whether ``raw`` is an age file (binary or armored)."""
    return raw.startswith(AGE_MAGIC) or raw.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")


def identity_path(data_dir: Path) -> Path:
    """Where the passphrase-protected identity lives."""
    return Path(data_dir) / IDENTITY_FILE


def is_encrypted(data_dir: Path) -> bool:
    """Whether the journal in ``data_dir`` is encrypted (cheap: one ``lstat``)."""
    try:
        os.lstat(identity_path(data_dir))
    except OSError:
        return False
    return True


def identity_signature(data_dir: Path) -> tuple[int, int, int, int] | None:
    """(device, inode, size, mtime) of the identity file, ``None`` if absent.

    A store remembers it at unlock: if another session changes the passphrase
    (and so the key) or turns encryption off, this store stops reading and
    saving rather than writing with a key nobody can open any more.
    """
    try:
        st = os.lstat(identity_path(data_dir))
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class DecryptFailed(Exception):
    """An age file that this key cannot open, or that is damaged or truncated."""


@dataclass
class Key:
    """The journal's age identities, unlocked for this session.

    ``identities[0]`` is the one files are encrypted to; any of them can
    decrypt (a second one exists only while the key is being changed).
    """

    identities: list[Any]
    signature: tuple[int, int, int, int] | None = field(default=None, compare=False)

    @property
    def recipient(self) -> Any:
        """The recipient every file is encrypted to."""
        return self.identities[0].to_public()

    def seal(self, plain: bytes) -> bytes:
        """``plain`` as an age file for this key."""
        return _pyrage().encrypt(plain, [self.recipient])

    def open(self, raw: bytes) -> bytes:
        """The plaintext of an age file (raises :class:`DecryptFailed`)."""
        pyrage = _pyrage()
        try:
            return pyrage.decrypt(raw, self.identities)
        except pyrage.DecryptError as error:
            raise DecryptFailed(str(error)) from None

    def identity_text(self) -> bytes:
        """The identity file's plaintext (the age identity file format)."""
        lines = ["# coprod journal key: decrypt coprod's files with `age -d -i identity.age`"]
        lines += [str(identity) for identity in self.identities]
        return ("\n".join(lines) + "\n").encode("ascii")

    def wrap(self, passphrase: str) -> bytes:
        """The identity file, encrypted with ``passphrase`` (scrypt)."""
        return _pyrage().passphrase.encrypt(self.identity_text(), passphrase)


def new_key() -> Key:
    """A fresh X25519 identity."""
    return Key([_pyrage().x25519.Identity.generate()])


def unwrap(wrapped: bytes, passphrase: str) -> Key:
    """Open an identity file with ``passphrase`` (raises :class:`WrongPassphraseError`)."""
    pyrage = _pyrage()
    try:
        text = pyrage.passphrase.decrypt(wrapped, passphrase)
    except pyrage.DecryptError:
        raise WrongPassphraseError() from None
    return parse_identities(text)


def parse_identities(text: bytes) -> Key:
    """A key from the text of an age identity file (``AGE-SECRET-KEY-1...`` lines)."""
    pyrage = _pyrage()
    identities = []
    for line in text.decode("ascii", "replace").splitlines():
        line = line.strip()
        if line.startswith("AGE-SECRET-KEY-"):
            try:
                identities.append(pyrage.x25519.Identity.from_str(line))
            except Exception:  # noqa: BLE001 - reported below
                continue
    if not identities:
        raise StoreError(_("the identity file opens but holds no age key; "
                           "restore it from a copy of your data folder"))
    return Key(identities)


def unlock(data_dir: Path, passphrase: str) -> Key:
    """The key of the encrypted journal in ``data_dir`` (slow: one scrypt)."""
    from coprod_tui.core.store.privacy import read_nofollow

    path = identity_path(data_dir)
    before = identity_signature(data_dir)
    try:
        wrapped = read_nofollow(path)
    except FileNotFoundError:
        raise StoreError(_("{folder} is not encrypted (no {file})").format(
            folder=data_dir, file=IDENTITY_FILE)) from None
    key = unwrap(wrapped, passphrase)
    key.signature = before
    return key


class Cipher:
    """How one store's files are read and written (shared by its storages).

    ``encrypted`` says what the folder is; ``key`` is ``None`` until unlocked
    and again after :meth:`forget`. An encrypted cipher without a key refuses
    to write, so nothing is ever saved in plaintext by a locked store.
    """

    def __init__(self, key: Key | None = None, encrypted: bool | None = None) -> None:
        self.key = key
        self.encrypted = key is not None if encrypted is None else encrypted

    def decode(self, raw: bytes) -> bytes:
        """See :func:`decode`."""
        return decode(raw, self.key)

    def encode(self, plain: bytes) -> bytes:
        """See :func:`encode`; refuses (:class:`LockedError`) when locked."""
        if self.encrypted and self.key is None:
            raise LockedError(_("the journal is locked: give the passphrase again to save"))
        return encode(plain, self.key)

    def forget(self) -> None:
        """Drop the key from memory (the idle lock)."""
        self.key = None


def decode(raw: bytes, key: Key | None) -> bytes:
    """The plaintext bytes of a data file, whichever form it is in.

    Raises :class:`DecryptFailed` for an age file this key cannot open and
    :class:`LockedError` for an age file when no key is given.
    """
    if not is_age(raw):
        return raw
    if key is None:
        raise LockedError(_("it is encrypted and no passphrase was given"))
    return key.open(raw)


def encode(plain: bytes, key: Key | None) -> bytes:
    """``plain`` as it is stored: an age file when a key is given."""
    return plain if key is None else key.seal(plain)


def check_passphrase_file(path: Path) -> None:
    """Refuse a passphrase file other users could read or change, or not ours."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise StoreError(_("the passphrase file {path} is not a regular file").format(path=path))
    if st.st_uid != os.geteuid():
        raise StoreError(_("refusing the passphrase file {path}: it belongs to another "
                           "user").format(path=path))
    if st.st_mode & 0o077:
        raise StoreError(_("refusing the passphrase file {path}: other users can read or "
                           "change it; run `chmod 600 {path}`").format(path=path))


def read_passphrase_file(path: Path) -> str:
    """The passphrase in ``path`` (its first line), after :func:`check_passphrase_file`."""
    path = Path(path).expanduser()
    try:
        check_passphrase_file(path)
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
        with open(fd, "rb") as handle:
            raw = handle.read(MAX_PASSPHRASE + 2)
    except FileNotFoundError:
        raise StoreError(_("the passphrase file {path} does not exist").format(
            path=path)) from None
    except OSError as error:
        from coprod_tui.errors import os_reason

        raise StoreError(_("cannot read the passphrase file {path}: {reason}").format(
            path=path, reason=os_reason(error))) from None
    text = raw.decode("utf-8", "replace").split("\n", 1)[0].rstrip("\r")
    if not text:
        raise StoreError(_("the passphrase file {path} is empty").format(path=path))
    if len(text) > MAX_PASSPHRASE:
        raise StoreError(_("the passphrase in {path} is longer than {count} characters").format(
            path=path, count=MAX_PASSPHRASE))
    return text


__all__ = [
    "AGE_MAGIC",
    "Cipher",
    "ENV_PASSPHRASE_FILE",
    "IDENTITY_FILE",
    "DecryptFailed",
    "EncryptionUnavailableError",
    "Key",
    "LockedError",
    "WrongPassphraseError",
    "decode",
    "encode",
    "identity_path",
    "identity_signature",
    "is_age",
    "is_encrypted",
    "new_key",
    "parse_identities",
    "read_passphrase_file",
    "unlock",
    "unwrap",
]
