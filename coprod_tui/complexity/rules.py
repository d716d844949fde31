"""The complexity exercise's rules: five questions, five results.

Built on the toolkit's complexity theory (simple, complicated, complex,
chaotic) with Cynefin's fifth place, confusion ("not clear yet"). The short
responses ("probe, sense, respond") and the confusion domain come from Cynefin,
not from the toolkit. Every one of
the 3^5 combinations of answers has a defined result. This is sense-making,
not sorting: :func:`assess` also says which single answer, changed, would
change the result. Pure: no files, no Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from coprod_tui.i18n import N_, _

YES, NO, UNSURE = "yes", "no", "unsure"
ANSWERS: tuple[str, ...] = (YES, NO, UNSURE)
# English labels, marked for the catalogue: shown as ``_(ANSWER_LABELS[...])``.
ANSWER_LABELS: dict[str, str] = {YES: N_("yes"), NO: N_("no"), UNSURE: N_("not sure")}
_ANSWER_WORDS = {
    "yes": YES, "y": YES, "no": NO, "n": NO, "unsure": UNSURE, "u": UNSURE,
    "not sure": UNSURE, "not-sure": UNSURE, "notsure": UNSURE, "?": UNSURE,
    "dont know": UNSURE, "don't know": UNSURE,
}


@dataclass(frozen=True)
class Question:
    """One diagnostic question; ``id`` is stable (stored and used on the command line)."""

    id: str
    short: str
    text: str
    hint: str


QUESTIONS: tuple[Question, ...] = (
    Question(
        "recipe", N_("Known process"),
        N_("Is there a known, written process to follow?"),
        N_("Like a recipe, a clinical protocol or blueprints: do the steps in the right "
           "order and you get what you expected, whoever does it."),
    ),
    Question(
        "expertise", N_("Specialist expertise"),
        N_("Does it need specialist training or expertise?"),
        N_("People with technical skills you recruit or call in, rather than a little "
           "practice anyone can pick up."),
    ),
    Question(
        "predictable", N_("Predictable"),
        N_("Can you, or experts, know in advance what will follow from what you do?"),
        N_("Cause and effect can be worked out beforehand, by you or by people with the "
           "expertise, so a plan made today will still hold when you carry it out."),
    ),
    Question(
        "people", N_("People's lives"),
        N_("Is it about people's lives and relationships, where each person and place differs?"),
        N_("Each person is connected to family, friends, services and place, and adapts "
           "as those change: what worked for one may not work for the next."),
    ),
    Question(
        "crisis", N_("Act now"),
        N_("Must you act now, before anyone can see what causes what?"),
        N_("An emergency with no clear path, where waiting to understand would do harm. "
           "Urgency alone is not chaos: an urgent task with a known procedure, such as "
           "resuscitation by protocol, is not chaotic."),
    ),
)
QUESTION_IDS: tuple[str, ...] = tuple(q.id for q in QUESTIONS)


@dataclass(frozen=True)
class Domain:
    """What a result means, with the toolkit's analogy and how to respond."""

    id: str
    label: str
    verbs: str
    verbs_gloss: str  # the verbs in plain words, for a first-time reader
    meaning: str
    analogy: str
    response: str
    coproduction: str
    first_step: str
    who: str
    values: tuple[str, ...]


