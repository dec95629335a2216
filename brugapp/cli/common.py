"""What every sub-command shares: opening the store, printing JSON or lines, failing clearly."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import asdict, is_dataclass
from typing import Any

from brugapp.errors import UserError
from brugapp.i18n import _
from brugapp.paths import default_store_path
from brugapp.store import Store, StoreError, open_store

PASSPHRASE_ENV = "BRUGAPP_PASSPHRASE"


class CommandError(UserError):
    """A user-facing failure of a sub-command (already translated)."""


def fail(message: str, code: int = 2) -> int:
    print(_("error: {message}").format(message=message), file=sys.stderr)
    return code


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


def open_cli_store(args: argparse.Namespace, *, migrate: bool = True) -> Store:
    """Open ``--db`` (or the default store), asking for the passphrase only when it is needed."""
    location = store_location(args)
    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    try:
        return open_store(location, passphrase=passphrase, migrate=migrate)
    except StoreError as first_error:
        if passphrase is None and "://" not in location and os.path.exists(location):
            passphrase = passphrase_from_env_or_prompt(required=True)
            try:
                return open_store(location, passphrase=passphrase, migrate=migrate)
            except StoreError as exc:
                raise CommandError(str(exc)) from None
        raise CommandError(str(first_error)) from None


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: to_jsonable(v) for k, v in asdict(value).items()}
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
