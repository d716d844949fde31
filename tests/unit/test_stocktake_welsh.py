"""The stocktake in Welsh: statements from content/cy/stocktake.json, chosen by the
interface language, English for anything not translated; saved stocktakes and
share files hold ids and scores only, so switching language never changes or
breaks them (issue 20)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from coprod_tui import i18n, paths
from coprod_tui.core.store import Store
from coprod_tui.journal.entry import VALUE_IDS
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.report import (
    comparison_lines,
    history_line,
    result_lines,
    trend_lines,
)
from coprod_tui.stocktake.rules import Stocktake, compare, trend
from coprod_tui.stocktake.statements import StatementsFileError
from coprod_tui.stocktake.team import combine, parse_share, share_doc, team_doc, team_lines

BUILTIN = paths.builtin_content_dir()
WELSH_FILE = BUILTIN / "cy" / "stocktake.json"


def english_data() -> dict[str, Any]:
    return json.loads((BUILTIN / "stocktake.json").read_text(encoding="utf-8"))


def _texts(statements: Any) -> list[str]:
    """Every text a person reads, in order."""
    texts = [statements.title, statements.intro]
    texts += [t for p in statements.scale for t in (p.label, p.descriptor)]
    for value in statements.values:
        texts += [value.name, value.summary, *value.statements, *value.next_steps]
    return texts


def test_the_built_in_welsh_translates_every_text_and_keeps_every_id() -> None:
    english = stocktakes.load_statements(language="en")
    welsh = stocktakes.load_statements(language="cy")
    assert welsh.language == "cy" and english.language == "en"
    assert [v.id for v in welsh.values] == [v.id for v in english.values] == list(VALUE_IDS)
    assert [v.reading for v in welsh.values] == [v.reading for v in english.values]
    assert [p.score for p in welsh.scale] == [1, 2, 3, 4, 5]
    assert all(len(v.statements) == 3 for v in welsh.values)
    # Nothing left in English: each text differs from the English one in its place.
    same = [w for w, e in zip(_texts(welsh), _texts(english), strict=True) if w == e]
    assert same == []
    # The value names are the glossary's short names (docs/welsh-glossary.md).
    assert [v.name for v in welsh.values] == [
        "Cryfderau", "Rhwydweithiau", "Yr hyn sy'n bwysig", "Cysylltiadau", "Ysgogi newid"]
    # The network's tool has no Welsh page we know of: its address stays.
    assert welsh.official_tool == english.official_tool
    # The same fingerprint: share files made in either language say the same wording.
    assert welsh.wording == english.wording != ""


def test_the_interface_language_chooses_the_statements() -> None:
    assert stocktakes.load_statements().values[0].name == "Strengths"
    i18n.set_language("cy")
    assert stocktakes.load_statements().values[0].name == "Cryfderau"
    assert stocktakes.load_statements(language="en").values[0].name == "Strengths"


def _pack(folder: Path, english: dict[str, Any] | None = None,
          welsh: dict[str, Any] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if english is not None:
        (folder / "stocktake.json").write_text(json.dumps(english), encoding="utf-8")
    if welsh is not None:
        (folder / "cy").mkdir(exist_ok=True)
        (folder / "cy" / "stocktake.json").write_text(json.dumps(welsh), encoding="utf-8")
    return folder


def test_a_partial_translation_falls_back_to_english_item_by_item(tmp_path: Path) -> None:
    english = english_data()
    english["values"][1]["statements"][2] = "Our own third networks statement."
    pack = _pack(tmp_path / "pack", english, {
        "title": "Ein pwyso a mesur",
        "scale": [{"score": 2, "label": "Camau cynnar"}],
        "values": [
            {"id": "networks", "name": "Rhwydweithiau",
             "statements": [None, "Ail ddatganiad"]},  # 1st and 3rd stay English
            {"id": "change-makers", "next_steps": ["Un cam yn unig."]},
        ],
    })
    welsh = stocktakes.load_statements([pack], language="cy")
    assert welsh.title == "Ein pwyso a mesur"
    assert welsh.intro == english["intro"]
    assert welsh.point(2).label == "Camau cynnar"
    assert welsh.point(2).descriptor == english["scale"][1]["descriptor"]
    assert welsh.point(1).label == "Not yet"
    networks = welsh.value("networks")
    assert networks.name == "Rhwydweithiau" and networks.summary == english["values"][1]["summary"]
    assert networks.statements == (english["values"][1]["statements"][0], "Ail ddatganiad",
                                   "Our own third networks statement.")
    assert welsh.value("change-makers").next_steps == ("Un cam yn unig.",)
    assert welsh.value("change-makers").statements == tuple(english["values"][4]["statements"])
    assert welsh.value("strengths").name == "Strengths"
    assert welsh.wording == stocktakes.load_statements([pack], language="en").wording


def test_a_pack_with_its_own_statements_is_not_given_the_built_in_welsh(tmp_path: Path) -> None:
    english = english_data()
    english["values"][0]["statements"][0] = "Our own first statement."
    pack = _pack(tmp_path / "pack", english)
    welsh = stocktakes.load_statements([pack], language="cy")
    assert welsh.value("strengths").statements[0] == "Our own first statement."
    assert welsh.value("strengths").name == "Strengths" and welsh.language == "en"


def test_a_pack_holding_only_a_translation_translates_the_statements_before_it(
        tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack", welsh={"values": [{"id": "strengths", "name": "Asedau"}]})
    welsh = stocktakes.load_statements([pack], language="cy")
    assert welsh.value("strengths").name == "Asedau"
    assert welsh.value("networks").name == "Networks"  # the pack's file replaces the built-in one
    assert stocktakes.load_statements([pack], language="en").value("strengths").name == "Strengths"


@pytest.mark.parametrize(("welsh", "expected"), [
    ([], "top level: expected an object"),
    ({"values": [{"id": "kindness"}]}, "values[0].id: unknown value 'kindness'"),
    ({"values": [{"id": "networks"}, {"id": "networks"}]}, "values[1].id: value 'networks' appears twice"),
    ({"values": [{"id": "networks", "statements": ["a", "b", "c", "d"]}]},
     "values[0].statements: has 4 statements; the English has 3"),
    ({"values": [{"id": "networks", "statements": ["  "]}]}, "values[0].statements[0]: needs some text"),
    ({"values": [{"id": "networks", "next_steps": []}]}, "values[0].next_steps: needs at least one"),
    ({"values": [{"id": "networks", "name": ""}]}, "values[0].name"),
    ({"scale": [{"score": 6, "label": "x"}]}, "scale[0].score: should be a score from 1 to 5"),
    ({"scale": [{"score": 1}, {"score": 1}]}, "scale[1].score: score 1 appears twice"),
    ({"official_tool": "copronet"}, "official_tool: should be a web address"),
    ({"values": {"networks": {}}}, "values: should be a list (or left out to keep the English)"),
])
def test_a_broken_translation_names_its_file_and_the_problem(
        tmp_path: Path, welsh: Any, expected: str) -> None:
    pack = _pack(tmp_path / "pack", english_data(), welsh)
    with pytest.raises(StatementsFileError) as caught:
        stocktakes.load_statements([pack], language="cy")
    assert caught.value.message.startswith(str(pack / "cy" / "stocktake.json") + ": ")
    assert expected in caught.value.message
    # English readers are not affected by a broken Welsh file.
    assert stocktakes.load_statements([pack], language="en").values[0].name == "Strengths"


def _finished(store: Store, stamp: str, score: int, notes: str = "") -> Stocktake:
    stocktake = Stocktake(level="organisation", started=stamp, participants="two nurses")
    for value_id in VALUE_IDS:
        for index in range(3):
            stocktake.set_score(value_id, index, 1 if value_id == "networks" else score)
    stocktake.set_note("networks", "working", notes)
    stocktake.finished, stocktake.finished_at = True, stamp
    return stocktakes.save(store, stocktake)


@pytest.mark.parametrize(("saved_in", "viewed_in"), [("en", "cy"), ("cy", "en")])
def test_a_stocktake_saved_in_one_language_reads_compares_and_trends_in_the_other(
        data_dir: Path, saved_in: str, viewed_in: str) -> None:
    i18n.set_language(saved_in)
    store = Store.open(data_dir)
    taken = [_finished(store, f"2026-0{month}-01T10:00:00+00:00", score, "Joint clinic")
             for month, score in ((1, 2), (4, 3), (7, 4))]
    stored = json.dumps(store.all("stocktakes"), sort_keys=True)
    i18n.set_language(viewed_in)
    statements = stocktakes.load_statements()
    done = stocktakes.finished(Store.open(data_dir))
    assert [s.id for s in done] == [s.id for s in taken]
    result = "\n".join(result_lines(done[-1], statements, ascii_only=True))
    networks = "Rhwydweithiau" if viewed_in == "cy" else "Networks"
    assert f"{networks} " in result and " 3/15" in result and "Joint clinic" in result
    assert ("Gwannaf: Rhwydweithiau (3/15)" if viewed_in == "cy"
            else "Weakest: Networks (3/15)") in result
    assert ("Fy sefydliad" if viewed_in == "cy" else "My organisation") in history_line(done[0])
    table = comparison_lines(compare(done[0], done[-1]), statements)
    assert any(line.startswith(networks) and "0 (" in line for line in table)
    over_time = trend_lines(trend(done), statements, ascii_only=True)  # type: ignore[arg-type]
    assert any(("yn codi" if viewed_in == "cy" else "rising") in line for line in over_time)
    # Viewing changed nothing that was saved.
    assert json.dumps(Store.open(data_dir).all("stocktakes"), sort_keys=True) == stored


def test_welsh_columns_line_up_for_the_longer_value_names(data_dir: Path) -> None:
    i18n.set_language("cy")
    statements = stocktakes.load_statements()
    done = [_finished(Store.open(data_dir), f"2026-0{m}-01T10:00:00+00:00", s)
            for m, s in ((1, 2), (2, 3))]
    scores = result_lines(done[-1], statements, ascii_only=True)[2:8]
    assert len({line.index("/") for line in scores}) == 1, scores
    table = comparison_lines(compare(*done), statements)[2:8]
    assert len({line.index("/") for line in table}) == 1, table
    assert all(len(line) <= 78 for line in scores + table)


def _share(score: int, language: str) -> dict[str, Any]:
    i18n.set_language(language)
    stocktake = Stocktake(started="2026-11-01T10:00:00+00:00")
    for value_id in VALUE_IDS:
        for index in range(3):
            stocktake.set_score(value_id, index, score)
    stocktake.finished = True
    return share_doc(stocktake, stocktakes.load_statements(), with_notes=False)


def test_share_files_made_in_either_language_combine_as_one_wording() -> None:
    docs = [_share(2, "en"), _share(3, "cy"), _share(4, "en")]
    assert docs[0]["wording"] == docs[1]["wording"]
    assert set(docs[0]) == set(docs[1]) and docs[0]["scores"].keys() == docs[1]["scores"].keys()
    view = combine([parse_share(doc, f"file{n}") for n, doc in enumerate(docs)])
    assert not view.mixed_wording
    i18n.set_language("cy")
    welsh = team_lines(view, stocktakes.load_statements())
    assert not any("geiriad gwahanol" in line for line in welsh)
    assert any(line.startswith("  Rhwydweithiau ") for line in welsh)
    # Machines get the English words, whatever language the person uses.
    doc = team_doc(view, stocktakes.load_statements(language="en"))
    assert doc["values"][1]["name"] == "Networks"
