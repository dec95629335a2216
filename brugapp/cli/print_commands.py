"""``brugapp print KIND …``: every printed sheet gets a sub-command here.

To add one, write in your own CLI module a function that adds one parser to the ``print`` group::

    def register_print_agenda(printers: argparse._SubParsersAction) -> None:
        parser = printers.add_parser("agenda", help=_("print the agenda of a meeting"))
        parser.add_argument("meeting_id")
        parser.add_argument("out", type=Path)
        parser.set_defaults(handler=run_print_agenda)

and import it into ``PRINT_TARGETS`` below. The handler gets the parsed args (``--db`` is there), opens the
store with ``open_cli_store(args)`` and raises ``CommandError`` with a translated message (exit code 2) when it
refuses, e.g. when consent is missing. ``common.command_group`` shares a top-level group such as ``export``
between modules.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from brugapp.cli.common import command_group
from brugapp.cli.meeting_commands import (
    register_print_agenda,
    register_print_attendance,
    register_print_minutes,
    register_print_programme,
)
from brugapp.cli.referral_commands import register_print_referral
from brugapp.i18n import _

# Each adds one parser to the ``print`` group's sub-parsers.
PRINT_TARGETS: tuple[Callable[[argparse._SubParsersAction], None], ...] = (
    register_print_referral,
    register_print_agenda,
    register_print_minutes,
    register_print_programme,
    register_print_attendance,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    printers = command_group(subparsers, "print", _("print a sheet to PDF"))
    for register_target in PRINT_TARGETS:
        register_target(printers)
