"""Issue 14: one rule for all text at the service boundary (NUL, escapes, invisible names, bidi, NFC)."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brugapp.domain.text import ENCODING, INVISIBLE, NUL, UnsafeText, clean_text
from brugapp.errors import ValidationError
from brugapp.services.families.families import MemberInput, create_family, get_family, list_families
from brugapp.services.families.notebook import get_contact, log_contact
from brugapp.services.kaart.edit import ServiceInput, save_service
from brugapp.services.reporting.signals import list_signals, record_signal
from brugapp.services.search import search_everything
from tests.factories import make_family

THEME = "poverty.housing"


PERSIAN = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "mi-khaham", with a zero-width non-joiner


@pytest.mark.parametrize(("raw", "stored"), [
    ("Gezin Peeters", "Gezin Peeters"),
    ("Gezin \x1b[31mPeeters\x1b[0m", "Gezin Peeters"),           # colour codes
    ("Gezin \x1b]0;pwned\x07Peeters", "Gezin Peeters"),           # terminal title (OSC)
    ("Gezin \u202ePeeters", "Gezin Peeters"),                     # right-to-left override
    ("Gezin \u2067Peeters\u2069", "Gezin Peeters"),               # isolates
    ("Gezin Pee\u200bters\ufeff", "Gezin Peeters"),               # zero-width space, byte order mark
    (PERSIAN, PERSIAN),                                           # a Persian ZWNJ is spelling: kept
    ("regel een\r\nregel\ttwee\x07", "regel een\nregel\ttwee"),   # bell removed, lines and tabs kept
    ("Ame\u0301lie", "Amélie"),                                   # NFD typed, NFC stored
    ("   ", "   "),                                               # blank is the caller's "fill this in"
])
def test_clean_text_strips_what_hides_or_spoofs(raw, stored):
    assert clean_text(raw) == stored


@pytest.mark.parametrize(("raw", "kind"), [
    ("Peeters\x00 verborgen", NUL),
    ("Gezin \udcff", ENCODING),      # an invalid UTF-8 byte on the command line (surrogateescape)
    ("\u200b" * 10, INVISIBLE),
    ("\u3164\u3164", INVISIBLE),      # Hangul filler: a "letter" that shows nothing
    ("\u202e\u202e", INVISIBLE),      # only overrides: nothing would be left
    ("\x1b[31m", INVISIBLE),
])
def test_clean_text_refuses_what_cannot_be_stored(raw, kind):
    with pytest.raises(UnsafeText) as refused:
        clean_text(raw)
    assert refused.value.kind == kind


@given(st.text())
def test_clean_text_never_lets_a_control_or_override_through(raw):
    try:
        cleaned = clean_text(raw)
    except UnsafeText:
        return
    assert "\x00" not in cleaned and "\x1b" not in cleaned
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in cleaned)
    assert all(c in "\n\t" or unicodedata.category(c) != "Cc" for c in cleaned)
    assert unicodedata.is_normalized("NFC", cleaned)


def test_family_name_with_nul_is_refused_naming_the_field(store):
    with pytest.raises(ValidationError) as refused:
        create_family(store, display_name="Gezin Peeters\x00x")
    assert refused.value.field == "display_name"
    assert "Naam van het gezin" in refused.value.message
    assert list_families(store) == []


def test_invisible_member_name_refuses_the_whole_family(store):
    with pytest.raises(ValidationError) as refused:
        create_family(store, display_name="Gezin Peeters",
                      members=[MemberInput(role="child", first_name="\u200b\u200b\u200b")])
    assert refused.value.field == "first_name"
    assert list_families(store) == []  # all or nothing


def test_spoofing_family_name_is_stored_plain_and_found_by_search(store):
    family = create_family(store, display_name="Gezin \u202eSRETEEP\x1b[2J")
    assert get_family(store, family_id=family.id).display_name == "Gezin SRETEEP"
    assert [hit.label for hit in search_everything(store, text="SRETEEP")] == ["Gezin SRETEEP"]


def test_contact_note_keeps_lines_loses_escapes(store):
    family = make_family(store)
    contact = log_contact(store, channel="schoolpoort", family_id=family,
                          note="Vraag over factuur\n\tdeurwaarder\x1b[8m verborgen\x1b[0m")
    assert get_contact(store, contact_id=contact.id).note == "Vraag over factuur\n\tdeurwaarder verborgen"


def test_contact_note_with_nul_is_refused(store):
    with pytest.raises(ValidationError) as refused:
        log_contact(store, channel="schoolpoort", note="deel een\x00deel twee")
    assert refused.value.field == "note"


def test_signal_and_kaart_edit_go_through_the_same_rule(store):
    # Services without their own call: the guard on every text column catches them.
    with pytest.raises(ValidationError) as refused:
        record_signal(store, theme=THEME, description="\u200b\u200b\u200b\u200b", families_concerned=2)
    assert refused.value.field == "description"
    signal = record_signal(store, theme=THEME, description="Huisjesmelker \u202ein de wijk",
                           families_concerned=3, signalled_on=dt.date(2026, 11, 2))
    assert [s.description for s in list_signals(store)] == ["Huisjesmelker in de wijk"]
    assert signal.description == "Huisjesmelker in de wijk"
    with pytest.raises(ValidationError) as kaart:
        save_service(store, service_id=None,
                     data=ServiceInput(name="Schuld\x00hulp", organization_name="OCMW Kortrijk"))
    assert kaart.value.field == "name"


def test_invalid_utf8_on_the_command_line_gives_a_message_not_a_traceback(store, capsys):
    from brugapp.cli import main

    # GIVEN a terminal in another encoding: the byte 0xff arrives as a lone surrogate
    name = b"Gezin \xff".decode("utf-8", "surrogateescape")
    assert main(["family", "add", name, "--db", str(store.path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "UTF-8" in err
    assert list_families(store) == []


def test_referrals_and_meetings_go_through_the_same_rule(store):
    from brugapp.domain.referrals import Intensity
    from brugapp.services.meetings.meetings import MeetingInput, create_meeting, get_meeting
    from brugapp.services.referrals.referrals import create_referral, get_referral
    from tests.unit.referrals.test_referral_scenarios import kaart_service

    family = make_family(store)
    service = kaart_service(store)
    with pytest.raises(ValidationError) as refused:
        create_referral(store, family_id=family, service_id=service.id, intensity=Intensity.INFO,
                        question="Schulden\x00 en huur")
    assert refused.value.field == "question"
    referral = create_referral(store, family_id=family, service_id=service.id, intensity=Intensity.INFO,
                               question="Schulden \u202eneh\x1b[0m en huur")
    assert get_referral(store, referral_id=referral).question == "Schulden neh en huur"
    meeting = create_meeting(store, data=MeetingInput(
        title="Rondetafel \u2066Peeters\u2069", meeting_type="rondetafel",
        starts_at=dt.datetime(2026, 12, 10, 14, tzinfo=dt.UTC)))
    assert get_meeting(store, meeting_id=meeting).title == "Rondetafel Peeters"
