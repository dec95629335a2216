"""One locale source: gettext catalogs for text, Babel for dates and numbers.

Modules import ``_`` (translate now) and ``N_`` (mark a vocabulary label, translate when shown).
The Qt layer mirrors the same language through ``brugapp.ui.locale``.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from brugapp.calendar_names import format_plain_date, format_plain_time, plain_pattern
from brugapp.mo_catalog import MoCatalog
from brugapp.paths import TRANSLATIONS

if TYPE_CHECKING:
    from decimal import Decimal  # start-up time: only a type here

    from babel import Locale

DOMAIN = "brugapp"
LANGUAGES: dict[str, str] = {"nl": "nl_BE", "en": "en_GB"}
DEFAULT_LANGUAGE = "nl"
FULL_DAY = "EEEE d MMMM y"  # format_date's "full_day": "woensdag 2 december 2026"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def compiled_catalog_dir() -> str:
    return str(TRANSLATIONS)


def set_language(language: str) -> None:
    """Switch text and formatting together; unknown codes fall back to Dutch."""
    global _translations, _language
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _translations = catalog(language)
    _language = language


@functools.cache
def catalog(language: str) -> gettext.NullTranslations:
    """The compiled messages of ``language`` (read once; none when the catalogue is missing)."""
    path = Path(compiled_catalog_dir()) / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    return MoCatalog(path) if path.is_file() else gettext.NullTranslations()


def language() -> str:
    return _language


@functools.cache
def _babel_locale(language: str) -> Locale:
    # start-up time: Babel (~40 ms) is imported when the first date or number is formatted, not with the catalog
    from babel import Locale

    return Locale.parse(LANGUAGES[language])


def locale() -> Locale:
    return _babel_locale(_language)


@functools.cache
def _babel_dates() -> ModuleType:
    """Babel's date formatting, imported once (start-up time, as in _babel_locale).

    On its import Babel works out the computer's time zone, with pytz when pytz can be imported (vobject installs
    it): pytz's first lookup checks its ~600 zone files, ~16 ms of every start. Hidden for that one import, Babel
    takes the standard library's zoneinfo instead, as it does wherever pytz is not installed; pytz stays importable
    for vobject afterwards. BrugApp never formats in Babel's idea of local time (``domain/clock.py`` decides).
    """
    hide_pytz = "pytz" not in sys.modules
    if hide_pytz:
        sys.modules["pytz"] = None  # type: ignore[assignment]  # None here makes ``import pytz`` fail
    try:
        from babel import dates
    finally:
        if hide_pytz and "pytz" in sys.modules and sys.modules["pytz"] is None:  # two first dates at once: undone once
            del sys.modules["pytz"]
    return dates


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction; translate it later with ``_`` when it is shown."""
    return message


def format_date(value: dt.date, fmt: str = "long") -> str:
    """'maandag 23 november 2026' style dates for the active locale."""
    plain = plain_pattern(FULL_DAY if fmt == "full_day" else fmt)
    if plain is not None:  # day and month names without Babel (calendar_names.py: start-up time)
        return format_plain_date(value, plain, _language)
    if type(value) is not dt.date:  # a datetime formats its date part, uncached (its time would split the cache)
        return _format_date(value, fmt, locale())
    return _format_date_cached(value, fmt, locale())


def _format_date(value: dt.date, fmt: str, locale: Locale) -> str:
    babel_dates = _babel_dates()
    if fmt == "full_day":
        return babel_dates.format_date(value, FULL_DAY, locale=locale)
    return babel_dates.format_date(value, fmt, locale=locale)


# A list of thousands of follow-ups or referrals shows a few hundred distinct days; Babel takes ~0.1 ms per call
# and Qt asks for a cell again on every repaint (brugapp bench: half the time of the Opvolging page).
_format_date_cached = functools.lru_cache(maxsize=4096)(_format_date)


def format_date_range(start: dt.date, end: dt.date) -> str:
    """'4–9 nov 2026', '4 nov – 9 dec 2026': a year or month said once when both days share it."""
    return _babel_dates().format_interval(start, end, "yMMMd", locale=locale())


def format_datetime(value: dt.datetime, fmt: str = "medium") -> str:
    babel_dates = _babel_dates()
    if fmt == "short_day":
        return babel_dates.format_datetime(value, "EEE d MMM HH:mm", locale=locale())
    return babel_dates.format_datetime(value, fmt, locale=locale())


def format_time(value: dt.time | dt.datetime) -> str:
    return format_plain_time(value)  # "HH:mm" in both languages, without Babel (calendar_names.py)


GROUP_SEPARATORS: dict[str, str] = {"nl": ".", "en": ","}  # CLDR's for nl_BE and en_GB (31.319 / 31,319)


def format_number(value: int | float | Decimal) -> str:
    """A number as the language writes it. A whole number is grouped here, without Babel: Vandaag's titles count
    thousands of overdue follow-ups on the first screen (``tests/unit/project/test_i18n.py`` checks it against
    Babel); fractions go to Babel."""
    if isinstance(value, int):
        return f"{value:,}".replace(",", GROUP_SEPARATORS[_language])
    from babel import numbers as babel_numbers  # start-up time, as in _babel_locale

    return babel_numbers.format_decimal(value, locale=locale())


set_language(DEFAULT_LANGUAGE)
