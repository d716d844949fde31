"""Styles shared by the complexity exercise's screens.

Each screen sets ``CSS = COMPLEXITY_CSS``: Textual parses it the first time
such a screen opens (not at start-up) and scopes it to that screen, so its
generic ids (``#answers``, ``#practice-body``) never style another area.
"""

COMPLEXITY_CSS = """
#complexity-intro, #complexity-hint, #question-hint, #result-so-far {
    padding: 0 2;
    height: auto;
}

#complexity-hint, #question-hint {
    color: $text-muted;
}

#challenges {
    height: 1fr;
    margin: 1 2 0 2;
}

#complexity-steps, #answers, #result, #practice-body {
    height: 1fr;
}

#answers, #result, #practice-body {
    padding: 0 1;
}

#challenge-description {
    height: 5;
}

#questions {
    height: auto;
    max-height: 12;
}

/* Scoped: a bare .field-label here overrode other screens' labels (Export's vanished). */
ChallengeScreen .field-label {
    padding: 1 0 0 0;
    text-style: bold;
}

#complexity-map {
    width: auto;
    padding: 1 0;
}

#plan {
    height: auto;
}

#practice-choices {
    height: auto;
    margin: 0 1;
}

#complexity-history-dialog {
    height: 90%;
}

#rounds {
    height: 1fr;
}

#round-details {
    height: auto;
    max-height: 8;
}
"""
