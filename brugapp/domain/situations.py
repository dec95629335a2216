"""A member's situation (residential care, foster family, boarding school, hospital stay …) and who may know it.

The disclosure rule, written once; every print and export asks ``may_disclose``:
- a situation names, per audience (the school, the CLB, welfare services), whether it may be told; nothing is
  told to an audience that was not chosen (need to know, not nice to know);
- the choice can be made by a parent or guardian, or by the youth themself from 12 on (a younger child's own
  word is not enough: ``domain.consent.giver_refusal``);
- a situation that may be told still needs consent for that recipient (``domain.consent``); the caller passes
  the consent decision's verdict in ``consent_allows``;
- a situation that ended more than a school year ago is history: it is not printed any more.
Pure: no I/O, no clock (the caller passes ``on``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from brugapp.domain.consent import GivenBy, RecipientKind, giver_refusal
from brugapp.domain.vocabulary import Term, Vocabulary
from brugapp.i18n import N_

HISTORY_AFTER_DAYS = 365  # an ended stay older than this is no longer need to know


class Audience(StrEnum):
    SCHOOL = "school"  # directie, zorgcoördinator, teachers: discretion but no professional secrecy
    CLB = "clb"  # the pupil guidance centre (beroepsgeheim)
    SERVICES = "services"  # welfare and youth care services (beroepsgeheim)


AUDIENCES = Vocabulary("situation_audience", [
    Term(Audience.SCHOOL, N_("The school")),
    Term(Audience.CLB, N_("The CLB")),
    Term(Audience.SERVICES, N_("Welfare services")),
])

SITUATION_KINDS = Vocabulary("situation_kind", [
    Term("residential_care", N_("Residential care (living group)")),
    Term("foster_family", N_("Foster family")),
    Term("boarding_school", N_("Boarding school")),
    Term("hospital_stay", N_("Hospital stay")),
    Term("other", N_("Other situation")),
])

DECIDERS = Vocabulary("situation_decided_by", [
    Term(GivenBy.PARENT, N_("Parent")),
    Term(GivenBy.GUARDIAN, N_("Guardian")),
    Term(GivenBy.YOUTH, N_("The youth themself")),
])


@dataclass(frozen=True)
class SituationFact:
    """One situation as the rule needs it (built by the services from the store)."""

    kind: str
    from_on: dt.date
    until_on: dt.date | None
    disclosed_to: frozenset[str]  # Audience codes the family (or the youth) agreed may know
    decided_by: str = GivenBy.PARENT

    def is_current_or_recent(self, on: dt.date) -> bool:
        if on < self.from_on:
            return False
        return self.until_on is None or (on - self.until_on).days <= HISTORY_AFTER_DAYS


def audience_of(recipient_kind: str) -> str:
    """Which audience a consent recipient belongs to: a school is the school, anyone else a service."""
    return Audience.SCHOOL if recipient_kind == RecipientKind.SCHOOL else Audience.SERVICES


def may_disclose(fact: SituationFact, audience: str, *, on: dt.date, consent_allows: bool) -> bool:
    """May this situation be on a print or export for that audience on that day?"""
    return consent_allows and audience in fact.disclosed_to and fact.is_current_or_recent(on)


def decider_refusal(decided_by: str, *, subject_age: int | None) -> str:
    """'' when this person may decide who knows; else the reason (msgid). Same age rule as consent."""
    return giver_refusal(decided_by, subject_age=subject_age)
