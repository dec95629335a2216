"""argparse in the active language: "usage:", "options:", its help lines and its error texts.

argparse translates through ``gettext`` of its own module (the system's catalogs, usually none), so
``brugapp -h`` mixed our Dutch help with English "usage:" and "options:". ``TranslatedArgumentParser``
lends argparse our catalog (``brugapp.i18n``) while it builds, parses, prints help or reports an error.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from brugapp.i18n import N_, _, ngettext

# argparse's own msgids, listed so that tools/i18n.py extracts them into our catalogs (Python 3.11–3.13).
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("subcommands"),
)
# ngettext pairs argparse uses; the tuple only feeds extraction.
ARGPARSE_PLURALS = (ngettext("expected %s argument", "expected %s arguments", 1),)


def _translate(message: str | None) -> str | None:
    return None if message is None else _(message)


@contextmanager
def _our_catalog() -> Iterator[None]:
    """argparse looks ``_`` and ``ngettext`` up in its module globals at call time: lend it ours."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class TranslatedArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser (and, through ``parser_class``, every sub-parser) speaking the active language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _our_catalog():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with _our_catalog():
            return super().add_subparsers(**kwargs)

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:  # type: ignore[override]
        with _our_catalog():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:
        with _our_catalog():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _our_catalog():
            return super().format_usage()

    def format_help(self) -> str:
        with _our_catalog():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _our_catalog():
            super().error(message)
