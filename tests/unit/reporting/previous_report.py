"""The year report as it was counted before plain SQL (commit acadc59, ``services/reporting/report.py``), kept
unchanged as the reference for ``test_report_reads.py``: only the counting part (``school_year_report``, ``chart_figures``)."""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import and_, case, distinct, func, literal, or_, select, type_coerce, union_all
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased
from sqlalchemy.sql.expression import ColumnElement, Subquery

from brugapp.domain.clock import today_local
from brugapp.domain.kaart import CATEGORIES
from brugapp.domain.meetings import MEETING_TYPES
from brugapp.domain.notebook import CHANNELS
from brugapp.domain.referrals import INTENSITIES, OUTCOMES
from brugapp.domain.reporting import Count, Label, ReportTable, SchoolYearReport
from brugapp.domain.schoolyear import SchoolYear
from brugapp.domain.themes import THEMES
from brugapp.errors import NotFoundError
from brugapp.i18n import N_, _, format_date
from brugapp.services.reporting.signals import anonymised_checker
from brugapp.services.today import local_day_bounds
from brugapp.store import Store
from brugapp.store.base import UTCDateTime
from brugapp.store.models import School
from brugapp.store.models.kaart import KaartServiceTerm
from brugapp.store.models.meetings import Event, EventRegistration, Meeting
from brugapp.store.models.notebook import ContactMoment, ContactParticipant, ContactTheme, FamilyMember
from brugapp.store.models.referrals import Referral
from brugapp.store.models.reporting import Signal

GROUP_CHANNELS = ("groepsactiviteit", "koffiemoment")
NO_CATEGORY = N_("Not on the social map / no category")
STILL_OPEN = N_("Still open")
# Measured on 10,000 families (100,000 contact moments): a year with half of them takes 2.4× longer through the
# date index than by a scan; a year with 50 of them 0.1 s less. One in eight is well on the index's side.
INDEXED_SHARE = 8


def _vocab_label(vocabulary: object, code: str) -> Label:
    """A code's msgid (translated when shown); an unknown code is shown as itself."""
    if code in vocabulary:  # type: ignore[operator]
        return Label(vocabulary.get(code).label)  # type: ignore[attr-defined]
    return Label(code or "–", literal=True)


