"""Moving in from jrnl: turn ``jrnl --export json`` output into journal entries.

jrnl writes ``{"tags": {...}, "entries": [{"title", "body", "date", "time",
"tags", "starred"}, ...]}`` with local, naive dates and times. Each becomes a
free-writing :class:`Entry`; its tags are kept without jrnl's ``@``/``#`` sign,
and a starred entry gains the tag ``starred``. The id is derived from the
entry's content, so importing the same file twice adds nothing. jrnl has no
parts, so the whole body goes in the free-writing box; the "How it relates to
the Code" part stays empty for the writer to add (the nmc export marks it
MISSING until then).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from coprod_tui.i18n import _
from coprod_tui.journal.entry import Entry

Doc = dict[str, Any]
_NAMESPACE = uuid.UUID("6f1b8a4e-5c1d-4a8e-9b0f-3d2c1e0a7b65")
STARRED_TAG = "starred"


class JrnlError(ValueError):
    """The data is not jrnl's JSON export (message says why)."""


def _text(item: Doc, key: str, where: str, required: bool = True) -> str:
    value = item.get(key, None if required else "")
    if not isinstance(value, str):
        # ``key`` is jrnl's own field name, never translated.
        raise JrnlError((_("{where} has no {key}") if value is None
                         else _("{where}: {key} is not text")).format(where=where, key=key))
    return value


def _created(date: str, time: str, where: str) -> str:
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        raise JrnlError(_("{where}: date {date!r} is not YYYY-MM-DD").format(
            where=where, date=date)) from None
    try:
        clock = dt.time.fromisoformat(time) if time else dt.time(9, 0)
    except ValueError:
        raise JrnlError(_("{where}: time {time!r} is not HH:MM").format(
            where=where, time=time)) from None
    # jrnl's times are local wall-clock times: attach the local offset (UTC at
    # the calendar's very ends, where the local offset would leave it).
    naive = dt.datetime.combine(day, clock.replace(tzinfo=None))
    try:
        local = naive.astimezone()
        local.astimezone(dt.timezone.utc)
    except (OverflowError, ValueError):
        local = naive.replace(tzinfo=dt.timezone.utc)
    return local.isoformat(timespec="seconds")


def _tags(raw: Any, starred: bool) -> list[str]:
    tags: list[str] = []
    for tag in raw if isinstance(raw, list) else []:
        if isinstance(tag, str):
            name = tag.lstrip("@#").strip()
            if name and name.lower() not in {t.lower() for t in tags}:
                tags.append(name)
    if starred and STARRED_TAG not in tags:
        tags.append(STARRED_TAG)
    return tags


def entry_id(date: str, time: str, title: str, body: str) -> str:
    """A stable id for one jrnl entry (the same entry always gets the same id)."""
    return uuid.uuid5(_NAMESPACE, "\x00".join(("jrnl", date, time, title, body))).hex


def convert(data: Any, values: list[str]) -> list[Doc]:
    """The entry documents for a parsed jrnl export, each with ``values``.

    Raises :class:`JrnlError` if ``data`` is not jrnl's JSON export.
    """
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise JrnlError(_("it is not jrnl's JSON export (no list of \"entries\")"))
    docs = []
    for index, item in enumerate(data["entries"], start=1):
        where = _("jrnl entry {number}").format(number=index)
        if not isinstance(item, dict):
            raise JrnlError(_("{where} is not an object").format(where=where))
        title = _text(item, "title", where)
        body = _text(item, "body", where, required=False)
        date = _text(item, "date", where)
        time = _text(item, "time", where, required=False)
        created = _created(date, time, where)
        entry = Entry(
            values=list(values),
            title=" ".join(title.split()),
            framework="free",
            sections={"text": body.strip("\n")} if body.strip() else {},
            tags=_tags(item.get("tags"), bool(item.get("starred"))),
            created=created,
            updated=created,
            id=entry_id(date, time, title, body),
        )
        docs.append(entry.to_doc())
    return docs
