"""Handover bundle: export the whole notebook into one encrypted file, or import one, all or nothing.

The file format (encryption, JSON payload, schema) lives in ``exchange/bundle.py`` and ``docs/formats.md``.
Here: which tables go in (all of them except the audit trail and drafts, which belong to this store),
how local row numbers become UUIDs on the way out and UUIDs local row numbers on the way in, and the
checks that make an import all or nothing: every row is converted and checked (types, links, the text rule)
and inserted in one transaction; a wrong passphrase, a newer format, a damaged file, a record that the
store already holds or any bad value stores nothing and says where.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, Date, Integer, String, Table, Time, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from brugapp import __version__
from brugapp.domain.text import UnsafeText, clean_text
from brugapp.errors import ValidationError
from brugapp.exchange import bundle as fmt
from brugapp.i18n import _
from brugapp.services.audit import record_audit
from brugapp.store import Store
from brugapp.store.base import Base, UTCDateTime
from brugapp.store.search_index import row_id

EXCLUDED_TABLES = frozenset({"audit_log", "drafts"})  # this store's own trail and half-typed input
CHUNK = 500


class BundleError(ValidationError):
    """The bundle could not be written or read; the message says why and that nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="bundle")


@dataclass(frozen=True)
class BundleSummary:
    path: Path
    records: int
    tables: dict[str, int]
    message: str


def bundle_tables() -> list[Table]:
    """Every table of the notebook, parents before children."""
    import brugapp.store.models  # noqa: F401  (all tables registered)

    return [t for t in Base.metadata.sorted_tables if t.name not in EXCLUDED_TABLES]


def _links(table: Table) -> dict[str, Table]:
    return {c.name: next(iter(c.foreign_keys)).column.table for c in table.c if c.foreign_keys}


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start:start + CHUNK]


# -- export ------------------------------------------------------------------------------------
def _encode(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _dump(session: Session) -> dict[str, Any]:
    uuids: dict[str, dict[int, str]] = {}
    tables: dict[str, list[dict[str, object]]] = {}
    for table in bundle_tables():
        links = _links(table)
        rows = session.execute(select(table).order_by(*table.primary_key.columns)).mappings().all()
        if "uuid" in table.c:
            uuids[table.name] = {row["id"]: row["uuid"] for row in rows}
        tables[table.name] = [
            {name: (uuids[links[name].name].get(value) if name in links and value is not None else _encode(value))
             for name, value in row.items() if name != "id"}
            for row in rows
        ]
    index = [dict(zip(("kind", "ref_uuid", "family_uuid", "label", "body"), row, strict=True)) for row in
             session.execute(text("SELECT kind, ref_uuid, family_uuid, label, body FROM search_index"))]
    return {"format": fmt.FORMAT, "format_version": fmt.FORMAT_VERSION,
            "exported_at": dt.datetime.now(dt.UTC).isoformat(), "app_version": __version__,
            "tables": tables, "search_index": index}


def export_bundle(store: Store, *, out: Path, passphrase: str) -> BundleSummary:
    """The whole notebook into ``out``, encrypted with ``passphrase`` (not the store's); audited."""
    if len(passphrase) < 8:
        raise BundleError(_("Bundle passphrase: use at least 8 characters; share it another way than the file."))
    with store.session() as session:
        payload = _dump(session)
        counts = {name: len(rows) for name, rows in payload["tables"].items()}
        record_audit(session, action="export", subject_kind="bundle", audience=_("handover bundle"),
                             detail=f"{sum(counts.values())} records")
        data = fmt.seal(payload, passphrase)
        partial = out.with_name(out.name + ".partial")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, out)  # never half a bundle under the chosen name
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise BundleError(_("Cannot write {path}: {reason}").format(path=out, reason=exc.strerror)) from None
    total = sum(counts.values())
    return BundleSummary(out, total, counts, _("{count} records written to {path}, encrypted with the bundle's "
                                               "passphrase.").format(count=total, path=out))


