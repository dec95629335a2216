"""Tamper-evident audit trail: hash chain, AUTOINCREMENT ids, append-only triggers.

Existing entries are chained in id order by this migration, so the trail verifies from its first entry.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

from brugapp.store.audit_chain import GENESIS, entry_hash, format_at

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

APPEND_ONLY = ("UPDATE", "DELETE")


def upgrade() -> None:
    with op.batch_alter_table("audit_log", recreate="always",
                              table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(sa.Column("prev_hash", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("entry_hash", sa.String(64), nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT id, at, action, subject_kind, subject_uuid, audience, detail FROM audit_log ORDER BY id")).all()
    prev = GENESIS
    for number, row in enumerate(rows, start=1):
        moment = row[1] if isinstance(row[1], dt.datetime) else dt.datetime.fromisoformat(str(row[1]))
        # Renumber 1..n so the chain has no gaps to explain; nothing refers to audit ids.
        digest = entry_hash(entry_id=number, at=format_at(moment), action=row[2] or "", subject_kind=row[3] or "",
                            subject_uuid=row[4] or "", audience=row[5] or "", detail=row[6] or "", prev_hash=prev)
        connection.execute(sa.text("UPDATE audit_log SET id = :new, prev_hash = :prev, entry_hash = :hash "
                                   "WHERE id = :old"),
                           {"new": number, "prev": prev, "hash": digest, "old": row[0]})
        prev = digest
    if connection.dialect.name == "sqlite":
        # The counter must end at the last renumbered entry, or verify would report a cut-off tail.
        connection.execute(sa.text("UPDATE sqlite_sequence SET seq = :n WHERE name = 'audit_log'"), {"n": len(rows)})
        for statement in APPEND_ONLY:
            op.execute(f"CREATE TRIGGER audit_log_append_only_{statement.lower()} BEFORE {statement} ON audit_log "
                       "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in APPEND_ONLY:
            op.execute(f"DROP TRIGGER IF EXISTS audit_log_append_only_{statement.lower()}")
    with op.batch_alter_table("audit_log", recreate="always") as batch:
        batch.drop_column("entry_hash")
        batch.drop_column("prev_hash")
