"""``brugapp bench``: performance budgets, measured on the data set of a busy programme.

A synthetic store of 10,000 families (plus what each capability adds through ``BENCH_FILLERS``) is
built once; then each benchmark in ``BENCHMARKS`` times a user-facing operation several times and
reports the median against its budget. Budgets live here, not in timed unit tests.
"""

from __future__ import annotations

import importlib
import random
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
BENCHMARKS: list[str] = ["brugapp.bench.runner:foundation_benchmarks",
                         "brugapp.bench.report:report_benchmarks",
                         "brugapp.bench.capabilities:capability_benchmarks",
                         "brugapp.bench.exchange:exchange_benchmarks",
                         "brugapp.bench.privacy:privacy_benchmarks"]

FIRST_NAMES = ["Amina", "Lotte", "Yusuf", "Zoë", "Şükrü", "Kacper", "Noor", "Elif", "Mila", "Rayan", "Anouk",
               "Omar", "Lena", "Ionuț", "Fatma", "Jens", "Sara", "Bilal", "Hanne", "Mehmet"]
LAST_NAMES = ["Janssens", "El Amrani", "Yılmaz", "Peeters", "Kowalski", "Özdemir", "Maes", "Al-Hassan", "Mirga",
              "Claeys", "Demir", "Benali", "Nowak", "Vermeulen", "Çelik", "Haddad", "Lakatos", "Willems", "Aydın"]


@dataclass(frozen=True)
class BenchResult:
    name: str
    median_ms: float
    budget_ms: float
    runs: int

    @property
    def within_budget(self) -> bool:
        return self.median_ms <= self.budget_ms


@dataclass
class BenchContext:
    families: int
    folder: Path
    rng: random.Random = field(default_factory=lambda: random.Random(20261125))
    family_ids: list[int] = field(default_factory=list)
    school_ids: list[int] = field(default_factory=list)


def measure(name: str, budget_ms: float, operation: Callable[[], object], *, runs: int = 20,
            warm_up: bool = True, setup: Callable[[], object] | None = None) -> BenchResult:
    """Median of ``runs`` timed calls. ``setup`` (untimed) runs before each call, e.g. a fresh empty store;
    ``warm_up=False`` skips the untimed first call for long operations such as an import."""
    if warm_up:
        operation()  # warm caches the way a user's second click would
    timings = []
    for _ in range(runs):
        if setup is not None:
            setup()
        started = time.perf_counter()
        operation()
        timings.append((time.perf_counter() - started) * 1000)
    return BenchResult(name, round(statistics.median(timings), 2), budget_ms, runs)


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
    from brugapp.services.search import search_everything

    path = store.path
    assert path is not None

    def cold_open() -> None:
        open_store(path, passphrase=BENCH_PASSPHRASE).close()

    queries = ["yilmaz", "zoe", "ozdemir amina", "gezin", "claeys 12"]
    cycle = iter(queries * 100)
    return [
        measure("open encrypted store (key derivation + checks)", 1500, cold_open, runs=5),
        measure(f"list all {context.families} families", 400, lambda: list_family_records(store), runs=10),
        measure("global search as you type", 50, lambda: search_everything(store, text=next(cycle))),
    ]


def run_benchmarks(*, families: int = 10_000) -> list[BenchResult]:
    # The synthetic store (~130 MB at 10,000 families) and its exports go when the run ends, also on an error.
    with tempfile.TemporaryDirectory(prefix="brugapp-bench-") as folder:
        store, context = build_bench_store(families=families, folder=Path(folder))
        try:
            results: list[BenchResult] = []
            for spec in BENCHMARKS:
                results.extend(_call(spec, store, context))  # type: ignore[arg-type]
            return results
        finally:
            store.close()
