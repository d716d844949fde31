"""The Revalidation area: progress, the four logs, the registration, add forms.

Keys only (each shown in the footer), 80x24. The logs are virtual lists; user
text is always shown literally. Forms keep unsaved text as a draft on quit or
hang-up, and check everything with the same rules as the command line.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.text import one_line
from coprod_tui.core.ui.quiet import QuietInput, QuietTextArea
from coprod_tui.core.ui.screens import AreaScreen, CoprodScreen, screen_css
from coprod_tui.core.ui.text import literal
from coprod_tui.core.ui.ticks import TickBox, TickList
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_
from coprod_tui.journal.entry import CODE_THEMES
from coprod_tui.revalidation import records, rules

if TYPE_CHECKING:
    from coprod_tui.core.store import Store

LOG_TITLES = {
    records.CPD: "CPD log",
    records.FEEDBACK: "Feedback log (the kind of source, never a name)",
    records.HOURS: "Practice hours",
    records.DISCUSSIONS: "Reflective discussion (the partner's details stay out of exports)",
}

HELP = """\
## Revalidation

Progress against your regulator's requirements for the window ending on your
revalidation (or renewal) date, and your logs. `r` sets the regulator and date.
`l` shows the next log in turn; `c`, `f`, `p` and `d` go straight to the CPD
log, feedback, practice hours and the reflective discussion; `a` adds to the
log shown. `t` logs the toolkit sections
you have read (and not logged yet) as CPD. Write what you learned, not who was
there: a name belongs only on the reflective discussion form. Export the pack
from Export (`nmc`, `hcpc` or `html`).
"""

FORM_HELP = """\
## Adding to a log

