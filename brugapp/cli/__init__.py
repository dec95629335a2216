"""The ``brugapp`` command: the GUI by default, sub-commands for headless jobs.

Each capability adds a module to ``COMMAND_MODULES`` with a ``register(subparsers)`` function that
adds its sub-commands and sets ``handler`` (a function taking the parsed args, returning an exit code).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from brugapp import __version__
from brugapp.cli.common import CommandError, fail
from brugapp.i18n import _, set_language

COMMAND_MODULES = (
    "brugapp.cli.store_commands",
    "brugapp.cli.selftest_command",
    "brugapp.cli.kaart_commands",
    "brugapp.cli.bench_command",
    "brugapp.cli.notebook_commands",
    "brugapp.cli.meeting_commands",
    "brugapp.cli.print_commands",
    "brugapp.cli.referral_commands",
    "brugapp.cli.report_commands",
)


def build_gui_parser() -> argparse.ArgumentParser:
    """The options of the window itself (``brugapp [--db PATH] [--lang nl|en] [--demo]``)."""
    parser = argparse.ArgumentParser(
        prog="brugapp",
        description=_("BrugApp: notebook, sociale kaart and meetings for brugfiguren."),
    )
    parser.add_argument("--version", action="version", version=f"BrugApp {__version__}")
    parser.add_argument("--db", metavar="PATH", help=_("open this data file or database URL"))
    parser.add_argument("--lang", choices=("nl", "en"), help=_("language of the interface"))
    parser.add_argument("--demo", action="store_true", help=_("open a throwaway demo store"))
    return parser


def _starts_gui(argv: list[str]) -> bool:
    """Only window options (no sub-command, no --help): importing the command groups (services, printing) took
    a quarter of the start-up (``brugapp bench``)."""
    valued = {"--db", "--lang"}
    rest = iter(argv)
    for arg in rest:
        if arg in valued:
            next(rest, None)
        elif arg in ("-h", "--help") or not arg.startswith("-"):
            return False
    return True


def build_parser() -> argparse.ArgumentParser:
    parser = build_gui_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    _accept_db_everywhere(subparsers)
    return parser


def _accept_db_everywhere(subparsers: argparse._SubParsersAction) -> None:
    """``--db`` may stand before or after the sub-command (``brugapp list families --db x.db``)."""
    for parser in set(subparsers.choices.values()):
        if not any("--db" in action.option_strings for action in parser._actions):
            parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                                help=_("open this data file or database URL"))
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_db_everywhere(action)


def _language_from(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from brugapp.settings import load_settings

    # Help texts are translated too, so the language is chosen before the parser is built.
    set_language(_language_from(argv) or load_settings().language)
    if _starts_gui(argv):  # no sub-command: the window, without importing every command group first
        from brugapp.ui.app import run_gui

        gui = build_gui_parser().parse_args(argv)
        return run_gui(db=gui.db, demo=gui.demo, language=gui.lang)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from brugapp.ui.app import run_gui

        return run_gui(db=args.db, demo=args.demo, language=args.lang)
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows up here, not at exit where it cannot be caught
        return code
    except CommandError as exc:
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
