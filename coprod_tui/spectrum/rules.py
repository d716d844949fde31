"""The spectrum of engagement: place an activity by who holds the knowledge,
who makes the decisions and who acts on them.

Pure rules (no files, no Textual). The toolkit's spectrum runs from "doing to"
(coercion / protection, education / persuasion) through "doing for"
(information, consultation, participation) to "doing with" (co-production).
Two neighbours sit off the line: community-led action (people deciding and
acting without the organisation) and collaboration (organisations with
organisations, no citizens at the table). Levels, not steps: every place can
be the right one.

The three answers (each ``organisation``, ``people`` or ``both``) choose the
group exactly as the toolkit's table says:

- doing to: the organisation has the knowledge, decides and acts
  (organisation / organisation / organisation);
- doing for: the organisation listens to people's knowledge but still decides
  and acts (people or both / organisation / organisation);
- doing with: knowledge, decisions and action all shared (both / both / both).

Beside the line: no citizens at all is collaboration; the people deciding and
acting without the organisation (any knowledge) is community-led action.
Every other answer set fits no row: it is named as lying *between* two places,
each answer saying which place it matches. A refining question then chooses the
approach inside a group. For the doing-to row it can also choose information:
the toolkit puts information in doing for although the organisation holds the
knowledge, decides and acts, because it gives people what they are looking for
rather than enforcing or persuading (coprod's reading of the toolkit, see the
README).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_tui.i18n import N_, _
from coprod_tui.spectrum.places import (  # noqa: F401 - re-exported
    APPROACH_IDS,
    APPROACHES,
    BETWEEN,
    BETWEEN_PLACES,
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
    ORGANISATION: N_("the organisation"),
    PEOPLE: N_("the people"),
    BOTH: N_("both together"),
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
        N_("Who holds the knowledge?"),
        N_("Whose knowledge shapes the activity: professional expertise, the lived "
        "experience of patients and carers, or both valued side by side?"),
    ),
    Question(
        "decisions",
        N_("Who makes the decisions?"),
        N_("Who has the power to decide what happens: the organisation alone, the "
        "people alone, or both deciding together?"),
    ),
    Question(
        "acts",
        N_("Who acts on the decisions?"),
        N_("Who carries out the activity you are placing (runs the campaign, makes "
        "the leaflet, delivers the service): the organisation, the people, or both "
        "taking part in the work?"),
    ),
)
QUESTION_IDS: tuple[str, ...] = tuple(q.id for q in QUESTIONS)

CITIZENS_PROMPT = N_("Are people who use the service (patients, carers) involved at all?")
CITIZENS_HELP = N_(
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
        N_("What is the organisation doing?"),
        (
            RefineOption("safety", N_("Acting on a duty to keep someone safe"), "protection"),
            RefineOption("behaviour", N_("Trying to get people to change what they do"),
                         "education"),
            RefineOption("inform", N_("Giving out information people are looking for, where "
                         "and when they need it, to use as they choose"), "information"),
        ),
    ),
    DOING_FOR: RefineQuestion(
        DOING_FOR,
        N_("How does knowledge move between the organisation and the people?"),
        (
            RefineOption("inform", N_("The organisation gives people information they need"),
                         "information"),
            RefineOption("ask", N_("The organisation set the questions and kept the data"),
                         "consultation"),
            RefineOption("listen", N_("People's lived experience was heard in open conversation"),
                         "participation"),
        ),
    ),
}
REFINE_IDS: tuple[str, ...] = tuple(
    dict.fromkeys(o.id for q in REFINING.values() for o in q.options))

_HELD_BACK = {
    ("knowledge", ORGANISATION): N_("Knowledge: only the organisation's knowledge counts; "
    "the lived experience of patients and carers is not brought in."),
    ("knowledge", PEOPLE): N_("Knowledge: the people's knowledge is used, but professionals "
    "do not put their own alongside it."),
    ("decisions", ORGANISATION): N_("Decisions: the organisation decides alone."),
    ("decisions", PEOPLE): N_("Decisions: the people decide alone, without the organisation "
    "deciding with them."),
    ("acts", ORGANISATION): N_("Acting: the organisation carries the decisions out alone; "
    "the people have no part in doing it."),
    ("acts", PEOPLE): N_("Acting: the people carry the decisions out alone; the organisation "
    "does not share the work."),
}
NO_CITIZENS_HELD_BACK = N_(
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
                raise ValueError(_("{field}: {value!r} is not a valid answer; "
                                   "choices: {choices}").format(
                    field=qid, value=value, choices=", ".join(HOLDERS)))
        if self.refine is not None and self.refine not in REFINE_IDS:
            raise ValueError(_("{field}: {value!r} is not a valid answer; "
                               "choices: {choices}").format(
                field="refine", value=self.refine, choices=", ".join(REFINE_IDS)))


# What would move one answer towards doing with: never what the answer already is.
_STEP = {
    ("knowledge", ORGANISATION): N_("bring in the lived experience of patients and carers "
    "and value it alongside professional knowledge"),
    ("knowledge", PEOPLE): N_("put professional knowledge alongside the people's, so each "
    "side listens to the other"),
    ("decisions", ORGANISATION): N_("make the decisions together with the people"),
    ("decisions", PEOPLE): N_("if the people want it, decide alongside them as equals"),
    ("acts", ORGANISATION): N_("have the people take part in carrying the work out and "
    "evaluating it"),
    ("acts", PEOPLE): N_("take part in the work alongside the people, without taking it over"),
}

# The answer sets of each row of the toolkit's table (and the community-led
# neighbour); an approach's own advice is used only for answers in its row.
_TO_ROW = {(ORGANISATION, ORGANISATION, ORGANISATION)}
_FOR_ROW = {(PEOPLE, ORGANISATION, ORGANISATION), (BOTH, ORGANISATION, ORGANISATION)}
_ROWS: dict[str, set[tuple[str | None, ...]]] = {
    "protection": _TO_ROW,
    "education": _TO_ROW,
    "information": _TO_ROW,
    "consultation": _FOR_ROW,
    "participation": _FOR_ROW,
    "co-production": {(BOTH, BOTH, BOTH)},
    "community-led": {(k, PEOPLE, PEOPLE) for k in HOLDERS},
}


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

    @property
    def right_when(self) -> str:
        """Whether (and when) this place can be the right one."""
        return _(self.approach.right_when)

    @property
    def move(self) -> str:
        """What would move the activity towards doing with, from these answers.

        The approach's own advice when the answers are its row of the table;
        otherwise one step per answer that is not yet shared, so the advice never
        asks for what the answers say is already done.
        """
        a = self.answers
        if not a.citizens:
            return _(self.approach.move)
        combo = tuple(a.get(q) for q in QUESTION_IDS)
        if combo in _ROWS.get(self.approach.id, set()):
            return _(self.approach.move)
        steps = [_(_STEP[(q, a.get(q))]) for q in QUESTION_IDS if a.get(q) != BOTH]
        if not steps:
            return _(self.approach.move)
        text = "; ".join(steps)
        return text[0].upper() + text[1:] + "."

    def summary(self) -> str:
        """A short plain-text summary (for journal entries and lists)."""
        a = self.answers
        if not a.citizens:
            how = _("no people who use the service involved")
        else:
            how = "; ".join(f"{q}: {a.get(q)}" for q in QUESTION_IDS)
        lines = [
            _("Spectrum of engagement: {name} ({group}).").format(
                name=_(self.approach.name), group=_(self.approach.group_label)),
            _("Answers: {answers}.").format(answers=how),
        ]
        if self.held_back and self.base.id in _NOT_BELOW:
            lines.append(_("Not co-production because: ") + " ".join(self.held_back))
        elif self.held_back:
            lines.append(_("Held back from doing with by: ") + " ".join(self.held_back))
        lines.append(_("Can it be right? ") + self.right_when)
        lines.append(_("Towards doing with: ") + self.move)
        return "\n".join(lines)


_LINE_ORDER = (DOING_TO, DOING_FOR, DOING_WITH)
# Places the toolkit calls valuable in their own right, not short of doing with:
# what they lack is said as why they are not co-production, not as a hold-back.
_NOT_BELOW = frozenset({"community-led", "collaboration"})
COMMUNITY = "community-led"


def answer_places(answers: SpectrumAnswers) -> tuple[str, str, str]:
    """For each answer, the place of the toolkit's table it matches.

    Knowledge: organisation -> doing to; people -> doing for; both -> doing with
    when something else is shared too, otherwise doing for (participation hears
    both). Decisions and acting: organisation -> the row the knowledge gives
    (doing to or doing for); both -> doing with; people -> community-led action.
    """
    k, d, a = answers.knowledge, answers.decisions, answers.acts
    low = DOING_TO if k == ORGANISATION else DOING_FOR
    if k == BOTH and BOTH in (d, a):
        kp = DOING_WITH
    else:
        kp = low

    def other(value: str | None) -> str:
        return {ORGANISATION: low, BOTH: DOING_WITH}.get(value or "", COMMUNITY)

    return (kp, other(d), other(a))


def base_approach(answers: SpectrumAnswers) -> Approach:
    """The place the three answers (and the citizens question) give, before refining."""
    answers.validate()
    if not answers.citizens:
        return approach("collaboration")
    k, d, a = answers.knowledge, answers.decisions, answers.acts
    if d == PEOPLE and a == PEOPLE:
        return approach("community-led")
    if (k, d, a) == (BOTH, BOTH, BOTH):
        return approach("co-production")
    if d == ORGANISATION and a == ORGANISATION:
        # doing to, or doing for. Inside doing for, coprod's default (before the
        # refining question) is consultation when only the people's knowledge
        # comes in, participation when both kinds are exchanged.
        if k == ORGANISATION:
            return approach("protection")
        return approach("consultation" if k == PEOPLE else "participation")
    places = set(answer_places(answers))
    line = [g for g in _LINE_ORDER if g in places]
    if len(line) >= 2:
        pair = (line[0], line[-1])
    else:
        pair = (line[0], COMMUNITY)
    ids = {
        (DOING_TO, DOING_WITH): "between-to-with",
        (DOING_TO, COMMUNITY): "between-to-community",
        (DOING_FOR, DOING_WITH): "between-for-with",
        (DOING_FOR, COMMUNITY): "between-for-community",
        (DOING_WITH, COMMUNITY): "between-with-community",
    }
    return approach(ids[pair])


def held_back(answers: SpectrumAnswers) -> tuple[str, ...]:
    """One sentence per answer that keeps the activity from doing with."""
    if not answers.citizens:
        return (_(NO_CITIZENS_HELD_BACK),)
    return tuple(
        _(_HELD_BACK[(qid, answers.get(qid))])
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
            notes.append(_("The refining answer does not apply to this place and was not "
                           "used."))
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


_PLACE_NAMES = {
    DOING_TO: N_("doing to"),
    DOING_FOR: N_("doing for"),
    DOING_WITH: N_("doing with"),
    COMMUNITY: N_("community-led action"),
}


def _match_sentences(answers: SpectrumAnswers) -> list[str]:
    """For an in-between answer set: which place each answer matches."""
    kp, dp, ap = answer_places(answers)
    k, d, a = answers.knowledge, answers.decisions, answers.acts
    know = {
        ORGANISATION: _("the knowledge is the organisation's alone"),
        PEOPLE: _("the organisation draws on the people's knowledge"),
        BOTH: _("both kinds of knowledge are heard"),
    }[k or BOTH]
    decide = {
        ORGANISATION: _("the organisation decides"),
        PEOPLE: _("the people decide without the organisation"),
        BOTH: _("the decisions are made together"),
    }[d or BOTH]
    act = {
        ORGANISATION: _("the organisation carries the work out"),
        PEOPLE: _("the people carry the work out on their own"),
        BOTH: _("both carry the work out"),
    }[a or BOTH]
    as_in = _("{what} (as in {place})")
    return [as_in.format(what=know, place=_(_PLACE_NAMES[kp])),
            as_in.format(what=decide, place=_(_PLACE_NAMES[dp])),
            as_in.format(what=act, place=_(_PLACE_NAMES[ap]))]


def _between_text(answers: SpectrumAnswers, base: Approach) -> list[str]:
    parts = [
        _("That fits no row of the toolkit's table: {matches}. So coprod places it {name}, "
          "rather than forcing it into one row.").format(
            matches="; ".join(_match_sentences(answers)), name=_(base.name))
    ]
    d, a = answers.decisions, answers.acts
    if "community" not in base.id and COMMUNITY in answer_places(answers):
        parts.append(_("The people deciding on their own is like community-led action.")
                     if d == PEOPLE else
                     _("The people carrying the work out on their own is like community-led "
                       "action."))
    if BOTH in (d, a) and answers.knowledge != ORGANISATION:
        parts.append(
            _("Sharing some of the deciding or doing does not make it participation: "
              "in participation the professionals keep the power to decide and to act.")
        )
    if d == PEOPLE and a != PEOPLE:
        parts.append(_("It is not community-led action: the organisation does the work.")
                     if a == ORGANISATION else
                     _("It is not community-led action: the organisation shares the work."))
    if a == PEOPLE and d != PEOPLE:
        parts.append(_("It is not community-led action: the people do not make the "
                       "decisions on their own."))
    return parts


def _explain(answers: SpectrumAnswers, base: Approach, chosen: Approach,
             reasons: tuple[str, ...], notes: list[str]) -> str:
    parts: list[str] = []
    if not answers.citizens:
        parts.append(_(
            "Organisations working with organisations is collaboration or partnership "
            "working. It is valuable, and good collaboration leads to great "
            "co-production, but without patients, carers or other citizens at the "
            "table it is not co-production."
        ))
    else:
        k, d, a = (_(HOLDER_LABELS[answers.get(q) or BOTH]) for q in QUESTION_IDS)
        parts.append(_(
            "You said the knowledge is held by {knowledge}, the decisions are made by "
            "{decisions} and they are carried out by {acts}."
        ).format(knowledge=k, decisions=d, acts=a))
        if chosen.id == "co-production":
            parts.append(_("Knowledge, decisions and action are all shared: this is doing "
                           "with."))
        elif base.id == "community-led":
            parts.append(_(
                "The people deciding and acting without the organisation is "
                "community-led action (community organising): valuable, but not "
                "co-production."
            ))
        elif base.group == BETWEEN:
            parts.extend(_between_text(answers, base))
        elif base.group == DOING_TO:
            parts.append(_(
                "The organisation has the knowledge, makes the decisions and carries "
                "them out: the toolkit's row for doing to."
            ))
        else:
            parts.append(_(
                "The organisation listens to people's knowledge but still makes the "
                "decisions and carries them out: the toolkit's row for doing for, "
                "nearest to {name} until the refining question says more."
            ).format(name=_(base.name)))
        if chosen is not base:
            if chosen.group == base.group:
                parts.append(_("Your refining answer points to {name} within {group}.").format(
                    name=_(chosen.name), group=_(base.group_label)))
            else:
                parts.append(_(
                    "Your refining answer points to {name}, which the toolkit "
                    "puts in {group}: the organisation still holds the "
                    "knowledge, decides and acts, but it gives people what they are "
                    "looking for, where and when they need it, instead of enforcing "
                    "or persuading."
                ).format(name=_(chosen.name), group=_(chosen.group_label)))
    parts.extend(notes)
    if reasons and base.id in _NOT_BELOW:
        # The toolkit: community-led action is "great"; "it's just not co-production".
        parts.append(_("Why it is not co-production (not a step below it): ")
                     + " ".join(reasons))
    elif reasons:
        parts.append(_("What holds it back from doing with: ") + " ".join(reasons))
    return " ".join(parts)


def path_text(answers: SpectrumAnswers) -> str:
    """How the questions lead to the place, one step a line (for feedback)."""
    if not answers.citizens:
        no = _("No.")
        return (f"{_(CITIZENS_PROMPT)} {no}\n"
                f"-> {_(approach('collaboration').name)}")
    lines = [f"{_(q.prompt)} {_(HOLDER_LABELS[answers.get(q.id) or BOTH])}" for q in QUESTIONS]
    result = place(answers)
    if answers.refine and result.refining:
        option = result.refining.option(answers.refine)
        if option:
            lines.append(f"{_(result.refining.prompt)} {_(option.label)}")
    lines.append(f"-> {_(result.approach.name)} ({_(result.approach.group_label)})")
    return "\n".join(lines)
