"""Revalidation, export and import in Cymraeg on the command line, in real
processes: messages, help and exports' headings follow `--lang cy`; stored
choices stay English in the records (and in JSON), and the user's words and
the machine formats never change."""

from __future__ import annotations

import json
from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import Entry
from coprod_tui.journal.records import EntryStore
from tests.e2e.test_welsh_commands import coprod

SAID = "Roedd yr ymweliadau'n rhy gynnar."  # the writer's own words


def seed_account(data: Path) -> Entry:
    """A complete reflective account, written in Welsh, with the NMC's choices."""
    return EntryStore(Store.open(data)).add(Entry(
        values=["strengths"], title="Gofyn i ofalwr yn gyntaf", framework="rolfe",
        sections={"what": "Gofynnais i'r gofalwr beth oedd bwysicaf.",
                  "so-what": "Roedd hi'n gwybod mwy na'r nodiadau.",
                  "now-what": "Rwy'n gofyn yn gyntaf bob tro.",
                  "code": "Mae'n rhoi'r person yn gyntaf."},
        code_themes=["Prioritise people"], account_kind="event or experience"))


def test_logs_in_welsh_take_welsh_choices_and_store_english_keys(data_dir: Path) -> None:
    other = coprod(data_dir, "--lang", "cy", "registration", "--regulator", "arall",
                   "--date", "2027-06-01")
    assert other.returncode == 0, other.stderr
    assert other.stdout.startswith("rheoleiddiwr: rheoleiddiwr arall neu ddim un\n")
    assert Store.open(data_dir).get("registration", "registration")["regulator"] == "other"
    assert coprod(data_dir, "registration", "--regulator", "nmc",
                  "--date", "2027-06-01").returncode == 0

    added = coprod(data_dir, "--lang", "cy", "feedback", "add", "--date", "2026-11-01",
                   "--source", "gofalwr", "--said", "-", "--changed", "-", stdin=SAID)
    assert added.returncode == 2  # standard input is read once only
    assert "--changed: darllenwyd y mewnbwn safonol eisoes ar gyfer maes arall" in added.stderr
    added = coprod(data_dir, "--lang", "cy", "feedback", "add", "--date", "2026-11-01",
                   "--source", "gofalwr", "--said", "-", stdin=SAID)
    assert added.returncode == 0, added.stderr
    assert "ychwanegwyd adborth " in added.stdout
    assert added.stdout.rstrip().endswith("ar 2026-11-01 (ffynhonnell: gofalwr)")
    (doc,) = Store.open(data_dir).all("feedback")
    assert doc["source"] == "carer" and doc["said"] == SAID
    welsh = coprod(data_dir, "--lang", "cy", "feedback", "list")
    assert f"gofalwr: {SAID}" in welsh.stdout and "carer" not in welsh.stdout
    assert f"carer: {SAID}" in coprod(data_dir, "feedback", "list").stdout
    as_json = coprod(data_dir, "--lang", "cy", "feedback", "list", "--json")
    assert json.loads(as_json.stdout)[0]["source"] == "carer"
    bad = coprod(data_dir, "--lang", "cy", "feedback", "add", "--source", "nobody",
                 "--said", "-", stdin=SAID)
    assert bad.returncode == 2
    assert ("ffynhonnell anhysbys 'nobody'; dewisiadau: gofalwr, claf, cydweithiwr, rheolwr, "
            "arall") in bad.stderr

    cpd = coprod(data_dir, "--lang", "cy", "cpd", "add", "--date", "2026-11-02", "--title",
                 "Gweithdy", "--method", "gweithdy", "--hours", "3", "--participatory",
                 "--theme", "Blaenoriaethu", "--theme", "cynnal diogelwch", "--standard", "2",
                 "--learned", "-", stdin="Gofyn yn gyntaf.")
    assert cpd.returncode == 0, cpd.stderr
    assert "ychwanegwyd DPP " in cpd.stdout and "3 h cyfranogol ar 2026-11-02" in cpd.stdout
    (activity,) = Store.open(data_dir).all("cpd")
    assert activity["themes"] == ["Prioritise people", "Preserve safety"]
    assert activity["standards"] == [
        "2 A mix of learning relevant to current or future practice"]
    assert "3 h cyfranogol  Gweithdy (gweithdy)" in coprod(
        data_dir, "--lang", "cy", "cpd", "list").stdout

    hours = coprod(data_dir, "--lang", "cy", "hours", "add", "--date", "2026-11-01",
                   "--until", "2026-11-30", "--hours", "150", "--role", "")
    assert hours.stdout == "ychwanegwyd 150 awr o ymarfer (2026-11-01 i 2026-11-30)\n"


def test_delete_asks_and_explains_in_welsh(data_dir: Path) -> None:
    assert coprod(data_dir, "hours", "add", "--date", "2026-11-01", "--hours", "7",
                  "--role", "").returncode == 0
    (doc,) = Store.open(data_dir).all("practice_hours")
    refused = coprod(data_dir, "--lang", "cy", "hours", "delete", doc["id"][:8])
    assert refused.returncode == 2
    assert "mae delete yn tynnu'r cofnod am byth: ychwanegwch --yes i gadarnhau" in refused.stderr
    missing = coprod(data_dir, "--lang", "cy", "hours", "delete", "zzzz", "--yes")
    assert missing.returncode == 2
    assert ("nid yw 'zzzz' yn cyfateb i unrhyw gofnod; mae `coprod hours list` yn dangos y "
            "cofnodion") in missing.stderr
    done = coprod(data_dir, "--lang", "cy", "hours", "delete", doc["id"][:8], "--yes")
    assert done.stdout == (f"tynnwyd cofnod hours {doc['id'][:8]} am byth, ac o bob copi wrth "
                           "gefn\n")
    assert Store.open(data_dir).all("practice_hours") == []
    helped = coprod(data_dir, "--lang", "cy", "cpd", "delete", "--help", COLUMNS="80")
    assert helped.returncode == 0 and helped.stdout.startswith("defnydd: coprod ")
    assert "Tynnu un cofnod o cpd am byth" in helped.stdout and "peidio â gofyn" in helped.stdout
    assert max(len(line) for line in helped.stdout.splitlines()) <= 80


