"""What the ``brugapp`` command checks before it knows which command runs: arguments that are not text, and the
one way a refusal is printed. Kept apart from ``cli/common.py`` so starting the window imports no store code."""

from __future__ import annotations

import sys

from brugapp.i18n import _


def fail(message: str, code: int = 2) -> int:
    print(_("error: {message}").format(message=message), file=sys.stderr)
    return code


def unreadable_argument(argv: list[str]) -> str | None:
    """Bytes that are not UTF-8 reach Python as lone surrogates, which no terminal or file can show or hold.

    Returns a message naming the argument (by position, shown with escapes), or None when all are text.
    """
    for position, argument in enumerate(argv, start=1):
        if any("\ud800" <= char <= "\udfff" for char in argument):
            shown = argument.encode("utf-8", "surrogateescape" if _only_escapes(argument) else "surrogatepass")
            return _("argument {position} ({shown}) is not valid text (UTF-8). Retype it, or rename the file "
                     "so its name is valid UTF-8.").format(position=position,
                                                          shown=repr(shown)[2:-1])
    return None


def _only_escapes(argument: str) -> bool:
    """Surrogates from undecodable bytes (U+DC80–U+DCFF) can be turned back into those bytes."""
    return all(not "\ud800" <= c <= "\udfff" or "\udc80" <= c <= "\udcff" for c in argument)
