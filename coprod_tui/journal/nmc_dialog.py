"""Choose an entry's NMC revalidation details: the kind of account and the Code themes.

Used by the entry editor (ctrl+t); the ``nmc`` export lays the entry out with them
and marks them MISSING when they were never chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.i18n import N_, _
from coprod_tui.journal.dialogs import ValuesDialog
from coprod_tui.journal.entry import ACCOUNT_KINDS, CODE_THEMES, Entry

if TYPE_CHECKING:
    from coprod_tui.app import CoprodApp

NO_KIND = "\x00none"


class ThemesDialog(ValuesDialog):
    """Tick the Code themes an entry is relevant to: space toggles, Enter confirms."""

    def __init__(self, chosen: list[str]) -> None:
        # Stored in English, shown in the interface language (the NMC's Welsh Code).
        super().__init__([(t, _(t)) for t in CODE_THEMES], chosen,
                         title=N_("Which themes of the NMC Code is it relevant to?"))


def ask_nmc(app: CoprodApp, entry: Entry, changed: Callable[[], None]) -> None:
    """Ask for the kind of account, then the themes; set them on ``entry`` and call ``changed``.

    Cancelling either dialog leaves the entry as it was.
    """
    kinds = [(NO_KIND, _("Not chosen yet"))] + [(k, _(k)[:1].upper() + _(k)[1:])
                                                for k in ACCOUNT_KINDS]

    def kind_chosen(value: str | None) -> None:
        if value is None:
            return

        def themes_chosen(ticked: list[str] | None) -> None:
            if ticked is not None:
                entry.account_kind = None if value == NO_KIND else value
                entry.code_themes = ticked
                changed()

        app.push_screen(ThemesDialog(list(entry.code_themes)), themes_chosen)

    app.push_screen(
        ChoiceDialog(_("NMC reflective account: what kind?"), kinds, entry.account_kind or NO_KIND,
                     note=_("For the nmc export (revalidation). Both can be left for later.")),
        kind_chosen,
    )
