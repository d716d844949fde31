"""Settings: theme and preferences, remembered between runs."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coprod_tui.core.preferences import PREFERENCES, Preference
from coprod_tui.core.ui.choice import ChoiceDialog
from coprod_tui.core.ui.screens import AreaScreen, screen_css
from coprod_tui.i18n import N_, _, choose_language

HELP = N_("""\
## Settings

Move to a setting and press Enter to change it. Changes are saved at once and
remembered next time. Key bindings can be changed in `keymap.json` in your
data folder (see the README).
""")


class SettingsScreen(AreaScreen):
    """A list of settings; Enter opens a choice dialog."""

    CSS = screen_css(__file__, "settings.tcss")

    HELP = HELP
    BINDINGS = [Binding("enter", "change", N_("Change"), id="settings-change")]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(_("Settings"), classes="screen-title")
        yield OptionList(id="settings")
        yield Static("", id="settings-help", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_rows()
        self.query_one("#settings", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_rows()

    def _rows(self) -> list[tuple[str, str, str]]:
        """(id, label, current value label) for every setting."""
        store = self.app.store
        rows = [("theme", _("Theme"), self.app.theme)]
        values = store.settings()
        for pref in PREFERENCES:
            value = pref.label_of(values.get(pref.key, pref.default))
            rows.append((pref.key, _(pref.label), _(value)))
        return rows

    def refresh_rows(self) -> None:
        """Redraw the list with current values."""
        options = self.query_one("#settings", OptionList)
        highlighted = options.highlighted
        rows = self.read_now(self._rows)
        if rows is None:
            return
        options.clear_options()
        options.add_options(
            Option(Content.assemble((f"{label:<28}", "bold"), Content(value)), id=key)
            for key, label, value in rows
        )
        if highlighted is None or highlighted >= options.option_count:
            highlighted = 0
        options.highlighted = highlighted

    @on(OptionList.OptionHighlighted, "#settings")
    def _show_help(self, event: OptionList.OptionHighlighted) -> None:
        key = event.option.id
        text = _("Colours of the whole app.")
        for pref in PREFERENCES:
            if pref.key == key:
                text = _(pref.help)
        self.query_one("#settings-help", Static).update(text)

    @on(OptionList.OptionSelected, "#settings")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.change(event.option.id or "")

    def action_change(self) -> None:
        """Change the highlighted setting."""
        option = self.query_one("#settings", OptionList).highlighted_option
        if option is not None and option.id:
            self.change(option.id)

    def change(self, key: str) -> None:
        """Open the choice dialog for ``key``."""
        if key == "theme":
            themes = sorted(self.app.available_themes)
            self.app.push_screen(
                ChoiceDialog(_("Theme"), [(t, t) for t in themes], self.app.theme),
                self._set_theme,
            )
            return
        pref = next((p for p in PREFERENCES if p.key == key), None)
        if pref is None:
            return
        current = self.app.store.settings().get(pref.key, pref.default)
        self.app.push_screen(
            ChoiceDialog(_(pref.label), [(value, _(label)) for value, label in pref.choices],
                         current, _(pref.help)),
            lambda value, pref=pref: self._set_pref(pref, value),
        )

    def _save(self, key: str, value: str) -> bool:
        return self.attempt(lambda: self.app.store.set_setting(key, value))

    def _set_theme(self, value: str | None) -> None:
        if value is None:
            return
        self.app.theme = value
        if self._save("theme", value):
            self.notify(_("Theme set to {theme}.").format(theme=value))
        self.refresh_rows()

    async def _set_pref(self, pref: Preference, value: str | None) -> None:
        if value is None or not pref.valid(value):
            return
        if not self._save(pref.key, value):
            self.refresh_rows()
            return
        if pref.key == "language":
            # At once: every screen is built again in the chosen language.
            row = self.query_one("#settings", OptionList).highlighted
            whole = await self.app.apply_language(choose_language(None, value))
            options = self.query_one("#settings", OptionList)
            self.refresh_rows()
            options.highlighted = row
            options.focus()
            if not whole:
                self.notify(_("An area with unsaved writing stays in the old language "
                              "until you close it."), severity="warning", timeout=10)
        self.notify(_("{setting} set to {value}.").format(
            setting=_(pref.label), value=_(pref.label_of(value))))
        self.refresh_rows()
