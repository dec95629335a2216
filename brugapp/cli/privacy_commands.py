"""Privacy commands: retention review, the access export per family (GDPR art. 15), the handover bundle.

    brugapp retention list [--years N] [--json]
    brugapp retention anonymise FAMILY_ID --yes     keep only counts
    brugapp retention erase FAMILY_ID --yes         remove everywhere
    brugapp family export-access FAMILY_ID OUT.pdf|OUT.json
    brugapp bundle export OUT.brugbundle            the notebook, encrypted with its own passphrase
    brugapp bundle import PATH                      all or nothing
The bundle passphrase comes from BRUGAPP_BUNDLE_PASSPHRASE or a prompt (asked twice when exporting).
Service imports sit inside the handlers: ``brugapp -h`` must not load the whole application.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from brugapp.cli.common import CommandError, open_cli_store, print_json
from brugapp.i18n import _
from brugapp.store import Store

BUNDLE_PASSPHRASE_ENV = "BRUGAPP_BUNDLE_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction) -> None:
    retention = subparsers.add_parser("retention", help=_("families without activity: review, anonymise, erase"))
    commands = retention.add_subparsers(dest="retention_command", metavar="COMMAND", required=True)
    listing = commands.add_parser("list", help=_("families without activity for N school years"))
    listing.add_argument("--years", type=int, default=None,
                         help=_("school years without activity (default: the setting, 2)"))
    listing.add_argument("--json", action="store_true", help=_("print as JSON"))
    listing.set_defaults(handler=run_retention_list)
    for name, help_text in (("anonymise", _("keep the family only as counts for the figures")),
                            ("erase", _("remove the family from every table and the search index"))):
        parser = commands.add_parser(name, help=help_text)
        parser.add_argument("family_id", metavar="FAMILY_ID")
        parser.add_argument("--yes", action="store_true", help=_("confirm: this cannot be undone"))
        parser.set_defaults(handler=run_retention_action, action=name)

    family = _family_commands(subparsers)
    access = family.add_parser("export-access", help=_("everything held about a family, as PDF or JSON (GDPR)"))
    access.add_argument("family_id", metavar="FAMILY_ID")
    access.add_argument("out", metavar="OUT.pdf|OUT.json", type=Path)
    access.set_defaults(handler=run_access_export)

    bundle = subparsers.add_parser("bundle", help=_("hand the notebook over as one encrypted file"))
    bundle_commands = bundle.add_subparsers(dest="bundle_command", metavar="COMMAND", required=True)
    export = bundle_commands.add_parser("export", help=_("write the whole notebook into an encrypted bundle"))
    export.add_argument("out", metavar="OUT", type=Path)
    export.set_defaults(handler=run_bundle_export)
    importing = bundle_commands.add_parser("import", help=_("read a bundle into this store (all or nothing)"))
    importing.add_argument("path", metavar="PATH", type=Path)
    importing.set_defaults(handler=run_bundle_import)


def _family_commands(subparsers: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The ``family`` group's sub-commands (the notebook module made the group; we add to it)."""
    family = subparsers.choices.get("family") or subparsers.add_parser("family", help=_("families"))
    for action in family._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return family.add_subparsers(dest="family_command", metavar="COMMAND", required=True)


def _settings_years() -> int:
    from brugapp.settings import load_settings

    return load_settings().retention_school_years


def run_retention_list(args: argparse.Namespace) -> int:
    from brugapp.errors import ValidationError
    from brugapp.services.families.retention import families_for_review

    store = open_cli_store(args)
    try:
        years = args.years if args.years is not None else _settings_years()
        due = families_for_review(store, school_years=years)
    except ValidationError as exc:
        raise CommandError(exc.message) from None
    finally:
        store.close()
    if args.json:
        print_json(due)
    elif not due:
        print(_("No families without activity: nothing to review."))
    else:
        for candidate in due:
            print("\t".join((candidate.id, candidate.last_activity.isoformat(), candidate.display_name)))
    return 0


def run_retention_action(args: argparse.Namespace) -> int:
    from brugapp.errors import NotFoundError
    from brugapp.services.families.retention import anonymise_family, erase_family

    if not args.yes:
        raise CommandError(_("This cannot be undone. Add --yes to confirm."))
    store = open_cli_store(args)
    try:
        act = anonymise_family if args.action == "anonymise" else erase_family
        result = act(store, family_id=args.family_id)
    except NotFoundError as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    print(result.message)
    return 0


def run_access_export(args: argparse.Namespace) -> int:
    from brugapp.errors import NotFoundError, ValidationError
    from brugapp.services.families.access_export import export_access

    store = open_cli_store(args)
    try:
        written = export_access(store, family_id=args.family_id, out=args.out)
    except ValidationError as exc:
        raise CommandError(exc.message) from None
    except NotFoundError as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    print(_("Written to {path}").format(path=written))
    return 0


def bundle_passphrase(*, confirm: bool) -> str:
    passphrase = os.environ.get(BUNDLE_PASSPHRASE_ENV)
    if passphrase:
        return passphrase
    if sys.stdin is None or not sys.stdin.isatty():
        raise CommandError(_("Set {env} or run the command in a terminal to type the bundle's passphrase.").format(
            env=BUNDLE_PASSPHRASE_ENV))
    passphrase = getpass.getpass(_("Passphrase for the bundle: "))
    if confirm and getpass.getpass(_("The same passphrase again: ")) != passphrase:
        raise CommandError(_("The two passphrases differ. Nothing was written."))
    return passphrase


def _run_bundle(args: argparse.Namespace, *, confirm: bool, act: Callable[[Store, str], Any]) -> int:
    """Ask the bundle's passphrase (twice when writing one), open the store, run ``act``, say what happened."""
    from brugapp.services.bundle import BundleError

    passphrase = bundle_passphrase(confirm=confirm)
    store = open_cli_store(args)
    try:
        summary = act(store, passphrase)
    except BundleError as exc:
        raise CommandError(exc.message) from None
    finally:
        store.close()
    print(summary.message)
    return 0


def run_bundle_export(args: argparse.Namespace) -> int:
    from brugapp.services.bundle import export_bundle

    return _run_bundle(args, confirm=True,
                       act=lambda store, passphrase: export_bundle(store, out=args.out, passphrase=passphrase))


def run_bundle_import(args: argparse.Namespace) -> int:
    from brugapp.services.bundle import import_bundle

    return _run_bundle(args, confirm=False,
                       act=lambda store, passphrase: import_bundle(store, path=args.path, passphrase=passphrase))
