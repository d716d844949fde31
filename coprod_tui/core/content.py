"""Reading untrusted files with limits, content text made safe to show, one
cache for every content file, and one declarative shape checker.

Shared by imports (``store/importer.py``) and content packs (manifests,
section files, trainer-editable JSON). Limits are on what is actually read,
never on what ``stat`` says a file's size is: ``/dev/zero``, a FIFO or a
file growing while read report a small size or none. Content packs are
untrusted: every text in a content file (keys included) comes back with its
control characters made visible (``ESC`` as ``^[``), so nothing a pack holds
can drive the terminal of whoever reads it.

Every loader of a content file (``values.json``, ``stocktake.json``, the
spectrum and complexity scenarios, the reading manifests) reads through
:func:`read_content_json`, keeps its result in the one :func:`cached` store
(keyed by the files it read and their modification times, so an edited pack is
read again), and checks the shape of its objects with :func:`check_shape`
against a spec of field -> :class:`Field`, rather than by hand.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from coprod_tui.core.text import make_visible
from coprod_tui.i18n import N_, _

# Sections are a few thousand words; this is a hundred times more. Only this
# much is ever read, whatever the file claims.
CONTENT_LIMIT = 2 * 1024 * 1024
MAX_CONTENT_BYTES = CONTENT_LIMIT
# No coprod file or content file nests anywhere near this deep.
MAX_DEPTH = 64
_CHUNK = 1 << 20


class TooLargeError(ValueError):
    """More than the limit could be read (the message says how much is allowed)."""


class TooDeepError(ValueError):
    """JSON nested deeper than :data:`MAX_DEPTH`."""


def read_limited(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of ``path``; :class:`TooLargeError` if there is more.

    Reads in chunks and stops one byte past the limit, so an endless source
    (``/dev/zero``) costs at most ``limit`` bytes of memory and stops at once.
    ``OSError`` is passed on (missing file, folder, no permission).
    """
    chunks: list[bytes] = []
    total = 0
    # O_NONBLOCK: opening a FIFO (or reading a terminal) a pack or an import
    # file names must not wait for ever; a pipe or socket is refused outright.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        os.close(fd)
        raise OSError(errno.EINVAL, _("it is a pipe or a socket, not a file"), str(path))
    with os.fdopen(fd, "rb") as handle:
        while True:
            chunk = handle.read(min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise TooLargeError(
                    _("it is larger than {size} MB; content files must be smaller").format(
                        size=limit // (1024 * 1024) or 1)
                )
    return b"".join(chunks)


def too_deep(data: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether parsed JSON nests lists and objects more than ``limit`` deep
    (iterative: checking a deep value must not itself recurse)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))
    return False


def _too_deep_message(max_depth: int) -> str:
    return _("nested too deeply: lists and objects nested more than {depth} levels "
             "deep").format(depth=max_depth)


# Python's JSON parser's own messages (json.decoder), each marked for the
# catalogue: the English is Python's wording, unchanged.
_JSON_PROBLEMS = {
    "Expecting value": N_("Expecting value"),
    "Expecting property name enclosed in double quotes":
        N_("Expecting property name enclosed in double quotes"),
    "Expecting ',' delimiter": N_("Expecting ',' delimiter"),
    "Expecting ':' delimiter": N_("Expecting ':' delimiter"),
    "Unterminated string starting at": N_("Unterminated string starting at"),
    "Invalid control character at": N_("Invalid control character at"),
    "Invalid \\escape": N_("Invalid \\escape"),
    "Invalid \\uXXXX escape": N_("Invalid \\uXXXX escape"),
    "Extra data": N_("Extra data"),
    "Illegal trailing comma before end of object":
        N_("Illegal trailing comma before end of object"),
    "Illegal trailing comma before end of array":
        N_("Illegal trailing comma before end of array"),
}


def json_problem(error: json.JSONDecodeError) -> str:
    """What is wrong with a JSON text, in the current language (Python's own
    words where coprod has no translation of them)."""
    known = _JSON_PROBLEMS.get(error.msg)
    return _(known) if known else error.msg


def loads_limited(raw: str | bytes, max_depth: int = MAX_DEPTH) -> Any:
    """``json.loads`` that refuses nesting deeper than ``max_depth`` with
    :class:`TooDeepError` (``ValueError`` for invalid JSON as usual).

    Python's parser raises ``RecursionError`` near 1,000 levels; shallower but
    still absurd nesting is refused after parsing, so that nothing later
    (validation, saving) meets it.
    """
    try:
        data = json.loads(raw)
    except RecursionError:
        raise TooDeepError(_too_deep_message(max_depth)) from None
    if isinstance(data, (dict, list)) and too_deep(data, max_depth):
        raise TooDeepError(_too_deep_message(max_depth))
    return data


def read_content_text(path: Path, limit: int = CONTENT_LIMIT) -> str:
    """A content file's text, at most ``limit`` bytes (``TooLargeError``),
    ``OSError`` or ``UnicodeDecodeError`` otherwise. Line endings become
    ``\n`` as ``Path.read_text`` does."""
    text = read_limited(path, limit).decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: The name the content loaders and their tests use.
read_limited_text = read_content_text


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
    """Parse ``path`` with every text made visible; failures raise
    ``error(message)`` naming the file and the problem.

    Messages: ``PATH: the file is missing``, ``PATH: cannot read: REASON`` or
    ``PATH: not valid JSON at line L, column C: WHAT``.
    """
    where = make_visible(str(path))
    try:
        text = read_content_text(path)
    except FileNotFoundError:
        raise error(_("{where}: the file is missing").format(where=where)) from None
    except TooLargeError as problem:
        raise error(_("{where}: cannot read: {problem}").format(
            where=where, problem=problem)) from None
    except OSError as problem:
        from coprod_tui.errors import os_reason

        raise error(_("{where}: cannot read: {problem}").format(
            where=where, problem=os_reason(problem))) from None
    except UnicodeDecodeError:
        raise error(_("{where}: cannot read: not UTF-8 text").format(where=where)) from None
    try:
        return visible_strings(loads_limited(text))
    except TooDeepError as problem:
        raise error(_("{where}: cannot read: {problem}").format(
            where=where, problem=problem)) from None
    except json.JSONDecodeError as problem:
        raise error(_("{where}: not valid JSON at line {line}, column {column}: "
                      "{problem}").format(where=where, line=problem.lineno,
                                          column=problem.colno,
                                          problem=json_problem(problem))) from None


# -- one cache for every content file ------------------------------------------------
T = TypeVar("T")
_CACHE_SIZE = 32
_cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_cache_lock = threading.Lock()


def _signature(path: Path) -> tuple[str, int, int]:
    try:
        info = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), info.st_mtime_ns, info.st_size)


