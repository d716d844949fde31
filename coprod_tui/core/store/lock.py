"""An ``fcntl.flock`` lock around each read-modify-write, shared by every
coprod process of the same user (two SSH logins, the TUI and the CLI)."""

from __future__ import annotations

import errno
import fcntl
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from coprod_tui.core.store.errors import UnsafeLocationError, WriteFailedError
from coprod_tui.core.store.privacy import open_private
from coprod_tui.i18n import _


class FileLock:
    """A re-entrant exclusive lock on ``path`` (created 0600).

    Re-entrant within one process so that a repository method may call another;
    a ``threading.RLock`` keeps threads of one process (UI worker and timer) in line.
    """

    def __init__(self, path: Path, guard: Callable[[], None] | None = None) -> None:
        self.path = path
        # Called before the lock file is opened and again once the lock is held
        # (the store checks its folder was not moved or replaced); it raises to refuse.
        self.guard = guard
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the duration of the ``with`` block."""
        with self._thread_lock:
            if self._depth == 0:
                if self.guard is not None:
                    self.guard()
                fd = self._open()
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                    if self.guard is not None:
                        self.guard()
                except BaseException:
                    os.close(fd)
                    raise
                self._fd = fd
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._fd is not None:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
                    os.close(self._fd)
                    self._fd = None

    def _open(self) -> int:
        """Open (or create, 0600) the lock file.

        On a read-only file system (ext4 remounts read-only after disk errors)
        the lock is taken on a read-only descriptor, which ``flock`` accepts,
        so reading still works and a save fails later with a clear
        :class:`WriteFailedError` instead of a raw ``OSError``.
        """
        try:
            return open_private(self.path, os.O_RDWR | os.O_CREAT)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise UnsafeLocationError(
                    _("refusing to use {path}: it is a symbolic link; remove it "
                      "(coprod makes its own lock file)").format(path=self.path)
                ) from None
            if error.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise WriteFailedError(self.path.parent, error) from error
            try:
                return os.open(self.path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
            except OSError:
                raise WriteFailedError(self.path.parent, error) from error
