"""``brugapp list families --right medische-kaart:nee,onbekend --consent-for RECIPIENT_ID``.

Options added to ``brugapp list`` (store_commands.py calls ``add_arguments`` and ``run_if_asked``): the rights ×
consent overview of ``services/reporting/rights_overview.py``, as lines, JSON or the PDF for the recipient.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from brugapp.cli.common import CommandError, open_cli_store, print_json, print_rows
from brugapp.domain.consent import PURPOSES, Purpose
from brugapp.domain.contact_details import parse_date
from brugapp.domain.notebook import RIGHT_STATUSES
from brugapp.domain.rights_overview import RightFilter, parse_right_filter
from brugapp.errors import ValidationError
from brugapp.i18n import _

if TYPE_CHECKING:
    from brugapp.services.reporting.rights_overview import RightsOverview


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--right", metavar="BENEFIT:STATUS, …",
                        help=_("families only: whose rights check reads so, e.g. medische-kaart:nee,onbekend"))
    parser.add_argument("--unchanged-since", metavar="DATE",
                        help=_("families only: with that status since this day or earlier"))
    parser.add_argument("--consent-for", metavar="RECIPIENT_ID",
                        help=_("families only: whether consent covers this school, organisation, service or person"))
    parser.add_argument("--purpose", default=Purpose.REFER, choices=PURPOSES.codes(),
                        help=_("the purpose the consent must cover (default: refer)"))
    parser.add_argument("--pdf", metavar="OUT.pdf", type=Path,
                        help=_("families only: print the list for the recipient (only families with consent)"))


def _check(args: argparse.Namespace) -> None:
    if args.kind != "families":
        raise CommandError(_("--right and --consent-for only apply to: brugapp list families"))
    if not args.right:
        raise CommandError(_("Say which right to look at, e.g. --right medische-kaart:nee,onbekend"))
    if args.pdf and not args.consent_for:
        raise CommandError(_("A printed list is always for one recipient: add --consent-for RECIPIENT_ID"))


def _right(args: argparse.Namespace) -> RightFilter:
    try:
        since = parse_date(args.unchanged_since) if args.unchanged_since else None
    except ValueError:
        raise CommandError(_("“{value}” is not a date. Example: 28-11-2026.").format(
            value=args.unchanged_since)) from None
    try:
        return parse_right_filter(args.right, unchanged_since=since)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def _show(args: argparse.Namespace, overview: RightsOverview) -> None:
    if args.json:
        print_json([{"id": r.family_id, "label": r.family_name, "status": r.status, "since": r.status_on,
                     "consent": r.on_printed_list, "reason": _(r.reason) if r.reason else ""}
                    for r in overview.rows])
        return
    print_rows(
        (r.family_id, r.family_name, RIGHT_STATUSES.label(r.status),
         r.status_on.isoformat() if r.status_on else "–",
         *((_("on the list") if r.on_printed_list else _(r.reason),) if args.consent_for else ()))
        for r in overview.rows)
    if args.pdf:
        print(_("Written to {path}").format(path=args.pdf))


def run_if_asked(args: argparse.Namespace) -> int | None:
    """Handle the rights options; None when none were given (the plain listing runs)."""
    if not (args.right or args.consent_for or args.pdf):
        return None
    _check(args)
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.reporting.rights_overview import print_rights_list, rights_overview

    right = _right(args)
    store = open_cli_store(args)
    try:
        if args.pdf:
            overview = print_rights_list(store, right=right, recipient_id=args.consent_for, path=args.pdf,
                                         purpose=args.purpose)
        else:
            overview = rights_overview(store, right=right, recipient_id=args.consent_for or "", purpose=args.purpose)
    except ValidationError as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    _show(args, overview)
    return 0
