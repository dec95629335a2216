"""Measure the sociale kaart at scale: import of 2,000 services (CSV and HSDS) and filter latency.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/data/kaart/bench_kaart.py
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BRUGAPP_HOME", tempfile.mkdtemp(prefix="brugapp-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from brugapp.services.kaart import KaartFilter, list_services, summary_matches
from brugapp.services.kaart_export import export_kaart
from brugapp.services.kaart_import import import_kaart
from brugapp.store import open_store

TOWNS = ["Kortrijk", "Roeselare", "Menen", "Wevelgem", "Harelbeke", "Waregem", "Izegem", "Kuurne", "Zwevegem"]
CATS = ["welzijn", "schulden en geld", "wonen", "crisis", "vrije tijd", "onderwijs", "jeugdhulp", "gezondheid"]
HOURS = ["ma-vr 9-12, 13-17", "24/7", "di, do 14-18; za 10-13", "ma-vr 8-19", "wo 13-17"]


def write_csv(path: Path, count: int) -> None:
    random.seed(1)
    lines = ["Organisatie;Dienst;Wat doen ze;Categorie;Gemeente;Telefoon;Noodnummer;Openingsuren;Contactpersoon;"
             "Laatst gecontroleerd"]
    for n in range(count):
        town = random.choice(TOWNS)
        lines.append(";".join([
            f"Organisatie {n // 4:04d} {town}", f"Dienst {n:04d}", f'"Hulp bij {random.choice(CATS)}; gratis"',
            random.choice(CATS), town, f"056 00 {n // 100:02d} {n % 100:02d}",
            "056 00 99 99" if n % 7 == 0 else "", f'"{random.choice(HOURS)}"', f"Contact {n}",
            (dt.date(2026, 11, 1) - dt.timedelta(days=random.randint(0, 800))).isoformat(),
        ]))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="kaart-bench-"))
    write_csv(work / "kaart2000.csv", 2000)
    store = open_store(work / "bench.db", create=True)
    started = time.perf_counter()
    result = import_kaart(store, path=work / "kaart2000.csv")
    print(f"CSV import of {result.created} services: {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    result = import_kaart(store, path=work / "kaart2000.csv")
    print(f"CSV re-import (updates {result.updated}): {time.perf_counter() - started:.2f} s")
    export_kaart(store, out=work / "pkg", format="hsds")
    other = open_store(work / "other.db", create=True)
    started = time.perf_counter()
    result = import_kaart(other, path=work / "pkg")
    print(f"HSDS package import of {result.created} services: {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    summaries = list_services(store)
    print(f"list_services (load {len(summaries)}): {(time.perf_counter() - started) * 1000:.0f} ms")

    now = dt.datetime(2026, 11, 25, 17, 30)
    queries = [KaartFilter(text="schulden kortrijk"), KaartFilter(category="crisis", open_at=now),
               KaartFilter(after_hours=True, municipality="Menen"), KaartFilter(text="dienst 19"),
               KaartFilter(stale_only=True, today=now.date()), KaartFilter(category="theme:poverty")]
    timings = []
    for _round in range(20):
        for criteria in queries:
            started = time.perf_counter()
            [s for s in summaries if summary_matches(s, criteria)]
            timings.append((time.perf_counter() - started) * 1000)
    print(f"filter over {len(summaries)} services (service rule): median {statistics.median(timings):.2f} ms, "
          f"max {max(timings):.2f} ms")

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from brugapp.ui.kaart_page import KaartPage

    page = KaartPage(store)
    page.now_override = now
    page.resize(1148, 678)
    page.refresh()
    timings = []
    for _round in range(10):
        for text in ("s", "sc", "schulden", "schulden k", "schulden kortrijk", ""):
            started = time.perf_counter()
            page.search.setText(text)
            page.apply_filters()
            app.processEvents()
            timings.append((time.perf_counter() - started) * 1000)
    print(f"GUI proxy filter while typing ({page.model.rowCount()} rows): median {statistics.median(timings):.1f} ms, "
          f"max {max(timings):.1f} ms")
    store.close()
    other.close()


if __name__ == "__main__":
    main()
