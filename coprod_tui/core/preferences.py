"""User preferences: each a named choice with a default, stored as settings.

Screens list these; feature modules append their own :class:`Preference`.
Names, descriptions and choice labels are English, marked for the catalogue
with ``N_``: show them as ``_(pref.label)``, ``_(pref.help)`` and
``_(pref.label_of(value))``. The stored values never change with the language.
"""

from __future__ import annotations

from dataclasses import dataclass

from coprod_tui.i18n import N_


@dataclass(frozen=True)
class Preference:
    """A setting the user chooses from a fixed list."""

    key: str
    label: str
    help: str
    choices: tuple[tuple[str, str], ...]  # (stored value, label shown)
    default: str

    def label_of(self, value: object) -> str:
        """The label for a stored value (the default's label if unknown)."""
        for stored, label in self.choices:
            if stored == value:
                return label
        return self.label_of(self.default) if value != self.default else str(value)

    def valid(self, value: object) -> bool:
        """Whether ``value`` is one of the choices."""
        return any(stored == value for stored, _ in self.choices)


PREFERENCES: list[Preference] = [
    Preference(
        "mouse",
        N_("Mouse"),
        N_("Off lets your terminal select and copy text over SSH (takes effect next start)."),
        (("on", N_("on")), ("off", N_("off"))),
        "on",
    ),
]

# Stocktake: how long after the last one home suggests taking another.
PREFERENCES.append(
    Preference(
        "stocktake-reminder",
        N_("Stocktake reminder"),
        N_("Home gently suggests another stocktake when the last one is older than this."),
        (("1", N_("after 1 month")), ("3", N_("after 3 months")), ("6", N_("after 6 months")),
         ("12", N_("after 12 months")), ("off", N_("never"))),
        "3",
    )
)


def preference(key: str) -> Preference:
    """The preference with this key."""
    for pref in PREFERENCES:
        if pref.key == key:
            return pref
    raise KeyError(key)

PREFERENCES.append(
    Preference(
        "journal-framework",
        N_("Journal framework"),
        N_("How a new journal entry is laid out: free writing, Rolfe's What? So what? "
           "Now what?, or Gibbs' six stages. You can change it for each entry (ctrl+f)."),
        (
            ("free", N_("free writing")),
            ("rolfe", N_("What? So what? Now what? (Rolfe)")),
            ("gibbs", N_("Gibbs' reflective cycle")),
        ),
        "free",
    )
)

# Encrypted journals (issue 19): forget the key after this many minutes without
# a key press; drafts are saved first and the passphrase is asked again.
PREFERENCES.append(
    Preference(
        "lock-after",
        N_("Lock when idle"),
        N_("For an encrypted journal (`coprod encrypt`): after this long without a key "
           "press, coprod saves your drafts, forgets the key and asks for the passphrase "
           "again. No effect on a journal that is not encrypted."),
        (("off", N_("never")), ("5", N_("after 5 minutes")), ("15", N_("after 15 minutes")),
         ("30", N_("after 30 minutes")), ("60", N_("after 1 hour"))),
        "off",
    )
)

# Interface language (issue 20), last in the list (Settings' first rows keep
# their places): the label and choices are in both languages so that someone who
# cannot read the current one can still find their own. The default follows the system locale; `--lang cy|en` overrides
# this for one run; chosen in the app it applies at once. The label and choices are not marked for the catalogue
# (they are already in both languages); the description is.
PREFERENCES.append(
    Preference(
        "language",
        "Language / Iaith",
        N_("The interface language: English or Cymraeg (Welsh). Cymraeg is being "
           "translated and not yet reviewed; untranslated text stays in English. "
           "In the app it applies at once; `coprod --lang cy` or `--lang en` for one run."),
        (
            ("system", "as the system (LANG) / fel y system"),
            ("en", "English"),
            ("cy", "Cymraeg"),
        ),
        "system",
    )
)
