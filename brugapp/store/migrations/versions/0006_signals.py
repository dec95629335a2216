"""Signals for the year report; also merges the referrals (0004) and meetings (0005) branches.

Revision ID: 0006
Revises: 0004, 0005
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = ("0004", "0005")  # referrals/consent/follow-ups (0004) and meetings (0005)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("signalled_on", sa.Date, nullable=False),
        sa.Column("theme", sa.String(60), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("families_concerned", sa.Integer, nullable=False),
        sa.Column("passed_on_to", sa.String(250), nullable=False),
        sa.Column("school_id", sa.Integer, sa.ForeignKey("schools.id", ondelete="SET NULL"), nullable=True),
    )
    op.create_index("ix_signals_signalled_on", "signals", ["signalled_on"])
    op.create_index("ix_signals_school_id", "signals", ["school_id"])


def downgrade() -> None:
    op.drop_index("ix_signals_school_id", table_name="signals")
    op.drop_index("ix_signals_signalled_on", table_name="signals")
    op.drop_table("signals")