def cached(kind: str, files: Sequence[Path], build: Callable[[], T]) -> T:
    """``build()``, kept until one of ``files`` changes (modification time or size).

    ``kind`` tells the loaders apart. Errors are not kept: a broken pack is
    read (and reported) again next time, so fixing it takes effect at once.
    Callers must not change what they get back.
    """
    key = (kind, *(_signature(Path(f)) for f in files))
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    value = build()
    with _cache_lock:
        _cache[key] = value
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def clear_cache() -> None:
    """Forget every cached content file (tests; a changed content folder)."""
    with _cache_lock:
        _cache.clear()


# -- one shape checker ---------------------------------------------------------------
_KINDS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "text": (str, N_("non-empty text")),
    "any text": (str, N_("text")),
    "list": (list, N_("a list")),
    "object": (dict, N_("an object")),
    "bool": (bool, N_("true or false")),
    "int": (int, N_("a whole number")),
}
# The default wording of a field that holds the wrong thing.
_STYLE = N_("{where}: '{key}' must be {what}")


@dataclass(frozen=True)
class Field:
    """What one field of a content object must hold.

    ``kind`` is ``"text"`` (non-empty), ``"any text"`` (may be empty),
    ``"list"``, ``"object"``, ``"bool"`` or ``"int"``; ``required`` fields must
    be present (an optional one may be absent or null).
    """

    kind: str
    required: bool = True


def _holds(kind: str, value: Any) -> bool:
    expected, _shown = _KINDS[kind]
    if kind == "int" and isinstance(value, bool):
        return False
    if not isinstance(value, expected):
        return False
    return not (kind == "text" and not value.strip())


