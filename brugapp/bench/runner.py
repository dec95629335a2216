"""``brugapp bench``: performance budgets, measured on the data set of a busy programme.

A synthetic store of 10,000 families (plus what each capability adds through ``BENCH_FILLERS``) is
built once; then each benchmark in ``BENCHMARKS`` times a user-facing operation several times and
reports the median against its budget. Budgets live here, not in timed unit tests.
"""

from __future__ import annotations

import importlib
import math
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select

from brugapp.store import Store, open_store
from brugapp.store.models import Family, School
from brugapp.store.search_index import IndexEntry, index_many

BENCH_PASSPHRASE = "bench passphrase for a synthetic store"

# "module:function" – function(store, context) fills more synthetic data for its capability.
BENCH_FILLERS: list[str] = ["brugapp.bench.report:fill_report_data",
                             "brugapp.bench.fillers:fill_notebook_data",
                             "brugapp.bench.fillers:fill_kaart_data",
                             "brugapp.bench.fillers:fill_care_data",
                             "brugapp.bench.fillers:fill_meeting_data"]
# "module:function" – function(store, context) -> list[BenchResult].
# First what a person waits for, each beside its floor (whole processes, keystrokes, screens, prints); then the
# service calls behind them, which locate a regression.
BENCHMARKS: list[str] = ["brugapp.bench.processes:process_benchmarks",
                         "brugapp.bench.search:search_benchmarks",
                         "brugapp.bench.screens:screen_benchmarks",
                         "brugapp.bench.prints:print_benchmarks",
                         # Slot: the 50 MB spreadsheet import (time and peak_mb), brugapp/bench/exchange.py.
                         "brugapp.bench.runner:foundation_benchmarks",
                         "brugapp.bench.report:report_benchmarks",
                         "brugapp.bench.capabilities:capability_benchmarks"]
QUICK_FAMILIES = 1000  # --quick: a tenth of a busy programme

FIRST_NAMES = ["Amina", "Lotte", "Yusuf", "Zoë", "Şükrü", "Kacper", "Noor", "Elif", "Mila", "Rayan", "Anouk",
               "Omar", "Lena", "Ionuț", "Fatma", "Jens", "Sara", "Bilal", "Hanne", "Mehmet"]
LAST_NAMES = ["Janssens", "El Amrani", "Yılmaz", "Peeters", "Kowalski", "Özdemir", "Maes", "Al-Hassan", "Mirga",
              "Claeys", "Demir", "Benali", "Nowak", "Vermeulen", "Çelik", "Haddad", "Lakatos", "Willems", "Aydın"]


@dataclass(frozen=True)
class BenchResult:
    """One row of the table. ``median_ms`` is the measured value (MB when ``unit`` is "MB"); ``p95_ms`` is set
    for a series of keystrokes, and then the budget applies to it. ``floor`` is the same wait measured on the
    floor (a bare window, the raw FTS5 query) in the same run; ``max_ratio`` bounds measured/floor."""

    name: str
    median_ms: float
    budget_ms: float
    runs: int
    p95_ms: float | None = None
    floor: float | None = None
    floor_name: str = ""
    max_ratio: float | None = None
    unit: str = "ms"
    group: str = "service"  # process, search, screen, print, service: what the row times
    margin: float | None = None  # budget = floor + margin (memory)
    peak_mb: float | None = None  # peak memory of the operation, where it is measured (imports)
    cpu_ms: float | None = None  # median CPU time of a run (a whole process: its user + system time)

    @property
    def measured(self) -> float:
        return self.p95_ms if self.p95_ms is not None else self.median_ms

    @property
    def ratio(self) -> float | None:
        return round(self.measured / self.floor, 2) if self.floor else None

    @property
    def within_budget(self) -> bool:
        ratio_ok = self.max_ratio is None or self.ratio is None or self.ratio <= self.max_ratio
        return self.measured <= self.budget_ms and ratio_ok

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "group": self.group, "unit": self.unit, "measured": self.measured,
                "median": self.median_ms, "p95": self.p95_ms, "floor": self.floor, "floor_name": self.floor_name,
                "ratio": self.ratio, "budget": self.budget_ms, "max_ratio": self.max_ratio, "margin": self.margin,
                "peak_mb": self.peak_mb, "cpu_ms": self.cpu_ms, "runs": self.runs,
                "ok": self.within_budget}


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 177 keystrokes is the 169th fastest)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))]


@dataclass
class BenchContext:
    families: int
    folder: Path
    rng: random.Random = field(default_factory=lambda: random.Random(20261125))
    family_ids: list[int] = field(default_factory=list)
    school_ids: list[int] = field(default_factory=list)


