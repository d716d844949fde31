"""Complete NMC accounts: the Code part in every framework, what happened and what
next in value-by-value entries, and old entries without them."""

from __future__ import annotations

from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import FRAMEWORKS, Entry
from coprod_tui.journal.records import EntryStore
from coprod_tui.journal.template import parse_template, render_template
from coprod_tui.transfer.common import ExportFilter, select
from coprod_tui.transfer.files import render
from coprod_tui.transfer.importer import import_file
from coprod_tui.transfer.jrnl import convert
from coprod_tui.transfer.nmc import MAPPING, account, render_nmc
from coprod_tui.transfer.text_format import render_md, render_txt

STAMP = "2026-11-26T09:00:00+00:00"

COMPLETE_WALK = Entry(
    values=["strengths", "relationships"],
    title="Discharge meeting with a carer",
    framework="values",
    created="2026-11-02T10:00:00+00:00",
    sections={
        "what-happened": "A carer joined the discharge meeting by phone.",
        "strengths": "She knew his routines better than we did.",
        "relationships": "I spoke first and longest.",
        "what-next": "I now ask the carer to speak first.",
        "code": "Listening first is how I prioritise people.",
    },
    account_kind="event or experience",
    code_themes=["Prioritise people"],
    id="walk-1",
)

EXPECTED_ACCOUNT = """\
REFLECTIVE ACCOUNT 1 OF 1
=========================

Title: Discharge meeting with a carer
Date of the entry: 2026-11-02
Kind of account: event or experience
Written with: Value by value
Co-production values: Strengths, Relationships

1. What was the nature of the CPD activity, practice-related feedback, or event
   or experience in your practice?

[Value: What happened]
A carer joined the discharge meeting by phone.

2. What did you learn from it?

[Value: Strengths]
She knew his routines better than we did.

[Value: Relationships]
I spoke first and longest.

3. How did you change or improve your practice as a result?

[Value: What next]
I now ask the carer to speak first.

4. How is this relevant to the Code?

Themes of the Code: Prioritise people

[Value: How it relates to the Code]
Listening first is how I prioritise people."""


def selection(*entries: Entry):  # noqa: ANN201
    return select({"entries": [e.to_doc() for e in entries]}, ExportFilter(), STAMP)


def test_every_framework_ends_with_the_code_part_and_maps_it_to_question_4() -> None:
    for framework, sections in FRAMEWORKS.items():
        assert sections[-1] == ("code", "How it relates to the Code"), framework
        assert MAPPING[framework]["code"] == ("code",)
    assert [sid for sid, _ in FRAMEWORKS["values"]][:1] == ["what-happened"]
    assert MAPPING["values"]["nature"] == ("what-happened",)
    assert MAPPING["values"]["changed"] == ("what-next",)


def test_a_complete_value_by_value_entry_is_a_complete_account() -> None:
    assert account(COMPLETE_WALK, 1, 1) == EXPECTED_ACCOUNT
    text = render_nmc(selection(COMPLETE_WALK))
    assert "MISSING:" not in text  # the reminder names the word, no part is missing
    assert text.rstrip("\n").endswith(EXPECTED_ACCOUNT)


def test_a_complete_rolfe_entry_has_no_missing_line() -> None:
    entry = Entry(values=["networks"], title="A phone call", framework="rolfe",
                  sections={"what": "A carer rang.", "so-what": "Our times assumed too much.",
                            "now-what": "I ask about work hours first.",
                            "code": "Practising effectively means fitting care to lives."},
                  account_kind="feedback", code_themes=["Practise effectively"],
                  created="2026-11-03T10:00:00+00:00")
    text = render_nmc(selection(entry))
    assert "MISSING:" not in text
    q4 = text.index("\n4. ")
    assert "[Rolfe: How it relates to the Code]" in text[q4:]
    assert "fitting care to lives" in text[q4:]


def test_old_entries_without_the_new_parts_load_and_export() -> None:
    old_doc = {"id": "old-1", "values": ["strengths"], "title": "Before the Code box",
               "framework": "values", "created": "2026-01-02T10:00:00+00:00",
               "sections": {"strengths": "Her knowledge of his routines."}}
    entry = Entry.from_doc(old_doc)
    assert entry.sections == {"strengths": "Her knowledge of his routines."}
    text = render_nmc(select({"entries": [old_doc]}, ExportFilter(), STAMP))
    nature, learned = text.index("\n1. "), text.index("\n2. ")
    changed, code = text.index("\n3. "), text.index("\n4. ")
    assert "MISSING: describe what happened" in text[nature:learned]
    assert "Her knowledge of his routines." in text[learned:changed]
    assert "MISSING: say what you changed" in text[changed:code]
    assert "MISSING: say how it relates to the Code" in text[code:]
    for render_text in (render_md, render_txt):
        out = render_text(select({"entries": [old_doc]}, ExportFilter(), STAMP))
        assert "Her knowledge of his routines." in out
        assert "How it relates to the Code" not in out  # an empty part is not shown


def test_md_and_txt_show_the_new_parts_in_order() -> None:
    md = render_md(selection(COMPLETE_WALK))
    order = ["**What happened**", "**Strengths**", "**Relationships**", "**What next**",
             "**How it relates to the Code**"]
    assert [md.index(label) for label in order] == sorted(md.index(label) for label in order)
    txt = render_txt(selection(COMPLETE_WALK))
    assert "How it relates to the Code:\nListening first is how I prioritise people." in txt
    assert "NMC account: event or experience; Code themes: Prioritise people" in txt


def test_the_editor_template_has_the_code_part_and_reads_it_back() -> None:
    text = render_template("rolfe", "A title")
    assert "## How it relates to the Code" in text
    filled = text.replace("## How it relates to the Code\n",
                          "## How it relates to the Code\nIt preserves safety.\n")
    title, sections, _ = parse_template(filled, "rolfe")
    assert title == "A title" and sections == {"code": "It preserves safety."}


def test_the_new_parts_survive_the_json_backup_and_import(tmp_path: Path) -> None:
    source = Store.open(tmp_path / "a")
    EntryStore(source).add(Entry.from_doc(COMPLETE_WALK.to_doc()))
    backup = tmp_path / "backup.json"
    backup.write_text(render(source, "json", ExportFilter()), encoding="utf-8")
    target = Store.open(tmp_path / "b")
    import_file(target, backup)
    (doc,) = target.all("entries")
    assert doc["sections"] == COMPLETE_WALK.sections
    assert doc["code_themes"] == ["Prioritise people"]
    assert "MISSING:" not in render(target, "nmc", ExportFilter())


def test_a_jrnl_entry_is_free_writing_with_the_code_part_left_to_write() -> None:
    (doc,) = convert({"entries": [{"title": "Ward round.", "body": "It went well.",
                                   "date": "2026-10-02", "time": "14:15"}]}, ["networks"])
    assert doc["sections"] == {"text": "It went well."}
    text = render_nmc(select({"entries": [doc]}, ExportFilter(), STAMP))
    assert "MISSING: say how it relates to the Code" in text
