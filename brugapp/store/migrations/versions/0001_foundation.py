"""Foundation: schools, families, audit trail, drafts and the search index.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _identified() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "schools",
        *_identified(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("site_name", sa.String(200), nullable=False),
        sa.Column("net", sa.String(40), nullable=False),
        sa.Column("level", sa.String(40), nullable=False),
        sa.Column("street", sa.String(200), nullable=False),
        sa.Column("postal_code", sa.String(10), nullable=False),
        sa.Column("municipality", sa.String(100), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
    )
    op.create_table(
        "families",
        *_identified(),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("preferred_language", sa.String(12), nullable=False),
        sa.Column("interpreter_needed", sa.Boolean, nullable=False),
        sa.Column("reads_letters", sa.Boolean, nullable=False),
        sa.Column("preferred_channel", sa.String(20), nullable=False),
        sa.Column("reference_person", sa.String(200), nullable=False),
        sa.Column("archived_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("subject_kind", sa.String(40), nullable=False),
        sa.Column("subject_uuid", sa.String(36), nullable=False),
        sa.Column("audience", sa.String(80), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_table(
        "drafts",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        # Full-text index over names, notes and the sociale kaart; text is folded in Python
        # (brugapp.store.search_index.fold) and again by unicode61, so "sukru" finds "Şükrü".
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "kind UNINDEXED, ref_uuid UNINDEXED, family_uuid UNINDEXED, label, body, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
    else:
        op.create_table(
            "search_index",
            sa.Column("kind", sa.String(40), nullable=False),
            sa.Column("ref_uuid", sa.String(36), nullable=False, index=True),
            sa.Column("family_uuid", sa.String(36), nullable=False),
            sa.Column("label", sa.Text, nullable=False),
            sa.Column("body", sa.Text, nullable=False),
        )


def downgrade() -> None:
    op.drop_table("search_index")
    op.drop_table("drafts")
    op.drop_table("audit_log")
    op.drop_table("families")
    op.drop_table("schools")
