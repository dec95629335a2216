"""Referral (doorverwijzing / warme toeleiding): intensity, status state machine, outcome.

The status says where the referral stands; the outcome says how it ended. They are kept apart: a
referral is closed (afgerond, stopgezet, afgewezen, ingetrokken) only together with an outcome, and a
closed referral can be reopened (after a home visit, a new appointment …).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from brugapp.domain.vocabulary import Term, Vocabulary
from brugapp.i18n import N_

CHECK_AFTER_DAYS = 7  # a check date is proposed a week after each step
NO_SHOWS_BEFORE_WARNING = 2  # families drop out after two no-shows


class Intensity(StrEnum):
    INFO = "info"  # info gegeven
    CALLED = "called"  # zelf gebeld
    APPOINTMENT_MADE = "appointment_made"  # afspraak gemaakt
    ACCOMPANIED = "accompanied"  # meegegaan
    INTENSIVE = "intensive"  # intensieve opvolging als referentiepersoon


class Status(StrEnum):
    PREPARED = "prepared"  # voorbereid
    REGISTERED = "registered"  # aangemeld
    WAITING_LIST = "waiting_list"  # wachtlijst
    APPOINTMENT = "appointment"  # afspraak
    ONGOING = "ongoing"  # lopend
    COMPLETED = "completed"  # afgerond
    STOPPED = "stopped"  # stopgezet
    DECLINED = "declined"  # afgewezen
    WITHDRAWN = "withdrawn"  # ingetrokken


class Outcome(StrEnum):
    HELPED = "helped"
    PARTLY = "partly"
    NOT_HELPED = "not_helped"
    ELSEWHERE = "elsewhere"
    NO_LONGER_INTERESTED = "no_longer_interested"
    UNREACHABLE = "unreachable"


INTENSITIES = Vocabulary("referral_intensity", [
    Term(Intensity.INFO, N_("Information given")),
    Term(Intensity.CALLED, N_("Called the service myself")),
    Term(Intensity.APPOINTMENT_MADE, N_("Appointment made")),
    Term(Intensity.ACCOMPANIED, N_("Went along")),
    Term(Intensity.INTENSIVE, N_("Intensive follow-up")),
])

STATUSES = Vocabulary("referral_status", [
    Term(Status.PREPARED, N_("Prepared")),
    Term(Status.REGISTERED, N_("Signed up")),  # "aangemeld"; "Registered" means "ingeschreven" elsewhere
    Term(Status.WAITING_LIST, N_("Waiting list")),
    Term(Status.APPOINTMENT, N_("Appointment")),
    Term(Status.ONGOING, N_("Ongoing")),
    Term(Status.COMPLETED, N_("Completed")),
    Term(Status.STOPPED, N_("Stopped")),
    Term(Status.DECLINED, N_("Declined")),
    Term(Status.WITHDRAWN, N_("Withdrawn")),
])

OUTCOMES = Vocabulary("referral_outcome", [
    Term(Outcome.HELPED, N_("Helped")),
    Term(Outcome.PARTLY, N_("Partly helped")),
    Term(Outcome.NOT_HELPED, N_("Not helped")),
    Term(Outcome.ELSEWHERE, N_("Went elsewhere")),
    Term(Outcome.NO_LONGER_INTERESTED, N_("No longer interested")),
    Term(Outcome.UNREACHABLE, N_("Unreachable")),
])

# The verb on a status button ("Mark as …").
ACTION_LABELS: dict[str, str] = {
    Status.REGISTERED: N_("Registered with the service"),
    Status.WAITING_LIST: N_("On the waiting list"),
    Status.APPOINTMENT: N_("Appointment planned"),
    Status.ONGOING: N_("Help is ongoing"),
    Status.COMPLETED: N_("Complete"),
    Status.STOPPED: N_("Stop"),
    Status.DECLINED: N_("Declined by the service"),
    Status.WITHDRAWN: N_("Withdraw"),
}

CLOSED: frozenset[str] = frozenset({Status.COMPLETED, Status.STOPPED, Status.DECLINED, Status.WITHDRAWN})
OPEN: frozenset[str] = frozenset(s for s in Status if s not in CLOSED)
_CLOSE_FROM_ANY_OPEN = (Status.STOPPED, Status.WITHDRAWN)
_REOPEN_TO = (Status.REGISTERED, Status.WAITING_LIST, Status.APPOINTMENT, Status.ONGOING)

TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.PREPARED: (Status.REGISTERED, Status.APPOINTMENT, Status.ONGOING, Status.DECLINED,
                      *_CLOSE_FROM_ANY_OPEN),
    Status.REGISTERED: (Status.WAITING_LIST, Status.APPOINTMENT, Status.ONGOING, Status.DECLINED,
                        *_CLOSE_FROM_ANY_OPEN),
    Status.WAITING_LIST: (Status.APPOINTMENT, Status.ONGOING, Status.DECLINED, *_CLOSE_FROM_ANY_OPEN),
    Status.APPOINTMENT: (Status.ONGOING, Status.WAITING_LIST, Status.COMPLETED, *_CLOSE_FROM_ANY_OPEN),
    Status.ONGOING: (Status.APPOINTMENT, Status.COMPLETED, *_CLOSE_FROM_ANY_OPEN),
    Status.COMPLETED: _REOPEN_TO,
    Status.STOPPED: _REOPEN_TO,
    Status.DECLINED: _REOPEN_TO,
    Status.WITHDRAWN: _REOPEN_TO,
}


class TransitionRefused(ValueError):
    """The step is not allowed; ``reason`` is a msgid (translate when shown), ``field`` the form field."""

    def __init__(self, reason: str, *, field: str = "status") -> None:
        super().__init__(reason)
        self.reason = reason
        self.field = field


def allowed_next(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def is_closed(status: str) -> bool:
    return status in CLOSED


def check_transition(current: str, target: str, *, outcome: str = "", decline_reason: str = "") -> None:
    """Raise ``TransitionRefused`` unless ``current`` → ``target`` may happen with these details."""
    if target not in STATUSES:
        raise TransitionRefused(N_("Unknown status."))
    if target not in allowed_next(current):
        raise TransitionRefused(N_("This step is not possible from the current status."))
    if target in CLOSED:
        if not outcome:
            raise TransitionRefused(N_("Choose an outcome before closing the referral."), field="outcome")
        if outcome not in OUTCOMES:
            raise TransitionRefused(N_("Unknown outcome."), field="outcome")
    if target == Status.DECLINED and not decline_reason.strip():
        raise TransitionRefused(N_("Write down why the service declined."), field="decline_reason")


def initial_status(intensity: str, appointment_on: dt.date | None) -> str:
    """A warm referral with an appointment starts at 'afspraak'; otherwise it is prepared."""
    if appointment_on is not None or intensity in (Intensity.APPOINTMENT_MADE, Intensity.ACCOMPANIED):
        return Status.APPOINTMENT if appointment_on is not None else Status.REGISTERED
    if intensity in (Intensity.CALLED, Intensity.INTENSIVE):
        return Status.REGISTERED
    return Status.PREPARED


def proposed_check(day: dt.date, *, days: int = CHECK_AFTER_DAYS) -> dt.date:
    """The next check: ``days`` later, moved off the weekend to the Monday."""
    check = day + dt.timedelta(days=days)
    while check.weekday() >= 5:
        check += dt.timedelta(days=1)
    return check


def check_after_appointment(appointment_on: dt.date) -> dt.date:
    """After an appointment the natural question is 'how did it go?': the next working day."""
    return proposed_check(appointment_on, days=1)


class EventKind(StrEnum):
    CREATED = "created"
    STATUS = "status"
    NO_SHOW = "no_show"
    FEEDBACK = "feedback"
    APPOINTMENT = "appointment"
    NOTE = "note"


EVENT_KINDS = Vocabulary("referral_event", [
    Term(EventKind.CREATED, N_("Referral made")),
    Term(EventKind.STATUS, N_("Status changed")),
    Term(EventKind.NO_SHOW, N_("Missed appointment")),
    Term(EventKind.FEEDBACK, N_("Feedback received")),
    Term(EventKind.APPOINTMENT, N_("New appointment")),
    Term(EventKind.NOTE, N_("Note")),
])


@dataclass(frozen=True)
class NoShowAdvice:
    count: int
    warn: bool  # two or more: the family risks dropping out — propose to stop or to go along next time


def no_show_advice(count: int) -> NoShowAdvice:
    return NoShowAdvice(count, count >= NO_SHOWS_BEFORE_WARNING)
