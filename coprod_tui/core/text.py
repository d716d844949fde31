"""Showing user text exactly as typed, never as markup or terminal escapes."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _caret(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


def make_visible(text: str) -> str:
    """Replace control characters (ESC, BEL, CR...) with visible caret forms.

    ``"\\x1b[31mred"`` becomes ``"^[[31mred"``: printed in a terminal it shows
    the characters instead of turning text red. Tabs and newlines are kept.
    """
    return _CONTROL.sub(_caret, text)


def one_line(text: str, width: int = 70) -> str:
    """A visible single-line preview of ``text`` cut to ``width`` characters."""
    flat = " ".join(make_visible(text).split())
    return flat if len(flat) <= width else flat[: max(width - 1, 1)] + "…"


# C1 controls and DEL are legal inside JSON strings, and json.dumps writes them
# raw when non-ASCII is kept, but some terminals act on them (U+009B is CSI).
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f]")


def json_text(data: object, indent: int | None = 2) -> str:
    """``data`` as readable JSON (non-ASCII kept) holding nothing a terminal acts on.

    C0 controls are escaped by ``json`` itself; DEL and C1 controls are written
    as ``\\u`` escapes, so the text reads back the same and prints safely.
    """
    import json

    text = json.dumps(data, indent=indent, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
