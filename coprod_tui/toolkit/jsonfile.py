"""Reading a trainer-editable JSON content file with one clear error line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any


def read_content_json(path: Path, error: Callable[[str], Exception]) -> Any:
    """Parse ``path``; failures raise ``error(message)`` naming the file and the problem.

    Messages: ``PATH: the file is missing``, ``PATH: cannot read: REASON`` or
    ``PATH: not valid JSON at line L, column C: WHAT``.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"{path}: the file is missing") from None
    except OSError as problem:
        raise error(f"{path}: cannot read: {problem.strerror or problem}") from None
    except UnicodeDecodeError as problem:
        raise error(f"{path}: cannot read: not UTF-8 text ({problem.reason})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as problem:
        raise error(
            f"{path}: not valid JSON at line {problem.lineno}, column {problem.colno}: "
            f"{problem.msg}"
        ) from None
