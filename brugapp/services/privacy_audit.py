"""The one place where the privacy use cases (retention, access export, bundle) write to the audit trail.

Kept as one small helper so the trail can switch to the hash-chained ``record_audit`` in one line.
Never the content: what happened, to which record (uuid), for whom, and a short code.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from brugapp.store.models import AuditEntry


def record_privacy_audit(session: Session, *, action: str, subject_kind: str, subject_uuid: str = "",
                         audience: str = "", detail: str = "") -> None:
    session.add(AuditEntry(action=action[:40], subject_kind=subject_kind[:40], subject_uuid=subject_uuid[:36],
                           audience=audience[:80], detail=detail))
