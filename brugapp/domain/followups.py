"""Follow-ups (opvolging): statuses, the today / overdue / this week buckets, unanswered attempts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import NamedTuple

from brugapp.domain.vocabulary import Term, Vocabulary
from brugapp.i18n import N_

ATTEMPTS_BEFORE_SUGGESTION = 3  # after three unanswered tries, suggest the backup contact and the CLB


class FollowUpStatus(StrEnum):
    PLANNED = "planned"  # gepland
    DONE = "done"  # gedaan
    CANCELLED = "cancelled"  # geannuleerd
    NO_ANSWER = "no_answer"  # geen antwoord (still open: try again)
    NOT_NEEDED = "not_needed"  # niet meer nodig


FOLLOWUP_STATUSES = Vocabulary("followup_status", [
    Term(FollowUpStatus.PLANNED, N_("Planned")),
    Term(FollowUpStatus.DONE, N_("Done")),
    Term(FollowUpStatus.CANCELLED, N_("Cancelled")),
    Term(FollowUpStatus.NO_ANSWER, N_("No answer")),
    Term(FollowUpStatus.NOT_NEEDED, N_("No longer needed")),
])

OPEN_STATUSES: frozenset[str] = frozenset({FollowUpStatus.PLANNED, FollowUpStatus.NO_ANSWER})


class Channel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    SMS = "sms"
    VISIT = "visit"
    LETTER = "letter"


CHANNELS = Vocabulary("attempt_channel", [
    Term(Channel.PHONE, N_("Phone call")),
    Term(Channel.EMAIL, N_("E-mail")),
    Term(Channel.SMS, N_("Text message")),
    Term(Channel.VISIT, N_("Visit")),
    Term(Channel.LETTER, N_("Letter")),
])


class Bucket(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    THIS_WEEK = "this_week"
    LATER = "later"


BUCKETS = Vocabulary("followup_bucket", [
    Term(Bucket.OVERDUE, N_("Overdue")),
    Term(Bucket.TODAY, N_("Today")),
    Term(Bucket.THIS_WEEK, N_("This week")),
    Term(Bucket.LATER, N_("Later")),
])


def end_of_week(today: dt.date) -> dt.date:
    """The Sunday of today's week (a working week ends on Friday, but a Saturday call still counts)."""
    return today + dt.timedelta(days=6 - today.weekday())


def bucket_of(due: dt.date, today: dt.date) -> str:
    if due < today:
        return Bucket.OVERDUE
    if due == today:
        return Bucket.TODAY
    if due <= end_of_week(today):
        return Bucket.THIS_WEEK
    return Bucket.LATER


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES


class Attempt(NamedTuple):  # not a frozen dataclass: made in a fifth of the time (start-up)
    at: dt.datetime
    channel: str
    answered: bool


class Unanswered(NamedTuple):  # not a frozen dataclass: made in a fifth of the time (start-up)
    """'Geen antwoord sinds …': the first unanswered try after the last answer, and how many since."""

    since: dt.datetime
    tries: int
    suggest_alternatives: bool  # propose the backup contact and the CLB


def unanswered(attempts: Iterable[Attempt]) -> Unanswered | None:
    ordered = sorted(attempts, key=lambda a: a.at)
    streak: list[Attempt] = []
    for attempt in ordered:
        streak = [] if attempt.answered else [*streak, attempt]
    if not streak:
        return None
    return Unanswered(streak[0].at, len(streak), len(streak) >= ATTEMPTS_BEFORE_SUGGESTION)
