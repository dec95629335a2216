"""``brugapp bench``: performance budgets, measured on the data set of a busy programme.

A synthetic store of 10,000 families (plus what each capability adds through ``BENCH_FILLERS``) is
built once; then each benchmark in ``BENCHMARKS`` times a user-facing operation several times and
reports the median against its budget. Budgets live here, not in timed unit tests.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, select

from brugapp.bench.base import BENCH_PASSPHRASE, FIRST_NAMES, LAST_NAMES, BenchContext, BenchResult, measure
from brugapp.bench.capabilities import capability_benchmarks
from brugapp.bench.care_fillers import fill_care_data
from brugapp.bench.exchange import exchange_benchmarks
from brugapp.bench.fillers import fill_kaart_data, fill_notebook_data
from brugapp.bench.meeting_fillers import fill_meeting_data
from brugapp.bench.prints import print_benchmarks
from brugapp.bench.privacy import privacy_benchmarks
from brugapp.bench.processes import process_benchmarks
from brugapp.bench.report import fill_report_data, report_benchmarks
from brugapp.bench.screens import screen_benchmarks
from brugapp.bench.search import search_benchmarks
from brugapp.bench.store_check import unclean_open_benchmark
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
    """A new store of ``families`` made-up families in ``folder`` (a temporary one by default). A bench store
    already there is refused: filling it again would double it (20,000 families measured as 10,000)."""
    folder = folder or Path(tempfile.mkdtemp(prefix="brugapp-bench-"))
    if (folder / "bench.db").exists():
        raise FileExistsError(f"{folder / 'bench.db'} exists already: remove it, or build in another folder")
    store = open_store(folder / "bench.db", passphrase=BENCH_PASSPHRASE, create=True)
    context = BenchContext(families=families, folder=folder)
    fill_families(store, context)
    for fill in BENCH_FILLERS:
        fill(store, context)
    store.close()  # measure the store as the app opens it: write-ahead log checkpointed, caches cold
    return open_store(folder / "bench.db", passphrase=BENCH_PASSPHRASE), context


def foundation_benchmarks(store: Store, context: BenchContext) -> list[BenchResult]:
    from brugapp.services.families.families import list_family_records

    return [
        unclean_open_benchmark(store, context),
        measure(f"list all {context.families} families", 400, lambda: list_family_records(store), runs=10),
    ]


Filler = Callable[[Store, BenchContext], None]
Benchmark = Callable[[Store, BenchContext], list[BenchResult]]

# Each capability fills its synthetic data, then times what its screens (or the CLI) call.
BENCH_FILLERS: tuple[Filler, ...] = (fill_report_data, fill_notebook_data, fill_kaart_data, fill_care_data,
                                     fill_meeting_data)
# First what a person waits for, each beside its floor (whole processes, keystrokes, screens, prints); then the
# service calls behind them, which locate a regression.
BENCHMARKS: tuple[Benchmark, ...] = (process_benchmarks, search_benchmarks, screen_benchmarks, print_benchmarks,
                                     foundation_benchmarks, report_benchmarks, capability_benchmarks,
                                     exchange_benchmarks, privacy_benchmarks)


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
            for benchmark in BENCHMARKS:
                results.extend(benchmark(store, context))
                if progress:
                    progress(f"{benchmark.__name__} done at {time.perf_counter() - started:.0f} s")
            return results
        finally:
            store.close()
    finally:
        if home is None:
            os.environ.pop("BRUGAPP_HOME", None)
        else:
            os.environ["BRUGAPP_HOME"] = home
        shutil.rmtree(folder, ignore_errors=True)
