"""The spectrum of engagement: place an activity by who holds the knowledge,
who makes the decisions and who acts on them.

Pure rules (no files, no Textual). The toolkit's spectrum runs from "doing to"
(coercion / protection, education / persuasion) through "doing for"
(information, consultation, participation) to "doing with" (co-production).
Two neighbours sit off the line: community-led action (people alone) and
collaboration (organisations with organisations, no citizens at the table).
The spectrum is levels, not steps: every place can be the right one.

How the three answers place an activity (each ``organisation``, ``people`` or
``both``); the toolkit's key question is who holds the decision-making power:

1. No people who use the service involved: collaboration or partnership.
2. All three shared: co-production. All three held by the people: community-led.
3. Only the organisation's knowledge counts: if it also decides alone, doing to
   (protection when it carries the decision out itself, education when people
   are expected to act); if people take part in deciding, information.
4. The people's knowledge counts: organisation decides alone: consultation
   (knowledge flows in) or participation (knowledge exchanged); decisions
   shared: participation, the place next to co-production; people decide
   alone: nearest to community-led action.

A refining question can then choose another approach within the group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_tui.domain.spectrum_places import (  # noqa: F401 - re-exported
    APPROACH_IDS,
    APPROACHES,
    DOING_FOR,
    DOING_TO,
    DOING_WITH,
    GROUP_LABELS,
    LINE,
    NEIGHBOUR,
    Approach,
    approach,
)

ORGANISATION = "organisation"
PEOPLE = "people"
BOTH = "both"
HOLDERS: tuple[str, ...] = (ORGANISATION, PEOPLE, BOTH)
HOLDER_LABELS = {
    ORGANISATION: "the organisation",
    PEOPLE: "the people",
    BOTH: "both together",
}

@dataclass(frozen=True)
class Question:
    """One of the three questions."""

    id: str
    prompt: str
    help: str


QUESTIONS: tuple[Question, ...] = (
    Question(
        "knowledge",
        "Who holds the knowledge?",
        "Whose knowledge shapes the activity: professional expertise, the lived "
        "experience of patients and carers, or both valued side by side?",
    ),
    Question(
        "decisions",
        "Who makes the decisions?",
        "Who has the power to decide what happens: the organisation alone, the "
        "people alone, or both deciding together?",
    ),
    Question(
        "acts",
        "Who acts on the decisions?",
        "Who carries the decisions out and makes them real: the organisation, the "
        "people, or both taking part in the work?",
    ),
)
QUESTION_IDS: tuple[str, ...] = tuple(q.id for q in QUESTIONS)

CITIZENS_PROMPT = "Are people who use the service (patients, carers) involved at all?"
CITIZENS_HELP = (
    "If only organisations or teams are working together, with no patients, carers "
    "or other citizens at the table, the activity is collaboration or partnership."
)


@dataclass(frozen=True)
class RefineOption:
    """One answer to a refining question, naming the approach it points to."""

    id: str
    label: str
    approach: str


@dataclass(frozen=True)
class RefineQuestion:
    """An optional question that separates approaches within a group."""

    group: str
    prompt: str
    options: tuple[RefineOption, ...]

    def option(self, option_id: str) -> RefineOption | None:
        """The option with this id, or ``None``."""
        return next((o for o in self.options if o.id == option_id), None)


REFINING: dict[str, RefineQuestion] = {
    DOING_TO: RefineQuestion(
        DOING_TO,
        "Why is the organisation acting?",
        (
            RefineOption("safety", "It has a duty to act for someone's safety", "protection"),
            RefineOption("behaviour", "It is trying to change what people do", "education"),
        ),
    ),
    DOING_FOR: RefineQuestion(
        DOING_FOR,
        "How does knowledge move between the organisation and the people?",
        (
            RefineOption("inform", "The organisation gives people information they need",
                         "information"),
            RefineOption("ask", "The organisation set the questions and kept the data",
                         "consultation"),
            RefineOption("listen", "People's lived experience was heard in open conversation",
                         "participation"),
        ),
    ),
}
REFINE_IDS: tuple[str, ...] = tuple(o.id for q in REFINING.values() for o in q.options)

_HELD_BACK = {
    ("knowledge", ORGANISATION): "Knowledge: only the organisation's knowledge counts; "
    "the lived experience of patients and carers is not brought in.",
    ("knowledge", PEOPLE): "Knowledge: the people's knowledge is used, but professionals "
    "do not put their own alongside it.",
    ("decisions", ORGANISATION): "Decisions: the organisation decides alone.",
    ("decisions", PEOPLE): "Decisions: the people decide alone, without the organisation "
    "deciding with them.",
    ("acts", ORGANISATION): "Acting: the organisation carries the decisions out alone; "
    "the people have no part in doing it.",
    ("acts", PEOPLE): "Acting: the people carry the decisions out alone; the organisation "
    "does not share the work.",
}
NO_CITIZENS_HELD_BACK = (
    "Citizens: nobody who uses the service is at the table, so the three questions "
    "cannot be shared with them."
)


@dataclass(frozen=True)
class SpectrumAnswers:
    """A practitioner's answers: each question ``organisation``, ``people`` or ``both``.

    With ``citizens`` False the three answers are optional (collaboration).
    ``refine`` is the id of a refining option, or ``None``.
    """

    knowledge: str | None = None
    decisions: str | None = None
    acts: str | None = None
    citizens: bool = True
    refine: str | None = None

    def get(self, question_id: str) -> str | None:
        """The answer to one question."""
        return getattr(self, question_id)

    def validate(self) -> None:
        """Raise ``ValueError`` naming the bad field and the choices."""
        for qid in QUESTION_IDS:
            value = self.get(qid)
            if value is None and not self.citizens:
                continue
            if value not in HOLDERS:
                raise ValueError(
                    f"{qid}: {value!r} is not a valid answer; choices: {', '.join(HOLDERS)}"
                )
        if self.refine is not None and self.refine not in REFINE_IDS:
            raise ValueError(
                f"refine: {self.refine!r} is not a valid answer; choices: {', '.join(REFINE_IDS)}"
            )


@dataclass(frozen=True)
class SpectrumResult:
    """Where an activity sits, and why."""

    answers: SpectrumAnswers
    approach: Approach
    base: Approach  # the place the three answers alone give
    held_back: tuple[str, ...]
    explanation: str
    refining: RefineQuestion | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def group(self) -> str:
        """The group id of the approach."""
        return self.approach.group

    def summary(self) -> str:
        """A short plain-text summary (for journal entries and lists)."""
        a = self.answers
        if not a.citizens:
            how = "no people who use the service involved"
        else:
            how = "; ".join(f"{q}: {a.get(q)}" for q in QUESTION_IDS)
        lines = [
            f"Spectrum of engagement: {self.approach.name} ({self.approach.group_label}).",
            f"Answers: {how}.",
        ]
        if self.held_back:
            lines.append("Held back from doing with by: " + " ".join(self.held_back))
        lines.append("Can it be right? " + self.approach.right_when)
        lines.append("Towards doing with: " + self.approach.move)
        return "\n".join(lines)


def base_approach(answers: SpectrumAnswers) -> Approach:
    """The place the three answers (and the citizens question) give, before refining."""
    answers.validate()
    if not answers.citizens:
        return approach("collaboration")
    k, d, a = answers.knowledge, answers.decisions, answers.acts
    if k == d == a == BOTH:
        return approach("co-production")
    if k == d == a == PEOPLE:
        return approach("community-led")
    if k == ORGANISATION:
        if d == ORGANISATION:
            return approach("protection" if a == ORGANISATION else "education")
        return approach("information")
    if d == ORGANISATION:
        return approach("consultation" if k == PEOPLE else "participation")
    if d == BOTH:
        return approach("participation")
    return approach("community-led")


def held_back(answers: SpectrumAnswers) -> tuple[str, ...]:
    """One sentence per answer that keeps the activity from doing with."""
    if not answers.citizens:
        return (NO_CITIZENS_HELD_BACK,)
    return tuple(
        _HELD_BACK[(qid, answers.get(qid))]
        for qid in QUESTION_IDS
        if answers.get(qid) != BOTH
    )


def place(answers: SpectrumAnswers) -> SpectrumResult:
    """Place an activity: the approach, its group and the explanation.

    Raises ``ValueError`` for answers outside :data:`HOLDERS`.
    """
    base = base_approach(answers)
    refining = REFINING.get(base.group)
    chosen = base
    notes: list[str] = []
    if answers.refine is not None:
        option = refining.option(answers.refine) if refining else None
        if option is None:
            notes.append("The refining answer does not apply to this group and was not used.")
        else:
            chosen = approach(option.approach)
    reasons = held_back(answers)
    return SpectrumResult(
        answers=answers,
        approach=chosen,
        base=base,
        held_back=reasons,
        explanation=_explain(answers, base, chosen, reasons, notes),
        refining=refining,
        notes=tuple(notes),
    )


def _explain(answers: SpectrumAnswers, base: Approach, chosen: Approach,
             reasons: tuple[str, ...], notes: list[str]) -> str:
    parts: list[str] = []
    if not answers.citizens:
        parts.append(
            "Organisations working with organisations is collaboration or partnership "
            "working. It is valuable, and good collaboration leads to great "
            "co-production, but without patients, carers or other citizens at the "
            "table it is not co-production."
        )
    else:
        k, d, a = (HOLDER_LABELS[answers.get(q) or BOTH] for q in QUESTION_IDS)
        parts.append(
            f"You said the knowledge is held by {k}, the decisions are made by {d} "
            f"and they are carried out by {a}."
        )
        if chosen.id == "co-production":
            parts.append("Knowledge, decisions and action are all shared: this is doing with.")
        elif chosen.id == "community-led" and base.id == chosen.id and not any(
            answers.get(q) != PEOPLE for q in QUESTION_IDS
        ):
            parts.append(
                "People acting without professionals is community-led action "
                "(community organising): valuable, but not co-production."
            )
        else:
            parts.append(
                f"That places it in {base.group_label}, nearest to {base.name}."
            )
        if chosen is not base:
            parts.append(f"Your refining answer points to {chosen.name} within that group.")
    parts.extend(notes)
    if reasons:
        parts.append("What holds it back from doing with: " + " ".join(reasons))
    return " ".join(parts)


def path_text(answers: SpectrumAnswers) -> str:
    """How the questions lead to the place, one step a line (for feedback)."""
    if not answers.citizens:
        return (f"{CITIZENS_PROMPT} No.\n"
                f"-> {approach('collaboration').name}")
    lines = [f"{q.prompt} {HOLDER_LABELS[answers.get(q.id) or BOTH]}" for q in QUESTIONS]
    result = place(answers)
    if answers.refine and result.approach is not result.base and result.refining:
        option = result.refining.option(answers.refine)
        if option:
            lines.append(f"{result.refining.prompt} {option.label}")
    lines.append(f"-> {result.approach.name} ({result.approach.group_label})")
    return "\n".join(lines)
