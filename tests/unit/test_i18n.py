"""The interface language: the choice order, call-time lookup, and the Welsh
catalogue (complete for every marked string, placeholders kept, .mo up to date)."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from coprod_tui import i18n
from coprod_tui.core.store.peek import peek_setting
from coprod_tui.i18n import _, ngettext
from tests.conftest import ROOT

PACKAGE = ROOT / "coprod_tui"
PO = PACKAGE / "locale" / "cy" / "LC_MESSAGES" / "coprod.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def _catalogue():
    with PO.open("rb") as handle:
        return read_po(handle, locale="cy")


# -- choosing the language -----------------------------------------------------------


@pytest.mark.parametrize("code, expected", [
    ("cy", "cy"), ("CY", "cy"), ("cy_GB.UTF-8", "cy"), ("cy_GB@euro", "cy"), ("cy-GB", "cy"),
    ("en", "en"), ("en_GB.UTF-8", "en"), ("C", "en"), ("C.UTF-8", "en"), ("POSIX", "en"),
    ("fr_FR.UTF-8", None), ("", None), ("system", None), (None, None), (3, None),
])
def test_normalise(code: object, expected: str | None) -> None:
    assert i18n.normalise(code) == expected


@pytest.mark.parametrize("environ, expected", [
    ({}, None),
    ({"LANG": "cy_GB.UTF-8"}, "cy"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    # The first variable set wins, in gettext's order...
    ({"LANGUAGE": "cy", "LC_ALL": "en_GB.UTF-8", "LANG": "en_GB.UTF-8"}, "cy"),
    ({"LC_ALL": "cy_GB.UTF-8", "LC_MESSAGES": "en_GB", "LANG": "en_GB"}, "cy"),
    ({"LC_MESSAGES": "cy_GB.UTF-8", "LANG": "en_GB.UTF-8"}, "cy"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "cy_GB.UTF-8"}, "en"),
    # ...an empty one is skipped...
    ({"LANGUAGE": "", "LC_ALL": "", "LANG": "cy_GB.UTF-8"}, "cy"),
    # ...LANGUAGE may list several, the first we have wins...
    ({"LANGUAGE": "fr:cy:en", "LANG": "en_GB.UTF-8"}, "cy"),
    # ...and a set variable naming nothing we have means no preference.
    ({"LC_ALL": "fr_FR.UTF-8", "LANG": "cy_GB.UTF-8"}, None),
])
def test_system_language_follows_the_locale_variables_in_order(environ, expected) -> None:
    assert i18n.system_language(environ) == expected


def test_choice_order_option_then_setting_then_locale_then_english() -> None:
    welsh_locale = {"LANG": "cy_GB.UTF-8"}
    english_locale = {"LANG": "en_GB.UTF-8"}
    assert i18n.choose_language("en", "cy", welsh_locale) == "en"
    assert i18n.choose_language("cy", "en", english_locale) == "cy"
    assert i18n.choose_language(None, "cy", english_locale) == "cy"
    assert i18n.choose_language(None, "en", welsh_locale) == "en"
    assert i18n.choose_language(None, "system", welsh_locale) == "cy"
    assert i18n.choose_language(None, None, welsh_locale) == "cy"
    assert i18n.choose_language(None, "klingon", welsh_locale) == "cy"
    assert i18n.choose_language(None, None, {}) == "en"
    assert i18n.choose_language(None, None, {"LANG": "fr_FR.UTF-8"}) == "en"


def test_set_language_refuses_what_we_do_not_have() -> None:
    with pytest.raises(ValueError, match="choices: cy, en"):
        i18n.set_language("fr")
    assert i18n.current_language() == "en"


# -- looking strings up --------------------------------------------------------------


def test_strings_are_looked_up_when_called_so_a_switch_changes_them() -> None:
    assert _("options") == "options"
    i18n.set_language("cy")
    assert i18n.current_language() == "cy"
    assert _("options") == "dewisiadau"
    assert _("a string nobody translated") == "a string nobody translated"
    i18n.set_language("en")
    assert _("options") == "options"


def test_ngettext_and_n_marker() -> None:
    i18n.set_language("cy")
    assert ngettext("one file", "{n} files", 1) == "one file"
    assert ngettext("one file", "{n} files", 5) == "{n} files"
    assert i18n.N_("options") == "options", "N_ only marks; it never translates"


# -- the catalogue ---------------------------------------------------------------------


def _marked_strings() -> dict[str, str]:
    """Every string marked with _(), N_() or ngettext() in the package, with where."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS,
    ):
        # A plural (ngettext) is one catalogue entry, found by its singular.
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def test_every_marked_string_has_a_welsh_entry() -> None:
    marked = _marked_strings()
    assert len(marked) >= 40, "the extraction finds the wrapped strings"
    catalogue = _catalogue()
    missing = []
    for msgid, where in sorted(marked.items()):
        message = catalogue.get(msgid)
        strings = message.string if message is not None else ""
        strings = strings if isinstance(strings, tuple) else (strings,)
        if message is None or message.fuzzy or not all(strings):
            missing.append(f"{where}: {msgid!r}")
    assert missing == [], (
        "strings with no (or only a fuzzy) Welsh entry in coprod.po; run `make i18n` "
        "and translate them:\n" + "\n".join(missing))


def test_no_literal_is_marked_inside_an_f_string() -> None:
    """Babel's extractor does not look inside f-strings: ``f"{_('Total')}"`` would
    never reach the catalogue and stay English in every language."""
    inside = re.compile(r"""\{_\(\s*["']""")
    found = [f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
             for path in sorted(PACKAGE.rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if inside.search(line)]
    assert found == [], "mark the string outside the f-string:\n" + "\n".join(found)


def test_translations_keep_every_placeholder() -> None:
    field = re.compile(r"\{[^{}]*\}")
    for message in _catalogue():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(field.findall(ids[-1]))
        for string in strings:
            assert sorted(field.findall(string)) == wanted, message.id
        assert ids[0].endswith("\n") == strings[0].endswith("\n"), message.id


def test_the_catalogue_says_it_is_not_yet_reviewed_and_how_to_correct_it() -> None:
    header = _catalogue().header_comment
    assert "NOT YET REVIEWED" in header
    assert "Welsh-speaking professional" in header
    assert "send the file back" in header


def test_the_compiled_catalogue_matches_the_po_file() -> None:
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in _catalogue():
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            assert compiled.ngettext(*message.id, 1) == message.string[1], message.id
        else:
            assert compiled.gettext(message.id) == message.string, (
                f"coprod.mo is older than coprod.po ({message.id!r}): run `make i18n`")


# -- the language setting, read before the store opens -------------------------------


def test_peek_setting_reads_without_creating_anything(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert peek_setting(folder, "language") is None
    assert not folder.exists()
    from coprod_tui.core.store import Store

    store = Store.open(folder)
    store.set_setting("mouse", "off")
    store.set_setting("language", "cy")
    assert peek_setting(folder, "language") == "cy"
    assert peek_setting(folder, "nothing") is None


@pytest.mark.parametrize("content", [b"{not json", b"[]", b'{"settings": 3}', b"\xff\xfe"])
def test_peek_setting_gives_none_for_a_broken_file(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "state.json").write_bytes(content)
    assert peek_setting(tmp_path, "language") is None