def test_nmc_pack_in_welsh_and_english_unchanged(data_dir: Path, tmp_path: Path) -> None:
    seed_account(data_dir)
    assert coprod(data_dir, "registration", "--regulator", "nmc",
                  "--date", "2027-06-01").returncode == 0
    welsh = coprod(data_dir, "--lang", "cy", "export", "--format", "nmc")
    english = coprod(data_dir, "--lang", "en", "export", "--format", "nmc")
    assert welsh.returncode == 0 and english.returncode == 0, (welsh.stderr, english.stderr)
    assert welsh.stdout.startswith("PECYN AILDDILYSU'R NMC\n")
    assert english.stdout.startswith("NMC REVALIDATION PACK\n")
    # The form's questions: coprod's Welsh, then the form's own English wording.
    assert "2. Beth ddysgoch chi ohono? (What did you learn from it?)" in welsh.stdout
    assert "2. What did you learn from it?\n" in english.stdout
    # The Code's themes in the NMC's own Welsh; the kind of account in Welsh.
    assert "Themâu'r Cod: Blaenoriaethu pobl" in welsh.stdout
    assert "Themes of the Code: Prioritise people" in english.stdout
    assert "Math o gyfrif: digwyddiad neu brofiad" in welsh.stdout
    for words in ("Gofynnais i'r gofalwr beth oedd bwysicaf.", "Gofyn i ofalwr yn gyntaf"):
        assert words in welsh.stdout and words in english.stdout
    assert "MISSING" not in welsh.stdout and "Prioritise" not in welsh.stdout
    hcpc = coprod(data_dir, "--lang", "cy", "export", "--format", "hcpc")
    assert hcpc.stdout.startswith("PROFFIL DPP HCPC: RHANNAU I'W CWBLHAU\n")
    assert "2 Cymysgedd o ddysgu perthnasol i ymarfer presennol neu i ddod" in hcpc.stdout
    # A machine format is the same in both languages (but for when it was made).
    dumps = [json.loads(coprod(data_dir, "--lang", lang, "export", "--format", "json").stdout)
             for lang in ("cy", "en")]
    assert [{**d, "exported": ""} for d in dumps][0] == {**dumps[1], "exported": ""}
    target = tmp_path / "pack.nmc.txt"
    target.write_text("old\n")
    kept = coprod(data_dir, "--lang", "cy", "export", "--format", "nmc", "--output", str(target))
    assert kept.returncode == 1 and target.read_text() == "old\n"
    assert f"mae {target} yn bodoli eisoes; ni ysgrifennwyd dim" in kept.stderr


def test_import_says_what_it_did_and_why_not_in_welsh(data_dir: Path, tmp_path: Path) -> None:
    seed_account(data_dir)
    backup = tmp_path / "backup.json"
    assert coprod(data_dir, "export", "--format", "json", "--output", str(backup)).returncode == 0
    other = tmp_path / "other"
    done = coprod(other, "--lang", "cy", "import", str(backup))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"mewnforiwyd {backup}"
    assert lines[1].startswith("  ychwanegwyd: 1") and "(entries 1" in lines[1]
    assert lines[3].startswith("  hepgorwyd:   0 (yma eisoes, neu'n hŷn na'r hyn sydd yma)")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    refused = coprod(other, "--lang", "cy", "import", str(broken))
    assert refused.returncode == 1
    assert f"methu â mewnforio {broken}: nid yw'n JSON dilys (" in refused.stderr
    assert refused.stderr.rstrip().endswith("Ni newidiwyd dim.")
    jrnl = tmp_path / "jrnl.json"
    jrnl.write_text(json.dumps({"tags": {}, "entries": [{"title": "x", "date": "2026-13-01"}]}))
    refused = coprod(other, "--lang", "cy", "import", "--from", "jrnl", str(jrnl))
    assert "cofnod jrnl 1: nid yw'r dyddiad '2026-13-01' ar y ffurf BBBB-MM-DD" in refused.stderr
    wrong = coprod(other, "--lang", "cy", "import", str(jrnl))
    assert "mae'n edrych fel allforyn jrnl; mewnforiwch ef gyda --from jrnl" in wrong.stderr


def test_plain_mode_export_in_welsh(data_dir: Path, tmp_path: Path) -> None:
    seed_account(data_dir)
    target = tmp_path / "cyfrifon.nmc.txt"
    done = coprod(data_dir, "--lang", "cy", "--plain", stdin=f"6\n3\n1\n{target}\nq\n")
    assert done.returncode == 0, done.stderr
    assert "Allforio: dewiswch fformat\n" in done.stdout
    assert "  1. [ ] Cryfderau\n" in done.stdout  # the values by name, not by id
    assert f"Cadwyd yr allforyn nmc i {target} (preifat i chi)." in done.stdout
    assert target.read_text().startswith("PECYN AILDDILYSU'R NMC\n")
