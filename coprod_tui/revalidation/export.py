"""The packs a portfolio can take: ``nmc`` (the whole revalidation pack), ``hcpc``
(the CPD profile's parts) and ``html`` (either, printable from a browser).

Pure: from the tables of an export snapshot to text. Both packs are built once
as a :class:`Pack` of sections, then written as plain text or as HTML (standard
library only, everything escaped, inline CSS, no scripts, no external requests).
The reflective discussion partner's details appear only when asked for.
Headings and fixed words follow the interface language (and the HTML page's
``lang`` with them), and so do the stored choices (feedback sources, Code
themes, HCPC standards: stored in English, shown translated); what the user
wrote (the method included) does not. The NMC form's questions are given in
the interface language with the form's English wording after them (see
:mod:`coprod_tui.transfer.nmc`).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import textwrap
from dataclasses import dataclass, field, replace
from typing import Any

from coprod_tui.core.clock import local_display
from coprod_tui.core.text import make_visible
from coprod_tui.i18n import N_, _, current_language, ngettext
from coprod_tui.journal.entry import Entry
from coprod_tui.revalidation import rules
from coprod_tui.transfer.common import ExportFilter, link_summary, local_day, select
from coprod_tui.transfer.nmc import account, account_gaps, reminder

Doc = dict[str, Any]
PACK_FORMATS = ("nmc", "hcpc", "html")
WIDTH = 79
OUTSIDE_COPROD = (
    N_("a declaration of your health and character"),
    N_("evidence of a professional indemnity arrangement"),
    N_("confirmation by an appropriate person"),
)


@dataclass
class Block:
    """One piece of a section: ``p`` (a paragraph), ``items`` (a list), ``fields``
    (label and value pairs) or ``pre`` (text laid out already, kept as it is)."""

    kind: str
    content: Any


@dataclass
class Section:
    """A titled part of a pack."""

    title: str
    blocks: list[Block] = field(default_factory=list)

    def p(self, text: str) -> Section:
        """Add a paragraph."""
        self.blocks.append(Block("p", text))
        return self

    def items(self, items: list[str]) -> Section:
        """Add a list."""
        self.blocks.append(Block("items", items))
        return self

    def fields(self, pairs: list[tuple[str, str]]) -> Section:
        """Add label and value pairs."""
        self.blocks.append(Block("fields", pairs))
        return self

    def pre(self, text: str) -> Section:
        """Add text laid out already."""
        self.blocks.append(Block("pre", text))
        return self


@dataclass
class Pack:
    """A whole pack: a title, lines under it, and sections."""

    title: str
    lead: list[str]
    sections: list[Section]


@dataclass
class Source:
    """What a pack is made from: the snapshot's tables, narrowed to a window."""

    tables: dict[str, list[Doc]]
    flt: ExportFilter
    exported: str
    today: dt.date
    with_partner: bool = False

    @property
    def registration(self) -> Doc:
        """The registration record (empty when none is set)."""
        regs = [d for d in self.tables.get("registration", []) if d.get("id") == "registration"]
        return regs[-1] if regs else {}

    @property
    def window(self) -> rules.Window | None:
        """The window asked for (``--since``/``--until``), else the registration's."""
        renewal = rules.day_of(self.registration, "renewal")
        base = rules.window(renewal, self.registration.get("regulator")) if renewal else None
        if self.flt.since is None and self.flt.until is None:
            return base
        start = self.flt.since or (base.start if base else dt.date.min)
        end = self.flt.until or (base.end if base else dt.date.max)
        return rules.Window(start, end)

    def log(self, table: str) -> list[Doc]:
        """A log's records inside the window, oldest first."""
        docs = rules.in_window(self.tables.get(table, []), self.window)
        return sorted(docs, key=lambda d: (str(d.get("date")), str(d.get("created", ""))))


def _window_line(src: Source) -> str:
    win = src.window
    if win is None:
        return _("Window: everything (no revalidation date set: `coprod registration`)")
    start = _("the beginning") if win.start == dt.date.min else win.start.isoformat()
    end = _("now") if win.end == dt.date.max else win.end.isoformat()
    return _("Window: {start} to {end}").format(start=start, end=end)


def _progress(src: Source) -> rules.Progress:
    from coprod_tui.revalidation.records import DISCUSSIONS, progress_of

    data = {k: src.tables.get(k, []) for k in ("cpd", "feedback", "practice_hours", DISCUSSIONS,
                                               "entries")}
    data["registration"] = src.registration
    return progress_of(data, src.today)


