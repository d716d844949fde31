"""Warn when reflective writing seems to identify someone (a pure rule).

NMC revalidation and the GMC / Academy of Medical Royal Colleges guidance ask
that reflections hold no information that could identify a patient, carer or
colleague. :func:`check_privacy` looks for the obvious slips; it never blocks
saving and cannot prove that text is anonymous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GUIDANCE = (
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
    """Something that looks identifying: its kind, the text found and where."""

    kind: str
    text: str
    start: int

    def describe(self) -> str:
        """One line such as ``NHS number: 943 476 5919``."""
        return f"{self.kind}: {self.text}"


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
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r"\.?\s+\d{4}"
    r"|" + _MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})"
)
_DOB_KEYWORD = re.compile(
    r"\b(?:d\.?o\.?b\.?|date\s+of\s+birth|born(?:\s+on)?)\s*[:\-]?\s*(" + _DATE + r")",
    re.IGNORECASE,
)
# A full date with a birth-like year (more than ten years ago) is flagged too.
_OLD_DATE = re.compile(
    r"(?<!\d)(\d{1,2}[/.-]\d{1,2}[/.-](?:19\d\d|20[01]\d)"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r"\.?\s+(?:19\d\d|20[01]\d))(?!\d)",
    re.IGNORECASE,
)


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
            add("NHS number", match.start(), match.end())
    for match in _EMAIL.finditer(text):
        add("email address", match.start(), match.end())
    for match in _DOB_KEYWORD.finditer(text):
        add("date of birth", match.start(), match.end())
    for match in _OLD_DATE.finditer(text):
        add("date of birth", match.start(), match.end())
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        national = digits[2:] if digits.startswith("44") else digits.lstrip("0")
        if 9 <= len(national) <= 10:
            add("phone number", match.start(), match.end())
    for match in _POSTCODE.finditer(text):
        add("postcode", match.start(), match.end())
    return sorted(findings, key=lambda f: f.start)