class _Scope:
    """The SQL pieces that select the school year (and the school) once, reused by every figure."""

    def __init__(self, session: Session, year: SchoolYear, school_pk: int | None) -> None:
        self.year = year
        self.school_pk = school_pk
        # The date wrapped keeps SQLite off the date index: for a year that is a large share of the notebook,
        # scanning the table reads (and, encrypted, decrypts) fewer pages than following the index row by row.
        self.scanned_at = type_coerce(func.ifnull(ContactMoment.occurred_at, ContactMoment.occurred_at),
                                      UTCDateTime)
        self.start = local_day_bounds(year.first_day)[0]
        self.end = local_day_bounds(year.last_day)[1]
        # A year that holds a small share (the current one in its first months, on a store that keeps earlier
        # years) is read through the date index instead: its few rows, not the whole notebook.
        self.indexed = self._small_share(session)
        self.occurred_at = ContactMoment.occurred_at if self.indexed else self.scanned_at
        self.school_families = (
            select(FamilyMember.family_id).where(FamilyMember.school_id == school_pk).distinct().scalar_subquery()
            if school_pk is not None else None
        )

    def _small_share(self, session: Session) -> bool:
        """True when fewer than one in ``INDEXED_SHARE`` contact moments fall in the year (counted on the date
        index, stopping at that many)."""
        highest = session.scalar(select(func.max(ContactMoment.id))) or 0
        cap = highest // INDEXED_SHARE + 1
        in_year = (select(literal(1)).select_from(ContactMoment)
                   .where(ContactMoment.occurred_at >= self.start, ContactMoment.occurred_at < self.end)
                   .limit(cap).subquery())
        return (session.scalar(select(func.count()).select_from(in_year)) or 0) < cap

    def contact_families(self, *conditions: ColumnElement[bool], in_school: bool = True) -> Subquery:
        """(contact_id, family_id, at, channel) of the contact moments meeting ``conditions``: the main family,
        further families and the families of members taking part; only the school's families if one is chosen.
        """
        parts = []
        for family_column, joins in (
            (ContactMoment.family_id, ()),
            (ContactParticipant.family_id, ((ContactParticipant, ContactParticipant.contact_id == ContactMoment.id),)),
            (FamilyMember.family_id, ((ContactParticipant, ContactParticipant.contact_id == ContactMoment.id),
                                      (FamilyMember, FamilyMember.id == ContactParticipant.member_id))),
        ):
            part = select(ContactMoment.id.label("contact_id"), family_column.label("family_id"),
                          self.occurred_at.label("at"), ContactMoment.channel.label("channel"))
            for target, on in joins:
                part = part.join(target, on)
            part = part.where(family_column.is_not(None), *conditions)
            if in_school:
                part = part.where(*self.family_filter(family_column))
            parts.append(part)
        return union_all(*parts).subquery("contact_families")

    def live_in_year(self) -> list[ColumnElement[bool]]:
        return [ContactMoment.deleted_at.is_(None), self.occurred_at >= self.start, self.occurred_at < self.end]

    def contacts(self) -> list[ColumnElement[bool]]:
        """Conditions on ``ContactMoment`` selecting the contact moments counted in this report."""
        conditions = self.live_in_year()
        if self.school_families is not None:
            cf = self.contact_families(*conditions)
            conditions.append(ContactMoment.id.in_(select(cf.c.contact_id)))
        return conditions

    def family_filter(self, column: ColumnElement[int | None] | InstrumentedAttribute[int | None]
                      ) -> list[ColumnElement[bool]]:
        return [column.in_(self.school_families)] if self.school_families is not None else []


def _rows(pairs: Iterable[tuple[str, int]], vocabulary: object, *, keep_order: bool = True
          ) -> tuple[tuple[Label | Count, ...], ...]:
    counts = dict(pairs)
    codes = [c for c in vocabulary.codes() if counts.get(c)] if keep_order else []  # type: ignore[attr-defined]
    codes += sorted(c for c in counts if c not in codes and counts[c])
    return tuple((_vocab_label(vocabulary, c), Count(counts[c])) for c in codes)


def _contacts_tables(session: Session, scope: _Scope) -> tuple[ReportTable, ReportTable, dict[str, int]]:
    in_scope = scope.contacts()
    anonymous = func.coalesce(func.sum(case((ContactMoment.family_id.is_(None), 1), else_=0)), 0)
    per_channel = session.execute(select(ContactMoment.channel, func.count(), anonymous).where(*in_scope)
                                  .group_by(ContactMoment.channel)).all()
    by_channel = [(channel, n) for channel, n, _anonymous in per_channel]
    top = case(*[(or_(ContactTheme.theme == t.code, ContactTheme.theme.like(f"{t.code}.%")), literal(t.code))
                 for t in THEMES.top_level()], else_=ContactTheme.theme)
    themes = select().select_from(ContactTheme).join(ContactMoment, ContactMoment.id == ContactTheme.contact_id)
    by_top: dict[str, int] = dict(session.execute(
        themes.add_columns(top, func.count(distinct(ContactTheme.contact_id))).where(*in_scope).group_by(top)).all())
    by_code: dict[str, int] = dict(session.execute(
        themes.add_columns(ContactTheme.theme, func.count()).where(*in_scope).group_by(ContactTheme.theme)).all())
    theme_rows: list[tuple[Label | Count, ...]] = []
    for term in THEMES.top_level():
        if not by_top.get(term.code):
            continue
        theme_rows.append((Label(term.label), Count(by_top[term.code])))
        theme_rows.extend((Label(child.label, level=1), Count(by_code[child.code]))
                          for child in THEMES.children(term.code) if by_code.get(child.code))
    channel_table = ReportTable("channels", N_("Contact moments by channel"), (N_("Channel"), N_("Contact moments")),
                                _rows(by_channel, CHANNELS))
    theme_table = ReportTable(
        "themes", N_("Contact moments by theme"), (N_("Theme"), N_("Contact moments")), tuple(theme_rows),
        note=N_("A contact moment can touch several themes; the numbers do not add up to the total."))
    totals = {"contacts": sum(n for _c, n, _a in per_channel), "anonymous": sum(int(a) for _c, _n, a in per_channel)}
    return channel_table, theme_table, totals


