"""core.ui: see docs/ARCHITECTURE.md."""