def _progress_section(src: Source) -> Section:
    progress = _progress(src)
    section = Section(_("Progress"))
    items = []
    for req in progress.requirements:
        need = " " + _("of {need}").format(need=rules.fmt_hours(req.need)) if req.need else ""
        unit = f" {req.unit}" if req.unit else ""
        items.append(f"[{'x' if req.met else ' '}] {rules.fmt_hours(req.have)}{need}{unit} "
                     f"{_(req.label)}")
    section.items(items)
    missing = progress.missing(shown=True)
    section.p(_("Complete: everything coprod keeps is here.") if not missing
              else _("Still needed: {items}.").format(items="; ".join(missing)))
    return section


def _entries(src: Source) -> tuple[list[Entry], list[Entry], Any]:
    """Entries in the window (and the filter): complete accounts, then the rest as drafts."""
    win = src.window
    selection = select(src.tables, replace(src.flt, since=None, until=None), src.exported)
    chosen = sorted((e for e in selection.entries
                     if win is None or win.holds(local_day(e.created))), key=lambda e: e.created)
    complete = [e for e in chosen if not account_gaps(e)]
    drafts = [e for e in chosen if account_gaps(e)]
    return complete, drafts, selection


def _cpd_fields(doc: Doc, code: bool) -> list[tuple[str, str]]:
    hours = rules.hours_of(doc)
    pairs = [
        (_("Date"), str(doc.get("date", ""))),
        (_("Method"), str(doc.get("method", ""))),
        (_("Topic"), str(doc.get("title", ""))),
        (_("Hours"), rules.fmt_hours(hours)),
        (_("Participatory hours"), rules.fmt_hours(hours if doc.get("participatory") else 0)),
    ]
    if code:
        themes = rules.themes_of(doc)
        pairs.append((_("Link to the Code"),
                      "; ".join(_(t) for t in themes) if themes else _("none given")))
    else:
        standards = [_(s) for s in rules.strings(doc, "standards") if s in rules.HCPC_STANDARDS]
        pairs.append((_("HCPC standards"),
                      "; ".join(standards) if standards else _("none given")))
    pairs.append((_("What I learned, and how it relates to my practice"),
                  str(doc.get("learned") or _("not written"))))
    pairs.append((_("Evidence"), str(doc.get("evidence") or _("none recorded"))))
    if rules.strings(doc, "entries"):
        pairs.append((_("Journal entries"),
                      ", ".join(e[:8] for e in rules.strings(doc, "entries"))))
    return pairs


def nmc_pack(src: Source) -> Pack:
    """The NMC revalidation pack."""
    reg = src.registration
    lead = [_("Made by coprod on {when}.").format(when=local_display(src.exported)),
            _window_line(src)]
    if reg.get("renewal"):
        lead.append(_("Revalidation date: {date}").format(date=reg["renewal"]))
    sections = [_progress_section(src)]
    # The reminder's own first line is its heading.
    heading, _sep, words = reminder().rstrip("\n").partition("\n")
    sections.append(Section(heading.capitalize()).pre(words))

    hours = src.log("practice_hours")
    sec = Section(_("Practice hours"))
    sec.items([_hours_item(d) for d in hours] or [_("none recorded")])
    sec.p(_("Total: {hours} hours (the NMC asks for {need}).").format(
        hours=rules.fmt_hours(sum(rules.hours_of(d) for d in hours)),
        need=rules.fmt_hours(rules.NMC_PRACTICE_HOURS)))
    sections.append(sec)

    cpd = src.log("cpd")
    sec = Section(_("CPD record"))
    total = sum(rules.hours_of(d) for d in cpd)
    part = sum(rules.hours_of(d) for d in cpd if d.get("participatory"))
    sec.p(_("Total: {hours} hours, of which {part} participatory (the NMC asks for {need}, "
            "{need_part} of them participatory).").format(
                hours=rules.fmt_hours(total), part=rules.fmt_hours(part),
                need=rules.fmt_hours(rules.NMC_CPD_HOURS),
                need_part=rules.fmt_hours(rules.NMC_PARTICIPATORY_HOURS)))
    if not cpd:
        sec.p(_("No CPD recorded."))
    for number, doc in enumerate(cpd, start=1):
        sec.p(_("Activity {number}").format(number=number))
        sec.fields(_cpd_fields(doc, code=True))
    sections.append(sec)

    feedback = src.log("feedback")
    sec = Section(_("Practice-related feedback"))
    if not feedback:
        sec.p(_("No feedback recorded."))
    for number, doc in enumerate(feedback, start=1):
        sec.p(_("Feedback {number}").format(number=number))
        sec.fields([(_("Date"), str(doc.get("date", ""))),
                    (_("From"), _("a {source}").format(
                        source=rules.shown_choice(doc.get("source", "")))),
                    (_("What was said"), str(doc.get("said", ""))),
                    (_("What I changed"), str(doc.get("changed") or _("not written")))])
    sections.append(sec)

    complete, drafts, selection = _entries(src)
    sec = Section(_("Reflective accounts"))
    if not complete:
        sec.p(_("No complete reflective accounts in the window yet."))
    for number, entry in enumerate(complete, start=1):
        links = [link_summary(selection, link) for link in entry.links]
        sec.pre(account(entry, number, len(complete), links))
    sections.append(sec)
    if drafts:
        sec = Section(_("Drafts: entries that are not complete accounts yet"))
        sec.p(_("Each MISSING line says what to add (in the journal, or on the form)."))
        for number, entry in enumerate(drafts, start=1):
            links = [link_summary(selection, link) for link in entry.links]
            sec.pre(account(entry, number, len(drafts), links))
        sections.append(sec)

    titles = {e.id: e.title or _("Untitled") for e in selection.entries}
    sec = Section(_("Reflective discussion"))
    discussions = src.log("discussions")
    if not discussions:
        sec.p(_("No reflective discussion recorded."))
    gone = _("an entry no longer in the journal")
    for doc in discussions:
        pairs = [(_("Date of the discussion"), str(doc.get("date", "")))]
        if src.with_partner:
            pairs += [(_("Partner's name"), str(doc.get("partner", ""))),
                      (_("Partner's NMC PIN"), str(doc.get("pin", ""))),
                      (_("Partner's email"), str(doc.get("email", ""))),
                      (_("Partner's professional address"), str(doc.get("address", ""))),
                      (_("Postcode"), str(doc.get("postcode", "")))]
        else:
            pairs.append((_("Partner's details"), _("left out of this export (add them with "
                                                    "--with-partner, or on the form itself)")))
        accounts = [f"{titles.get(a, gone)} ({a[:8]})" for a in rules.strings(doc, "accounts")]
        pairs.append((_("Accounts discussed"), "; ".join(accounts)))
        if doc.get("notes"):
            pairs.append((_("Notes"), str(doc["notes"])))
        sec.fields(pairs)
    sections.append(sec)
    sections.append(Section(_("Also needed, not kept by coprod")).items(
        [_(item) for item in OUTSIDE_COPROD]))
    return Pack(_("NMC REVALIDATION PACK"), lead, sections)