def _families(session: Session, scope: _Scope) -> tuple[int, int]:
    """(families reached, of which new): new = no contact moment before the school year's 1 September."""
    if scope.indexed:
        return _families_of_few(session, scope)
    cf = scope.contact_families(ContactMoment.deleted_at.is_(None), scope.occurred_at < scope.end)
    in_year = case((cf.c.at >= scope.start, 1), else_=0)
    per_family = (select(func.min(cf.c.at).label("first_at"), func.max(in_year).label("in_year"))
                  .group_by(cf.c.family_id).subquery())
    total, new = session.execute(
        select(func.count(), func.coalesce(func.sum(case((per_family.c.first_at >= scope.start, 1), else_=0)), 0))
        .where(per_family.c.in_year == 1)).one()
    return int(total), int(new)


def _families_of_few(session: Session, scope: _Scope) -> tuple[int, int]:
    """``_families`` for a year of few contact moments: the year's families, each looked up for an earlier
    contact (as main family on the family index; as a further family or member taking part, against the
    participants read once), instead of every contact moment before the year's end grouped per family."""
    reached = select(scope.contact_families(*scope.live_in_year()).c.family_id).distinct().subquery("reached")
    before = [ContactMoment.deleted_at.is_(None), scope.scanned_at < scope.start]  # read from the participants
    as_main = (select(literal(1)).select_from(ContactMoment)
               .where(ContactMoment.family_id == reached.c.family_id, ContactMoment.deleted_at.is_(None),
                      ContactMoment.occurred_at < scope.start).exists())
    as_family = (select(ContactParticipant.family_id)
                 .join(ContactMoment, ContactMoment.id == ContactParticipant.contact_id)
                 .where(ContactParticipant.family_id.is_not(None), *before))
    as_member = (select(FamilyMember.family_id)
                 .join(ContactParticipant, ContactParticipant.member_id == FamilyMember.id)
                 .join(ContactMoment, ContactMoment.id == ContactParticipant.contact_id).where(*before))
    known = or_(as_main, reached.c.family_id.in_(as_family), reached.c.family_id.in_(as_member))
    total, new = session.execute(
        select(func.count(), func.coalesce(func.sum(case((known, 0), else_=1)), 0)).select_from(reached)).one()
    return int(total), int(new)


