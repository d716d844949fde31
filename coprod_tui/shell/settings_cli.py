"""``coprod settings [KEY [VALUE]]``: list, read and change settings."""

from __future__ import annotations

import argparse

from coprod_tui.core.cli_context import open_store
from coprod_tui.core.preferences import PREFERENCES, Preference
from coprod_tui.core.text import make_visible
from coprod_tui.errors import UsageError
from coprod_tui.i18n import _


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``settings``."""
    keys = ", ".join(p.key for p in PREFERENCES)
    p = subparsers.add_parser(
        "settings", parents=[common], help=_("list settings, or read or change one"),
        description=_("With no KEY, list every setting with its choices. Keys: {keys}.").format(
            keys=keys))
    p.add_argument("key", metavar="KEY", nargs="?", help=_("the setting to read or change"))
    p.add_argument("value", metavar="VALUE", nargs="?", help=_("the new value"))
    p.set_defaults(func=cmd_settings)


def _preference(key: str) -> Preference:
    for pref in PREFERENCES:
        if pref.key == key:
            return pref
    raise UsageError(_("unknown setting {key!r}; choices: {choices}").format(
        key=make_visible(key), choices=", ".join(p.key for p in PREFERENCES)))


def _choices(pref: Preference) -> str:
    return ", ".join(f"{stored} ({_(label)})" for stored, label in pref.choices)


def cmd_settings(args: argparse.Namespace) -> int:
    """List, get or set."""
    if args.key is None:
        store = open_store(args)
        for pref in PREFERENCES:
            value = store.get_setting(pref.key, pref.default)
            print(f"{pref.key} = {make_visible(str(value))}  ({_(pref.label)}: "
                  f"{_(pref.label_of(value))})")
            print("    " + _("choices: {choices}").format(choices=_choices(pref)))
        return 0
    pref = _preference(args.key)
    if args.value is None:
        print(make_visible(str(open_store(args).get_setting(pref.key, pref.default))))
        return 0
    if not pref.valid(args.value):
        raise UsageError(_("{value!r} is not a choice for {key}; choices: {choices}").format(
            value=make_visible(args.value), key=pref.key,
            choices=", ".join(stored for stored, _label in pref.choices)))
    open_store(args).set_setting(pref.key, args.value)
    print(f"{pref.key} = {args.value} ({_(pref.label_of(args.value))})")
    return 0
