"""Plain mode (``coprod --plain``, also when ``TERM=dumb``): the whole app as
numbered menus and questions, one line at a time.

For screen readers and braille displays (Textual draws nothing they can
follow), for slow links and for scripts. Everything here reads and writes
text streams passed in, never redraws and never writes an escape sequence:
every line goes through :func:`coprod_tui.core.text.make_visible`. This
package never imports ``textual``.
"""

from coprod_tui.plain.app import run_plain
from coprod_tui.plain.console import Back, Console, Home, Quit

__all__ = ["Back", "Console", "Home", "Quit", "run_plain"]
