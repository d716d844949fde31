"""The one place that touches data files: the :class:`Store` repository.

Screens and the CLI share this API. Tables live in three files so that the
frequent small writes (drafts on a timer, settings, reading place) never
rewrite the large journal file:

- ``coprod.json``: entries, trash, exercises, stocktakes (backed up daily);
- ``state.json``: settings and reading progress;
- ``drafts.json``: unsaved writing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from coprod_tui.core.clock import now_iso
from coprod_tui.core.store import backups
from coprod_tui.core.store.crypto import (
    IDENTITY_FILE,
    Cipher,
    Key,
    LockedError,
    identity_signature,
    is_encrypted,
)
from coprod_tui.core.store.errors import (
    CorruptDataError,
    NewerSchemaError,
    StoreError,
    UnsafeLocationError,
    WriteFailedError,
)
from coprod_tui.core.store.files import (
    DRAFTS_FILE,
    FILES,
    LOCK_FILE,
    MAIN_FILE,
    STATE_FILE,
    TABLE_FILES,
)
from coprod_tui.core.store.lock import FileLock
from coprod_tui.core.store.privacy import (
    check_private_file,
    ensure_private_dir,
    folder_identity,
    read_nofollow,
)
from coprod_tui.core.store.schema import CURRENT_SCHEMA, schema_of, upgrade
from coprod_tui.core.store.session import Doc, Session
from coprod_tui.core.store.storage import (
    AtomicJSONStorage,
    FileCache,
    UnreadableFileError,
    remove_stale_temps,
)
from coprod_tui.i18n import _

__all__ = ["DRAFTS_FILE", "FILES", "LOCK_FILE", "MAIN_FILE", "STATE_FILE", "TABLE_FILES", "Store"]
T = TypeVar("T")


class Store:
    """Private, crash-proof TinyDB storage in one data folder.

    Construct with :meth:`open`, which checks permissions, upgrades old files,
    refuses corrupt or newer ones and keeps a daily backup.
    """

    def __init__(self, data_dir: Path, key: Key | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.lock = FileLock(self.data_dir / LOCK_FILE, guard=self.check_folder)
        # Shared by every storage: plaintext until :meth:`prepare` finds the
        # folder encrypted; then the key comes and goes (unlock, idle lock).
        self.cipher = Cipher(key, encrypted=key is not None)
        # The folder's (device, inode, owner, mode) when it was checked at open:
        # a folder moved or swapped meanwhile must never receive a save.
        self._identity: tuple[int, int, int, int] | None = None
        self._storages = {
            name: AtomicJSONStorage(self.data_dir / name, FileCache(), self.cipher)
            for name in FILES
        }
        # Values computed from the main file, each kept with the file signature
        # it was computed from (see :meth:`derived`).
        self._derived: dict[str, tuple[Any, Any]] = {}
        self._derived_lock = threading.RLock()
        self._prepared = False

    # -- opening ----------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, key: Key | None = None) -> Store:
        """Prepare ``data_dir`` and return a ready store (raises :class:`StoreError`).

        An encrypted folder needs ``key`` (:func:`crypto.unlock`).
        """
        store = cls(data_dir, key)
        store.prepare()
        return store

    # -- encryption ---------------------------------------------------------------
    @property
    def key(self) -> Key | None:
        """The unlocked key of an encrypted journal (``None``: plaintext or locked)."""
        return self.cipher.key

    @property
    def encrypted(self) -> bool:
        """Whether this store's files are encrypted."""
        return self.cipher.encrypted

    def set_key(self, key: Key) -> None:
        """Use ``key`` from now on (after the passphrase was asked again)."""
        self.cipher.key = key
        self.cipher.encrypted = True

    def forget_key(self) -> None:
        """Drop the key and every decrypted copy held in memory (the idle lock)."""
        with self.lock.held():
            self.cipher.forget()
            for storage in self._storages.values():
                storage.cache.clear()
        with self._derived_lock:
            self._derived.clear()

    def _check_mode(self) -> None:
        """Refuse when another session encrypted, decrypted or re-keyed the
        journal since this one opened it: a save now would be in the wrong form
        or to a key nobody can open."""
        now = identity_signature(self.data_dir)
        if self.cipher.encrypted:
            if self.cipher.key is None:
                raise LockedError(_("the journal is locked: give the passphrase again"))
            if now != self.cipher.key.signature:
                raise StoreError(_(
                    "another coprod session changed the passphrase or turned encryption "
                    "off since this one opened the journal; nothing was read or saved. "
                    "What you typed is still here: start coprod again to go on"))
        elif now is not None:
            raise StoreError(_(
                "another coprod session encrypted the journal since this one opened it; "
                "nothing was read or saved. Start coprod again (it asks for the passphrase)"))

    @property
    def path(self) -> Path:
        """The main data file."""
        return self.data_dir / MAIN_FILE

    def file(self, name: str) -> Path:
        """The path of one of :data:`FILES`."""
        return self.data_dir / name

    def check_folder(self) -> None:
        """Refuse (:class:`UnsafeLocationError`) if the data folder is no longer
        the one checked at open: moved, replaced, or its owner or mode changed.

        Called before every read and save (by the lock), so a folder swapped
        while the app is open neither receives the next save nor shows
        entries planted in it.
        """
        if self._identity is None:
            return
        try:
            now = folder_identity(self.data_dir)
        except OSError:
            now = None
        if now != self._identity:
            raise UnsafeLocationError(
                _("the data folder {folder} was moved, replaced or changed since "
                  "coprod opened it; nothing was read or saved. What you typed is still "
                  "here: check the folder (`coprod where`), then start coprod again").format(
                      folder=self.data_dir)
            )

    def prepare(self) -> None:
        """Check privacy, then load, validate and upgrade every file."""
        ensure_private_dir(self.data_dir)
        self._identity = folder_identity(self.data_dir)
        for name in (*FILES, LOCK_FILE, IDENTITY_FILE):
            check_private_file(self.data_dir / name)
        if is_encrypted(self.data_dir):
            if self.cipher.key is None:
                raise LockedError(
                    _("the journal in {folder} is encrypted: give its passphrase "
                      "(asked on a terminal, or --passphrase-file FILE)").format(
                          folder=self.data_dir))
            self.cipher.encrypted = True
        else:
            self.cipher.key = None
            self.cipher.encrypted = False
        self._prepared = True
        with self.lock.held():
            # Encrypted or decrypted by another session since the check above.
            self._check_mode()
            # Data files and backups are only written under this lock, so any
            # temporary file of theirs is left over from a killed process.
            for name in FILES:
                remove_stale_temps(self.data_dir, f".{name}.*.tmp")
            remove_stale_temps(backups.backup_dir(self.data_dir), ".coprod-*.json.*.tmp")
            for name in FILES:
                self._load(name)

    def _corrupt(self, name: str, detail: str) -> CorruptDataError:
        if name != MAIN_FILE:
            return CorruptDataError(self.data_dir / name, detail, None, small=True)
        return CorruptDataError(self.data_dir / name, detail,
                                backups.newest_good_backup(self.data_dir, self.cipher.key))

    def _load(self, name: str) -> None:
        path = self.data_dir / name
        storage = self._storages[name]
        try:
            data = storage.read()
        except UnreadableFileError as error:
            raise self._corrupt(name, str(error)) from error
        if data is None:
            return
        version = schema_of(data)
        if version > CURRENT_SCHEMA:
            raise NewerSchemaError(path, version, CURRENT_SCHEMA)
        # The bytes are read again only when today's backup needs them, and not
        # held while the file is parsed: at 10,000 entries each copy is ~27 MB of
        # peak memory. Nothing else writes the file while we hold the lock.
        raw = None
        if name == MAIN_FILE and backups.daily_backup_due(self.data_dir):
            try:
                raw = read_nofollow(path)
            except FileNotFoundError:
                return
        if version < CURRENT_SCHEMA:
            backups.keep_copy(self.data_dir, path, f"schema{version}")
            upgraded, _changes = upgrade(data)
            storage.write(upgraded)
        if raw is not None:
            try:
                backups.daily_backup(self.data_dir, raw)
            except (WriteFailedError, OSError):
                # A full or read-only disk must not lock the user out of a good
                # journal; saves will say why they fail, and the backup is
                # tried again at the next open.
                pass

    # -- sessions ---------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """Hold the lock, yield a :class:`Session`, write once at the end.

        Raises :class:`CorruptDataError` if a file became unreadable meanwhile.
        """
        with self.lock.held():
            if self._prepared:
                self._check_mode()
            session = Session(self._storages, TABLE_FILES, MAIN_FILE)
            try:
                yield session
                session.commit()
            except UnreadableFileError as error:
                session.abandon()
                name = error.path.name if error.path is not None else MAIN_FILE
                raise self._corrupt(name, str(error)) from error
            except BaseException:
                session.abandon()
                raise

    # -- generic records ----------------------------------------------------------
    def all(self, table: str) -> list[Doc]:
        """Every record of ``table``."""
        with self.session() as s:
            return s.all(table)

    def get(self, table: str, record_id: str) -> Doc | None:
        """One record by id."""
        with self.session() as s:
            return s.get(table, record_id)

    def count(self, table: str) -> int:
        """Number of records in ``table``."""
        with self.session() as s:
            return s.count(table)

    def insert(self, table: str, doc: Doc) -> Doc:
        """Add a record (an id is assigned if missing)."""
        with self.session() as s:
            return s.insert(table, doc)

    def put(self, table: str, doc: Doc) -> Doc:
        """Insert or replace a record by id."""
        with self.session() as s:
            return s.put(table, doc)

    def update(self, table: str, record_id: str, fields: Doc) -> bool:
        """Change fields of one record."""
        with self.session() as s:
            return s.update(table, record_id, fields)

    def remove(self, table: str, record_id: str) -> bool:
        """Delete one record."""
        with self.session() as s:
            return s.remove(table, record_id)

    def derived(self, key: str, build: Callable[[Store], T]) -> T:
        """``build(self)``, computed once per change of the main file and shared.

        For views of the whole journal (the search index, home's summary): the
        10,000-entry journal is turned into objects once per save, not once per
        screen or per visit. Callers must not change what they get back.
        Concurrent callers wait for one build rather than each doing it.
        """
        storage = self._storages[MAIN_FILE]
        with self._derived_lock:
            with self.lock.held():
                try:
                    storage.read()
                except UnreadableFileError:
                    pass  # ``build`` reads again and reports it properly
                signature = storage.cache.signature
            kept = self._derived.get(key)
            if signature is not None and kept is not None and kept[0] == signature:
                return kept[1]
            value = build(self)
            self._derived[key] = (signature, value)
            return value

    # -- settings -------------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        """A setting's value, or ``default``."""
        doc = self.get("settings", key)
        return doc["value"] if doc is not None else default

    def set_setting(self, key: str, value: Any) -> None:
        """Remember a setting."""
        self.put("settings", {"id": key, "value": value})

    def settings(self) -> dict[str, Any]:
        """Every setting as a dict."""
        return {doc["id"]: doc.get("value") for doc in self.all("settings")}

    # -- drafts -----------------------------------------------------------------------
    def save_draft(self, key: str, data: dict[str, Any]) -> None:
        """Keep unsaved work under ``key`` (what is being edited)."""
        self.put("drafts", {"id": key, "data": data, "saved": now_iso()})

    def load_draft(self, key: str) -> dict[str, Any] | None:
        """The draft saved under ``key``, or ``None``."""
        doc = self.get("drafts", key)
        return doc["data"] if doc is not None else None

    def discard_draft(self, key: str) -> None:
        """Forget the draft under ``key``."""
        self.remove("drafts", key)

    def drafts(self) -> list[Doc]:
        """Every draft, newest first."""
        return sorted(self.all("drafts"), key=lambda d: d.get("saved", ""), reverse=True)

    # -- diagnostics --------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Records per table across every file (for ``coprod check``)."""
        result: dict[str, int] = {}
        with self.session():
            for storage in self._storages.values():
                data = storage.read() or {}
                for table, docs in data.items():
                    if not table.startswith("_"):
                        result[table] = result.get(table, 0) + len(docs)
        return dict(sorted(result.items()))
