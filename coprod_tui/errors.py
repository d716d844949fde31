"""Errors that reach the user as one clear line, never a traceback."""

from __future__ import annotations


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
    "ENOENT": "there is no such file or folder",
    "EACCES": "permission denied",
    "EPERM": "the operation is not permitted",
    "ENOSPC": "the disk is full",
    "EDQUOT": "your disk quota is used up",
    "EROFS": "the file system is read-only",
    "ENAMETOOLONG": "the name is too long",
    "EEXIST": "it already exists",
    "ENOTDIR": "part of the path is not a folder",
    "EISDIR": "it is a folder",
    "ELOOP": "it is a symbolic link (or too many links in the path), which coprod does not follow",
    "EFBIG": "the file is larger than this system allows",
    "EMFILE": "too many files are open",
    "ENFILE": "too many files are open",
    "EIO": "the disk reported an input/output error",
    "ENXIO": "there is no such device",
    "ENODEV": "there is no such device",
    "EBUSY": "it is busy",
    "ETXTBSY": "it is busy",
    "EINVAL": "the name or value is not valid here",
    "EXDEV": "it is on another file system",
    "ENOTEMPTY": "the folder is not empty",
}


def os_reason(error: OSError) -> str:
    """Why an operating-system call failed, in words (no ``[Errno N]``, no path)."""
    import errno as errno_names

    name = errno_names.errorcode.get(error.errno or -1, "")
    return _OS_REASONS.get(name) or (error.strerror or str(error)).lower()


def describe_os_error(error: OSError) -> str:
    """An ``OSError`` as one sentence in words: what failed, on which path, and why.

    ``[Errno 36] File name too long: '/x...'`` becomes
    ``cannot use /x...: the name is too long``; long paths are shortened.
    """
    reason = os_reason(error)
    path = error.filename
    if path is None:
        return reason[0].upper() + reason[1:] if reason else "an operating-system error"
    shown = str(path)
    if len(shown) > 120:
        shown = f"{shown[:60]}…{shown[-40:]} ({len(shown)} characters)"
    return f"cannot use {shown}: {reason}"


class OSFailure(CoprodError):
    """An operating-system error told in words (see :func:`describe_os_error`)."""

    def __init__(self, error: OSError, doing: str = "") -> None:
        text = describe_os_error(error)
        super().__init__(f"{doing}: {text}" if doing else text)
        self.errno = error.errno
