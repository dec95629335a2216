"""The full-text search index (FTS5 on SQLite): one row per searchable record.

Services call ``index_record`` whenever they save something searchable and ``unindex_record`` when
they delete it, inside the same session, so the index commits or rolls back with the data.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from brugapp.domain.folding import fold

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    ref_uuid: str
    family_uuid: str
    label: str
    snippet: str = ""  # the words around what matched in the indexed text (SQLite only), for the result list


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def row_id(ref_uuid: str) -> int:
    """A stable FTS rowid per record, so replacing or deleting a row is a key lookup, not a table scan
    (FTS5 cannot index ``ref_uuid``). 56 bits: collisions are negligible at a few million rows."""
    return int.from_bytes(hashlib.blake2b(ref_uuid.encode(), digest_size=7).digest(), "big")


@dataclass(frozen=True)
class IndexEntry:
    kind: str
    ref_uuid: str
    label: str
    body: str = ""
    family_uuid: str = ""


def _row(entry: IndexEntry) -> dict[str, object]:
    return {"rowid": row_id(entry.ref_uuid), "kind": entry.kind, "ref": entry.ref_uuid,
            "family": entry.family_uuid, "label": f"{entry.label}\n{fold(entry.label)}", "body": fold(entry.body)}


def unindex_records(session: Session, *, ref_uuids: Iterable[str]) -> None:
    refs = list(ref_uuids)
    if not refs:
        return
    if _is_sqlite(session):
        session.execute(text("DELETE FROM search_index WHERE rowid = :rowid"), [{"rowid": row_id(r)} for r in refs])
    else:
        session.execute(text("DELETE FROM search_index WHERE ref_uuid = :ref"), [{"ref": r} for r in refs])


def unindex_record(session: Session, *, ref_uuid: str) -> None:
    unindex_records(session, ref_uuids=[ref_uuid])


def index_many(session: Session, entries: Iterable[IndexEntry]) -> None:
    """Insert or replace the index rows of many records in two statements (imports, demo, bench)."""
    # In rowid order: FTS5 keeps its rows in a rowid b-tree, and random (hashed) rowids inserted in random
    # order touch a different encrypted page for nearly every row (10x slower for an import of thousands).
    rows = sorted((_row(e) for e in entries), key=lambda row: row["rowid"])  # type: ignore[arg-type, return-value]
    if not rows:
        return
    unindex_records(session, ref_uuids=[str(r["ref"]) for r in rows])
    columns = "kind, ref_uuid, family_uuid, label, body"
    values = ":kind, :ref, :family, :label, :body"
    if _is_sqlite(session):
        columns, values = f"rowid, {columns}", f":rowid, {values}"
    session.execute(text(f"INSERT INTO search_index ({columns}) VALUES ({values})"), rows)


def index_record(
    session: Session, *, kind: str, ref_uuid: str, label: str, body: str = "", family_uuid: str = ""
) -> None:
    """Insert or replace the index row of one record."""
    index_many(session, [IndexEntry(kind, ref_uuid, label, body, family_uuid)])


def search(session: Session, query: str, *, kinds: tuple[str, ...] = (), limit: int = 50) -> list[SearchHit]:
    """Prefix search on every word typed, accent- and case-insensitive, best matches first."""
    tokens = _TOKEN.findall(fold(query))
    if not tokens:
        return []
    params: dict[str, object] = {"limit": limit}
    kind_filter = ""
    if kinds:
        names = [f":k{i}" for i in range(len(kinds))]
        kind_filter = f" AND kind IN ({', '.join(names)})"
        params.update({f"k{i}": k for i, k in enumerate(kinds)})
    if _is_sqlite(session):
        params["match"] = " ".join(f'"{t}"*' for t in tokens)
        sql = (
            "SELECT kind, ref_uuid, family_uuid, label, snippet(search_index, 4, '', '', '…', 10) "
            f"FROM search_index WHERE search_index MATCH :match{kind_filter} "
            "ORDER BY bm25(search_index, 0, 0, 0, 10.0, 1.0) LIMIT :limit"
        )
    else:
        clauses = []
        for i, token in enumerate(tokens):
            params[f"t{i}"] = f"%{token}%"
            clauses.append(f"(lower(label) LIKE :t{i} OR body LIKE :t{i})")
        sql = (
            "SELECT kind, ref_uuid, family_uuid, label, '' FROM search_index "
            f"WHERE {' AND '.join(clauses)}{kind_filter} LIMIT :limit"
        )
    rows = session.execute(text(sql), params).all()
    return [SearchHit(kind, ref, fam, label.split("\n", 1)[0], snippet or "")
            for kind, ref, fam, label, snippet in rows]
