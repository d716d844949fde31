"""Plain mode: every setting with its choices (the same list as the Settings screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_tui.core.preferences import PREFERENCES
from coprod_tui.i18n import _
from coprod_tui.plain.console import Back

if TYPE_CHECKING:
    from coprod_tui.plain.app import Plain


def run(plain: Plain) -> None:
    """List settings; choosing one offers its choices."""
    console = plain.console
    while True:
        store = plain.store
        options = [f"{_(p.label)}: {_(p.label_of(store.get_setting(p.key, p.default)))}"
                   for p in PREFERENCES]
        pref = PREFERENCES[console.choose(_("Settings"), options)]
        console.wrap(_(pref.help))
        current = store.get_setting(pref.key, pref.default)
        now = " " + _("(now)")
        labels = [_(label) + (now if stored == current else "")
                  for stored, label in pref.choices]
        try:
            choice = console.choose(_(pref.label), labels)
        except Back:
            continue
        store.set_setting(pref.key, pref.choices[choice][0])
        console.say(_("{setting} is now: {choice}.").format(setting=_(pref.label),
                                                          choice=_(pref.choices[choice][1])))
        console.say()
