"""Dates in the app's two languages in a few plain patterns, without Babel: the first screen's dates.

Vandaag shows its title ("woensdag 2 december 2026"), due days ("wo 2 dec") and times ("09:30"); Babel's import
and its first locale data take ~30 ms of every start (``brugapp bench``: start-up), for names that never change.
The names below are CLDR's as Babel 2 has them (the 'format' context, Monday first);
``tests/unit/project/test_calendar_names.py`` checks every plain pattern the app uses against Babel for every day of
two years, in both languages, so a Babel whose data differs fails there. Every other pattern ("long", "medium",
anything with another field) goes to Babel (``brugapp/i18n.py``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

DAYS_WIDE = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
DAYS_SHORT = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
MONTHS_WIDE = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
MONTHS_SHORT = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"),
}

_FIELD = {
    "EEEE": lambda day, lang: DAYS_WIDE[lang][day.weekday()],
    "EEE": lambda day, lang: DAYS_SHORT[lang][day.weekday()],
    "MMMM": lambda day, lang: MONTHS_WIDE[lang][day.month - 1],
    "MMM": lambda day, lang: MONTHS_SHORT[lang][day.month - 1],
    "d": lambda day, lang: str(day.day),
    "y": lambda day, lang: str(day.year),
}
# A plain pattern: the fields above between spaces and punctuation (no letters, no quotes: Babel's own syntax)
_TOKEN = re.compile(r"EEEE|EEE|MMMM|MMM|d|y|[^A-Za-z']")


@functools.cache
def plain_pattern(pattern: str) -> tuple[str, ...] | None:
    """The pattern's fields and literals, or None when it is not plain (Babel then formats it)."""
    tokens = tuple(_TOKEN.findall(pattern))
    return tokens if "".join(tokens) == pattern else None


def format_plain_date(value: dt.date, tokens: tuple[str, ...], language: str) -> str:
    """``value`` in the pattern ``plain_pattern`` split, in ``language`` ("nl" or "en")."""
    return "".join(_FIELD[token](value, language) if token in _FIELD else token for token in tokens)


def format_plain_time(value: dt.time | dt.datetime) -> str:
    """"09:30": the hours and minutes of ``value`` as they are (Babel's "HH:mm" does not convert them either)."""
    return f"{value.hour:02d}:{value.minute:02d}"


__all__ = ["format_plain_date", "format_plain_time", "plain_pattern"]
