"""Reading a trainer-editable JSON content file with one clear error line.

Content packs are untrusted: every text in a content file (keys included) comes
back with its control characters made visible (``ESC`` as ``^[``), so nothing a
pack holds can drive the terminal of whoever reads it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coprod_tui.domain.text import make_visible

#: The most a content file may hold. Sections are a few thousand words; this is
#: a hundred times more. Only this much is ever read, whatever the file claims.
MAX_CONTENT_BYTES = 2 * 1024 * 1024


def read_limited_text(path: Path, limit: int = MAX_CONTENT_BYTES) -> str:
    """The UTF-8 text of ``path``, reading at most ``limit`` bytes.

    Raises ``ValueError`` naming the limit when the file is larger (a FIFO or
    ``/dev/zero`` stops there too), and the usual ``OSError`` or
    ``UnicodeDecodeError``. Line endings become ``\n`` as ``read_text`` does.
    """
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than {limit // (1024 * 1024)} MB; content files must be smaller")
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def visible_strings(value: Any) -> Any:
    """``value`` (parsed JSON) with every string, keys included, through ``make_visible``."""
    if isinstance(value, str):
        return make_visible(value)
    if isinstance(value, list):
        return [visible_strings(item) for item in value]
    if isinstance(value, dict):
        return {make_visible(str(key)): visible_strings(item) for key, item in value.items()}
    return value


def read_content_json(path: Path, error: Callable[[str], Exception]) -> Any:
    """Parse ``path``; failures raise ``error(message)`` naming the file and the problem.

    Every string in the result has its control characters made visible.

    Messages: ``PATH: the file is missing``, ``PATH: cannot read: REASON`` or
    ``PATH: not valid JSON at line L, column C: WHAT``.
    """
    where = make_visible(str(path))
    try:
        text = read_limited_text(path)
    except FileNotFoundError:
        raise error(f"{where}: the file is missing") from None
    except OSError as problem:
        raise error(f"{where}: cannot read: {problem.strerror or problem}") from None
    except UnicodeDecodeError as problem:
        raise error(f"{where}: cannot read: not UTF-8 text ({problem.reason})") from None
    except ValueError as problem:
        raise error(f"{where}: cannot read: {problem}") from None
    try:
        data = json.loads(text)
        return visible_strings(data)
    except RecursionError:
        raise error(f"{where}: nested too deeply to be a content file") from None
    except json.JSONDecodeError as problem:
        raise error(
            f"{where}: not valid JSON at line {problem.lineno}, column {problem.colno}: "
            f"{problem.msg}"
        ) from None
