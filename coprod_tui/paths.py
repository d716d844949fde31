"""Where data and content live. Functions, not import-time constants, so tests
and ``--data-dir`` can change them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "coprod"
DATA_ENV = "COPROD_DATA_DIR"
CONTENT_ENV = "COPROD_CONTENT_DIR"


def default_data_dir() -> Path:
    """The platform's per-user data folder for coprod (honours ``XDG_DATA_HOME``)."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    xdg = os.environ.get("XDG_DATA_HOME", "")
    # The XDG spec says relative values are invalid and must be ignored.
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / APP_NAME


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder in use: ``--data-dir``, then ``COPROD_DATA_DIR``, then the default."""
    if override:
        return Path(override).expanduser().absolute()
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser().absolute()
    return default_data_dir()


def builtin_content_dir() -> Path:
    """The content shipped with the app.

    In a wheel it sits inside the package (``coprod_tui/content``); in a source
    checkout or editable install it is the top-level ``content/`` folder.
    """
    packaged = Path(__file__).resolve().parent / "content"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "content"


def content_pack_dirs(override: list[str] | None = None) -> list[Path]:
    """Extra content folders: ``--content-dir`` values, else ``COPROD_CONTENT_DIR``
    (several folders separated by ``:``)."""
    raw: list[str] = []
    if override:
        for item in override:
            raw.extend(item.split(os.pathsep))
    else:
        raw.extend(os.environ.get(CONTENT_ENV, "").split(os.pathsep))
    return [Path(p).expanduser().absolute() for p in raw if p]
