"""``brugapp init``: an empty encrypted store, with a passphrase as strong as the first-run screen asks.

Also home of ``new_store_passphrase``, the one way the command line chooses the passphrase of a NEW store
(``init``, ``demo create``): from ``BRUGAPP_PASSPHRASE`` or typed twice at a prompt, and never weaker than
``domain/passphrase.py`` allows.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from brugapp.cli.common import PASSPHRASE_ENV, CommandError, store_location
from brugapp.domain.passphrase import passphrase_strength
from brugapp.i18n import _
from brugapp.store import StoreError, open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "init", help=_("create a new, empty encrypted store (passphrase twice, or from {env})").format(
            env=PASSPHRASE_ENV)
    )
    parser.set_defaults(handler=run_init)


def check_new_passphrase(passphrase: str) -> str:
    """The rule of the first-run screen: too short is refused with the same words."""
    strength = passphrase_strength(passphrase)
    if strength.score == 0:
        raise CommandError(_(strength.hint))
    return passphrase


def new_store_passphrase() -> str:
    """``BRUGAPP_PASSPHRASE``, or asked twice in a terminal; checked for strength either way."""
    from_environment = os.environ.get(PASSPHRASE_ENV)
    if from_environment:
        return check_new_passphrase(from_environment)
    if sys.stdin is None or not sys.stdin.isatty():
        raise CommandError(
            _("Choose a passphrase for the new store: set {env} or run the command in a terminal.").format(
                env=PASSPHRASE_ENV)
        )
    passphrase = check_new_passphrase(getpass.getpass(_("New passphrase: ")))
    if getpass.getpass(_("Type the passphrase again: ")) != passphrase:
        raise CommandError(_("The two passphrases are not the same."))
    return passphrase


def run_init(args: argparse.Namespace) -> int:
    location = store_location(args)
    if "://" in location:
        raise CommandError(_("brugapp init makes a store file; give a file path with --db, not a URL."))
    path = Path(location).expanduser()
    if path.exists():
        raise CommandError(
            _("There is already a file at {path}. BrugApp never overwrites it: choose another path with "
              "--db, or open it as it is.").format(path=path)
        )
    passphrase = new_store_passphrase()
    try:
        store = open_store(path, passphrase=passphrase, create=True)
    except StoreError as exc:
        path.unlink(missing_ok=True)  # nothing half-made stays behind
        raise CommandError(str(exc)) from None
    store.close()
    print(_("New encrypted store at {path}. Keep the passphrase safe: it cannot be recovered.").format(path=path))
    return 0
