"""The command-line tasks added for screen readers and scripts, each through a
real ``coprod`` process: show, edit, actions, drafts, settings, stocktake
--show and the practice rounds from piped standard input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.actions import parse_actions
from coprod_tui.journal.entry import VALUE_IDS, Entry
from coprod_tui.journal.records import EntryStore
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.rules import Stocktake
from tests.conftest import env_for


def coprod(data_dir: Path, *args: str, stdin: str = "", **env: str
           ) -> subprocess.CompletedProcess[str]:
    """Run ``coprod`` with ``stdin`` piped in (not a terminal), output captured."""
    return subprocess.run(
        [sys.executable, "-m", "coprod_tui", *args], input=stdin,
        env=env_for(data_dir, **env), capture_output=True, text=True, timeout=60, check=False,
    )


def add_entry(data_dir: Path, **fields: object) -> Entry:
    entry = Entry(values=["strengths"], framework="rolfe",
                  sections={"what": "The carer knew", "so-what": "Listen first"}, title="Ward")
    for key, value in fields.items():
        setattr(entry, key, value)
    return EntryStore(Store.open(data_dir)).add(entry)


def editor(tmp_path: Path, script: str) -> str:
    path = tmp_path / "editor.sh"
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(0o700)
    return str(path)


def test_show_prints_one_entry_with_visible_controls(data_dir: Path) -> None:
    entry = add_entry(data_dir, title="Ward \x1b]0;owned\x07")
    shown = coprod(data_dir, "show", entry.id[:6])
    assert shown.returncode == 0, shown.stderr
    assert "Ward ^[]0;owned^G" in shown.stdout and "\x1b" not in shown.stdout
    assert "What?\nThe carer knew" in shown.stdout
    missing = coprod(data_dir, "show", "zzzz")
    assert missing.returncode == 2 and "no entry has the id 'zzzz'" in missing.stderr


def test_edit_in_the_editor_then_no_changes(data_dir: Path, tmp_path: Path) -> None:
    entry = add_entry(data_dir)
    script = ('stat -c %a "$1" > "$1.mode"\n'
              'sed -i "s/Listen first/Listen first, then ask/" "$1"\n')
    done = coprod(data_dir, "edit", entry.id[:8], EDITOR=editor(tmp_path, script), VISUAL="")
    assert done.returncode == 0, done.stderr
    assert f"saved changes to entry {entry.id[:8]}" in done.stdout
    saved = EntryStore(Store.open(data_dir)).get(entry.id)
    assert saved is not None and saved.sections["so-what"] == "Listen first, then ask"
    assert saved.sections["what"] == "The carer knew"
    modes = list(data_dir.glob(".coprod-edit-*.md.mode"))
    assert [m.read_text().strip() for m in modes] == ["600"]
    assert not list(data_dir.glob(".coprod-edit-*.md"))  # removed after saving

    same = coprod(data_dir, "edit", entry.id[:8], EDITOR=editor(tmp_path, "true\n"), VISUAL="")
    assert same.returncode == 0 and "no changes" in same.stdout
    assert not list(data_dir.glob(".coprod-edit-*.md"))


def test_edit_never_overwrites_a_change_made_meanwhile(data_dir: Path, tmp_path: Path) -> None:
    entry = add_entry(data_dir)
    # While the editor is open another session changes the entry.
    script = (f'{sys.executable} -m coprod_tui actions >/dev/null\n'
              f'{sys.executable} -c "from coprod_tui.core.store import Store; '
              f"from coprod_tui.journal.records import EntryStore; "
              f"s=EntryStore(Store.open(__import__('pathlib').Path('{data_dir}'))); "
              f"e=s.get('{entry.id}'); e.title='Changed elsewhere'; s.update(e)\"\n"
              'sed -i "s/Listen first/My own words/" "$1"\n')
    done = coprod(data_dir, "edit", entry.id[:8], EDITOR=editor(tmp_path, script), VISUAL="")
    assert done.returncode == 0, done.stderr
    assert "was changed while you were editing" in done.stdout and "both are kept" in done.stdout
    entries = EntryStore(Store.open(data_dir)).list()
    assert sorted(e.title for e in entries) == ["Changed elsewhere", "Ward"]
    mine = next(e for e in entries if e.id != entry.id)
    assert mine.sections["so-what"] == "My own words"


def test_edit_keeps_the_file_when_the_save_fails(data_dir: Path, tmp_path: Path) -> None:
    entry = add_entry(data_dir)
    script = (f'printf "not json" > "{data_dir}/coprod.json"\n'
              'sed -i "s/Listen first/Words worth keeping/" "$1"\n')
    done = coprod(data_dir, "edit", entry.id[:8], EDITOR=editor(tmp_path, script), VISUAL="")
    assert done.returncode == 1
    kept = list(data_dir.glob(".coprod-edit-*.md"))
    assert len(kept) == 1 and str(kept[0]) in done.stderr
    assert "Words worth keeping" in kept[0].read_text()


def test_edit_with_a_failing_editor_changes_nothing(data_dir: Path, tmp_path: Path) -> None:
    entry = add_entry(data_dir)
    done = coprod(data_dir, "edit", entry.id, EDITOR=editor(tmp_path, "exit 3\n"), VISUAL="")
    assert done.returncode == 1 and "status 3" in done.stderr
    assert not list(data_dir.glob(".coprod-edit-*.md"))


def test_actions_list_tick_and_untick(data_dir: Path) -> None:
    entry = add_entry(data_dir, actions=parse_actions("Ring the centre by 2026-12-01\nAsk Jo"))
    ring = entry.actions[0]
    listed = coprod(data_dir, "actions")
    assert listed.returncode == 0 and "[ ] " + ring.id[:8] in listed.stdout
    assert "2 to do" in listed.stdout
    done = coprod(data_dir, "actions", "--done", ring.id[:6])
    assert done.returncode == 0 and "done: Ring the centre" in done.stdout
    assert "1 to do" in coprod(data_dir, "actions").stdout
    assert "[x] " + ring.id[:8] in coprod(data_dir, "actions", "--all").stdout
    undone = coprod(data_dir, "actions", "--undone", ring.id[:6])
    assert undone.returncode == 0
    assert not EntryStore(Store.open(data_dir)).get(entry.id).actions[0].done  # type: ignore[union-attr]
    assert '"text": "Ask Jo"' in coprod(data_dir, "actions", "--json").stdout
    bad = coprod(data_dir, "actions", "--done", "nope")
    assert bad.returncode == 2 and "no action has the id" in bad.stderr


def test_drafts_list_show_discard(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.save_draft("entry:new-abc12345", {
        "editing": False, "entry": Entry(values=["networks"], title="Unsent").to_doc(),
        "shown": {"text": "Half a thought \x1b[31m"}, "actions_text": ""})
    listed = coprod(data_dir, "drafts")
    assert listed.returncode == 0 and "entry:new-abc12345" in listed.stdout
    shown = coprod(data_dir, "drafts", "--show", "entry:new-abc")
    assert shown.returncode == 0 and "Half a thought ^[[31m" in shown.stdout
    gone = coprod(data_dir, "drafts", "--discard", "entry:new-abc12345")
    assert gone.returncode == 0 and Store.open(data_dir).drafts() == []
    assert coprod(data_dir, "drafts").stdout.strip() == "no drafts"
    assert coprod(data_dir, "drafts", "--show", "x").returncode == 2


def test_settings_list_get_set_and_refuse(data_dir: Path) -> None:
    listed = coprod(data_dir, "settings")
    assert listed.returncode == 0 and "journal-framework = free" in listed.stdout
    changed = coprod(data_dir, "settings", "journal-framework", "gibbs")
    assert changed.returncode == 0
    assert coprod(data_dir, "settings", "journal-framework").stdout.strip() == "gibbs"
    bad_value = coprod(data_dir, "settings", "mouse", "sometimes")
    assert bad_value.returncode == 2 and "choices: on, off" in bad_value.stderr
    bad_key = coprod(data_dir, "settings", "colour", "blue")
    assert bad_key.returncode == 2 and "choices: mouse" in bad_key.stderr
    assert Store.open(data_dir).get_setting("mouse") is None


def test_stocktake_show_one_with_its_notes(data_dir: Path) -> None:
    stocktake = Stocktake(level="team", participants="Ward 7 team")
    for value_id in VALUE_IDS:
        for index in range(3):
            stocktake.set_score(value_id, index, 4)
    stocktake.set_note("networks", "next", "Invite the carers' group")
    stocktake.finished = True
    saved = stocktakes.save(Store.open(data_dir), stocktake)
    shown = coprod(data_dir, "stocktake", "--show", saved.id[:6])
    assert shown.returncode == 0, shown.stderr
    assert "Invite the carers' group" in shown.stdout and "Ward 7 team" in shown.stdout
    assert coprod(data_dir, "stocktake", "--show", "zzz").returncode == 2


def test_practice_rounds_from_piped_stdin(data_dir: Path) -> None:
    spectrum = coprod(data_dir, "spectrum", "--practice", stdin="6\n\n" * 6)
    assert spectrum.returncode == 0, spectrum.stderr
    assert "Round finished: you placed" in spectrum.stdout and "\x1b" not in spectrum.stdout
    complexity = coprod(data_dir, "complexity", "--practice", stdin="3\n\n" * 5)
    assert complexity.returncode == 0, complexity.stderr
    assert "Round finished:" in complexity.stdout
    rounds = Store.open(data_dir).all("practice")
    assert sorted((r["exercise"], r["total"]) for r in rounds) == [("complexity", 5),
                                                                   ("spectrum", 6)]
    short = coprod(data_dir, "spectrum", "--practice", stdin="1\n")
    assert short.returncode == 1 and "not kept" in short.stderr
    assert len(Store.open(data_dir).all("practice")) == 2


def test_edit_refuses_an_entry_whose_lines_it_would_drop(data_dir: Path, tmp_path: Path) -> None:
    entry = add_entry(data_dir, sections={"what": "#carers week went well"})
    done = coprod(data_dir, "edit", entry.id[:8], EDITOR=editor(tmp_path, "true\n"), VISUAL="")
    assert done.returncode == 1 and "starting with '#'" in done.stderr
    kept = EntryStore(Store.open(data_dir)).get(entry.id)
    assert kept is not None and kept.sections == {"what": "#carers week went well"}


def test_edit_reads_a_uk_due_date_and_says_when_one_cannot_be_read(
        data_dir: Path, tmp_path: Path) -> None:
    entry = add_entry(data_dir, actions=parse_actions("Ask Jo"))
    script = ('sed -i "s|^Ask Jo$|Ask Jo by 15/12/2026\\nRing the centre by 31/02/2026|" "$1"\n')
    done = coprod(data_dir, "edit", entry.id[:8], EDITOR=editor(tmp_path, script), VISUAL="")
    assert done.returncode == 0, done.stderr
    saved = EntryStore(Store.open(data_dir)).get(entry.id)
    assert saved is not None
    assert [(a.text, a.due) for a in saved.actions] == [
        ("Ask Jo", "2026-12-15"), ("Ring the centre by 31/02/2026", None)]
    assert "note: 31/02/2026 is not a date: February 2026 has no day 31" in done.stderr


def test_an_editor_that_crashes_after_a_change_leaves_it_as_a_draft(
        data_dir: Path, tmp_path: Path) -> None:
    """Attack: the editor wrote the change, then failed (a crash, a kill): the change was
    thrown away with the file. Now it is the entry's draft, offered back; no file stays."""
    entry = add_entry(data_dir)
    script = 'sed -i "s/Listen first/Words after a crash/" "$1"\nkill -SEGV $$\n'
    done = coprod(data_dir, "edit", entry.id[:8], EDITOR=editor(tmp_path, script), VISUAL="")
    assert done.returncode == 1 and "kept as a draft" in done.stderr, done.stderr
    assert not list(data_dir.glob(".coprod-edit-*.md"))
    store = Store.open(data_dir)
    draft = store.load_draft(f"entry:{entry.id}")
    assert draft["editing"] and draft["entry"]["sections"]["so-what"] == "Words after a crash"
    assert draft["opened"] == entry.updated
    assert EntryStore(store).get(entry.id).sections["so-what"] == "Listen first"
    again = coprod(data_dir, "edit", entry.id[:8], EDITOR="true", VISUAL="")
    assert again.returncode == 0 and "kept as a draft" in again.stderr
    listed = coprod(data_dir, "drafts")
    assert f"entry:{entry.id}" in listed.stdout


def test_an_edit_file_left_behind_is_mentioned(data_dir: Path, tmp_path: Path) -> None:
    """An editor file left by a failed save (or a kill no handler sees) is not kept unseen."""
    entry = add_entry(data_dir)
    left = data_dir / ".coprod-edit-old.md"
    left.write_text("Title: Ward\n\nwords from before\n")
    done = coprod(data_dir, "edit", entry.id[:8], EDITOR="true", VISUAL="")
    assert done.returncode == 0, done.stderr
    assert f"an earlier edit is kept in {left}" in done.stderr
