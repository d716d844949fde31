"""stocktake: see docs/ARCHITECTURE.md."""
