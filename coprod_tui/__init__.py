"""coprod-tui: learn and reflect on co-production with carers, in the terminal."""

__version__ = "0.1.0"
