"""The full-text search index (FTS5 on SQLite): one row per searchable record.

Services call ``index_record`` whenever they save something searchable and ``unindex_record`` when
they delete it, inside the same session, so the index commits or rolls back with the data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

# Letters that do not decompose into base letter + accent under NFKD.
_SPECIAL_FOLDS = str.maketrans(
    {"ı": "i", "İ": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
     "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th"}
)
_TOKEN = re.compile(r"\w+", re.UNICODE)


def fold(value: str) -> str:
    """Lower-case, accent-free form used on both sides of a search ("Şükrü" -> "sukru")."""
    decomposed = unicodedata.normalize("NFKD", value.translate(_SPECIAL_FOLDS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


@dataclass(frozen=True)
class SearchHit:
    kind: str
    ref_uuid: str
    family_uuid: str
    label: str


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def unindex_record(session: Session, *, ref_uuid: str) -> None:
    session.execute(text("DELETE FROM search_index WHERE ref_uuid = :ref"), {"ref": ref_uuid})


def index_record(
    session: Session, *, kind: str, ref_uuid: str, label: str, body: str = "", family_uuid: str = ""
) -> None:
    """Insert or replace the index row of one record."""
    unindex_record(session, ref_uuid=ref_uuid)
    session.execute(
        text(
            "INSERT INTO search_index (kind, ref_uuid, family_uuid, label, body) "
            "VALUES (:kind, :ref, :family, :label, :body)"
        ),
        {"kind": kind, "ref": ref_uuid, "family": family_uuid,
         "label": f"{label}\n{fold(label)}", "body": fold(body)},
    )


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
            "SELECT kind, ref_uuid, family_uuid, label FROM search_index "
            f"WHERE search_index MATCH :match{kind_filter} "
            "ORDER BY bm25(search_index, 0, 0, 0, 10.0, 1.0) LIMIT :limit"
        )
    else:
        clauses = []
        for i, token in enumerate(tokens):
            params[f"t{i}"] = f"%{token}%"
            clauses.append(f"(lower(label) LIKE :t{i} OR body LIKE :t{i})")
        sql = (
            "SELECT kind, ref_uuid, family_uuid, label FROM search_index "
            f"WHERE {' AND '.join(clauses)}{kind_filter} LIMIT :limit"
        )
    rows = session.execute(text(sql), params).all()
    return [SearchHit(kind, ref, fam, label.split("\n", 1)[0]) for kind, ref, fam, label in rows]
