"""No command prints a byte a terminal would act on, whatever the stored text holds.

Attack: every text field of every record kind holds an OSC 52 clipboard write,
a BEL, ``ESC [2J`` and U+009B (the one-character CSI, which ``json.dumps`` with
non-ASCII kept writes raw: ``--json`` output replayed it before). Each reading
command runs as a real process and its output bytes are checked.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import Entry
from coprod_tui.revalidation import records, rules
from tests.conftest import env_for

HOSTILE = "\x1b]52;c;QUJD\x07\x1b[2J\u009b2J\x7f"
# C0 controls but tab and newline, DEL and C1 controls, once decoded from UTF-8.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ENTRY_ID = "e" * 32


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "data"
    store = Store.open(folder)
    store.insert("entries", Entry(
        values=["strengths"], title="Title " + HOSTILE, tags=["t" + HOSTILE],
        sections={"text": "Body " + HOSTILE}, id=ENTRY_ID).to_doc())
    store.insert("trash", {**Entry(values=["networks"], title="Gone " + HOSTILE,
                                   id="d" * 32).to_doc(),
                           "deleted": "2026-11-02T09:00:00+00:00"})
    store.save_draft("entry:new", {"title": "Draft " + HOSTILE, "text": HOSTILE})
    store.save_draft("revalidation:feedback", {"said": HOSTILE})
    records.add(store, records.CPD, rules.make_cpd(
        date="2026-03-01", title="T" + HOSTILE, method="m" + HOSTILE, hours=1,
        participatory=False, learned="L" + HOSTILE, evidence="File: /x" + HOSTILE))
    records.add(store, records.FEEDBACK, rules.make_feedback(
        date="2026-04-01", source="carer", said="S" + HOSTILE, changed="C" + HOSTILE))
    records.add(store, records.HOURS, rules.make_hours(date="2026-01-05", hours=4,
                                                      role="r" + HOSTILE))
    records.add(store, records.DISCUSSIONS, rules.make_discussion(
        date="2026-05-01", partner="P" + HOSTILE, pin="12A3456B", email="a@b.org",
        address="A" + HOSTILE, postcode="X", accounts=[ENTRY_ID], notes="N" + HOSTILE))
    return folder


COMMANDS = [
    ["list"], ["list", "--json"], ["list", "--all"], ["show", ENTRY_ID[:8]],
    ["show", ENTRY_ID[:8], "--json"], ["actions", "--json"], ["drafts"], ["drafts", "--json"],
    ["drafts", "--show", "entry:new"], ["drafts", "--show", "revalidation:feedback"],
    ["trash"], ["cpd", "list"], ["cpd", "list", "--json"], ["feedback", "list"],
    ["feedback", "list", "--json"], ["hours", "list"], ["hours", "list", "--json"],
    ["discussion", "list", "--with-partner"], ["discussion", "list", "--json", "--with-partner"],
    ["revalidation"], ["revalidation", "--json"], ["settings"], ["check"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_no_command_replays_a_control_character(data: Path, argv: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "coprod_tui", *argv], env=env_for(data),
                          capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
    for name, stream in (("stdout", done.stdout), ("stderr", done.stderr)):
        text = stream.decode("utf-8", errors="replace")
        found = RAW_CONTROL.search(text)
        assert found is None, (argv, name, repr(found and found.group()), text[:300])
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("fmt", ["md", "txt", "json", "nmc", "hcpc", "html"])
def test_no_export_holds_a_control_character(data: Path, tmp_path: Path, fmt: str) -> None:
    """A file someone will `cat` (or open in a browser) replays nothing either."""
    out = tmp_path / f"export.{fmt}"
    done = subprocess.run([sys.executable, "-m", "coprod_tui", "export", "--format", fmt,
                           "--with-partner", "-o", str(out)], env=env_for(data),
                          capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "Title" in text or fmt in ("hcpc",)
    found = RAW_CONTROL.search(text)
    assert found is None, (fmt, repr(found and found.group()))