DOMAINS: dict[str, Domain] = {
    d.id: d
    for d in (
        Domain(
            "simple", N_("Simple"), N_("sense, categorise, respond"),
            N_("Cynefin's words, not the toolkit's: see what the situation is, find "
               "the procedure that fits it, and follow it."),
            N_("There is a right way, written down and repeatable. Follow the steps in "
               "order and you get the result you expected; a little practice is enough."),
            N_("Baking a basic cake: follow the recipe in the right order and the cake "
               "turns out."),
            N_("Follow the recipe: use the established process or good practice, and "
               "make sure each step happens, in the right order."),
            N_("The toolkit keeps co-production for complex challenges; here the answer "
               "is already known. (Our addition:) the people who use the service can "
               "still tell you whether the recipe works for them, and how you carry it "
               "out can still show the five values."),
            N_("First step (which recipe or standard practice applies?)"),
            N_("Who is involved (who carries out the steps?)"),
            ("what-matters",),
        ),
        Domain(
            "complicated", N_("Complicated"), N_("sense, analyse, respond"),
            N_("Cynefin's words, not the toolkit's: see what the situation is, have "
               "people with the expertise work out what will follow, then act on it."),
            N_("There is a right way, but finding and following it takes planning and "
               "specialist knowledge. It is still linear and predictable: the right "
               "actions in the right order bring the result. Following Cynefin, coprod "
               "also counts here what experts can work out by analysis without a written "
               "recipe, such as a diagnosis."),
            N_("Building a rocket: blueprints, upfront planning, specialist teams, and "
               "a rover on Mars at the end. In health: surgery, an app for patients, a "
               "new hospital."),
            N_("Plan upfront and bring in the people with the specialist training, "
               "in-house or as consultants. User research, consultation or "
               "participation can tell them what people need; the specialists decide "
               "and build."),
            N_("Call in the experts rather than co-producing the solution. Do ask the "
               "people who will use it what they need and how they will use it: "
               "'doing for' done well."),
            N_("First step (what analysis, which expert to bring in?)"),
            N_("Who is involved (which specialists, and whose needs do they hear?)"),
            ("what-matters",),
        ),
        Domain(
            "complex", N_("Complex"), N_("probe, sense, respond"),
            N_("Cynefin's words, not the toolkit's: try something small and safe, see "
               "what happens, then build on it or change course."),
            N_("There is no definitive recipe. It is about people and relationships: "
               "each person is a networked, adaptive system (connected to family, "
               "friends, services and place, and changing as any of those changes), and "
               "a group of people far more so. What worked once may not work next time."),
            N_("Raising a child: thousands of books, no magic formula, and what worked "
               "with your first may not work with your second. In public services: "
               "loneliness, substance use, poor health outcomes, which the toolkit calls "
               "wicked problems (tangled challenges with many causes and no single fix)."),
            N_("Gather the range of perspectives, including lived experience, build a "
               "shared understanding, then design and test small ideas together and "
               "learn from what happens. Know your direction and how you will work; "
               "the answer emerges as you shape it together."),
            N_("This is where co-production belongs: no single expert can know "
               "everything, and the people whose lives it touches hold knowledge no one "
               "else has. Work with the uncertainty, and check that the approach you "
               "plan is 'doing with'."),
            N_("First probe (a small, safe-to-fail thing to try and learn from)"),
            N_("Who is involved (which citizens, carers, teams?)"),
            ("networks", "relationships"),
        ),
        Domain(
            "chaotic", N_("Chaotic"), N_("act, sense, respond"),
            N_("Cynefin's words, not the toolkit's: act first to make things safer, "
               "then look at what happened and respond."),
            N_("There is no clear path yet: nobody can see what causes what, and waiting "
               "to understand would do harm. Urgency alone is not chaos."),
            N_("The emergency response to the COVID pandemic: rapid action, adapted as "
               "things changed and new data came in."),
            N_("Act fast to stabilise. A central body gives guidelines and local teams "
               "make sense of them and apply them where they are. Then reassess: chaos "
               "tends to be short-term (even if it lasts a few years) and settles in "
               "time into complex or complicated."),
            N_("The toolkit does not say how co-production fits chaos. Our reading: it is "
               "not the moment for a full co-production process, but local people, "
               "carers and community groups can help guidance work where they are. When "
               "things settle, look again: if what is left is complex, co-production fits."),
            N_("First action (what will you do now to stabilise things?)"),
            N_("Who is involved (who acts locally, who gives the guidance?)"),
            ("networks",),
        ),
        Domain(
            "confusion", N_("Not clear yet"), N_("break it into parts"),
            N_("Coprod's advice, after Cynefin: split the challenge into parts and "
               "place each part on its own."),
            N_("Your answers point different ways, or are mostly unsure, so it is not "
               "yet clear what kind of challenge this is (Cynefin calls this "
               "confusion). That is normal: many real challenges are several bundled "
               "together."),
            N_("'Improve hospital discharge' holds a form to fill in (simple), a "
               "transport system (complicated) and how each family copes at home "
               "(complex)."),
            N_("Break the challenge into parts and place each part on its own. Find out "
               "what you are unsure about by talking to people who see it from "
               "different sides."),
            N_("Finding out together is a good start: carers, patients and colleagues "
               "each see different parts. Once the parts are placed, co-produce the "
               "complex ones."),
            N_("First step (which part will you look at first, and with whom?)"),
            N_("Who is involved (who sees the challenge from other sides?)"),
            ("networks",),
        ),
    )
}
DOMAIN_IDS: tuple[str, ...] = tuple(DOMAINS)


@dataclass(frozen=True)
class Change:
    """Answering ``question`` with ``answer`` instead would give ``domain``."""

    question: str
    answer: str
    domain: str


