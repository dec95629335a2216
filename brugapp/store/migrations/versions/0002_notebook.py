"""Notebook: family members, school contacts, contact moments, rights check; more family fields.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
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
    with op.batch_alter_table("families") as batch:
        batch.add_column(sa.Column("literacy", sa.String(20), nullable=False, server_default=""))
        batch.add_column(sa.Column("other_services", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("note", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("note_sharing", sa.String(20), nullable=False, server_default="private"))
    op.create_table(
        "family_members",
        *_identified(),
        sa.Column("family_id", sa.Integer, sa.ForeignKey("families.id", ondelete="CASCADE"), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("first_name", sa.String(100), nullable=False),
        sa.Column("last_name", sa.String(100), nullable=False),
        sa.Column("birth_year", sa.Integer, nullable=True),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("school_id", sa.Integer, sa.ForeignKey("schools.id", ondelete="SET NULL"), nullable=True),
        sa.Column("class_name", sa.String(40), nullable=False),
        sa.Column("school_year", sa.String(12), nullable=False),
    )
    op.create_index("ix_family_members_family_id", "family_members", ["family_id"])
    op.create_table(
        "school_contacts",
        *_identified(),
        sa.Column("school_id", sa.Integer, sa.ForeignKey("schools.id", ondelete="CASCADE"), nullable=False),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
    )
    op.create_index("ix_school_contacts_school_id", "school_contacts", ["school_id"])
    op.create_table(
        "contact_moments",
        *_identified(),
        sa.Column("family_id", sa.Integer, sa.ForeignKey("families.id", ondelete="SET NULL"), nullable=True),
        sa.Column("occurred_at", sa.DateTime, nullable=False),
        sa.Column("channel", sa.String(30), nullable=False),
        sa.Column("initiative", sa.String(20), nullable=False),
        sa.Column("language", sa.String(12), nullable=False),
        sa.Column("interpreter", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("sharing", sa.String(20), nullable=False),
        sa.Column("follow_up_on", sa.Date, nullable=True),
        sa.Column("follow_up_done", sa.Boolean, nullable=False),
        sa.Column("deleted_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_contact_moments_family_id", "contact_moments", ["family_id"])
    op.create_index("ix_contact_moments_occurred_at", "contact_moments", ["occurred_at"])
    op.create_table(
        "contact_themes",
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contact_moments.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("theme", sa.String(60), primary_key=True),
    )
    op.create_table(
        "contact_participants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contact_moments.id", ondelete="CASCADE"), nullable=False),
        sa.Column("family_id", sa.Integer, sa.ForeignKey("families.id", ondelete="CASCADE"), nullable=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("family_members.id", ondelete="CASCADE"), nullable=True),
    )
    op.create_index("ix_contact_participants_contact_id", "contact_participants", ["contact_id"])
    op.create_table(
        "right_checks",
        *_identified(),
        sa.Column("family_id", sa.Integer, sa.ForeignKey("families.id", ondelete="CASCADE"), nullable=False),
        sa.Column("benefit", sa.String(30), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_on", sa.Date, nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.UniqueConstraint("family_id", "benefit", name="uq_right_checks_family_benefit"),
    )
    op.create_index("ix_right_checks_family_id", "right_checks", ["family_id"])


def downgrade() -> None:
    op.drop_table("right_checks")
    op.drop_table("contact_participants")
    op.drop_table("contact_themes")
    op.drop_table("contact_moments")
    op.drop_table("school_contacts")
    op.drop_table("family_members")
    with op.batch_alter_table("families") as batch:
        batch.drop_column("note_sharing")
        batch.drop_column("note")
        batch.drop_column("other_services")
        batch.drop_column("literacy")
