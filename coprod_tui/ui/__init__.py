"""Screens and widgets. Screens ask the store for data and render it."""
