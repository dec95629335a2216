"""The one plain record of a sociale-kaart service: its facts, each declared once with how it travels.

``ServiceFacts`` holds the plain values a service row keeps (what they do, for whom, how to refer, …). Every
other shape of a service extends it: the edit form's ``ServiceInput``, the detail pane's ``ServiceDetail``, the
HSDS/spreadsheet ``ServiceRecord``. The store reads and writes them through ``facts_of`` / ``stored_value``,
the edit form draws its fields from ``FORM_FACTS``, merging fills ``MERGED_FACTS``.

Adding a field: declare it here, ``field(default="", metadata=fact(N_("Label"), "text"))``, and give the store
its column (model + migration). Nothing else: the edit form shows it, the detail pane and the printed wegwijzer
show it as a labelled line, the CSV has a column for it and HSDS carries it as a BrugApp attribute. The fields
declared with ``placed(...)`` instead each have their hand-made place in those views and files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from brugapp.i18n import N_, _

Kind = Literal["line", "text", "age", "flag", "route", "status", "date"]


@dataclass(frozen=True)
class FactSpec:
    """How one fact is edited and exchanged.

    ``kind``: line / text (free text; text gets several lines in the form), age (0–120 or none), flag (yes/no),
    route (a code of ``REFERRAL_ROUTES``), status (a code of ``STATUSES``), date.
    ``form``: the edit form shows it and saving writes it. ``merge``: merging duplicates fills it when empty.
    ``hsds_attribute``: it travels as a BrugApp attribute (HSDS has no column for it).
    ``extra``: it has no hand-made place, so the generic rows show, print and export it.
    """

    name: str
    label: str  # N_-marked English; translated where shown
    kind: Kind
    form: bool = True
    merge: bool = True
    hsds_attribute: bool = False
    extra: bool = True
    placeholder: str = ""  # N_-marked hint in the edit form


def fact(label: str, kind: Kind = "line", **spec: Any) -> dict[str, Any]:
    """The metadata of a ``ServiceFacts`` field: ``field(default=…, metadata=fact(label, kind, …))``; the name
    comes from the attribute it is given to."""
    return {"fact": (label, kind, spec)}


def placed(label: str, kind: Kind = "line", **spec: Any) -> dict[str, Any]:
    """``fact`` for a field with its own hand-made place in the views and files (``extra=False``)."""
    return fact(label, kind, extra=False, **spec)


@dataclass(frozen=True, kw_only=True)
class ServiceFacts:
    """The plain facts of one service, as the store keeps them in one row (no people, places or hours)."""

    alternate_name: str = field(default="", metadata=placed(N_("Also known as"), form=False))
    description: str = field(default="", metadata=placed(N_("What they do"), "text"))
    not_offered: str = field(default="", metadata=placed(N_("What they do not do"), "text", hsds_attribute=True))
    status: str = field(default="active", metadata=placed(N_("Status"), "status", merge=False))
    url: str = field(default="", metadata=placed(N_("Website")))
    email: str = field(default="", metadata=placed(N_("E-mail")))
    target_group: str = field(default="", metadata=placed(N_("Target group")))
    minimum_age: int | None = field(default=None, metadata=placed(N_("Minimum age"), "age"))
    maximum_age: int | None = field(default=None, metadata=placed(N_("Maximum age"), "age"))
    referral_route: str = field(default="", metadata=placed(N_("How to refer"), "route"))
    application_process: str = field(default="", metadata=placed(N_("Referral procedure"), "text"))
    wait_time: str = field(default="", metadata=placed(N_("Waiting time")))
    fees: str = field(default="", metadata=placed(N_("Cost")))
    # None in a file that has no such column: an import then keeps what the map holds.
    comes_to_school: bool | None = field(default=None, metadata=placed(N_("Comes to the school"), "flag", merge=False))
    after_hours_note: str = field(default="", metadata=placed(N_("When closed"), "text", hsds_attribute=True))
    assured_date: dt.date | None = field(default=None, metadata=placed(N_("Last verified"), "date", form=False,
                                                                       merge=False))


def _specs() -> tuple[FactSpec, ...]:
    specs = []
    for item in fields(ServiceFacts):
        label, kind, spec = item.metadata["fact"]
        if spec.get("extra", True):
            spec = {**spec, "hsds_attribute": True}  # HSDS has no column for a field BrugApp adds
        specs.append(FactSpec(item.name, label, kind, **spec))
    return tuple(specs)


FACTS: tuple[FactSpec, ...] = _specs()
FACT_NAMES: tuple[str, ...] = tuple(f.name for f in FACTS)
FORM_FACTS: tuple[FactSpec, ...] = tuple(f for f in FACTS if f.form)
MERGED_FACTS: tuple[str, ...] = tuple(f.name for f in FACTS if f.merge)
ATTRIBUTE_FACTS: dict[str, FactSpec] = {f.name: f for f in FACTS if f.hsds_attribute}
EXTRA_FACTS: tuple[FactSpec, ...] = tuple(f for f in FACTS if f.extra)


def facts_of(row: object) -> dict[str, Any]:
    """The facts of anything that has them as attributes (a store row, a record), by name."""
    return {name: getattr(row, name) for name in FACT_NAMES}


def stored_value(spec: FactSpec, value: Any) -> Any:
    """A fact as the store keeps it: text trimmed, a flag never unknown."""
    if spec.kind == "flag":
        return bool(value)
    return value.strip() if isinstance(value, str) else value


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def extra_lines(facts: ServiceFacts | Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """(N_ label, text) of the extra facts that are filled in, for the detail pane and the printed guide."""
    values = facts if isinstance(facts, Mapping) else facts_of(facts)
    return tuple((f.label, _shown(values[f.name])) for f in EXTRA_FACTS if values.get(f.name) not in ("", None))
