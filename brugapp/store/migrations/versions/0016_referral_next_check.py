"""Each referral keeps its next check, so Doorverwijzingen reads its first page in list order.

The list orders every referral on its next check (the first open follow-up's date) before it shows the first 200:
on a busy programme (20,000 referrals) that was one look-up per referral, each joined to its family and all of
them sorted, ~20 ms of the page's first visit (``brugapp bench``). Now:
- ``referrals.next_check`` holds that date, kept by SQLite itself: triggers on ``followups`` recompute it for
  the referral(s) a follow-up is added to, moved between, changed on or deleted from, whoever writes (the app,
  an import, a cascade), and a new referral row gets it from its follow-ups too;
- ``ix_referrals_next_check`` holds the referrals in the list's order (closed last, urgent first, next check
  with none last): the first page is the index's first entries, only equal dates sorted on the family's name.
The first page's query: ~20 → ~4 ms (cold cache), 12 → 0.6 ms (warm) on the bench's store.

The index's expressions are the list's words (``store/referrals_reads.py``): SQLite only uses it when they match.
The column on every database; its triggers and index on SQLite only, as the audit trail's triggers (0008): the
lists read the store through SQLite's own driver.

Revision ID: 0016_referral_next_check
Revises: 0015_list_indexes
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_referral_next_check"
down_revision = "0015_list_indexes"
branch_labels = None
depends_on = None

# The words of ``store/referrals_reads.closed_order(CLOSED)`` and of 0015's open checks: the index and the open
# checks' index are only used when the list's statement says the same.
CLOSED_ORDER = "status IN ('completed', 'declined', 'stopped', 'withdrawn')"
NEXT_CHECK_OF = ("(SELECT fu.due FROM followups AS fu WHERE fu.referral_id = {referral} "
                 "AND fu.status IN ('planned', 'no_answer') ORDER BY fu.due LIMIT 1)")


def _recompute(referral: str) -> str:
    return f"UPDATE referrals SET next_check = {NEXT_CHECK_OF.format(referral=referral)} WHERE id = {referral};"


TRIGGERS = {
    "referrals_next_check_on_followup_insert":
        f"AFTER INSERT ON followups WHEN NEW.referral_id IS NOT NULL BEGIN {_recompute('NEW.referral_id')} END",
    "referrals_next_check_on_followup_update":
        "AFTER UPDATE OF referral_id, due, status ON followups "
        f"BEGIN {_recompute('OLD.referral_id')} {_recompute('NEW.referral_id')} END",
    "referrals_next_check_on_followup_delete":
        f"AFTER DELETE ON followups WHEN OLD.referral_id IS NOT NULL BEGIN {_recompute('OLD.referral_id')} END",
    "referrals_next_check_on_insert": f"AFTER INSERT ON referrals BEGIN {_recompute('NEW.id')} END",
}


def upgrade() -> None:
    op.add_column("referrals", sa.Column("next_check", sa.Date(), nullable=True))
    op.execute(f"UPDATE referrals SET next_check = {NEXT_CHECK_OF.format(referral='referrals.id')}")
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(f"CREATE INDEX ix_referrals_next_check ON referrals (({CLOSED_ORDER}), coalesce(urgent, 0) DESC, "
               "next_check IS NULL, next_check)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP INDEX IF EXISTS ix_referrals_next_check")
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_column("referrals", "next_check")
