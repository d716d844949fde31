"""A dialog to pick one value from a list; closes with ``b`` or Escape."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.ui.screens import CoprodDialog
from coprod_tui.core.ui.text import literal
from coprod_tui.i18n import N_, _


class ChoiceDialog(CoprodDialog[str | None]):
    """Pick one of ``choices`` ((value, label) pairs); dismisses with the value or None."""

    BINDINGS = [
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str | None = None,
                 note: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.title_text), classes="dialog-title")
            if self.note:
                yield Static(literal(self.note), classes="dialog-note")
            yield OptionList(
                *(
                    Option(literal(("* " if value == self.current else "  ") + label), id=value)
                    for value, label in self.choices
                ),
                id="choices",
            )
            yield Static(_("Enter: choose    b or Esc: cancel"), classes="dialog-keys")
        yield Footer()

    def on_mount(self) -> None:
        options = self.query_one("#choices", OptionList)
        options.focus()
        self.call_after_refresh(self._fit)
        if self.current is not None:
            try:
                options.highlighted = options.get_option_index(self.current)
            except Exception:  # noqa: BLE001 - unknown current value: leave at top
                pass

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Keep the whole dialog on screen (80x24 included): a long list scrolls
        inside it, so its last row, the keys line and the border stay visible."""
        if not self.is_attached:
            return
        notes = sum(n.outer_size.height for n in self.query(".dialog-note"))
        # The dialog may use 90% of the screen: less its border (2), the title
        # and its gap (2), the keys line and its gap (2), the list's border (2).
        rows = int(self.size.height * 0.9) - 8 - notes
        options = self.query_one("#choices", OptionList)
        options.styles.max_height = max(3, rows)
        self.call_after_refresh(options.scroll_to_highlight)

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_back(self) -> None:
        """Close without choosing."""
        self.dismiss(None)


# The question for each thing the exercises delete for good, whole (Welsh mutates
# after "Dileu": "Dileu'r lleoliad hwn"); anything else is asked in the general form.
DELETE_FOR_GOOD: dict[str, str] = {
    "this placement": N_("Delete this placement for good?"),
    "this challenge": N_("Delete this challenge for good?"),
    "this stocktake": N_("Delete this stocktake for good?"),
}


def ask_delete_for_good(screen: CoprodDialog | object, what: str, label: str,
                        delete: Callable[[], None]) -> None:
    """Ask before deleting ``what`` (e.g. "this placement") for good; run ``delete`` on yes.

    Exercise results have no trash: deleting one removes it here and from coprod's
    backups, so the dialog says so, and "keep it" is the highlighted choice.
    ``what`` is English (a key of :data:`DELETE_FOR_GOOD`); ``label`` is shown as it is.
    """

    def chosen(value: str | None) -> None:
        if value == "delete":
            delete()

    if what in DELETE_FOR_GOOD:
        question = _(DELETE_FOR_GOOD[what])
    else:
        question = _("Delete {what} for good?").format(what=_(what))
    screen.app.push_screen(  # type: ignore[attr-defined]
        ChoiceDialog(question,
                     [("keep", _("No, keep it")), ("delete", _("Yes, delete it for good"))],
                     "keep",
                     note=_("{label}\nIt goes from coprod and from its backups; "
                            "this cannot be undone.").format(label=label)),
        chosen)
