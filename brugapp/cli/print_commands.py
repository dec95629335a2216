"""``brugapp print KIND …``: every printed sheet gets a sub-command here.

To add one (e.g. ``print agenda`` / ``print minutes`` for meetings), write in your own CLI module::

    def register_print_agenda(printers: argparse._SubParsersAction) -> None:
        parser = printers.add_parser("agenda", help=_("print the agenda of a meeting"))
        parser.add_argument("meeting_id")
        parser.add_argument("out", type=Path)
        parser.set_defaults(handler=run_print_agenda)

and add one line to ``PRINT_TARGETS`` below: ``"agenda": "brugapp.cli.meeting_commands:register_print_agenda"``.
The handler gets the parsed args (``--db`` is there), opens the store with ``open_cli_store(args)`` and raises
``CommandError`` with a translated message (exit code 2) when it refuses, e.g. when consent is missing.

``command_group`` is also the safe way to share a top-level group such as ``export`` between modules:
it returns the group's sub-parsers whether this module or another one made the group first.
"""

from __future__ import annotations

import argparse
import importlib

from brugapp.i18n import _

# sheet name -> "module:function"; the function takes the ``print`` group's sub-parsers and adds one parser.
PRINT_TARGETS: dict[str, str] = {
    "referral": "brugapp.cli.referral_commands:register_print_referral",
    "agenda": "brugapp.cli.meeting_commands:register_print_agenda",
    "minutes": "brugapp.cli.meeting_commands:register_print_minutes",
    "programme": "brugapp.cli.meeting_commands:register_print_programme",
    "attendance": "brugapp.cli.meeting_commands:register_print_attendance",
}


def command_group(subparsers: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:
    """The sub-parsers of the top-level group ``name``, created on first use."""
    parser = subparsers.choices.get(name)
    if parser is None:
        parser = subparsers.add_parser(name, help=help_text)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest=f"{name}_command", metavar="KIND", required=True)


def register(subparsers: argparse._SubParsersAction) -> None:
    printers = command_group(subparsers, "print", _("print a sheet to PDF"))
    for name, spec in PRINT_TARGETS.items():
        if name in printers.choices:
            continue
        module_name, function_name = spec.split(":")
        getattr(importlib.import_module(module_name), function_name)(printers)
