"""A member's situation with a disclosure per audience, and a child's school history.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None


def _common() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("family_members.id", ondelete="CASCADE"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "member_situations",
        *_common(),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("from_on", sa.Date, nullable=False),
        sa.Column("until_on", sa.Date, nullable=True),
        sa.Column("disclosed_to", sa.String(80), nullable=False),
        sa.Column("decided_by", sa.String(20), nullable=False),
    )
    op.create_index("ix_member_situations_member_id", "member_situations", ["member_id"])
    op.create_table(
        "member_school_history",
        *_common(),
        sa.Column("school_id", sa.Integer, sa.ForeignKey("schools.id", ondelete="SET NULL"), nullable=True),
        sa.Column("school_label", sa.String(250), nullable=False),
        sa.Column("from_on", sa.Date, nullable=True),
        sa.Column("until_on", sa.Date, nullable=True),
        sa.Column("class_name", sa.String(40), nullable=False),
    )
    op.create_index("ix_member_school_history_member_id", "member_school_history", ["member_id"])


def downgrade() -> None:
    op.drop_index("ix_member_school_history_member_id", table_name="member_school_history")
    op.drop_table("member_school_history")
    op.drop_index("ix_member_situations_member_id", table_name="member_situations")
    op.drop_table("member_situations")
