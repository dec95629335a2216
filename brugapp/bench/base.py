"""What every benchmark shares: the synthetic store's passphrase and names, the context, one measurement."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BENCH_PASSPHRASE = "bench passphrase for a synthetic store"

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
