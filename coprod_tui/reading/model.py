"""Typed reading content: a :class:`Catalog` of :class:`Tier` objects, each an
ordered tuple of :class:`Section` objects whose text lives in a Markdown file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from coprod_tui.core.content import TooLargeError, read_content_text
from coprod_tui.core.text import make_visible
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import _


class ContentError(CoprodError):
    """Content that cannot be used; the message names the file and the problem.

    The message may quote a pack's file names: its control characters are made
    visible so the message is safe to print or show.
    """

    def __init__(self, message: str) -> None:
        super().__init__(make_visible(message))


@dataclass(frozen=True)
class Section:
    """One readable page: a Markdown file with a title and a reading time."""

    id: str
    title: str
    tier_id: str
    path: Path
    minutes: int
    origin: str = "built-in"
    language: str = "en"  # the language the file is written in

    def read_text(self) -> str:
        """The section's Markdown (raises :class:`ContentError` if unreadable).

        Pack files are untrusted: control characters (``ESC``, ``BEL``, C1...)
        come back made visible (``^[``), so the reader, the links found in the
        text and ``coprod read`` can never send a pack's escape sequences to a
        terminal. Files over the content size limit are refused, unread.
        """
        try:
            # Bounded by what is read: a pack's section of 96 MB (or a FIFO) is
            # refused at once instead of taking seconds and gigabytes.
            return make_visible(read_content_text(self.path))
        except TooLargeError as error:
            raise ContentError(self._problem(str(error))) from None
        except FileNotFoundError as error:
            raise ContentError(self._problem(_("file not found"))) from error
        except UnicodeDecodeError as error:
            raise ContentError(self._problem(_("not UTF-8 text"))) from error
        except ValueError as error:
            raise ContentError(self._problem(str(error))) from error
        except OSError as error:
            from coprod_tui.errors import os_reason

            raise ContentError(f"{self.path}: {os_reason(error)}") from error

    def _problem(self, problem: str) -> str:
        """``PATH: PROBLEM (section 'ID')``: why this section cannot be read."""
        return _("{path}: {problem} (section '{id}')").format(
            path=make_visible(str(self.path)), problem=problem, id=self.id)


@dataclass(frozen=True)
class Tier:
    """A depth of reading ("If you have 10 minutes") and its sections in order."""

    id: str
    title: str
    label: str
    about: str
    sections: tuple[Section, ...]
    # False when the reading times are not the time the tier takes (a recording
    # of unknown length): then no minutes are shown for it.
    timed: bool = True

    @property
    def minutes(self) -> int:
        """Total reading time of the sections."""
        return sum(section.minutes for section in self.sections)


@dataclass(frozen=True)
class Catalog:
    """Every tier in order, plus one message per content pack that was skipped."""

    tiers: tuple[Tier, ...]
    problems: tuple[str, ...] = field(default=())

    def tier(self, tier_id: str) -> Tier | None:
        """The tier with ``tier_id``, or ``None``."""
        return next((t for t in self.tiers if t.id == tier_id), None)

    def sections(self) -> Iterator[Section]:
        """Every section, in reading order across tiers."""
        for tier in self.tiers:
            yield from tier.sections

    def section(self, section_id: str) -> Section | None:
        """The section with ``section_id`` (ids are unique across tiers), or ``None``."""
        return next((s for s in self.sections() if s.id == section_id), None)

    def neighbour(self, section_id: str, step: int) -> Section | None:
        """The section ``step`` places after (or before, if negative) ``section_id``."""
        ordered = list(self.sections())
        index = next((i for i, s in enumerate(ordered) if s.id == section_id), None)
        if index is None or not 0 <= index + step < len(ordered):
            return None
        return ordered[index + step]

    def position(self, section_id: str) -> tuple[int, int]:
        """(1-based place of the section in its tier, number of sections in the tier)."""
        section = self.section(section_id)
        if section is None:
            return (0, 0)
        tier = self.tier(section.tier_id)
        assert tier is not None
        ids = [s.id for s in tier.sections]
        return (ids.index(section_id) + 1, len(ids))
