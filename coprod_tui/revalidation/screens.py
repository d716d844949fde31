"""The Revalidation area: progress, the four logs, the registration, add forms.

Keys only (each shown in the footer), 80x24. The logs are virtual lists; user
text is always shown literally. Forms keep unsaved text as a draft on quit or
hang-up, and check everything with the same rules as the command line.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.text import one_line
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.core.ui.quiet import QuietInput, QuietTextArea
from coprod_tui.core.ui.screens import AreaScreen, CoprodScreen, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.core.ui.ticks import TickBox, TickList
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _, ngettext
from coprod_tui.journal.entry import CODE_THEMES
from coprod_tui.revalidation import records, rules

if TYPE_CHECKING:
    from coprod_tui.core.store import Store

# Shown as ``_(LOG_TITLES[kind])``.
LOG_TITLES = {
    records.CPD: N_("CPD log"),
    records.FEEDBACK: N_("Feedback log (the kind of source, never a name)"),
    records.HOURS: N_("Practice hours"),
    records.DISCUSSIONS: N_("Reflective discussion (the partner's details stay out of exports)"),
}

HELP = N_("""\
## Revalidation

Progress against your regulator's requirements for the window ending on your
revalidation (or renewal) date, and your logs. `r` sets the regulator and date.
`l` shows the next log in turn; `c`, `f`, `p` and `d` go straight to the CPD
log, feedback, practice hours and the reflective discussion; `a` adds to the
log shown. `t` logs the toolkit sections
you have read (and not logged yet) as CPD. `m` shows the whole progress when it
is longer than its box. Write what you learned, not who was
there: a name belongs only on the reflective discussion form. Export the pack
from Export (`nmc`, `hcpc` or `html`).
""")

FORM_HELP = N_("""\
## Adding to a log

