"""The printed wegwijzer for one municipality and/or one theme: the parents' guide of one town, say.

The filter is the map's own rule (``services.kaart.summary_matches`` through ``find_services``): a service
counts for a town when it works there. Used by ``brugapp kaart export --format pdf --municipality …
--theme …`` and by the sociale kaart page (which prints what its filter shows).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from brugapp.domain.themes import THEMES
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.export import ExportResult
from brugapp.services.kaart.query import KaartFilter, audit, find_services, municipalities, opening_hours_text
from brugapp.store import Store
from brugapp.store.models.kaart import KaartOrganization

AUDIENCES = ("parents", "school")


def _check(store: Store, *, audience: str, municipality: str, theme: str) -> str:
    """The municipality as the map spells it; raises naming the wrong field."""
    if audience not in AUDIENCES:
        raise ValidationError(_("Choose who the guide is for: parents or school."), field="audience")
    if theme and theme not in THEMES:
        raise ValidationError(_("Unknown theme “{theme}”. Choose one of: {choices}.").format(
            theme=theme, choices=", ".join(THEMES.codes())), field="theme")
    if not municipality:
        return ""
    known = {m.casefold(): m for m in municipalities(store)}
    if municipality.strip().casefold() not in known:
        raise ValidationError(_("No service of the social map works in “{place}”. Known municipalities: "
                                "{choices}.").format(place=municipality, choices=", ".join(sorted(known.values()))),
                              field="municipality")
    return known[municipality.strip().casefold()]


def _websites(store: Store) -> dict[str, str]:
    """Organisation UUID -> website: a service without its own page points at its organisation's."""
    with store.read() as session:
        rows = session.execute(select(KaartOrganization.uuid, KaartOrganization.website))
        return {uuid: website for uuid, website in rows}


def export_wegwijzer(store: Store, *, out: Path, audience: str = "parents", municipality: str = "",
                     theme: str = "", author: str = "", service_ids: Sequence[str] | None = None) -> ExportResult:
    """Write the guide of the services working in ``municipality`` for ``theme`` (either may be empty),
    optionally only those of ``service_ids`` (the rows chosen on the sociale kaart page)."""
    from brugapp.printing.wegwijzer import write_wegwijzer

    place = _check(store, audience=audience, municipality=municipality, theme=theme)
    criteria = KaartFilter(category=f"theme:{theme}" if theme else "", municipality=place)
    chosen = set(service_ids) if service_ids is not None else None
    websites = _websites(store)
    details = [get_service(store, service_id=s.id) for s in find_services(store, criteria=criteria)
               if chosen is None or s.id in chosen]
    details = [replace(d, url=d.url or websites.get(d.organization_id, "")) for d in details]
    write_wegwijzer(out, details, audience=audience, hours_text=opening_hours_text, municipality=place,
                    theme_label=THEMES.label(theme) if theme else "", author=author)
    with store.session() as session:
        audit(session, action="print", subject_kind="kaart:pdf", audience=audience,
              detail=f"{len(details)} {place} {theme}".strip())
    return ExportResult(out, len(details), "pdf")
