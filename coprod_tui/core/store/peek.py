"""Read-only looks at small files before the store is opened (start-up path).

These never lock, create or change anything; problems are reported later by
the store proper (or, for the keymap, returned as a message).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from coprod_tui.core.store.files import STATE_FILE
from coprod_tui.core.store.privacy import read_nofollow
from coprod_tui.core.store.storage import read_json_file
from coprod_tui.i18n import _

KEYMAP_FILE = "keymap.json"


def peek_setting(data_dir: Path, key: str) -> Any:
    """A setting from ``state.json`` without opening the store (``None`` if absent)."""
    try:
        data = read_json_file(data_dir / STATE_FILE) or {}
    except Exception:  # noqa: BLE001 - the store reports problems properly later
        return None
    for doc in data.get("settings", {}).values():
        if isinstance(doc, dict) and doc.get("id") == key:
            return doc.get("value")
    return None


def read_keymap(data_dir: Path) -> tuple[dict[str, str], str | None]:
    """Read ``keymap.json`` (binding id -> keys); returns (keymap, problem or None)."""
    path = data_dir / KEYMAP_FILE
    try:
        raw = read_nofollow(path).decode("utf-8")
    except FileNotFoundError:
        return {}, None
    except UnicodeDecodeError:
        return {}, _("{path} is not UTF-8 text; default keys are in use").format(path=path)
    except OSError as error:
        from coprod_tui.errors import os_reason

        return {}, _("cannot read {path}: {reason}; default keys are in use").format(
            path=path, reason=os_reason(error))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        return {}, _("{path} is not valid JSON (line {line}, column {column}); default keys "
                     "are in use").format(path=path, line=error.lineno, column=error.colno)
    except ValueError:
        return {}, _("{path} is not valid JSON; default keys are in use").format(path=path)
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in data.items()
    ):
        return {}, _(
            "{path} must map binding ids to keys, e.g. {example}; default keys are in use"
        ).format(path=path, example='{"quit": "ctrl+x"}')
    return data, None
