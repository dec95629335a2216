"""Meeting sub-commands: ``print agenda|minutes|programme|attendance``, ``export invitation``, ``meeting ID``.

The print targets are registered through ``print_commands.PRINT_TARGETS``; ``export`` is a group shared
with other capabilities (``common.command_group``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from brugapp.cli.common import CommandError, command_group, open_cli_store, print_json
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _

AUDIENCES = ("internal", "network", "school")


def _audience(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--audience", choices=AUDIENCES, default="internal",
                        help=_("internal, network (with consent) or school (need to know)"))


def register_print_agenda(printers: argparse._SubParsersAction) -> None:
    parser = printers.add_parser("agenda", help=_("the agenda of a meeting, for one audience"))
    parser.add_argument("meeting", metavar="ID", help=_("the meeting's id (see: brugapp list meetings)"))
    parser.add_argument("out", metavar="OUT.pdf", type=Path)
    _audience(parser)
    parser.set_defaults(handler=run_print_agenda)


def register_print_minutes(printers: argparse._SubParsersAction) -> None:
    parser = printers.add_parser("minutes", help=_("the minutes of a meeting, for one audience"))
    parser.add_argument("meeting", metavar="ID", help=_("the meeting's id (see: brugapp list meetings)"))
    parser.add_argument("out", metavar="OUT.pdf", type=Path)
    _audience(parser)
    parser.set_defaults(handler=run_print_minutes)


def _event_target(printers: argparse._SubParsersAction, name: str, help_text: str, handler) -> None:  # type: ignore[no-untyped-def]
    parser = printers.add_parser(name, help=help_text)
    parser.add_argument("event", metavar="ID", help=_("the event's id (see: brugapp list events)"))
    parser.add_argument("out", metavar="OUT.pdf", type=Path)
    parser.set_defaults(handler=handler)


def register_print_programme(printers: argparse._SubParsersAction) -> None:
    _event_target(printers, "programme", _("the programme of an event (leerkrachtendag)"), run_print_programme)


def register_print_attendance(printers: argparse._SubParsersAction) -> None:
    _event_target(printers, "attendance", _("the attendance list of an event, per school"), run_print_attendance)


def register(subparsers: argparse._SubParsersAction) -> None:
    """``export invitation`` and ``meeting``; the print targets are listed in ``print_commands.PRINT_TARGETS``."""
    export = command_group(subparsers, "export", _("export data to a file"))
    invitation = export.add_parser("invitation", help=_("a meeting invitation as an iCalendar file (.ics)"))
    invitation.add_argument("meeting", metavar="ID", help=_("the meeting's id (see: brugapp list meetings)"))
    invitation.add_argument("out", metavar="OUT.ics", type=Path)
    invitation.set_defaults(handler=run_export_invitation)

    meetings = subparsers.add_parser("meeting", help=_("one meeting: details, open actions and warnings"))
    meetings.add_argument("meeting", metavar="ID")
    meetings.set_defaults(handler=run_show_meeting)


def _run(args: argparse.Namespace, work) -> int:  # type: ignore[no-untyped-def]
    store = open_cli_store(args)
    try:
        result = work(store)
    except (ValidationError, NotFoundError) as exc:
        raise CommandError(getattr(exc, "message", str(exc))) from None
    finally:
        store.close()
    if isinstance(result, Path):
        print(_("Written to {path}").format(path=result))
    return 0


def run_print_agenda(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.meetings.agenda import print_agenda
    from brugapp.settings import load_settings

    prepared_by = load_settings().sender_line()  # Instellingen → Mijn gegevens
    return _run(args, lambda store: print_agenda(store, meeting_id=args.meeting, audience=args.audience,
                                                 path=args.out, prepared_by=prepared_by))


def run_print_minutes(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.meetings.minutes import print_minutes

    return _run(args, lambda store: print_minutes(store, meeting_id=args.meeting, audience=args.audience,
                                                  path=args.out))


def run_export_invitation(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.meetings.agenda import export_invitation

    return _run(args, lambda store: export_invitation(store, meeting_id=args.meeting, path=args.out))


def run_print_programme(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.meetings.events import print_programme

    return _run(args, lambda store: print_programme(store, event_id=args.event, path=args.out))


def run_print_attendance(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.meetings.events import print_attendance_list

    return _run(args, lambda store: print_attendance_list(store, event_id=args.event, path=args.out))


def run_show_meeting(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.meetings.meetings import get_meeting

    return _run(args, lambda store: print_json(get_meeting(store, meeting_id=args.meeting)))
