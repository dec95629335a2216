"""Every string the UI can show has a Dutch translation, and the compiled catalog is current."""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys

from babel.messages.mofile import read_mo

from brugapp import i18n
from tests.paths import REPO_ROOT

ROOT = REPO_ROOT


def _tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_in_the_code_has_a_dutch_translation() -> None:
    tool = _tool()
    extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in tool.extract() if m.id}
    with (ROOT / "translations/nl/LC_MESSAGES/brugapp.mo").open("rb") as fh:
        compiled = read_mo(fh)
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in compiled
        if m.id and (m.string if isinstance(m.string, str) else all(m.string))
    }
    missing = sorted(extracted - translated)
    assert not missing, f"{len(missing)} string(s) without Dutch translation (tools/i18n.py add): {missing[:20]}"


def test_language_switch_changes_text_and_dates() -> None:
    i18n.set_language("nl")
    assert i18n._("Families") == "Gezinnen"
    assert i18n.format_date(dt.date(2026, 11, 23), "full_day") == "maandag 23 november 2026"
    i18n.set_language("en")
    assert i18n._("Families") == "Families"
    assert i18n.format_date(dt.date(2026, 11, 23), "full_day") == "Monday 23 November 2026"


def test_whole_numbers_are_grouped_as_babel_groups_them_in_both_languages() -> None:
    from babel.numbers import format_decimal

    numbers = [0, 7, 999, 1000, 1234, 6984, 31319, 100_000, 1_234_567, -4500]
    try:
        for language, babel_locale in i18n.LANGUAGES.items():
            i18n.set_language(language)
            assert [i18n.format_number(n) for n in numbers] == [format_decimal(n, locale=babel_locale)
                                                                 for n in numbers]
        assert i18n.format_number(31319) == "31,319"  # the last language set: English
        assert i18n.format_number(2.5) == "2.5"  # a fraction still goes to Babel
        i18n.set_language("nl")
        assert (i18n.format_number(31319), i18n.format_number(2.5)) == ("31.319", "2,5")
    finally:
        i18n.set_language("nl")


def test_unknown_language_falls_back_to_dutch() -> None:
    i18n.set_language("xx")
    assert i18n.language() == "nl"


def test_dates_are_formatted_without_pytz_yet_vobject_still_gets_it() -> None:
    # A fresh interpreter: this one has imported pytz long ago (vobject's tests). Babel picks pytz when it can
    # import it, and pytz's first zone lookup costs every start ~16 ms (brugapp/i18n.py:_babel_dates).
    script = (
        "import sys, datetime as dt\n"
        "from brugapp import i18n\n"
        "i18n.set_language('nl')\n"
        "text = i18n.format_datetime(dt.datetime(2026, 12, 2, 14, 30), 'short_day')\n"
        "print(text, 'pytz' in sys.modules)\n"
        "import vobject, pytz\n"
        "print(pytz.timezone('Europe/Brussels'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    formatted, brussels = done.stdout.splitlines()
    assert formatted == "wo 2 dec 14:30 False"
    assert brussels == "Europe/Brussels"


def test_a_period_says_a_shared_month_and_year_once() -> None:
    try:
        i18n.set_language("nl")
        assert i18n.format_date_range(dt.date(2026, 11, 4), dt.date(2026, 11, 9)) == "4–9 nov 2026"
        # thin spaces around the dash, as CLDR writes a range
        assert i18n.format_date_range(dt.date(2026, 11, 4), dt.date(2026, 12, 9)) == "4 nov\u2009–\u20099 dec 2026"
        assert i18n.format_date_range(dt.date(2026, 12, 20), dt.date(2027, 1, 3)) == \
            "20 dec 2026\u2009–\u20093 jan 2027"
        i18n.set_language("en")
        assert i18n.format_date_range(dt.date(2026, 11, 4), dt.date(2026, 11, 9)) == "4\u2009–\u20099 Nov 2026"
    finally:
        i18n.set_language("nl")
