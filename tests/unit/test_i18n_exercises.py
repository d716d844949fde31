"""Welsh for the exercises' own words and the packs: every complexity result, the
team view and the revalidation pack are in Welsh under ``cy`` while what machines
read (``Result.reasons``, ``--json``) stays English (issue 20)."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from coprod_tui import i18n
from coprod_tui.complexity import rules as cx
from coprod_tui.core.preferences import PREFERENCES
from coprod_tui.i18n import _
from coprod_tui.revalidation.export import render_pack
from coprod_tui.stocktake import records as stocktakes
from coprod_tui.stocktake.rules import Stocktake
from coprod_tui.stocktake.team import (
    MIN_PEOPLE,
    PAIR_RULE,
    combine,
    pair_rule,
    parse_share,
    share_doc,
    team_lines,
)
from coprod_tui.transfer.common import ExportFilter

ALL_ANSWERS = [dict(zip(cx.QUESTION_IDS, combo, strict=True))
               for combo in itertools.product(cx.ANSWERS, repeat=len(cx.QUESTION_IDS))]


def test_every_complexity_reason_is_in_welsh_and_stays_english_in_the_result() -> None:
    english = [cx.assess(a).reasons for a in ALL_ANSWERS]
    i18n.set_language("cy")
    for answers, reasons in zip(ALL_ANSWERS, english, strict=True):
        result = cx.assess(answers)
        assert result.reasons == reasons, "the result keeps English (--json reads it)"
        assert cx.reasons_text(result) != " ".join(reasons), answers
        for reason in result.reasons:
            assert cx.reason_text(reason) != reason, reason  # each one, not just some
    assert cx.reason_text("You are not sure about 4 of the five questions.") == \
        "Rydych chi'n ansicr am 4 o'r pum cwestiwn."


def test_every_domain_and_question_has_welsh() -> None:
    i18n.set_language("cy")
    fields = [getattr(d, name) for d in cx.DOMAINS.values()
              for name in ("label", "verbs", "verbs_gloss", "meaning", "analogy", "response",
                           "coproduction", "first_step", "who")]
    fields += [getattr(q, name) for q in cx.QUESTIONS for name in ("short", "text", "hint")]
    fields += [label for _key, label in cx.PLAN_FIELDS] + list(cx.ANSWER_LABELS.values())
    untranslated = [text for text in fields if _(text) == text]
    assert untranslated == []


def test_complexity_summary_follows_the_language_and_english_is_unchanged() -> None:
    answers = dict.fromkeys(cx.QUESTION_IDS, "no")
    result = cx.assess(answers)
    english = cx.summary_text("Discharge", result, {"who": "the ward team"})
    assert english.splitlines()[:3] == [
        "Challenge: Discharge", "Result: Complex (probe, sense, respond)",
        "Answers: recipe: no, expertise: no, predictable: no, people: no, crisis: no"]
    assert english.splitlines()[-1] == "Who is involved: the ward team"
    i18n.set_language("cy")
    welsh = cx.summary_text("Discharge", result, {"who": "the ward team"}).splitlines()
    assert welsh[:3] == ["Her: Discharge", "Canlyniad: Cymhleth (profi, synhwyro, ymateb)",
                         "Atebion: recipe: na, expertise: na, predictable: na, people: na, "
                         "crisis: na"]
    assert welsh[-1] == "Pwy sy'n cymryd rhan: the ward team"


def _share(score: int) -> dict:
    stocktake = Stocktake(level="team", started="2026-11-01T10:00:00+00:00")
    for value_id in ("strengths", "networks", "what-matters", "relationships", "change-makers"):
        for index in range(3):
            stocktake.set_score(value_id, index, score)
    stocktake.finished = True
    return share_doc(stocktake, stocktakes.load_statements())


def test_team_view_and_the_pair_rule_in_welsh() -> None:
    statements = stocktakes.load_statements()
    view = combine([parse_share(_share(score), f"file{score}") for score in (2, 3, 4)])
    english = team_lines(view, statements)
    assert english[0].startswith("Team stocktake: 3 people.")
    assert PAIR_RULE == pair_rule() and str(MIN_PEOPLE) in PAIR_RULE
    i18n.set_language("cy")
    welsh = team_lines(view, statements)
    assert welsh[0].startswith("Pwyso a mesur tîm: 3 o bobl.")
    assert "Lle mae pobl yn anghytuno fwyaf (siaradwch am y rhain yn gyntaf)" in welsh
    assert any("isaf 2, canolrif 3, uchaf 4 (ystod 2)" in line for line in welsh)
    assert pair_rule().startswith("mae golwg tîm angen o leiaf 3 pwyso a mesur")
    assert PAIR_RULE.startswith("a team view needs at least 3"), "the constant stays English"


def test_setting_names_descriptions_and_choices_have_welsh_except_the_bilingual_ones() -> None:
    i18n.set_language("cy")
    for pref in PREFERENCES:
        texts = [pref.help] + ([] if pref.key == "language" else
                               [pref.label] + [label for _v, label in pref.choices])
        for text in texts:
            assert _(text) != text or text.startswith("What? So what?"), text
    language = next(p for p in PREFERENCES if p.key == "language")
    assert _(language.label) == "Language / Iaith"


def test_hcpc_pack_in_welsh_keeps_typed_words_and_translates_stored_choices() -> None:
    tables = {
        "registration": [{"id": "registration", "regulator": "hcpc", "renewal": "2027-06-01"}],
        "cpd": [{"id": "c1", "date": "2026-01-10", "title": "Carers' forum", "method": "workshop",
                 "hours": 2, "participatory": True, "learned": "Listen first.",
                 "standards": ["2 A mix of learning relevant to current or future practice"]}],
    }
    args = (tables, "hcpc", ExportFilter(), "2026-12-01T10:00:00+00:00", dt.date(2026, 12, 1))
    english = render_pack(*args)
    i18n.set_language("cy")
    welsh = render_pack(*args)
    assert english.startswith("HCPC CPD PROFILE: PARTS TO COMPLETE\n")
    assert welsh.startswith("PROFFIL DPP HCPC: RHANNAU I'W CWBLHAU\n")
    assert "I'W YSGRIFENNU: tua 500 gair" in welsh and "TO WRITE" not in welsh
    assert "BWLCH: " in welsh and re.search(r"^Dull: workshop$", welsh, re.M)
    for text in ("Carers' forum", "Listen first."):  # the user's own words
        assert text in welsh and text in english
    # A standard is stored in English and shown in the interface language.
    assert "2 A mix of learning relevant" in english and "2 A mix of" not in welsh
    assert "2 Cymysgedd o ddysgu perthnasol" in welsh
