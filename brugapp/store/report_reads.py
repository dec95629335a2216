"""The year report's figures in plain SQL on the session's DB-API connection (as ``referrals_reads`` does).

Rapportage counts a school year on its first visit. Through SQLAlchemy each count built its ~16 statements again
(expressions, subqueries, cache keys) and turned every row into a Core row: about as much Python as SQLite's own
work, on a worker thread that shares the interpreter lock with the window. The statements are the ones
``services/reporting/report.py`` built before, written out once per kind of report (the year read through the date
index or by a scan, with or without a school): the same conditions, so the same query plans. ``combined`` runs them
all as one statement of one row (see there why). Parameters are named (``:start``, ``:school`` …); times are
compared as SQLAlchemy stores them (naive UTC text, ``YYYY-MM-DD HH:MM:SS.ffffff``), dates as ISO text.
``tests/unit/reporting/test_report_reads.py`` compares every table with the previous counting on awkward data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from brugapp.store.plain_reads import driver_rows

_CODE = re.compile(r"^[a-z_.]+$")  # vocabulary codes written into a statement (never user input)


rows = driver_rows  # ``:name`` parameters in a mapping


def quoted(codes: Iterable[object]) -> str:
    """Vocabulary codes as SQL string literals (a fixed list of the domain's codes)."""
    texts = [str(code) for code in codes]
    assert all(_CODE.match(text) for text in texts), texts
    return ", ".join(f"'{text}'" for text in texts)


# -- the pieces every contact figure shares ---------------------------------------------------------------------

SCHOOL_FAMILIES = ("(SELECT DISTINCT family_members.family_id FROM family_members "
                   "WHERE family_members.school_id = :school)")


def occurred_at(indexed: bool) -> str:
    # The date wrapped keeps SQLite off the date index: for a year that is a large share of the notebook,
    # scanning the table reads (and, encrypted, decrypts) fewer pages than following the index row by row.
    return "contact_moments.occurred_at" if indexed else \
        "ifnull(contact_moments.occurred_at, contact_moments.occurred_at)"


def live_in_year(indexed: bool) -> str:
    at = occurred_at(indexed)
    return f"contact_moments.deleted_at IS NULL AND {at} >= :start AND {at} < :end"


def contact_families(conditions: str, *, indexed: bool, in_school: bool) -> str:
    """(contact_id, family_id, at, channel) of the contact moments meeting ``conditions``: the main family,
    further families and the families of members taking part; only the school's families when ``in_school``."""
    at = occurred_at(indexed)
    columns = (f"contact_moments.id AS contact_id, {{family}} AS family_id, {at} AS at, "
               "contact_moments.channel AS channel")
    parts = []
    for family, joins in (
        ("contact_moments.family_id", ""),
        ("contact_participants.family_id",
         " JOIN contact_participants ON contact_participants.contact_id = contact_moments.id"),
        ("family_members.family_id",
         " JOIN contact_participants ON contact_participants.contact_id = contact_moments.id"
         " JOIN family_members ON family_members.id = contact_participants.member_id"),
    ):
        school = f" AND {family} IN {SCHOOL_FAMILIES}" if in_school else ""
        parts.append(f"SELECT {columns.format(family=family)} FROM contact_moments{joins} "
                     f"WHERE {family} IS NOT NULL AND {conditions}{school}")
    return " UNION ALL ".join(parts)


def counted_contacts(indexed: bool, school: bool) -> str:
    """Conditions on ``contact_moments`` selecting the contact moments counted in the report."""
    live = live_in_year(indexed)
    if not school:
        return live
    return (f"{live} AND contact_moments.id IN (SELECT contact_families.contact_id FROM "
            f"({contact_families(live, indexed=indexed, in_school=True)}) AS contact_families)")


# -- the statements, built once per kind of report ---------------------------------------------------------------

# True when fewer than one in ``:share`` contact moments fall in the year (counted on the date index, stopping there).
_CAP = "(SELECT ifnull(max(contact_moments.id), 0) / :share + 1 FROM contact_moments)"
SMALL_SHARE = (f"SELECT count(*) < {_CAP} FROM (SELECT 1 FROM contact_moments WHERE contact_moments.occurred_at >= "
               f":start AND contact_moments.occurred_at < :end LIMIT {_CAP})")


def _as_json(sql: str, width: int) -> str:
    names = ", ".join(f"c{n}" for n in range(width))
    return f"(WITH figure({names}) AS ({sql}) SELECT json_group_array(json_array({names})) FROM figure)"


@cache
def combined(figures: tuple[tuple[str, str, int], ...]) -> str:
    """One statement whose one row holds each figure's rows as a JSON array of arrays, in no particular order
    (the caller orders what it shows in order). Per figure: its SQL for a year read through the date index, for a
    year read by a scan (``occurred_at``), and its number of columns; ``SMALL_SHARE`` chooses, once.

    Counting a year was 17 queries and ~250 rows. Python's sqlite module lets go of the interpreter lock for every
    step (each row) and takes it back after: while the window built the page, the worker waited for it at each
    step, up to the interpreter's switch interval (5 ms): counting next to a busy thread took three times as long
    (measured). One statement of one row is one step: SQLite counts every figure while the window runs, and the
    worker takes the lock back once. The figures' own statements are unchanged inside it, so are their plans.
    """
    columns = []
    for indexed, scanned, width in figures:
        if indexed == scanned:
            columns.append(_as_json(indexed, width))
        else:
            columns.append(f"CASE WHEN (SELECT small FROM share) THEN {_as_json(indexed, width)} "
                           f"ELSE {_as_json(scanned, width)} END")
    return f"WITH share(small) AS ({SMALL_SHARE}) SELECT " + ", ".join(columns)


@cache
def per_channel(indexed: bool, school: bool) -> str:
    """(channel, contact moments, of which anonymous)."""
    return ("SELECT contact_moments.channel, count(*), "
            "coalesce(sum(CASE WHEN (contact_moments.family_id IS NULL) THEN 1 ELSE 0 END), 0) "
            f"FROM contact_moments WHERE {counted_contacts(indexed, school)} GROUP BY contact_moments.channel")


@cache
def per_top_theme(indexed: bool, school: bool, top_codes: tuple[str, ...]) -> str:
    """(top-level theme, contact moments touching it or one of its sub-themes)."""
    assert all(_CODE.match(code) for code in top_codes), top_codes
    top = ("CASE " + " ".join(f"WHEN (contact_themes.theme = '{code}' OR contact_themes.theme LIKE '{code}.%') "
                              f"THEN '{code}'" for code in top_codes) + " ELSE contact_themes.theme END")
    return (f"SELECT {top}, count(DISTINCT contact_themes.contact_id) FROM contact_themes "
            "JOIN contact_moments ON contact_moments.id = contact_themes.contact_id "
            f"WHERE {counted_contacts(indexed, school)} GROUP BY {top}")


@cache
def per_theme(indexed: bool, school: bool) -> str:
    """(theme, contact moments)."""
    return ("SELECT contact_themes.theme, count(*) FROM contact_themes "
            "JOIN contact_moments ON contact_moments.id = contact_themes.contact_id "
            f"WHERE {counted_contacts(indexed, school)} GROUP BY contact_themes.theme")


@cache
def families_reached(indexed: bool, school: bool) -> str:
    """(families reached, of which new): new = no contact moment before the year's first day."""
    if indexed:
        return _families_of_few(school)
    cf = contact_families(f"contact_moments.deleted_at IS NULL AND {occurred_at(False)} < :end",
                          indexed=False, in_school=school)
    return ("SELECT count(*), coalesce(sum(CASE WHEN (per_family.first_at >= :start) THEN 1 ELSE 0 END), 0) "
            "FROM (SELECT min(contact_families.at) AS first_at, "
            "max(CASE WHEN (contact_families.at >= :start) THEN 1 ELSE 0 END) AS in_year "
            f"FROM ({cf}) AS contact_families GROUP BY contact_families.family_id) AS per_family "
            "WHERE per_family.in_year = 1")


def _families_of_few(school: bool) -> str:
    """``families_reached`` for a year of few contact moments: the year's families, each looked up for an earlier
    contact (as main family on the family index; as a further family or member taking part, against the
    participants read once), instead of every contact moment before the year's end grouped per family."""
    reached = (f"SELECT DISTINCT contact_families.family_id AS family_id FROM "
               f"({contact_families(live_in_year(True), indexed=True, in_school=school)}) AS contact_families")
    before = f"contact_moments.deleted_at IS NULL AND {occurred_at(False)} < :start"  # read from the participants
    as_main = ("EXISTS (SELECT 1 FROM contact_moments WHERE contact_moments.family_id = reached.family_id "
               "AND contact_moments.deleted_at IS NULL AND contact_moments.occurred_at < :start)")
    as_family = ("SELECT contact_participants.family_id FROM contact_participants "
                 "JOIN contact_moments ON contact_moments.id = contact_participants.contact_id "
                 f"WHERE contact_participants.family_id IS NOT NULL AND {before}")
    as_member = ("SELECT family_members.family_id FROM family_members "
                 "JOIN contact_participants ON contact_participants.member_id = family_members.id "
                 "JOIN contact_moments ON contact_moments.id = contact_participants.contact_id "
                 f"WHERE {before}")
    known = f"({as_main} OR reached.family_id IN ({as_family}) OR reached.family_id IN ({as_member}))"
    return (f"SELECT count(*), coalesce(sum(CASE WHEN {known} THEN 0 ELSE 1 END), 0) FROM ({reached}) AS reached")


def _referrals_in_year(school: bool) -> str:
    where = "referrals.referred_on >= :first_day AND referrals.referred_on <= :last_day"
    return f"{where} AND referrals.family_id IN {SCHOOL_FAMILIES}" if school else where


@cache
def referrals_per_category(school: bool) -> str:
    """(category code or '', referrals): counted per service first, then the category of each service (its first
    category term on the social map, looked up on the service's terms): ~2,000 lookups instead of one per
    referral, and none of the terms of services without referrals this year."""
    first_category = ("(SELECT kaart_service_terms.code FROM kaart_service_terms "
                      "WHERE kaart_service_terms.service_id = per_service.service_id "
                      "AND kaart_service_terms.vocabulary = 'kaart_category' ORDER BY kaart_service_terms.id LIMIT 1)")
    return (f"SELECT coalesce({first_category}, '') AS category, sum(per_service.referrals) "
            "FROM (SELECT referrals.service_id AS service_id, count(*) AS referrals FROM referrals "
            f"WHERE {_referrals_in_year(school)} GROUP BY referrals.service_id) AS per_service GROUP BY category")


@cache
def referrals_per_intensity_and_outcome(school: bool) -> str:
    """(intensity, outcome, referrals): one pass for both tables."""
    return ("SELECT referrals.intensity, referrals.outcome, count(*) FROM referrals "
            f"WHERE {_referrals_in_year(school)} GROUP BY referrals.intensity, referrals.outcome")


@cache
def meetings_per_type(school: bool) -> str:
    where = "meetings.starts_at >= :start AND meetings.starts_at < :end AND meetings.status != 'cancelled'"
    if school:
        where += " AND meetings.school_id = :school"
    return f"SELECT meetings.meeting_type, count(*) FROM meetings WHERE {where} GROUP BY meetings.meeting_type"


@cache
def signals_in_year(school: bool) -> str:
    """(day, theme, description, families concerned, passed on to, id): shown by day, then as recorded."""
    where = "signals.signalled_on >= :first_day AND signals.signalled_on <= :last_day"
    if school:
        where += " AND signals.school_id = :school"
    return ("SELECT signals.signalled_on, signals.theme, signals.description, signals.families_concerned, "
            f"signals.passed_on_to, signals.id FROM signals WHERE {where}")


@cache
def group_contacts(indexed: bool, school: bool, channels: tuple[str, ...]) -> str:
    """(group channel, contact moments)."""
    return ("SELECT contact_moments.channel, count(*) FROM contact_moments "
            f"WHERE {counted_contacts(indexed, school)} AND contact_moments.channel IN ({quoted(channels)}) "
            "GROUP BY contact_moments.channel")


@cache
def group_families(indexed: bool, school: bool, channels: tuple[str, ...]) -> str:
    """(group channel, families reached)."""
    cf = contact_families(f"{live_in_year(indexed)} AND contact_moments.channel IN ({quoted(channels)})",
                          indexed=indexed, in_school=school)
    return (f"SELECT contact_families.channel, count(DISTINCT contact_families.family_id) FROM ({cf}) "
            "AS contact_families GROUP BY contact_families.channel")


@cache
def events_per_type(school: bool) -> str:
    """(event type, events, people present)."""
    registration_on = "event_registrations.event_id = events.id"
    if school:
        registration_on += " AND event_registrations.school_id = :school"
    where = "events.day >= :first_day AND events.day <= :last_day"
    if school:
        where += " AND event_registrations.id IS NOT NULL"
    return ("SELECT events.event_type, count(DISTINCT events.id), coalesce(sum(CASE WHEN "
            "event_registrations.attendance_recorded THEN event_registrations.attended ELSE 0 END), 0) "
            f"FROM events LEFT OUTER JOIN event_registrations ON {registration_on} WHERE {where} "
            "GROUP BY events.event_type")


@cache
def contacts_per_school(indexed: bool) -> str:
    """(school pk, contact moments, families reached): a family counts at each of its children's schools."""
    cf = contact_families(live_in_year(indexed), indexed=indexed, in_school=False)
    return ("SELECT family_members.school_id, count(DISTINCT contact_families.contact_id), "
            f"count(DISTINCT contact_families.family_id) FROM ({cf}) AS contact_families "
            "JOIN family_members ON family_members.family_id = contact_families.family_id "
            "WHERE family_members.school_id IS NOT NULL GROUP BY family_members.school_id")


# Referrals counted per family, then per school through each (family, school) pair once: a family with two
# children at one school counts its referrals there once, as count(DISTINCT referral) would. The pair is taken at
# its first member (no earlier member of the family at that school, looked up on the family's school index)
# instead of a DISTINCT over every pair: half the time on 10,000 families.
REFERRALS_PER_SCHOOL = (
    "SELECT family_members.school_id, sum(per_family.referrals) "
    "FROM (SELECT referrals.family_id AS family_id, count(*) AS referrals FROM referrals "
    "WHERE referrals.referred_on >= :first_day AND referrals.referred_on <= :last_day "
    "GROUP BY referrals.family_id) AS per_family "
    "JOIN family_members ON family_members.family_id = per_family.family_id "
    "WHERE family_members.school_id IS NOT NULL AND NOT (EXISTS (SELECT earlier.id FROM family_members AS earlier "
    "WHERE earlier.family_id = family_members.family_id AND earlier.school_id = family_members.school_id "
    "AND earlier.id < family_members.id)) "
    "GROUP BY family_members.school_id")

_SCHOOLS_IN_ORDER = "FROM schools ORDER BY schools.name, schools.site_name"
SCHOOLS = f"SELECT schools.id, schools.name, schools.site_name {_SCHOOLS_IN_ORDER}"
SCHOOL_CHOICES = f"SELECT schools.uuid, schools.name, schools.site_name {_SCHOOLS_IN_ORDER}"
SCHOOL_BY_UUID = "SELECT schools.id, schools.uuid, schools.name, schools.site_name FROM schools WHERE uuid = :id"
