"""The year report (*jaarrapport*): anonymised figures per school and school year.

Every figure is an SQL aggregate (GROUP BY in the database), all of them counted in one statement
(``store/report_reads.py``), so the report stays quick on a programme
with 10,000 families. A contact moment belongs to a school through the families it concerns (its main
family, further families and members taking part) and their children's school link in the notebook;
a family with children at two schools counts at both. Anonymous contacts belong to no school: they
count only in the report for all schools. What may be shown (suppression of small counts) is decided
in ``domain/reporting.py``; nothing here returns a name of a family, a member or a worker, nor a note.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

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
from brugapp.store import report_reads as reads
from brugapp.store.models.school import school_label
from brugapp.store.today_reads import utc_text

GROUP_CHANNELS = ("groepsactiviteit", "koffiemoment")
NO_CATEGORY = N_("Not on the social map / no category")
STILL_OPEN = N_("Still open")
# Measured on 10,000 families (100,000 contact moments): a year with half of them takes 2.4× longer through the
# date index than by a scan; a year with 50 of them 0.1 s less. One in eight is well on the index's side.
INDEXED_SHARE = 8
TOP_THEMES = tuple(str(term.code) for term in THEMES.top_level())
Figures = dict[str, list[list[Any]]]  # each figure's rows, by name (``_Scope.figures``)
# The tables every report begins with (key, title, header): Rapportage builds their cards while it counts.
SUMMARY = ("summary", N_("Key figures"), (N_("Figure"), N_("Number")))
FAMILIES = ("families", N_("Families reached"), (N_("Families"), N_("Number")))
BY_CHANNEL = ("channels", N_("Contact moments by channel"), (N_("Channel"), N_("Contact moments")))
BY_THEME = ("themes", N_("Contact moments by theme"), (N_("Theme"), N_("Contact moments")))


def first_tables() -> tuple[ReportTable, ...]:
    """The tables every year report begins with, without their rows (``SUMMARY`` … ``BY_THEME``)."""
    return tuple(ReportTable(key, title, header, ()) for key, title, header in (SUMMARY, FAMILIES, BY_CHANNEL,
                                                                                BY_THEME))


def _vocab_label(vocabulary: object, code: str) -> Label:
    """A code's msgid (translated when shown); an unknown code is shown as itself."""
    if code in vocabulary:  # type: ignore[operator]
        return Label(vocabulary.get(code).label)  # type: ignore[attr-defined]
    return Label(code or "–", literal=True)


class _Scope:
    """The school year (and the school) every figure selects, and the session it is counted in."""

    def __init__(self, session: Session, year: SchoolYear, school_pk: int | None) -> None:
        self.session = session
        self.year = year
        self.school_pk = school_pk
        self.school = school_pk is not None
        start, end = local_day_bounds(year.first_day)[0], local_day_bounds(year.last_day)[1]
        self.parameters = {"start": utc_text(start), "end": utc_text(end), "first_day": year.first_day.isoformat(),
                           "last_day": year.last_day.isoformat(), "school": school_pk}

    def _wanted(self, indexed: bool, charts_only: bool) -> list[tuple[str, str, int]]:
        """(name, statement, number of columns) of each figure, the year read through the date index or not."""
        school = self.school
        wanted: list[tuple[str, str, int]] = [
            ("channels", reads.per_channel(indexed, school), 3),
            ("top_themes", reads.per_top_theme(indexed, school, TOP_THEMES), 2),
            ("themes", reads.per_theme(indexed, school), 2),
            ("categories", reads.referrals_per_category(school), 2),
            ("intensity_outcome", reads.referrals_per_intensity_and_outcome(school), 3),
        ]
        if not charts_only:
            wanted += [
                ("families", reads.families_reached(indexed, school), 2),
                ("meetings", reads.meetings_per_type(school), 2),
                ("signals", reads.signals_in_year(school), 6),
                ("group_contacts", reads.group_contacts(indexed, school, GROUP_CHANNELS), 2),
                ("group_families", reads.group_families(indexed, school, GROUP_CHANNELS), 2),
                ("events", reads.events_per_type(school), 3),
            ]
            if not school:
                wanted += [
                    ("school_contacts", reads.contacts_per_school(indexed), 3),
                    ("school_referrals", reads.REFERRALS_PER_SCHOOL, 2),
                    ("schools", reads.SCHOOLS, 3),
                ]
        return wanted

    def figures(self, *, charts_only: bool = False) -> Figures:
        """Every figure's rows, by name, counted in one statement (``report_reads.combined``).

        A year that holds a small share of the notebook (fewer than one in ``INDEXED_SHARE`` contact moments: the
        current one in its first months, on a store that keeps earlier years) is read through the date index: its
        few rows, not the whole notebook. The statement decides, and counts each figure the one way.
        """
        indexed, scanned = self._wanted(True, charts_only), self._wanted(False, charts_only)
        sql = reads.combined(tuple((one, other, width) for (_name, one, width), (_same, other, _width)
                                   in zip(indexed, scanned, strict=True)))
        row = reads.rows(self.session, sql, {**self.parameters, "share": INDEXED_SHARE})[0]
        return {name: json.loads(text) for (name, *_rest), text in zip(indexed, row, strict=True)}


