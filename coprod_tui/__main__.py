"""Allow ``python -m coprod_tui``."""

import sys

from coprod_tui.cli import main

if __name__ == "__main__":
    sys.exit(main())
