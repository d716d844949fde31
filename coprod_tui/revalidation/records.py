"""The revalidation records on the shared store.

Tables (all in the main data file, so they are backed up daily): ``registration``
(one record), ``cpd``, ``feedback``, ``practice_hours`` and ``discussions``.
Every record gets an id and a ``created`` time; lists come back oldest first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coprod_tui.core.clock import now_iso
from coprod_tui.core.store.collection import Collection, documents
from coprod_tui.core.store.repository import Store
from coprod_tui.i18n import _
from coprod_tui.journal.entry import Entry
from coprod_tui.revalidation import rules

Doc = dict[str, Any]
REGISTRATION = "registration"
CPD = "cpd"
FEEDBACK = "feedback"
HOURS = "practice_hours"
DISCUSSIONS = "discussions"
LOGS = (CPD, FEEDBACK, HOURS, DISCUSSIONS)
REGISTRATION_ID = "registration"


def log(store: Store, table: str) -> Collection[Doc]:
    """One of the logs (:data:`LOGS`), oldest first (by date, then when written)."""
    return documents(store, table, newest_first=False,
                     order=lambda d: (str(d.get("date", "")), str(d.get("created", ""))))


def registration_records(store: Store) -> Collection[Doc]:
    """The registration table (one record, id ``registration``)."""
    return documents(store, REGISTRATION)


def journal(store: Store) -> Collection[Entry]:
    """The journal's entries as the revalidation reads them (unreadable ones left out)."""
    return Collection(store, "entries", from_doc=Entry.from_doc, skip_unreadable=True)


def registration(store: Store) -> Doc | None:
    """The registration record, or ``None`` before one is set."""
    return registration_records(store).get(REGISTRATION_ID)


def set_registration(store: Store, regulator: str, renewal: str | dt.date) -> Doc:
    """Set the regulator and the revalidation (or renewal) date."""
    doc = rules.make_registration(regulator, renewal)
    doc["updated"] = now_iso()
    return registration_records(store).put(doc)


def add(store: Store, table: str, record: Doc) -> Doc:
    """Keep a record built by one of ``rules.make_*`` in ``table``."""
    if table not in LOGS:
        raise ValueError(f"unknown revalidation table {table!r}")
    stamp = now_iso()
    return log(store, table).add({**record, "created": stamp, "updated": stamp})


def record_id(store: Store, table: str, prefix: str) -> str:
    """The full id of the one record of ``table`` whose id starts with ``prefix``
    (``ValueError`` naming the problem otherwise)."""
    if table not in LOGS:
        raise ValueError(f"unknown revalidation table {table!r}")
    known = [d["id"] for d in store.all(table) if isinstance(d.get("id"), str)]
    matches = [i for i in known if prefix and i.startswith(prefix)]
    if len(matches) != 1:
        raise ValueError((_("{id!r} matches several records") if matches
                          else _("{id!r} matches no record")).format(id=prefix))
    return matches[0]


def remove_for_good(store: Store, table: str, record_id: str) -> bool:
    """Remove one record from ``table`` and from every backup; ``False`` if it was not there.

    For a record typed by mistake (a patient's name in what you learned, the
    wrong partner): like emptying the journal's trash, "for good" takes it out
    of the daily and other backups too, all under one hold of the lock.
    """
    from coprod_tui.core.store import backups

    if table not in LOGS:
        raise ValueError(f"unknown revalidation table {table!r}")
    with store.lock.held():
        if not log(store, table).remove(record_id):
            return False
        backups.purge_records(store.data_dir, [record_id])
    return True


def listed(store: Store, table: str) -> list[Doc]:
    """A table's records, oldest first (by date, then when they were written)."""
    return log(store, table).all()


def entries(store: Store) -> list[Entry]:
    """The journal's entries (readable ones only)."""
    return journal(store).all()


def snapshot(store: Store) -> dict[str, Any]:
    """Every table the revalidation reads, taken under one lock."""
    with store.session() as s:
        return {
            "registration": registration_records(store).get(REGISTRATION_ID, s),
            **{table: log(store, table).docs(s) for table in LOGS},
            "entries": journal(store).docs(s),
        }


def progress_of(data: dict[str, Any], today: dt.date) -> rules.Progress:
    """Progress from a :func:`snapshot`."""
    reg = data.get("registration") or {}
    renewal = rules.day_of(reg, "renewal")
    win = rules.window(renewal, reg.get("regulator")) if renewal else None
    journal = []
    for doc in data.get("entries", []):
        try:
            journal.append(Entry.from_doc(doc))
        except (TypeError, ValueError, AttributeError, KeyError):
            continue
    return rules.progress(reg, data[CPD], data[FEEDBACK], data[HOURS], data[DISCUSSIONS],
                          rules.complete_accounts(journal, win), today)


def progress(store: Store, today: dt.date | None = None) -> rules.Progress:
    """Where the user's revalidation stands today."""
    return progress_of(snapshot(store), today or dt.date.today())


def reading_proposal(store: Store, pack_dirs: list | None = None) -> Doc | None:
    """A CPD activity for toolkit reading not yet logged, or ``None`` (see
    :func:`rules.reading_proposal`)."""
    from coprod_tui.reading.loader import load_catalog
    from coprod_tui.transfer.common import local_day

    read = {doc["id"]: local_day(doc.get("read_at")) for doc in store.all("reading")
            if isinstance(doc.get("id"), str) and doc.get("read")}
    items = [(s.id, s.title, s.minutes, read[s.id] or dt.date.today())
             for s in load_catalog(pack_dirs or ()).sections() if s.id in read]
    return rules.reading_proposal(items, log(store, CPD).docs())


def entry_ids(store: Store, prefixes: list[str]) -> list[str]:
    """Full journal entry ids for ids or their starts (``ValueError`` names a bad one)."""
    known = [doc["id"] for doc in store.all("entries") if isinstance(doc.get("id"), str)]
    found = []
    for prefix in prefixes:
        matches = [i for i in known if i.startswith(prefix)] if prefix else []
        if len(matches) != 1:
            problem = (_("{id!r} matches several entries") if matches
                       else _("{id!r} matches no entry")).format(id=prefix)
            raise ValueError(_("{problem}; the journal (or `coprod list`) shows the ids").format(
                problem=problem))
        found.append(matches[0])
    return found
