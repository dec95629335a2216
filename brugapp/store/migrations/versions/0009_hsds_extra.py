"""Keep what an HSDS file holds that the sociale kaart does not model (issue 13).

``hsds_extra`` (JSON, empty for records typed in BrugApp or read from a spreadsheet) on services and
organisations: the file's own rows, the rows of tables BrugApp has no place for (programs, languages,
funding, …) and what BrugApp wrote right after the import, so an export gives the file back value for
value and an edit made in BrugApp still wins. See ``brugapp/exchange/hsds_extra.py``.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("kaart_organizations", "kaart_services"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("hsds_extra", sa.JSON(), nullable=True))


def downgrade() -> None:
    for table in ("kaart_services", "kaart_organizations"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("hsds_extra")
