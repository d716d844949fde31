"""Helpers shared by subcommands: resolving folders and opening the store."""

from __future__ import annotations

import argparse
from pathlib import Path

from coprod_tui import paths
from coprod_tui.core.store import Store
from coprod_tui.errors import OSFailure
from coprod_tui.i18n import _


def data_dir(args: argparse.Namespace) -> Path:
    """The data folder chosen by ``--data-dir``, ``COPROD_DATA_DIR`` or the default."""
    return paths.data_dir(getattr(args, "data_dir", None))


def content_dirs(args: argparse.Namespace) -> list[Path]:
    """Content pack folders chosen by ``--content-dir`` or ``COPROD_CONTENT_DIR``."""
    return paths.content_pack_dirs(getattr(args, "content_dir", None))


def open_store(args: argparse.Namespace) -> Store:
    """Open (and check) the user's store; raises ``StoreError`` or :class:`OSFailure`
    (a new folder on a read-only disk...) with a clear message."""
    folder = data_dir(args)
    try:
        return Store.open(folder)
    except OSError as error:
        raise OSFailure(error, _("cannot open the data folder {folder}").format(
            folder=folder)) from None


def is_terminal(stream: object) -> bool:
    """True when ``stream`` is an interactive terminal."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
