"""The first screen's dates without Babel (brugapp/calendar_names.py) read exactly as Babel writes them."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest
from babel import Locale
from babel import dates as babel_dates

from brugapp import i18n
from brugapp.calendar_names import format_plain_date, format_plain_time, plain_pattern
from tests.paths import REPO_ROOT

TWO_YEARS = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(731)]


def _patterns_the_app_formats() -> set[str]:
    """Every literal pattern handed to ``format_date`` in the app's code (read from the source, so a new one is
    checked too)."""
    found: set[str] = set()
    for path in (REPO_ROOT / "brugapp").rglob("*.py"):
        found |= set(re.findall(r"""format_date\([^()]*(?:\([^()]*\)[^()]*)*,\s*['"]([^'"]+)['"]\)""",
                                path.read_text(encoding="utf-8")))
    return found


def test_the_source_is_read_for_patterns() -> None:
    patterns = _patterns_the_app_formats()
    assert {"EEE d MMM", "d MMM", "full_day", "medium", "long"} <= patterns


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_every_plain_pattern_of_the_app_matches_babel_every_day_of_two_years(language: str) -> None:
    locale = Locale.parse(i18n.LANGUAGES[language])
    plain = {(p, plain_pattern(i18n.FULL_DAY if p == "full_day" else p)) for p in _patterns_the_app_formats()}
    plain = {(p, tokens) for p, tokens in plain if tokens is not None}
    assert {p for p, _ in plain} >= {"full_day", "EEE d MMM", "d MMM", "d MMM y"}
    for pattern, tokens in sorted(plain):
        babel_pattern = i18n.FULL_DAY if pattern == "full_day" else pattern
        for day in TWO_YEARS:
            assert format_plain_date(day, tokens, language) == babel_dates.format_date(
                day, babel_pattern, locale=locale), (language, pattern, day)


def test_patterns_with_other_fields_or_babel_names_are_left_to_babel() -> None:
    for pattern in ("long", "medium", "short", "full", "dd-MM-y", "d 'de' MMMM", "EEEE, d MMMM y G", "QQQ y"):
        assert plain_pattern(pattern) is None, pattern
    assert plain_pattern("EEE d MMM") == ("EEE", " ", "d", " ", "MMM")


def test_format_date_in_the_active_language_goes_both_ways() -> None:
    try:
        i18n.set_language("nl")
        assert i18n.format_date(dt.date(2026, 12, 2), "EEE d MMM") == "wo 2 dec"
        assert i18n.format_date(dt.datetime(2026, 9, 30, 23, 0), "d MMM y") == "30 sep 2026"
        assert i18n.format_date(dt.date(2026, 12, 2), "long") == "2 december 2026"  # Babel
        i18n.set_language("en")
        assert i18n.format_date(dt.date(2026, 9, 30), "EEE d MMM") == "Wed 30 Sept"
        assert i18n.format_date(dt.date(2026, 12, 2), "full_day") == "Wednesday 2 December 2026"
    finally:
        i18n.set_language("nl")


@pytest.mark.parametrize("value", [
    dt.time(9, 5), dt.datetime(2026, 12, 2, 23, 59),
    dt.datetime(2026, 3, 29, 2, 30, tzinfo=ZoneInfo("Europe/Brussels")), dt.datetime(2026, 12, 2, 7, 0, tzinfo=dt.UTC),
])
def test_times_are_babels_hh_mm_without_conversion(value: dt.time | dt.datetime) -> None:
    for language in i18n.LANGUAGES.values():
        assert format_plain_time(value) == babel_dates.format_time(value, "HH:mm", locale=Locale.parse(language))


def test_vandaags_dates_and_times_do_not_import_babel() -> None:
    # A fresh interpreter, as at a start: the first screen's formats need no Babel (its import and data ~30 ms)
    script = (
        "import sys, datetime as dt\n"
        "from brugapp import i18n\n"
        "print(i18n.format_date(dt.date(2026, 12, 2), 'full_day'), '|', i18n.format_date(dt.date(2026, 12, 2), "
        "'EEE d MMM'), '|', i18n.format_time(dt.time(9, 30)), '|', 'babel' in sys.modules)\n"
        "print(i18n.format_date(dt.date(2026, 12, 2), 'medium'), 'babel' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True,
                          cwd=REPO_ROOT)
    first, later = done.stdout.splitlines()
    assert first == "woensdag 2 december 2026 | wo 2 dec | 09:30 | False"
    assert later == "2 dec 2026 True"
