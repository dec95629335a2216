"""Sociale kaart: organisations, services, locations, contacts, phones, schedules, areas, terms, private notes.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
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


def _fk(column: str, table: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> sa.Column:
    return sa.Column(column, sa.Integer, sa.ForeignKey(f"{table}.id", ondelete=ondelete), nullable=nullable,
                     index=True)


def upgrade() -> None:
    op.create_table(
        "kaart_organizations",
        *_identified(),
        sa.Column("external_id", sa.String(120), nullable=False, index=True),
        sa.Column("name", sa.String(250), nullable=False, index=True),
        sa.Column("alternate_name", sa.String(250), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("website", sa.String(300), nullable=False),
    )
    op.create_table(
        "kaart_services",
        *_identified(),
        _fk("organization_id", "kaart_organizations"),
        sa.Column("external_id", sa.String(120), nullable=False, index=True),
        sa.Column("name", sa.String(250), nullable=False, index=True),
        sa.Column("alternate_name", sa.String(250), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("not_offered", sa.Text, nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("url", sa.String(300), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("target_group", sa.Text, nullable=False),
        sa.Column("minimum_age", sa.Integer, nullable=True),
        sa.Column("maximum_age", sa.Integer, nullable=True),
        sa.Column("referral_route", sa.String(30), nullable=False),
        sa.Column("application_process", sa.Text, nullable=False),
        sa.Column("wait_time", sa.String(250), nullable=False),
        sa.Column("fees", sa.String(250), nullable=False),
        sa.Column("comes_to_school", sa.Boolean, nullable=False),
        sa.Column("after_hours_note", sa.Text, nullable=False),
        sa.Column("assured_date", sa.Date, nullable=True),
    )
    op.create_table(
        "kaart_locations",
        *_identified(),
        _fk("organization_id", "kaart_organizations"),
        sa.Column("address_uuid", sa.String(36), nullable=False),
        sa.Column("name", sa.String(250), nullable=False),
        sa.Column("address_1", sa.String(250), nullable=False),
        sa.Column("postal_code", sa.String(12), nullable=False),
        sa.Column("city", sa.String(120), nullable=False, index=True),
        sa.Column("state_province", sa.String(120), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
    )
    op.create_table(
        "kaart_service_locations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        _fk("service_id", "kaart_services"),
        _fk("location_id", "kaart_locations"),
        sa.UniqueConstraint("service_id", "location_id"),
    )
    op.create_table(
        "kaart_contacts",
        *_identified(),
        _fk("organization_id", "kaart_organizations"),
        _fk("service_id", "kaart_services", nullable=True, ondelete="SET NULL"),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(60), nullable=False),
        sa.Column("phone_uuid", sa.String(36), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("is_backup", sa.Boolean, nullable=False),
    )
    op.create_table(
        "kaart_phones",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        _fk("organization_id", "kaart_organizations", nullable=True),
        _fk("service_id", "kaart_services", nullable=True),
        sa.Column("number", sa.String(60), nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("description", sa.String(250), nullable=False),
    )
    op.create_table(
        "kaart_schedules",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        _fk("service_id", "kaart_services"),
        sa.Column("byday", sa.String(40), nullable=False),
        sa.Column("opens_at", sa.String(5), nullable=False),
        sa.Column("closes_at", sa.String(5), nullable=False),
        sa.Column("description", sa.String(250), nullable=False),
    )
    op.create_table(
        "kaart_service_areas",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        _fk("service_id", "kaart_services"),
        sa.Column("name", sa.String(120), nullable=False, index=True),
    )
    op.create_table(
        "kaart_service_terms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        _fk("service_id", "kaart_services"),
        sa.Column("vocabulary", sa.String(20), nullable=False),
        sa.Column("code", sa.String(60), nullable=False),
        sa.UniqueConstraint("service_id", "vocabulary", "code"),
    )
    op.create_table(
        "kaart_private_notes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("organization_id", sa.Integer, sa.ForeignKey("kaart_organizations.id", ondelete="CASCADE"),
                  nullable=True, unique=True),
        sa.Column("service_id", sa.Integer, sa.ForeignKey("kaart_services.id", ondelete="CASCADE"),
                  nullable=True, unique=True),
        sa.Column("colour", sa.String(10), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "kaart_private_notes", "kaart_service_terms", "kaart_service_areas", "kaart_schedules", "kaart_phones",
        "kaart_contacts", "kaart_service_locations", "kaart_locations", "kaart_services", "kaart_organizations",
    ):
        op.drop_table(table)
