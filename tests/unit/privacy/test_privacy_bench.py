"""The privacy budgets run (their timing is judged by ``brugapp bench``, not here)."""

from __future__ import annotations

from brugapp.bench.base import BenchContext
from brugapp.bench.privacy import privacy_benchmarks


def test_privacy_benchmarks_measure_each_use_case(store, vermeulen, tmp_path):
    results = privacy_benchmarks(store, BenchContext(families=2, folder=tmp_path))
    assert [r.name.split(" (")[0].split(":")[0] for r in results] == [
        "retention", "access export of one family", "record a signal", "handover bundle"]
    assert all(r.median_ms > 0 and r.budget_ms > 0 for r in results)
    assert (tmp_path / "bench.brugbundle").exists() and (tmp_path / "access.json").exists()