def _rows(pairs: Iterable[tuple[str, int]], vocabulary: object, *, keep_order: bool = True
          ) -> tuple[tuple[Label | Count, ...], ...]:
    counts = dict(pairs)
    codes = [c for c in vocabulary.codes() if counts.get(c)] if keep_order else []  # type: ignore[attr-defined]
    codes += sorted(c for c in counts if c not in codes and counts[c])
    return tuple((_vocab_label(vocabulary, c), Count(counts[c])) for c in codes)


def _contacts_tables(figures: Figures) -> tuple[ReportTable, ReportTable, dict[str, int]]:
    per_channel = figures["channels"]
    by_channel = [(channel, n) for channel, n, _anonymous in per_channel]
    by_top: dict[str, int] = {code: n for code, n in figures["top_themes"]}
    by_code: dict[str, int] = {code: n for code, n in figures["themes"]}
    theme_rows: list[tuple[Label | Count, ...]] = []
    for term in THEMES.top_level():
        if not by_top.get(term.code):
            continue
        theme_rows.append((Label(term.label), Count(by_top[term.code])))
        theme_rows.extend((Label(child.label, level=1), Count(by_code[child.code]))
                          for child in THEMES.children(term.code) if by_code.get(child.code))
    channel_table = ReportTable(*BY_CHANNEL, _rows(by_channel, CHANNELS))
    theme_table = ReportTable(
        *BY_THEME, tuple(theme_rows),
        note=N_("A contact moment can touch several themes; the numbers do not add up to the total."))
    totals = {"contacts": sum(n for _c, n, _a in per_channel), "anonymous": sum(int(a) for _c, _n, a in per_channel)}
    return channel_table, theme_table, totals


def _families(figures: Figures) -> tuple[int, int]:
    """(families reached, of which new): new = no contact moment before the school year's 1 September."""
    total, new = figures["families"][0]
    return int(total), int(new)


def _referral_tables(figures: Figures) -> tuple[list[ReportTable], int]:
    by_category = figures["categories"]
    by_intensity: dict[str, int] = {}
    by_outcome: dict[str, int] = {}
    for intensity, outcome, number in figures["intensity_outcome"]:
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


def _group_table(figures: Figures) -> ReportTable:
    contacts: dict[str, int] = {code: n for code, n in figures["group_contacts"]}
    families: dict[str, int] = {code: n for code, n in figures["group_families"]}
    rows: list[tuple[Label | Count, ...]] = [
        (_vocab_label(CHANNELS, code), Count(contacts.get(code, 0)), Count(families.get(code, 0)))
        for code in GROUP_CHANNELS
    ]
    for event_type, number, came in sorted(figures["events"]):
        rows.append((_vocab_label(MEETING_TYPES, event_type), Count(number), Count(int(came))))
    return ReportTable(
        "group", N_("Group activities"), (N_("Activity"), N_("Number"), N_("Participants")), tuple(rows),
        note=N_("Participants: families reached for group moments in the notebook; people present for events."))


def _meetings_table(figures: Figures) -> tuple[ReportTable, int]:
    by_type = [(code, n) for code, n in figures["meetings"]]
    table = ReportTable("meetings", N_("Meetings by type"), (N_("Type of meeting"), N_("Meetings")),
                        _rows(by_type, MEETING_TYPES))
    return table, sum(n for _code, n in by_type)


SIGNAL_HELD_BACK = N_("(description held back: it names a person, an address or contact details)")


def _signals_table(session: Session, figures: Figures) -> ReportTable:
    anonymised = anonymised_checker(session)  # a signal that names someone never reaches a report
    rows = tuple(
        (Label(format_date(dt.date.fromisoformat(day), "medium"), literal=True), _vocab_label(THEMES, theme),
         Label(description, literal=True) if anonymised(description) else Label(SIGNAL_HELD_BACK),
         Count(families), Label(passed_on_to or "–", literal=True))
        for day, theme, description, families, passed_on_to, _id in sorted(figures["signals"],
                                                                            key=lambda s: (s[0], s[5]))
    )
    return ReportTable("signals", N_("Signals passed on"),
                       (N_("Date"), N_("Theme"), N_("Signal"), N_("Families"), N_("Passed on to")), rows)


PER_SCHOOL_NOTE = N_("Why the schools add up to more than the totals: a family with children at two schools counts "
                     "at both, with its contact moments and referrals. The last row counts each contact moment, "
                     "family and referral once, as the key figures do; it also holds anonymous contacts and "
                     "families without a school.")


def _per_school_table(figures: Figures, totals: tuple[int, int, int]) -> ReportTable:
    contacts = {school: (n_contacts, n_families) for school, n_contacts, n_families in figures["school_contacts"]}
    referrals = {school: int(n) for school, n in figures["school_referrals"]}
    rows = []
    for school_pk, name, site_name in sorted(figures["schools"], key=lambda s: (s[1], s[2] is not None, s[2] or "")):
        n_contacts, n_families = contacts.get(school_pk, (0, 0))
        n_referrals = referrals.get(school_pk, 0)
        if n_contacts or n_referrals:
            rows.append((Label(school_label(name, site_name), literal=True), Count(n_contacts), Count(n_families),
                         Count(n_referrals)))
    if rows:
        rows.append((Label(N_("Total, each counted once")), Count(totals[0]), Count(totals[1]), Count(totals[2])))
    return ReportTable("schools", N_("Per school"),
                       (N_("School"), N_("Contact moments"), N_("Families reached"), N_("Referrals")), tuple(rows),
                       note=PER_SCHOOL_NOTE)


