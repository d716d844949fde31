"""Text that never goes on the command line.

On a shared server every user can read every process's arguments (``ps``,
``/proc/PID/cmdline``), so reflections, titles and search words must have
ways in that keep them out of argv:

- an option given ``-`` reads one line of standard input (in the order the
  options are listed in ``--help``); a ``TEXT`` of ``-`` takes the rest;
- an option given with no value asks for it on the terminal;
- ``--editor`` opens ``$VISUAL`` or ``$EDITOR`` on a private file in the data
  folder, or, for an encrypted journal, in a private folder held in memory
  (:func:`plaintext_folder`): coprod never writes an encrypted journal's text
  to disk in plain.

And text that could not be saved is never thrown away: :func:`keep_unsaved`
puts it in a private file (or prints it back) and says where.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from coprod_tui.core.cli_context import is_terminal
from coprod_tui.core.text import make_visible
from coprod_tui.errors import CoprodError, UsageError, describe_os_error
from coprod_tui.i18n import N_, _

#: The value an option gets when it is given with no value: "ask me".
ASK = "\0ask"

#: Said in ``--help`` and error messages (shown as ``_(WHY)``).
WHY = N_("Other users on this computer can see a command's arguments (ps, /proc/PID/cmdline): "
         "give text as -, with no value to be asked, or with --editor, never typed after the "
         "option.")

#: The end of a block typed line by line.
END_LINE = "."

UNSAVED_PREFIX = ".coprod-unsaved-"

#: The most text read from standard input (characters): far more than anyone
#: writes, and ``< /dev/zero`` stops here instead of filling the memory of a
#: shared server.
MAX_STDIN_CHARS = 16 * 1024 * 1024

T = TypeVar("T")


def text_option(parser: argparse.ArgumentParser, *flags: str, what: str, **kwargs: object) -> None:
    """Add an option whose value is private text: ``-`` (stdin), no value (asked), or a value."""
    parser.add_argument(
        *flags, nargs="?", const=ASK, metavar="TEXT|-", **kwargs,  # type: ignore[arg-type]
        help=_("{what}: - reads a line of standard input, no value asks on the terminal "
               "(a value typed here is visible to other users in the process list)").format(
            what=what),
    )


class StdinLines:
    """Standard input read once, handed out a line at a time (the rest to ``TEXT -``)."""

    def __init__(self, stream: object | None = None) -> None:
        self._stream = stream
        self._lines: list[str] | None = None

    def _load(self) -> list[str]:
        if self._lines is None:
            stream = self._stream if self._stream is not None else sys.stdin
            if is_terminal(stream):
                raise UsageError(_("- reads standard input, but it is a terminal: "
                                   "pipe the text in, or give the option no value to be asked"))
            self._lines = read_stdin(stream).split("\n")
        return self._lines

    def line(self) -> str:
        """The next line (empty at the end)."""
        lines = self._load()
        return lines.pop(0).rstrip("\r") if lines else ""

    def rest(self) -> str:
        """Everything not yet handed out, without trailing newlines."""
        lines = self._load()
        text = "\n".join(lines)
        lines.clear()
        return text.rstrip("\n")


def read_stdin(stream: object | None = None, limit: int = MAX_STDIN_CHARS) -> str:
    """All of standard input, refused with :class:`UsageError` past ``limit`` characters."""
    stream = stream if stream is not None else sys.stdin
    text = stream.read(limit + 1)  # type: ignore[attr-defined]
    if len(text) > limit:
        raise UsageError(_("standard input holds more than {limit:,} characters; nothing "
                           "was read or saved").format(limit=limit))
    return text


def ask_line(prompt: str, read: Callable[[str], str] = input) -> str:
    """One line typed on the terminal; end of input gives ``""``."""
    try:
        return read(prompt)
    except EOFError:
        print()
        return ""


class HungUp(Exception):
    """The terminal hung up (SIGHUP) while text was being typed."""


def raise_hung_up(signum: int, frame: object) -> None:
    """A SIGHUP handler: unwind to the code that keeps what was typed."""
    raise HungUp


def ask_block(read: Callable[[str], str] = input, lines: list[str] | None = None,
              ended: list[bool] | None = None) -> str:
    """Lines typed on the terminal until a line holding only ``.`` or end of input.

    ``lines`` (if given) fills as the lines come, so a caller interrupted half
    way (a hang-up) still has them. ``ended`` (if given) gets ``True`` appended
    when input ended (Ctrl-D), so a caller asking several parts can stop there.
    """
    lines = [] if lines is None else lines
    while True:
        try:
            line = read("> ")
        except EOFError:
            print()
            if ended is not None:
                ended.append(True)
            break
        if line.strip() == END_LINE:
            break
        lines.append(line)
    return "\n".join(lines).strip("\n")


def resolve(args: argparse.Namespace, options: list[tuple[str, str, str]],
            stdin: StdinLines) -> None:
    """Replace ``-`` and ``ASK`` in ``args`` by the text read or asked.

    ``options`` lists ``(attribute, flag, prompt)`` in the order their ``-``
    lines are read from standard input.
    """
    for attribute, flag, prompt in options:
        value = getattr(args, attribute, None)
        if value == "-":
            setattr(args, attribute, stdin.line())
        elif value == ASK:
            if not is_terminal(sys.stdin):
                raise UsageError(_("{flag} with no value asks on a terminal, and standard "
                                   "input is not one; give {flag} - to read it from standard "
                                   "input").format(flag=flag))
            setattr(args, attribute, ask_line(_("{prompt}: ").format(prompt=prompt)))


def editor_command() -> list[str]:
    """``$VISUAL`` or ``$EDITOR`` (``vi`` if neither) as an argument list."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return shlex.split(editor)
    except ValueError as error:
        raise CoprodError(_("cannot understand the editor command {editor!r}: {error}").format(
            editor=editor, error=error)) from None


