"""One line at a time: printing, asking, numbered menus and the navigation words.

At any menu or choice, ``b`` goes back one step, ``h`` goes home, ``q`` quits
and ``?`` prints help. Where free text is asked for those letters are text:
the question says how to leave it. End of input (Ctrl-D, or a script running
out of lines) raises :class:`EOFError`, which callers turn into a clean exit
after keeping unsaved writing as a draft.
"""

from __future__ import annotations

import contextlib
import signal
import textwrap
from collections.abc import Iterator, Sequence
from typing import TextIO

from coprod_tui.core.text import make_visible
from coprod_tui.i18n import N_, _

# Shown as ``_(NAVIGATION)``; the letters b, h, q and ? are the same in every language.
NAVIGATION = N_("At a menu, type a number and press Enter. Also: b back, h home, q quit, "
                "? help. Where you are asked for text, type it and press Enter; "
                "an empty line moves on. Ctrl-D (end of input) keeps unsaved writing "
                "as a draft and leaves.")


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold a hang-up or SIGTERM until the block ends, so a draft being kept is
    written whole (the signal then interrupts as usual)."""
    held = {getattr(signal, n) for n in ("SIGHUP", "SIGTERM") if hasattr(signal, n)}
    if not hasattr(signal, "pthread_sigmask") or not held:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class Back(Exception):
    """The user typed ``b``: leave this step for the one before."""


class Home(Exception):
    """The user typed ``h``: go back to the home menu."""


class Quit(Exception):
    """The user typed ``q``: leave plain mode."""


class Console:
    """Reads lines from ``inp`` and writes plain lines to ``out``.

    Every character written passes through ``make_visible``, so no escape
    sequence, bell or other control character can reach the terminal, even
    from stored text or a content pack.
    """

    def __init__(self, inp: TextIO, out: TextIO, width: int = 78) -> None:
        self.inp = inp
        self.out = out
        self.width = max(20, width)
        self.help_text = NAVIGATION
        self.gone = False

    # -- writing ------------------------------------------------------------------------
    def write(self, text: str) -> None:
        """Write ``text`` as it is (control characters made visible) and flush.

        Once the terminal is gone (a hang-up: writing fails), nothing more is
        written, so leaving (and keeping a draft) goes on quietly."""
        if self.gone:
            return
        try:
            self.out.write(make_visible(text))
            self.out.flush()
        except OSError:
            self.gone = True

    def say(self, text: str = "") -> None:
        """Write ``text`` and end the line."""
        self.write(text + "\n")

    def wrap(self, text: str, indent: str = "") -> None:
        """Write ``text`` wrapped to the width, one paragraph per line of the input."""
        for paragraph in text.splitlines() or [""]:
            if not paragraph.strip():
                self.say()
                continue
            self.say(textwrap.fill(paragraph, self.width, initial_indent=indent,
                                   subsequent_indent=indent, break_on_hyphens=False))

    # -- reading ------------------------------------------------------------------------
    def line(self, prompt: str) -> str:
        """Ask and return one line as typed (without its line end); EOFError at the end."""
        self.write(prompt)
        try:
            raw = "" if self.gone else self.inp.readline()
        except OSError:  # the terminal hung up (EIO): no more input will come
            self.gone = True
            raw = ""
        if not raw:
            self.write("\n")
            raise EOFError
        return raw.rstrip("\r\n")

    def command(self, prompt: str) -> str:
        """One line, with ``b``, ``h``, ``q`` and ``?`` acted on; returns the rest stripped."""
        while True:
            answer = self.line(prompt).strip()
            word = answer.lower()
            if word == "b":
                raise Back
            if word == "h":
                raise Home
            if word == "q":
                raise Quit
            if word == "?":
                self.wrap(_(self.help_text))
                continue
            return answer

    def choose(self, title: str, options: Sequence[str], prompt: str | None = None) -> int:
        """Print ``options`` numbered from 1 and return the index (from 0) chosen."""
        prompt = _("Choose") if prompt is None else prompt
        if title:
            self.say(title)
        for number, option in enumerate(options, start=1):
            self.say(f"  {number}. {option}")
        last = len(options)
        while True:
            answer = self.command(_("{prompt} 1-{last} (b back, h home, q quit, ? help): ").format(
                prompt=prompt, last=last))
            if answer.isdigit() and 1 <= int(answer) <= last:
                self.say()
                return int(answer) - 1
            self.say(_("Please type a number from 1 to {last}, or b, h, q or ?.").format(last=last))

    def choose_many(self, title: str, options: Sequence[str], chosen: Sequence[int] = (),
                    required: bool = False) -> list[int]:
        """Several numbers on one line (``1 3``); Enter keeps ``chosen``. Indexes from 0."""
        self.say(title)
        for number, option in enumerate(options, start=1):
            mark = "[x]" if number - 1 in chosen else "[ ]"
            self.say(f"  {number}. {mark} {option}")
        keep = " ".join(str(i + 1) for i in chosen)
        while True:
            hint = " " + _("Enter keeps {numbers}").format(numbers=keep) if keep else ""
            answer = self.command(_("Numbers separated by spaces{hint} (b back): ").format(
                hint=hint))
            if not answer and (chosen or not required):
                return list(chosen)
            parts = answer.replace(",", " ").split()
            if parts and all(p.isdigit() and 1 <= int(p) <= len(options) for p in parts):
                self.say()
                return sorted({int(p) - 1 for p in parts})
            self.say(_("Please type numbers from 1 to {last}, e.g. 1 3.").format(
                last=len(options)))

    def yes_no(self, question: str, default: bool = False) -> bool:
        """A yes or no answer; Enter takes the default."""
        shown = "Y/n" if default else "y/N"
        while True:
            answer = self.command(f"{question} [{shown}]: ").lower()
            if not answer:
                return default
            # y/n in every language; the interface language's own words too.
            if answer in ("y", "yes", _("yes")):
                return True
            if answer in ("n", "no", _("no")):
                return False
            self.say(_("Please type y or n."))

    def text(self, prompt: str, current: str = "") -> str:
        """One line of free text; Enter keeps ``current`` (shown in brackets)."""
        shown = f" [{current}]" if current else ""
        answer = self.line(f"{prompt}{shown}: ")
        return answer.strip() or current

    def lines(self, lines_read: list[str] | None = None) -> str:
        """Lines of free text until an empty line; ``lines_read`` collects them as they
        come, so a caller can keep what was typed if the input ends half way."""
        collected = lines_read if lines_read is not None else []
        while True:
            line = self.line("> ")
            if not line.strip():
                break
            collected.append(line)
        return "\n".join(collected)

    def pause(self) -> None:
        """Wait for Enter (with the navigation words acted on)."""
        self.command(_("Press Enter to go on (b back, h home, q quit): "))
