"""Storage failures, each with a message that says what happened and what to do."""

from __future__ import annotations

import errno
from pathlib import Path

from coprod_tui.errors import CoprodError


class StoreError(CoprodError):
    """Base class for every storage failure."""


class CorruptDataError(StoreError):
    """The data file cannot be read. It is left exactly as it is."""

    def __init__(self, path: Path, detail: str, newest_backup: Path | None,
                 small: bool = False) -> None:
        if small:
            # settings or drafts: losing them is better than being locked out
            hint = (
                f"it only holds {'unsaved drafts' if 'draft' in path.name else 'settings and reading progress'}; "
                f"move it aside (mv {path} {path}.broken) and coprod starts afresh with it"
            )
        elif newest_backup:
            hint = (
                f"the newest good backup is {newest_backup}; "
                f"run `coprod restore {newest_backup.name}` to put it back"
            )
        else:
            hint = "no backup was found"
        super().__init__(
            f"cannot read {path}: {detail}. Nothing was changed; {hint}."
        )
        self.path = path
        self.newest_backup = newest_backup


class NewerSchemaError(StoreError):
    """The file was written by a newer version of coprod."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} was written by a newer version of coprod (data version {found}, "
            f"this version reads up to {supported}). Nothing was changed; "
            "upgrade coprod to open it."
        )


class UnsafeLocationError(StoreError):
    """The data folder or a file in it could be read or changed by someone else."""


_WRITE_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EFBIG: "the file is larger than this system allows",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}


class WriteFailedError(StoreError):
    """A save failed; the file on disk is unchanged."""

    def __init__(self, path: Path, error: OSError) -> None:
        reason = _WRITE_REASONS.get(error.errno or 0, error.strerror or str(error))
        super().__init__(
            f"could not save to {path}: {reason}. The file on disk is unchanged "
            "and what you typed is still here; free some space or fix the folder, "
            "then save again."
        )
        self.errno = error.errno