def _referral_tables(session: Session, scope: _Scope) -> tuple[list[ReportTable], int]:
    where = [Referral.referred_on >= scope.year.first_day, Referral.referred_on <= scope.year.last_day,
             *scope.family_filter(Referral.family_id)]
    first_term = (select(KaartServiceTerm.service_id, func.min(KaartServiceTerm.id).label("term_id"))
                  .where(KaartServiceTerm.vocabulary == "kaart_category")
                  .group_by(KaartServiceTerm.service_id).subquery())
    # Counted per service first, then a category per service: ~2,000 lookups instead of one per referral.
    per_service = (select(Referral.service_id, func.count().label("referrals")).where(*where)
                   .group_by(Referral.service_id).subquery())
    category = func.coalesce(KaartServiceTerm.code, "")
    by_category = session.execute(
        select(category, func.sum(per_service.c.referrals))
        .outerjoin(first_term, first_term.c.service_id == per_service.c.service_id)
        .outerjoin(KaartServiceTerm, KaartServiceTerm.id == first_term.c.term_id)
        .group_by(category)).all()
    by_intensity: dict[str, int] = {}
    by_outcome: dict[str, int] = {}
    for intensity, outcome, number in session.execute(  # one pass for both tables
            select(Referral.intensity, Referral.outcome, func.count()).where(*where)
            .group_by(Referral.intensity, Referral.outcome)).all():
        by_intensity[intensity] = by_intensity.get(intensity, 0) + number
        by_outcome[outcome] = by_outcome.get(outcome, 0) + number
    category_rows = [row for row in _rows([(c, n) for c, n in by_category if c], CATEGORIES)]
    unknown = sum(n for c, n in by_category if not c)
    if unknown:
        category_rows.append((Label(NO_CATEGORY), Count(unknown)))
    outcome_rows = [(Label(t.label), Count(by_outcome.get(t.code, 0))) for t in OUTCOMES]
    outcome_rows.append((Label(STILL_OPEN), Count(by_outcome.get("", 0))))
    tables = [
        ReportTable("referral_types", N_("Referrals by type of organisation"),
                    (N_("Type of organisation (social map)"), N_("Referrals")), tuple(category_rows)),
        ReportTable("referral_intensity", N_("Referrals by intensity"), (N_("Intensity"), N_("Referrals")),
                    tuple((Label(t.label), Count(by_intensity.get(t.code, 0))) for t in INTENSITIES)),
        ReportTable("referral_outcome", N_("Referrals by outcome"), (N_("Outcome"), N_("Referrals")),
                    tuple(outcome_rows)),
    ]
    return tables, sum(by_intensity.values())


def _group_table(session: Session, scope: _Scope) -> ReportTable:
    in_scope = scope.contacts()
    cf = scope.contact_families(*scope.live_in_year(), ContactMoment.channel.in_(GROUP_CHANNELS))
    contacts = dict(session.execute(
        select(ContactMoment.channel, func.count()).where(*in_scope, ContactMoment.channel.in_(GROUP_CHANNELS))
        .group_by(ContactMoment.channel)).all())
    families: dict[str, int] = dict(session.execute(
        select(cf.c.channel, func.count(distinct(cf.c.family_id))).group_by(cf.c.channel)).all())
    rows: list[tuple[Label | Count, ...]] = [
        (_vocab_label(CHANNELS, code), Count(contacts.get(code, 0)), Count(families.get(code, 0)))
        for code in GROUP_CHANNELS
    ]
    registration_on = EventRegistration.event_id == Event.id
    if scope.school_pk is not None:
        registration_on = and_(registration_on, EventRegistration.school_id == scope.school_pk)
    attended = func.coalesce(func.sum(case((EventRegistration.attendance_recorded, EventRegistration.attended),
                                           else_=0)), 0)
    events = select(Event.event_type, func.count(distinct(Event.id)), attended).outerjoin(
        EventRegistration, registration_on).where(Event.day >= scope.year.first_day, Event.day <= scope.year.last_day)
    if scope.school_pk is not None:
        events = events.where(EventRegistration.id.is_not(None))
    for event_type, number, came in session.execute(events.group_by(Event.event_type)).all():
        rows.append((_vocab_label(MEETING_TYPES, event_type), Count(number), Count(int(came))))
    return ReportTable(
        "group", N_("Group activities"), (N_("Activity"), N_("Number"), N_("Participants")), tuple(rows),
        note=N_("Participants: families reached for group moments in the notebook; people present for events."))


def _meetings_table(session: Session, scope: _Scope) -> tuple[ReportTable, int]:
    query = (select(Meeting.meeting_type, func.count())
             .where(Meeting.starts_at >= scope.start, Meeting.starts_at < scope.end, Meeting.status != "cancelled"))
    if scope.school_pk is not None:
        query = query.where(Meeting.school_id == scope.school_pk)
    by_type = session.execute(query.group_by(Meeting.meeting_type)).all()
    table = ReportTable("meetings", N_("Meetings by type"), (N_("Type of meeting"), N_("Meetings")),
                        _rows(by_type, MEETING_TYPES))
    return table, sum(n for _code, n in by_type)


