"""``brugapp bench`` runs end to end on a small programme and reports every wait beside its floor."""

from __future__ import annotations

import json

import pytest

from brugapp import page_key
from brugapp.bench import bare_window, runner
from brugapp.bench.search import TYPED, prefixes
from brugapp.cache_file import read_marshalled
from brugapp.cli import main
from brugapp.ui.pyside_import_cache import read_cache

# What a person waits for (issue 16), each matched on the start of its name; True where a floor is measured too.
EXPECTED = {
    "start: unlock, main window with Vandaag filled": True,
    "start: the window asking for the passphrase": True,
    "unlock: Enter pressed in that window until Vandaag is filled": False,
    "peak memory of the started app": True,
    "start of the bare window that also derives a store key": False,
    "search as you type": True,
    "search popup: slowest prefix": True,
    "search service: slowest prefix": True,
    "Vandaag built": False,
    "page Gezinnen: first visit": False, "page Sociale kaart: first visit": False,
    "page Doorverwijzingen: first visit": False, "page Opvolging: first visit": False,
    "page Overleg: first visit": False, "page Rapportage: first visit": False,
    "page Sociale kaart: the rest of the map read": False, "page Sociale kaart: the first letter typed": False,
    "page Vandaag: shown again": False, "page Opvolging: shown again": False,
    "open a family with 100 contact moments": False,
    "quick log: opened (Ctrl+N) until shown": False, "quick log: a family typed letter by letter": False,
    "quick log: Save pressed": False, "Vandaag updated after a quick log": False,
    "dialog New referral: opened": False, "dialog New referral: a need chosen": False,
    "dialog New meeting: opened": False, "dialog Add a participant (meeting): opened": False,
    "dialog New follow-up: opened": False, "dialog Anonymous contacts (from Vandaag): opened": False,
    "agenda PDF": False, "referral sheet PDF": False, "annual report PDF": False,
    "HSDS import of 60 services": False,
    "open encrypted store after an unclean stop": True, "year report, all schools": False,
    "meeting agenda with previous": False,
    # the service calls behind the screens, which locate a regression
    "list all 300 families": False, "quick log: save a contact moment": False,
    "global search as you type (every kind indexed)": False, "families page: 300 names, the first 200": False,
    "families page sorted on children: all 300 families whole": False,
    "family timeline": False, "Vandaag: promises, follow-ups due, today's contacts": False,
    "sociale kaart: load 60 services": False, "sociale kaart: filter 60 services per keystroke": False,
    "sociale kaart: find 'schulden kortrijk'": False, "sociale kaart: import 60 services from CSV": False,
    "sociale kaart: re-import the CSV (60 updates)": False,
    "sociale kaart: import 60 services from an HSDS package": False,
    "referrals page: the first 200 open referrals": False,
    "all open referrals in one list (CLI)": False,
    "follow-ups due this week": False, "print a referral sheet (PDF)": False,
    "sociale kaart: stream-import a": False,
}


def test_bench_writes_every_measurement_with_its_floor(tmp_path, capsys, monkeypatch) -> None:
    # GIVEN a small programme (300 families, a map of 60 services), in a folder kept to look in afterwards
    out = tmp_path / "bench.json"
    folder = tmp_path / "bench"
    folder.mkdir()
    monkeypatch.setattr(runner.tempfile, "mkdtemp", lambda **_kw: str(folder))
    monkeypatch.setattr(runner.shutil, "rmtree", lambda *_a, **_kw: None)
    # WHEN the benchmark runs with --json and --check
    code = main(["bench", "--families", "300", "--json", str(out), "--check"])
    printed = capsys.readouterr().out
    document = json.loads(out.read_text(encoding="utf-8"))
    results = document["results"]
    names = [r["name"] for r in results]
    # THEN every wait is there once, measured, with a floor where one exists (no timing asserted: the budgets
    # live in the bench) and the machine it ran on
    assert document["families"] == 300 and document["machine"]["cpus"]
    assert len(names) == len(set(names))
    for expected, has_floor in EXPECTED.items():
        found = [r for r in results if r["name"].startswith(expected)]
        assert found, expected
        for result in found:
            assert result["measured"] > 0 and result["budget"] > 0 and result["runs"] >= 1, result
            assert (result["floor"] is not None and result["floor"] > 0 and result["ratio"] > 0) == has_floor, result
    searches = [r for r in results if r["name"].startswith("search as you type")]
    assert all(r["p95"] >= r["median"] and r["runs"] == 3 * len(prefixes()) for r in searches)
    memory = next(r for r in results if r["name"].startswith("peak memory"))
    assert memory["unit"] == "MB" and memory["budget"] == memory["floor"] + 150
    # the table is printed, and --check turns a missed budget into exit code 1
    assert "measured" in printed and "floor" in printed
    assert code == (0 if document["all_ok"] else 1)
    assert document["all_ok"] == all(r["ok"] for r in results)
    # the measured starts quit without a backup on close: copying the store would keep the disk busy for the next
    assert (folder / "bench.db").is_file()
    assert not [p for p in folder.rglob("*on-close*")]
    # the app's starts took what shiboken compiles (its code, its regular expressions) from the cache their first
    # start wrote
    cached = read_cache(folder / "home" / "cache" / "pyside-import.cache")
    assert len(cached.code) >= 10 and len(cached.patterns) >= 3
    # and the sidebar's icons from the pixels the first start drew (ui/icon_cache.py)
    icons = read_marshalled(folder / "home" / "cache" / "icons.cache")
    assert isinstance(icons, tuple) and icons[0] == "brugapp icon cache 1" and len(icons[2]) >= 10


def test_the_floor_of_an_encrypted_start_derives_the_key_as_the_app_does() -> None:
    # The floor script imports no BrugApp module, so it repeats the app's settings: they must stay the same.
    assert (bare_window.ARGON2_MEMORY_KIB, bare_window.ARGON2_PASSES, bare_window.ARGON2_LANES,
            bare_window.KEY_BYTES) == (page_key.ARGON2_MEMORY_KIB, page_key.ARGON2_PASSES, page_key.ARGON2_LANES,
                                       page_key.KEY_BYTES)


def test_search_is_typed_from_the_first_letter() -> None:
    typed = prefixes()
    assert "g" in typed and "gezin" in typed and len(TYPED) == 10
    assert all(word[0] in typed and word in typed for word in TYPED)


def test_the_page_rows_timed_are_what_the_pages_read_at_once() -> None:
    """The bench's service rows time what the Families and Doorverwijzingen pages read on a first visit; they do not
    import the pages (no Qt in a service row), so the page size is written twice and held equal here."""
    from brugapp.bench.capabilities import PAGE_ROWS
    from brugapp.ui.families import page as families_page
    from brugapp.ui.referrals import page as referrals_page

    assert PAGE_ROWS == families_page.PAGE_ROWS == referrals_page.PAGE_ROWS


def test_a_bench_store_already_in_the_folder_is_not_filled_again(tmp_path) -> None:
    # Filled twice, a bench store held 20,000 families while the bench said 10,000
    existing = tmp_path / "bench.db"
    existing.write_bytes(b"an earlier bench store")
    with pytest.raises(FileExistsError, match=r"bench\.db exists already"):
        runner.build_bench_store(families=30, folder=tmp_path)
    assert existing.read_bytes() == b"an earlier bench store"
