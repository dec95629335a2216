"""Search index with prefix indexes: the first letters typed are answered from the index, not by merging the
posting lists of every word that starts with them.

``brugapp bench`` on 10,000 families: typing "g" matched every family, member and contact label and took
260 ms (raw FTS5 226 ms). With prefix indexes FTS5 keeps a ready list per beginning of 1 to 5 letters; 4 and 5
are there for "gezi", "gezin", which every family label starts with (0.86 -> 0.05 ms on 1,000 families, for
9% more time to fill the index). FTS5 cannot add prefix indexes to an existing table, so the table is rebuilt with the same
rows; their rowids get the kind's place above the hash (``search_index.row_id``), so a first page read in index
order lists families before members before notes, without ranking.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_COLUMNS = "kind UNINDEXED, ref_uuid UNINDEXED, family_uuid UNINDEXED, label, body"
_TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"


_HASH = 1 << 56  # rowids: a 56-bit hash of ref_uuid, with (from 0012) the kind's place in the bits above
# search_index.KIND_ORDER as of this revision: FTS5 answers in rowid order, so families come first.
_KIND_PLACE = "CASE kind " + " ".join(f"WHEN '{kind}' THEN {place}" for place, kind in enumerate(
    ("family", "member", "school", "school_contact", "service", "organization", "referral", "meeting",
     "contact"))) + " ELSE 9 END"


def _rebuild(options: str, rowid: str) -> None:
    op.execute(f"CREATE VIRTUAL TABLE search_index_rebuilt USING fts5({_COLUMNS}, {options}{_TOKENIZE})")
    op.execute("INSERT INTO search_index_rebuilt (rowid, kind, ref_uuid, family_uuid, label, body) "
               f"SELECT {rowid}, kind, ref_uuid, family_uuid, label, body FROM search_index ORDER BY 1")
    op.execute("DROP TABLE search_index")
    op.execute("ALTER TABLE search_index_rebuilt RENAME TO search_index")
    op.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # PostgreSQL searches with LIKE on a plain table
        _rebuild("prefix = '1 2 3 4 5', ", f"({_KIND_PLACE}) * {_HASH} + rowid % {_HASH}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild("", f"rowid % {_HASH}")