def measure(name: str, budget_ms: float, operation: Callable[[], object], *, runs: int = 20,
            warm_up: bool = True, setup: Callable[[], object] | None = None, group: str = "service") -> BenchResult:
    """Median of ``runs`` timed calls (wall clock: what a person waits; CPU time beside it, which a busy machine
    does not inflate). ``setup`` (untimed) runs before each call, e.g. a fresh empty store;
    ``warm_up=False`` skips the untimed first call for long operations such as an import."""
    if warm_up:
        operation()  # warm caches the way a user's second click would
    timings, cpu = [], []
    for _ in range(runs):
        if setup is not None:
            setup()
        started, cpu_started = time.perf_counter(), time.process_time()
        operation()
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return BenchResult(name, round(statistics.median(timings), 2), budget_ms, runs, group=group,
                       cpu_ms=round(statistics.median(cpu), 2))


def _call(spec: str, *args: object) -> object:
    module_name, function_name = spec.split(":")
    return getattr(importlib.import_module(module_name), function_name)(*args)


def fill_families(store: Store, context: BenchContext) -> None:
    """Bulk insert (one transaction) families and their search rows; schools for them."""
    rng = context.rng
    with store.session() as session:
        for n in range(36):  # one programme: fixed hours in 36 schools
            school = School(name=f"Basisschool {LAST_NAMES[n % len(LAST_NAMES)]} {n}", municipality="Kortrijk")
            session.add(school)
        session.flush()
        context.school_ids = list(session.scalars(select(School.id)))
        from brugapp.store.base import new_uuid, utcnow

        now = utcnow()
        rows: list[dict[str, object]] = []
        entries: list[IndexEntry] = []
        for n in range(context.families):
            name = f"Gezin {rng.choice(LAST_NAMES)} ({rng.choice(FIRST_NAMES)}) {n}"
            uuid = new_uuid()
            rows.append({"uuid": uuid, "display_name": name, "preferred_language": "nl",
                         "interpreter_needed": False, "reads_letters": True, "preferred_channel": "",
                         "reference_person": "", "created_at": now, "updated_at": now})
            entries.append(IndexEntry("family", uuid, name, "", uuid))
        session.execute(insert(Family), rows)
        index_many(session, entries)
        context.family_ids = list(session.scalars(select(Family.id)))


def build_bench_store(*, families: int, folder: Path | None = None) -> tuple[Store, BenchContext]:
    folder = folder or Path(tempfile.mkdtemp(prefix="brugapp-bench-"))
    store = open_store(folder / "bench.db", passphrase=BENCH_PASSPHRASE, create=True)
    context = BenchContext(families=families, folder=folder)
    fill_families(store, context)
    for spec in BENCH_FILLERS:
        _call(spec, store, context)
    store.close()  # measure the store as the app opens it: write-ahead log checkpointed, caches cold
    return open_store(folder / "bench.db", passphrase=BENCH_PASSPHRASE), context


def foundation_benchmarks(store: Store, context: BenchContext) -> list[BenchResult]:
    from brugapp.services.families.families import list_family_records

    path = store.path
    assert path is not None

    def cold_open() -> None:
        open_store(path, passphrase=BENCH_PASSPHRASE).close()

    return [
        measure("open encrypted store (key derivation + checks)", 1500, cold_open, runs=5),
        measure(f"list all {context.families} families", 400, lambda: list_family_records(store), runs=10),
    ]


def run_benchmarks(*, families: int = 10_000, progress: Callable[[str], None] | None = None) -> list[BenchResult]:
    """Build the store in a temporary folder, run every benchmark, remove the folder (it holds 10,000 made-up
    families, but a bench leaves nothing behind)."""
    folder = Path(tempfile.mkdtemp(prefix="brugapp-bench-"))
    # Window state, settings and drafts of the measured windows go to the temporary folder, not the user's own.
    home, os.environ["BRUGAPP_HOME"] = os.environ.get("BRUGAPP_HOME"), str(folder / "home")
    try:
        started = time.perf_counter()
        store, context = build_bench_store(families=families, folder=folder)
        if progress:
            progress(f"store of {families} families built in {time.perf_counter() - started:.0f} s")
        try:
            results: list[BenchResult] = []
            for spec in BENCHMARKS:
                results.extend(_call(spec, store, context))  # type: ignore[arg-type]
                if progress:
                    progress(f"{spec.split(':')[1]} done at {time.perf_counter() - started:.0f} s")
            return results
        finally:
            store.close()
    finally:
        if home is None:
            os.environ.pop("BRUGAPP_HOME", None)
        else:
            os.environ["BRUGAPP_HOME"] = home
        shutil.rmtree(folder, ignore_errors=True)
