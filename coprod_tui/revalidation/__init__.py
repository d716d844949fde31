"""Revalidation: the registration, CPD, feedback, practice hours and the reflective
discussion kept together with the journal's accounts, and the packs they leave as.

Layers inside the feature: ``rules`` (pure), ``records`` (on the shared store),
``summary`` and ``export`` (no Textual), ``cli`` (subcommands), ``screens`` (the
full-screen area; the only module here importing Textual).
"""
