"""Reading manifests: parse and validate them, and merge content packs in.

A content folder (built-in or a pack) holds ``reading/manifest.json``::

    {"tiers": [{"id": "10-minutes", "title": "If you have 10 minutes",
                "label": "10-minute tier", "about": "Short factsheets.",
                "sections": [{"id": "what-is-co-production",
                              "title": "What co-production is",
                              "file": "10-minutes/what-is-co-production.md",
                              "minutes": 1}]}]}

``file`` is relative to the ``reading`` folder. A pack section whose id is
already known replaces that section in its place; other sections are added to
the end of their tier; unknown tiers are added after the others. A pack with
any problem is skipped as a whole, with one message naming the file.

Pack text is untrusted: titles, labels, about texts and every message come back
with control characters made visible (``ESC`` as ``^[``); section text is made
visible when it is read (:meth:`Section.read_text`).

Translations: ``reading/<code>/manifest.json`` (e.g. ``reading/cy/``) has the
same shape, with ``file`` relative to that folder and ``minutes`` optional.

A tier may say ``"timed": false`` when its sections' reading times are not the
time it takes (the one-hour tier is a recording whose length the toolkit does
not give): then no minutes are shown for it.
When the interface is in that language, it gives known tiers their titles and
known sections their text; it adds nothing and removes nothing, so every
section not translated stays in English, in its place. A folder's translation
applies to the sections as they stand after that folder is merged: a pack that
replaces a built-in section replaces its translation too (the pack's English,
unless the pack brings its own translation).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from coprod_tui import i18n, paths
from coprod_tui.core.content import (
    Field,
    TooDeepError,
    TooLargeError,
    cached,
    check_shape,
    json_problem,
    loads_limited,
    read_content_text,
    visible_strings,
)
from coprod_tui.core.text import make_visible
from coprod_tui.i18n import N_, _
from coprod_tui.reading.model import Catalog, ContentError, Section, Tier

MANIFEST = Path("reading") / "manifest.json"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def manifest_path(content_dir: Path) -> Path:
    """Where a content folder keeps its reading manifest."""
    return Path(content_dir) / MANIFEST


def translation_path(content_dir: Path, language: str) -> Path:
    """Where a content folder keeps the reading manifest of one translation."""
    return Path(content_dir) / "reading" / language / "manifest.json"


@dataclass
class _TierDraft:
    """A tier while manifests are merged (title may come from an earlier folder)."""

    id: str
    title: str | None
    label: str | None
    about: str | None
    sections: list[Section] = field(default_factory=list)
    timed: bool | None = None  # None: not said (timed, unless an earlier folder said)


def _fail(where: Path, problem: str) -> ContentError:
    return ContentError(make_visible(f"{where}: {problem}"))


# Shapes of a manifest's objects (ids, paths and minutes are checked after).
SECTION_SHAPE = {"title": Field("text"), "file": Field("text")}
TIER_SHAPE = {"title": Field("text", required=False), "label": Field("text", required=False),
              "about": Field("text", required=False), "sections": Field("list", required=False)}


def _shape(obj: dict[str, Any], spec: dict[str, Field], where: Path, what: str) -> None:
    check_shape(obj, spec, what, lambda message: _fail(where, message),
                style=N_('{where}: "{key}" must be {what}'), words={"text": N_("a non-empty text")})


def _tier_number(index: int) -> str:
    """``tier 2``: a tier named by its place in a manifest."""
    return _("tier {number}").format(number=index + 1)


def _tier(tier_id: str) -> str:
    """``tier 'ten-minutes'``: a tier named by its id."""
    return _("tier '{id}'").format(id=tier_id)


def _section(section_id: str) -> str:
    """``section 'five-values'``: a section named by its id."""
    return _("section '{id}'").format(id=section_id)


def _section_number(tier: str, index: int) -> str:
    """``tier 'x', section 3``: a section named by its place in a tier."""
    return _("{tier}, section {number}").format(tier=tier, number=index + 1)


def _bad_minutes(what: str, minutes: object) -> str:
    return _('{what}: "minutes" must be a whole number from 1 to 600 (got {value})').format(
        what=what, value=json.dumps(minutes))


def _not_an_object(what: str) -> str:
    return _("{what}: expected an object").format(what=what)


def _text_field(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return make_visible(value.strip()) if isinstance(value, str) else None


def _check_id(value: object, where: Path, what: str) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise _fail(where, _('{what}: "id" must be lower-case letters, digits and dashes '
                             "(got {value})").format(what=what, value=json.dumps(value)))
    return value


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        raw = read_content_text(path)
    except FileNotFoundError as error:
        raise _fail(path, _("manifest not found")) from error
    except UnicodeDecodeError as error:
        raise _fail(path, _("not UTF-8 text")) from error
    except TooLargeError as error:
        raise _fail(path, str(error)) from None
    except OSError as error:
        from coprod_tui.errors import os_reason

        raise _fail(path, os_reason(error)) from error
    try:
        data = visible_strings(loads_limited(raw))
    except TooDeepError as error:
        raise _fail(path, str(error)) from None
    except json.JSONDecodeError as error:
        raise _fail(path, _("not valid JSON (line {line}, column {column}: {problem})").format(
            line=error.lineno, column=error.colno, problem=json_problem(error))) from error
    if not isinstance(data, dict) or not isinstance(data.get("tiers"), list):
        raise _fail(path, _('expected an object with a "tiers" list'))
    return data


def _parse_section(item: object, tier_id: str, folder: Path, path: Path, origin: str,
                   index: int) -> Section:
    what = _section_number(_tier(tier_id), index)
    if not isinstance(item, dict):
        raise _fail(path, _not_an_object(what))
    section_id = _check_id(item.get("id"), path, what)
    what = _section(section_id)
    _shape(item, SECTION_SHAPE, path, what)
    title, file_name = _text_field(item, "title"), _text_field(item, "file")
    assert title is not None and file_name is not None
    file_path = _section_file(file_name, folder, path, what)
    minutes = item.get("minutes")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 600:
        raise _fail(path, _bad_minutes(what, minutes))
    return Section(section_id, title, tier_id, file_path, minutes, origin)


def parse_manifest(content_dir: Path, origin: str) -> list[_TierDraft]:
    """Read and validate one folder's manifest (raises :class:`ContentError`)."""
    path = manifest_path(content_dir)
    data = _read_manifest(path)
    folder = path.parent
    tiers: list[_TierDraft] = []
    seen_sections: set[str] = set()
    for index, item in enumerate(data["tiers"]):
        if not isinstance(item, dict):
            raise _fail(path, _not_an_object(_tier_number(index)))
        tier_id = _check_id(item.get("id"), path, _tier_number(index))
        if any(t.id == tier_id for t in tiers):
            raise _fail(path, _("{what} appears twice (duplicate id)").format(
                what=_tier(tier_id)))
        what = _tier(tier_id)
        _shape(item, TIER_SHAPE, path, what)
        draft = _TierDraft(tier_id, _text_field(item, "title"), _text_field(item, "label"),
                           _text_field(item, "about"))
        sections = item.get("sections") or []
        timed = item.get("timed")
        if timed is not None and not isinstance(timed, bool):
            raise _fail(path, _('{what}: "timed" must be true or false (got {value})').format(
                what=what, value=json.dumps(timed)))
        draft.timed = timed
        for number, entry in enumerate(sections):
            section = _parse_section(entry, tier_id, folder, path, origin, number)
            if section.id in seen_sections:
                raise _fail(path, _("{what} appears twice (duplicate id)").format(
                    what=_section(section.id)))
            seen_sections.add(section.id)
            draft.sections.append(section)
        tiers.append(draft)
    return tiers