SIGNAL_HELD_BACK = N_("(description held back: it names a person, an address or contact details)")


def _signals_table(session: Session, scope: _Scope) -> ReportTable:
    query = select(Signal).where(Signal.signalled_on >= scope.year.first_day,
                                 Signal.signalled_on <= scope.year.last_day)
    if scope.school_pk is not None:
        query = query.where(Signal.school_id == scope.school_pk)
    anonymised = anonymised_checker(session)  # a signal that names someone never reaches a report
    rows = tuple(
        (Label(format_date(s.signalled_on, "medium"), literal=True), _vocab_label(THEMES, s.theme),
         Label(s.description, literal=True) if anonymised(s.description) else Label(SIGNAL_HELD_BACK),
         Count(s.families_concerned), Label(s.passed_on_to or "–", literal=True))
        for s in session.scalars(query.order_by(Signal.signalled_on, Signal.id)).all()
    )
    return ReportTable("signals", N_("Signals passed on"),
                       (N_("Date"), N_("Theme"), N_("Signal"), N_("Families"), N_("Passed on to")), rows)


PER_SCHOOL_NOTE = N_("Why the schools add up to more than the totals: a family with children at two schools counts "
                     "at both, with its contact moments and referrals. The last row counts each contact moment, "
                     "family and referral once, as the key figures do; it also holds anonymous contacts and "
                     "families without a school.")


def _per_school_table(session: Session, scope: _Scope, totals: tuple[int, int, int]) -> ReportTable:
    cf = scope.contact_families(*scope.live_in_year(), in_school=False)
    contacts = (select(FamilyMember.school_id, func.count(distinct(cf.c.contact_id)),
                       func.count(distinct(cf.c.family_id)))
                .select_from(cf).join(FamilyMember, FamilyMember.family_id == cf.c.family_id)
                .where(FamilyMember.school_id.is_not(None))
                .group_by(FamilyMember.school_id))
    figures = {school: (n_contacts, n_families) for school, n_contacts, n_families in session.execute(contacts)}
    # Referrals counted per family, then per school through each (family, school) pair once: a family with two
    # children at one school counts its referrals there once, as count(DISTINCT referral) would. The pair is
    # taken at its first member (no earlier member of the family at that school, looked up on the family's
    # school index) instead of a DISTINCT over every pair: half the time on 10,000 families.
    per_family = (select(Referral.family_id, func.count().label("referrals"))
                  .where(Referral.referred_on >= scope.year.first_day, Referral.referred_on <= scope.year.last_day)
                  .group_by(Referral.family_id).subquery())
    earlier = aliased(FamilyMember)
    first_of_pair = ~(select(earlier.id).where(earlier.family_id == FamilyMember.family_id,
                                               earlier.school_id == FamilyMember.school_id,
                                               earlier.id < FamilyMember.id).exists())
    referrals = {school: int(n) for school, n in session.execute(
        select(FamilyMember.school_id, func.sum(per_family.c.referrals)).select_from(per_family)
        .join(FamilyMember, FamilyMember.family_id == per_family.c.family_id)
        .where(FamilyMember.school_id.is_not(None), first_of_pair)
        .group_by(FamilyMember.school_id)).all()}
    rows = []
    for school in session.scalars(select(School).order_by(School.name, School.site_name)):
        n_contacts, n_families = figures.get(school.id, (0, 0))
        n_referrals = referrals.get(school.id, 0)
        if n_contacts or n_referrals:
            rows.append((Label(school.label, literal=True), Count(n_contacts), Count(n_families), Count(n_referrals)))
    if rows:
        rows.append((Label(N_("Total, each counted once")), Count(totals[0]), Count(totals[1]), Count(totals[2])))
    return ReportTable("schools", N_("Per school"),
                       (N_("School"), N_("Contact moments"), N_("Families reached"), N_("Referrals")), tuple(rows),
                       note=PER_SCHOOL_NOTE)


