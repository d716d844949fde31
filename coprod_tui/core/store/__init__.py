"""Persistence: the only package that touches data files. Never imports textual.

Names are imported on first use (PEP 562) so that the full-screen app's start
path does not pay for TinyDB and the repository before home is drawn.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "CorruptDataError": "coprod_tui.core.store.errors",
    "NewerSchemaError": "coprod_tui.core.store.errors",
    "StoreError": "coprod_tui.core.store.errors",
    "UnsafeLocationError": "coprod_tui.core.store.errors",
    "WriteFailedError": "coprod_tui.core.store.errors",
    "FILES": "coprod_tui.core.store.files",
    "MAIN_FILE": "coprod_tui.core.store.files",
    "Store": "coprod_tui.core.store.repository",
}

__all__ = [
    "FILES",
    "MAIN_FILE",
    "CorruptDataError",
    "NewerSchemaError",
    "Store",
    "StoreError",
    "UnsafeLocationError",
    "WriteFailedError",
]

if TYPE_CHECKING:
    from coprod_tui.core.store.errors import (
        CorruptDataError,
        NewerSchemaError,
        StoreError,
        UnsafeLocationError,
        WriteFailedError,
    )
    from coprod_tui.core.store.files import FILES, MAIN_FILE
    from coprod_tui.core.store.repository import Store


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