def plaintext_folder(data_folder: Path) -> Path:
    """Where coprod may keep text in plain for the journal in ``data_folder``.

    The data folder itself (0700) for a plaintext journal. For an encrypted one,
    a folder of this journal's inside a private in-memory folder
    (``$XDG_RUNTIME_DIR``, else ``/dev/shm``), so the text never reaches the disk;
    where neither exists, a :class:`CoprodError` saying how to give text instead.
    """
    import hashlib

    from coprod_tui.core.store.crypto import is_encrypted
    from coprod_tui.core.store.privacy import private_memory_dir

    data_folder = Path(data_folder)
    if not is_encrypted(data_folder):
        return data_folder
    memory = private_memory_dir()
    if memory is not None:
        mine = memory / hashlib.sha256(str(data_folder.resolve()).encode()).hexdigest()[:16]
        try:
            os.mkdir(mine, 0o700)
        except FileExistsError:
            pass
        except OSError:
            mine = None  # type: ignore[assignment]
        if mine is not None and _is_private_dir(mine) and not mine.is_symlink():
            return mine
    raise CoprodError(_(
        "this journal is encrypted and there is no private folder in memory "
        "($XDG_RUNTIME_DIR or /dev/shm) for the editor's file, and coprod never writes "
        "its text to disk in plain; give the text as - (standard input) or let coprod "
        "ask for it on the terminal"))


