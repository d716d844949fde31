"""Warn when reflective writing seems to identify someone (a pure rule).

NMC revalidation and the GMC / Academy of Medical Royal Colleges guidance ask
that reflections hold no information that could identify a patient, carer or
colleague. :func:`check_privacy` looks for the obvious slips; it never blocks
saving and cannot prove that text is anonymous.

Dates of birth are found in English and in Welsh ("date of birth", "born on",
"dyddiad geni", "ganwyd ar"; month names in either language), and the
warnings are said in the interface language (:meth:`Finding.describe`).

Names are found two ways (kind ``name``), each reported once:

- a title followed by a capitalised word: ``Mr Jones``, ``Dr. Patel``,
  ``Sister O'Neill``. The title must be capitalised; role words after the
  title (``Nurse Practitioner``, ``Sister Ward``) are not names.
- a capitalised common UK given name from :data:`GIVEN_NAMES` (English,
  Welsh, Scottish, Irish and South Asian names common in the UK), with the
  capitalised word after it if there is one (``Megan Jones``). Lower case is
  never a name. Given names that are also everyday words (:data:`WORD_NAMES`:
  Will, May, Mark, Faith, Hope, Grace...) count only in the middle of a
  sentence, where a capital cannot come from starting the sentence ("Hope
  helped" starts a sentence; "I asked Hope" names someone), and a month name
  (May, June, April) is not a name next to a day, a year or a word such as
  "in" or "since". After St, Saint, Queen, King, Prince or Princess a given
  name is a place (``St George's``, ``Queen Elizabeth Hospital``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coprod_tui.i18n import N_, _

GUIDANCE = N_(
    "The NMC asks that reflective accounts hold nothing that could identify a "
    "patient, carer, colleague or anyone else. The GMC, the Academy of Medical "
    "Royal Colleges and the other UK regulators say the same: anonymise, and "
    "write about what you learned and will do rather than the full details. "
    "Removing a name is often not enough (the ICO notes that age, address and "
    "other details can still identify someone), and reflective notes can be "
    "requested by a court."
)


@dataclass(frozen=True)
class Finding:
    """Something that looks identifying: its kind, the text found and where.

    ``kind`` stays English (``"name"``, ``"NHS number"``...: callers compare it);
    :meth:`describe` says it in the interface language.
    """

    kind: str
    text: str
    start: int

    def describe(self) -> str:
        """One line such as ``NHS number: 943 476 5919``."""
        return _("{kind}: {text}").format(kind=_(self.kind), text=self.text)


def nhs_number_valid(digits: str) -> bool:
    """Whether ten digits pass the NHS number modulus 11 check."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


_NHS = re.compile(r"(?<![\d-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d-])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d[\d\s()-]{7,12}\d(?!\d)")
_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b", re.IGNORECASE
)
# Month names in English and in Welsh (a reflection may be written in either).
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd"
    r"|rhagfyr)"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r"\.?\s+\d{4}"
    r"|" + _MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})"
)
_DOB_KEYWORD = re.compile(
    r"\b(?:d\.?o\.?b\.?|date\s+of\s+birth|born(?:\s+on)?"
    r"|dyddiad\s+geni|ganwyd(?:\s+ar)?|ganed(?:\s+ar)?)\s*[:\-]?\s*(" + _DATE + r")",
    re.IGNORECASE,
)
# A full date with a birth-like year (more than ten years ago) is flagged too.
_OLD_DATE = re.compile(
    r"(?<!\d)(\d{1,2}[/.-]\d{1,2}[/.-](?:19\d\d|20[01]\d)"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r"\.?\s+(?:19\d\d|20[01]\d))(?!\d)",
    re.IGNORECASE,
)


_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Doctor", "Prof", "Professor", "Sister",
           "Nurse", "Matron", "Sr", "Rev", "Revd", "Reverend", "Father", "Lady", "Lord", "Sir",
           "Dame", "Councillor", "Cllr")
# Words after "Nurse", "Sister"... that make a job title or a place, not a name.
_ROLE_WORDS = frozenset("""
    Practitioner Practitioners Consultant Specialist Specialists Manager Lead Associate Educator
    Prescriber Prescribing Unit Ward Team Department Clinic Services Service Station Rota Bank
    Training Led Advocate Assistant Assistants Support Care Mental Health Community District
    Children Learning Midwife Midwives Director Staff Rounds Of In On The And
""".split())
_CAPITAL = r"[A-Z\u00c0-\u00de](?:[a-z\u00df-\u00ff]|'[A-Z])[A-Za-z\u00c0-\u00ff'\u2019-]*"
_TITLED = re.compile(r"\b(" + "|".join(_TITLES) + r")\.?[ \t]+(" + _CAPITAL + r")")

