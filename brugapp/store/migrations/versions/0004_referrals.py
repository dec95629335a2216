"""Referrals, consent and follow-ups: consents, referrals, referral_events, followups, contact_attempts.

Revision ID: 0004
Revises: 0002, 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = ("0002", "0003")  # families' members (0002) and the sociale kaart (0003)
branch_labels = None
depends_on = None


def _identified() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    ]


def _fk(table: str, ondelete: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete=ondelete)


def upgrade() -> None:
    op.create_table(
        "consents",
        *_identified(),
        sa.Column("family_id", sa.Integer, _fk("families", "CASCADE"), nullable=False),
        sa.Column("subject_member_id", sa.Integer, _fk("family_members", "SET NULL"), nullable=True),
        sa.Column("recipient_kind", sa.String(20), nullable=False),
        sa.Column("recipient_uuid", sa.String(36), nullable=False),
        sa.Column("recipient_label", sa.String(250), nullable=False),
        sa.Column("purposes", sa.String(120), nullable=False),
        sa.Column("given_by", sa.String(20), nullable=False),
        sa.Column("given_by_name", sa.String(200), nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("given_on", sa.Date, nullable=False),
        sa.Column("valid_until", sa.Date, nullable=True),
        sa.Column("withdrawn_on", sa.Date, nullable=True),
        sa.Column("withdrawal_note", sa.Text, nullable=False),
        sa.Column("withheld", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_index("ix_consents_family_id", "consents", ["family_id"])
    op.create_index("ix_consents_recipient_uuid", "consents", ["recipient_uuid"])
    op.create_table(
        "referrals",
        *_identified(),
        sa.Column("family_id", sa.Integer, _fk("families", "CASCADE"), nullable=False),
        sa.Column("theme", sa.String(60), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("tried", sa.Text, nullable=False),
        sa.Column("sharing", sa.String(20), nullable=False),
        sa.Column("service_id", sa.Integer, _fk("kaart_services", "SET NULL"), nullable=True),
        sa.Column("contact_id", sa.Integer, _fk("kaart_contacts", "SET NULL"), nullable=True),
        sa.Column("service_label", sa.String(250), nullable=False),
        sa.Column("mandated", sa.Boolean, nullable=False),
        sa.Column("intensity", sa.String(30), nullable=False),
        sa.Column("urgent", sa.Boolean, nullable=False),
        sa.Column("warned_in_advance", sa.Boolean, nullable=False),
        sa.Column("receiving_worker", sa.String(200), nullable=False),
        sa.Column("referred_on", sa.Date, nullable=False),
        sa.Column("appointment_at", sa.DateTime, nullable=True),
        sa.Column("first_appointment_on", sa.Date, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(30), nullable=False),
        sa.Column("decline_reason", sa.Text, nullable=False),
        sa.Column("closed_on", sa.Date, nullable=True),
        sa.Column("no_show_count", sa.Integer, nullable=False),
        sa.Column("feedback_on", sa.Date, nullable=True),
        sa.Column("feedback_text", sa.Text, nullable=False),
    )
    op.create_index("ix_referrals_family_id", "referrals", ["family_id"])
    op.create_index("ix_referrals_service_id", "referrals", ["service_id"])
    op.create_index("ix_referrals_status", "referrals", ["status"])
    op.create_table(
        "referral_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("referral_id", sa.Integer, _fk("referrals", "CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=False),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_referral_events_referral_id", "referral_events", ["referral_id"])
    op.create_table(
        "followups",
        *_identified(),
        sa.Column("title", sa.String(250), nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("family_id", sa.Integer, _fk("families", "CASCADE"), nullable=True),
        sa.Column("referral_id", sa.Integer, _fk("referrals", "CASCADE"), nullable=True),
        sa.Column("meeting_uuid", sa.String(36), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("closed_on", sa.Date, nullable=True),
    )
    for column in ("due", "status", "family_id", "referral_id", "meeting_uuid"):
        op.create_index(f"ix_followups_{column}", "followups", [column])
    op.create_table(
        "contact_attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("answered", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("kaart_contact_id", sa.Integer, _fk("kaart_contacts", "CASCADE"), nullable=True),
        sa.Column("family_id", sa.Integer, _fk("families", "CASCADE"), nullable=True),
        sa.Column("followup_id", sa.Integer, _fk("followups", "SET NULL"), nullable=True),
        sa.Column("referral_id", sa.Integer, _fk("referrals", "SET NULL"), nullable=True),
    )
    for column in ("kaart_contact_id", "family_id", "followup_id", "referral_id"):
        op.create_index(f"ix_contact_attempts_{column}", "contact_attempts", [column])


def downgrade() -> None:
    op.drop_table("contact_attempts")
    op.drop_table("followups")
    op.drop_table("referral_events")
    op.drop_table("referrals")
    op.drop_table("consents")
