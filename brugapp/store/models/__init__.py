"""All mapped tables. Import every model module here so Alembic and the metadata see them."""

from brugapp.store.models.family import Family
from brugapp.store.models.school import School
from brugapp.store.models.system import AuditEntry, Draft

__all__ = ["AuditEntry", "Draft", "Family", "School"]
