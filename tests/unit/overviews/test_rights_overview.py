"""Rights × consent: who still misses the medical card, and which of them may be discussed with the OCMW."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from brugapp.cli import main
from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.domain.rights_overview import parse_right_filter
from brugapp.services.families.rights import set_right
from brugapp.services.referrals.consent import record_consent, withdraw_consent
from brugapp.services.reporting.rights_overview import print_rights_list, rights_overview
from brugapp.store.audit_chain import verify_chain
from brugapp.store.models import AuditEntry
from tests.factories import make_family
from tests.unit.referrals.test_referral_scenarios import kaart_service

TODAY = dt.date(2026, 11, 30)


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def region(store):
    """Five families with known answers for medische kaart and consent for the OCMW."""
    ocmw = kaart_service(store, "Medische kaart", "OCMW Kortrijk", contact="Lien Vermeersch", backup="",
                         categories=("health",))
    caw = kaart_service(store, "Onthaal", "CAW Zuid-West-Vlaanderen", contact="An Declercq", backup="")
    fam = {name: make_family(store, display_name=name) for name in (
        "Gezin Benali", "Gezin Çelik", "Gezin Kowalski", "Gezin Peeters", "Gezin Dumitru")}
    set_right(store, family_id=fam["Gezin Benali"], benefit="medische_kaart", status="no", status_on="02-09-2026")
    set_right(store, family_id=fam["Gezin Çelik"], benefit="medische_kaart", status="requested",
              status_on="15-10-2026")
    # Kowalski: never checked -> unknown
    set_right(store, family_id=fam["Gezin Peeters"], benefit="medische_kaart", status="yes", status_on="01-09-2026")
    set_right(store, family_id=fam["Gezin Dumitru"], benefit="medische_kaart", status="no", status_on="20-11-2026")
    # consent: Benali for the OCMW (organisation) to refer; Çelik for the CAW only; Dumitru withdrawn
    record_consent(store, family_id=fam["Gezin Benali"], recipient_kind=RecipientKind.ORGANIZATION,
                   recipient_id=ocmw.organization_id, purposes=[Purpose.REFER], given_by="parent", method="oral",
                   given_on=TODAY - dt.timedelta(days=10))
    record_consent(store, family_id=fam["Gezin Çelik"], recipient_kind=RecipientKind.ORGANIZATION,
                   recipient_id=caw.organization_id, purposes=[Purpose.REFER], given_by="parent", method="oral",
                   given_on=TODAY - dt.timedelta(days=10))
    withdrawn = record_consent(store, family_id=fam["Gezin Dumitru"], recipient_kind=RecipientKind.ORGANIZATION,
                               recipient_id=ocmw.organization_id, purposes=[Purpose.REFER], given_by="parent",
                               method="oral", given_on=TODAY - dt.timedelta(days=20))
    withdraw_consent(store, consent_id=withdrawn, on=TODAY - dt.timedelta(days=2))
    return {"ocmw": ocmw, "caw": caw, "families": fam}


def test_filter_reads_dutch_and_english_words():
    right = parse_right_filter("medische-kaart:nee,onbekend")
    assert right.benefit == "medische_kaart" and right.statuses == {"no", "unknown"}
    assert parse_right_filter("medische_kaart").statuses == {"no", "unknown", "requested"}
    with pytest.raises(ValueError, match="hospitalisatie"):
        parse_right_filter("hospitalisatie:nee")
    with pytest.raises(ValueError, match="misschien"):
        parse_right_filter("medische-kaart:misschien")


def test_own_overview_lists_every_match_with_the_reason(store, region):
    # GIVEN five families  WHEN the worker filters on medische kaart nee/onbekend/aangevraagd for the OCMW's contact
    overview = rights_overview(store, right=parse_right_filter("medische-kaart:nee,onbekend,aangevraagd"),
                               recipient_id=region["ocmw"].contact_id, on=TODAY)
    rows = {r.family_name: r for r in overview.rows}
    # THEN Peeters (has it) is not there; the other four are, each with its status and since when
    assert set(rows) == {"Gezin Benali", "Gezin Çelik", "Gezin Kowalski", "Gezin Dumitru"}
    assert rows["Gezin Benali"].status_on == dt.date(2026, 9, 2) and rows["Gezin Kowalski"].status == "unknown"
    # AND only Benali's consent (given to the OCMW organisation) covers its contact person
    assert [r.family_name for r in overview.printable] == ["Gezin Benali"]
    assert rows["Gezin Çelik"].reason == "No consent recorded for this recipient."
    assert rows["Gezin Dumitru"].reason == "The consent for this recipient was withdrawn."
    assert rows["Gezin Kowalski"].reason == "No consent recorded for this recipient."


def test_unchanged_since_keeps_only_older_statuses(store, region):
    right = parse_right_filter("medische-kaart:nee", unchanged_since=dt.date(2026, 10, 1))
    assert [r.family_name for r in rights_overview(store, right=right, on=TODAY).rows] == ["Gezin Benali"]


def test_printed_list_for_the_ocmw_names_only_families_with_consent(store, region, tmp_path):
    # WHEN the list for the OCMW is printed
    out = tmp_path / "ocmw.pdf"
    print_rights_list(store, right=parse_right_filter("medische-kaart:nee,onbekend,aangevraagd"),
                      recipient_id=region["ocmw"].organization_id, path=out, on=TODAY)
    text = pdf_text(out)
    # THEN Benali is on it, the families without (valid) consent are not
    assert "Gezin Benali" in text and "OCMW Kortrijk" in text and "Medische kaart" in text
    for absent in ("Çelik", "Kowalski", "Dumitru", "Peeters"):
        assert absent not in text
    with store.read() as session:
        entry = session.execute(select(AuditEntry.action, AuditEntry.subject_kind, AuditEntry.detail)).one()
        assert verify_chain(session) is None  # the entry is a link of the hash chain, not a loose row
    assert entry[:2] == ("print", "rights_overview") and "Benali" not in entry[2]


def test_cli_lists_families_with_consent_column(store, region, capsys):
    # GIVEN the store on disk  WHEN the documented command runs
    code = main(["list", "families", "--db", str(store.path), "--right", "medische-kaart:nee,onbekend",
                 "--consent-for", region["ocmw"].organization_id, "--json"])
    rows = {r["label"]: r for r in json.loads(capsys.readouterr().out)}
    assert code == 0
    assert set(rows) == {"Gezin Benali", "Gezin Kowalski", "Gezin Dumitru"}
    assert rows["Gezin Benali"]["consent"] is True and rows["Gezin Dumitru"]["consent"] is False
    assert "ingetrokken" in rows["Gezin Dumitru"]["reason"]


def test_cli_names_a_wrong_status(store, capsys):
    code = main(["list", "families", "--db", str(store.path), "--right", "medische-kaart:misschien"])
    assert code == 2 and "misschien" in capsys.readouterr().err