def _hours_item(doc: Doc) -> str:
    """One practice hours record as a list item."""
    day = (_("{start} to {end}").format(start=doc.get("date"), end=doc["until"])
           if doc.get("until") else str(doc.get("date")))
    role = f" ({doc['role']})" if doc.get("role") else ""
    return f"{day}: {rules.fmt_hours(rules.hours_of(doc))} h{role}"


def hcpc_pack(src: Source) -> Pack:
    """The parts of an HCPC CPD profile."""
    reg = src.registration
    lead = [_("Made by coprod on {when}.").format(when=local_display(src.exported)),
            _window_line(src)]
    if reg.get("renewal"):
        lead.append(_("Renewal date: {date}").format(date=reg["renewal"]))
    cpd = src.log("cpd")
    sections = [
        Section(_("Summary of practice")).p(
            _("TO WRITE: about 500 words on your role, where and with whom you work, and the "
              "people who use your service. coprod does not write this for you.")),
    ]
    sec = Section(_("CPD activities, by date"))
    sec.items([f"{d.get('date')}: {d.get('title')} ({d.get('method')}, "
               f"{rules.fmt_hours(rules.hours_of(d))} h)" for d in cpd] or [_("none recorded")])
    sections.append(sec)
    sec = Section(_("Activities and the five standards"))
    methods = sorted({str(d.get("method")) for d in cpd})
    win = src.window
    gaps = rules.cpd_gaps(cpd, win, src.today) if win and win.start != dt.date.min else ()
    for number, standard in enumerate(rules.HCPC_STANDARDS, start=1):
        sec.p(_(standard))
        if number == 1:
            sec.items([ngettext(
                "this dated record of {count} activity; gaps of 3 months or more: {gaps} "
                "(listed below)",
                "this dated record of {count} activities; gaps of 3 months or more: {gaps} "
                "(listed below)", len(cpd)).format(count=len(cpd), gaps=len(gaps))])
            continue
        if number == 5:
            sec.items([_("this profile, once the parts marked TO WRITE are written")])
            continue
        matched = [f"{d.get('date')}: {d.get('title')}" for d in cpd
                   if standard in rules.strings(d, "standards")]
        sec.items(matched or [_("MISSING: no activity mapped to this standard yet")])
    sec.p(_("Methods used: {methods}.").format(
        methods=", ".join(methods) if methods else _("none")))
    sections.append(sec)
    sec = Section(_("Gaps of 3 months or more"))
    sec.items([_("GAP: {start} to {end} ({days} days): explain it (for example illness, "
                 "leave or a career break)").format(start=a, end=b, days=(b - a).days + 1)
               for a, b in gaps] or [_("none")])
    sections.append(sec)
    sec = Section(_("Statement: how your activities meet the standards"))
    sec.p(_("TO WRITE: about 1,500 words on how 4 to 6 of the activities above meet the "
            "standards. What you wrote when you logged them, to start from:"))
    for number, doc in enumerate(cpd, start=1):
        sec.p(_("Activity {number}").format(number=number))
        sec.fields(_cpd_fields(doc, code=False))
    sections.append(sec)
    return Pack(_("HCPC CPD PROFILE: PARTS TO COMPLETE"), lead, sections)


