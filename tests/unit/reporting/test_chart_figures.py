"""The charts compare with last year through ``chart_figures``: the same figures as the full year report,
for all schools and for one school, at half the queries."""

from __future__ import annotations

import pytest

from brugapp.errors import NotFoundError
from brugapp.services.reporting.report import chart_figures, school_year_report
from tests.unit.reporting.test_report import YEAR, school_data  # noqa: F401 - the fixture is used by name

CHART_TABLES = ("channels", "themes", "referral_types", "referral_intensity", "referral_outcome")


@pytest.mark.parametrize("one_school", [False, True])
def test_chart_figures_are_the_year_reports_figures(store, school_data, one_school) -> None:  # noqa: F811
    school_id = school_data["school"] if one_school else None
    full = school_year_report(store, school_year=YEAR, school_id=school_id)
    light = chart_figures(store, school_year=YEAR, school_id=school_id)
    keys = [table.key for table in light.tables]
    assert set(CHART_TABLES) <= set(keys)
    for key in keys:
        assert light.table(key) == full.table(key)
    assert any(light.table("channels").rows)  # the data set has contact moments: the comparison is not empty


def test_an_unknown_school_is_refused(store) -> None:
    with pytest.raises(NotFoundError):
        chart_figures(store, school_year=YEAR, school_id="no-such-school")
