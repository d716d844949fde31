"""Widgets reused by several screens."""
