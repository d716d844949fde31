"""A dialog listing a section's web links; Enter copies one (OSC 52).

coprod never opens a browser: on a shared server it would open on the server.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.text import make_visible
from coprod_tui.core.ui.screens import CoprodDialog
from coprod_tui.core.ui.text import literal
from coprod_tui.i18n import N_, _
from coprod_tui.reading.text import SectionLink

COPY_NOTE = N_("If nothing was copied, your terminal may not allow OSC 52; the address is "
               "on screen.")


def copy_link(screen_app, url: str) -> None:  # noqa: ANN001 - any Textual App
    """Copy ``url`` with the terminal's clipboard (OSC 52) and say so.

    The address comes from a content pack (or a click on rendered Markdown):
    its control characters are made visible both in what is copied (pasting
    it into a shell must not run escape sequences) and in the notice.
    """
    url = make_visible(url)
    screen_app.copy_to_clipboard(url)
    screen_app.notify(_("Copied {url}").format(url=url) + "\n" + _(COPY_NOTE),
                      title=_("Link copied"), markup=False)


class LinksDialog(CoprodDialog[None]):
    """Every link of a section; Enter copies the highlighted one."""

    BINDINGS = [
        Binding("y", "copy", N_("Copy"), id="links-copy"),
    ]

    def __init__(self, title: str, links: list[SectionLink]) -> None:
        super().__init__()
        self.title_text = title
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="links-dialog"):
            yield Static(literal(_("Links in: {title}").format(title=self.title_text)), classes="dialog-title")
            if self.links:
                yield OptionList(
                    *(
                        Option(Content.assemble(literal(link.label), "\n  ", literal(link.url)),
                               id=str(index))
                        for index, link in enumerate(self.links)
                    ),
                    id="links",
                )
            else:
                yield Static(_("No links in this section."), id="links-none")
            keys = _("Enter or y: copy    b or Esc: close") if self.links else _("b or Esc: close")
            yield Static(keys, classes="dialog-keys")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Copying is offered only when there is a link to copy."""
        if action == "copy":
            return bool(self.links)
        return True

    def on_mount(self) -> None:
        if self.links:
            options = self.query_one("#links", OptionList)
            options.highlighted = 0
            options.focus()

    @on(OptionList.OptionSelected, "#links")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        copy_link(self.app, self.links[int(event.option.id or 0)].url)

    def action_copy(self) -> None:
        """Copy the highlighted link."""
        if not self.links:
            return
        index = self.query_one("#links", OptionList).highlighted
        if index is not None:
            copy_link(self.app, self.links[index].url)

    def action_back(self) -> None:
        """Close the list."""
        self.dismiss(None)
