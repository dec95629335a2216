"""Indexes found by ``brugapp bench`` on a busy programme (10,000 families, ~60,000 contact moments).

- contact_moments (family_id, deleted_at, occurred_at): the Families page's "last contact" per family reads
  the index alone instead of ~60,000 encrypted table rows (list_families 1,000 ms -> well under 100 ms);
- contact_moments (follow_up_done, follow_up_on) for promised follow-ups: Vandaag no longer scans every
  contact moment to find the few hundred promises that are due;
- family_members (family_id, role): the number of children per family, read from the index.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from alembic import op

revision = "0007"
down_revision = "0006"  # signals, which merged referrals (0004) and meetings (0005)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_contact_moments_family_last", "contact_moments", ["family_id", "deleted_at", "occurred_at"])
    op.create_index("ix_contact_moments_promised", "contact_moments", ["follow_up_done", "follow_up_on"])
    op.create_index("ix_family_members_family_role", "family_members", ["family_id", "role"])


def downgrade() -> None:
    op.drop_index("ix_family_members_family_role", table_name="family_members")
    op.drop_index("ix_contact_moments_promised", table_name="contact_moments")
    op.drop_index("ix_contact_moments_family_last", table_name="contact_moments")
