"""``brugapp report export-figures`` and ``brugapp report merge``: the programme report (issue 17)."""

from __future__ import annotations

import argparse
from pathlib import Path

from brugapp.cli.common import CommandError, open_cli_store, print_json
from brugapp.domain.schoolyear import SchoolYear
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


def school_year_or_current(text: str | None) -> SchoolYear:
    """The school year typed (2025-2026), or the current one in Brussels."""
    from brugapp.domain.overviews import brussels_today
    from brugapp.domain.reporting import parse_school_year

    if not text:
        return SchoolYear.of(brussels_today())
    try:
        return parse_school_year(text)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


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
    from brugapp.domain.programme import FiguresError
    from brugapp.services.reporting.programme import merge_figures, write_programme_csv, write_programme_pdf

    year = school_year_or_current(args.school_year) if args.school_year else None
    try:
        report = merge_figures(args.files, school_year=year)
    except FiguresError as exc:
        raise CommandError(str(exc)) from None
    if args.pdf:
        write_programme_pdf(report, args.pdf, workers=len(args.files))
    if args.csv:
        write_programme_csv(report, args.csv)
    if args.json:
        print_json(report.as_shown())
    elif not (args.pdf or args.csv):
        for table in report.tables:
            print(f"\n{table.shown_title()}")
            for row in table.shown_rows():
                print("  " + "\t".join(row))
    for path in (args.pdf, args.csv):
        if path:
            print(_("Written to {path}").format(path=path))
    return 0
