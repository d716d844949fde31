"""How screens with unsaved writing take part in exits that never lose text.

A screen that edits text implements :class:`DraftSource` and registers with
``app.draft_sources`` while mounted. The app calls ``save_draft`` on each
before quitting and on SIGHUP / SIGTERM / SIGINT or a lost terminal, so a
dropped SSH connection loses nothing.

When a draft cannot be written (disk full, quota, a read-only folder):

- a person quitting or closing is asked first (:class:`LoseTextDialog`); the
  app stays open with the text on screen until they say to go anyway;
- when nobody can be asked (a hang-up, a lost terminal) or they said to go
  anyway, the drafts are written to a private fallback file
  (:func:`write_fallback`: ``coprod-unsaved-*.json``, mode 0600, in the data
  folder, else ``$XDG_RUNTIME_DIR``, else the temporary folder), which the app
  takes back into its drafts on the next start (:func:`recover_fallbacks`).
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Static

from coprod_tui.core.text import make_visible
from coprod_tui.core.ui.screens import CoprodDialog, screen_css
from coprod_tui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from coprod_tui.core.store import Store

FALLBACK_PREFIX = "coprod-unsaved-"
# A fallback file larger than this is not ours to read back (drafts are small).
FALLBACK_MAX_BYTES = 64 * 1024 * 1024


@runtime_checkable
class DraftSource(Protocol):
    """Something holding unsaved text that can be kept as a draft."""

    def save_draft(self) -> Any:
        """Write the unsaved text to the store's drafts (synchronously).

        Raises ``CoprodError`` when it cannot; returning ``False`` also means
        it could not (for sources that report instead of raising).
        """


@contextmanager
def capture_failed_drafts(store: Store) -> Iterator[dict[str, Any]]:
    """While open, remember every draft ``store.save_draft`` fails to write.

    Yields a dict (draft key -> the data that could not be written) that the
    caller can hand to :func:`write_fallback`. The failure still propagates to
    the screen that saved, which reports it as before.
    """
    failed: dict[str, Any] = {}
    original = store.save_draft

    def save_draft(key: str, data: dict[str, Any]) -> None:
        try:
            original(key, data)
        except Exception:
            failed[key] = data
            raise

    store.save_draft = save_draft  # type: ignore[method-assign]
    try:
        yield failed
    finally:
        del store.save_draft  # the class's method again


def fallback_folders(data_dir: Path) -> list[Path]:
    """Where unsaved drafts may go when the store cannot take them, best first.

    For an encrypted journal only a private folder in memory (never plaintext
    on disk); if there is none, the drafts stay on screen (the lose-text dialog).
    """
    from coprod_tui.core.store.crypto import is_encrypted

    if is_encrypted(Path(data_dir)):
        from coprod_tui.core.store.privacy import private_memory_dir

        memory = private_memory_dir()
        return [memory] if memory is not None else []
    folders = [Path(data_dir)]
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime):
        folders.append(Path(runtime))
    folders.append(Path(tempfile.gettempdir()))
    return folders


def write_fallback(drafts: dict[str, Any], folders: list[Path]) -> Path | None:
    """Write ``drafts`` to a new private file in the first folder that takes it.

    The file is created new (never through a symlink, never over a file
    another user planted), readable by its owner only, and synced to disk.
    Returns its path, or ``None`` if no folder could take it.
    """
    if not drafts:
        return None
    payload = json.dumps(
        {"saved": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
         "drafts": [{"id": key, "data": data} for key, data in drafts.items()]},
        ensure_ascii=False,
    ).encode("utf-8")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for folder in folders:
        path = folder / f"{FALLBACK_PREFIX}{stamp}-{os.getpid()}-{secrets.token_hex(4)}.json"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except OSError:
            continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            try:
                path.unlink()
            except OSError:
                pass
            continue
        return path
    return None


def _own_fallbacks(folder: Path) -> list[Path]:
    try:
        names = sorted(p for p in folder.glob(f"{FALLBACK_PREFIX}*.json"))
    except OSError:
        return []
    found = []
    for path in names:
        try:
            info = path.lstat()
        except OSError:
            continue
        # Only regular files this user owns, private to them: never a planted file.
        if (path.is_symlink() or not path.is_file() or info.st_uid != os.getuid()
                or info.st_mode & 0o077 or info.st_size > FALLBACK_MAX_BYTES):
            continue
        found.append(path)
    return found


def recover_fallbacks(store: Store, folders: list[Path]) -> list[str]:
    """Take drafts from earlier fallback files back into ``store``; returns messages.

    A file whose every draft was taken back is deleted. A draft whose key the
    store already holds with other text is left in its file, and the message
    names the file, so nothing is overwritten and nothing is thrown away.
    """
    messages: list[str] = []
    recovered = 0
    for folder in dict.fromkeys(folders):
        for path in _own_fallbacks(folder):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                drafts = [(d["id"], d["data"]) for d in data["drafts"]
                          if isinstance(d.get("id"), str) and isinstance(d.get("data"), dict)]
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                messages.append(_("Unsaved writing kept in {path} could not be read back; "
                                  "the file is left as it is.").format(
                                      path=make_visible(str(path))))
                continue
            left = False
            for key, draft in drafts:
                existing = store.load_draft(key)
                if existing is None:
                    store.save_draft(key, draft)
                    recovered += 1
                elif existing != draft:
                    left = True
            if left:
                messages.append(_("Some unsaved writing is still in {path}: a newer draft "
                                  "of the same thing exists.").format(
                                      path=make_visible(str(path))))
            else:
                path.unlink(missing_ok=True)
    if recovered:
        messages.insert(0, ngettext(
            "Recovered {count} unsaved draft that could not be saved last time: "
            "open the journal to carry on.",
            "Recovered {count} unsaved drafts that could not be saved last time: "
            "open the journal to carry on.", recovered).format(count=recovered))
    return messages


class LoseTextDialog(CoprodDialog[bool]):
    """Asked when unsaved writing could not be kept: go anyway (``True``) or stay."""

    BINDINGS = [
        Binding("y", "lose", N_("Yes, lose it"), id="lose-text-yes"),
        Binding("n", "stay", N_("No, stay"), id="lose-text-no"),
    ]
    CSS = screen_css(__file__, "drafts.tcss")

    def __init__(self, problem: str, leaving: str = N_("Quit")) -> None:
        super().__init__()
        self.problem = problem
        self.leaving = leaving

    def compose(self) -> ComposeResult:
        leaving = _(self.leaving)  # "Quit" or "Close", marked where the dialog is opened
        verb = leaving.lower()
        problem = make_visible(self.problem)
        with Vertical(id="lose-text"):
            yield Static(_("Your unsaved text could NOT be saved.\n\n{problem}"
                           "\n\nIt is still here while coprod stays open: free some space (or "
                           "fix the folder), then save it or try again.").format(problem=problem),
                         markup=False, id="lose-text-problem")
            yield Static(_("{leaving} and lose the unsaved text?").format(leaving=leaving),
                         markup=False, classes="dialog-title")
            yield Static(_("y: {verb} anyway (coprod tries to keep it in a private file)\n"
                           "n, b or Esc: stay").format(verb=verb), markup=False,
                         classes="dialog-keys")
        yield Footer()

    def action_lose(self) -> None:
        """Leave anyway."""
        self.dismiss(True)

    def action_back(self) -> None:
        """``b`` or Escape: stay, with the text on screen."""
        self.action_stay()

    def action_stay(self) -> None:
        """Stay, with the text on screen."""
        self.dismiss(False)
