"""Unlocking an existing store reaches Vandaag's data without the database layer; everything after still works.

The start-up budget (``brugapp bench``) depends on it: SQLAlchemy and the models are imported after the first
screen, not before. The child process checks ``sys.modules``, so an import that creeps back in fails here.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from brugapp.domain.clock import today_local
from brugapp.services.families.notebook import log_contact
from brugapp.services.today import contacts_logged_on, count_promises_due
from brugapp.store import WrongPassphraseError, open_store
from tests.conftest import TEST_PASSPHRASE
from tests.unit.store.helpers import encrypted_store_with, family_names

CHILD = """
import json, sys
from pathlib import Path
from brugapp.domain.clock import today_local
from brugapp.services.today import count_followups_due, count_promises_due, contacts_logged_on, followups_due
from brugapp.store import open_store
store = open_store(Path(sys.argv[1]), passphrase=sys.argv[2])
day = today_local()
seen = {"promised": list(count_promises_due(store, today=day)),
        "logged": [c.note for c in contacts_logged_on(store)],
        "due": [count_followups_due(store, today=day).overdue, len(followups_due(store, today=day))],
        "heavy": sorted(m for m in ("sqlalchemy", "alembic", "brugapp.store.models")
                        if m in sys.modules)}
store.close()
print(json.dumps(seen))
"""


@pytest.fixture
def store_with_a_day(tmp_path: Path) -> Path:
    path = encrypted_store_with(tmp_path / "brugapp.db", "Gezin Peeters")
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    log_contact(store, note="Mama vraagt naar de schoolfactuur", channel="schoolpoort",
                follow_up_on=today_local() - dt.timedelta(days=1))
    store.close()
    return path


def test_vandaag_is_read_before_sqlalchemy_is_imported(store_with_a_day: Path) -> None:
    # GIVEN a store closed cleanly WHEN a fresh process unlocks it and reads Vandaag
    out = subprocess.run([sys.executable, "-c", CHILD, str(store_with_a_day), TEST_PASSPHRASE], check=True,
                         capture_output=True, text=True, timeout=120).stdout
    seen = json.loads(out)
    # THEN it saw today's note and yesterday's promise, and neither SQLAlchemy nor the models were imported
    assert seen == {"promised": [0, 1], "logged": ["Mama vraagt naar de schoolfactuur"], "due": [0, 0], "heavy": []}


def test_the_same_store_then_works_through_the_orm(store_with_a_day: Path) -> None:
    store = open_store(store_with_a_day, passphrase=TEST_PASSPHRASE)
    try:
        assert count_promises_due(store, today=today_local()) == (0, 1)  # on the first connection
        assert family_names(store) == ["Gezin Peeters"]  # the engine, made now, with the derived key
        assert [c.note for c in contacts_logged_on(store)] == ["Mama vraagt naar de schoolfactuur"]
    finally:
        store.close()


def test_a_wrong_passphrase_is_still_named_as_such(store_with_a_day: Path) -> None:
    with pytest.raises(WrongPassphraseError):
        open_store(store_with_a_day, passphrase="niet de juiste zin")
