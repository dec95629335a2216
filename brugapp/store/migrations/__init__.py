"""The Alembic scripts (``env.py``, ``versions/``). The functions live in ``brugapp.store.migrate``;
they are re-exported here for callers that import ``brugapp.store.migrations``."""

from brugapp.store.migrate import current_revisions, head_revisions, needs_upgrade, upgrade

__all__ = ["current_revisions", "head_revisions", "needs_upgrade", "upgrade"]
