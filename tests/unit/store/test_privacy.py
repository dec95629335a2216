"""No network while the main flows run; no known name in the store file, its WAL, backups, logs or temp files."""

from __future__ import annotations

import json
import logging
import socket
import tempfile
from pathlib import Path

import pytest

from brugapp.cli import main
from brugapp.paths import DEMO_DATA
from brugapp.store import open_store
from tests.conftest import TEST_PASSPHRASE
from tests.factories import make_family


def known_names() -> set[bytes]:
    """Every family name and first name of the demo region, as the bytes a leak would contain."""
    names: set[str] = set()
    for family in json.loads((DEMO_DATA / "families.json").read_text(encoding="utf-8")):
        names.add(family["display_name"])
        names.update(member["first_name"] for member in family.get("members", []) if len(member["first_name"]) > 3)
    return {name.encode("utf-8") for name in names} | {name.encode("utf-16-le") for name in names}


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: object, **_kwargs: object) -> None:
        attempts.append(repr(args[1:] if len(args) > 1 else args))
        raise NetworkUsed("BrugApp tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def _main_flows(data: Path, out: Path) -> None:
    store = str(data / "brugapp.db")
    for flow in (
        ["demo", "create", store],
        ["list", "families", "--db", store],
        ["family", "add", "Gezin Nieuwkomer", "--db", store],
        ["search", "El Amrani", "--db", store],
        ["backup", "--db", store],
        ["export", "ical", str(out / "agenda.ics"), "--db", store],
        ["kaart", "export", str(out / "kaart"), "--format", "hsds", "--db", store],
        ["audit", "list", "--db", store],
        ["audit", "verify", "--db", store],
        ["self-test", "--db", store],
    ):
        assert main(flow) == 0, flow


def test_main_flows_use_no_network_and_leak_no_name(no_network, tmp_path: Path, monkeypatch, capsys) -> None:
    # GIVEN the main flows on an encrypted demo store with sockets blocked, BrugApp's log switched on and temp
    # files in a folder of their own
    from brugapp.logging_setup import configure_logging
    from brugapp.paths import user_data_dir

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", TEST_PASSPHRASE)
    configure_logging()
    logging.getLogger("brugapp.test").info("flows start")
    (tmp_path / "out").mkdir()
    _main_flows(tmp_path, tmp_path / "out")
    capsys.readouterr()
    # AND a family saved while the store stays open, so the write-ahead log holds fresh pages
    store = open_store(tmp_path / "brugapp.db", passphrase=TEST_PASSPHRASE)
    try:
        make_family(store, display_name="Gezin El Amrani-Tweede")
        wal = Path(f"{tmp_path / 'brugapp.db'}-wal")
        assert wal.exists() and wal.stat().st_size > 0
        candidates = [tmp_path / "brugapp.db", wal, *(tmp_path / "backups").iterdir(), *temp.rglob("*"),
                      *(user_data_dir() / "logs").rglob("*")]
        # THEN not one known name can be read from any of them
        leaks = [(path.name, name.decode("utf-8", "replace")) for path in candidates if path.is_file()
                 for name in known_names() if name in path.read_bytes()]
    finally:
        store.close()
    assert no_network == [], "no flow may open a network connection"
    assert b"Gezin El Amrani" in known_names() and len(candidates) >= 4
    assert leaks == []


def test_a_large_log_is_turned_over_at_start_and_old_ones_go(tmp_path) -> None:
    from brugapp.logging_setup import KEPT, MAX_BYTES, rotate_when_large

    log = tmp_path / "brugapp.log"
    for number in range(1, KEPT + 1):
        log.with_name(f"brugapp.log.{number}").write_text(f"old {number}", encoding="utf-8")
    log.write_text("x" * (MAX_BYTES + 1), encoding="utf-8")
    rotate_when_large(log)
    assert not log.exists()
    assert log.with_name("brugapp.log.1").stat().st_size == MAX_BYTES + 1
    assert [log.with_name(f"brugapp.log.{n}").read_text(encoding="utf-8") for n in (2, 3)] == ["old 1", "old 2"]
    assert not log.with_name(f"brugapp.log.{KEPT + 1}").exists()  # "old 3" went
    log.write_text("small", encoding="utf-8")
    rotate_when_large(log)  # a small log stays where it is
    assert log.read_text(encoding="utf-8") == "small"
