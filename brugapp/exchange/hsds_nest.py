"""HSDS table rows -> nested HSDS JSON service objects, the way the official ``service_full.json`` nests them.

Built from the same rows as the CSV package (kept rows of the file included), so the JSON export carries
everything the package does: a phone's languages, a location's accessibility, the organisation's
funding and programmes, other tools' attributes with their taxonomy terms, metadata.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from brugapp.exchange.hsds_source import cell, field_types

Rows = dict[str, list[dict[str, Any]]]
# parent table -> [(key in the JSON, child table, one object or a list, (child column, parent column))]
_COMMON = [("attributes", "attribute", False, ("link_id", "id")),
           ("metadata", "metadata", False, ("resource_id", "id"))]
NESTING: dict[str, list[tuple[str, str, bool, tuple[str, str]]]] = {
    "service": [
        ("organization", "organization", True, ("id", "organization_id")),
        ("program", "program", True, ("id", "program_id")),
        ("phones", "phone", False, ("service_id", "id")), ("schedules", "schedule", False, ("service_id", "id")),
        ("service_areas", "service_area", False, ("service_id", "id")),
        ("service_at_locations", "service_at_location", False, ("service_id", "id")),
        ("languages", "language", False, ("service_id", "id")), ("funding", "funding", False, ("service_id", "id")),
        ("cost_options", "cost_option", False, ("service_id", "id")),
        ("required_documents", "required_document", False, ("service_id", "id")),
        ("contacts", "contact", False, ("service_id", "id")), *_COMMON],
    "organization": [
        ("funding", "funding", False, ("organization_id", "id")),
        ("contacts", "contact", False, ("organization_id", "id")),
        ("phones", "phone", False, ("organization_id", "id")),
        ("locations", "location", False, ("organization_id", "id")),
        ("programs", "program", False, ("organization_id", "id")),
        ("organization_identifiers", "organization_identifier", False, ("organization_id", "id")), *_COMMON],
    "service_at_location": [
        ("location", "location", True, ("id", "location_id")),
        ("contacts", "contact", False, ("service_at_location_id", "id")),
        ("phones", "phone", False, ("service_at_location_id", "id")),
        ("schedules", "schedule", False, ("service_at_location_id", "id")), *_COMMON],
    "location": [
        ("addresses", "address", False, ("location_id", "id")), ("contacts", "contact", False, ("location_id", "id")),
        ("accessibility", "accessibility", False, ("location_id", "id")),
        ("phones", "phone", False, ("location_id", "id")), ("schedules", "schedule", False, ("location_id", "id")),
        ("languages", "language", False, ("location_id", "id")), *_COMMON],
    "contact": [("phones", "phone", False, ("contact_id", "id")), *_COMMON],
    "phone": [("languages", "language", False, ("phone_id", "id")), *_COMMON],
    "attribute": [("taxonomy_term", "taxonomy_term", True, ("id", "taxonomy_term_id"))],
    "taxonomy_term": [("taxonomy_detail", "taxonomy", True, ("id", "taxonomy_id"))],
    "schedule": _COMMON, "service_area": _COMMON, "address": _COMMON,
}


def typed(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """Numbers as JSON numbers (a CSV file gave them as text), text as JSON strings (some files give an
    identifier as a number)."""
    types = field_types(table)
    out = dict(row)
    for column, value in row.items():
        kind = types.get(column)
        if kind not in (None, "number") and isinstance(value, int | float) and not isinstance(value, bool):
            out[column] = str(value)
        elif kind == "number" and isinstance(value, str) and value.strip():
            try:
                number = float(value.replace(",", "."))
            except ValueError:
                continue
            out[column] = int(number) if number.is_integer() else number
    return out


def drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: drop_empty(v) for k, v in value.items() if v not in (None, "", [])}
    if isinstance(value, list):
        return [drop_empty(v) for v in value]
    return value


class Nester:
    """Looks rows up by (table, column, value) once, then nests any row with its children."""

    def __init__(self, tables: Rows) -> None:
        self._index: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
        self._tables = tables

    def _lookup(self, table: str, column: str, value: str) -> list[dict[str, Any]]:
        key = (table, column)
        if key not in self._index:
            index: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for row in self._tables.get(table, []):
                index[cell(row.get(column))].append(row)
            self._index[key] = index
        return self._index[key].get(value, []) if value else []

    def nest(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        obj = typed(table, row)
        for key, child_table, single, (child_column, parent_column) in NESTING.get(table, []):
            children = self._lookup(child_table, child_column, cell(row.get(parent_column)))
            if single:
                if children:
                    obj[key] = self.nest(child_table, children[0])
            elif children:
                obj[key] = [self.nest(child_table, child) for child in children]
        return obj


def service_objects(tables: Rows, service_ids: list[str]) -> list[dict[str, Any]]:
    """The services (in this order) as nested HSDS JSON objects, empty values left out."""
    nester = Nester(tables)
    by_id = {cell(row.get("id")): row for row in tables.get("service", [])}
    return [drop_empty(nester.nest("service", by_id[service_id])) for service_id in service_ids]
