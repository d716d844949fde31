"""Read one setting before the store is opened, without creating or locking anything.

The command line needs the ``language`` setting before it builds its help
(``coprod --help`` must not create a data folder). Files are replaced
atomically, so reading ``state.json`` without the lock sees a whole file. Any
problem gives ``None``: opening the store later reports it properly.
"""

from __future__ import annotations

import json
from pathlib import Path

from coprod_tui.store.files import STATE_FILE

# Settings and reading progress are small; a larger file is not worth parsing here.
MAX_PEEK_BYTES = 2_000_000


def peek_setting(data_dir: Path, key: str) -> object:
    """The stored value of setting ``key`` in ``data_dir``, or ``None``."""
    path = Path(data_dir) / STATE_FILE
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_PEEK_BYTES + 1)
        if len(raw) > MAX_PEEK_BYTES:
            return None
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return None
    table = data.get("settings") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        return None
    for doc in table.values():
        if isinstance(doc, dict) and doc.get("id") == key:
            return doc.get("value")
    return None
