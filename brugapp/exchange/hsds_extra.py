"""What BrugApp does not model of an HSDS file, kept untouched so an export writes it back.

A record's ``extra`` (stored as the ``hsds_extra`` JSON column of the service or organisation) holds:

- ``rows``: every HSDS row the record was read from, as it was in the file, by table and id;
- ``related``: rows of tables BrugApp has no place for (programs, languages, funding, cost options,
  required documents, accessibility, other tools' attributes and taxonomies, metadata …), by table;
- ``seen``: the row BrugApp itself would have written right after the import, by table and id.

On export each row starts from the file's row; a column BrugApp writes replaces it only where its value
differs from ``seen``, that is where someone changed it in BrugApp. So an untouched record comes back
value for value ("timezone 3", "wkst TU", a phone's extension), and an edit still wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from brugapp.exchange.hsds_source import SourceRow, SourceTables, cell

# The order in which left-over tables find their owner: a row can point at one placed before it.
RELATED_ORDER = ("program", "organization_identifier", "funding", "cost_option", "required_document", "phone",
                 "contact", "schedule", "service_area", "location", "address", "service_at_location",
                 "accessibility", "language", "attribute", "taxonomy_term", "taxonomy", "metadata",
                 "meta_table_description")
OWNER_COLUMNS = ("service_id", "service_at_location_id", "location_id", "contact_id", "phone_id", "program_id",
                 "link_id", "resource_id", "taxonomy_term_id", "taxonomy_id", "parent_id", "organization_id")


class HasExtra(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def extra(self) -> dict[str, Any]: ...  # filled in place


def own_taxonomies() -> frozenset[str]:
    from brugapp.exchange.hsds import TAXONOMIES

    return frozenset(TAXONOMIES)


class Keeper:
    """Collects, while reading, which record each row of the file belongs to."""

    def __init__(self) -> None:
        self.own_taxonomies = own_taxonomies()
        self._consumed: set[int] = set()
        self._owner_of: dict[str, HasExtra] = {}
        self._pending: dict[str, list[tuple[str, SourceRow]]] = {}

    def consume(self, _table: str, row: SourceRow) -> None:
        """A row BrugApp rebuilds itself (its own attributes and taxonomies)."""
        self._consumed.add(id(row))

    def keep(self, owner: HasExtra, table: str, row: SourceRow) -> None:
        self._consumed.add(id(row))
        row_id = row.values.get("id", "")
        if row_id:
            owner.extra.setdefault("rows", {}).setdefault(table, {})[row_id] = dict(row.raw)
        self._claim(owner, row)

    def later(self, key: str, table: str, row: SourceRow) -> None:
        """Keep ``row`` with whoever ``key`` (a contact) turns out to belong to."""
        self._pending.setdefault(key, []).append((table, row))

    def settle(self, key: str, owner: HasExtra) -> None:
        for table, row in self._pending.pop(key, []):
            self.keep(owner, table, row)

    def _claim(self, owner: HasExtra, row: SourceRow) -> None:
        row_id = row.values.get("id", "")
        if row_id:
            self._owner_of.setdefault(row_id, owner)
        for column in OWNER_COLUMNS:
            value = row.values.get(column, "")
            if value:
                self._owner_of.setdefault(value, owner)

    def _owner(self, row: SourceRow, fallback: HasExtra) -> HasExtra:
        for column in ("id", *OWNER_COLUMNS):
            owner = self._owner_of.get(row.values.get(column, ""))
            if owner is not None:
                return owner
        return fallback  # points at nothing in the file: it travels with the first service

    def keep_the_rest(self, source: SourceTables, services: dict[str, Any], orgs: dict[str, Any]) -> None:
        for org in orgs.values():
            if org.id:
                self._owner_of.setdefault(org.id, org)
        for record in services.values():
            self._owner_of[record.id] = record
        first = next(iter(services.values()))
        tables = [t for t in RELATED_ORDER if t in source.rows] + [t for t in source.rows if t not in RELATED_ORDER]
        for table in tables:
            for row in source.table(table):
                if id(row) in self._consumed or table in ("organization", "service"):
                    continue
                owner = self._owner(row, first)
                owner.extra.setdefault("related", {}).setdefault(table, []).append(dict(row.raw))
                self._consumed.add(id(row))
                self._claim(owner, row)


# -- writing back -----------------------------------------------------------------------------------

class Extras:
    """The kept rows of the records being exported, looked up by table and id."""

    def __init__(self, extras: Iterable[dict[str, Any]] = ()) -> None:
        self.rows: dict[tuple[str, str], dict[str, Any]] = {}
        self.seen: dict[tuple[str, str], dict[str, Any]] = {}
        for extra in extras:
            for table, rows in (extra.get("rows") or {}).items():
                for row_id, row in rows.items():
                    self.rows.setdefault((table, row_id), row)
            for table, rows in (extra.get("seen") or {}).items():
                for row_id, row in rows.items():
                    self.seen.setdefault((table, row_id), row)

    def merge(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        """The file's row, with what BrugApp changed since the import."""
        key = (table, cell(row.get("id")))
        original = self.rows.get(key)
        if original is None:
            return row
        seen = self.seen.get(key)
        merged = dict(original)
        for column, value in row.items():
            changed = cell(seen.get(column)) != cell(value) if seen is not None else cell(value) != ""
            if changed or column not in merged:
                merged[column] = value
        return merged


def related_rows(extra: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for table, rows in (extra.get("related") or {}).items():
        for row in rows:
            yield table, row


def with_seen(extra: dict[str, Any], tables: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """``extra`` plus what BrugApp writes now for each row it keeps (call right after an import)."""
    kept = extra.get("rows") or {}
    seen: dict[str, dict[str, dict[str, str]]] = {}
    for table, rows in tables.items():
        for row in rows:
            row_id = cell(row.get("id"))
            if row_id in kept.get(table, {}):
                seen.setdefault(table, {})[row_id] = {k: cell(v) for k, v in row.items()}
    return {**extra, "seen": seen}
