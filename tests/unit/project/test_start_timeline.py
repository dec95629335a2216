"""``tools/start_timeline.py`` still finds the start's phases it wraps: a rename in ``ui/app.py`` or the unlock
worker would otherwise leave the tool silent about them (it wraps by name)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from brugapp.bench.base import BENCH_PASSPHRASE
from brugapp.store import open_store
from tests.factories import make_family

ROOT = Path(__file__).resolve().parents[3]


def test_the_timeline_shows_every_phase_of_the_start_in_order(tmp_path: Path) -> None:
    # GIVEN a store with the bench's passphrase
    store_path = tmp_path / "bench.db"
    store = open_store(store_path, passphrase=BENCH_PASSPHRASE, create=True)
    make_family(store, display_name="Gezin Claes")
    store.close()
    # WHEN the timeline of one start (beside one bare window) is printed
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "start_timeline.py"), str(store_path), "1"],
                         capture_output=True, text=True, timeout=240, check=True, cwd=ROOT).stdout
    marks = {line[10:]: float(line[:8]) for line in out.splitlines()[3:]}
    # THEN the worker's key and store, the window's phases and the end are all there, each after what it needs
    phases = ["worker: key derived <", "window modules <", "waiting for the store >", "worker: store opened <",
              "main window built, Vandaag filled, shown <", "ready (Vandaag filled)"]
    assert all(phase in marks for phase in phases), out
    assert marks["worker: store opened <"] <= marks["main window built, Vandaag filled, shown <"]
    assert marks["waiting for the store >"] <= marks["worker: store opened <"]
    assert marks["main window built, Vandaag filled, shown <"] <= marks["ready (Vandaag filled)"]
