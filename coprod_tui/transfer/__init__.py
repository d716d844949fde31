"""transfer: see docs/ARCHITECTURE.md."""
