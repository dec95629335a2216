"""The first steps of a start, before the command line module (argparse, the translations, the settings) is
imported: what the command line asks for, and what can begin that early (``python -m brugapp``, ``cli.main``)."""

from __future__ import annotations

WINDOW_OPTIONS_WITH_VALUE = ("--db", "--lang")


def starts_gui(argv: list[str]) -> bool:
    """Only window options (no sub-command, no --help): the window starts without importing the command groups."""
    rest = iter(argv)
    for arg in rest:
        if arg in WINDOW_OPTIONS_WITH_VALUE:
            next(rest, None)
        elif arg in ("-h", "--help") or not arg.startswith("-"):
            return False
    return True


def value_of(argv: list[str], option: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg == option and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(f"{option}="):
            return arg.split("=", 1)[1]
    return None


def prepare_start(argv: list[str]) -> None:
    """``brugapp bench``'s unlocking begins (``ui/unlock_ahead.py``); for the window, the regular expressions that
    the imports compile come from the start's cache from here on (``ui/pyside_import_cache.py``)."""
    from brugapp.ui.unlock_ahead import start_bench_unlock_early  # start-up time: the key derivation first

    start_bench_unlock_early(argv)
    if starts_gui(argv):
        from brugapp.ui.pyside_import_cache import cache_patterns_from_start, start_cache_file

        cache_patterns_from_start(start_cache_file())
