"""Signals (signalen): structural problems passed on to the local network, anonymised, in the year report."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect

from brugapp.cli import main
from brugapp.domain.schoolyear import SchoolYear
from brugapp.errors import ValidationError
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.reporting.report import school_year_report
from brugapp.services.reporting.signals import list_signals, record_signal
from brugapp.store import migrations
from tests.factories import make_family, make_school


def test_signal_is_recorded_listed_and_reported(store) -> None:
    # GIVEN a school and a signal about slum landlords in five families
    school = make_school(store, name="Basisschool De Vlieger")
    record_signal(store, theme="poverty.housing", description="Huisjesmelkers in de Stationswijk",
                  families_concerned=5, passed_on_to="Lokaal Netwerk Kinderarmoede",
                  signalled_on="12-03-2026", school_id=school)
    record_signal(store, theme="admin.school_costs", description="Facturen te laat", families_concerned=2,
                  signalled_on=dt.date(2026, 9, 2))
    # WHEN the signals of 2025–2026 are listed and reported
    signals = list_signals(store, school_year=SchoolYear(2025))
    report = school_year_report(store, school_year=SchoolYear(2025), school_id=school)
    # THEN only that one is in the year, with its school
    assert [(s.theme, s.families_concerned, s.school_name) for s in signals] == [
        ("poverty.housing", 5, "Basisschool De Vlieger")]
    rows = report.table("signals").shown_rows()
    assert rows == [["12 mrt 2026", "Wonen", "Huisjesmelkers in de Stationswijk", "5", "Lokaal Netwerk Kinderarmoede"]]
    assert report.table("summary").raw_count("Signals passed on") == 1
    # AND the other one, in 2026–2027, shows its 2 families as "<5"
    later = school_year_report(store, school_year=SchoolYear(2026)).table("signals").shown_rows()
    assert later[0][3] == "<5"


def test_signal_with_a_family_name_is_refused(store) -> None:
    family = make_family(store, display_name="Gezin El Amrani")
    add_member(store, family_id=family, member=MemberInput("parent", "Fatma", "Özdemir"))
    for text in ("Huisjesmelker bij gezin El Amrani", "Fatma Özdemir kreeg geen woning", "probleem bij özdemir"):
        with pytest.raises(ValidationError) as error:
            record_signal(store, theme="poverty.housing", description=text, families_concerned=1)
        assert error.value.field == "description"
    assert list_signals(store) == []


@pytest.mark.parametrize(("fields", "field"), [
    ({"theme": "nope"}, "theme"),
    ({"description": "  "}, "description"),
    ({"families_concerned": -1}, "families_concerned"),
    ({"signalled_on": "gisteren"}, "signalled_on"),
])
def test_bad_signal_input_names_the_field(store, fields, field) -> None:
    data = {"theme": "poverty.food", "description": "Sociale kruidenier dicht", "families_concerned": 3, **fields}
    with pytest.raises(ValidationError) as error:
        record_signal(store, **data)
    assert error.value.field == field


def test_list_signals_cli(store, capsys) -> None:
    record_signal(store, theme="poverty.food", description="Sociale kruidenier dicht", families_concerned=6,
                  signalled_on=dt.date(2026, 1, 5))
    assert main(["list", "signals", "--db", str(store.path)]) == 0
    out = capsys.readouterr().out
    assert "Voeding en basisbehoeften" in out and "6 gezinnen" in out


def test_signals_migration_merges_the_heads(store) -> None:
    heads = migrations.head_revisions()
    assert len(heads) == 1  # 0006 merged the branches; later revisions (0007 bench indexes) chain on it
    assert set(migrations.current_revisions(store)) == set(heads)
    assert "signals" in inspect(store.engine).get_table_names()
