"""The sociale kaart's list reads, in plain SQL on the DB-API connection of a read session
(``store/plain_reads.driver_rows``).

The map's first visit reads every service with its terms, places, phones and opening hours (~14,000 rows for
2,000 services). Through SQLAlchemy's result rows that cost ~25 ms more than the rows themselves
(``brugapp bench``: "page Sociale kaart: first visit"), so these run on the driver's own cursor, in the caller's
read transaction (one consistent view of the map). They are written against the tables as SQLite holds them:
dates as ISO text, booleans as 0/1; ``services/kaart/query.list_services`` converts.
``tests/unit/kaart/test_kaart_list_reads.py`` checks the summaries against the ORM's records.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from brugapp.store.plain_reads import driver_rows, marks


class KaartRows(NamedTuple):
    """Every row the list needs, each table in the order the map keeps it (insertion order, ``id``)."""

    # (pk, uuid, name, alternate name, description, target group, organisation pk, assured date ISO or None,
    #  status, referral route, comes to school 0/1, organisation uuid, organisation name, its alternate name)
    services: list[tuple[Any, ...]]
    terms: list[tuple[int, str, str]]  # (service pk, vocabulary, code)
    areas: list[tuple[int, str]]  # (service pk, municipality)
    cities: list[tuple[int, str]]  # (service pk, city of one of its locations)
    service_phones: list[tuple[int, str, str]]  # (service pk, number, purpose)
    organization_phones: list[tuple[int, str, str]]  # (organisation pk, number, purpose)
    schedules: list[tuple[int, str, str, str]]  # (service pk, byday, opens at, closes at)
    colours: list[tuple[int, str]]  # (organisation pk, Ken-je-buurt colour): private, for the brugfiguur's screen


_SERVICES = (
    "SELECT s.id, s.uuid, s.name, s.alternate_name, s.description, s.target_group, s.organization_id, "
    "s.assured_date, s.status, s.referral_route, s.comes_to_school, o.uuid, o.name, o.alternate_name "
    "FROM kaart_services AS s JOIN kaart_organizations AS o ON o.id = s.organization_id{where} ORDER BY s.id"
)
_TERMS = "SELECT service_id, vocabulary, code FROM kaart_service_terms{where} ORDER BY id"
_AREAS = "SELECT service_id, name FROM kaart_service_areas{where} ORDER BY id"
_CITIES = ("SELECT sl.service_id, l.city FROM kaart_service_locations AS sl "
           "JOIN kaart_locations AS l ON l.id = sl.location_id{where} ORDER BY sl.id")
_SERVICE_PHONES = ("SELECT service_id, number, purpose FROM kaart_phones WHERE service_id IS NOT NULL{also} "
                   "ORDER BY id")
_ORGANIZATION_PHONES = ("SELECT organization_id, number, purpose FROM kaart_phones "
                        "WHERE organization_id IS NOT NULL{also} ORDER BY id")
_SCHEDULES = "SELECT service_id, byday, opens_at, closes_at FROM kaart_schedules{where} ORDER BY id"
_COLOURS = "SELECT organization_id, colour FROM kaart_private_notes WHERE organization_id IS NOT NULL{also}"
# the list's first page: every service's name and organisation, to put the map in list order without reading it
_NAMES = ("SELECT s.id, s.name, o.name FROM kaart_services AS s "
          "JOIN kaart_organizations AS o ON o.id = s.organization_id ORDER BY s.id")
# every place the list names: the services' areas and the towns of their locations (as ``list_services`` does)
_PLACES = ("SELECT name FROM kaart_service_areas UNION SELECT l.city FROM kaart_service_locations AS sl "
           "JOIN kaart_locations AS l ON l.id = sl.location_id WHERE l.city IS NOT NULL AND l.city != ''")


def kaart_rows(session: Session, service_pks: Sequence[int] | None = None) -> KaartRows:
    """The whole map as plain rows, read on the session's driver connection (inside its transaction); with
    ``service_pks``, only those services and what belongs to them (their organisations' phones and colours)."""
    if service_pks is None:
        return KaartRows(*(driver_rows(session, sql.format(where="", also="")) for sql in (
            _SERVICES, _TERMS, _AREAS, _CITIES, _SERVICE_PHONES, _ORGANIZATION_PHONES, _SCHEDULES, _COLOURS)))
    pks = tuple(service_pks)
    listed = f"({marks(pks)})"
    organisations = f"(SELECT organization_id FROM kaart_services WHERE id IN {listed})"

    def read(sql: str, column: str, within: str) -> list[tuple[Any, ...]]:
        return driver_rows(session, sql.format(where=f" WHERE {column} IN {within}",
                                               also=f" AND {column} IN {within}"), pks)

    return KaartRows(
        read(_SERVICES, "s.id", listed), read(_TERMS, "service_id", listed), read(_AREAS, "service_id", listed),
        read(_CITIES, "sl.service_id", listed), read(_SERVICE_PHONES, "service_id", listed),
        read(_ORGANIZATION_PHONES, "organization_id", organisations), read(_SCHEDULES, "service_id", listed),
        read(_COLOURS, "organization_id", organisations))


def service_names(session: Session) -> list[tuple[int, str, str]]:
    """(pk, name, organisation name) of every service, in the order ``kaart_rows`` gives the services."""
    return [(pk, name, organisation) for pk, name, organisation in driver_rows(session, _NAMES)]


def listed_places(session: Session) -> set[str]:
    """Every municipality a service of the map names (its areas, its locations' towns)."""
    return {place for (place,) in driver_rows(session, _PLACES)}
