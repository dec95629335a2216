"""Indexes for the year report (Rapportage), found by ``brugapp bench`` on 10,000 families.

- referrals (referred_on, family_id, service_id, intensity, outcome): every referral figure of a school year
  (per type of organisation, intensity, outcome, school) reads this index's range for the year instead of the
  referral rows with their notes (encrypted pages decrypted for four columns);
- family_members (family_id, school_id): the schools of a family read from the index alone, for the per-school
  table and the report of one school.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

from alembic import op

revision = "0014"
down_revision = "0013"  # Vandaag's indexes, made the same day
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_referrals_year_figures", "referrals",
                    ["referred_on", "family_id", "service_id", "intensity", "outcome"])
    op.create_index("ix_family_members_family_school", "family_members", ["family_id", "school_id"])


def downgrade() -> None:
    op.drop_index("ix_family_members_family_school", table_name="family_members")
    op.drop_index("ix_referrals_year_figures", table_name="referrals")