Tab and shift+Tab move between fields; Space ticks a box or a theme.
`ctrl+s` saves; Escape or `ctrl+g` goes back. Unsaved text is kept as a draft.
"""


def _line(kind: str, doc: dict[str, Any]) -> str:
    """One row of a log."""
    date = str(doc.get("date", ""))
    if kind == records.CPD:
        part = "part." if doc.get("participatory") else "indiv."
        return (f"{date}  {rules.fmt_hours(rules.hours_of(doc)):>5} h  {part:<6} "
                f"{one_line(str(doc.get('title', '')), 36)} ({one_line(str(doc.get('method', '')), 14)})")
    if kind == records.FEEDBACK:
        return f"{date}  {str(doc.get('source', '')):<9} {one_line(str(doc.get('said', '')), 52)}"
    if kind == records.HOURS:
        until = f" to {doc['until']}" if doc.get("until") else ""
        return (f"{date}{until}  {rules.fmt_hours(rules.hours_of(doc))} h  "
                f"{one_line(str(doc.get('role') or ''), 30)}")
    count = len(rules.strings(doc, "accounts"))
    return f"{date}  {count} account{'' if count == 1 else 's'} discussed; partner's details kept"


class RevalidationScreen(AreaScreen):
    """Progress and the logs."""

    CSS = screen_css(__file__, "revalidation.tcss")
    HELP = HELP
    BINDINGS = [
        Binding("r", "registration", N_("Regulator"), id="reval-registration",
                tooltip=N_("Set your regulator and revalidation date")),
        Binding("l", "next_log", N_("Logs"), id="reval-next-log",
                tooltip=N_("CPD, feedback, practice hours, discussion in turn")),
        Binding("a", "add", N_("Add"), id="reval-add", tooltip=N_("Add to the log shown")),
        Binding("t", "log_reading", N_("Reading"), id="reval-log-reading",
                tooltip=N_("Log the toolkit sections you have read as CPD")),
        # Straight to a log (listed under F1; the footer has room for "Logs" only).
        Binding("c", "show('cpd')", N_("CPD log"), id="reval-cpd", show=False),
        Binding("f", "show('feedback')", N_("Feedback log"), id="reval-feedback", show=False),
        Binding("p", "show('practice_hours')", N_("Practice hours"), id="reval-hours", show=False),
        Binding("d", "show('discussions')", N_("Discussion"), id="reval-discussion", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kind = records.CPD
        self.progress: rules.Progress | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("Reading your records...", id="reval-progress", markup=False)
        yield Static(LOG_TITLES[self.kind], id="reval-log-title", markup=False)
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
        missing = progress.missing()
        text = rules.home_line(progress)
        if missing:
            text += "\nStill needed: " + "; ".join(missing)
        lines = [w for part in text.split("\n") for w in textwrap.wrap(part, 76)]
        self.query_one("#reval-progress", Static).update(literal("\n".join(lines[:6])))
        self.query_one("#reval-log-title", Static).update(
            literal(f"{LOG_TITLES[kind]}: {len(docs)}  (a: add, l: next log)"))
        log = self.query_one("#reval-log", OptionList)
        log.clear_options()
        if docs:
            log.add_options([Option(literal(_line(kind, d)), id=str(d.get("id"))) for d in docs])
        else:
            log.add_option(Option(literal("Nothing yet: press a to add."), disabled=True))

    def action_show(self, kind: str) -> None:
        """Show one of the logs."""
        self.kind = kind
        self.query_one("#reval-log-title", Static).update(literal(LOG_TITLES[kind]))
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
            self.notify("No reading to log: mark sections read in Read (1) first, "
                        "or it is all logged already.")
            return
        self.app.push_screen(RecordFormScreen(records.CPD, proposal))


# Field kinds: "short" (one line), "text" (several lines), "check", "themes", "standards".
FORMS: dict[str, tuple[str, list[tuple[str, str, str, str]]]] = {
    "registration": ("Your registration", [
        ("regulator", "Regulator", "short", "nmc, hcpc, gmc or other"),
        ("renewal", "Revalidation or renewal date", "short", "YYYY-MM-DD"),
    ]),
    records.CPD: ("A CPD activity", [
        ("date", "Date", "short", "YYYY-MM-DD"),
        ("title", "Title", "short", "what the activity was"),
        ("method", "Method", "short", ", ".join(rules.CPD_METHODS)),
        ("hours", "Hours", "short", "e.g. 1.5"),
        ("participatory", "Participatory: learning with others", "check", ""),
        ("themes", "Themes of the Code (Space ticks)", "themes", ""),
        ("standards", "HCPC standards it meets (Space ticks)", "standards", ""),
        ("learned", "What you learned and how it relates to your practice", "text", ""),
        ("evidence", "Evidence: a note, or the path of a file", "text", ""),
    ]),
    records.FEEDBACK: ("Practice-related feedback", [
        ("date", "Date", "short", "YYYY-MM-DD"),
        ("source", "From (a kind, never a name)", "short", ", ".join(rules.FEEDBACK_SOURCES)),
        ("said", "What was said", "text", ""),
        ("changed", "What you changed as a result", "text", ""),
    ]),
    records.HOURS: ("Practice hours", [
        ("date", "Date, or the first day of a period", "short", "YYYY-MM-DD"),
        ("until", "Last day of the period (optional)", "short", "YYYY-MM-DD"),
        ("hours", "Hours of practice", "short", "e.g. 37.5"),
        ("role", "Role or setting (optional)", "short", ""),
    ]),
    records.DISCUSSIONS: ("The reflective discussion", [
        ("date", "Date", "short", "YYYY-MM-DD"),
        ("partner", "Partner's name (an NMC registrant)", "short", ""),
        ("pin", "Partner's NMC PIN", "short", "two digits, a letter, four digits, a letter"),
        ("email", "Partner's email", "short", ""),
        ("address", "Partner's professional address", "text", ""),
        ("postcode", "Postcode", "short", ""),
        ("accounts", "Entries discussed (ids or their starts, with spaces)", "short",
         "as the journal shows them"),
        ("notes", "Notes (optional)", "text", ""),
    ]),
}


class RecordFormScreen(CoprodScreen[None]):
    """A form adding one record (or setting the registration)."""

    CSS = screen_css(__file__, "revalidation.tcss")
    HELP = FORM_HELP
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
        yield Static(self.title_text, classes="screen-title", markup=False)
        with VerticalScroll(id="reval-form"):
            for key, label, kind, hint in self.fields:
                yield Static(label, classes="reval-label", markup=False)
                if kind == "short":
                    yield QuietInput(placeholder=hint, id=f"f-{key}")
                elif kind == "text":
                    yield QuietTextArea(id=f"f-{key}", classes="reval-text")
                elif kind == "check":
                    yield TickBox("yes", id=f"f-{key}")
                elif kind == "themes":
                    yield TickList[str](*((t, t) for t in CODE_THEMES), id=f"f-{key}")
                else:
                    yield TickList[str](*((s, s) for s in rules.HCPC_STANDARDS),
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
            self.notify("Your unsaved draft is back.")
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
        for key, _, kind, _ in self.fields:
            if key not in values or values[key] is None:
                continue
            widget = self.query_one(f"#f-{key}")
            value = values[key]
            if kind == "short":
                widget.value = " ".join(value) if isinstance(value, list) else str(value)  # type: ignore[attr-defined]
            elif kind == "text":
                widget.load_text(str(value))  # type: ignore[attr-defined]
            elif kind == "check":
                widget.value = bool(value)  # type: ignore[attr-defined]
            elif isinstance(value, list):
                for item in value:
                    widget.select(item)  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        """What the form holds now."""
        found: dict[str, Any] = {}
        for key, _, kind, _ in self.fields:
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
            return rules.make_feedback(date=values["date"], source=values["source"].strip(),
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
                records.set_registration(store, values["regulator"].strip().lower(),
                                         values["renewal"])
            else:
                records.add(store, self.kind, self._record(values))
            store.discard_draft(self.draft_key)
        except ValueError as problem:
            error.update(literal(f"Not saved: {problem}"))
            self.notify(f"Not saved: {problem}", severity="warning", markup=False)
            return
        except CoprodError as problem:
            error.update(literal(f"Not saved: {problem.message}"))
            self.notify(problem.message, severity="error", markup=False)
            return
        self.app.draft_sources.discard(self)
        self.notify("Saved.")
        if self.kind in (records.CPD, records.FEEDBACK):
            from coprod_tui.journal.privacy_check import check_privacy

            texts = [v for v in values.values() if isinstance(v, str)]
            findings = check_privacy("\n".join(texts))
            if findings:
                self.notify("This may identify someone: "
                            + "; ".join(one_line(f.describe(), 40) for f in findings[:3])
                            + ". Edit it out if it does.", severity="warning", timeout=10,
                            markup=False)
        self.app.pop_screen()

    def action_back(self) -> None:
        """Back to the area; unsaved text stays as a draft (if it cannot, stay)."""
        if self.attempt(self.save_draft):
            self.leave()
