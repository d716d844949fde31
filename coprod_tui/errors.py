"""Errors that reach the user as one clear line, never a traceback."""

from __future__ import annotations

from coprod_tui.i18n import N_, _


class CoprodError(Exception):
    """A failure the user can understand and act on.

    ``exit_code`` is 1 for failures and 2 for usage errors, as the CLI promises.
    """

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(CoprodError):
    """Bad input on the command line (unknown value, malformed date...)."""

    exit_code = 2


# What an OSError means, in words (the errno names are not for users).
_OS_REASONS = {
    "ENOENT": N_("there is no such file or folder"),
    "EACCES": N_("permission denied"),
    "EPERM": N_("the operation is not permitted"),
    "ENOSPC": N_("the disk is full"),
    "EDQUOT": N_("your disk quota is used up"),
    "EROFS": N_("the file system is read-only"),
    "ENAMETOOLONG": N_("the name is too long"),
    "EEXIST": N_("it already exists"),
    "ENOTDIR": N_("part of the path is not a folder"),
    "EISDIR": N_("it is a folder"),
    "ELOOP": N_("it is a symbolic link (or too many links in the path), which coprod does not follow"),
    "EFBIG": N_("the file is larger than this system allows"),
    "EMFILE": N_("too many files are open"),
    "ENFILE": N_("too many files are open"),
    "EIO": N_("the disk reported an input/output error"),
    "ENXIO": N_("there is no such device"),
    "ENODEV": N_("there is no such device"),
    "EBUSY": N_("it is busy"),
    "ETXTBSY": N_("it is busy"),
    "EINVAL": N_("the name or value is not valid here"),
    "EXDEV": N_("it is on another file system"),
    "ENOTEMPTY": N_("the folder is not empty"),
}


def os_reason(error: OSError) -> str:
    """Why an operating-system call failed, in words (no ``[Errno N]``, no path)."""
    import errno as errno_names

    name = errno_names.errorcode.get(error.errno or -1, "")
    known = _OS_REASONS.get(name)
    return _(known) if known else (error.strerror or str(error)).lower()


def describe_os_error(error: OSError) -> str:
    """An ``OSError`` as one sentence in words: what failed, on which path, and why.

    ``[Errno 36] File name too long: '/x...'`` becomes
    ``cannot use /x...: the name is too long``; long paths are shortened.
    """
    reason = os_reason(error)
    path = error.filename
    if path is None:
        return reason[0].upper() + reason[1:] if reason else _("an operating-system error")
    shown = str(path)
    if len(shown) > 120:
        shown = _("{start}…{end} ({count} characters)").format(
            start=shown[:60], end=shown[-40:], count=len(shown))
    return _("cannot use {path}: {reason}").format(path=shown, reason=reason)


class OSFailure(CoprodError):
    """An operating-system error told in words (see :func:`describe_os_error`)."""

    def __init__(self, error: OSError, doing: str = "") -> None:
        text = describe_os_error(error)
        super().__init__(f"{doing}: {text}" if doing else text)
        self.errno = error.errno
