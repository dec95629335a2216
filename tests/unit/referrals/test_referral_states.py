"""The referral state machine and the follow-up rules (pure domain)."""

from __future__ import annotations

import datetime as dt

import pytest

from brugapp.domain.followups import Attempt, Bucket, bucket_of, unanswered
from brugapp.domain.referrals import (
    Intensity,
    Status,
    TransitionRefused,
    allowed_next,
    check_transition,
    initial_status,
    proposed_check,
)


@pytest.mark.parametrize(("current", "target"), [
    (Status.PREPARED, Status.REGISTERED),
    (Status.REGISTERED, Status.WAITING_LIST),
    (Status.WAITING_LIST, Status.APPOINTMENT),
    (Status.APPOINTMENT, Status.ONGOING),
    (Status.ONGOING, Status.APPOINTMENT),
    (Status.STOPPED, Status.ONGOING),  # reopened after a home visit
    (Status.COMPLETED, Status.ONGOING),
    (Status.DECLINED, Status.REGISTERED),
    (Status.WITHDRAWN, Status.APPOINTMENT),
])
def test_allowed_steps(current, target):
    check_transition(current, target)
    assert target in allowed_next(current)


@pytest.mark.parametrize(("current", "target"), [
    (Status.PREPARED, Status.COMPLETED),  # nothing happened yet
    (Status.WAITING_LIST, Status.REGISTERED),
    (Status.ONGOING, Status.PREPARED),
    (Status.STOPPED, Status.COMPLETED),  # closed to closed
    (Status.COMPLETED, Status.PREPARED),
    (Status.ONGOING, Status.ONGOING),
    (Status.ONGOING, "flying"),
])
def test_refused_steps(current, target):
    with pytest.raises(TransitionRefused):
        check_transition(current, target, outcome="helped", decline_reason="vol")


@pytest.mark.parametrize("target", [Status.COMPLETED, Status.STOPPED, Status.WITHDRAWN])
def test_closing_without_outcome_is_refused(target):
    with pytest.raises(TransitionRefused) as refused:
        check_transition(Status.ONGOING, target)
    assert refused.value.field == "outcome"
    check_transition(Status.ONGOING, target, outcome="partly")


def test_declined_needs_a_reason_too():
    with pytest.raises(TransitionRefused) as refused:
        check_transition(Status.REGISTERED, Status.DECLINED, outcome="not_helped")
    assert refused.value.field == "decline_reason"
    check_transition(Status.REGISTERED, Status.DECLINED, outcome="elsewhere", decline_reason="Buiten werkgebied")


def test_unknown_outcome_refused():
    with pytest.raises(TransitionRefused):
        check_transition(Status.ONGOING, Status.COMPLETED, outcome="great")


@pytest.mark.parametrize(("intensity", "appointment", "expected"), [
    (Intensity.INFO, None, Status.PREPARED),
    (Intensity.CALLED, None, Status.REGISTERED),
    (Intensity.APPOINTMENT_MADE, dt.date(2026, 12, 1), Status.APPOINTMENT),
    (Intensity.APPOINTMENT_MADE, None, Status.REGISTERED),
    (Intensity.ACCOMPANIED, dt.date(2026, 12, 1), Status.APPOINTMENT),
])
def test_initial_status(intensity, appointment, expected):
    assert initial_status(intensity, appointment) == expected


def test_check_date_is_a_week_later_and_never_on_a_weekend():
    assert proposed_check(dt.date(2026, 11, 26)) == dt.date(2026, 12, 3)  # Thursday → Thursday
    assert proposed_check(dt.date(2026, 11, 26), days=2) == dt.date(2026, 11, 30)  # Saturday → Monday


@pytest.mark.parametrize(("due", "bucket"), [
    (dt.date(2026, 11, 25), Bucket.OVERDUE), (dt.date(2026, 11, 26), Bucket.TODAY),
    (dt.date(2026, 11, 29), Bucket.THIS_WEEK), (dt.date(2026, 11, 30), Bucket.LATER),
])
def test_buckets(due, bucket):
    assert bucket_of(due, dt.date(2026, 11, 26)) == bucket


def test_unanswered_streak_counts_since_the_last_answer():
    t = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
    h = dt.timedelta(hours=30)
    attempts = [Attempt(t, "phone", True), Attempt(t + h, "email", False), Attempt(t + 2 * h, "email", False)]
    result = unanswered(attempts)
    assert result is not None and (result.since, result.tries, result.suggest_alternatives) == (t + h, 2, False)
    result = unanswered([*attempts, Attempt(t + 3 * h, "phone", False)])
    assert result is not None and result.suggest_alternatives
    assert unanswered([*attempts, Attempt(t + 4 * h, "phone", True)]) is None
