"""What every benchmark shares: the synthetic store's passphrase and names, the context, one measurement."""

from __future__ import annotations

import math
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BENCH_PASSPHRASE = "bench passphrase for a synthetic store"
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
