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

ORGANISATION = "organisation"
PEOPLE = "people"
BOTH = "both"
HOLDERS: tuple[str, ...] = (ORGANISATION, PEOPLE, BOTH)
HOLDER_LABELS = {
    ORGANISATION: "the organisation",
    PEOPLE: "the people",
    BOTH: "both together",
}

DOING_TO = "doing-to"
DOING_FOR = "doing-for"
DOING_WITH = "doing-with"
NEIGHBOUR = "neighbour"
GROUP_LABELS = {
    DOING_TO: "doing to",
    DOING_FOR: "doing for",
    DOING_WITH: "doing with",
    NEIGHBOUR: "a neighbour of co-production",
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
class Approach:
    """One place on (or beside) the spectrum."""

    id: str
    name: str
    group: str
    rank: int  # position left to right; neighbours after the line
    stance: str  # what the organisation is saying, in our words
    example: str
    right_when: str
    move: str  # what would move it one place towards doing with
    values: tuple[str, ...] = ("relationships",)

    @property
    def group_label(self) -> str:
        """The group's name, e.g. ``doing for``."""
        return GROUP_LABELS[self.group]


APPROACHES: tuple[Approach, ...] = (
    Approach(
        "protection", "coercion / protection", DOING_TO, 0,
        "We must act to keep people safe.",
        "safeguarding, detention under mental health law",
        "Yes, it can be: where there is a duty of care or a risk to life, such as "
        "safeguarding, acting for someone is the responsible choice.",
        "If safety allows, explain the reasons and help people make the change "
        "themselves instead of enforcing it (education / persuasion).",
    ),
    Approach(
        "education", "education / persuasion", DOING_TO, 1,
        "We know what would help; we need people to do it.",
        "stop-smoking campaigns, falls prevention leaflets",
        "Yes, it can be: clear public health messages built on good evidence, such "
        "as stopping smoking, are worth persuading people about.",
        "Give people the facts and leave the choice to them, rather than steering "
        "them to one answer (information).",
    ),
    Approach(
        "information", "information", DOING_FOR, 2,
        "We make sure people have what they need to know, when and where they need it.",
        "a carers' leaflet on the ward, a web page on carer's assessments",
        "Yes, it can be: people often simply need accurate information to make "
        "their own choices, at the moment they need it.",
        "Ask people what they know and think, so their knowledge flows back to "
        "you as well (consultation).",
    ),
    Approach(
        "consultation", "consultation", DOING_FOR, 3,
        "We choose the questions and gather views to inform our decisions.",
        "surveys, formal consultations on service changes",
        "Yes, it can be: a well-run consultation, for the right reasons, is a "
        "strong way to inform a decision that is yours to make.",
        "Swap set questions for open conversation, where lived experience can "
        "shape your thinking (participation).",
    ),
    Approach(
        "participation", "participation", DOING_FOR, 4,
        "We listen to people's lived experience to shape our thinking and decisions.",
        "drop-in events, focus groups with carers",
        "Yes, it can be: when people's experience should shape something the "
        "organisation stays responsible for delivering.",
        "Share the decisions and the work: decide together, have people take part "
        "in delivering and evaluating, and value both kinds of knowledge "
        "(co-production).",
    ),
    Approach(
        "co-production", "co-production", DOING_WITH, 5,
        "We share our experience and listen to yours; we decide and act together "
        "with equal power.",
        "person-centred care, shared decision making",
        "Yes: co-production suits complex challenges where nobody holds all the "
        "answers. It is not needed for everything.",
        "This is already doing with. Keep power shared all the way through, "
        "including evaluation, and check your practice against the five values.",
        ("relationships", "change-makers"),
    ),
    Approach(
        "community-led", "community-led action", NEIGHBOUR, 6,
        "People get together and make it happen themselves.",
        "mutual aid groups, a carers' group running its own peer support",
        "Yes: community organising is valuable in its own right. It is simply not "
        "co-production, because professionals are not part of it.",
        "It is not a step below co-production. If the community wants it, "
        "professionals could join as equals, sharing knowledge and decisions; "
        "otherwise support it without taking over.",
        ("change-makers", "strengths"),
    ),
    Approach(
        "collaboration", "collaboration / partnership", NEIGHBOUR, 7,
        "We work with other organisations and teams.",
        "a hospital and a council planning a discharge pathway together",
        "Yes: joining up services is essential, and good collaboration leads to "
        "great co-production. Without citizens at the table it is not co-production.",
        "Bring the people who use the service, patients and carers, to the table; "
        "then ask the three questions again.",
        ("networks",),
    ),
)
APPROACH_IDS: tuple[str, ...] = tuple(a.id for a in APPROACHES)
_BY_ID = {a.id: a for a in APPROACHES}
# The six places on the line itself, left to right.
LINE: tuple[Approach, ...] = tuple(a for a in APPROACHES if a.group != NEIGHBOUR)


def approach(approach_id: str) -> Approach:
    """The approach with this id (``KeyError`` if unknown)."""
    return _BY_ID[approach_id]


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
        return _BY_ID["collaboration"]
    k, d, a = answers.knowledge, answers.decisions, answers.acts
    if k == d == a == BOTH:
        return _BY_ID["co-production"]
    if k == d == a == PEOPLE:
        return _BY_ID["community-led"]
    if k == ORGANISATION:
        if d == ORGANISATION:
            return _BY_ID["protection" if a == ORGANISATION else "education"]
        return _BY_ID["information"]
    if d == ORGANISATION:
        return _BY_ID["consultation" if k == PEOPLE else "participation"]
    if d == BOTH:
        return _BY_ID["participation"]
    return _BY_ID["community-led"]


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
            chosen = _BY_ID[option.approach]
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
                f"-> {_BY_ID['collaboration'].name}")
    lines = [f"{q.prompt} {HOLDER_LABELS[answers.get(q.id) or BOTH]}" for q in QUESTIONS]
    result = place(answers)
    if answers.refine and result.approach is not result.base and result.refining:
        option = result.refining.option(answers.refine)
        if option:
            lines.append(f"{result.refining.prompt} {option.label}")
    lines.append(f"-> {result.approach.name} ({result.approach.group_label})")
    return "\n".join(lines)