def _school(session: Session, school_id: str | None) -> tuple[int, str, str] | None:
    """(pk, id, name) of the chosen school; None for all schools."""
    if not school_id:
        return None
    found = reads.rows(session, reads.SCHOOL_BY_UUID, {"id": school_id})
    if not found:
        raise NotFoundError(_("No school with id {id}.").format(id=school_id))
    pk, uuid, name, site_name = found[0]
    return pk, uuid, school_label(name, site_name)


def school_year_report(store: Store, *, school_year: SchoolYear, school_id: str | None = None,
                       made_on: dt.date | None = None) -> SchoolYearReport:
    """The anonymised figures of one school year, for one school or (``school_id`` None) all schools.

    Only counts leave this function (and signals, which are anonymised when recorded); small counts are
    suppressed when shown, by ``domain.reporting``.
    """
    with store.read() as session:
        school = _school(session, school_id)
        figures = _Scope(session, school_year, school[0] if school else None).figures()
        channels, themes, totals = _contacts_tables(figures)
        reached, new = _families(figures)
        referral_tables, referrals = _referral_tables(figures)
        meetings, meeting_count = _meetings_table(figures)
        signals = _signals_table(session, figures)
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
            *SUMMARY, tuple(summary_rows),
            note="" if school is None else
            N_("Anonymous contacts and families without a school link count only in the report for all schools."))
        tables = [summary, _families_table(reached, new), channels, themes, *referral_tables,
                  _group_table(figures), meetings, signals]
        if school is None:
            tables.append(_per_school_table(figures, (totals["contacts"], reached, referrals)))
        return SchoolYearReport(school_year=school_year, school_id=school[1] if school else "",
                                school_name=school[2] if school else "", made_on=made_on or today_local(),
                                tables=tuple(tables))


def chart_figures(store: Store, *, school_year: SchoolYear, school_id: str | None = None) -> SchoolYearReport:
    """Only what the charts compare with a previous year (channels, themes, referrals): half the queries of
    ``school_year_report``, which the printed report would otherwise run a second time for last year."""
    with store.read() as session:
        school = _school(session, school_id)
        figures = _Scope(session, school_year, school[0] if school else None).figures(charts_only=True)
        channels, themes, _totals = _contacts_tables(figures)
        referral_tables, _referrals = _referral_tables(figures)
        return SchoolYearReport(school_year=school_year, school_id=school[1] if school else "",
                                school_name=school[2] if school else "", made_on=today_local(),
                                tables=(channels, themes, *referral_tables))


def _families_table(reached: int, new: int) -> ReportTable:
    return ReportTable(*FAMILIES, (
        (Label(N_("New families")), Count(new)),
        (Label(N_("Continuing families")), Count(reached - new)),
        (Label(N_("Total families reached")), Count(reached)),
    ), note=N_("A family is new when it had no contact moment before 1 September of this school year."))


def school_choices(store: Store) -> list[tuple[str, str]]:
    """(id, name) of every school site, for the school picker."""
    with store.read() as session:
        return [(uuid, school_label(name, site_name)) for uuid, name, site_name in
                reads.rows(session, reads.SCHOOL_CHOICES, {})]


def _audit(session: Session, *, action: str, report: SchoolYearReport, kind: str) -> None:
    """What was printed or exported, for whom: never a figure."""
    from brugapp.services.audit import record_audit

    record_audit(session, action=action, subject_kind=kind, subject_uuid=report.school_id,
                 audience="report", detail=report.school_year.label)


def print_report(store: Store, *, school_year: SchoolYear, school_id: str | None = None, path: Path) -> Path:
    """Write the year report PDF and log the print in the audit trail."""
    from brugapp.printing.charts import chart_flowables
    from brugapp.printing.report import write_report_pdf
    from brugapp.services.reporting.charts import report_charts

    report = school_year_report(store, school_year=school_year, school_id=school_id)
    charts = report_charts(store, school_year=school_year, school_id=school_id, report=report)
    write_report_pdf(report, path, charts=chart_flowables(charts))
    with store.session() as session:
        _audit(session, action="print", report=report, kind="year_report")
    return path


def export_report_csv(store: Store, *, school_year: SchoolYear, school_id: str | None = None, path: Path) -> Path:
    """Write the same tables as CSV for Excel and log the export in the audit trail."""
    from brugapp.exchange.report_csv import write_report_csv
    from brugapp.printing.report import report_title

    report = school_year_report(store, school_year=school_year, school_id=school_id)
    write_report_csv(report, path, title=report_title(report))
    with store.session() as session:
        _audit(session, action="export", report=report, kind="year_report:csv")
    return path