Tab and shift+Tab move between fields; Space ticks a box or a theme.
`ctrl+s` saves; Escape or `ctrl+g` goes back. Unsaved text is kept as a draft.
""")


def _line(kind: str, doc: dict[str, Any]) -> str:
    """One row of a log."""
    date = str(doc.get("date", ""))
    if kind == records.CPD:
        part = _("part.") if doc.get("participatory") else _("indiv.")
        return (f"{date}  {rules.fmt_hours(rules.hours_of(doc)):>5} h  {part:<6} "
                f"{one_line(str(doc.get('title', '')), 36)} ({one_line(str(doc.get('method', '')), 14)})")
    if kind == records.FEEDBACK:
        source = one_line(rules.shown_choice(doc.get("source")), 12)
        return f"{date}  {source:<12} {one_line(str(doc.get('said', '')), 49)}"
    if kind == records.HOURS:
        span = (_("{start} to {end}").format(start=date, end=doc["until"]) if doc.get("until")
                else date)
        return (f"{span}  {rules.fmt_hours(rules.hours_of(doc))} h  "
                f"{one_line(str(doc.get('role') or ''), 30)}")
    count = len(rules.strings(doc, "accounts"))
    return f"{date}  " + ngettext("{count} account discussed; partner's details kept",
                                  "{count} accounts discussed; partner's details kept",
                                  count).format(count=count)


# Rows of the progress box (revalidation.tcss gives it this height).
PROGRESS_ROWS = 6


class RevalidationScreen(AreaScreen):
    """Progress and the logs."""

    CSS = screen_css(__file__, "revalidation.tcss")
    HELP = HELP  # translated where it is shown (``_(HELP)``)
    BINDINGS = [
        Binding("r", "registration", N_("Regulator"), id="reval-registration",
                tooltip=N_("Set your regulator and revalidation date")),
        Binding("l", "next_log", N_("Logs"), id="reval-next-log",
                tooltip=N_("CPD, feedback, practice hours, discussion in turn")),
        Binding("a", "add", N_("Add"), id="reval-add", tooltip=N_("Add to the log shown")),
        # Listed under F1 and named on the CPD log's title line: with it, the
        # footer would not fit 80 columns in Welsh.
        Binding("t", "log_reading", N_("Reading"), id="reval-log-reading", show=False,
                tooltip=N_("Log the toolkit sections you have read as CPD")),
        # Straight to a log (listed under F1; the footer has room for "Logs" only).
        Binding("c", "show('cpd')", N_("CPD log"), id="reval-cpd", show=False),
        Binding("f", "show('feedback')", N_("Feedback log"), id="reval-feedback", show=False),
        Binding("p", "show('practice_hours')", N_("Practice hours"), id="reval-hours", show=False),
        Binding("d", "show('discussions')", N_("Discussion"), id="reval-discussion", show=False),
        # Named on the progress box's last line when it has more than fits.
        Binding("m", "more", N_("All progress"), id="reval-more", show=False,
                tooltip=N_("Everything still needed, when the box above cannot hold it")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kind = records.CPD
        self.progress: rules.Progress | None = None
        self.progress_lines: list[str] = []

    def action_more(self) -> None:
        """Show the whole progress text, when the box cannot hold it."""
        if not self.progress_lines:
            return
        self.app.push_screen(ChoiceDialog(
            _("Progress and what is still needed"), [("close", _("Close"))],
            note="\n".join(self.progress_lines)))

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Reading your records..."), id="reval-progress", markup=False)
        yield Static(_(LOG_TITLES[self.kind]), id="reval-log-title", markup=False)
        yield OptionList(id="reval-log")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#reval-log", OptionList).focus()
        self.refresh_view()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def on_store_ready(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        """Read progress and the shown log off the UI thread."""
        kind = self.kind

        def read(store: Store) -> tuple[rules.Progress, str, list[dict[str, Any]]]:
            data = records.snapshot(store)
            progress = records.progress_of(data, dt.date.today())
            docs = sorted(data[kind], key=lambda d: (str(d.get("date", "")),
                                                     str(d.get("created", ""))), reverse=True)
            return progress, kind, docs

        self.run_loading(read, lambda shown: self._show(*shown), group="revalidation")

    def _show(self, progress: rules.Progress, kind: str, docs: list[dict[str, Any]]) -> None:
        self.progress = progress
        missing = progress.missing(shown=True)
        text = rules.home_line(progress)
        if missing:
            text += "\n" + _("Still needed: {items}").format(items="; ".join(missing))
        lines = [w for part in text.split("\n") for w in textwrap.wrap(part, 76)]
        self.progress_lines = lines
        if len(lines) > PROGRESS_ROWS:
            more = len(lines) - (PROGRESS_ROWS - 1)
            lines = [*lines[:PROGRESS_ROWS - 1],
                     ngettext("... {count} more line: press m to see it all",
                              "... {count} more lines: press m to see them all",
                              more).format(count=more)]
        self.query_one("#reval-progress", Static).update(literal("\n".join(lines)))
        keys = (_("(a: add, l: next log, t: log reading)") if kind == records.CPD
                else _("(a: add, l: next log)"))
        self.query_one("#reval-log-title", Static).update(
            literal(_("{title}: {count}  {keys}").format(
                title=_(LOG_TITLES[kind]), count=len(docs), keys=keys)))
        log = self.query_one("#reval-log", OptionList)
        log.clear_options()
        if docs:
            log.add_options([Option(literal(_line(kind, d)), id=str(d.get("id"))) for d in docs])
        else:
            log.add_option(Option(literal(_("Nothing yet: press a to add.")), disabled=True))

    def action_show(self, kind: str) -> None:
        """Show one of the logs."""
        self.kind = kind
        self.query_one("#reval-log-title", Static).update(literal(_(LOG_TITLES[kind])))
        self.refresh_view()

    def action_next_log(self) -> None:
        """Show the next log in turn."""
        kinds = list(LOG_TITLES)
        self.action_show(kinds[(kinds.index(self.kind) + 1) % len(kinds)])

    def action_add(self) -> None:
        """Add to the log shown."""
        self.app.push_screen(RecordFormScreen(self.kind))

    def action_registration(self) -> None:
        """Set the regulator and date."""
        self.app.push_screen(RecordFormScreen("registration"))

    def action_log_reading(self) -> None:
        """Offer the toolkit sections read (and not logged yet) as a CPD activity."""
        self._find_reading()

    def _find_reading(self) -> None:
        from coprod_tui import paths

        self.run_loading(lambda store: records.reading_proposal(store, paths.content_pack_dirs()),
                         self._offer_reading, group="revalidation-reading")

    def _offer_reading(self, proposal: dict[str, Any] | None) -> None:
        if proposal is None:
            self.notify(_("No reading to log: mark sections read in Read (1) first, "
                          "or it is all logged already."))
            return
        self.app.push_screen(RecordFormScreen(records.CPD, proposal))


# Field kinds: "short" (one line), "text" (several lines), "check", "themes", "standards".
# Titles, labels and hints are shown as ``_(text)``; a hint that is a list of
# choices is a function giving them in the interface language.
Hint = str | Callable[[], str]
DATE_HINT = N_("YYYY-MM-DD")
FORMS: dict[str, tuple[str, list[tuple[str, str, str, Hint]]]] = {
    "registration": (N_("Your registration"), [
        ("regulator", N_("Regulator"), "short", rules.regulators_hint),
        ("renewal", N_("Revalidation or renewal date"), "short", DATE_HINT),
    ]),
    records.CPD: (N_("A CPD activity"), [
        ("date", N_("Date"), "short", DATE_HINT),
        ("title", N_("Title"), "short", N_("what the activity was")),
        ("method", N_("Method"), "short", rules.methods_hint),
        ("hours", N_("Hours"), "short", N_("e.g. 1.5")),
        ("participatory", N_("Participatory: learning with others"), "check", ""),
        ("themes", N_("Themes of the Code (Space ticks)"), "themes", ""),
        ("standards", N_("HCPC standards it meets (Space ticks)"), "standards", ""),
        ("learned", N_("What you learned and how it relates to your practice"), "text", ""),
        ("evidence", N_("Evidence: a note, or the path of a file"), "text", ""),
    ]),
    records.FEEDBACK: (N_("Practice-related feedback"), [
        ("date", N_("Date"), "short", DATE_HINT),
        ("source", N_("From (a kind, never a name)"), "short", rules.sources_hint),
        ("said", N_("What was said"), "text", ""),
        ("changed", N_("What you changed as a result"), "text", ""),
    ]),
    records.HOURS: (N_("Practice hours"), [
        ("date", N_("Date, or the first day of a period"), "short", DATE_HINT),
        ("until", N_("Last day of the period (optional)"), "short", DATE_HINT),
        ("hours", N_("Hours of practice"), "short", N_("e.g. 37.5")),
        ("role", N_("Role or setting (optional)"), "short", ""),
    ]),
    records.DISCUSSIONS: (N_("The reflective discussion"), [
        ("date", N_("Date"), "short", DATE_HINT),
        ("partner", N_("Partner's name (an NMC registrant)"), "short", ""),
        ("pin", N_("Partner's NMC PIN"), "short",
         N_("two digits, a letter, four digits, a letter")),
        ("email", N_("Partner's email"), "short", ""),
        ("address", N_("Partner's professional address"), "text", ""),
        ("postcode", N_("Postcode"), "short", ""),
        ("accounts", N_("Entries discussed (ids or their starts, with spaces)"), "short",
         N_("as the journal shows them")),
        ("notes", N_("Notes (optional)"), "text", ""),
    ]),
}


def _hint(hint: Hint) -> str:
    """A field's hint in the interface language."""
    if callable(hint):
        return hint()
    return _(hint) if hint else ""


