"""Store sub-commands: list records, create the demo store, back up, restore, change the passphrase."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from brugapp.cli import rights_options
from brugapp.cli.common import (
    PASSPHRASE_ENV,
    CommandError,
    open_cli_store,
    passphrase_from_env_or_prompt,
    print_json,
    print_rows,
    store_location,
)
from brugapp.i18n import _
from brugapp.services.listing import list_kinds, list_records
from brugapp.store import DamagedStoreError, StoreError, restore_store

NEW_PASSPHRASE_ENV = "BRUGAPP_NEW_PASSPHRASE"


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
    restore.add_argument("backup", type=Path, nargs="?",
                         help=_("the backup file (see: brugapp backup --list); default: the newest good one"))
    restore.set_defaults(handler=run_restore)

    passphrase = subparsers.add_parser("passphrase", help=_("change the passphrase of the store"))
    passphrase.set_defaults(handler=run_passphrase)

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
    # start-up time: loaded when this command runs, not with every command
    from brugapp.cli.init_command import check_new_passphrase
    from brugapp.demo.region import create_demo_store

    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    if not passphrase and not args.plain:
        raise CommandError(
            _("Set {env} to the passphrase for the new store (or use --plain for a test store).").format(
                env=PASSPHRASE_ENV
            )
        )
    if not args.plain:
        check_new_passphrase(passphrase or "")  # the same rule as the first-run screen
    try:
        store = create_demo_store(args.path, passphrase=None if args.plain else passphrase)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    store.close()
    print(_("Demo store written to {path}").format(path=args.path))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.store.backups import backup_store, list_backups

    if args.list:  # one path per line, oldest first (the name carries the UTC moment), for scripts too
        for backup in list_backups(Path(store_location(args))):
            print(backup)
        return 0

    store = open_cli_store(args)
    try:
        target = backup_store(store, reason="manual")
    except StoreError as exc:
        raise CommandError(str(exc) + " " + _("No backup was made; the existing backups were kept.")) from None
    finally:
        store.close()
    if target is None:
        raise CommandError(_("Only a store file can be backed up this way."))
    print(_("Backup written and checked: {path}").format(path=target))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Verify the backup, keep the current store (backed up, or set aside when damaged), then swap them."""
    # start-up time: loaded when this command runs, not with every command
    from brugapp.store.backups import newest_good_backup

    target = Path(store_location(args))
    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    backup: Path | None = args.backup
    if backup is None:
        if passphrase is None and not _newest_is_plain(target):
            passphrase = passphrase_from_env_or_prompt(required=True)
        backup = newest_good_backup(target, passphrase)
        if backup is None:
            raise CommandError(_("No backup of {path} opens with this passphrase and checks clean.").format(
                path=target))
    elif not backup.is_file():
        raise CommandError(_("No backup file at {path}.").format(path=backup))
    elif passphrase is None and not _is_plain(backup):
        passphrase = passphrase_from_env_or_prompt(required=True)
    try:
        outcome = restore_store(backup, target, passphrase=passphrase)
    except DamagedStoreError:
        raise CommandError(_("The backup {path} is damaged; nothing was replaced. Choose another backup "
                             "(brugapp backup --list).").format(path=backup)) from None
    except StoreError as exc:
        raise CommandError(str(exc) + " " + _("Nothing was replaced.")) from None
    if outcome.safety_copy is not None:
        print(_("The current store was first backed up to {path}").format(path=outcome.safety_copy))
    if outcome.set_aside is not None:
        print(_("The damaged store was set aside (not deleted) as {path}").format(path=outcome.set_aside))
    print(_("Restored {backup} to {path}").format(backup=backup, path=target))
    return 0


def _is_plain(path: Path) -> bool:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.store.engine import is_plain_sqlite

    return path.is_file() and is_plain_sqlite(path)


def _newest_is_plain(store_path: Path) -> bool:
    # start-up time: loaded when this command runs, not with every command
    from brugapp.store.backups import list_backups

    backups = list_backups(store_path)
    return bool(backups) and _is_plain(backups[-1])


def run_passphrase(args: argparse.Namespace) -> int:
    """Re-encrypt under a new passphrase: asked twice (or BRUGAPP_NEW_PASSPHRASE), as strong as the GUI asks."""
    # start-up time: loaded when this command runs, not with every command
    from brugapp.store.rekey import change_passphrase

    new = os.environ.get(NEW_PASSPHRASE_ENV) or None
    if new is None:
        if not (sys.stdin is not None and sys.stdin.isatty()):
            raise CommandError(_("Set {env} to the new passphrase or run the command in a terminal.").format(
                env=NEW_PASSPHRASE_ENV))
        new = getpass.getpass(_("New passphrase: "))
        if getpass.getpass(_("Type the new passphrase again: ")) != new:
            raise CommandError(_("The two passphrases are not the same."))
    store = open_cli_store(args)
    try:
        change = change_passphrase(store, old=store.passphrase or "", new=new)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    print(_("The passphrase was changed. Backups made before the change keep the old passphrase; the "
            "last one is {path}").format(path=change.backup_with_old))
    return 0
