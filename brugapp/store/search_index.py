"""The full-text search index (FTS5 on SQLite): one row per searchable record.

Services call ``index_record`` whenever they save something searchable and ``unindex_record`` when
they delete it, inside the same session, so the index commits or rolls back with the data.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
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


# Order of a page of hits: the people and places a search is usually for, before the notes that mention them.
KIND_ORDER = {"family": 0, "member": 1, "school": 2, "school_contact": 3, "service": 4, "organization": 5,
              "referral": 6, "meeting": 7, "contact": 8}


KIND_BITS = 56  # the kind's place in KIND_ORDER sits above a 56-bit hash of the record's uuid


def row_id(ref_uuid: str, kind: str = "") -> int:
    """A stable FTS rowid per record, so replacing or deleting a row is a key lookup, not a table scan
    (FTS5 cannot index ``ref_uuid``). 56 bits of hash: collisions are negligible at a few million rows.

    The kind's place in ``KIND_ORDER`` is in the bits above: FTS5 answers in rowid order, so a first page taken
    without ranking lists families, then members, … and contact notes last, at no cost (``brugapp bench``).
    """
    digest = int.from_bytes(hashlib.blake2b(ref_uuid.encode(), digest_size=7).digest(), "big")
    return (KIND_ORDER.get(kind, len(KIND_ORDER)) << KIND_BITS) | digest


def _row_ids_of_any_kind(ref_uuid: str) -> list[int]:
    return [row_id(ref_uuid, kind) for kind in (*KIND_ORDER, "")]


@dataclass(frozen=True)
class IndexEntry:
    kind: str
    ref_uuid: str
    label: str
    body: str = ""
    family_uuid: str = ""


def _row(entry: IndexEntry) -> dict[str, object]:
    return {"rowid": row_id(entry.ref_uuid, entry.kind), "kind": entry.kind, "ref": entry.ref_uuid,
            "family": entry.family_uuid, "label": f"{entry.label}\n{fold(entry.label)}", "body": fold(entry.body)}


def unindex_records(session: Session, *, ref_uuids: Iterable[str]) -> None:
    """Remove the rows of these records, whatever their kind."""
    refs = list(ref_uuids)
    if not refs:
        return
    if _is_sqlite(session):
        _delete_rowids(session, [rowid for ref in refs for rowid in _row_ids_of_any_kind(ref)])
    else:
        session.execute(text("DELETE FROM search_index WHERE ref_uuid = :ref"), [{"ref": r} for r in refs])


def _delete_rowids(session: Session, rowids: list[int]) -> None:
    session.execute(text("DELETE FROM search_index WHERE rowid = :rowid"), [{"rowid": r} for r in rowids])


def unindex_record(session: Session, *, ref_uuid: str) -> None:
    unindex_records(session, ref_uuids=[ref_uuid])


def index_many(session: Session, entries: Iterable[IndexEntry]) -> None:
    """Insert or replace the index rows of many records in two statements (imports, demo, bench)."""
    # In rowid order: FTS5 keeps its rows in a rowid b-tree, and random (hashed) rowids inserted in random
    # order touch a different encrypted page for nearly every row (10x slower for an import of thousands).
    rows = sorted((_row(e) for e in entries), key=lambda row: row["rowid"])  # type: ignore[arg-type, return-value]
    if not rows:
        return
    if _is_sqlite(session):
        _delete_rowids(session, [int(r["rowid"]) for r in rows])  # type: ignore[call-overload]
    else:
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


CANDIDATE_PAGES = 1  # more pages ordered here cost 3x the raw query (brugapp bench); rowids order kinds


def match_expression(query: str) -> str:
    """The FTS5 MATCH of what was typed: every word as a prefix ("zoe pee" -> '"zoe"* "pee"*'); "" for nothing."""
    return " ".join(f'"{token}"*' for token in _TOKEN.findall(fold(query)))


def search(session: Session, query: str, *, kinds: tuple[str, ...] = (), limit: int = 50) -> list[SearchHit]:
    """Prefix search on every word typed, accent- and case-insensitive, inside a session.

    One page without ranking: a short prefix matches most of the index ("g", "gezin": every family, member and
    contact label), and ranking all matches costs reading them all (~250 ms on 10,000 families, for a page of
    30). So records whose *label* holds every word come first, a few pages of them straight from the index;
    records where a word is only in the body (a note, a service's description) fill the rest. They are ordered
    here: families before members before notes, within a kind the labels that start with what was typed, then
    by name, and the first page is returned.
    """
    if not _is_sqlite(session):
        return _search_like(session, query, kinds, limit)
    cursor = session.connection().connection.cursor()
    try:
        return _first_page(cursor, query, kinds, limit)
    finally:
        cursor.close()


def search_store(store_engine: Engine, query: str, *, kinds: tuple[str, ...] = (), limit: int = 50
                 ) -> list[SearchHit]:
    """``search`` for a keystroke: on SQLite straight through a pooled driver connection, without a session
    (the session and statement layers cost five times the FTS5 query itself; ``brugapp bench``)."""
    if store_engine.dialect.name != "sqlite":
        with Session(store_engine) as session:
            return _search_like(session, query, kinds, limit)
    connection = store_engine.raw_connection()
    try:
        cursor = connection.cursor()
        hits = _first_page(cursor, query, kinds, limit)
        cursor.close()
        return hits
    finally:
        connection.close()  # back to the pool


def _first_page(cursor: Any, query: str, kinds: tuple[str, ...], limit: int) -> list[SearchHit]:
    match = match_expression(query)
    if not match:
        return []
    kind_filter = f" AND kind IN ({', '.join('?' * len(kinds))})" if kinds else ""
    sql = ("SELECT kind, ref_uuid, family_uuid, label, snippet(search_index, 4, '', '', '…', 10) "
           f"FROM search_index WHERE search_index MATCH ?{kind_filter} LIMIT ?")
    # A few pages of label hits, in index order, to order here: enough that families (short labels, few of
    # them) make it to the page when notes and members of the same name are many.
    rows = cursor.execute(sql, (f"{{label}} : ({match})", *kinds, limit * CANDIDATE_PAGES)).fetchall()
    if len(rows) < limit:
        rows += cursor.execute(sql, (f"({match}) NOT {{label}} : ({match})", *kinds, limit - len(rows))).fetchall()
    hits = [SearchHit(kind, ref, fam, label.split("\n", 1)[0], snippet or "")
            for kind, ref, fam, label, snippet in rows]
    return _ordered(hits, query)[:limit]


@functools.lru_cache(maxsize=8192)
def _folded_label(label: str) -> str:
    """Each keystroke orders the same few hundred labels again: folded once (accented names are the slow ones)."""
    return fold(label)


def _ordered(hits: list[SearchHit], query: str) -> list[SearchHit]:
    typed = fold(query).strip()

    def key(hit: SearchHit) -> tuple[int, bool, str]:
        label = _folded_label(hit.label)
        starts = label.startswith(typed) or any(word.startswith(typed) for word in label.split())
        return KIND_ORDER.get(hit.kind, len(KIND_ORDER)), not starts, label

    return sorted(hits, key=key)


def _search_like(session: Session, query: str, kinds: tuple[str, ...], limit: int) -> list[SearchHit]:
    """PostgreSQL (a shared team store): every word somewhere in label or body."""
    tokens = _TOKEN.findall(fold(query))
    if not tokens:
        return []
    params: dict[str, object] = {"limit": limit}
    clauses = []
    for i, token in enumerate(tokens):
        params[f"t{i}"] = f"%{token}%"
        clauses.append(f"(lower(label) LIKE :t{i} OR body LIKE :t{i})")
    kind_filter = ""
    if kinds:
        kind_filter = f" AND kind IN ({', '.join(f':k{i}' for i in range(len(kinds)))})"
        params.update({f"k{i}": k for i, k in enumerate(kinds)})
    sql = (
        "SELECT kind, ref_uuid, family_uuid, label FROM search_index "
        f"WHERE {' AND '.join(clauses)}{kind_filter} LIMIT :limit"
    )
    rows = session.execute(text(sql), params).all()
    return _ordered([SearchHit(kind, ref, fam, label.split("\n", 1)[0]) for kind, ref, fam, label in rows], query)
