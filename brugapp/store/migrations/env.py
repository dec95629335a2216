"""Alembic environment: the app hands in an open connection (see ``migrations.upgrade``)."""

from alembic import context

from brugapp.store import models  # noqa: F401  (registers every table on the metadata)
from brugapp.store.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("BrugApp migrations run through brugapp.store.migrations.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
)
with context.begin_transaction():
    context.run_migrations()
