"""Prints and the HSDS import, as the pages start them: the service call that writes the file.

The agenda of the next care meeting, the referral sheet of a referral with consent, the annual report of all
schools (PDF), and an HSDS package of 2,000 services imported into an empty map.
"""

from __future__ import annotations

import itertools

from brugapp.bench.base import BENCH_PASSPHRASE, BenchContext, BenchResult, measure
from brugapp.bench.capabilities import _bench_subjects
from brugapp.bench.fillers import BENCH_DAY
from brugapp.bench.report import BENCH_YEAR
from brugapp.store import Store, open_store

PRINT_MS = 500.0  # a sheet: the PDF viewer opens before a person wonders
REPORT_MS = 2000.0
HSDS_IMPORT_MS = 5000.0


def print_benchmarks(store: Store, context: BenchContext) -> list[BenchResult]:
    from brugapp.services.kaart.export import export_kaart
    from brugapp.services.kaart.importing import import_kaart
    from brugapp.services.kaart.query import list_services
    from brugapp.services.meetings.agenda import print_agenda
    from brugapp.services.referrals.referrals import print_referral_sheet
    from brugapp.services.reporting.report import print_report

    subjects = _bench_subjects(store)
    folder = context.folder
    hsds = folder / "hsds-print-bench"
    export_kaart(store, out=hsds, format="hsds")
    services = len(list_services(store))
    counter = itertools.count()
    fresh: list[Store] = []

    def empty_map() -> None:
        for old in fresh:
            old.close()
        fresh[:] = [open_store(folder / f"hsds-{next(counter)}.db", passphrase=BENCH_PASSPHRASE, create=True)]

    results = [
        measure("agenda PDF of the next care meeting", PRINT_MS,
                lambda: print_agenda(store, meeting_id=subjects["meeting"], audience="network",
                                     path=folder / "agenda.pdf", on=BENCH_DAY), runs=5, group="print"),
        measure("referral sheet PDF", PRINT_MS,
                lambda: print_referral_sheet(store, referral_id=subjects["referral"], recipient_id=subjects["service"],
                                             recipient_kind="service", out=folder / "sheet.pdf", on=BENCH_DAY),
                runs=5, group="print"),
        measure(f"annual report PDF, all schools ({context.families} families)", REPORT_MS,
                lambda: print_report(store, school_year=BENCH_YEAR, path=folder / "report.pdf"), runs=3,
                group="print"),
        measure(f"HSDS import of {services} services into an empty map", HSDS_IMPORT_MS,
                lambda: import_kaart(fresh[0], path=hsds), runs=3 if context.families >= 5000 else 1,
                warm_up=False, setup=empty_map, group="print"),
    ]
    for old in fresh:
        old.close()
    return results
