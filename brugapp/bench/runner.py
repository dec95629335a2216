"""``brugapp bench``: performance budgets, measured on the data set of a busy programme.

A synthetic store of 10,000 families (plus what each capability adds through ``BENCH_FILLERS``) is
built once; then each benchmark in ``BENCHMARKS`` times a user-facing operation several times and
reports the median against its budget. Budgets live here, not in timed unit tests.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, select

from brugapp.bench.base import BENCH_PASSPHRASE, FIRST_NAMES, LAST_NAMES, BenchContext, BenchResult, measure
from brugapp.bench.capabilities import capability_benchmarks
from brugapp.bench.exchange import exchange_benchmarks
from brugapp.bench.fillers import fill_care_data, fill_kaart_data, fill_meeting_data, fill_notebook_data
from brugapp.bench.privacy import privacy_benchmarks
from brugapp.bench.report import fill_report_data, report_benchmarks
from brugapp.store import Store, open_store
from brugapp.store.models import Family, School
from brugapp.store.search_index import IndexEntry, index_many


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
    for fill in BENCH_FILLERS:
        fill(store, context)
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


Filler = Callable[[Store, BenchContext], None]
Benchmark = Callable[[Store, BenchContext], list[BenchResult]]

# Each capability fills its synthetic data, then times what its screens (or the CLI) call.
BENCH_FILLERS: tuple[Filler, ...] = (fill_report_data, fill_notebook_data, fill_kaart_data, fill_care_data,
                                     fill_meeting_data)
BENCHMARKS: tuple[Benchmark, ...] = (foundation_benchmarks, report_benchmarks, capability_benchmarks,
                                     exchange_benchmarks, privacy_benchmarks)


def run_benchmarks(*, families: int = 10_000) -> list[BenchResult]:
    # The synthetic store (~130 MB at 10,000 families) and its exports go when the run ends, also on an error.
    with tempfile.TemporaryDirectory(prefix="brugapp-bench-") as folder:
        store, context = build_bench_store(families=families, folder=Path(folder))
        try:
            results: list[BenchResult] = []
            for benchmark in BENCHMARKS:
                results.extend(benchmark(store, context))
            return results
        finally:
            store.close()
