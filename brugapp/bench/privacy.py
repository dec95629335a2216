"""Budgets for the privacy use cases on the benchmark programme (10,000 families): retention review,
the access export of one family, the name check behind a signal, and the handover bundle."""

from __future__ import annotations

from sqlalchemy import select

from brugapp.bench.base import BenchContext, BenchResult, measure
from brugapp.services.bundle import export_bundle
from brugapp.services.families.access_export import export_access
from brugapp.services.families.retention import families_for_review
from brugapp.services.reporting.signals import record_signal
from brugapp.store import Store
from brugapp.store.models import Family

RETENTION_MS = 1500  # a dialog that opens on demand, not on every keystroke
ACCESS_EXPORT_MS = 500
SIGNAL_MS = 300  # saving one signal: every first and last name in the store is checked
BUNDLE_MS = 60_000  # the whole notebook, once per handover


def privacy_benchmarks(store: Store, context: BenchContext) -> list[BenchResult]:
    with store.read() as session:
        family = session.scalar(select(Family.uuid).order_by(Family.id).limit(1)) or ""
    out = context.folder / "access.json"
    return [
        measure(f"retention: families without activity ({context.families} families)", RETENTION_MS,
                lambda: families_for_review(store, school_years=2), runs=5),
        measure("access export of one family (JSON)", ACCESS_EXPORT_MS,
                lambda: export_access(store, family_id=family, out=out), runs=5),
        measure("record a signal (checked against every name)", SIGNAL_MS,
                lambda: record_signal(store, theme="poverty.housing", families_concerned=5,
                                      description="Huisjesmelkers verhuren kamers met schimmel"), runs=5),
        measure(f"handover bundle: export the whole notebook ({context.families} families)", BUNDLE_MS,
                lambda: export_bundle(store, out=context.folder / "bench.brugbundle",
                                      passphrase="bench passphrase"), runs=1, warm_up=False),
    ]
