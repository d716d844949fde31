"""Storage failures, each with a message that says what happened and what to do."""

from __future__ import annotations

import errno
from pathlib import Path

from coprod_tui.errors import CoprodError, os_reason
from coprod_tui.i18n import N_, _


class StoreError(CoprodError):
    """Base class for every storage failure."""


class CorruptDataError(StoreError):
    """The data file cannot be read. It is left exactly as it is."""

    def __init__(self, path: Path, detail: str, newest_backup: Path | None,
                 small: bool = False) -> None:
        if small:
            # settings or drafts: losing them is better than being locked out
            holds = (_("unsaved drafts") if "draft" in path.name
                     else _("settings and reading progress"))
            hint = _("it only holds {what}; move it aside ({command}) and coprod starts "
                     "afresh with it").format(what=holds, command=f"mv {path} {path}.broken")
        elif newest_backup:
            hint = _("the newest good backup is {path}; run {command} to put it back").format(
                path=newest_backup, command=f"`coprod restore {newest_backup.name}`")
        else:
            hint = _("no backup was found")
        super().__init__(
            _("cannot read {path}: {problem}. Nothing was changed; {hint}.").format(
                path=path, problem=detail, hint=hint)
        )
        self.path = path
        self.newest_backup = newest_backup


class NewerSchemaError(StoreError):
    """The file was written by a newer version of coprod."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            _("{path} was written by a newer version of coprod (data version {found}, "
              "this version reads up to {supported}). Nothing was changed; "
              "upgrade coprod to open it.").format(path=path, found=found, supported=supported)
        )


class UnsafeLocationError(StoreError):
    """The data folder or a file in it could be read or changed by someone else."""


_WRITE_REASONS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("your disk quota is used up"),
    errno.EFBIG: N_("the file is larger than this system allows"),
    errno.EROFS: N_("the file system is read-only"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
}


class WriteFailedError(StoreError):
    """A save failed; the file on disk is unchanged."""

    def __init__(self, path: Path, error: OSError) -> None:
        known = _WRITE_REASONS.get(error.errno or 0)
        reason = _(known) if known else os_reason(error)
        super().__init__(
            _("could not save to {path}: {reason}. The file on disk is unchanged "
              "and what you typed is still here; free some space or fix the folder, "
              "then save again.").format(path=path, reason=reason)
        )
        self.errno = error.errno
