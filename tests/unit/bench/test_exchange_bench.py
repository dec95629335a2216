"""The 50 MB spreadsheet bench reports the import's own peak memory, not the bench process's.

Linux carries a process's peak resident size (``ru_maxrss``) across fork and exec: a child started from the
bench, which holds a whole programme in memory, reported the bench's peak as its own (the 855 MB of the last
full run). Here the parent holds a ballast far above what a small import needs, and the child's report must
stay below it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from brugapp.bench.exchange import write_big_csv

BALLAST_MB = 600


def test_the_import_reports_its_own_peak_not_the_bench_processes(tmp_path: Path) -> None:
    # GIVEN a small partner file, and a bench process holding 600 MB (every page touched, so it is resident)
    csv_path = write_big_csv(tmp_path / "partner.csv", 200)
    ballast = b"\x01" * (BALLAST_MB * 2**20)
    # WHEN the import is measured in a child process, as the bench does
    child = subprocess.run([sys.executable, "-m", "brugapp.bench.exchange", str(csv_path), str(tmp_path / "s.db")],
                           capture_output=True, text=True, check=True)
    del ballast
    measured = json.loads(child.stdout.strip().splitlines()[-1])
    # THEN the child's peak is its own: an interpreter with the store and 200 rows, far below the ballast
    assert measured["created"] == 200
    assert 20 < measured["peak_mb"] < BALLAST_MB / 2, measured