# -- import ------------------------------------------------------------------------------------
def _format_message(exc: fmt.BundleFormatError, path: Path) -> str:
    if exc.kind == fmt.NOT_A_BUNDLE:
        return _("{path} is not a BrugApp bundle. Nothing was imported.").format(path=path)
    if exc.kind == fmt.WRONG_PASSPHRASE:
        return _("The passphrase does not open this bundle, or the file was changed after it was written. Check "
                 "the passphrase (capitals, spaces); if it still fails, ask for the bundle again. Nothing was "
                 "imported.")
    if exc.kind == fmt.NEWER_VERSION:
        return _("This bundle was made by a newer BrugApp (format {version}). Update BrugApp first. Nothing was "
                 "imported.").format(version=exc.version)
    if exc.kind == fmt.INVALID:
        return _("The bundle's content is not valid at “{where}”. Nothing was imported.").format(
            where=exc.where or "/")
    return _("The bundle is damaged and cannot be read to the end. Nothing was imported; ask for it again.")


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _where(table: str, row: int, column: str = "") -> str:
    if column:
        return _("table {table}, record {row}, field {column}").format(table=table, row=row, column=column)
    return _("table {table}, record {row}").format(table=table, row=row)


def _default(column: Column[Any]) -> object:
    default = column.default
    if default is None:
        return None
    arg = default.arg  # type: ignore[attr-defined]
    return arg(None) if callable(arg) else arg


def _decode(column: Column[Any], value: object, where: str) -> object:
    if value is None:
        if not column.nullable and column.default is None:
            raise _Refused(_("{where}: this field may not be empty. Nothing was imported.").format(where=where))
        return None if column.nullable else _default(column)
    kind = column.type
    try:
        if isinstance(kind, UTCDateTime):
            moment = dt.datetime.fromisoformat(str(value))
            if moment.tzinfo is None:
                raise ValueError("naive")
            return moment.astimezone(dt.UTC)
        if isinstance(kind, Date):
            return dt.date.fromisoformat(str(value))
        if isinstance(kind, Time):
            return dt.time.fromisoformat(str(value))
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError("bool")
            return value
        if isinstance(kind, Integer):
            if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 2**62:
                raise ValueError("int")
            return value
        if isinstance(kind, String):
            if not isinstance(value, str):
                raise ValueError("str")
            return clean_text(value)
    except UnsafeText:
        raise _Refused(_("{where}: the text holds a NUL or only invisible characters. Nothing was imported.").format(
            where=where)) from None
    except (ValueError, TypeError, OverflowError):
        raise _Refused(_("{where}: the value has the wrong type. Nothing was imported.").format(where=where)) from None
    return value


