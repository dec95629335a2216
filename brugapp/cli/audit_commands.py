"""``brugapp audit verify`` (exit 1 and the first broken entry when the chain does not hold) and ``audit list``."""

from __future__ import annotations

import argparse

from brugapp.cli.common import open_cli_store, print_json, print_rows
from brugapp.i18n import _, format_datetime


def register(subparsers: argparse._SubParsersAction) -> None:
    audit = subparsers.add_parser("audit", help=_("the audit trail: who printed or exported what, and when"))
    commands = audit.add_subparsers(dest="audit_command", required=True)
    verify = commands.add_parser("verify", help=_("check that no entry was changed or removed"))
    verify.set_defaults(handler=run_verify)
    listing = commands.add_parser("list", help=_("list every entry, oldest first"))
    listing.add_argument("--json", action="store_true", help=_("print one JSON array"))
    listing.set_defaults(handler=run_list)


def run_verify(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.audit import verify_audit

    store = open_cli_store(args)
    try:
        check = verify_audit(store)
    finally:
        store.close()
    print(check.message)
    return 0 if check.intact else 1


def run_list(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.services.audit import list_audit

    store = open_cli_store(args)
    try:
        rows = list_audit(store)
    finally:
        store.close()
    if args.json:
        print_json(rows)
    else:
        print_rows((str(r.number), format_datetime(r.at, "short"), r.action_label, r.subject_label, r.subject_uuid,
                    r.audience, r.detail) for r in rows)
    return 0