def _merge(base: list[_TierDraft], pack: list[_TierDraft], path: Path) -> list[_TierDraft]:
    """``base`` with ``pack`` merged in, as a new list (``base`` is left unchanged)."""
    merged = [replace(t, sections=list(t.sections)) for t in base]
    for pack_tier in pack:
        target = next((t for t in merged if t.id == pack_tier.id), None)
        if target is None:
            if pack_tier.title is None:
                raise _fail(path, _('{what} is new, so it needs a "title"').format(
                    what=_tier(pack_tier.id)))
            target = replace(pack_tier, sections=[])
            merged.append(target)
        else:
            target.title = pack_tier.title or target.title
            target.label = pack_tier.label or target.label
            target.about = pack_tier.about or target.about
            if pack_tier.timed is not None:
                target.timed = pack_tier.timed
        for section in pack_tier.sections:
            _place(merged, target, section)
    return merged


def _place(tiers: list[_TierDraft], target: _TierDraft, section: Section) -> None:
    for tier in tiers:
        for index, existing in enumerate(tier.sections):
            if existing.id == section.id:
                tier.sections[index] = replace(section, tier_id=tier.id)
                return
    target.sections.append(section)


def _section_file(file_name: str, folder: Path, path: Path, what: str) -> Path:
    """The section file ``file_name`` names: a ``.md`` file inside ``folder``."""
    relative = Path(file_name)
    if relative.is_absolute() or ".." in relative.parts or relative.suffix != ".md":
        raise _fail(path, _('{what}: "file" must be a .md path inside {folder} '
                            "(got {file!r})").format(what=what, folder=folder, file=file_name))
    file_path = folder / relative
    if not file_path.is_file():
        raise _fail(path, _("{what}: file {file!r} not found (looked for {path})").format(
            what=what, file=file_name, path=file_path))
    return file_path


