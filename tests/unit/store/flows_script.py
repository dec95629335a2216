"""Run in a fresh process by ``test_nothing_left_behind``: the main flows through the CLI entry point.

Usage: python -m tests.unit.store.flows_script DATA_FOLDER OUT_FOLDER
"""

from __future__ import annotations

import sys
from pathlib import Path

from brugapp.cli import main


def run(data: Path, out: Path) -> None:
    store = str(data / "brugapp.db")
    flows = [
        ["demo", "create", store],
        ["list", "families", "--db", store],
        ["family", "add", "Gezin Nieuwkomer", "--db", store],
        ["backup", "--db", store],
        ["backup", "--list", "--db", store],
        ["export", "ical", str(out / "agenda.ics"), "--db", store],
        ["audit", "verify", "--db", store],
        ["self-test", "--db", store],  # without --out: nothing written anywhere
        ["self-test"],  # on a throwaway demo store, which must go afterwards
    ]
    for flow in flows:
        code = main(flow)
        if code != 0:
            raise SystemExit(f"{flow[0]} exited {code}")


if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.argv[2]))
