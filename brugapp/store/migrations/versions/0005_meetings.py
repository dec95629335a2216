"""Meetings (overleg) and events (leerkrachtendag): agendas, minutes, action points, registrations.

Revision ID: 0005
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
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


def _fk(column: str, table: str, *, ondelete: str, nullable: bool = True) -> sa.Column:
    return sa.Column(column, sa.Integer, sa.ForeignKey(f"{table}.id", ondelete=ondelete), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "meeting_series",
        *_identified(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("meeting_type", sa.String(40), nullable=False),
        sa.Column("interval_weeks", sa.Integer, nullable=False),
        _fk("family_id", "families", ondelete="SET NULL"),
    )
    op.create_table(
        "meetings",
        *_identified(),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("meeting_type", sa.String(40), nullable=False),
        sa.Column("starts_at", sa.DateTime, nullable=False, index=True),
        sa.Column("duration_minutes", sa.Integer, nullable=False),
        sa.Column("place_kind", sa.String(20), nullable=False),
        sa.Column("place_detail", sa.String(300), nullable=False),
        _fk("school_id", "schools", ondelete="SET NULL"),
        _fk("series_id", "meeting_series", ondelete="SET NULL"),
        sa.Column("regiehouder", sa.String(200), nullable=False),
        sa.Column("interpreter_needed", sa.Boolean, nullable=False),
        sa.Column("interpreter_arranged", sa.Boolean, nullable=False),
        sa.Column("interpreter_language", sa.String(40), nullable=False),
        sa.Column("youth_present", sa.String(10), nullable=False),
        sa.Column("parents_present", sa.String(10), nullable=False),
        sa.Column("proposed_next_date", sa.Date, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
    )
    op.create_table(
        "meeting_families",
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("family_id", sa.Integer, sa.ForeignKey("families.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_table(
        "meeting_participants",
        *_identified(),
        _fk("meeting_id", "meetings", ondelete="CASCADE", nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("attendance", sa.String(20), nullable=False),
        sa.Column("is_regiehouder", sa.Boolean, nullable=False),
        sa.Column("invite_channel", sa.String(20), nullable=False),
        _fk("family_id", "families", ondelete="SET NULL"),
        _fk("school_id", "schools", ondelete="SET NULL"),
        sa.Column("kaart_contact_uuid", sa.String(36), nullable=False),
        sa.Column("kaart_organization_uuid", sa.String(36), nullable=False),
    )
    op.create_index("ix_meeting_participants_meeting_id", "meeting_participants", ["meeting_id"])
    op.create_table(
        "meeting_items",
        *_identified(),
        _fk("meeting_id", "meetings", ondelete="CASCADE", nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("school_ok", sa.Boolean, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("decisions", sa.Text, nullable=False),
    )
    op.create_index("ix_meeting_items_meeting_id", "meeting_items", ["meeting_id"])
    op.create_table(
        "meeting_actions",
        *_identified(),
        _fk("meeting_id", "meetings", ondelete="CASCADE", nullable=False),
        _fk("item_id", "meeting_items", ondelete="SET NULL"),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("due", sa.Date, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("school_ok", sa.Boolean, nullable=False),
        sa.Column("followup_uuid", sa.String(36), nullable=False),
        sa.Column("closed_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_meeting_actions_meeting_id", "meeting_actions", ["meeting_id"])
    op.create_table(
        "events",
        *_identified(),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("event_type", sa.String(40), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("place", sa.String(300), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_table(
        "event_sessions",
        *_identified(),
        _fk("event_id", "events", ondelete="CASCADE", nullable=False),
        sa.Column("starts", sa.Time, nullable=False),
        sa.Column("ends", sa.Time, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("room", sa.String(100), nullable=False),
        sa.Column("speaker", sa.String(200), nullable=False),
        sa.Column("speaker_contact_uuid", sa.String(36), nullable=False),
        sa.Column("capacity", sa.Integer, nullable=False),
    )
    op.create_index("ix_event_sessions_event_id", "event_sessions", ["event_id"])
    op.create_table(
        "event_registrations",
        *_identified(),
        _fk("event_id", "events", ondelete="CASCADE", nullable=False),
        _fk("school_id", "schools", ondelete="CASCADE", nullable=False),
        sa.Column("invited_at", sa.Date, nullable=True),
        sa.Column("registered", sa.Integer, nullable=False),
        sa.Column("attended", sa.Integer, nullable=False),
        sa.Column("attendance_recorded", sa.Boolean, nullable=False),
    )
    op.create_index("ix_event_registrations_event_id", "event_registrations", ["event_id"])
    op.create_table(
        "event_survey_answers",
        *_identified(),
        _fk("event_id", "events", ondelete="CASCADE", nullable=False),
        _fk("school_id", "schools", ondelete="SET NULL"),
        sa.Column("question", sa.String(40), nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
    )
    op.create_index("ix_event_survey_answers_event_id", "event_survey_answers", ["event_id"])


def downgrade() -> None:
    for table in ("event_survey_answers", "event_registrations", "event_sessions", "events", "meeting_actions",
                  "meeting_items", "meeting_participants", "meeting_families", "meetings", "meeting_series"):
        op.drop_table(table)
