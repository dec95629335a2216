"""The notebook from the command line: family add/show, log, link, search, list."""

from __future__ import annotations

import json

import pytest

from brugapp.cli import main
from brugapp.services.families.families import list_families
from brugapp.services.families.notebook import get_contact, list_contacts


@pytest.fixture
def db(store):
    return str(store.path)


def run_json(capsys, argv):
    code = main(argv)
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(out)


def test_scenario_1_from_the_cli_log_anonymous_then_link(store, db, capsys):
    # GIVEN an anonymous contact logged at the koffiemoment
    logged = run_json(capsys, ["log", "--db", db, "--channel", "koffiemoment", "--theme", "admin",
                               "--theme", "admin.debts", "--note", "Brief deurwaarder", "--follow-up", "+7", "--json"])
    assert logged["family_id"] == ""
    # WHEN a family is added and the contact linked to it
    family = run_json(capsys, ["family", "add", "Gezin Benali", "--db", db, "--member", "parent:Samira Benali",
                               "--json"])
    linked = run_json(capsys, ["link", logged["id"], family["id"], "--db", db, "--json"])
    # THEN the stored contact belongs to the family, and search and show find it
    assert linked == {"id": logged["id"], "family_id": family["id"]}
    assert get_contact(store, contact_id=logged["id"]).family_id == family["id"]
    hits = run_json(capsys, ["search", "deurwaarder", "--db", db, "--json"])
    assert hits == [{"kind": "contact", "id": logged["id"], "label": hits[0]["label"], "family_id": family["id"]}]
    shown = run_json(capsys, ["family", "show", family["id"], "--db", db, "--json"])
    assert [e["id"] for e in shown["timeline"]] == [logged["id"]]
    assert shown["family"]["members"][0]["first_name"] == "Samira"


def test_scenario_10_family_add_with_language_and_channel(store, db, capsys):
    family = run_json(capsys, ["family", "add", "Gezin Al-Hassan", "--language", "ar", "--interpreter",
                               "--no-letters", "--channel", "phone", "--db", db, "--json"])
    assert (family["preferred_language"], family["interpreter_needed"], family["reads_letters"],
            family["preferred_channel"]) == ("ar", True, False, "phone")


@pytest.mark.parametrize(("argv", "words"), [
    (["log", "--channel", "fax"], "Kanaal"),
    (["log", "--channel", "telefoon", "--follow-up", "30-02-2026"], "Opvolgingsdatum"),
    (["log", "--channel", "telefoon", "--theme", "nonsense"], "Thema"),
    (["log", "--channel", "telefoon", "--family", "no-such-id"], "Geen gezin"),
    (["family", "add", "Gezin X", "--member", "parent:Ali:123"], "Telefoon"),
    (["family", "add", "Gezin X", "--member", "boss:Ali"], "--member"),
    (["family", "add", "   "], "Naam van het gezin"),
    (["link", "nope", "nope"], "Geen contactmoment"),
])
def test_bad_input_exits_2_with_a_dutch_message_and_stores_nothing(store, db, capsys, argv, words):
    code = main([*argv, "--db", db])
    captured = capsys.readouterr()
    assert code == 2
    assert words in captured.err
    assert list_contacts(store) == []
    assert list_families(store) == []


def test_list_members_and_contacts(store, db, capsys):
    run_json(capsys, ["family", "add", "Gezin Yılmaz", "--member", "parent:Şükrü Yılmaz", "--db", db, "--json"])
    run_json(capsys, ["log", "--channel", "telefoon", "--db", db, "--json"])
    members = run_json(capsys, ["list", "members", "--db", db, "--json"])
    assert [m["label"] for m in members] == ["Şükrü Yılmaz (Gezin Yılmaz)"]
    contacts = run_json(capsys, ["list", "contacts", "--db", db, "--json"])
    assert len(contacts) == 1
    hits = run_json(capsys, ["search", "sukru", "--db", db, "--json"])
    assert [h["kind"] for h in hits] == ["member"]


def test_family_show_names_the_language_and_writes_dates_like_the_rest_of_the_app(store, db, capsys):
    import datetime as dt

    from brugapp.services.families.notebook import log_contact

    family = run_json(capsys, ["family", "add", "Gezin Al-Hassan", "--language", "ar", "--db", db, "--json"])
    log_contact(store, family_id=family["id"], channel="telefoon", note="Belt terug",
                occurred_at=dt.datetime(2026, 9, 1, 10).astimezone())
    assert main(["family", "show", family["id"], "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Taal: Arabisch" in out and "Taal: ar" not in out
    assert "1 sep 2026" in out and "1/09/2026" not in out