# -- writing ------------------------------------------------------------------------------
def _wrap(text: str, indent: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent=indent, break_on_hyphens=False,
                               subsequent_indent=indent) or [indent.rstrip()]
    return lines


def as_text(pack: Pack) -> str:
    """A pack as plain text (control characters shown visibly)."""
    lines = [pack.title, "=" * len(pack.title), "", *pack.lead]
    for section in pack.sections:
        lines += ["", section.title.upper(), "-" * len(section.title), ""][lines[-1] == "":]
        for block in section.blocks:
            if block.kind == "p":
                lines += _wrap(block.content) + [""]
            elif block.kind == "items":
                for item in block.content:
                    lines += textwrap.wrap(item, WIDTH, initial_indent="- ", break_on_hyphens=False,
                                           subsequent_indent="  ") or ["-"]
                lines.append("")
            elif block.kind == "fields":
                for label, value in block.content:
                    if "\n" in value or len(label) + len(value) > WIDTH - 2:
                        lines.append(f"{label}:")
                        lines += _wrap(value, "  ")
                    else:
                        lines.append(f"{label}: {value}")
                lines.append("")
            else:
                lines += [block.content, ""]
    while lines and lines[-1] == "":
        lines.pop()
    return make_visible("\n".join(lines) + "\n")


CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; line-height: 1.45; color: #111; background: #fff; }
h1 { font-size: 1.6em; border-bottom: 2px solid #111; }
h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #888; }
dl { display: grid; grid-template-columns: 14em 1fr; gap: .2em 1em; margin: .5em 0 1.2em; }
dt { font-weight: bold; }
dd { margin: 0; white-space: pre-wrap; }
pre { white-space: pre-wrap; font-family: inherit; border-left: 3px solid #888;
      padding-left: 1em; }
.lead { color: #333; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  pre, dl { break-inside: avoid; }
}
"""
_URL = re.compile(r"https?://[^\s<>\"']+")


def _escape(text: str, links: bool = False) -> str:
    """Escaped text; with ``links``, web addresses in it become links (entries only)."""
    text = make_visible(text)
    if not links:
        return html.escape(text)
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        url = html.escape(match.group(0), quote=True)
        out.append(f'<a href="{url}">{url}</a>')
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def as_html(pack: Pack) -> str:
    """A pack as one printable HTML page: no scripts, no external requests."""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{current_language()}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Defence in depth: should an escape ever be missed, the browser still runs
        # no script and fetches nothing (links a reader clicks are not fetches).
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'; base-uri \'none\'; form-action \'none\'">',
        f"<title>{_escape(pack.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_escape(pack.title)}</h1>",
    ]
    parts += [f'<p class="lead">{_escape(line)}</p>' for line in pack.lead]
    for section in pack.sections:
        parts.append(f"<h2>{_escape(section.title)}</h2>")
        for block in section.blocks:
            if block.kind == "p":
                parts.append(f"<p>{_escape(block.content)}</p>")
            elif block.kind == "items":
                parts.append("<ul>" + "".join(f"<li>{_escape(i)}</li>" for i in block.content)
                             + "</ul>")
            elif block.kind == "fields":
                parts.append("<dl>" + "".join(
                    f"<dt>{_escape(label)}</dt><dd>{_escape(value)}</dd>"
                    for label, value in block.content) + "</dl>")
            else:
                # An account: the journal's own words, where its links may be followed.
                parts.append(f"<pre>{_escape(block.content, links=True)}</pre>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def render_pack(tables: dict[str, list[Doc]], fmt: str, flt: ExportFilter, exported: str,
                today: dt.date, with_partner: bool = False) -> str:
    """The ``nmc``, ``hcpc`` or ``html`` export of an export snapshot.

    ``html`` holds the HCPC profile when the registration is with the HCPC, and
    the NMC pack otherwise.
    """
    src = Source(tables, flt, exported, today, with_partner)
    if fmt == "nmc":
        return as_text(nmc_pack(src))
    if fmt == "hcpc":
        return as_text(hcpc_pack(src))
    if fmt == "html":
        hcpc = src.registration.get("regulator") == "hcpc"
        return as_html(hcpc_pack(src) if hcpc else nmc_pack(src))
    raise ValueError(f"unknown pack format {fmt!r}")
