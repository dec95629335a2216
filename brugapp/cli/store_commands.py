"""Store sub-commands: list records, create the demo store, back up and restore."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from brugapp.cli import rights_options
from brugapp.cli.common import (
    PASSPHRASE_ENV,
    CommandError,
    open_cli_store,
    print_json,
    print_rows,
    store_location,
)
from brugapp.i18n import _
from brugapp.services.listing import list_kinds, list_records
from brugapp.store import StoreError, open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    listing = subparsers.add_parser("list", help=_("list the records of one kind"))
    listing.add_argument("kind", choices=list_kinds())
    listing.add_argument("--json", action="store_true", help=_("print one JSON array"))
    rights_options.add_arguments(listing)  # --right, --consent-for (rights × consent overview)
    listing.set_defaults(handler=run_list)

    demo = subparsers.add_parser("demo", help=_("the fictional demo region"))
    demo_commands = demo.add_subparsers(dest="demo_command", required=True)
    create = demo_commands.add_parser("create", help=_("write the demo data into a new store"))
    create.add_argument("path", type=Path)
    create.add_argument("--plain", action="store_true", help=_("unencrypted (for tests only)"))
    create.set_defaults(handler=run_demo_create)

    backup = subparsers.add_parser("backup", help=_("make an encrypted backup copy now"))
    backup.add_argument("--list", action="store_true", help=_("only list the backups of the store"))
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser("restore", help=_("put a backup back in place of the store"))
    restore.add_argument("backup", type=Path, help=_("the backup file (see: brugapp backup --list)"))
    restore.set_defaults(handler=run_restore)


def run_list(args: argparse.Namespace) -> int:
    filtered = rights_options.run_if_asked(args)
    if filtered is not None:
        return filtered
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
    from brugapp.demo.region import create_demo_store

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
    from brugapp.store.backup import backup_store, list_backups

    if args.list:
        for backup in list_backups(Path(store_location(args))):
            print(backup)
        return 0

    store = open_cli_store(args)
    try:
        target = backup_store(store, reason="manual")
    finally:
        store.close()
    if target is None:
        raise CommandError(_("Only a store file can be backed up this way."))
    print(_("Backup written to {path}").format(path=target))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Check that the backup opens with the passphrase, back up the current store, then swap them."""
    from brugapp.store.backup import backup_store, restore_backup

    target = Path(store_location(args))
    if not args.backup.is_file():
        raise CommandError(_("No backup file at {path}.").format(path=args.backup))
    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    try:  # the backup must be readable before anything is replaced
        open_store(args.backup, passphrase=passphrase, migrate=False).close()
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    if target.exists():
        current = open_cli_store(args, migrate=False)
        try:
            safety = backup_store(current, reason="before-restore")
        finally:
            current.close()
        print(_("The current store was first backed up to {path}").format(path=safety))
    restore_backup(args.backup, target)
    print(_("Restored {backup} to {path}").format(backup=args.backup, path=target))
    return 0
