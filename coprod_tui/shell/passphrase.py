"""The passphrase of an encrypted journal, asked before home shows anything
(at start, and again after the idle lock).

The field is masked (``password=True``): nothing of what is typed is drawn,
over SSH, in tmux or in a screen recording. The passphrase is turned into the
key (scrypt, a second or two) in a thread, and the field is emptied at once.
Three wrong passphrases in a row close the app (exit 1); nothing is changed.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from coprod_tui.core.store.crypto import Key, WrongPassphraseError
from coprod_tui.core.ui.quiet import QuietInput
from coprod_tui.errors import CoprodError
from coprod_tui.i18n import N_, _, ngettext

#: Wrong passphrases before the app closes.
TRIES = 3


class PassphraseScreen(Screen[Key]):
    """Ask for the passphrase; dismissed with the unlocked key."""

    HELP = N_("""\
## Encrypted journal

This journal is encrypted (`coprod encrypt`). Type its passphrase and press
Enter: what you type is never shown. After three wrong passphrases coprod
closes and nothing is changed.

A forgotten passphrase cannot be recovered by anyone.
""")

    BINDINGS = [
        Binding("ctrl+q", "app.quit_app", N_("Quit"), id="passphrase-quit",
                tooltip=N_("Close coprod without opening the journal")),
        Binding("escape", "app.quit_app", N_("Quit"), show=False, id="passphrase-quit-alt"),
    ]

    DEFAULT_CSS = """
    PassphraseScreen { align: center middle; }
    PassphraseScreen #passphrase-box { width: 64; height: auto; border: round $primary;
        padding: 1 2; }
    PassphraseScreen #passphrase-message { margin-top: 1; }
    """

    def __init__(self, data_dir: Path, reason: str = "") -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.reason = reason
        self.wrong = 0

    def compose(self) -> ComposeResult:
        """Title, explanation, the masked field and a line for messages."""
        with Vertical(id="passphrase-box"):
            yield Static(_("This journal is encrypted"), classes="dialog-title")
            yield Static(
                (self.reason + "\n" if self.reason else "")
                + _("Type the passphrase and press Enter. Nothing you type is shown."),
                markup=False,
            )
            yield QuietInput(password=True, id="passphrase", placeholder=_("passphrase"))
            yield Static("", id="passphrase-message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Focus the field."""
        self.query_one("#passphrase", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Unlock with what was typed (in a thread: scrypt is slow on purpose)."""
        field = self.query_one("#passphrase", Input)
        passphrase = field.value
        field.value = ""  # never kept in the widget
        if not passphrase:
            self._say(_("Type the passphrase first, then press Enter."))
            return
        field.disabled = True
        self._say(_("Checking the passphrase (this takes a second or two)..."))
        self._unlock(passphrase)

    @work(thread=True, exclusive=True, group="passphrase")
    def _unlock(self, passphrase: str) -> None:
        from coprod_tui.core.store.crypto import unlock

        try:
            key = unlock(self.data_dir, passphrase)
        except WrongPassphraseError:
            self.app.call_from_thread(self._wrong)
            return
        except CoprodError as error:
            self.app.call_from_thread(self._failed, error.message)
            return
        except OSError as error:
            from coprod_tui.errors import os_reason

            self.app.call_from_thread(self._failed, _("cannot read the key: {reason}").format(
                reason=os_reason(error)))
            return
        self.app.call_from_thread(self.dismiss, key)

    def _wrong(self) -> None:
        self.wrong += 1
        if self.wrong >= TRIES:
            self.app.exit(1, return_code=1, message=(
                _("coprod: {tries} wrong passphrases; coprod closed and nothing was changed.")
                .format(tries=TRIES)))
            return
        left = TRIES - self.wrong
        self._say(ngettext(
            "Wrong passphrase: it does not open this journal. {left} try left before "
            "coprod closes.",
            "Wrong passphrase: it does not open this journal. {left} tries left before "
            "coprod closes.", left).format(left=left))
        field = self.query_one("#passphrase", Input)
        field.disabled = False
        field.focus()

    def _failed(self, message: str) -> None:
        fail = getattr(self.app, "fail", None)
        if fail is not None:
            fail(message)
        else:  # pragma: no cover - only inside CoprodApp
            self.app.exit(1, return_code=1, message=message)

    def _say(self, message: str) -> None:
        self.query_one("#passphrase-message", Static).update(message)
