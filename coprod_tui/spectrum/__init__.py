"""spectrum: see docs/ARCHITECTURE.md."""
