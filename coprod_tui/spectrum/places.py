"""The places on (and beside) the spectrum of engagement: groups and approaches.

Pure data, in our own words from the toolkit "Co-producing with carers in
health settings": what each approach says, an example, when it can be the right
one (levels, not steps) and what would move it one place towards doing with.
"""

from __future__ import annotations

from dataclasses import dataclass

from coprod_tui.i18n import N_

DOING_TO = "doing-to"
DOING_FOR = "doing-for"
DOING_WITH = "doing-with"
NEIGHBOUR = "neighbour"
BETWEEN = "between"
# English names, marked for the catalogue: shown as ``_(GROUP_LABELS[...])``.
GROUP_LABELS = {
    DOING_TO: N_("doing to"),
    DOING_FOR: N_("doing for"),
    DOING_WITH: N_("doing with"),
    NEIGHBOUR: N_("a neighbour of co-production"),
    BETWEEN: N_("between groups"),
}


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
        "protection", N_("coercion / protection"), DOING_TO, 0,
        N_("We must act to keep people safe."),
        N_("safeguarding, criminal justice"),
        N_("Yes, it can be: the toolkit places safeguarding here, for situations such "
        "as a risk to life, where acting to keep someone safe is the responsible choice."),
        N_("If safety allows, explain the reasons and help people make the change "
        "themselves instead of enforcing it (education / persuasion)."),
    ),
    Approach(
        "education", N_("education / persuasion"), DOING_TO, 1,
        N_("We know what would help; we need people to do it."),
        N_("stop-smoking campaigns"),
        N_("Yes, it can be: the toolkit's example is a smoking cessation campaign; "
        "which approach is right depends on the situation and the purpose."),
        N_("Give people the facts and leave the choice to them, rather than steering "
        "them to one answer (information)."),
    ),
    Approach(
        "information", N_("information"), DOING_FOR, 2,
        N_("We make sure people have what they need to know, when and where they need it."),
        N_("a carers' leaflet on the ward, a web page on carer's assessments"),
        N_("Yes, it can be: when people are looking for information, making it easy "
        "to find where, when and how they need it is the right thing to do."),
        N_("Ask people what they know and think, so their knowledge flows back to "
        "you as well (consultation)."),
    ),
    Approach(
        "consultation", N_("consultation"), DOING_FOR, 3,
        N_("We choose the questions and gather views to inform our decisions."),
        N_("surveys, formal consultations on service changes"),
        N_("Yes, it can be: a well-run consultation, for the right reasons, is a "
        "strong way to inform a decision that is yours to make."),
        N_("Swap set questions for open conversation, where lived experience can "
        "shape your thinking (participation)."),
    ),
    Approach(
        "participation", N_("participation"), DOING_FOR, 4,
        N_("We listen to people's lived experience to shape our thinking and decisions."),
        N_("drop-in events, focus groups with carers"),
        N_("Yes, it can be: when people's experience should shape something the "
        "organisation stays responsible for delivering."),
        N_("Share the decisions and the work: decide together, and have people take "
        "part in delivering and evaluating it (co-production)."),
    ),
    Approach(
        "co-production", N_("co-production"), DOING_WITH, 5,
        N_("We share our experience and listen to yours; we decide and act together "
        "with equal power."),
        N_("person-centred care, shared decision making"),
        N_("Yes: co-production suits complex challenges where nobody holds all the "
        "answers. It is not needed for everything."),
        N_("This is already doing with. Keep power shared all the way through, "
        "including evaluation, and check your practice against the five values."),
        ("relationships", "change-makers"),
    ),
    Approach(
        "community-led", N_("community-led action"), NEIGHBOUR, 6,
        N_("People get together and make it happen themselves."),
        N_("mutual aid groups, a carers' group running its own peer support"),
        N_("Yes: community organising is valuable in its own right. It is simply not "
        "co-production, because professionals do not decide or act in it."),
        N_("It is not a step below co-production. If the community wants it, "
        "professionals could join as equals, deciding and acting alongside the "
        "people; otherwise support it without taking over."),
        ("change-makers", "strengths"),
    ),
    Approach(
        "collaboration", N_("collaboration / partnership"), NEIGHBOUR, 7,
        N_("We work with other organisations and teams."),
        N_("a hospital and a council planning a discharge pathway together"),
        N_("Yes: joining up services is essential, and good collaboration leads to "
        "great co-production. Without citizens at the table it is not co-production."),
        N_("Bring the people who use the service, patients and carers, to the table; "
        "then ask the three questions again."),
        ("networks",),
    ),
)
APPROACH_IDS: tuple[str, ...] = tuple(a.id for a in APPROACHES)

# Answers that fit no row of the toolkit's table lie between two places. The
# toolkit does not name these; coprod does, so that no answer is forced into a
# row it does not fit. ``move`` here is generic: a result's own advice is built
# from its answers (see ``SpectrumResult.move``).
_BETWEEN_RIGHT = N_(
    "It can be. The toolkit's table describes clear cases and real work often "
    "mixes them (coprod's note, not the toolkit's); ask whether this mix suits "
    "the situation and its purpose."
)
_BETWEEN_MOVE = N_("Share whatever is not yet shared: knowledge, decisions and the work.")


def _between(bid: str, name: str, stance: str, example: str) -> Approach:
    return Approach(bid, name, BETWEEN, 8, stance, example, _BETWEEN_RIGHT, _BETWEEN_MOVE)


BETWEEN_PLACES: tuple[Approach, ...] = (
    _between("between-to-with", N_("between doing to and doing with"),
             N_("We hold the knowledge, and share some of the deciding or doing."),
             N_("carers asked to help run a clinic the hospital designed")),
    _between("between-to-community", N_("between doing to and community-led action"),
             N_("We know and decide; the people decide or carry it out on their own."),
             N_("a scheme the trust designed, handed to carers to run themselves")),
    _between("between-for-with", N_("between doing for and doing with"),
             N_("We draw on people's knowledge and share some, not all, of the "
             "deciding and doing."),
             N_("a carers' panel that votes on changes the ward then makes alone")),
    _between("between-for-community", N_("between doing for and community-led action"),
             N_("We draw on people's knowledge; the people decide or act on their own."),
             N_("a service that does whatever a carers' group decides")),
    _between("between-with-community", N_("between doing with and community-led action"),
             N_("We share knowledge and some decisions or work; the people do the "
             "rest on their own."),
             N_("a peer group that plans with staff, then runs everything itself")),
)
_BY_ID = {a.id: a for a in APPROACHES + BETWEEN_PLACES}
# The six places on the line itself, left to right.
LINE: tuple[Approach, ...] = tuple(a for a in APPROACHES if a.group != NEIGHBOUR)


def approach(approach_id: str) -> Approach:
    """The approach (or between place) with this id (``KeyError`` if unknown)."""
    return _BY_ID[approach_id]
