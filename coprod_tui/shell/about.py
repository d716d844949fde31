"""About: version, where data lives, credits and links to the original toolkit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown

from coprod_tui import __version__, paths
from coprod_tui.core.store.repository import FILES
from coprod_tui.core.ui.screens import AreaScreen, screen_css
from coprod_tui.i18n import N_, _

CREDITS = N_("""\
## Credits

coprod is built on the toolkit **"Co-producing with carers in health settings"**
(Part 1), made by the **Co-production Network for Wales** with the **Carer Aware**
project. The 30-minute essay is based on a conversation with **Noreen Blanluet**.
coprod's reading is written in our own words: the facts, structure, names, links
and durations come from the toolkit; the sentences do not, apart from the
network's definition and one saying, quoted with credit. What coprod adds (the
reflection questions, worked examples from health care, the journal prompts and
the stocktake statements) is its own and is marked as such in the reading. For
the original, and for Part 2 (case studies), go to the network:

- The self-evaluation audit tool: https://info.copronet.wales/the-self-evaluation-audit-tool/
- Introduction to co-production (recorded training): https://www.youtube.com/watch?v=rqsmRZVd1Jg

coprod is free software under the MIT licence.
""")

HELP = N_("## About\n\nVersion, where your data lives and who made the toolkit.")


class AboutScreen(AreaScreen):
    """Version, data location and credits."""

    CSS = screen_css(__file__, "about.tcss")

    HELP = HELP

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="about-body"):
            yield Markdown(self._text(), id="about-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#about-body").focus()

    def _text(self) -> str:
        folder = self.app.data_dir
        files = "\n".join(f"- `{folder / name}`" for name in FILES)
        lead = _("A private place to learn and reflect on co-production with carers.")
        data = _("Your data")
        where = _("Folder `{folder}` (only you can read it: 0700, files 0600):").format(
            folder=folder)
        credits = _(CREDITS)
        content = _("Content: `{folder}`").format(folder=paths.builtin_content_dir())
        return (
            f"# coprod {__version__}\n\n{lead}\n\n## {data}\n\n{where}\n\n"
            f"{files}\n\n{content}\n\n{credits}"
        )
