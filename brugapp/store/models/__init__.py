"""All mapped tables. Import every model module here so Alembic and the metadata see them."""

import brugapp.store.models.kaart  # sociale kaart tables (registers them)
import brugapp.store.models.meetings  # overleg and events tables (registers them)
import brugapp.store.models.notebook  # noqa: F401  (contact notebook tables)
from brugapp.store.hooks import models_loaded
from brugapp.store.models import referrals  # noqa: F401  (referrals, consent, follow-ups)
from brugapp.store.models.family import Family
from brugapp.store.models.reporting import Signal as Signal  # signals for the year report
from brugapp.store.models.school import School
from brugapp.store.models.situations import MemberSituation as MemberSituation  # member situations (0011)
from brugapp.store.models.system import AuditEntry, Draft

__all__ = ["AuditEntry", "Draft", "Family", "School"]

models_loaded()  # the text rule and whatever else waits for every table (store/hooks.py)
