"""HSDS 3.0 files turned into tables: the CSV data package (folder or zip), the JSON shapes the standard
defines (a single object or a list, a paged ``{"contents": [...]}`` list; organisation, service,
service_at_location) and the tabular JSON (``{"organizations.csv": [...]}``).

Every shape ends as the same thing: rows per HSDS table, each with the number a person finds it under
and the values exactly as the file had them (``raw``), so the reader can keep what BrugApp does not model.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from brugapp.exchange.records import FileProblem, file_problem
from brugapp.i18n import _
from brugapp.paths import RESOURCES

SCHEMA_DIR = RESOURCES / "hsds-3.0"


@cache
def datapackage() -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / "datapackage.json").read_text(encoding="utf-8"))


@cache
def resource_fields(name: str) -> tuple[str, ...]:
    resource = next(r for r in datapackage()["resources"] if r["name"] == name)
    return tuple(f["name"] for f in resource["schema"]["fields"])


@cache
def field_types(name: str) -> dict[str, str]:
    resource = next(r for r in datapackage()["resources"] if r["name"] == name)
    return {f["name"]: f["type"] for f in resource["schema"]["fields"]}


@cache
def required_fields(name: str) -> frozenset[str]:
    resource = next((r for r in datapackage()["resources"] if r["name"] == name), None)
    fields = resource["schema"]["fields"] if resource else []
    return frozenset(f["name"] for f in fields if f.get("constraints", {}).get("required"))


@cache
def table_files() -> dict[str, str]:
    """HSDS table name -> its CSV file name in the package."""
    return {r["name"]: r["path"] for r in datapackage()["resources"]}


def cell(value: Any) -> str:
    """A value as CSV text: ``None`` is empty, booleans are ``true``/``false``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass
class SourceRow:
    number: int  # the row (CSV) or the item (JSON) a person finds it under
    values: dict[str, str]  # trimmed text, for reading
    raw: dict[str, Any]  # as in the file, for writing back untouched


