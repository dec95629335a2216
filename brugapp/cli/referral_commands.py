"""Referral, consent and follow-up sub-commands.

``brugapp print referral ID OUT.pdf --for RECIPIENT_ID [--status-only] [--override-reason TEXT]``
``brugapp export ical OUT.ics``
``brugapp followups [--days N] [--json]``          what is overdue, due today and this week
``brugapp figures referrals --year 2025-2026 [--json]``  aggregated, small counts shown as "<5"
"""

from __future__ import annotations

import argparse
from pathlib import Path

from brugapp.cli.common import CommandError, command_group, open_cli_store, print_json, print_rows
from brugapp.domain.clock import today_local
from brugapp.domain.followups import BUCKETS
from brugapp.domain.schoolyear import SchoolYear
from brugapp.domain.worker import role_text
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _, format_date


def register(subparsers: argparse._SubParsersAction) -> None:
    exporters = command_group(subparsers, "export", _("export to a file"))
    ical = exporters.add_parser("ical", help=_("follow-ups and appointments as an iCalendar file"))
    ical.add_argument("out", type=Path)
    ical.add_argument("--follow-ups", choices=("both", "tasks", "events"), default="both",
                      help=_("follow-ups as tasks, as all-day events (Outlook ignores tasks) or both"))
    ical.set_defaults(handler=run_export_ical)

    followups = subparsers.add_parser("followups", help=_("what to follow up: overdue, today, this week"))
    followups.add_argument("--json", action="store_true", help=_("print one JSON array"))
    followups.set_defaults(handler=run_followups)

    figures = command_group(subparsers, "figures", _("aggregated figures for the report"))
    referrals = figures.add_parser("referrals", help=_("referrals: time to first appointment, outcomes"))
    referrals.add_argument("--year", help=_("school year, e.g. 2025-2026 (default: the current one)"))
    referrals.add_argument("--json", action="store_true",
                           help=_("print JSON: every count as the number and as shown in a report (<5)"))
    referrals.set_defaults(handler=run_referral_figures)


def register_print_referral(printers: argparse._SubParsersAction) -> None:
    parser = printers.add_parser("referral", help=_("the referral sheet for one recipient"))
    parser.add_argument("referral_id")
    parser.add_argument("out", type=Path)
    parser.add_argument("--for", dest="recipient_id", required=True, metavar="RECIPIENT_ID",
                        help=_("id of the school, organisation, service or contact person"))
    parser.add_argument("--status-only", action="store_true", help=_("only where it stands (for a school)"))
    parser.add_argument("--override-reason", default="", metavar="TEXT",
                        help=_("print without recorded consent; the reason is kept in the audit trail"))
    parser.set_defaults(handler=run_print_referral)


def run_print_referral(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.referrals.referrals import print_referral_sheet
    from brugapp.settings import load_settings

    me = load_settings()  # Instellingen → Mijn gegevens: the brugfiguur to call back
    store = open_cli_store(args)
    try:
        printed = print_referral_sheet(store, referral_id=args.referral_id, recipient_id=args.recipient_id,
                                       out=args.out, status_only=args.status_only,
                                       override_reason=args.override_reason, sender_name=me.worker_name,
                                       sender_organisation=me.worker_organisation, sender_phone=me.worker_phone,
                                       sender_email=me.worker_email, sender_role=role_text(me.worker_role))
    except (ValidationError, NotFoundError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    print(_("Printed for {recipient}: {path}").format(recipient=printed.recipient_label, path=printed.path))
    return 0


def run_export_ical(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.referrals.calendar_export import export_ical

    store = open_cli_store(args)
    try:
        result = export_ical(store, out=args.out, followups_as=args.follow_ups)
    finally:
        store.close()
    print(_("{todos} follow-ups and {events} appointments written to {path}").format(
        todos=result.todos, events=result.events, path=result.path))
    return 0


def run_followups(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.referrals.followups import due_this_week

    store = open_cli_store(args)
    try:
        grouped = due_this_week(store)
    finally:
        store.close()
    if args.json:
        print_json([view for views in grouped.values() for view in views])
        return 0
    print_rows(
        (BUCKETS.label(bucket), format_date(v.due, "medium"), v.title, v.family_name, v.id)
        for bucket, views in grouped.items() for v in views
    )
    return 0


def _count(value: int) -> dict[str, int | str]:
    """JSON for a script: the number to compute with, and what a printed report may show ("<5")."""
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.reporting.referral_figures import shown

    return {"count": value, "shown": shown(value)}


def run_referral_figures(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.domain.referrals import INTENSITIES, OUTCOMES
    from brugapp.services.reporting.referral_figures import referral_figures, shown

    try:
        year = SchoolYear.parse(args.year) if args.year else SchoolYear.of(today_local())
    except ValueError:
        raise CommandError(_("Write the school year as 2025-2026.")) from None
    store = open_cli_store(args)
    try:
        figures = referral_figures(store, first_day=year.first_day, last_day=year.last_day)
    finally:
        store.close()
    if args.json:
        print_json({
            "school_year": year.label, "referrals": _count(figures.referrals),
            "with_appointment": _count(figures.with_appointment),
            "median_days_to_first_appointment": figures.median_days_to_appointment,
            "by_intensity": {k: _count(v) for k, v in figures.by_intensity.items()},
            "by_outcome": {k or "open": _count(v) for k, v in figures.by_outcome.items()},
            "per_service": [{"service": s.service_label, "referrals": _count(s.referrals),
                             "outcomes": {k or "open": _count(v) for k, v in s.outcomes.items() if v}}
                            for s in figures.per_service],
        })
        return 0

    def outcome(code: str) -> str:
        return OUTCOMES.label(code) if code else _("Still open")

    days = figures.median_days_to_appointment
    print(_("Referrals in school year {year}").format(year=year.label))
    print("  " + _("Referrals: {count}").format(count=shown(figures.referrals)))
    print("  " + _("With a first appointment: {count}").format(count=shown(figures.with_appointment)))
    print("  " + _("Median days to the first appointment: {days}").format(days="-" if days is None else f"{days:g}"))
    if figures.by_intensity:
        print(_("By intensity"))
        for code, count in figures.by_intensity.items():
            print(f"  {INTENSITIES.label(code)}\t{shown(count)}")
    if figures.by_outcome:
        print(_("By outcome"))
        for code, count in figures.by_outcome.items():
            print(f"  {outcome(code)}\t{shown(count)}")
    if figures.per_service:
        print(_("Per service"))
        for service in figures.per_service:
            parts = ", ".join(f"{outcome(code)} {text}" for code, text in service.shown().items() if text != "0")
            print(f"  {service.service_label}\t{shown(service.referrals)}\t{parts}")
    print(_("Counts under 5 are shown as <5 so nobody can be recognised."))
    return 0
