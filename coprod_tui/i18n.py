"""Interface language: English (the source) and Cymraeg (Welsh).

Standard library ``gettext`` with one catalogue,
``coprod_tui/locale/cy/LC_MESSAGES/coprod.mo`` (compiled from ``coprod.po``
by ``make i18n``). Strings are looked up when :func:`_` is *called*, never
when a module is imported, so after :func:`set_language` every string built
afterwards (a parser, a screen rebuilt) is in the new language. A string with
no Welsh entry stays in English.

Which language a run uses (see :func:`choose_language`): ``--lang cy|en`` for
one run, then the ``language`` setting, then the system locale (``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES``, ``LANG``, in that order), then English.

Cheap to import and free of Textual: the command line imports it on every run.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "coprod"
ENGLISH = "en"
WELSH = "cy"
# Codes in the order they are listed to users; English is the source language.
LANGUAGES: tuple[str, ...] = (WELSH, ENGLISH)
# Each language's name in that language (how language menus are written).
LANGUAGE_NAMES: Mapping[str, str] = {ENGLISH: "English", WELSH: "Cymraeg"}
# The value of the ``language`` setting that means "follow the system locale".
SYSTEM = "system"
LOCALE_VARIABLES: tuple[str, ...] = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_current = ENGLISH
_catalogues: dict[str, gettext.NullTranslations] = {}


def locale_dir() -> Path:
    """The folder holding ``<code>/LC_MESSAGES/coprod.mo`` (inside the package)."""
    return Path(__file__).resolve().parent / "locale"


def _catalogue(code: str) -> gettext.NullTranslations:
    """The translations for ``code`` (English, or a missing file: no translation)."""
    found = _catalogues.get(code)
    if found is None:
        if code == ENGLISH:
            found = gettext.NullTranslations()
        else:
            found = gettext.translation(
                DOMAIN, localedir=str(locale_dir()), languages=[code], fallback=True
            )
        _catalogues[code] = found
    return found


def _(message: str) -> str:
    """``message`` in the current language (itself when it has no translation)."""
    return _catalogue(_current).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the current language."""
    return _catalogue(_current).ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark ``message`` for the catalogue without translating it now.

    For text kept in a constant and translated later with ``_(constant)``.
    """
    return message


def normalise(code: object) -> str | None:
    """The supported language a code or locale name means, or ``None``.

    ``cy``, ``CY``, ``cy_GB.UTF-8`` and ``cy_GB@euro`` give ``cy``; ``en_GB``,
    ``C`` and ``POSIX`` give ``en``; anything else gives ``None``.
    """
    if not isinstance(code, str):
        return None
    text = code.strip()
    if text in ("C", "POSIX") or text.startswith(("C.", "POSIX.")):
        return ENGLISH
    for separator in ".@_-":
        text = text.split(separator, 1)[0]
    text = text.lower()
    return text if text in LANGUAGES else None


def system_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the system locale asks for, or ``None`` if it names none we have.

    As gettext does, only the first of ``LANGUAGE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG`` that is set and not empty counts; ``LANGUAGE``
    may list several languages (``cy:en``), and the first one we have wins.
    """
    env = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = env.get(variable, "")
        if not value:
            continue
        for item in value.split(":"):
            code = normalise(item)
            if code is not None:
                return code
        return None
    return None


def choose_language(
    option: str | None = None,
    setting: object = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The language for this run: ``--lang`` > the ``language`` setting > the
    system locale > English. Unknown values at any step are passed over."""
    for candidate in (option, setting):
        code = normalise(candidate)
        if code is not None:
            return code
    return system_language(environ) or ENGLISH


def set_language(code: str) -> str:
    """Use ``code`` for every string looked up from now on; returns the code in use.

    Raises ``ValueError`` for a language we do not have.
    """
    global _current
    chosen = normalise(code)
    if chosen is None:
        raise ValueError(f"unknown language {code!r}; choices: {', '.join(LANGUAGES)}")
    _current = chosen
    return chosen


def current_language() -> str:
    """The code of the language in use (``en`` or ``cy``)."""
    return _current
