"""Persistence: the only package that touches data files. Never imports textual."""

from coprod_tui.store.errors import (
    CorruptDataError,
    NewerSchemaError,
    StoreError,
    UnsafeLocationError,
    WriteFailedError,
)
from coprod_tui.store.repository import FILES, MAIN_FILE, Store

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