def _check_file(item: dict[str, Any], folder: Path, path: Path, what: str) -> Path:
    _shape(item, {"file": Field("text")}, path, what)
    file_name = _text_field(item, "file")
    assert file_name is not None
    return _section_file(file_name, folder, path, what)


def _translate(tiers: list[_TierDraft], content_dir: Path, language: str,
               origin: str) -> list[_TierDraft]:
    """``tiers`` with one folder's translation into ``language`` applied (a new
    list; raises :class:`ContentError` for a broken or mismatched translation)."""
    path = translation_path(content_dir, language)
    data = _read_manifest(path)
    folder = path.parent
    result = [replace(t, sections=list(t.sections)) for t in tiers]
    for index, item in enumerate(data["tiers"]):
        if not isinstance(item, dict):
            raise _fail(path, _not_an_object(_tier_number(index)))
        tier_id = _check_id(item.get("id"), path, _tier_number(index))
        target = next((t for t in result if t.id == tier_id), None)
        if target is None:
            raise _fail(path, _("{what} is not in the English manifest "
                                "(a translation adds no tiers)").format(what=_tier(tier_id)))
        what = _tier(tier_id)
        _shape(item, TIER_SHAPE, path, what)
        for key in ("title", "label", "about"):
            value = _text_field(item, key)
            if value is not None:
                setattr(target, key, value)
        sections = item.get("sections") or []
        for number, entry in enumerate(sections):
            if not isinstance(entry, dict):
                raise _fail(path, _not_an_object(_section_number(what, number)))
            section_id = _check_id(entry.get("id"), path, _section_number(what, number))
            place = next((i for i, s in enumerate(target.sections) if s.id == section_id), None)
            if place is None:
                raise _fail(path, _("{section} is not in {tier} of the English manifest "
                                    "(a translation adds no sections)").format(
                                        section=_section(section_id), tier=_tier(tier_id)))
            swhat = _section(section_id)
            _shape(entry, SECTION_SHAPE, path, swhat)
            title = _text_field(entry, "title")
            assert title is not None
            file_path = _check_file(entry, folder, path, swhat)
            minutes = entry.get("minutes", target.sections[place].minutes)
            if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 600:
                raise _fail(path, _bad_minutes(swhat, minutes))
            target.sections[place] = Section(section_id, title, tier_id, file_path, minutes,
                                             origin, language)
    return result


def _freeze(tiers: list[_TierDraft]) -> tuple[Tier, ...]:
    return tuple(
        Tier(t.id, t.title or t.id, t.label or t.title or t.id, t.about or "", tuple(t.sections),
             t.timed is not False)
        for t in tiers
    )


def load_catalog(pack_dirs: Sequence[Path] = (), builtin: Path | None = None,
                 language: str | None = None) -> Catalog:
    """The built-in reading content with every usable content pack merged in,
    translated into ``language`` (default: the interface language) where a
    translation exists, English elsewhere.

    A broken built-in manifest or translation raises :class:`ContentError`. A
    broken pack (or pack translation) is skipped and described in
    ``Catalog.problems``; a pack folder with neither a reading manifest nor a
    translation is ignored (it may hold content for other areas).
    """
    code = i18n.normalise(language) or i18n.current_language()
    base_dir = builtin if builtin is not None else paths.builtin_content_dir()
    folders = [Path(base_dir), *(Path(p) for p in pack_dirs)]
    # A folder's own time changes when a section file is added or removed.
    files = [f for d in folders
             for f in (d, d / "reading", manifest_path(d), translation_path(d, code))]
    return cached(f"reading:{code}", files,
                  lambda: _build_catalog(base_dir, list(pack_dirs), code))


def _build_catalog(base_dir: Path, pack_dirs: list[Path], code: str) -> Catalog:
    tiers = parse_manifest(base_dir, "built-in")
    if code != i18n.ENGLISH and translation_path(base_dir, code).exists():
        tiers = _translate(tiers, base_dir, code, "built-in")
    problems: list[str] = []
    for pack in pack_dirs:
        pack = Path(pack)
        if not pack.is_dir():
            problems.append(_("content pack {pack}: folder not found").format(pack=pack))
            continue
        translated = code != i18n.ENGLISH and translation_path(pack, code).exists()
        if not manifest_path(pack).exists() and not translated:
            continue
        try:
            merged = tiers
            if manifest_path(pack).exists():
                merged = _merge(merged, parse_manifest(pack, str(pack)), manifest_path(pack))
            if translated:
                merged = _translate(merged, pack, code, str(pack))
            tiers = merged
        except ContentError as error:
            problems.append(_("content pack {problem} (pack skipped)").format(
                problem=error.message))
    return Catalog(_freeze(tiers), tuple(problems))
