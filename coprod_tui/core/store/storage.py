"""A TinyDB ``Storage`` that never leaves a half-written file.

TinyDB's ``JSONStorage`` rewrites the file in place, so a write that fails
half way (disk full, quota, a killed process) destroys the journal. Here every
write goes to a temporary 0600 file in the same folder, is fsynced, replaces
the old file with ``os.replace`` and then the folder is fsynced. The parsed data
is cached against the file's identity so it is parsed once per change, not once
per query.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

from coprod_tui.core.store.errors import WriteFailedError
from coprod_tui.core.store.privacy import open_private, read_nofollow
from coprod_tui.i18n import _

if TYPE_CHECKING:
    from coprod_tui.core.store.crypto import Cipher, Key

Signature = tuple[int, int, int, int]


class UnreadableFileError(Exception):
    """Raised by :class:`AtomicJSONStorage` when the file is not valid data.

    ``path`` names the file when the storage knows it.
    """

    path: Path | None = None


def _signature(st: os.stat_result) -> Signature:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; the file is created 0600.

    On failure the previous file is untouched, the temporary file removed, and
    :class:`WriteFailedError` raised.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        fd = open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as error:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise WriteFailedError(path, error) from error


def remove_stale_temps(folder: Path, pattern: str) -> list[Path]:
    """Delete temporary files matching ``pattern`` (e.g. ``.coprod.json.*.tmp``) left
    by a writer killed between creating and renaming them.

    Call only while holding the store lock, and only for names every writer
    writes under that lock, so no live write's temporary file can match.
    """
    removed = []
    for tmp in folder.glob(pattern):
        try:
            tmp.unlink()
        except FileNotFoundError:
            continue
        removed.append(tmp)
    return removed


class FileCache:
    """The last parsed content of one file, keyed by (device, inode, size, mtime).

    The cached file is kept open ("pinned") so that its inode number cannot be
    given to a later file while it is cached: where a file system records times
    to the second (ext3, some NFS servers), another session replacing the file
    twice within a second at the same size would otherwise look like no change,
    and our next save would silently drop theirs.
    """

    def __init__(self) -> None:
        self.signature: Signature | None = None
        self.data: dict[str, Any] | None = None
        self._pinned: int | None = None

    def clear(self) -> None:
        """Forget the cached content (after a failed write mutated it)."""
        self.signature = None
        self.data = None
        if self._pinned is not None:
            fd, self._pinned = self._pinned, None
            os.close(fd)

    def keep(self, fd: int, data: dict[str, Any]) -> None:
        """Cache ``data`` as the content of the open file ``fd`` (which it now owns)."""
        self.clear()
        self._pinned = fd
        self.signature = _signature(os.fstat(fd))
        self.data = data

    def __del__(self) -> None:
        try:
            self.clear()
        except OSError:
            pass


def read_json_file(path: Path, key: Key | None = None) -> dict[str, Any] | None:
    """Parse a data file (plain, or an age file opened with ``key``); ``None`` if
    it does not exist.

    Raises :class:`UnreadableFileError` for empty, truncated or malformed files.
    """
    try:
        raw = read_nofollow(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnreadableFileError(
                _("it is a symbolic link, which coprod never follows")) from None
        raise
    return parse_tables(plain_bytes(raw, key))


def plain_bytes(raw: bytes, key: Key | None) -> bytes:
    """The JSON bytes of a data file that may be an age file.

    Raises :class:`UnreadableFileError` when it is encrypted and ``key`` cannot
    open it (or none is given), or the age file is damaged or cut short.
    """
    from coprod_tui.core.store.crypto import DecryptFailed, LockedError, decode, is_age

    if not is_age(raw):
        return raw
    try:
        return decode(raw, key)
    except LockedError:
        raise UnreadableFileError(
            _("it is encrypted and no passphrase was given for it")) from None
    except DecryptFailed:
        raise UnreadableFileError(
            _("it is an encrypted (age) file that is damaged, cut short, or not encrypted "
              "to this journal's key")) from None


def parse_tables(raw: bytes) -> dict[str, Any]:
    """Parse the bytes of a data file (see :func:`read_json_file`)."""
    if not raw.strip():
        raise UnreadableFileError(_("the file is empty"))
    try:
        # Decode as json.loads would, then drop the bytes before parsing: one
        # copy of the file less in memory at the peak (27 MB at 10,000 entries).
        text = raw.decode(json.detect_encoding(raw), "surrogatepass")
        del raw
        data = json.loads(text)
    except json.JSONDecodeError as error:
        # Where, in numbers: Python's own wording of what is wrong is English only.
        raise UnreadableFileError(_("it is not valid JSON (line {line}, column {column})").format(
            line=error.lineno, column=error.colno)) from error
    except UnicodeDecodeError as error:
        raise UnreadableFileError(_("it is not valid JSON (not readable as UTF-8 text)")) \
            from error
    except ValueError as error:
        raise UnreadableFileError(_("it is not valid JSON")) from error
    except RecursionError:
        # A planted or restored file nested thousands deep: a message, not a traceback.
        raise UnreadableFileError(_("it is nested too deeply to be coprod data")) from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise UnreadableFileError(_("it does not hold coprod tables"))
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic, private, durable writes and a parse cache."""

    def __init__(self, path: Path, cache: FileCache | None = None,
                 cipher: Cipher | None = None) -> None:
        self.path = Path(path)
        self.cache = cache if cache is not None else FileCache()
        # Shared with the store: the key comes and goes (unlock, idle lock).
        self.cipher = cipher

    def read(self) -> dict[str, Any] | None:
        """Return the file's tables, parsing only if the file changed."""
        try:
            st = os.lstat(self.path)
        except FileNotFoundError:
            self.cache.clear()
            return None
        if self.cache.signature == _signature(st) and self.cache.data is not None:
            return self.cache.data
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
        except FileNotFoundError:
            self.cache.clear()
            return None
        except OSError as error:
            if error.errno != errno.ELOOP:
                raise
            problem = UnreadableFileError(_("it is a symbolic link, which coprod never follows"))
            problem.path = self.path
            raise problem from None
        try:
            key = self.cipher.key if self.cipher is not None else None
            with open(fd, "rb", closefd=False) as handle:
                data = parse_tables(plain_bytes(handle.read(), key))
        except BaseException as error:
            os.close(fd)
            if isinstance(error, UnreadableFileError):
                error.path = self.path
            raise
        self.cache.keep(fd, data)
        return data

    def write(self, data: dict[str, Any]) -> None:
        """Serialise and atomically replace the file."""
        try:
            # Tables parsed from JSON cannot hold cycles; skipping the check makes
            # serialising (most of a save's cost) 6-14% faster.
            payload = json.dumps(
                data, separators=(",", ":"), check_circular=False
            ).encode("utf-8")
            if self.cipher is not None:
                payload = self.cipher.encode(payload)
            atomic_write_bytes(self.path, payload)
            fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
        except BaseException:
            # TinyDB mutated the cached dict before calling write: drop it.
            self.cache.clear()
            raise
        self.cache.keep(fd, data)