@dataclass(frozen=True)
class Result:
    """The outcome of the five answers."""

    domain: str
    answers: dict[str, str]
    reasons: tuple[str, ...]
    changes: tuple[Change, ...]

    @property
    def info(self) -> Domain:
        """The domain's meaning, analogy and response."""
        return DOMAINS[self.domain]


def normalise_answer(text: str) -> str | None:
    """``yes``, ``no`` or ``unsure`` for a typed answer (``y``, ``not sure``...), else None.

    English words always work; so do the answers' names in the interface language.
    """
    typed = " ".join(text.strip().lower().split())
    found = _ANSWER_WORDS.get(typed)
    if found is None:
        found = next((answer for answer, label in ANSWER_LABELS.items()
                      if _(label).lower() == typed), None)
    return found


def check_answers(answers: Mapping[str, str]) -> dict[str, str]:
    """The five answers in question order; raises ``ValueError`` naming what is wrong."""
    missing = [q for q in QUESTION_IDS if q not in answers]
    if missing:
        raise ValueError(_("missing answer for {questions}").format(questions=", ".join(missing)))
    extra = sorted(set(answers) - set(QUESTION_IDS))
    if extra:
        raise ValueError(_("unknown question {names}; questions: {questions}").format(
            names=", ".join(extra), questions=", ".join(QUESTION_IDS)))
    for qid in QUESTION_IDS:
        if answers[qid] not in ANSWERS:
            raise ValueError(
                _("{question}: {value!r} is not an answer; choices: {choices}").format(
                    question=qid, value=answers[qid], choices=", ".join(ANSWERS))
            )
    return {qid: answers[qid] for qid in QUESTION_IDS}


def _lean(recipe: str, predictable: str, people: str) -> tuple[str | None, str]:
    """'ordered', 'unordered' or None (unclear), with the reason."""
    core = (recipe, predictable)
    if core == (YES, YES):
        return "ordered", N_("There is a known process and you can predict what follows: an "
                              "ordered challenge.")
    if core == (NO, NO):
        return "unordered", N_("There is no known process and you cannot predict what follows.")
    if core == (UNSURE, UNSURE):
        return None, N_("You are not sure whether there is a known process or whether the "
                        "results can be predicted: those two answers decide most.")
    if UNSURE not in core:
        return None, N_("A known process that gives the same result every time should make "
                        "what follows predictable; your answers to those two disagree.")
    leaning = YES if YES in core else NO
    if leaning == YES:
        if people == YES:
            return None, N_("You lean towards a known, predictable process, yet it is about "
                            "people's lives, each different: the answers pull both ways.")
        return "ordered", N_("You lean towards a known, predictable process.")
    if people == NO:
        return None, N_("You lean towards no known process, yet it is not about people's "
                        "lives: the answers pull both ways.")
    return "unordered", N_("You lean towards no known process and unpredictable results.")


# The reasons a result gives stay English in :class:`Result` (``--json`` is
# read by machines); :func:`reason_text` translates one where it is shown.
PEOPLE_NOTE = N_(
    "You said it is about people's lives: the way through may be known, but each person "
    "meets them differently. Follow the known way, ask the people it touches whether "
    "it works for them, and if what follows stops being predictable, look again: "
    "that part may be complex."
)
URGENT_BUT_KNOWN = N_(
    "It is urgent, but cause and effect are known: a known procedure or expert "
    "analysis with predictable results wins over urgency, because urgency alone is "
    "not chaos."
)
EXPERT_ANALYSIS = N_(
    "There is no written recipe, but experts can work out what will follow: "
    "analysis by experts, as in a diagnosis. Coprod follows Cynefin here and calls "
    "this complicated (the toolkit's complicated examples have blueprints)."
)


UNSURE_COUNT = N_("You are not sure about {count} of the five questions.")


def reason_text(reason: str) -> str:
    """One of a result's (English) reasons in the interface language."""
    for count in range(len(QUESTION_IDS) + 1):
        if reason == UNSURE_COUNT.format(count=count):
            return _(UNSURE_COUNT).format(count=count)
    return _(reason)


def reasons_text(result: Result) -> str:
    """A result's reasons as one paragraph, in the interface language."""
    return " ".join(reason_text(reason) for reason in result.reasons)


def _ordered(a: Mapping[str, str], why: str) -> tuple[str, list[str]]:
    """Simple or complicated for an ordered challenge, by the expertise answer."""
    if a["expertise"] == NO:
        return "simple", [why, N_("No specialist training or expertise is needed.")]
    if a["expertise"] == YES:
        return "complicated", [why, N_("It needs specialist training or expertise.")]
    return "complicated", [why, N_("You are not sure it needs expertise: check with "
                                   "someone who knows.")]


