"""The benchmark runs end to end on a small synthetic store and reports every budget."""

from __future__ import annotations

import json

from brugapp.cli import main


def test_bench_reports_each_budget_as_json(capsys) -> None:
    code = main(["bench", "--families", "300", "--json"])
    results = json.loads(capsys.readouterr().out)
    names = [r["name"] for r in results]
    assert "global search as you type" in names
    assert all(r["median_ms"] > 0 and r["budget_ms"] > 0 for r in results)
    assert code == (0 if all(r["within_budget"] for r in results) else 1)
