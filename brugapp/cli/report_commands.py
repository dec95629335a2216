"""``brugapp report``: the anonymised year report per school year (and school), as text, JSON, PDF or CSV.

Sub-commands of the programme report (issue 17):
- ``brugapp report export-figures OUT.json [--school-year 2025-2026]``: this worker's figures file;
- ``brugapp report merge F1 F2 … [--pdf OUT.pdf] [--csv OUT.csv] [--json]``: a coordinator adds them up.
``brugapp list signals`` lists the signals (through ``services/listing.py``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from brugapp.cli.common import CommandError, open_cli_store, school_year_argument, show_report
from brugapp.errors import NotFoundError
from brugapp.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help=_("the anonymised year report per school year and school"))
    parser.add_argument("--school-year", metavar="2025-2026", help=_("the school year, e.g. 2025-2026"))
    parser.add_argument("--school", metavar="ID", default=None,
                        help=_("only this school (see: brugapp list schools); default all schools"))
    parser.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    parser.add_argument("--pdf", metavar="OUT.pdf", type=Path, help=_("write the report as PDF"))
    parser.add_argument("--csv", metavar="OUT.csv", type=Path, help=_("write the tables as CSV for Excel"))
    parser.set_defaults(handler=run_report)
    from brugapp.cli import programme_commands

    programme_commands.register(parser)


def run_report(args: argparse.Namespace) -> int:
    from brugapp.services.reporting.report import export_report_csv, print_report, school_year_report

    year = school_year_argument(args.school_year)
    if year is None:
        raise CommandError(_("Say which school year: --school-year 2025-2026"))
    store = open_cli_store(args)
    try:
        report = school_year_report(store, school_year=year, school_id=args.school)
        if args.pdf:
            print_report(store, school_year=year, school_id=args.school, path=args.pdf)
        if args.csv:
            export_report_csv(store, school_year=year, school_id=args.school, path=args.csv)
    except NotFoundError as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    show_report(report, as_json=args.json, written=(args.pdf, args.csv))
    return 0
