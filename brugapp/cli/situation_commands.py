"""``brugapp situation``: a member's situation and who may know it (issue 17), without the GUI.

    brugapp situation add MEMBER_ID --kind residential_care --from 15-09-2026 [--until DATE] [--details TEXT]
                          [--tell clb,services] [--decided-by youth]
    brugapp situation list FAMILY_ID [--json]
    brugapp situation remove SITUATION_ID
Nothing is told to an audience that is not named in ``--tell`` (the default tells nobody). The rule is
``domain/situations.py``; the service refuses a child under 12 deciding alone.
"""

from __future__ import annotations

import argparse
import datetime as dt

from brugapp.cli.common import CommandError, open_cli_store, print_json
from brugapp.domain.contact_details import parse_date
from brugapp.domain.situations import AUDIENCES, DECIDERS, SITUATION_KINDS
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _, format_date


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("situation", help=_("a member's situation (living group, foster family …) and "
                                                       "who may know it"))
    commands = parser.add_subparsers(dest="situation_command", metavar="COMMAND", required=True)
    add = commands.add_parser("add", help=_("record a situation of a family member"))
    add.add_argument("member", metavar="MEMBER_ID", help=_("the family member (see: brugapp list members)"))
    add.add_argument("--kind", required=True, choices=[str(c) for c in SITUATION_KINDS.codes()],
                     help=_("what kind of situation"))
    add.add_argument("--from", dest="from_on", required=True, metavar="DATE", help=_("since when (dd-mm-yyyy)"))
    add.add_argument("--until", default="", metavar="DATE", help=_("until when, if it ended or ends"))
    add.add_argument("--details", default="", help=_("short details, e.g. living group in Menen"))
    add.add_argument("--tell", default="", metavar="school,clb,services",
                     help=_("who may know it, comma-separated (default: nobody)"))
    add.add_argument("--decided-by", default="parent", choices=[str(c) for c in DECIDERS.codes()],
                     help=_("who decided who may know it (a youth from 12)"))
    add.set_defaults(handler=run_add)
    listing = commands.add_parser("list", help=_("the situations of a family's members"))
    listing.add_argument("family", metavar="FAMILY_ID")
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(handler=run_list)
    remove = commands.add_parser("remove", help=_("remove a situation"))
    remove.add_argument("situation", metavar="SITUATION_ID")
    remove.set_defaults(handler=run_remove)


def _date(value: str, option: str) -> dt.date | None:
    try:
        return parse_date(value)
    except ValueError:
        raise CommandError(_("{option}: “{value}” is not a date. Example: 28-11-2026.").format(
            option=option, value=value)) from None


def run_add(args: argparse.Namespace) -> int:
    from brugapp.services.families.situations import record_situation

    from_on = _date(args.from_on, "--from")
    if from_on is None:
        raise CommandError(_("--from: say since when, e.g. 15-09-2026."))
    tell = [part.strip() for part in args.tell.split(",") if part.strip()]
    unknown = [part for part in tell if part not in AUDIENCES]
    if unknown:
        raise CommandError(_("--tell: “{value}” is not school, clb or services.").format(value=unknown[0]))
    store = open_cli_store(args)
    try:
        situation_id = record_situation(store, member_id=args.member, kind=args.kind, from_on=from_on,
                                        until_on=_date(args.until, "--until"), description=args.details,
                                        disclosed_to=tell, decided_by=args.decided_by)
    except (ValidationError, NotFoundError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    print(situation_id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from brugapp.services.families.situations import list_situations

    store = open_cli_store(args)
    try:
        situations = list_situations(store, family_id=args.family)
    except (ValidationError, NotFoundError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    if args.json:
        print_json(situations)
        return 0
    for s in situations:
        period = format_date(s.from_on, "medium") + " – " + (format_date(s.until_on, "medium") if s.until_on
                                                               else _("now"))
        told = ", ".join(AUDIENCES.label(a) for a in s.disclosed_to) or _("nobody")
        print("\t".join((s.id, s.member_name, SITUATION_KINDS.label(s.kind), period,
                         _("may know: {who}").format(who=told), DECIDERS.label(s.decided_by))))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from brugapp.services.families.situations import remove_situation

    store = open_cli_store(args)
    try:
        remove_situation(store, situation_id=args.situation)
    except NotFoundError as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    print(_("Removed."))
    return 0
