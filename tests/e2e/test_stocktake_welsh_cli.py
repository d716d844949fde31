"""`coprod --lang cy stocktake ...` as real processes: the questions, the Welsh
statements, history, compare, share and team view in Welsh; stocktakes and share
files made in one language read and combine in the other (issue 20)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.rules import Stocktake
from tests.e2e.test_stocktake_cli import on_terminal
from tests.e2e.test_welsh_commands import coprod
from tests.ui.welsh_check import english_lines

WHO = "dwy nyrs"  # what the person typed


def seed(data: Path, stamp: str, score: int, networks: int | None = None) -> Stocktake:
    """A finished stocktake, saved without any language (ids and scores)."""
    stocktake = Stocktake(level="team", started=stamp)
    for value_id in VALUE_IDS:
        for index in range(3):
            chosen = networks if (value_id == "networks" and networks) else score
            stocktake.set_score(value_id, index, chosen)
    stocktake.finished, stocktake.finished_at = True, stamp
    return stocktakes.save(Store.open(data), stocktake)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_whole_stocktake_asked_in_welsh(data_dir: Path) -> None:
    answers = ["x", "2", WHO, "7"]
    for value_id in VALUE_IDS:
        answers += ["4", "4", "3" if value_id == "networks" else "4"]
        answers += ["Clinig ar y cyd" if value_id == "networks" else "", ""]
    code, out = on_terminal(data_dir, answers, "--lang", "cy")
    assert code == 0, out
    for words in ("Pwyso a mesur: eich ymarfer cydgynhyrchu yn erbyn y pum gwerth",
                  "Am bwy mae'r pwyso a mesur hwn? 1 fi fy hun, 2 fy nhîm, 3 fy sefydliad [1]:",
                  "Teipiwch 1, 2 neu 3", "Sgorau:", "1  Ddim eto: Does dim byd yn digwydd",
                  "Datganiad 1 o 15 (Cryfderau):", "Mae cynlluniau gofal yn dechrau",
                  "Datganiad 15 o 15 (Ysgogi newid):", "Nodiadau: Rhwydweithiau (dewisol;",
                  "Beth sy'n gweithio?", "Sgôr 1-5 (b yn ôl, p oedi, ? sgorau)",
                  "Rhwydweithiau      ###########.... 11/15  <- gwannaf",
                  "Gwannaf: Rhwydweithiau (11/15)",
                  "Camau nesaf ar gyfer Rhwydweithiau:", "Mapiwch y timau a'r sefydliadau",
                  "Ysgrifennu am y gwerth Rhwydweithiau: `coprod add --value networks`"):
        assert words in out, words
    # No English from coprod: the person's typed answers and the network's web
    # address aside (the terminal echoes what was typed).
    assert english_lines(out, allow=[WHO, "Clinig ar y cyd"]) == [], out
    [doc] = Store.open(data_dir).all("stocktakes")
    assert doc["finished"] and doc["level"] == "team" and doc["participants"] == WHO
    assert doc["scores"]["networks"] == [4, 4, 3]
    assert doc["notes"]["networks"]["working"] == "Clinig ar y cyd"


def test_history_show_and_compare_in_welsh_of_stocktakes_taken_in_english(
        data_dir: Path) -> None:
    older = seed(data_dir, "2026-01-05T09:00:00+00:00", 2)
    seed(data_dir, "2026-03-05T09:00:00+00:00", 3)
    newer = seed(data_dir, "2026-06-05T09:00:00+00:00", 3, networks=5)
    stored = json.dumps(Store.open(data_dir).all("stocktakes"), sort_keys=True)
    history = coprod(data_dir, "--lang", "cy", "stocktake", "--history")
    assert history.returncode == 0, history.stderr
    assert "Fy nhîm" in history.stdout and "Tuedd" in history.stdout
    assert "At ei gilydd: yn codi, +21 (i fyny 21)" in history.stdout
    assert "  Yr hyn sy'n bwysig  6 ->  9" in history.stdout
    shown = coprod(data_dir, "--lang", "cy", "stocktake", "--show", newer.id[:8])
    assert "Rhwydweithiau      ############### 15/15" in shown.stdout  # columns line up
    assert "Yr hyn sy'n bwysig #########......  9/15  <- gwannaf" in shown.stdout
    assert english_lines(shown.stdout) == [], shown.stdout
    compared = coprod(data_dir, "--lang", "cy", "stocktake", "--compare", older.id[:8],
                      newer.id[:8])
    assert compared.returncode == 0, compared.stderr
    lines = compared.stdout.splitlines()
    networks = next(line for line in lines if line.startswith("Rhwydweithiau"))
    assert "6/15" in networks and "15/15" in networks and "+9 (i fyny 9)" in networks
    assert english_lines(compared.stdout) == [], compared.stdout
    # The same records read the same in English afterwards: nothing was changed.
    english = coprod(data_dir, "--lang", "en", "stocktake", "--compare", older.id[:8],
                     newer.id[:8])
    assert "+9 (up 9)" in english.stdout and english.stdout.splitlines()[2].startswith("Strengths")
    assert json.dumps(Store.open(data_dir).all("stocktakes"), sort_keys=True) == stored


def test_share_in_welsh_and_combine_with_english_shares(data_dir: Path, tmp_path: Path) -> None:
    files = []
    for n, (language, score) in enumerate((("cy", 2), ("en", 3), ("en", 5))):
        person = tmp_path / f"person{n}"
        seed(person, f"2026-0{n + 1}-05T09:00:00+00:00", score)
        target = tmp_path / f"p{n}.json"
        made = coprod(person, "--lang", language, "stocktake", "--share", "-o", str(target))
        assert made.returncode == 0, made.stderr
        files.append(str(target))
    assert made.stdout.startswith("Shared the stocktake of")
    docs = [json.loads(Path(f).read_text(encoding="utf-8")) for f in files]
    assert docs[0]["wording"] == docs[1]["wording"] and docs[0].keys() == docs[1].keys()
    team = coprod(data_dir, "--lang", "cy", "stocktake", "--team", *files)
    assert team.returncode == 0, team.stderr
    assert team.stdout.startswith("Pwyso a mesur tîm: 3 o bobl.")
    assert "geiriad gwahanol" not in team.stdout  # one wording, whichever language made it
    assert "Rydyn ni mewn cysylltiad rheolaidd" in team.stdout
    assert "  Yr hyn sy'n bwysig isaf 6, canolrif 9, uchaf 15 (ystod 9)" in team.stdout
    assert english_lines(team.stdout) == [], team.stdout
    # Machines get the English words, whatever the language.
    as_json = json.loads(coprod(data_dir, "--lang", "cy", "stocktake", "--team", *files,
                                "--json").stdout)
    assert as_json["values"][2]["name"] == "What matters" and not as_json["mixed_wording"]
    assert as_json["statements"][3]["text"].startswith("We are in regular contact")


def test_team_errors_in_welsh(data_dir: Path, tmp_path: Path) -> None:
    too_many = [str(tmp_path / f"p{n}.json") for n in range(201)]
    refused = coprod(data_dir, "--lang", "cy", "stocktake", "--team", *too_many)
    assert refused.returncode == 2
    assert "gellir cyfuno 200 pwyso a mesur wedi'u rhannu ar y mwyaf; rhoddwyd 201" in refused.stderr
    missing = coprod(data_dir, "--lang", "cy", "stocktake", "--team",
                     *(str(tmp_path / f"gone{n}.json") for n in range(3)))
    assert missing.returncode == 1
    assert "gone0.json: nid oes ffeil o'r fath" in missing.stderr
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "b.json").write_text("{}", encoding="utf-8")
    (tmp_path / "c.json").write_text("{}", encoding="utf-8")
    broken = coprod(data_dir, "--lang", "cy", "stocktake", "--team", str(tmp_path / "bad.json"),
                    str(tmp_path / "b.json"), str(tmp_path / "c.json"))
    assert broken.returncode == 1 and "bad.json: nid JSON dilys" in broken.stderr
    two = coprod(data_dir, "--lang", "cy", "stocktake", "--team", "a.json", "b.json")
    assert two.returncode == 2 and "mae golwg tîm angen o leiaf 3" in two.stderr
