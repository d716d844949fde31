"""Styles shared by the journal's screens and dialogs.

Each sets ``CSS = JOURNAL_CSS``: parsed the first time such a screen opens
(not at start-up) and scoped to it.
"""

JOURNAL_CSS = """
#entries, #open-actions, #trash {
    height: 1fr;
    margin: 0 1;
}

#search {
    margin: 0 1;
}

#journal-filters, #journal-status, .section-hint, .editor-note {
    padding: 0 2;
    color: $text-muted;
    height: auto;
}

#editor-body, #entry-view {
    height: 1fr;
}

#value-guide, #editor-meta, #view-meta, #view-body {
    padding: 0 2 1 2;
    height: auto;
}

.section-label {
    padding: 1 2 0 2;
    text-style: bold;
}

.section-text {
    height: 8;
    margin: 0 1;
}

#privacy-dialog .dialog-note {
    padding: 1 0 0 0;
}
"""
