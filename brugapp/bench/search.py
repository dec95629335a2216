"""Search as you type, keystroke by keystroke, beside the raw FTS5 query on the same file.

Ten names and words a brugfiguur types (a family name every label shares, "gezin"; names with accents typed
without them; services and towns of the sociale kaart), at every prefix from the first letter. Each prefix is
timed in the search popup of the main window (what fills the list under the search field), in the service
behind it, and as the bare FTS5 query with the same match expression through the driver (no SQLAlchemy, no
Python around it): the floor of what the index can answer.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from brugapp.bench.base import BenchContext, BenchResult, percentile
from brugapp.store import Store
from brugapp.store.search_index import match_expression

TYPED = ["gezin", "yilmaz amina", "el amrani", "ozdemir", "zoe peeters", "schuldhulp kortrijk", "huiswerkklas",
         "opvoedingswinkel", "janssens", "crisismeldpunt"]
KEYSTROKE_MS = 50.0
RAW_RATIO = 2.0
PAGE = 30  # rows the popup asks for


def prefixes() -> list[str]:
    """Every prefix as typed; a prefix ending in a space is the same search as the one before it."""
    return [word[:n] for word in TYPED for n in range(1, len(word) + 1) if not word[:n].endswith(" ")]


CPU_KEY = ""  # the series of CPU times in a timings dict (no prefix is empty)


def _timed(operation: Callable[[str], object], texts: list[str], rounds: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {text: [] for text in texts}
    cpu: list[float] = []
    for _round in range(rounds):
        for text in texts:
            started, cpu_started = time.perf_counter(), time.process_time()
            operation(text)
            timings[text].append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
    return {**timings, CPU_KEY: cpu}


def raw_fts(store: Store) -> Callable[[str], object]:
    connection = store.engine.raw_connection()

    def query(text: str) -> object:
        match = match_expression(text)
        if not match:
            return []
        cursor = connection.cursor()
        cursor.execute("SELECT kind, ref_uuid, family_uuid, label FROM search_index WHERE search_index MATCH ? "
                       "LIMIT ?", (match, PAGE))
        rows = cursor.fetchall()
        cursor.close()
        return rows

    query.close = connection.close  # type: ignore[attr-defined]
    return query


def _row(name: str, timings: dict[str, list[float]], raw: dict[str, list[float]], group: str) -> BenchResult:
    samples = [t for text, series in timings.items() if text != CPU_KEY for t in series]
    raw_samples = [t for text, series in raw.items() if text != CPU_KEY for t in series]
    return BenchResult(name, round(statistics.median(samples), 2), KEYSTROKE_MS, len(samples),
                       p95_ms=round(percentile(samples, 0.95), 2), floor=round(percentile(raw_samples, 0.95), 2),
                       floor_name="raw FTS5 query, p95", max_ratio=RAW_RATIO, group=group,
                       cpu_ms=round(statistics.median(timings[CPU_KEY]), 2))


def _slowest(name: str, timings: dict[str, list[float]], raw: dict[str, list[float]]) -> BenchResult:
    """The prefix a person waits longest for (median of its rounds), beside the raw query of that prefix."""
    text, series = max(((t, s) for t, s in timings.items() if t != CPU_KEY),
                       key=lambda item: statistics.median(item[1]))
    return BenchResult(f"{name}: slowest prefix '{text}'", round(statistics.median(series), 2), KEYSTROKE_MS,
                       len(series), floor=round(statistics.median(raw[text]), 2), floor_name="raw FTS5, same prefix",
                       group="search")


def search_benchmarks(store: Store, context: BenchContext) -> list[BenchResult]:
    from brugapp.bench.screens import open_main_window
    from brugapp.services.search import search_everything

    texts = prefixes()
    rounds = 3
    query = raw_fts(store)
    try:
        query("warm")
        raw = _timed(query, texts, rounds)
    finally:
        query.close()  # type: ignore[attr-defined]
    service = _timed(lambda text: search_everything(store, text=text, limit=PAGE), texts, rounds)
    window = open_main_window(store)
    popup = window.search_popup

    def type_in_popup(text: str) -> None:
        window.search_field.setText(text)  # starts the popup's debounce timer; the search itself is timed
        popup.run_search()

    try:
        popup_timings = _timed(type_in_popup, texts, rounds)
    finally:
        window.close()
    name = f"search as you type, {len(texts)} prefixes of {len(TYPED)} names and words"
    return [_row(f"{name} (search popup)", popup_timings, raw, "search"),
            _slowest("search popup", popup_timings, raw),
            _row(f"{name} (service, from 1 letter)", service, raw, "search"),
            _slowest("search service", service, raw)]