def school_year_report(store: Store, *, school_year: SchoolYear, school_id: str | None = None,
                       made_on: dt.date | None = None) -> SchoolYearReport:
    """The anonymised figures of one school year, for one school or (``school_id`` None) all schools.

    Only counts leave this function (and signals, which are anonymised when recorded); small counts are
    suppressed when shown, by ``domain.reporting``.
    """
    with store.read() as session:
        school = None
        if school_id:
            school = session.scalar(select(School).where(School.uuid == school_id))
            if school is None:
                raise NotFoundError(_("No school with id {id}.").format(id=school_id))
        scope = _Scope(session, school_year, school.id if school else None)
        channels, themes, totals = _contacts_tables(session, scope)
        reached, new = _families(session, scope)
        referral_tables, referrals = _referral_tables(session, scope)
        meetings, meeting_count = _meetings_table(session, scope)
        signals = _signals_table(session, scope)
        summary_rows: list[tuple[Label | Count, ...]] = [(Label(N_("Contact moments")), Count(totals["contacts"]))]
        if school is None:
            summary_rows.append((Label(N_("of which anonymous"), level=1), Count(totals["anonymous"])))
        summary_rows += [
            (Label(N_("Families reached")), Count(reached)),
            (Label(N_("New families"), level=1), Count(new)),
            (Label(N_("Continuing families"), level=1), Count(reached - new)),
            (Label(N_("Referrals")), Count(referrals)),
            (Label(N_("Meetings")), Count(meeting_count)),
            # Signals are about a neighbourhood, not a family: their number is shown exactly, as they are listed.
            (Label(N_("Signals passed on")), Count(len(signals.rows), exact=True)),
        ]
        summary = ReportTable(
            "summary", N_("Key figures"), (N_("Figure"), N_("Number")), tuple(summary_rows),
            note="" if school is None else
            N_("Anonymous contacts and families without a school link count only in the report for all schools."))
        tables = [summary, _families_table(reached, new), channels, themes, *referral_tables,
                  _group_table(session, scope), meetings, signals]
        if school is None:
            tables.append(_per_school_table(session, scope, (totals["contacts"], reached, referrals)))
        return SchoolYearReport(school_year=school_year, school_id=school.uuid if school else "",
                                school_name=school.label if school else "", made_on=made_on or today_local(),
                                tables=tuple(tables))


def chart_figures(store: Store, *, school_year: SchoolYear, school_id: str | None = None) -> SchoolYearReport:
    """Only what the charts compare with a previous year (channels, themes, referrals): half the queries of
    ``school_year_report``, which the printed report would otherwise run a second time for last year."""
    with store.read() as session:
        school = session.scalar(select(School).where(School.uuid == school_id)) if school_id else None
        if school_id and school is None:
            raise NotFoundError(_("No school with id {id}.").format(id=school_id))
        scope = _Scope(session, school_year, school.id if school else None)
        channels, themes, _totals = _contacts_tables(session, scope)
        referral_tables, _referrals = _referral_tables(session, scope)
        return SchoolYearReport(school_year=school_year, school_id=school.uuid if school else "",
                                school_name=school.label if school else "", made_on=today_local(),
                                tables=(channels, themes, *referral_tables))


def _families_table(reached: int, new: int) -> ReportTable:
    return ReportTable("families", N_("Families reached"), (N_("Families"), N_("Number")), (
        (Label(N_("New families")), Count(new)),
        (Label(N_("Continuing families")), Count(reached - new)),
        (Label(N_("Total families reached")), Count(reached)),
    ), note=N_("A family is new when it had no contact moment before 1 September of this school year."))


