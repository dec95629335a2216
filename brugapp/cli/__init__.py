"""The ``brugapp`` command: the GUI by default, sub-commands for headless jobs.

Each capability imports its module into ``cli/commands.COMMAND_MODULES``; the module's ``register(subparsers)`` adds its
sub-commands and sets ``handler`` (a function taking the parsed args, returning an exit code).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from types import ModuleType
from typing import TYPE_CHECKING

from brugapp import __version__
from brugapp.cli.argparse_i18n import TranslatedArgumentParser
from brugapp.cli.arguments import fail, unreadable_argument
from brugapp.errors import UserError
from brugapp.i18n import _, set_language
from brugapp.start import starts_gui, value_of
from brugapp.ui.unlock_ahead import bench_unlock_from_stdin

if TYPE_CHECKING:
    from brugapp.ui.unlock_ahead import Unlocking


def command_modules() -> tuple[ModuleType, ...]:
    # start-up time: the command groups are imported only when a sub-command (or --help) is asked for
    from brugapp.cli.commands import COMMAND_MODULES

    return COMMAND_MODULES


def build_gui_parser() -> argparse.ArgumentParser:
    """The options of the window itself (``brugapp [--db PATH] [--lang nl|en] [--demo]``)."""
    parser = TranslatedArgumentParser(
        prog="brugapp",
        description=_("BrugApp: notebook, sociale kaart and meetings for brugfiguren."),
    )
    parser.add_argument("--version", action="version", version=f"BrugApp {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--db", metavar=_("PATH"), help=_("open this data file or database URL"))
    parser.add_argument("--lang", choices=("nl", "en"), help=_("language of the interface"))
    parser.add_argument("--demo", action="store_true", help=_("open a throwaway demo store"))
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = build_gui_parser()
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for module in command_modules():
        module.register(subparsers)
    _accept_db_everywhere(subparsers)
    return parser


def _accept_db_everywhere(subparsers: argparse._SubParsersAction) -> None:
    """``--db`` may stand before or after the sub-command (``brugapp list families --db x.db``)."""
    for parser in set(subparsers.choices.values()):
        if not any("--db" in action.option_strings for action in parser._actions):
            parser.add_argument("--db", metavar=_("PATH"), default=argparse.SUPPRESS,
                                help=_("open this data file or database URL"))
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_db_everywhere(action)


def _language_from(argv: list[str]) -> str | None:
    return value_of(argv, "--lang")


def _run_gui(args: argparse.Namespace, unlocking: Unlocking | None) -> int:
    from brugapp.ui.pyside_import_cache import import_pyside, start_cache_file

    # start-up time: what shiboken compiles at each start (its code, its regular expressions) from a cache (~30 ms)
    import_pyside(start_cache_file())
    from brugapp.ui.app import run_gui

    return run_gui(db=args.db, demo=args.demo, language=args.lang, unlocking=unlocking)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if starts_gui(argv):
        # The window collects garbage on its own thread only (ui/gc_guard.py); off from here, the start-up's
        # imports do not stop for some seventy collections either (start-up time).
        gc.disable()
    # ``brugapp bench`` only (a hidden switch): the passphrase is on stdin, so unlocking starts before anything
    # else is imported, as a person's typing would have come before the window (ui/unlock_ahead.py).
    unlocking = bench_unlock_from_stdin(value_of(argv, "--db")) if starts_gui(argv) else None
    from brugapp.settings import load_settings

    # Help texts are translated too, so the language is chosen before the parser is built.
    set_language(_language_from(argv) or load_settings().language)
    problem = unreadable_argument(argv)
    if problem is not None:
        return fail(problem)
    if starts_gui(argv):  # no sub-command: the window, without importing every command group first
        gui = build_gui_parser().parse_args(argv)
        return _run_gui(gui, unlocking)
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _run_gui(args, None)
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows up here, not at exit where it cannot be caught
        return code
    except UserError as exc:  # a CommandError, a service or the store refusing (busy, damaged): translated
        return fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _closed_pipe()


def _closed_pipe() -> int:
    """The reader went away (``brugapp list families | head -1``): stop quietly, as ``ls`` would."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's final flush must not fail again
    except (OSError, ValueError):
        pass
    return 141  # 128 + SIGPIPE, what the shell reports for a command cut off by a pipe
