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
