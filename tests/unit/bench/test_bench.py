"""The benchmark runs end to end on a small synthetic store and reports every budget."""

from __future__ import annotations

import json

from brugapp.cli import main

# Every budget the harness must report (names of benchmarks that carry counts are matched on their start).
EXPECTED = [
    "open encrypted store", "list all 300 families", "global search as you type",
    "quick log: save a contact moment", "global search as you type (every kind indexed)",
    "families page: load 300 families", "family timeline", "Vandaag: promises, follow-ups due, today's contacts",
    "sociale kaart: load 60 services", "sociale kaart: filter 60 services per keystroke",
    "sociale kaart: find 'schulden kortrijk'", "sociale kaart: import 60 services from CSV",
    "sociale kaart: re-import the CSV (60 updates)", "sociale kaart: import 60 services from an HSDS package",
    "referrals page: open referrals", "follow-ups due this week", "meeting agenda with previous action points",
    "print a referral sheet (PDF)", "sociale kaart: stream-import a",
]


def test_bench_reports_each_budget_as_json(capsys) -> None:
    # GIVEN a small programme (300 families, a map of 60 services) WHEN the benchmark runs
    code = main(["bench", "--families", "300", "--json"])
    results = json.loads(capsys.readouterr().out)
    names = [r["name"] for r in results]
    # THEN every benchmark is there, measured, with its budget (no timing asserted: budgets live in the bench)
    for expected in EXPECTED:
        assert any(name.startswith(expected) for name in names), expected
    assert len(names) == len(set(names))
    assert all(r["median_ms"] > 0 and r["budget_ms"] > 0 and r["runs"] >= 1 for r in results)
    assert code == (0 if all(r["within_budget"] for r in results) else 1)
