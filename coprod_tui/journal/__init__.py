"""journal: see docs/ARCHITECTURE.md."""
