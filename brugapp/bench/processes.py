"""Whole processes beside their floor: the app started on the bench store vs a bare PySide6 window.

The clock starts in this process just before the child is spawned and stops at the wall-clock instant the child
prints once its window is shown (and, for the app, Vandaag is filled): interpreter start, imports, unlocking the
store (key derivation), building the window and the first page all count, as they do for a person double-clicking
the icon. Both children run offscreen with the same environment. Peak memory is each child's own maximum resident
set (``os.wait4`` returns the rusage of that one child; ``RUSAGE_CHILDREN`` would report the largest of all of
them).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from brugapp.bench.runner import BENCH_PASSPHRASE, BenchContext, BenchResult
from brugapp.store import Store

# The hidden switch of ``brugapp`` (read in brugapp/ui/app.py): read the passphrase from stdin, quit once the
# first page is filled and print READY_MARKER with the wall-clock time.
STARTUP_ENV = "BRUGAPP_BENCH_STARTUP"
READY_MARKER = "BRUGAPP_READY"
START_RATIO = 1.5
MEMORY_MARGIN_MB = 150.0
BARE_WINDOW = Path(__file__).with_name("bare_window.py")


@dataclass(frozen=True)
class ProcessRun:
    seconds: float  # spawn to "window shown"
    peak_mb: float  # the child's maximum resident set size
    cpu_seconds: float  # the child's user + system time (to its exit)


def _child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "BRUGAPP_HOME": str(home), STARTUP_ENV: "1"})
    return env


def run_child(command: list[str], *, env: dict[str, str], stdin_text: str = "") -> ProcessRun:
    """Spawn, wait for the ready line, reap the child with its own rusage."""
    started = time.time()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, text=True)
    out, err, usage = _talk(process, stdin_text)
    ready = [line.split()[1] for line in out.splitlines() if line.startswith(READY_MARKER)]
    if not ready:
        raise RuntimeError(f"{command[1:]} did not report ready (exit {process.returncode}): {err[-2000:]}")
    return ProcessRun(float(ready[0]) - started, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def _talk(process: subprocess.Popen[str], stdin_text: str) -> tuple[str, str, resource.struct_rusage]:
    """``communicate`` without its ``wait``: the child is reaped by ``os.wait4`` to read its own peak memory.
    The children write a line or two, so reading stdout to the end before stderr cannot block on a full pipe."""
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    process.stdin.write(stdin_text)
    process.stdin.close()
    out = process.stdout.read()
    err = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return out, err, usage  # ru_maxrss in kilobytes on Linux


def app_start(store_path: Path, home: Path) -> ProcessRun:
    return run_child([sys.executable, "-m", "brugapp", "--db", str(store_path)], env=_child_env(home),
                     stdin_text=BENCH_PASSPHRASE + "\n")


def bare_window(home: Path) -> ProcessRun:
    return run_child([sys.executable, str(BARE_WINDOW)], env=_child_env(home))


def process_benchmarks(store: Store, context: BenchContext) -> list[BenchResult]:
    store_path = store.path
    assert store_path is not None
    runs = 2 if context.families < 5000 else 5
    home = context.folder / "home"
    home.mkdir(exist_ok=True)
    bare_window(home)  # untimed: the first start reads PySide6 from disk, every later one from the page cache
    app_start(store_path, home)
    bare, app = [], []
    for _n in range(runs):  # interleaved, so a burst of load on the machine hits both sides alike
        bare.append(bare_window(home))
        app.append(app_start(store_path, home))
    bare_s = statistics.median(r.seconds for r in bare) * 1000
    app_s = statistics.median(r.seconds for r in app) * 1000
    bare_cpu = statistics.median(r.cpu_seconds for r in bare) * 1000
    app_cpu = statistics.median(r.cpu_seconds for r in app) * 1000
    bare_mb = max(r.peak_mb for r in bare)
    app_mb = max(r.peak_mb for r in app)
    return [
        BenchResult("start: unlock, main window with Vandaag filled (whole process)", round(app_s, 1),
                    round(bare_s * START_RATIO, 1), runs, floor=round(bare_s, 1), floor_name="bare PySide6 window",
                    max_ratio=START_RATIO, group="process", cpu_ms=round(app_cpu, 1)),
        BenchResult("start of the bare PySide6 window (the floor above)", round(bare_s, 1), round(bare_s, 1), runs,
                    group="process", cpu_ms=round(bare_cpu, 1)),
        BenchResult("peak memory of the started app", round(app_mb, 1), round(bare_mb + MEMORY_MARGIN_MB, 1), runs,
                    floor=round(bare_mb, 1), floor_name="bare PySide6 window", unit="MB", group="process",
                    margin=MEMORY_MARGIN_MB),
    ]
