"""vCards read back with vobject, the wegwijzer PDF read back with pypdf, and the audit trail."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject
from pypdf import PdfReader
from sqlalchemy import select

from brugapp.domain.kaart import parse_opening_hours
from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.edit import ServiceInput, save_service, set_colour, set_private_notes
from brugapp.services.kaart.export import export_kaart
from brugapp.store.models import AuditEntry


def make_services(store) -> tuple[str, str]:
    ocmw = save_service(store, service_id=None, data=ServiceInput(
        name="Sociale dienst – onthaal", organization_name="OCMW Kortrijk", description="Hulp bij leefloon",
        not_offered="Geen juridisch advies", categories=("welfare",), themes=("admin.benefits",),
        referral_route="self", phone="056 00 10 01", after_hours_phone="056 00 99 10",
        opening_hours=parse_opening_hours("ma-vr 9-12, 13-17"), fees="Gratis", wait_time="1 week",
        contact_name="Zoë Çelik", contact_role="maatschappelijk werker", contact_phone="056 00 10 02",
        contact_email="zoe@example.be", backup_name="Łukasz Nowak", backup_phone="056 00 10 03",
        comes_to_school=True, minimum_age=18))
    jac = save_service(store, service_id=None, data=ServiceInput(
        name="JAC – jongerenonthaal", organization_name="CAW Zuid-West-Vlaanderen", description="Vrij onthaal",
        categories=("youth_care",), themes=("health.mental",), phone="056 00 20 20", minimum_age=12, maximum_age=25))
    set_private_notes(store, service_id=ocmw, notes="PRIVE: lange wachtrij op maandag")
    set_colour(store, organization_id=get_service(store, service_id=ocmw).organization_id, colour="red")
    return ocmw, jac


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vcards_of_contact_persons_read_back(store, tmp_path: Path, version: str) -> None:
    make_services(store)
    export_kaart(store, out=tmp_path / "kaart.vcf", format="vcard", vcard_version=version)
    cards = list(vobject.readComponents((tmp_path / "kaart.vcf").read_text(encoding="utf-8")))
    by_name = {c.fn.value: c for c in cards}
    assert set(by_name) == {"Zoë Çelik", "Łukasz Nowak"}
    zoe = by_name["Zoë Çelik"]
    assert zoe.version.value == version
    assert zoe.org.value == ["OCMW Kortrijk"]
    assert zoe.title.value == "maatschappelijk werker"
    assert zoe.email.value == "zoe@example.be"
    assert zoe.tel.value == ("tel:+3256001002" if version == "4.0" else "056 00 10 02")
    assert by_name["Łukasz Nowak"].note.value == "Backup voor Sociale dienst – onthaal"
    assert "PRIVE" not in (tmp_path / "kaart.vcf").read_text(encoding="utf-8")


def test_wegwijzer_pdf_for_parents_is_plain_dutch_without_private_notes(store, tmp_path: Path) -> None:
    # GIVEN two services, one with private notes and a red colour
    ocmw, jac = make_services(store)
    # WHEN a wegwijzer for parents is printed
    export_kaart(store, out=tmp_path / "wegwijzer.pdf", format="pdf", service_ids=[ocmw, jac], audience="parents")
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "wegwijzer.pdf").pages)
    # THEN it reads as a Dutch guide, grouped by theme, with numbers and hours
    for expected in ("Wegwijzer: wie kan helpen?", "Financieel, materieel en administratie", "Sociale dienst – onthaal",
                     "056 00 10 01", "056 00 99 10", "ma–vr 09:00–12:00, 13:00–17:00", "Wat doen ze niet",
                     "Geen juridisch advies", "Voor: ouders", "JAC – jongerenonthaal", "12 tot 25 jaar"):
        assert expected in text, expected
    # AND no private notes, colours or contact-person names for parents
    assert "PRIVE" not in text and "rood" not in text.lower()
    assert "Zoë Çelik" not in text


def test_wegwijzer_for_the_school_team_names_the_fixed_contact(store, tmp_path: Path) -> None:
    ocmw, _jac = make_services(store)
    export_kaart(store, out=tmp_path / "school.pdf", format="pdf", service_ids=[ocmw], audience="school")
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "school.pdf").pages)
    assert "Vast gezicht" in text and "Zoë Çelik" in text and "Łukasz Nowak" in text
    assert "Komt naar school" in text and "Voor: schoolteam" in text
    assert "PRIVE" not in text


def test_every_export_and_print_is_in_the_audit_trail_without_content(store, tmp_path: Path) -> None:
    make_services(store)
    for fmt, name in (("json", "k.json"), ("csv", "k.csv"), ("vcard", "k.vcf"), ("pdf", "k.pdf")):
        export_kaart(store, out=tmp_path / name, format=fmt)
    with store.read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        logged = [(e.action, e.subject_kind) for e in entries]
        details = " ".join(e.detail for e in entries)
    assert logged == [("export", "kaart:json"), ("export", "kaart:csv"), ("export", "kaart:vcard"),
                      ("print", "kaart:pdf")]
    assert "OCMW" not in details
