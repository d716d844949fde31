"""reading: see docs/ARCHITECTURE.md."""
