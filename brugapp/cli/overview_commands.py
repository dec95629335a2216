"""Overview commands of issue 17 that are not listings or the year report.

- ``brugapp school-change MEMBER_ID --school SCHOOL_ID --on DATE [--class 3A]``: the child moves school;
- ``brugapp transfer-sheet MEMBER_ID OUT.pdf [--status-only]``: the overdrachtsfiche for the new school;
- ``brugapp school-questions SCHOOL_ID OUT.pdf [--school-year 2025-2026]``: one page for the staff meeting.
(``brugapp list families --right … --consent-for …`` and ``brugapp report export-figures|merge`` live with
``list`` and ``report``.)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from brugapp.cli.common import CommandError, open_cli_store
from brugapp.domain.contact_details import parse_date
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    change = subparsers.add_parser("school-change", help=_("a child moves to another school (history kept)"))
    change.add_argument("member", metavar="MEMBER_ID", help=_("the child (see: brugapp list members)"))
    change.add_argument("--school", required=True, metavar="SCHOOL_ID", help=_("the new school"))
    change.add_argument("--on", required=True, metavar="DATE", help=_("first day at the new school"))
    change.add_argument("--class", dest="class_name", default="", help=_("the class at the new school"))
    change.set_defaults(handler=run_school_change)
    sheet = subparsers.add_parser("transfer-sheet", help=_("print the transfer sheet for the child's new school"))
    sheet.add_argument("member", metavar="MEMBER_ID")
    sheet.add_argument("out", type=Path, metavar="OUT.pdf")
    sheet.add_argument("--status-only", action="store_true", help=_("only where support stands and whom to call"))
    sheet.set_defaults(handler=run_transfer_sheet)
    questions = subparsers.add_parser("school-questions", help=_("one anonymised page per school for a staff meeting"))
    questions.add_argument("school", metavar="SCHOOL_ID")
    questions.add_argument("out", type=Path, metavar="OUT.pdf")
    questions.add_argument("--school-year", metavar="2025-2026", help=_("the school year (default: the current one)"))
    questions.set_defaults(handler=run_school_questions)


def run_school_change(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.families.transfer import change_school

    try:
        on = parse_date(args.on)
    except ValueError:
        on = None
    if on is None:
        raise CommandError(_("“{value}” is not a date. Example: 28-11-2026.").format(value=args.on))
    store = open_cli_store(args)
    try:
        history = change_school(store, member_id=args.member, school_id=args.school, on=on,
                                class_name=args.class_name)
    except (ValidationError, NotFoundError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    for stint in history:
        print("\t".join((stint.school_label, stint.from_on.isoformat() if stint.from_on else "–",
                         stint.until_on.isoformat() if stint.until_on else "–")))
    return 0


def run_transfer_sheet(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.families.transfer import print_transfer_sheet

    store = open_cli_store(args)
    try:
        print_transfer_sheet(store, member_id=args.member, out=args.out, status_only=args.status_only)
    except (ValidationError, NotFoundError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    print(_("Written to {path}").format(path=args.out))
    return 0


def run_school_questions(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.cli.common import school_year_or_current
    from brugapp.services.reporting.school_questions import print_school_questions

    year = school_year_or_current(args.school_year)
    store = open_cli_store(args)
    try:
        print_school_questions(store, school_id=args.school, school_year=year, path=args.out)
    except (ValidationError, NotFoundError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    print(_("Written to {path}").format(path=args.out))
    return 0
