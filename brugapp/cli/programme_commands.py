"""``brugapp report export-figures`` and ``brugapp report merge``: the programme report (issue 17)."""

from __future__ import annotations

import argparse
from pathlib import Path

from brugapp.cli.common import (
    CommandError,
    open_cli_store,
    school_year_argument,
    school_year_or_current,
    show_report,
)
from brugapp.i18n import _


def register(report_parser: argparse.ArgumentParser) -> None:
    commands = report_parser.add_subparsers(dest="report_command", metavar="COMMAND")
    export = commands.add_parser("export-figures", help=_("write this year's anonymised figures for the coordinator"))
    export.add_argument("out", type=Path, metavar="OUT.json")
    export.add_argument("--school-year", metavar="2025-2026", help=_("the school year (default: the current one)"))
    export.set_defaults(handler=run_export_figures)
    merge = commands.add_parser("merge", help=_("add up several workers' figures files into one programme report"))
    merge.add_argument("files", type=Path, nargs="+", metavar="FILE.json")
    merge.add_argument("--school-year", metavar="2025-2026",
                       help=_("refuse files of another school year (default: the year of the first file)"))
    merge.add_argument("--json", action="store_true", help=_("print the merged report as JSON"))
    merge.add_argument("--pdf", metavar="OUT.pdf", type=Path, help=_("write the merged report as PDF"))
    merge.add_argument("--csv", metavar="OUT.csv", type=Path, help=_("write the merged tables as CSV for Excel"))
    merge.set_defaults(handler=run_merge)


def run_export_figures(args: argparse.Namespace) -> int:
    from brugapp.services.reporting.programme import export_figures

    year = school_year_or_current(args.school_year)
    store = open_cli_store(args)
    try:
        export_figures(store, school_year=year, path=args.out)
    finally:
        store.close()
    print(_("Figures of {year} written to {path}").format(year=year.label, path=args.out))
    return 0


def run_merge(args: argparse.Namespace) -> int:
    """Merge in the coordinator's own store: the merge (and any PDF or CSV) is noted in its audit trail."""
    from brugapp.domain.programme import FiguresError
    from brugapp.services.reporting.programme import merge_figures, write_programme_csv, write_programme_pdf

    year = school_year_argument(args.school_year)
    store = open_cli_store(args)
    try:
        report = merge_figures(store, paths=args.files, school_year=year)
        if args.pdf:
            write_programme_pdf(store, report, args.pdf, workers=len(args.files))
        if args.csv:
            write_programme_csv(store, report, args.csv)
    except FiguresError as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    show_report(report, as_json=args.json, written=(args.pdf, args.csv))
    return 0
