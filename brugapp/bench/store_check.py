"""Opening the store after an unclean stop, beside the same check done by SQLCipher alone.

After a crash or a power cut no clean-close stamp vouches for the file (``store/clean_close.py``), so opening it
reads every page (``PRAGMA quick_check``) before anything is shown: seconds on a busy programme, since each page
is decrypted and its HMAC verified. The floor is that check with nothing of BrugApp around it: a bare
``sqlcipher3`` connection given the same raw key. Both sides find the key already derived (the app keeps its
last key, ``page_key.py``): the key's cost is in the start rows. Runs alternate, so a slow spell hits both.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import sqlcipher3

from brugapp.bench.base import BENCH_PASSPHRASE, BenchContext, BenchResult
from brugapp.page_key import raw_key
from brugapp.store import Store, open_store
from brugapp.store.clean_close import stamp_path

CHECK_RATIO = 1.5
RUNS = 3


def _check_alone(path: Path, key: str) -> None:
    connection = sqlcipher3.connect(str(path))
    try:
        connection.execute(f'PRAGMA key = "{key}"')
        rows = connection.execute("PRAGMA quick_check").fetchall()
    finally:
        connection.close()
    if rows != [("ok",)]:
        raise RuntimeError(f"the bench store did not pass its own check: {rows[:3]}")


def unclean_open_benchmark(store: Store, _context: BenchContext) -> BenchResult:
    path = store.path
    assert path is not None
    key = raw_key(path, BENCH_PASSPHRASE)  # untimed, and the app finds it kept too

    def app_open() -> None:
        open_store(path, passphrase=BENCH_PASSPHRASE).close()

    stamp_path(path).unlink(missing_ok=True)  # before each open, as a crash leaves it: no clean close vouches for it
    app_open()  # untimed: the file in the page cache, the key kept, for both sides alike
    _check_alone(path, key)
    app_ms, floor_ms, cpu_ms = [], [], []
    for _ in range(RUNS):
        stamp_path(path).unlink(missing_ok=True)
        started, cpu_started = time.perf_counter(), time.process_time()
        app_open()
        app_ms.append((time.perf_counter() - started) * 1000)
        cpu_ms.append((time.process_time() - cpu_started) * 1000)
        started = time.perf_counter()
        _check_alone(path, key)
        floor_ms.append((time.perf_counter() - started) * 1000)
    floor = statistics.median(floor_ms)
    return BenchResult("open encrypted store after an unclean stop (every page checked)",
                       round(statistics.median(app_ms), 1), round(floor * CHECK_RATIO, 1), RUNS,
                       floor=round(floor, 1), floor_name="the same check by SQLCipher alone", max_ratio=CHECK_RATIO,
                       cpu_ms=round(statistics.median(cpu_ms), 1))
