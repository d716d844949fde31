"""The journal's records: :class:`Entry` and its :class:`Action` items.

An entry is stored as a plain dict (TinyDB document) in the ``entries`` table;
deleted entries move to the ``trash`` table with a ``deleted`` timestamp until
the trash is emptied. This module is the contract every feature (journal,
exercises linking to entries, export and import) shares.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from coprod_tui.core.clock import now_iso
from coprod_tui.i18n import N_, _

VALUE_IDS: tuple[str, ...] = (
    "strengths",
    "networks",
    "what-matters",
    "relationships",
    "change-makers",
)

# The part every framework ends with: how the reflection relates to the NMC Code
# (question 4 of the NMC reflective account form). Optional, like every part; its
# text is stored in ``sections["code"]`` beside the themes in ``code_themes``.
CODE_SECTION: tuple[str, str] = ("code", N_("How it relates to the Code"))

# Framework id -> ordered (section id, label). Hints live with the journal. Labels
# stay English here (templates read them back); shown to people as ``_(label)``.
FRAMEWORKS: dict[str, tuple[tuple[str, str], ...]] = {
    "free": (("text", N_("Reflection")), CODE_SECTION),
    "rolfe": (("what", N_("What?")), ("so-what", N_("So what?")), ("now-what", N_("Now what?")),
              CODE_SECTION),
    "gibbs": (
        ("description", N_("Description")),
        ("feelings", N_("Feelings")),
        ("evaluation", N_("Evaluation")),
        ("analysis", N_("Analysis")),
        ("conclusion", N_("Conclusion")),
        ("action-plan", N_("Action plan")),
        CODE_SECTION,
    ),
}

# "Value by value": one experience taken through each value in turn (a section a
# value), between what happened and what the writer will do next, so the entry
# can answer all four NMC questions.
FRAMEWORKS["values"] = (
    ("what-happened", N_("What happened")),
    ("strengths", N_("Strengths")),
    ("networks", N_("Networks")),
    ("what-matters", N_("What matters")),
    ("relationships", N_("Relationships")),
    ("change-makers", N_("Change makers")),
    ("what-next", N_("What next")),
    CODE_SECTION,
)
# The frameworks a writer picks from for an ordinary entry (and `coprod add --framework`).
WRITING_FRAMEWORKS: tuple[str, ...] = ("free", "rolfe", "gibbs")

# NMC revalidation: the Code's themes and the kinds of reflective account. Stored
# in English; marked for the catalogue and shown as ``_(theme)``, ``_(kind)``.
CODE_THEMES: tuple[str, ...] = (
    N_("Prioritise people"),
    N_("Practise effectively"),
    N_("Preserve safety"),
    N_("Promote professionalism and trust"),
)
ACCOUNT_KINDS: tuple[str, ...] = (N_("CPD activity"), N_("feedback"), N_("event or experience"))


@dataclass
class Action:
    """Something the writer plans to do, from "Now what?" or "Action plan"."""

    text: str
    due: str | None = None  # YYYY-MM-DD
    done: bool = False
    done_at: str | None = None
    id: str = ""


@dataclass
class Link:
    """What prompted an entry: a reading section or an exercise result."""

    kind: str  # "reading", "spectrum", "complexity", "stocktake", ...
    ref: str  # the section id or record id
    label: str = ""


# How a link is said, by its kind (each sentence whole: Welsh mutates after "â").
LINKED_TO: dict[str, str] = {
    "reading": N_("Linked to reading: {what}"),
    "spectrum": N_("Linked to the spectrum: {what}"),
    "complexity": N_("Linked to complexity: {what}"),
    "stocktake": N_("Linked to a stocktake: {what}"),
}


def shown_themes(themes: list[str] | tuple[str, ...]) -> str:
    """Stored Code themes (kept in English) in the interface language, ``; ``-joined."""
    return "; ".join(_(t) if t in CODE_THEMES else t for t in themes)


def shown_kind(kind: str) -> str:
    """A stored kind of NMC account in the interface language."""
    return _(kind) if kind in ACCOUNT_KINDS else kind


def link_text(link: Link) -> str:
    """``Linked to the spectrum: Carers' forum`` in the interface language (the
    label is stored as it was written and is shown as it is)."""
    what = link.label or link.ref
    if link.kind in LINKED_TO:
        return _(LINKED_TO[link.kind]).format(what=what)
    return _("Linked to {kind}: {what}").format(kind=link.kind, what=what)


@dataclass
class Entry:
    """One reflection."""

    values: list[str]
    title: str = ""
    framework: str = "free"
    sections: dict[str, str] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    created: str = field(default_factory=now_iso)
    updated: str = ""
    links: list[Link] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    code_themes: list[str] = field(default_factory=list)
    account_kind: str | None = None
    id: str = ""

    def to_doc(self) -> dict[str, Any]:
        """The TinyDB document for this entry."""
        doc = asdict(self)
        if not doc["updated"]:
            doc["updated"] = doc["created"]
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Entry:
        """Build an entry from a stored document (unknown keys are ignored)."""
        return cls(
            id=doc.get("id", ""),
            values=list(doc.get("values", [])),
            title=doc.get("title", ""),
            framework=doc.get("framework", "free"),
            sections=dict(doc.get("sections", {})),
            tags=list(doc.get("tags", [])),
            created=doc.get("created", ""),
            updated=doc.get("updated", "") or doc.get("created", ""),
            links=[Link(**link) for link in doc.get("links", [])],
            actions=[Action(**action) for action in doc.get("actions", [])],
            code_themes=list(doc.get("code_themes", [])),
            account_kind=doc.get("account_kind"),
        )

    def section_labels(self) -> list[tuple[str, str, str]]:
        """(section id, label, text) in the framework's order."""
        return [(sid, label, self.sections.get(sid, "")) for sid, label in FRAMEWORKS[self.framework]]

    def text(self) -> str:
        """All section text joined, for search and word counts."""
        return "\n\n".join(t for t in self.sections.values() if t)
