"""A journal holding every kind of record, for export and import tests."""

from __future__ import annotations

from coprod_tui.core.store import Store
from coprod_tui.journal.entry import Action, Entry, Link

ESC_TITLE = "Colours \x1b[31mred\x1b[0m and a bell \x07"


def gibbs_entry(link_ref: str = "") -> Entry:
    """A full Gibbs entry about an event, with NMC fields, an action and a link."""
    return Entry(
        values=["strengths", "what-matters"],
        title="Asking a carer what matters",
        framework="gibbs",
        sections={
            "description": "At a discharge meeting I asked the carer what mattered most to her.",
            "feelings": "I was nervous that it would slow the meeting down.",
            "evaluation": "It went well: the plan changed to fit her evenings.",
            "analysis": "She knew things about his routine that were not in the notes.",
            "conclusion": "Asking first saves time later.",
            "action-plan": "Ask carers first at every discharge meeting.",
        },
        tags=["discharge", "carers"],
        created="2026-10-05T09:30:00+00:00",
        updated="2026-10-06T10:00:00+00:00",
        links=[Link("spectrum", link_ref, "Discharge planning")] if link_ref else [],
        actions=[Action("Add a carer question to the checklist", due="2026-12-01", id="a1")],
        code_themes=["Prioritise people", "Practise effectively"],
        account_kind="event or experience",
        id="gibbs-1",
    )


def rolfe_entry() -> Entry:
    """A Rolfe entry with no "Now what?", no account kind and no Code themes."""
    return Entry(
        values=["networks"],
        title="A phone call from a carer",
        framework="rolfe",
        sections={
            "what": "A carer rang to say the visits clashed with her work.",
            "so-what": "I learned that our timetable assumed she was free all day.",
        },
        tags=["phone"],
        created="2026-10-20T14:00:00+00:00",
        id="rolfe-1",
    )


def fill_store(store: Store) -> None:
    """Records in every table features use, including ones with odd shapes."""
    spectrum = store.insert("spectrum", {
        "id": "spec-1", "title": "Discharge planning", "placement": "co-design",
        "created": "2026-10-04T08:00:00+00:00", "notes": "Carers on the panel",
    })
    store.insert("entries", gibbs_entry(spectrum["id"]).to_doc())
    store.insert("entries", rolfe_entry().to_doc())
    store.insert("entries", Entry(values=["relationships"], title=ESC_TITLE,
                                  sections={"text": "Body \x1b]0;pwned\x07 here"},
                                  created="2026-11-01T09:00:00+00:00", id="free-1").to_doc())
    store.insert("trash", {**Entry(values=["networks"], title="Deleted one",
                                   id="trash-1").to_doc(), "deleted": "2026-11-02T09:00:00+00:00"})
    store.insert("complexity", {"id": "cx-1", "challenge": "Loneliness in the ward",
                                "domain": "complex", "created": "2026-10-10T09:00:00+00:00"})
    store.insert("practice", {"id": "pr-1", "exercise": "spectrum", "score": 4, "of": 5,
                              "created": "2026-10-11T09:00:00+00:00", "answers": [1, 2, 3]})
    store.insert("stocktakes", {"id": "st-1", "finished": True, "title": "Team stocktake",
                                "created": "2026-10-12T09:00:00+00:00",
                                "answers": {"q1": "yes", "q2": {"nested": [1, None]}}})
    store.insert("stocktakes", {"id": "st-2", "finished": False})
    store.insert("reading", {"id": "essay", "section": "what-is", "tier": 10})
    store.set_setting("theme", "nord")
    store.save_draft("entry:new", {"title": "Half written", "text": "unsaved"})