def check_shape(
    data: Any,
    spec: Mapping[str, Field],
    where: str,
    error: Callable[[str], Exception],
    *,
    closed: bool = False,
    style: str = _STYLE,
    words: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Check that ``data`` is an object whose fields hold what ``spec`` says.

    Raises ``error(message)`` for the first problem; the message names the
    place (``where``: the file and the record) and the field, in ``style``
    (placeholders ``where``, ``key``, ``path`` -- ``where.key`` -- and
    ``what``: ``"non-empty text"``, ``"a list"``... or the caller's ``words``
    for a kind, so each file keeps the wording its trainers know). ``closed``
    refuses fields the spec does not name. Returns ``data``.

    ``style`` and ``words`` are looked up in the catalogue here (mark them with
    ``N_``); text already translated, or with no entry, is used as it is.
    """
    if not isinstance(data, dict):
        needed = [key if spec[key].kind != "list" else _("a list '{key}'").format(key=key)
                  for key in spec if spec[key].required]
        raise error(_("{where}: must be an object with {fields}").format(
            where=where, fields=", ".join(needed)))
    for key, field in spec.items():
        value = data.get(key)
        if value is None and not field.required:
            continue
        if not _holds(field.kind, value):
            what = _((words or {}).get(field.kind, _KINDS[field.kind][1]))
            path = f"{where}.{key}" if where else key
            raise error(_(style).format(where=where, key=key, path=path, what=what))
    if closed:
        unknown = sorted(set(data) - set(spec))
        if unknown:
            raise error(_("{where}: unknown field {names}; fields: {fields}").format(
                where=where, names=", ".join(unknown), fields=", ".join(sorted(spec))))
    return data


__all__ = [
    "CONTENT_LIMIT",
    "Field",
    "cached",
    "check_shape",
    "json_problem",
    "clear_cache",
    "MAX_DEPTH",
    "TooDeepError",
    "TooLargeError",
    "loads_limited",
    "too_deep",
    "read_content_json",
    "read_content_text",
    "read_limited",
    "read_limited_text",
    "visible_strings",
]



# Translators: '{key}' is the file's key, kept as it is written in the file.
_OPTIONAL_TEXT = N_("{where}: '{key}' must be {what}, or be left out to keep the English")


def scenario_translations(
    data: Any,
    english_ids: Sequence[str],
    translated: Sequence[str],
    source: str,
    error: Callable[[str], Exception],
    *,
    words: Mapping[str, str] | None = None,
) -> list[tuple[str, dict[str, Any], str]]:
    """Check a practice-scenario translation file (both exercises' ``cy/`` files):
    ``{"scenarios": [{"id", <translated texts>...}]}`` with every text optional.

    Returns ``(id, item, where)`` for each item, ``where`` naming it for a
    further message. It only translates: an id not among ``english_ids``, an
    id given twice, or a field outside ``translated`` (a place, answers) raises
    ``error`` naming ``source``.
    """
    check_shape(data, {"scenarios": Field("list")}, source, error,
                style=_("{where}: must be an object with a list '{key}'"))
    shape = {"id": Field("text"), **{key: Field("text", required=False) for key in translated}}
    known = set(english_ids)
    seen: set[str] = set()
    found = []
    for index, item in enumerate(data["scenarios"]):
        where = _("{source}: scenario {number}").format(source=source, number=index + 1)
        check_shape(item, {"id": Field("text")}, where, error)
        sid = item["id"].strip()
        where = _("{source}: scenario '{id}'").format(source=source, id=sid)
        if sid not in known:
            raise error(_("{where}: there is no scenario with this id to translate "
                          "(a translation adds no scenario)").format(where=where))
        if sid in seen:
            raise error(_("{source}: scenario '{id}' appears twice").format(
                source=source, id=sid))
        seen.add(sid)
        others = sorted(set(item) - set(shape))
        if others:
            raise error(
                _("{where}: {names} cannot be translated; a translation gives only "
                  "{fields} (the rest comes from the English file)").format(
                    where=where, names=", ".join(others), fields=", ".join(translated)))
        check_shape(item, shape, where, error, style=_OPTIONAL_TEXT, words=words)
        found.append((sid, item, where))
    return found
