"""Reflections never need the command line, and a failed save never loses them.

Real processes: a pseudo-terminal for the line-by-line way, a pipe for ``-``,
``/proc/PID/cmdline`` read while the process waits (what ``ps`` shows every
user), a file-size limit (``RLIMIT_FSIZE``) for a full disk, and a real hang-up
while the editor runs.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coprod_tui.core.store import MAIN_FILE, Store
from tests.conftest import env_for
from tests.e2e.ptyterm import PtyApp

pytestmark = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")

SECRET = "Mrs Example's carer said the night team never listens"
ROOT = Path(__file__).resolve().parents[2]

# Runs coprod with a file-size limit: a save of the journal fails as on a full disk.
LIMITED = (
    "import os, resource, sys\n"
    "limit = int(sys.argv[1])\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))\n"
    "os.execv(sys.executable, [sys.executable, '-m', 'coprod_tui', *sys.argv[2:]])\n"
)


def cmdline(pid: int) -> str:
    """What every user on the machine can read about a process (``ps -f``)."""
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def limited(limit: int, *args: str) -> list[str]:
    """The argv of coprod run with files limited to ``limit`` bytes."""
    return [sys.executable, "-c", LIMITED, str(limit), *args]


def journal_of(data_dir: Path, entries: int = 3) -> bytes:
    """A journal with a few entries; returns the data file's bytes."""
    store = Store.open(data_dir)
    for number in range(entries):
        store.insert("entries", {"title": f"entry {number}", "values": ["networks"],
                                 "sections": {"text": "words " * 30}})
    return (data_dir / MAIN_FILE).read_bytes()


def kept_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob(".coprod-add-*.md"))


def test_asked_line_by_line_the_text_never_reaches_the_process_list(data_dir: Path) -> None:
    with PtyApp.coprod(data_dir, "add") as term:
        term.wait_for("Values it covers")
        assert "coprod_tui add" in cmdline(term.proc.pid)  # the process is there, readable
        term.send("2 4\r")
        term.wait_for("Title (Enter for none)")
        term.send("Night team\r")
        term.wait_for("Tags, separated by commas")
        term.send("handover\r")
        term.wait_for("a full stop")
        term.send(f"{SECRET}\r")
        term.wait_for(SECRET)  # echoed: typed, and the process is still waiting for more
        seen = cmdline(term.proc.pid)
        assert SECRET not in seen and "Night team" not in seen and "handover" not in seen
        term.send(".\r")
        term.wait_for("How it relates to the Code")
        term.send(".\r")  # the optional Code part (issue 18), left empty
        term.wait_for("added entry")
        assert term.wait_exit() == 0
    (doc,) = Store.open(data_dir).all("entries")
    assert doc["values"] == ["networks", "relationships"]
    assert (doc["title"], doc["tags"], doc["sections"]) == (
        "Night team", ["handover"], {"text": SECRET})


def test_a_title_given_as_an_argument_is_what_ps_shows(data_dir: Path) -> None:
    """The check above can fail: text given on the command line is in cmdline."""
    with PtyApp.coprod(data_dir, "add", "--value", "networks", "--title", SECRET) as term:
        term.wait_for("Tags, separated by commas")
        assert SECRET in cmdline(term.proc.pid)
        term.send("\x04")
        term.send("\x04")


def test_the_line_by_line_way_follows_the_journal_framework_setting(data_dir: Path) -> None:
    Store.open(data_dir).set_setting("journal-framework", "rolfe")
    with PtyApp.coprod(data_dir, "add", "--value", "networks", "--title", "T") as term:
        term.wait_for("Tags")
        term.send("\r")
        term.wait_for("What?")
        term.send("We met.\r.\r")
        term.wait_for("So what?")
        term.send(".\r")
        term.wait_for("Now what?")
        term.send("\x04")
        assert term.wait_exit() == 0
    (doc,) = Store.open(data_dir).all("entries")
    assert doc["framework"] == "rolfe" and doc["sections"] == {"what": "We met."}