class RecordFormScreen(CoprodScreen[None]):
    """A form adding one record (or setting the registration)."""

    CSS = screen_css(__file__, "revalidation.tcss")
    HELP = FORM_HELP  # translated where it is shown (``_(HELP)``)
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="reval-form-save", priority=True),
        Binding("ctrl+g", "back", N_("Back"), show=False, id="reval-form-back-ctrl"),
    ]

    def __init__(self, kind: str, prefill: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.kind = kind
        self.prefill = dict(prefill or {})
        self.title_text, self.fields = FORMS[kind]

    @property
    def draft_key(self) -> str:
        """Where unsaved text is kept."""
        return f"revalidation:{self.kind}"

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_(self.title_text), classes="screen-title", markup=False)
        with VerticalScroll(id="reval-form"):
            for key, label, kind, hint in self.fields:
                yield Static(_(label), classes="reval-label", markup=False)
                if kind == "short":
                    yield QuietInput(placeholder=_hint(hint), id=f"f-{key}")
                elif kind == "text":
                    yield QuietTextArea(id=f"f-{key}", classes="reval-text")
                elif kind == "check":
                    yield TickBox(_("yes"), id=f"f-{key}")
                elif kind == "themes":
                    # Shown in the interface language, stored in English.
                    yield TickList[str](*((_(t), t) for t in CODE_THEMES), id=f"f-{key}")
                else:
                    yield TickList[str](*((_(s), s) for s in rules.HCPC_STANDARDS),
                                             id=f"f-{key}")
        yield Static("", id="reval-form-error", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        values = self._defaults()
        try:
            draft = self.app.store.load_draft(self.draft_key)
        except CoprodError:
            draft = None
        if draft and not self.prefill:
            values.update(draft)
            self.notify(_("Your unsaved draft is back."))
        self._fill(values)
        self.app.draft_sources.add(self)
        self.query_one(f"#f-{self.fields[0][0]}").focus()

    def on_unmount(self) -> None:
        self.app.draft_sources.discard(self)

    def _defaults(self) -> dict[str, Any]:
        values: dict[str, Any] = {"date": dt.date.today().isoformat()}
        if self.kind == "registration":
            values = dict(self.app.store.get("registration", "registration") or {})
        values.update(self.prefill)
        return values

    def _fill(self, values: dict[str, Any]) -> None:
        for key, _text, kind, _tip in self.fields:
            if key not in values or values[key] is None:
                continue
            widget = self.query_one(f"#f-{key}")
            value = values[key]
            if kind == "short":
                if key in ("source", "regulator") and isinstance(value, str):
                    value = _(value) if value in self._keys(key) else value
                widget.value = " ".join(value) if isinstance(value, list) else str(value)  # type: ignore[attr-defined]
            elif kind == "text":
                widget.load_text(str(value))  # type: ignore[attr-defined]
            elif kind == "check":
                widget.value = bool(value)  # type: ignore[attr-defined]
            elif isinstance(value, list):
                for item in value:
                    widget.select(item)  # type: ignore[attr-defined]

    @staticmethod
    def _keys(key: str) -> tuple[str, ...]:
        """The stored keys a choice field takes (shown in the interface language)."""
        return rules.FEEDBACK_SOURCES if key == "source" else tuple(rules.REGULATORS)

    def values(self) -> dict[str, Any]:
        """What the form holds now."""
        found: dict[str, Any] = {}
        for key, _text, kind, _tip in self.fields:
            widget = self.query_one(f"#f-{key}")
            if kind == "short":
                found[key] = widget.value  # type: ignore[attr-defined]
            elif kind == "text":
                found[key] = widget.text  # type: ignore[attr-defined]
            elif kind == "check":
                found[key] = widget.value  # type: ignore[attr-defined]
            else:
                found[key] = list(widget.selected)  # type: ignore[attr-defined]
        return found

    def save_draft(self) -> None:
        """Keep what is typed (called on quit and hang-up)."""
        values = self.values()
        if any(v for k, v in values.items() if k != "date"):
            self.app.store.save_draft(self.draft_key, values)

    def _record(self, values: dict[str, Any]) -> dict[str, Any]:
        store = self.app.store
        if self.kind == records.CPD:
            return rules.make_cpd(
                date=values["date"], title=values["title"], method=values["method"],
                hours=values["hours"], participatory=values["participatory"],
                themes=values["themes"], standards=values["standards"],
                learned=values["learned"], evidence=values["evidence"],
                entries=self.prefill.get("entries", []),
                sections=self.prefill.get("sections", []))
        if self.kind == records.FEEDBACK:
            return rules.make_feedback(date=values["date"],
                                       source=rules.feedback_source(values["source"].strip()),
                                       said=values["said"], changed=values["changed"])
        if self.kind == records.HOURS:
            return rules.make_hours(date=values["date"], hours=values["hours"],
                                    role=values["role"], until=values["until"].strip() or None)
        ids = records.entry_ids(store, values["accounts"].split())
        return rules.make_discussion(
            date=values["date"], partner=values["partner"], pin=values["pin"],
            email=values["email"], address=values["address"], postcode=values["postcode"],
            accounts=ids, notes=values["notes"])

    def action_save(self) -> None:
        """Check and save; on a problem, say what and keep every word."""
        values = self.values()
        store = self.app.store
        error = self.query_one("#reval-form-error", Static)
        try:
            if self.kind == "registration":
                records.set_registration(
                    store, rules.regulator_key(values["regulator"].strip().lower()),
                    values["renewal"])
            else:
                records.add(store, self.kind, self._record(values))
            store.discard_draft(self.draft_key)
        except ValueError as problem:
            said = _("Not saved: {problem}").format(problem=problem)
            error.update(literal(said))
            self.notify(said, severity="warning", markup=False)
            return
        except CoprodError as problem:
            error.update(literal(_("Not saved: {problem}").format(problem=problem.message)))
            self.notify(problem.message, severity="error", markup=False)
            return
        self.app.draft_sources.discard(self)
        self.notify(_("Saved."))
        if self.kind in (records.CPD, records.FEEDBACK):
            from coprod_tui.journal.privacy_check import check_privacy

            texts = [v for v in values.values() if isinstance(v, str)]
            findings = check_privacy("\n".join(texts))
            if findings:
                self.notify(_("This may identify someone: {findings}. Edit it out if it "
                              "does.").format(findings="; ".join(
                                  one_line(f.describe(), 40) for f in findings[:3])),
                            severity="warning", timeout=10, markup=False)
        self.app.pop_screen()

    def action_back(self) -> None:
        """Back to the area; unsaved text stays as a draft (if it cannot, stay)."""
        if self.attempt(self.save_draft):
            self.leave()