@dataclass
class SourceTables:
    label: str  # the file name for messages
    rows: dict[str, list[SourceRow]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # table -> file name for messages

    def table(self, name: str) -> list[SourceRow]:
        return self.rows.get(name, [])

    def file(self, name: str) -> str:
        return self.files.get(name) or table_files().get(name, name)

    def add(self, table: str, number: int, raw: dict[str, Any]) -> SourceRow:
        row = SourceRow(number, {k: cell(v).strip() for k, v in raw.items()}, raw)
        self.rows.setdefault(table, []).append(row)
        self.files.setdefault(table, self.label)
        return row


# -- the CSV data package ---------------------------------------------------------------------------

Opener = Callable[[str], str | None]


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise file_problem(_("this file is not UTF-8 text, as HSDS requires."), file=name) from None


def _package_opener(path: Path) -> Opener:
    if path.is_dir():
        def read_dir(name: str) -> str | None:
            file = path / name
            return _decode(file.read_bytes(), name) if file.is_file() else None
        return read_dir
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        names = {Path(n).name: n for n in archive.namelist()}

        def read_zip(name: str) -> str | None:
            member = names.get(name)
            return _decode(archive.read(member), name) if member else None
        return read_zip
    raise FileProblem(_("{file} is neither a folder nor a zip file with a datapackage.json.").format(file=path.name),
                      file=path.name)


def _package_paths(opener: Opener, label: str) -> dict[str, str]:
    raw = opener("datapackage.json")
    if raw is None:
        raise file_problem(_("no datapackage.json found."), file=label)
    try:
        descriptor = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise file_problem(_("not valid JSON ({reason}).").format(reason=exc.msg), file="datapackage.json",
                           row=exc.lineno) from None
    resources = descriptor.get("resources", []) if isinstance(descriptor, dict) else []
    paths = dict(table_files())
    for resource in resources if isinstance(resources, list) else []:
        if isinstance(resource, dict) and resource.get("name") in paths and isinstance(resource.get("path"), str):
            paths[resource["name"]] = resource["path"]
    return paths


def _csv_rows(text: str, file_name: str) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            raise file_problem(_("this row has {cells} cells but the header has {columns} columns.").format(
                cells=len(cells), columns=len(header)), file=file_name, row=reader.line_num)
        yield reader.line_num, {name: value for name, value in zip(header, cells, strict=False) if name}


def read_package_tables(path: Path) -> SourceTables:
    """A tabular data package (folder or zip) as tables. Raises FileProblem naming file and row."""
    opener = _package_opener(path)
    source = SourceTables(path.name)
    try:
        for table, file_path in _package_paths(opener, path.name).items():
            file_name = Path(file_path).name
            text = opener(file_name)
            if text is None:
                continue
            source.files[table] = file_name
            source.rows[table] = []
            for number, values in _csv_rows(text, file_name):
                source.add(table, number, values)
    except csv.Error as exc:
        raise file_problem(_("this is not a readable CSV file ({reason}).").format(reason=exc), file=path.name) \
            from None
    return source


# -- JSON -------------------------------------------------------------------------------------------

# The key an HSDS object nests another under -> the table of the nested object.
CHILD_TABLES = {
    "organization": "organization", "organizations": "organization", "services": "service", "service": "service",
    "phones": "phone", "schedules": "schedule", "service_areas": "service_area",
    "service_at_locations": "service_at_location", "location": "location", "locations": "location",
    "addresses": "address", "contacts": "contact", "accessibility": "accessibility", "languages": "language",
    "funding": "funding", "cost_options": "cost_option", "program": "program", "programs": "program",
    "required_documents": "required_document", "attributes": "attribute", "taxonomy_term": "taxonomy_term",
    "taxonomy_detail": "taxonomy", "metadata": "metadata", "organization_identifiers": "organization_identifier",
}
# A row of this table is what the nested rows below it point at with this column.
LINK_COLUMN = {"organization": "organization_id", "service": "service_id", "location": "location_id",
               "service_at_location": "service_at_location_id", "contact": "contact_id", "phone": "phone_id",
               "program": "program_id", "taxonomy_term": "taxonomy_term_id", "taxonomy": "taxonomy_id"}
ORGANIZATION_KEYS = {"services", "website", "tax_status", "tax_id", "year_incorporated", "legal_status", "logo",
                     "parent_organization_id", "organization_identifiers", "programs", "locations"}
SERVICE_KEYS = {"status", "organization", "organization_id", "service_areas", "service_at_locations",
                "eligibility_description", "fees_description", "application_process", "program", "program_id"}


def item_table(item: dict[str, Any]) -> str:
    """Which HSDS object a top-level JSON object is."""
    if isinstance(item.get("service"), dict):
        return "service_at_location"
    if SERVICE_KEYS & item.keys() and "services" not in item:
        return "service"
    if ORGANIZATION_KEYS & item.keys():
        return "organization"
    if isinstance(item.get("location"), dict) and "name" not in item:
        return "service_at_location"
    return ""


class _Flattener:
    """Walks nested HSDS JSON and writes one row per object, its links filled from where it was nested."""

    def __init__(self, source: SourceTables) -> None:
        self.source = source
        self.index: dict[tuple[str, str], SourceRow] = {}

    def walk(self, table: str, obj: dict[str, Any], number: int, context: dict[str, str],
             parent: tuple[str, SourceRow] | None = None) -> None:
        raw = {k: v for k, v in obj.items() if not isinstance(v, dict | list)}
        columns = resource_fields(table)
        for column, value in context.items():
            if column in columns and cell(raw.get(column)) == "":
                raw[column] = value
        if parent is not None:
            self._link_to_parent(table, raw, parent)
        row = self._store(table, raw, number)
        inner = dict(context)
        if table in LINK_COLUMN and row.values.get("id"):
            inner[LINK_COLUMN[table]] = row.values["id"]
        for key, value in obj.items():
            child_table = CHILD_TABLES.get(key)
            if child_table is None or not isinstance(value, dict | list):
                continue
            # An owner nested inside (a service's organisation) is not the nested one's child: it gets
            # what the parent got, not the parent's own link.
            upward = LINK_COLUMN.get(child_table, "") in columns
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, dict):
                    self.walk(child_table, child, number, context if upward else inner, (table, row))

    @staticmethod
    def _link_to_parent(table: str, raw: dict[str, Any], parent: tuple[str, SourceRow]) -> None:
        parent_table, parent_row = parent
        parent_id = parent_row.values.get("id", "")
        # An object nested *upwards* (a service's organization, an attribute's term): the parent points at it.
        link = LINK_COLUMN.get(table)
        if link and link in resource_fields(parent_table) and not parent_row.values.get(link) and raw.get("id"):
            parent_row.raw[link] = raw["id"]
            parent_row.values[link] = cell(raw["id"]).strip()
        if table == "attribute":
            raw.setdefault("link_id", parent_id)
            raw.setdefault("link_entity", parent_table)
        elif table == "metadata":
            raw.setdefault("resource_id", parent_id)
            raw.setdefault("resource_type", parent_table)

    def _store(self, table: str, raw: dict[str, Any], number: int) -> SourceRow:
        key = (table, cell(raw.get("id")).strip())
        existing = self.index.get(key) if key[1] else None
        if existing is None:
            row = self.source.add(table, number, raw)
            if key[1]:
                self.index[key] = row
            return row
        for column, value in raw.items():  # the same object nested twice: complete, never overwrite
            if cell(existing.raw.get(column)) == "":
                existing.raw[column] = value
                existing.values[column] = cell(value).strip()
        return existing


def _tabular_json(data: dict[str, Any], source: SourceTables) -> None:
    tables = {path: name for name, path in table_files().items()}
    for file_name, rows in data.items():
        table = tables.get(file_name)
        if table is None or not isinstance(rows, list):
            continue
        source.files[table] = file_name
        for number, row in enumerate(rows, start=2):
            if not isinstance(row, dict):
                raise file_problem(_("expected an object."), file=file_name, row=number)
            source.add(table, number, {k: v for k, v in row.items() if not isinstance(v, dict | list)})


def _top_items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return []
    if isinstance(data.get("contents"), list):
        return data["contents"]
    if isinstance(data.get("services"), list) and item_table(data) != "organization":
        return data["services"]  # {"services": [...]}: older BrugApp and other tools
    return [data]


def read_json_tables(path: Path) -> SourceTables:
    """HSDS JSON of any shape as tables. Raises FileProblem naming the file (and line or item)."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise file_problem(_("this file is not UTF-8 text, as HSDS requires."), file=path.name) from None
    except json.JSONDecodeError as exc:
        raise file_problem(_("not valid JSON ({reason}).").format(reason=exc.msg), file=path.name,
                           row=exc.lineno) from None
    source = SourceTables(path.name)
    if isinstance(data, dict) and any(isinstance(k, str) and k.endswith(".csv") for k in data):
        _tabular_json(data, source)
        return source
    flattener = _Flattener(source)
    for number, item in enumerate(_top_items(data), start=1):
        if not isinstance(item, dict):
            raise file_problem(_("expected an HSDS object (organisation, service or service at location)."),
                               file=path.name, row=number)
        table = item_table(item)
        if table:
            flattener.walk(table, item, number, {})
    return source
