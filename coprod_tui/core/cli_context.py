"""Helpers shared by subcommands: resolving folders and opening the store."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_tui import paths
from coprod_tui.core.store import Store
from coprod_tui.errors import CoprodError, OSFailure
from coprod_tui.i18n import _

if TYPE_CHECKING:
    from coprod_tui.core.store.crypto import Key


def data_dir(args: argparse.Namespace) -> Path:
    """The data folder chosen by ``--data-dir``, ``COPROD_DATA_DIR`` or the default."""
    return paths.data_dir(getattr(args, "data_dir", None))


def content_dirs(args: argparse.Namespace) -> list[Path]:
    """Content pack folders chosen by ``--content-dir`` or ``COPROD_CONTENT_DIR``."""
    return paths.content_pack_dirs(getattr(args, "content_dir", None))


def passphrase_file(args: argparse.Namespace) -> Path | None:
    """The file ``--passphrase-file`` or ``$COPROD_PASSPHRASE_FILE`` names, if any."""
    from coprod_tui.core.store.crypto import ENV_PASSPHRASE_FILE

    given = getattr(args, "passphrase_file", None) or os.environ.get(ENV_PASSPHRASE_FILE)
    return Path(given).expanduser() if given else None


def ask_passphrase(args: argparse.Namespace, prompt: str | None = None) -> str:
    """The passphrase: from the passphrase file if one is given, else asked on
    the terminal without echo (never from argv or the environment)."""
    from coprod_tui.core.store.crypto import read_passphrase_file

    given = passphrase_file(args)
    if given is not None:
        return read_passphrase_file(given)
    if not is_terminal(sys.stdin):
        raise CoprodError(_("the journal is encrypted: run this on a terminal to be asked for "
                            "the passphrase, or give --passphrase-file FILE (readable only by "
                            "you)"))
    import getpass

    return getpass.getpass(_("Passphrase: ") if prompt is None else prompt)


def unlock_key(args: argparse.Namespace, folder: Path) -> Key | None:
    """The key of an encrypted journal (asking for the passphrase once); ``None``
    for a plaintext one. A wrong passphrase raises (exit 1), nothing changed."""
    from coprod_tui.core.store.crypto import is_encrypted, unlock

    if not is_encrypted(folder):
        return None
    return unlock(folder, ask_passphrase(args))


def open_store(args: argparse.Namespace) -> Store:
    """Open (and check) the user's store; raises ``StoreError`` or :class:`OSFailure`
    (a new folder on a read-only disk...) with a clear message. An encrypted
    journal's passphrase is asked for (or read from ``--passphrase-file``)."""
    folder = data_dir(args)
    try:
        return Store.open(folder, unlock_key(args, folder))
    except OSError as error:
        raise OSFailure(error, _("cannot open the data folder {folder}").format(
            folder=folder)) from None


def is_terminal(stream: object) -> bool:
    """True when ``stream`` is an interactive terminal."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
