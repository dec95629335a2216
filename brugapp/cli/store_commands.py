"""Store sub-commands: list records, create the demo store, back up and restore."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from brugapp.cli.common import (
    PASSPHRASE_ENV,
    CommandError,
    open_cli_store,
    print_json,
    print_rows,
)
from brugapp.i18n import _
from brugapp.services.listing import list_kinds, list_records
from brugapp.store import StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    listing = subparsers.add_parser("list", help=_("list the records of one kind"))
    listing.add_argument("kind", choices=list_kinds())
    listing.add_argument("--json", action="store_true", help=_("print one JSON array"))
    listing.set_defaults(handler=run_list)

    demo = subparsers.add_parser("demo", help=_("the fictional demo region"))
    demo_commands = demo.add_subparsers(dest="demo_command", required=True)
    create = demo_commands.add_parser("create", help=_("write the demo data into a new store"))
    create.add_argument("path", type=Path)
    create.add_argument("--plain", action="store_true", help=_("unencrypted (for tests only)"))
    create.set_defaults(handler=run_demo_create)

    backup = subparsers.add_parser("backup", help=_("make an encrypted backup copy now"))
    backup.set_defaults(handler=run_backup)


def run_list(args: argparse.Namespace) -> int:
    store = open_cli_store(args)
    try:
        records = list_records(store, kind=args.kind)
    finally:
        store.close()
    if args.json:
        print_json(records)
    else:
        print_rows((r.id, r.label) for r in records)
    return 0


def run_demo_create(args: argparse.Namespace) -> int:
    from brugapp.services.demo import create_demo_store

    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    if not passphrase and not args.plain:
        raise CommandError(
            _("Set {env} to the passphrase for the new store (or use --plain for a test store).").format(
                env=PASSPHRASE_ENV
            )
        )
    try:
        store = create_demo_store(args.path, passphrase=None if args.plain else passphrase)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    store.close()
    print(_("Demo store written to {path}").format(path=args.path))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from brugapp.store.backup import backup_store

    store = open_cli_store(args)
    try:
        target = backup_store(store, reason="manual")
    finally:
        store.close()
    if target is None:
        raise CommandError(_("Only a store file can be backed up this way."))
    print(_("Backup written to {path}").format(path=target))
    return 0
