"""Indexes that answer Vandaag's counts from the index alone (``brugapp bench``: start-up, 10,000 families).

Vandaag is the first screen after unlocking; its two counts read, on a store just opened (nothing decrypted yet):
- promised follow-ups: the index (follow_up_done, follow_up_on) found the 2,300 open promises, but each row was
  then read from the table for ``deleted_at`` (25 ms cold). With ``deleted_at`` in the index it is not;
- follow-ups due: the status index found 10,600 open follow-ups, each then read for ``due`` (24 ms cold).
  (status, due) answers both the count and the page's order from the index;
- follow-ups by referral (referral_id, status, due): with (status, due) present, SQLite chose it for the
  referrals list's "next check" of each referral, and listing open referrals took 17 s (each of 20,000
  referrals scanned the 10,600 open follow-ups). This index answers that lookup for one referral from the index.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_contact_moments_promised", table_name="contact_moments")
    op.create_index("ix_contact_moments_promised", "contact_moments", ["follow_up_done", "follow_up_on", "deleted_at"])
    op.create_index("ix_followups_status_due", "followups", ["status", "due"])
    op.create_index("ix_followups_referral_open", "followups", ["referral_id", "status", "due"])


def downgrade() -> None:
    op.drop_index("ix_followups_referral_open", table_name="followups")
    op.drop_index("ix_followups_status_due", table_name="followups")
    op.drop_index("ix_contact_moments_promised", table_name="contact_moments")
    op.create_index("ix_contact_moments_promised", "contact_moments", ["follow_up_done", "follow_up_on"])