def new_private_file(folder: Path, prefix: str, text: str) -> Path:
    """A new 0600 file holding ``text`` (``mkstemp`` is 0600 and O_EXCL) in
    ``folder``, or in memory when ``folder`` is an encrypted journal's
    (:func:`plaintext_folder`)."""
    folder = plaintext_folder(folder)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-")
    handle, name = tempfile.mkstemp(prefix=prefix + stamp, suffix=".md", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
    except OSError:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def run_editor(path: Path) -> str:
    """Open ``path`` in the user's editor and return what it holds afterwards.

    The file is left in place whatever happens: the caller removes it only once
    what it holds is saved.
    """
    command = editor_command()
    try:
        with hang_up_unwinds():
            done = subprocess.run([*command, str(path)], check=False)
    except HungUp:
        if path.parent != path.parent.parent and _in_memory(path):
            # An encrypted journal's file: removed on this exit path too.
            path.unlink(missing_ok=True)
        raise CoprodError(_("the terminal hung up while the editor was open; "
                            "nothing was saved")) from None
    except OSError as error:
        raise CoprodError(_("cannot start the editor {command!r}: {error}").format(
            command=shlex.join(command), error=describe_os_error(error))) from error
    if done.returncode != 0:
        raise CoprodError(_("the editor exited with status {status}; nothing was saved "
                            "and what you wrote is kept in {path}").format(
            status=done.returncode, path=path))
    return path.read_text(encoding="utf-8", errors="replace")


def edit_fields(folder: Path, fields: list[tuple[str, str]]) -> tuple[dict[str, str], Path]:
    """Let the user fill ``(label, current value)`` fields in their editor.

    Returns the values by label and the file (still there: remove it once saved).
    A line that does not start with a label continues the field above it.
    """
    lines = [_("# Fill in after each colon; a field may go on over several lines."),
             _("# Lines starting with # are ignored. Save and close the editor when done."), ""]
    lines += [f"{label}: {value}" for label, value in fields]
    path = new_private_file(folder, UNSAVED_PREFIX, "\n".join(lines) + "\n")
    return parse_fields(run_editor(path), [label for label, _value in fields]), path


def parse_fields(text: str, labels: list[str]) -> dict[str, str]:
    """Values of ``Label: value`` lines (continuation lines join the field above)."""
    found: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        label, colon, rest = line.partition(":")
        if colon and label.strip() in labels:
            current = label.strip()
            found[current] = [rest.strip()]
        elif current is not None:
            found[current].append(line)
    return {label: "\n".join(parts).strip() for label, parts in found.items()}


def _in_memory(path: Path) -> bool:
    from coprod_tui.core.store.privacy import private_memory_dir

    memory = private_memory_dir()
    return memory is not None and memory in path.parents


class hang_up_unwinds:  # noqa: N801 - used as a context manager, like a function
    """While open, SIGHUP and SIGTERM raise :class:`HungUp` (so ``finally``
    blocks remove temporary files) instead of ending the process at once."""

    def __enter__(self) -> None:
        import signal

        self._old = {}
        for name in ("SIGHUP", "SIGTERM"):
            signum = getattr(signal, name, None)
            if signum is not None:
                self._old[signum] = signal.signal(signum, raise_hung_up)

    def __exit__(self, *exc_info: object) -> None:
        import signal

        for signum, handler in self._old.items():
            signal.signal(signum, handler)


def private_places(data_folder: Path | None) -> list[Path]:
    """Folders only this user can read, best first, to keep unsaved text in."""
    places = [data_folder] if data_folder is not None else []
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        places.append(Path(runtime))
    return places


def _is_private_dir(folder: Path) -> bool:
    try:
        st = os.stat(folder)
    except OSError:
        return False
    return st.st_uid == os.geteuid() and not st.st_mode & 0o077


def keep_unsaved(data_folder: Path | None, text: str, prefix: str = UNSAVED_PREFIX) -> str:
    """Keep ``text`` that could not be saved; return a sentence saying where it is.

    Tried in turn: a new 0600 file in the data folder, then in ``$XDG_RUNTIME_DIR``
    (both private folders); if no file can be written, the text is printed back
    on standard output so the terminal's scrollback holds it.
    """
    for folder in private_places(data_folder):
        if not _is_private_dir(folder):
            continue
        try:
            path = new_private_file(folder, prefix, text)
        except (OSError, CoprodError):
            continue
        return _("what you wrote is kept in {path} (readable only by you)").format(path=path)
    print(_("----- what you wrote (not saved) -----"))
    print(make_visible(text))
    print(_("----- end -----"))
    sys.stdout.flush()
    return _("no file could be written either, so what you wrote is printed above: copy it now")


def render_fields(fields: list[tuple[str, str]]) -> str:
    """``Label: value`` lines, as :func:`parse_fields` reads them back."""
    return "".join(f"{label}: {value}\n" for label, value in fields)


def save_keeping_text(args: argparse.Namespace, fields: list[tuple[str, str]],
                      save: Callable[[object], T], editor_file: Path | None = None) -> T:
    """Run ``save(store)``; if it fails, keep the text in ``fields`` (or the editor's
    file, which is removed only after a save) and say where in the error."""
    from coprod_tui.core.cli_context import open_store

    store = None
    try:
        store = open_store(args)
        result = save(store)
    except UsageError:
        raise
    except (CoprodError, OSError) as error:
        reason = error.message if isinstance(error, CoprodError) else describe_os_error(error)
        reason = reason.split(". ")[0]
        if editor_file is not None:
            where = _("what you wrote is kept in {path}").format(path=editor_file)
        else:
            where = keep_unsaved(getattr(store, "data_dir", None), render_fields(fields))
        raise CoprodError(_("nothing was saved: {reason}. {where}").format(
            reason=reason, where=where[0].upper() + where[1:])) from None
    if editor_file is not None:
        editor_file.unlink(missing_ok=True)
    return result
