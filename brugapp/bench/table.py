"""The bench's output: a table for a person, a JSON document for comparing runs across commits."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from pathlib import Path

from brugapp.bench.base import BenchResult

COLUMNS = ("what", "measured", "cpu", "floor", "ratio", "budget", "ok")


def _value(value: float | None, unit: str) -> str:
    return "–" if value is None else f"{value:,.1f} {unit}"


def budget_text(result: BenchResult) -> str:
    if result.margin is not None:
        return f"≤ floor + {result.margin:.0f} {result.unit}"
    parts = [] if result.max_ratio is not None and result.floor and result.p95_ms is None else \
        [f"≤ {result.budget_ms:,.0f} {result.unit}"]
    if result.max_ratio is not None:
        parts.append(f"≤ {result.max_ratio:g}× floor")
    return " and ".join(parts)


def measured_text(result: BenchResult) -> str:
    if result.p95_ms is not None:
        return f"p50 {result.median_ms:,.1f} / p95 {result.p95_ms:,.1f} {result.unit}"
    return _value(result.median_ms, result.unit)


def rows(results: list[BenchResult]) -> list[tuple[str, ...]]:
    return [(r.name, measured_text(r), _value(r.cpu_ms, "ms"),
             (f"{_value(r.floor, r.unit)} ({r.floor_name})" if r.floor_name else
                                       _value(r.floor, r.unit)),
             "–" if r.ratio is None else f"{r.ratio:.2f}×", budget_text(r), "ok" if r.within_budget else "FAIL")
            for r in results]


def markdown_table(results: list[BenchResult]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(results)]
    return "\n".join(lines)


def text_table(results: list[BenchResult]) -> str:
    table = [COLUMNS, *rows(results)]
    widths = [max(len(row[i]) for row in table) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
                     for row in table)


def machine() -> dict[str, object]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {"python": platform.python_version(), "system": platform.platform(), "processor": _cpu_name(),
            "cpus": os.cpu_count(), "load_average_1_5_15": [round(x, 2) for x in load]}


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=Path(__file__).parent, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def document(results: list[BenchResult], *, families: int, seconds: float) -> dict[str, object]:
    return {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "commit": _commit(), "families": families,
            "seconds": round(seconds, 1), "machine": machine(), "all_ok": all(r.within_budget for r in results),
            "results": [r.as_json() for r in results]}
