"""A second, independent reader of the age v1 format (for tests only).

Written from the specification (https://age-encryption.org/v1) on top of the
``cryptography`` package, sharing no code with ``pyrage``: if coprod's files
open here, they are age files, not something only coprod reads. The pure-Python
``age`` package on PyPI cannot serve: it rejects the header of files written by
rage (it re-serialises the unknown "grease" stanza wrongly and the header MAC
fails). The real ``age`` command is used as well where it is installed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

INTRO = b"age-encryption.org/v1\n"
CHUNK = 64 * 1024
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


class AgeFormatError(Exception):
    """Not an age file this reader can open."""


def _b64(text: bytes) -> bytes:
    return base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt or None, info).derive(ikm)


def _parse_header(data: bytes) -> tuple[list[tuple[list[bytes], bytes]], bytes, bytes, int]:
    """(stanzas, header bytes the MAC covers, mac, offset of the payload)."""
    if not data.startswith(INTRO):
        raise AgeFormatError("not an age v1 file")
    pos = len(INTRO)
    stanzas = []
    while True:
        end = data.index(b"\n", pos)
        line = data[pos:end]
        if line.startswith(b"---"):
            covered = data[:pos + 3]
            mac = _b64(line[4:])
            return stanzas, covered, mac, end + 1
        if not line.startswith(b"-> "):
            raise AgeFormatError("bad stanza line")
        args = line[3:].split(b" ")
        pos = end + 1
        body = b""
        while True:
            end = data.index(b"\n", pos)
            chunk = data[pos:end]
            pos = end + 1
            body += chunk
            if len(chunk) < 64:
                break
        stanzas.append((args, _b64(body) if body else b""))


def _bech32_secret(identity: str) -> bytes:
    """The 32-byte scalar of an ``AGE-SECRET-KEY-1...`` string."""
    text = identity.strip().lower()
    hrp, _, rest = text.rpartition("1")
    if hrp != "age-secret-key-":
        raise AgeFormatError("not an age secret key")
    values = [_BECH32.index(c) for c in rest][:-6]  # drop the checksum
    acc, bits, out = 0, 0, bytearray()
    for value in values:
        acc = (acc << 5) | value
        bits += 5
        while bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    return bytes(out)


def _file_key(stanzas: list[tuple[list[bytes], bytes]], passphrase: str | None,
              identities: list[str]) -> bytes:
    zero = b"\x00" * 12
    for args, body in stanzas:
        try:
            if args[0] == b"scrypt" and passphrase is not None:
                salt, log_n = _b64(args[1]), int(args[2])
                key = hashlib.scrypt(passphrase.encode(), salt=b"age-encryption.org/v1/scrypt"
                                     + salt, n=1 << log_n, r=8, p=1, dklen=32,
                                     maxmem=(1 << log_n) * 8 * 128 + (1 << 24))
                return ChaCha20Poly1305(key).decrypt(zero, body, None)
            if args[0] == b"X25519":
                share = _b64(args[1])
                for identity in identities:
                    private = X25519PrivateKey.from_private_bytes(_bech32_secret(identity))
                    public = private.public_key().public_bytes_raw()
                    shared = private.exchange(X25519PublicKey.from_public_bytes(share))
                    wrap = _hkdf(shared, share + public, b"age-encryption.org/v1/X25519")
                    try:
                        return ChaCha20Poly1305(wrap).decrypt(zero, body, None)
                    except Exception:  # noqa: BLE001 - try the next identity
                        continue
        except (IndexError, ValueError) as error:
            raise AgeFormatError(f"bad stanza: {error}") from None
    raise AgeFormatError("no stanza opens with what was given")


def decrypt(data: bytes, passphrase: str | None = None,
            identities: list[str] | None = None) -> bytes:
    """The plaintext of an age v1 file, opened with a passphrase or identities."""
    stanzas, covered, mac, offset = _parse_header(data)
    file_key = _file_key(stanzas, passphrase, identities or [])
    expected = hmac.new(_hkdf(file_key, b"", b"header"), covered, hashlib.sha256).digest()
    if not hmac.compare_digest(expected, mac):
        raise AgeFormatError("header MAC does not match")
    nonce, payload = data[offset:offset + 16], data[offset + 16:]
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    out, counter, pos = bytearray(), 0, 0
    while True:
        chunk = payload[pos:pos + CHUNK + 16]
        pos += len(chunk)
        last = pos >= len(payload)
        chunk_nonce = counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")
        out += aead.decrypt(chunk_nonce, chunk, None)
        if last:
            return bytes(out)
        counter += 1


def identities_in(text: bytes) -> list[str]:
    """The ``AGE-SECRET-KEY-`` lines of an identity file."""
    return [line.strip() for line in text.decode().splitlines()
            if line.strip().startswith("AGE-SECRET-KEY-")]
