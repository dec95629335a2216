"""What every sub-command shares: opening the store, printing JSON or lines, failing clearly."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from brugapp.domain.schoolyear import SchoolYear
from brugapp.errors import UserError
from brugapp.i18n import _
from brugapp.paths import default_store_path
from brugapp.store import DamagedStoreError, Store, StoreError, WrongPassphraseError, open_store

PASSPHRASE_ENV = "BRUGAPP_PASSPHRASE"


class CommandError(UserError):
    """A user-facing failure of a sub-command (already translated)."""


def passphrase_from_env_or_prompt(*, required: bool) -> str | None:
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        return passphrase
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(_("Passphrase: "))
    if required:
        raise CommandError(
            _("This store is encrypted: set {env} or run the command in a terminal.").format(
                env=PASSPHRASE_ENV
            )
        )
    return None


def store_location(args: argparse.Namespace) -> str:
    return args.db or str(default_store_path())


def _say_upgrading() -> None:
    """On stderr, so ``--json`` output stays clean: the seconds before anything else happens are explained."""
    print(_("This notebook was made by an earlier version of BrugApp: it is backed up first, then brought up to "
            "date. On a busy year this takes a few seconds …"), file=sys.stderr, flush=True)


def open_cli_store(args: argparse.Namespace, *, migrate: bool = True) -> Store:
    """Open ``--db`` (or the default store), asking for the passphrase only when it is needed."""
    location = store_location(args)
    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    try:
        return open_store(location, passphrase=passphrase, migrate=migrate, before_upgrade=_say_upgrading)
    except DamagedStoreError as exc:
        raise CommandError(damage_message(exc)) from None
    except WrongPassphraseError as first_error:
        if passphrase is None and "://" not in location and os.path.exists(location):
            passphrase = passphrase_from_env_or_prompt(required=True)
            try:
                return open_store(location, passphrase=passphrase, migrate=migrate, before_upgrade=_say_upgrading)
            except DamagedStoreError as exc:
                raise CommandError(damage_message(exc)) from None
            except StoreError as exc:
                raise CommandError(str(exc)) from None
        raise CommandError(str(first_error)) from None
    except StoreError as exc:
        raise CommandError(str(exc)) from None


def damage_message(error: DamagedStoreError) -> str:
    """What the damage is and what to do: restore the newest good backup (the damaged file is set aside)."""
    if error.good_backup is None:
        return str(error) + " " + _("No backup that opens and checks clean was found. Keep the file and ask for help.")
    return str(error) + " " + _(
        "The newest good backup is {path}. Run: brugapp restore (the damaged file is set aside, not deleted)."
    ).format(path=error.good_backup)


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: to_jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, tuple) and hasattr(value, "_asdict"):  # a NamedTuple record: an object, as a dataclass
        return {k: to_jsonable(v) for k, v in value._asdict().items()}
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def print_json(value: Any) -> None:
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_rows(rows: Iterable[tuple[str, ...]]) -> None:
    for row in rows:
        print("\t".join(row))


def command_group(subparsers: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:
    """The sub-parsers of the top-level group ``name``, created on first use."""
    parser = subparsers.choices.get(name)
    if parser is None:
        parser = subparsers.add_parser(name, help=help_text)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest=f"{name}_command", metavar="KIND", required=True)


def school_year_argument(text: str | None) -> SchoolYear | None:
    """``--school-year 2025-2026`` as a SchoolYear, None when left out; a typo fails with the translated reason."""
    from brugapp.domain.reporting import parse_school_year  # read when a command runs, not at start-up

    if not text:
        return None
    try:
        return parse_school_year(text)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def school_year_or_current(text: str | None) -> SchoolYear:
    """The school year typed, or the current one in Brussels."""
    from brugapp.domain.overviews import brussels_today

    return school_year_argument(text) or SchoolYear.of(brussels_today())


def show_report(report: Any, *, as_json: bool, written: Iterable[Path | None] = ()) -> None:
    """A year or programme report on the terminal: JSON, or each table as lines when nothing was written; then
    the files written (on stderr with ``--json``, so standard output stays one JSON document)."""
    files = [path for path in written if path]
    if as_json:
        print_json(report.as_shown())
    elif not files:
        for table in report.tables:
            print(f"\n{table.shown_title()}")
            for row in table.shown_rows():
                print("  " + "\t".join(row))
    for path in files:
        print(_("Written to {path}").format(path=path), file=sys.stderr if as_json else sys.stdout)
