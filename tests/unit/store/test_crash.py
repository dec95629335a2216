"""SIGKILL during saves: no confirmed save is lost and the store checks clean afterwards."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

from brugapp.services.families.families import list_family_records
from brugapp.store import open_store
from brugapp.store.engine import check_integrity
from tests.conftest import TEST_PASSPHRASE

KILLS = 50


def test_kill_nine_while_saving_loses_no_confirmed_save(tmp_path: Path) -> None:
    # GIVEN an encrypted store, and a saver process started fresh (as the app after a crash) each round
    path = tmp_path / "crash.db"
    open_store(path, passphrase=TEST_PASSPHRASE, create=True).close()
    # fork: the saver starts in milliseconds with everything imported, and needs no temp files of its own
    context = multiprocessing.get_context("fork")
    from tests.unit.store.crash_child import save_in_a_loop

    rng = random.Random(14)
    confirmed: set[str] = set()
    killed_while_saving = 0
    started = time.monotonic()
    for round_number in range(KILLS):
        receiver, sender = context.Pipe(duplex=False)
        saver = context.Process(target=save_in_a_loop, args=(str(path), TEST_PASSPHRASE, round_number, sender))
        saver.start()
        sender.close()
        assert receiver.poll(30), f"round {round_number}: the saver never confirmed a save"
        confirmed.add(receiver.recv())
        time.sleep(rng.uniform(0.0, 0.06))
        # WHEN it is killed mid-loop (no chance to close, flush or roll back)
        os.kill(saver.pid, signal.SIGKILL)  # type: ignore[arg-type]
        saver.join(10)
        killed_while_saving += saver.exitcode == -signal.SIGKILL
        while True:  # what was confirmed before the kill still counts
            try:
                if not receiver.poll(0):
                    break
                confirmed.add(receiver.recv())
            except EOFError:
                break
        receiver.close()
    elapsed = time.monotonic() - started
    # THEN the store opens (integrity check inside open_store), checks clean, and holds every confirmed save
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    try:
        assert check_integrity(store) == []
        saved = {record.id for record in list_family_records(store)}
    finally:
        store.close()
    assert killed_while_saving == KILLS
    assert confirmed <= saved, f"{len(confirmed - saved)} confirmed saves lost"
    assert len(confirmed) >= KILLS * 2
    print(f"crash test: {KILLS} kills, {len(confirmed)} confirmed saves, {len(saved)} stored, {elapsed:.1f} s")