GIVEN_NAMES: frozenset[str] = frozenset("""
    Aaron Abigail Adam Aidan Ailsa Alan Alexander Alfie Alice Alison Amanda Amelia Amir Amy
    Andrea Andrew Angela Ann Anne Anthony Archie Arthur Ava Barbara Barry Ben Benjamin Beryl
    Betty Brenda Brian Callum Carl Caroline Catherine Charles Charlie Charlotte Chloe
    Christine Christopher Claire Colin Craig Daniel Darren David Deborah Denise Dennis Derek
    Diane Donna Doris Dorothy Edith Edward Eileen Eleanor Elizabeth Ella Ellie Elsie Emily
    Emma Ethan Ethel Evie Fatima Fiona Frances Freya Gary George Gillian Gladys
    Gordon Graham Hannah Harold Harriet Harry Hassan Hayley Helen Henry Ian Irene Isabella
    Isla Jacob Jacqueline James Janet Janice Jason Jean Jennifer Jessica Joan Joanne John
    Jonathan Joseph Joshua Joyce Julie Karen Katherine Kathleen Kevin Keith Kenneth Laura
    Lauren Leo Leonard Lesley Linda Lisa Logan Louise Lucy Luke Lynne Margaret Marjorie Martin
    Mary Matthew Maureen Megan Michael Michelle Mildred Mohammed Mohammad Muhammad Nathan
    Nicholas Nicola Nigel Noah Norman Olivia Oliver Oscar Pamela Patricia Paul Pauline Peter
    Philip Priya Rachel Raymond Rebecca Richard Robert Ronald Ryan Samantha Samuel Sandra
    Sarah Sharon Sheila Shirley Simon Sophie Stanley Stephen Steven Stuart Susan Teresa
    Theodore Thomas Timothy Tracey Trevor Valerie Victoria Wendy William Yusuf Zainab Zara
    Aled Alun Alys Angharad Arwel Bethan Bronwen Cadi Carwyn Carys Catrin Cerys Dafydd Dai
    Dewi Dylan Efa Eirlys Eleri Elin Emrys Emyr Ffion Gareth Geraint Gethin Glenys Gwen
    Gwenllian Gwyneth Heledd Huw Hywel Ieuan Iestyn Ioan Iolo Iwan Llinos Llew Llŷr Lowri
    Mali Manon Meinir Meirion Mererid Nerys Nia Osian Owain Rhian Rhiannon Rhodri Rhys Seren
    Sian Siân Sioned Steffan Tegan Tomos Wyn
    Aoife Ciaran Ciarán Eilidh Ewan Fergus Hamish Iain Mhairi Morag Niamh Padraig Pádraig
    Seamus Sean Seán Siobhan Siobhán Aisha Ayesha Deepak Imran Rajesh Sanjay Sunita
""".split())
# Given names that are also everyday English words: names only mid-sentence.
WORD_NAMES: frozenset[str] = frozenset("""
    Will May Mark Faith Hope Grace Joy Rose Eve Bill Frank Sue Pat Rob Dawn Ray Guy Don Dean
    Robin Heather Holly Ivy Daisy Poppy Lily Ruby Amber Jade Pearl Miles Max Jack Carol Penny
    Summer April June Victor Sandy Gene Glen Iris Violet Florence Heath Hazel Olive Norma
""".split())
_MONTH_NAMES = frozenset({"May", "June", "April"})
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|of|on|since|until|till|from|by|early|late|mid|last|next|this|each|every|"
    r"during|before|after)|\d)[ \t]*$",
    re.IGNORECASE,
)
_NAMES = re.compile(
    r"(?<![\w'\u2019-])(" + "|".join(sorted(GIVEN_NAMES | WORD_NAMES, key=len, reverse=True))
    + r")(?![\w-])(?:[ \t]+(" + _CAPITAL + r"))?"
)
# "St George's", "Queen Elizabeth": hospitals and places named after someone.
_NAMED_PLACE = re.compile(r"\b(?:St|St\.|Saint|Queen|King|Prince|Princess)[ \t]+$")
_LIST_MARK = re.compile(r"^[\s\-*\u2022>#\d.)]*$")


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins a sentence, a line or a list item."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    if _LIST_MARK.match(line):
        return True
    before = line.rstrip().rstrip("\"'\u201c\u2018([")
    return not before.strip() or before[-1] in ".!?:"


def _month_in_use(text: str, start: int, end: int) -> bool:
    """Whether "May" or "June" at ``start`` reads as a month (next to a date word)."""
    after = text[end:end + 6]
    return bool(_MONTH_CONTEXT.search(text[max(0, start - 12):start])
                or re.match(r"[ \t]*,?[ \t]*\d", after))


def _names(text: str) -> list[tuple[int, int]]:
    """Where ``text`` seems to name a person: (start, end) pairs."""
    found: list[tuple[int, int]] = []
    for match in _TITLED.finditer(text):
        if match.group(2) not in _ROLE_WORDS:
            found.append((match.start(), match.end()))
    for match in _NAMES.finditer(text):
        name = match.group(1)
        start = match.start()
        if _NAMED_PLACE.search(text[max(0, start - 12):start]):
            continue
        if name in WORD_NAMES:
            if _starts_sentence(text, start):
                continue
            if name in _MONTH_NAMES and _month_in_use(text, start, match.end(1)):
                continue
        surname = match.group(2)
        end = match.end() if surname and surname not in _ROLE_WORDS else match.end(1)
        found.append((start, end))
    return found


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def check_privacy(text: str) -> list[Finding]:
    """Everything in ``text`` that looks like it could identify a person, in order."""
    findings: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if not _overlaps(start, end, taken):
            taken.append((start, end))
            findings.append(Finding(kind, text[start:end], start))

    for match in _NHS.finditer(text):
        if nhs_number_valid(match.group(1) + match.group(3) + match.group(4)):
            add(N_("NHS number"), match.start(), match.end())
    for match in _EMAIL.finditer(text):
        add(N_("email address"), match.start(), match.end())
    for match in _DOB_KEYWORD.finditer(text):
        add(N_("date of birth"), match.start(), match.end())
    for match in _OLD_DATE.finditer(text):
        add(N_("date of birth"), match.start(), match.end())
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        national = digits[2:] if digits.startswith("44") else digits.lstrip("0")
        if 9 <= len(national) <= 10:
            add(N_("phone number"), match.start(), match.end())
    for match in _POSTCODE.finditer(text):
        add(N_("postcode"), match.start(), match.end())
    seen_names: set[str] = set()
    for start, end in sorted(_names(text)):
        if text[start:end] not in seen_names and not _overlaps(start, end, taken):
            seen_names.add(text[start:end])
            add(N_("name"), start, end)
    return sorted(findings, key=lambda f: f.start)