class _Importer:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.ids: dict[str, dict[str, int]] = {}  # table -> uuid -> new local id
        self.counts: dict[str, int] = {}

    def table(self, table: Table, rows: list[dict[str, Any]]) -> None:
        links = _links(table)
        columns = {c.name: c for c in table.c if c.name != "id"}
        converted = [self._row(table, columns, links, i, row) for i, row in enumerate(rows, start=1)]
        if "uuid" in table.c:
            self._refuse_known(table, [r["uuid"] for r in converted])
        for chunk in _chunks(converted):
            self.session.execute(insert(table), chunk)
        if "uuid" in table.c:
            mapping: dict[str, int] = {}
            for chunk in _chunks([r["uuid"] for r in converted]):
                mapping.update(self.session.execute(
                    select(table.c.uuid, table.c.id).where(table.c.uuid.in_(chunk))).all())
            self.ids[table.name] = mapping
        self.counts[table.name] = len(converted)

    def _row(self, table: Table, columns: dict[str, Column[Any]], links: dict[str, Table], number: int,
             row: dict[str, Any]) -> dict[str, object]:
        unknown = sorted(set(row) - set(columns))
        if unknown:
            raise _Refused(_("{where}: unknown in this BrugApp version. Nothing was imported.").format(
                where=_where(table.name, number, unknown[0])))
        result: dict[str, object] = {}
        for name, column in columns.items():
            where = _where(table.name, number, name)
            value = row.get(name, _default(column) if name not in row and column.default is not None else None)
            if name in links and value is not None:
                target = self.ids.get(links[name].name, {}).get(str(value))
                if target is None:
                    raise _Refused(_("{where}: links to a record that is not in the bundle. Nothing was "
                                     "imported.").format(where=where))
                result[name] = target
            else:
                result[name] = _decode(column, value, where)
        return result

    def _refuse_known(self, table: Table, uuids: list[Any]) -> None:
        if len(set(uuids)) != len(uuids):
            raise _Refused(_("Table {table}: two records share one id. Nothing was imported.").format(table=table.name))
        for chunk in _chunks(uuids):
            if self.session.scalar(select(table.c.uuid).where(table.c.uuid.in_(chunk)).limit(1)) is not None:
                raise _Refused(_("This store already holds records of the bundle (table {table}). Import into a new, "
                                 "empty store. Nothing was imported.").format(table=table.name))

    def search_index(self, entries: list[dict[str, str]]) -> None:
        rows = []
        for number, entry in enumerate(entries, start=1):
            try:
                rows.append({"rowid": row_id(entry["ref_uuid"], entry["kind"]),  # the kind orders a page of hits
                             **{k: clean_text(v) for k, v in entry.items()}})
            except UnsafeText:
                raise _Refused(_("{where}: the text holds a NUL or only invisible characters. Nothing was "
                                 "imported.").format(where=_where("search_index", number))) from None
        sqlite = self.session.get_bind().dialect.name == "sqlite"
        columns = ("rowid, " if sqlite else "") + "kind, ref_uuid, family_uuid, label, body"
        values = (":rowid, " if sqlite else "") + ":kind, :ref_uuid, :family_uuid, :label, :body"
        for chunk in _chunks(sorted(rows, key=lambda r: r["rowid"])):
            self.session.execute(text(f"INSERT OR REPLACE INTO search_index ({columns}) VALUES ({values})"
                                      if sqlite else f"INSERT INTO search_index ({columns}) VALUES ({values})"), chunk)


def read_bundle(path: Path, passphrase: str) -> dict[str, Any]:
    """The checked payload of the bundle at ``path`` (``BundleError`` with a clear message otherwise)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BundleError(_("Cannot read {path}: {reason}").format(path=path, reason=exc.strerror)) from None
    try:
        return fmt.open_sealed(data, passphrase)
    except fmt.BundleFormatError as exc:
        raise BundleError(_format_message(exc, path)) from None


def load_payload(store: Store, payload: dict[str, Any]) -> dict[str, int]:
    """Insert a checked payload into the store in one transaction; returns the records per table."""
    known = {t.name: t for t in bundle_tables()}
    unknown = sorted(set(payload["tables"]) - set(known))
    if unknown:
        raise BundleError(_("Table {table}: unknown in this BrugApp version. Nothing was imported.").format(
            table=unknown[0]))
    try:
        with store.session() as session:
            importer = _Importer(session)
            for name, table in known.items():
                importer.table(table, payload["tables"].get(name, []))
            importer.search_index(payload["search_index"])
            record_audit(session, action="import", subject_kind="bundle",
                                 detail=f"{sum(importer.counts.values())} records")
            return importer.counts
    except _Refused as exc:
        raise BundleError(exc.message) from None
    except IntegrityError:
        # A link or a unique rule the rows break together (two rights checks for one benefit …).
        raise BundleError(_("The bundle's records contradict each other (a link or a duplicate). Nothing was "
                            "imported.")) from None


def import_bundle(store: Store, *, path: Path, passphrase: str) -> BundleSummary:
    """Read a bundle into the store: everything or, on any problem, nothing."""
    counts = load_payload(store, read_bundle(path, passphrase))
    total = sum(counts.values())
    return BundleSummary(path, total, counts, _("{count} records imported from {path}.").format(count=total,
                                                                                             path=path))