def _calm(a: Mapping[str, str]) -> tuple[str, list[str]]:
    """The domain when nothing must be done before cause and effect can be seen."""
    unsure = sum(1 for value in a.values() if value == UNSURE)
    if unsure >= 3:
        return "confusion", [UNSURE_COUNT.format(count=unsure)]
    if a["recipe"] != YES and a["predictable"] == YES and a["expertise"] == YES:
        return "complicated", [EXPERT_ANALYSIS]
    lean, why = _lean(a["recipe"], a["predictable"], a["people"])
    if lean is None:
        return "confusion", [why]
    if lean == "unordered":
        reasons = [why]
        if a["people"] == YES:
            reasons.append(N_("It is about people's lives and relationships, each different."))
        return "complex", reasons
    return _ordered(a, why)


def classify(answers: Mapping[str, str]) -> tuple[str, tuple[str, ...]]:
    """The domain for five answers, and the reasons in plain words.

    Chaos only when there is no known way through: a known procedure (or expert
    analysis) with predictable results wins over urgency. A simple or
    complicated result about people's lives carries a note on what that means.
    """
    a = check_answers(answers)
    known = a["predictable"] == YES and YES in (a["recipe"], a["expertise"])
    if a["crisis"] == YES and not known:
        return "chaotic", (N_("You must act now, before anyone can see what causes what: "
                              "the mark of chaos."),)
    domain, reasons = _calm(a)
    if a["crisis"] == YES:
        reasons.insert(0, URGENT_BUT_KNOWN)
    if domain in ("simple", "complicated") and a["people"] == YES:
        reasons.append(PEOPLE_NOTE)
    return domain, tuple(reasons)


def assess(answers: Mapping[str, str]) -> Result:
    """Classify the answers and find every single change of answer that changes the result."""
    a = check_answers(answers)
    domain, reasons = classify(a)
    changes = []
    for qid in QUESTION_IDS:
        for other in ANSWERS:
            if other == a[qid]:
                continue
            changed, _reasons = classify({**a, qid: other})
            if changed != domain:
                changes.append(Change(qid, other, changed))
    return Result(domain, a, reasons, tuple(changes))


def question(qid: str) -> Question:
    """The question with this id."""
    return next(q for q in QUESTIONS if q.id == qid)


def answers_line(answers: Mapping[str, str]) -> str:
    """``recipe: no, expertise: not sure, ...`` for lists and summaries."""
    not_answered = N_("not answered")
    return ", ".join(
        f"{qid}: {_(ANSWER_LABELS.get(answers.get(qid, ''), not_answered))}"
        for qid in QUESTION_IDS
    )


def change_lines(result: Result) -> list[str]:
    """One sentence for each answer that, changed, would change the result."""
    lines = []
    for change in result.changes:
        q = question(change.question)
        lines.append(_("{question}: '{new}' instead of '{old}' would make it {domain}.").format(
            question=_(q.short), new=_(ANSWER_LABELS[change.answer]),
            old=_(ANSWER_LABELS[result.answers[change.question]]),
            domain=_(DOMAINS[change.domain].label).lower()))
    return lines


def summary_text(title: str, result: Result, plan: Mapping[str, str] | None = None) -> str:
    """A short plain-text account of a result (journal links, exports, the CLI)."""
    info = result.info
    lines = [
        _("Challenge: {title}").format(title=title) if title else _("Challenge"),
        _("Result: {name} ({verbs})").format(name=_(info.label), verbs=_(info.verbs)),
        _("Answers: {answers}").format(answers=answers_line(result.answers)),
        _("Response: {text}").format(text=_(info.response)),
        _("For co-production: {text}").format(text=_(info.coproduction)),
    ]
    for key, label in PLAN_FIELDS:
        value = (plan or {}).get(key, "")
        if value:
            lines.append(f"{_(label)}: {value}")
    return "\n".join(lines)


# The plan, in the spirit of Cognitive Edge action forms.
PLAN_FIELDS: tuple[tuple[str, str], ...] = (
    ("action", N_("First probe or action")),
    ("who", N_("Who is involved")),
    ("expected", N_("Expected outcome")),
    ("review", N_("Review date")),
)
# A suggested answer for the expected outcome, shown as _(NOT_KNOWN).
NOT_KNOWN = N_("not known")
