"""complexity: see docs/ARCHITECTURE.md."""
