"""The places on (and beside) the spectrum of engagement: groups and approaches.

Pure data, in our own words from the toolkit "Co-producing with carers in
health settings": what each approach says, an example, when it can be the right
one (levels, not steps) and what would move it one place towards doing with.
"""

from __future__ import annotations

from dataclasses import dataclass

DOING_TO = "doing-to"
DOING_FOR = "doing-for"
DOING_WITH = "doing-with"
NEIGHBOUR = "neighbour"
BETWEEN = "between"
GROUP_LABELS = {
    DOING_TO: "doing to",
    DOING_FOR: "doing for",
    DOING_WITH: "doing with",
    NEIGHBOUR: "a neighbour of co-production",
    BETWEEN: "between groups",
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
        "protection", "coercion / protection", DOING_TO, 0,
        "We must act to keep people safe.",
        "safeguarding, criminal justice",
        "Yes, it can be: the toolkit places safeguarding here, for situations such "
        "as a risk to life, where acting to keep someone safe is the responsible choice.",
        "If safety allows, explain the reasons and help people make the change "
        "themselves instead of enforcing it (education / persuasion).",
    ),
    Approach(
        "education", "education / persuasion", DOING_TO, 1,
        "We know what would help; we need people to do it.",
        "stop-smoking campaigns",
        "Yes, it can be: the toolkit's example is a smoking cessation campaign; "
        "which approach is right depends on the situation and the purpose.",
        "Give people the facts and leave the choice to them, rather than steering "
        "them to one answer (information).",
    ),
    Approach(
        "information", "information", DOING_FOR, 2,
        "We make sure people have what they need to know, when and where they need it.",
        "a carers' leaflet on the ward, a web page on carer's assessments",
        "Yes, it can be: when people are looking for information, making it easy "
        "to find where, when and how they need it is the right thing to do.",
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
        "Share the decisions and the work: decide together, and have people take "
        "part in delivering and evaluating it (co-production).",
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
        "co-production, because professionals do not decide or act in it.",
        "It is not a step below co-production. If the community wants it, "
        "professionals could join as equals, deciding and acting alongside the "
        "people; otherwise support it without taking over.",
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

# Answers that fit no row of the toolkit's table lie between two places. The
# toolkit does not name these; coprod does, so that no answer is forced into a
# row it does not fit. ``move`` here is generic: a result's own advice is built
# from its answers (see ``SpectrumResult.move``).
_BETWEEN_RIGHT = (
    "It can be. The toolkit's table describes clear cases and real work often "
    "mixes them (coprod's note, not the toolkit's); ask whether this mix suits "
    "the situation and its purpose."
)
_BETWEEN_MOVE = "Share whatever is not yet shared: knowledge, decisions and the work."


def _between(bid: str, low: str, high: str, stance: str, example: str) -> Approach:
    return Approach(bid, f"between {low} and {high}", BETWEEN, 8, stance, example,
                    _BETWEEN_RIGHT, _BETWEEN_MOVE)


BETWEEN_PLACES: tuple[Approach, ...] = (
    _between("between-to-with", "doing to", "doing with",
             "We hold the knowledge, and share some of the deciding or doing.",
             "carers asked to help run a clinic the hospital designed"),
    _between("between-to-community", "doing to", "community-led action",
             "We know and decide; the people decide or carry it out on their own.",
             "a scheme the trust designed, handed to carers to run themselves"),
    _between("between-for-with", "doing for", "doing with",
             "We draw on people's knowledge and share some, not all, of the "
             "deciding and doing.",
             "a carers' panel that votes on changes the ward then makes alone"),
    _between("between-for-community", "doing for", "community-led action",
             "We draw on people's knowledge; the people decide or act on their own.",
             "a service that does whatever a carers' group decides"),
    _between("between-with-community", "doing with", "community-led action",
             "We share knowledge and some decisions or work; the people do the "
             "rest on their own.",
             "a peer group that plans with staff, then runs everything itself"),
)
_BY_ID = {a.id: a for a in APPROACHES + BETWEEN_PLACES}
# The six places on the line itself, left to right.
LINE: tuple[Approach, ...] = tuple(a for a in APPROACHES if a.group != NEIGHBOUR)


def approach(approach_id: str) -> Approach:
    """The approach (or between place) with this id (``KeyError`` if unknown)."""
    return _BY_ID[approach_id]
