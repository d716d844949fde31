"""The data file's schema version and the numbered upgrade steps run on open.

Each step takes the raw tables of version N and returns version N+1. Steps are
pure functions on dicts so they can be tested without files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Tables = dict[str, dict[str, Any]]

META_TABLE = "_meta"
CURRENT_SCHEMA = 2


def _v1_to_v2(tables: Tables) -> Tables:
    """Version 1 kept one ``value`` per entry and naive UTC times; version 2 keeps
    a list of ``values`` and ISO 8601 times with an explicit offset."""
    for doc in tables.get("entries", {}).values():
        if "value" in doc and "values" not in doc:
            value = doc.pop("value")
            doc["values"] = [value] if value else []
        for key in ("created", "updated"):
            stamp = doc.get(key)
            if isinstance(stamp, str) and len(stamp) == 19:
                doc[key] = stamp + "+00:00"
    return tables


UPGRADES: dict[int, Callable[[Tables], Tables]] = {1: _v1_to_v2}


def schema_of(tables: Tables) -> int:
    """The schema version recorded in ``tables`` (1 when none is recorded)."""
    meta = tables.get(META_TABLE, {})
    for doc in meta.values():
        if isinstance(doc, dict) and isinstance(doc.get("schema"), int):
            return doc["schema"]
    return 1


def set_schema(tables: Tables, version: int) -> None:
    """Record ``version`` in ``tables``."""
    tables[META_TABLE] = {"1": {"schema": version}}


def upgrade(tables: Tables) -> tuple[Tables, int]:
    """Run every step from the recorded version to :data:`CURRENT_SCHEMA`.

    Returns the upgraded tables and the version they started at.
    """
    start = version = schema_of(tables)
    while version < CURRENT_SCHEMA:
        tables = UPGRADES[version](tables)
        version += 1
    set_schema(tables, version)
    return tables, start
