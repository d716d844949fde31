"""shell: see docs/ARCHITECTURE.md."""
