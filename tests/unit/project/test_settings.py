"""Typed settings: an old settings file is upgraded, and "Mijn gegevens" reach the referral sheet from the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from brugapp.cli import main
from brugapp.domain.clock import today_local
from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.services.referrals.consent import record_consent
from brugapp.services.referrals.referrals import create_referral
from brugapp.settings import SETTINGS_VERSION, Settings, load_settings, save_settings, settings_path
from tests.factories import make_family
from tests.unit.referrals.test_referral_scenarios import kaart_service


@pytest.fixture
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRUGAPP_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_version_1_settings_file_is_upgraded_with_empty_worker_details(own_home: Path) -> None:
    # GIVEN a settings file written by version 1, with a bad lock time
    settings_path().write_text(json.dumps({"version": 1, "language": "en", "auto_lock_minutes": "ten",
                                           "last_channel": "telefoon"}), encoding="utf-8")
    # WHEN it is loaded
    loaded = load_settings()
    # THEN what was there is kept, the new fields are empty, and a bad lock time falls back to 10
    assert SETTINGS_VERSION == 3
    assert loaded == Settings(version=3, language="en", auto_lock_minutes=10, last_channel="telefoon",
                              worker_name="", worker_organisation="", worker_phone="", worker_email="",
                              worker_role="", my_schools=[], region_municipalities=[])
    # and saving writes the current version back
    save_settings(loaded)
    assert json.loads(settings_path().read_text(encoding="utf-8"))["version"] == 3


def test_file_without_version_counts_as_version_1(own_home: Path) -> None:
    settings_path().write_text(json.dumps({"auto_lock_minutes": 5, "worker_name": "  An  "}), encoding="utf-8")
    loaded = load_settings()
    assert (loaded.version, loaded.auto_lock_minutes, loaded.worker_name) == (3, 5, "An")


def test_version_2_file_gains_an_empty_role_schools_and_region_and_drops_malformed_lists(own_home: Path) -> None:
    settings_path().write_text(json.dumps({"version": 2, "worker_name": "An", "my_schools": "De Regenboog",
                                           "region_municipalities": ["Kortrijk", 3]}), encoding="utf-8")
    loaded = load_settings()
    assert (loaded.version, loaded.worker_name, loaded.worker_role) == (3, "An", "")
    assert (loaded.my_schools, loaded.region_municipalities) == ([], ["Kortrijk"])


def test_cli_referral_sheet_names_the_brugfiguur_from_settings(own_home: Path, store, tmp_path: Path) -> None:
    # GIVEN my details in the settings, and a referral to the CAW with the mother's consent to refer
    save_settings(Settings(worker_name="Sarah Vandamme", worker_organisation="Stad Kortrijk – Onderwijs",
                           worker_phone="+32 470 00 00 01", worker_email="sarah@example.be"))
    family = make_family(store, display_name="Gezin El Amrani")
    caw = kaart_service(store)
    record_consent(store, family_id=family, recipient_kind=RecipientKind.ORGANIZATION,
                   recipient_id=caw.organization_id, purposes=[Purpose.REFER], given_by="parent", method="oral",
                   given_on=today_local())
    referral = create_referral(store, family_id=family, service_id=caw.id, contact_id=caw.contact_id,
                               theme="admin.debts", intensity="appointment_made")
    out = tmp_path / "fiche.pdf"
    # WHEN the sheet is printed from the command line
    assert main(["print", "referral", referral, str(out), "--for", caw.id,
                 "--db", str(store.info.location)]) == 0
    # THEN the sheet names me as the one to call back
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Sarah Vandamme" in text and "+32 470 00 00 01" in text and "Stad Kortrijk" in text


def test_cli_agenda_names_who_prepared_it(own_home: Path, store, tmp_path: Path) -> None:
    from brugapp.services.meetings.meetings import MeetingInput, create_meeting

    # GIVEN my details and a network meeting
    save_settings(Settings(worker_name="Sarah Vandamme", worker_phone="+32 470 00 00 01"))
    meeting = create_meeting(store, data=MeetingInput(
        title="Lokaal Netwerk Kinderarmoede", meeting_type="netwerkoverleg",
        starts_at=dt.datetime.now().astimezone() + dt.timedelta(days=5)))
    out = tmp_path / "agenda.pdf"
    # WHEN the agenda is printed from the command line
    assert main(["print", "agenda", meeting, str(out), "--db", str(store.info.location)]) == 0
    # THEN its head says who prepared it and how to reach her
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Voorbereid door" in text and "Sarah Vandamme · +32 470 00 00 01" in text
