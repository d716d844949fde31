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
GROUP_LABELS = {
    DOING_TO: "doing to",
    DOING_FOR: "doing for",
    DOING_WITH: "doing with",
    NEIGHBOUR: "a neighbour of co-production",
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
