"""The process the crash test kills: it opens the store as the app does and saves families in a loop.

Each id is sent to the test only after ``create_family`` returned, i.e. after the commit: a confirmed save.
"""

from __future__ import annotations

from multiprocessing.connection import Connection

from brugapp.services.families.families import create_family
from brugapp.store import open_store


def save_in_a_loop(path: str, passphrase: str, round_number: int, confirmations: Connection) -> None:
    store = open_store(path, passphrase=passphrase)
    number = 0
    while True:
        detail = create_family(store, display_name=f"Gezin Crash {round_number}-{number}",
                               note="Opvolging na huisbezoek. " * 20)
        confirmations.send(detail.id)
        number += 1
