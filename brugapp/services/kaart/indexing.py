"""The sociale kaart in the global search index: one entry per service and per organisation."""

from __future__ import annotations

from sqlalchemy.orm import Session

from brugapp.domain.kaart import CATEGORIES
from brugapp.services.kaart.query import term_words
from brugapp.store import search_index
from brugapp.store.models.kaart import KaartOrganization, KaartService
from brugapp.store.search_index import IndexEntry, index_record


def _service_entry(service: KaartService) -> tuple[str, str, str, str]:
    cats = " ".join(term_words((t.code,), CATEGORIES) for t in service.terms if t.vocabulary == "kaart_category")
    places = " ".join(a.name for a in service.areas)
    return ("service", service.uuid, f"{service.name} – {service.organization.name}",
            f"{service.description} {service.target_group} {cats} {places}")


def _organization_entry(org: KaartOrganization) -> tuple[str, str, str, str]:
    return ("organization", org.uuid, org.name, f"{org.alternate_name} {org.description}")


def index_service(session: Session, service: KaartService) -> None:
    kind, ref, label, body = _service_entry(service)
    index_record(session, kind=kind, ref_uuid=ref, label=label, body=body)


def index_organization(session: Session, org: KaartOrganization) -> None:
    kind, ref, label, body = _organization_entry(org)
    index_record(session, kind=kind, ref_uuid=ref, label=label, body=body)


def index_many(session: Session, *, services: list[KaartService], organizations: list[KaartOrganization]) -> None:
    """Index a whole import at once (one delete and one insert statement)."""
    entries = [_service_entry(s) for s in services] + [_organization_entry(o) for o in organizations]
    search_index.index_many(session, [IndexEntry(kind, ref, label, body) for kind, ref, label, body in entries])