def test_standard_input_keeps_title_and_text_out_of_the_process_list(data_dir: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "coprod_tui", "add", "--value", "strengths", "--title", "-", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=env_for(data_dir), text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write(f"Night team\n{SECRET}\n")
    proc.stdin.flush()
    time.sleep(0.2)  # let it start reading; the check holds whenever it is read
    seen = cmdline(proc.pid)
    assert SECRET not in seen and "Night team" not in seen
    out, err = proc.communicate("second line\n", timeout=60)
    assert proc.returncode == 0, err
    (doc,) = Store.open(data_dir).all("entries")
    assert doc["title"] == "Night team"
    assert doc["sections"] == {"text": f"{SECRET}\nsecond line"}


def test_search_words_from_standard_input(data_dir: Path) -> None:
    journal_of(data_dir)
    Store.open(data_dir).insert("entries", {"title": "Night handover", "values": ["networks"],
                                            "sections": {"text": SECRET}})
    done = subprocess.run([sys.executable, "-m", "coprod_tui", "list", "--search", "-"],
                          input="night listens\n", capture_output=True, text=True,
                          env=env_for(data_dir), timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Night handover" in done.stdout and "1 entry" in done.stdout


def _assert_kept_privately(path: Path, *texts: str) -> None:
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.stat().st_uid == os.geteuid()
    body = path.read_text()
    for text in texts:
        assert text in body


def test_a_full_disk_keeps_text_from_standard_input_and_resume_adds_it(data_dir: Path) -> None:
    before = journal_of(data_dir)
    text = SECRET + " " + "x" * 1200
    done = subprocess.run(
        limited(len(before) + 1024, "add", "--value", "networks", "-"),
        input=text, capture_output=True, text=True, env=env_for(data_dir), timeout=60,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "the entry was not saved" in done.stderr
    assert "larger than this system allows" in done.stderr
    (kept,) = kept_files(data_dir)
    assert str(kept) in done.stderr and "coprod add --resume" in done.stderr
    _assert_kept_privately(kept, text)
    assert (data_dir / MAIN_FILE).read_bytes() == before
    # The next `coprod add` says it is waiting; --resume adds it once there is room.
    again = subprocess.run([sys.executable, "-m", "coprod_tui", "add", "--value", "networks",
                            "-"], input="another", capture_output=True, text=True,
                           env=env_for(data_dir), timeout=60)
    assert again.returncode == 0 and "an unsaved entry from" in again.stderr
    assert str(kept) in again.stderr
    resumed = subprocess.run([sys.executable, "-m", "coprod_tui", "add", "--resume"],
                             capture_output=True, text=True, env=env_for(data_dir), timeout=60,
                             stdin=subprocess.DEVNULL)
    assert resumed.returncode == 0, resumed.stderr
    assert not kept.exists()
    texts = [d["sections"].get("text", "") for d in Store.open(data_dir).all("entries")]
    assert text in texts and "another" in texts


def test_a_full_disk_keeps_what_the_editor_wrote(data_dir: Path, tmp_path: Path) -> None:
    before = journal_of(data_dir)
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nprintf 'Title: Night\\n## Reflection\\n%s\\n' \"$WORDS\" > \"$1\"\n")
    editor.chmod(0o700)
    done = subprocess.run(
        limited(len(before) + 1024, "add", "--value", "networks", "--editor"),
        capture_output=True, text=True, env=env_for(data_dir, EDITOR=str(editor), VISUAL="",
                        WORDS=f"{SECRET} {'z' * 1200}"),
        timeout=60, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    (kept,) = kept_files(data_dir)  # the editor's own file, not deleted
    assert f"kept in {kept}" in done.stderr
    _assert_kept_privately(kept, SECRET)
    assert (data_dir / MAIN_FILE).read_bytes() == before


def test_a_full_disk_keeps_text_typed_line_by_line(data_dir: Path) -> None:
    before = journal_of(data_dir)
    argv = limited(len(before) + 1024, "add", "--value", "networks", "--title", "T")
    env = env_for(data_dir, COLUMNS="80", LINES="24")
    with PtyApp(argv, env=env) as term:
        term.wait_for("Tags")
        term.send("\r")
        term.wait_for("a full stop")
        term.send(f"{SECRET} {'y' * 1100}\r.\r")
        term.wait_for("How it relates to the Code")
        term.send(".\r")  # the optional Code part (issue 18), left empty
        term.wait_for("add --resume")
        assert term.wait_exit() == 1
        assert "not saved" in term.text and "Traceback" not in term.text
    (kept,) = kept_files(data_dir)
    _assert_kept_privately(kept, SECRET)


def test_with_no_file_writable_the_text_is_printed_back(data_dir: Path) -> None:
    from tests.unit.test_store_processes import _read_only_mount

    journal_of(data_dir)
    Store.open(data_dir)  # today's backup exists: opening needs no write
    prefix = _read_only_mount(data_dir)
    if prefix is None:
        pytest.skip("cannot make a read-only bind mount here")
    env = env_for(data_dir)
    env.pop("XDG_RUNTIME_DIR", None)
    done = subprocess.run([*prefix, sys.executable, "-m", "coprod_tui", "add", "--value",
                           "networks", "-"], input=SECRET, capture_output=True, text=True,
                          env=env, timeout=60, cwd=ROOT)
    assert done.returncode == 1, done.stderr
    assert "read-only" in done.stderr and "printed above" in done.stderr
    assert SECRET in done.stdout and "Errno" not in done.stderr


EDITOR_THEN_WAIT = """#!/bin/sh
sed -i 's/^Title: $/Title: Written before the line dropped/' "$1"
# typed under the first part (Reflection), above the optional Code part
sed -i "0,/^## /{/^## /a\\
$WORDS
}" "$1"
echo EDITOR-READY
exec sleep 60
"""


def test_a_hang_up_in_the_editor_leaves_a_text_offered_back(data_dir: Path, tmp_path: Path) -> None:
    journal_of(data_dir, entries=1)
    editor = tmp_path / "editor.sh"
    editor.write_text(EDITOR_THEN_WAIT)
    editor.chmod(0o700)
    with PtyApp.coprod(data_dir, "add", "--value", "what-matters", "--editor",
                       EDITOR=str(editor), VISUAL="", WORDS=SECRET) as term:
        term.wait_for("EDITOR-READY")
        term.hang_up()
        assert term.wait_exit() != 0  # killed by the hang-up, as coprod add always was
    (kept,) = kept_files(data_dir)
    _assert_kept_privately(kept, SECRET)
    listed = subprocess.run([sys.executable, "-m", "coprod_tui", "add", "--value", "networks",
                             "-"], input="unrelated", capture_output=True, text=True,
                            env=env_for(data_dir), timeout=60)
    assert listed.returncode == 0
    assert f"is kept in {kept}" in listed.stderr and "coprod add --resume" in listed.stderr
    resumed = subprocess.run([sys.executable, "-m", "coprod_tui", "add", "--resume"],
                             capture_output=True, text=True, env=env_for(data_dir), timeout=60,
                             stdin=subprocess.DEVNULL)
    assert resumed.returncode == 0, resumed.stderr
    assert not kept_files(data_dir)
    doc = next(d for d in Store.open(data_dir).all("entries")
               if d["title"] == "Written before the line dropped")
    assert doc["values"] == ["what-matters"] and doc["sections"] == {"text": SECRET}


def test_a_blank_template_left_by_a_hang_up_is_cleaned(data_dir: Path, tmp_path: Path) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\necho EDITOR-READY\nexec sleep 60\n")
    editor.chmod(0o700)
    with PtyApp.coprod(data_dir, "add", "--value", "networks", "--editor",
                       EDITOR=str(editor), VISUAL="") as term:
        term.wait_for("EDITOR-READY")
        term.hang_up()
        term.wait_exit()
    assert len(kept_files(data_dir)) == 1
    done = subprocess.run([sys.executable, "-m", "coprod_tui", "add", "--value", "networks",
                           "-"], input="x", capture_output=True, text=True,
                          env=env_for(data_dir), timeout=60)
    assert done.returncode == 0 and "unsaved" not in done.stderr
    assert kept_files(data_dir) == []


def test_spectrum_and_complexity_take_their_text_from_standard_input(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coprod_tui", "complexity", "--recipe", "no", "--expertise",
         "unsure", "--predictable", "no", "--people", "yes", "--crisis", "no",
         "--save", "-", "--description", "-", "--action", "-", "--json"],
        input=f"Lonely carers\n{SECRET}\nAsk five carers\n", capture_output=True, text=True,
        env=env_for(data_dir), timeout=60,
    )
    assert done.returncode == 0, done.stderr
    saved = json.loads(done.stdout)["saved"]
    doc = Store.open(data_dir).get("complexity", saved) or {}
    assert doc.get("title") == "Lonely carers" and doc.get("description") == SECRET
    done = subprocess.run(
        [sys.executable, "-m", "coprod_tui", "spectrum", "--knowledge", "people",
         "--decisions", "organisation", "--acts", "organisation", "--save", "-",
         "--description", "-", "--json"],
        input=f"Carers survey\n{SECRET}\n", capture_output=True, text=True,
        env=env_for(data_dir), timeout=60,
    )
    assert done.returncode == 0, done.stderr
    placed = Store.open(data_dir).get("spectrum", json.loads(done.stdout)["id"]) or {}
    assert placed.get("title") == "Carers survey" and placed.get("description") == SECRET


def _wait_for_prompts(term: PtyApp, count: int) -> None:
    """Wait until the ``> `` line prompt has been printed ``count`` times."""
    deadline = time.monotonic() + 30
    while term.text.count("\n> ") < count:
        assert time.monotonic() < deadline, term.text[-500:]
        term.read(0.05)


def test_a_hang_up_while_typing_line_by_line_keeps_what_was_typed(data_dir: Path) -> None:
    with PtyApp.coprod(data_dir, "add", "--value", "networks", "--title", "T") as term:
        term.wait_for("Tags")
        term.send("night\r")
        term.wait_for("a full stop")
        for number, line in enumerate((SECRET, "and a second line"), start=1):
            _wait_for_prompts(term, number)
            term.send(f"{line}\r")
        _wait_for_prompts(term, 3)  # the prompt after the last line: it has been read
        term.hang_up()
        assert term.wait_exit() == 1  # not killed: it kept the text, then stopped
    (kept,) = kept_files(data_dir)
    _assert_kept_privately(kept, SECRET, "and a second line", "Tags: night")
    resumed = subprocess.run([sys.executable, "-m", "coprod_tui", "add", "--resume"],
                             capture_output=True, text=True, env=env_for(data_dir), timeout=60,
                             stdin=subprocess.DEVNULL)
    assert resumed.returncode == 0, resumed.stderr
    (doc,) = Store.open(data_dir).all("entries")
    assert doc["sections"] == {"text": f"{SECRET}\nand a second line"}
    assert doc["tags"] == ["night"] and doc["title"] == "T"


def test_end_of_input_at_the_values_question_stops_without_spinning(data_dir: Path) -> None:
    with PtyApp.coprod(data_dir, "add") as term:
        term.wait_for("Values it covers")
        term.send("\x04")
        assert term.wait_exit() == 2 and "no value given" in term.text


@pytest.mark.parametrize("how", ["hang_up", "sigterm"])
def test_a_hang_up_while_editing_an_entry_keeps_the_change_as_a_draft(
        data_dir: Path, tmp_path: Path, how: str) -> None:
    """Attack: `coprod edit` killed by a hang-up (or SIGTERM) left `.coprod-edit-*.md`, a
    copy of the entry that nothing offered back, nothing cleaned, and emptying the trash
    missed. Now the change becomes the entry's draft and the file is gone."""
    import signal

    from coprod_tui.journal.entry import Entry
    from coprod_tui.journal.records import EntryStore

    entry = EntryStore(Store.open(data_dir)).add(
        Entry(values=["networks"], title="Night team", sections={"text": "First words"}))
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nsed -i \"s/First words/$WORDS/\" \"$1\"\n"
                      "echo EDITOR-READY\nexec sleep 60\n")
    editor.chmod(0o700)
    with PtyApp.coprod(data_dir, "edit", entry.id[:8], EDITOR=str(editor), VISUAL="",
                       WORDS=SECRET) as term:
        term.wait_for("EDITOR-READY")
        if how == "hang_up":
            term.hang_up()
        else:
            term.signal(signal.SIGTERM)
        assert term.wait_exit() == 1
    assert list(data_dir.glob(".coprod-edit-*")) == []
    store = Store.open(data_dir)
    assert EntryStore(store).get(entry.id).sections == {"text": "First words"}
    draft = store.load_draft(f"entry:{entry.id}")
    assert draft["editing"] and draft["entry"]["sections"] == {"text": SECRET}
    # Emptying the trash removes it for good, the draft included.
    for argv in (["delete", entry.id], ["trash", "--empty", "--yes"]):
        done = subprocess.run([sys.executable, "-m", "coprod_tui", *argv], capture_output=True,
                              text=True, env=env_for(data_dir), timeout=60,
                              stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stderr
    assert not any(SECRET in p.read_text(errors="replace")
                   for p in data_dir.rglob("*") if p.is_file())


def test_a_hang_up_in_an_unchanged_edit_leaves_nothing(data_dir: Path, tmp_path: Path) -> None:
    from coprod_tui.journal.entry import Entry
    from coprod_tui.journal.records import EntryStore

    entry = EntryStore(Store.open(data_dir)).add(
        Entry(values=["networks"], title="Night team", sections={"text": "First words"}))
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\necho EDITOR-READY\nexec sleep 60\n")
    editor.chmod(0o700)
    with PtyApp.coprod(data_dir, "edit", entry.id[:8], EDITOR=str(editor), VISUAL="") as term:
        term.wait_for("EDITOR-READY")
        term.hang_up()
        term.wait_exit()
    assert list(data_dir.glob(".coprod-edit-*")) == []
    assert Store.open(data_dir).load_draft(f"entry:{entry.id}") is None
