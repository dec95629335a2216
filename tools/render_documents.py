"""Render every printed document of the demo region to PNG pages, so anyone can read them page by page.

    python tools/render_documents.py /tmp/documents            # PDFs and PNG pages (70 dpi) in that folder
    python tools/render_documents.py /tmp/documents --dpi 100 --lang en

It builds a throwaway demo store (plain SQLite in a temporary folder, never your own data), prints through
the same services as the app (consent checks, audit trail, pseudonyms), then runs ``pdftoppm`` (poppler-utils)
on each PDF (without it: the PDFs only). A refused print (no consent for that audience) is listed, not drawn:
that refusal is the point.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from brugapp import i18n  # after the path line above: a checkout runs without installing
from brugapp.errors import ValidationError

Printer = Callable[[Path], object]
# What "Mijn gegevens" would hold on a real laptop (fictional, like the whole demo).
DEMO_SENDER = {"sender_name": "Sarah Vandamme", "sender_role": "brugfiguur", "sender_organisation": "Stad Kortrijk",
               "sender_phone": "056 00 00 00", "sender_email": "sarah.vandamme@example.be"}


def _jobs(store: object) -> list[tuple[str, Printer]]:
    from brugapp.domain.schoolyear import SchoolYear
    from brugapp.services import schools
    from brugapp.services.kaart import export as kaart_export
    from brugapp.services.meetings import agenda, events, minutes
    from brugapp.services.meetings.meetings import list_meetings
    from brugapp.services.referrals import print_sheet, reading
    from brugapp.services.reporting import report

    jobs: list[tuple[str, Printer]] = []
    for n, meeting in enumerate(list_meetings(store), start=1):  # type: ignore[arg-type]
        for audience in ("internal", "network", "school"):
            jobs.append((f"meeting{n:02d}-agenda-{audience}", lambda p, m=meeting.id, a=audience:
                         agenda.print_agenda(store, meeting_id=m, audience=a, path=p)))  # type: ignore[arg-type]
        if meeting.status == "held":
            for audience in ("internal", "network"):
                jobs.append((f"meeting{n:02d}-minutes-{audience}", lambda p, m=meeting.id, a=audience:
                             minutes.print_minutes(store, meeting_id=m, audience=a, path=p)))  # type: ignore[arg-type]
    for n, referral in enumerate(reading.list_referrals(store), start=1):  # type: ignore[arg-type]
        target = referral.contact_id or referral.service_id
        if target:
            jobs.append((f"referral{n:02d}", lambda p, r=referral.id, t=target: print_sheet.print_referral_sheet(
                store, referral_id=r, recipient_id=t, out=p, **DEMO_SENDER)))  # type: ignore[arg-type]
    for n, event in enumerate(events.list_events(store), start=1):  # type: ignore[arg-type]
        jobs.append((f"event{n:02d}-programme", lambda p, e=event.id: events.print_programme(
            store, event_id=e, path=p)))  # type: ignore[arg-type]
        jobs.append((f"event{n:02d}-attendance", lambda p, e=event.id: events.print_attendance_list(
            store, event_id=e, path=p)))  # type: ignore[arg-type]
    year = SchoolYear.of(i18n_today())  # type: ignore[arg-type]
    for shown_year in (year, SchoolYear(year.start_year - 1)):
        jobs.append((f"report-{shown_year.start_year}-all", lambda p, y=shown_year: report.print_report(
            store, school_year=y, path=p)))  # type: ignore[arg-type]
    first_school = next(iter(schools.list_schools(store)), None)  # type: ignore[arg-type]
    if first_school is not None:
        jobs.append(("report-one-school", lambda p: report.print_report(
            store, school_year=year, school_id=first_school.id, path=p)))  # type: ignore[arg-type]
    for audience in ("parents", "school"):
        jobs.append((f"wegwijzer-{audience}", lambda p, a=audience: kaart_export.export_kaart(
            store, out=p, format="pdf", audience=a)))  # type: ignore[arg-type]
    jobs += _filtered_wegwijzer(store)
    return jobs


def _filtered_wegwijzer(store: object) -> list[tuple[str, Printer]]:
    """The one-municipality parents' guide and a one-theme guide for a school team."""
    from brugapp.services.kaart.wegwijzer import export_wegwijzer

    return [
        ("wegwijzer-parents-kortrijk", lambda p: export_wegwijzer(store, out=p, audience="parents",  # type: ignore[arg-type]
                                                                  municipality="Kortrijk")),
        ("wegwijzer-school-menen-education", lambda p: export_wegwijzer(
            store, out=p, audience="school", municipality="Menen", theme="education")),  # type: ignore[arg-type]
    ]


def i18n_today() -> object:
    from brugapp.domain.clock import today_local

    return today_local()


def render(out: Path, *, dpi: int, language: str, draw: bool = True) -> list[str]:
    from brugapp.demo.region import create_demo_store

    i18n.set_language(language)
    out.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="brugapp-render-") as tmp:
        store = create_demo_store(Path(tmp) / "demo.db", passphrase=None)
        try:
            for name, job in _jobs(store):
                pdf = out / f"{name}.pdf"
                try:
                    job(pdf)
                except ValidationError as refused:
                    lines.append(f"{name}: refused – {refused}")
                    continue
                if not draw:
                    lines.append(f"{name}: {pdf.name}")
                    continue
                for old in out.glob(f"{name}-*.png"):
                    old.unlink()
                subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out / name)], check=True)
                pages = len(list(out.glob(f"{name}-*.png")))
                lines.append(f"{name}: {pages} page(s)")
        finally:
            store.close()
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PDFs and PNG pages")
    parser.add_argument("--dpi", type=int, default=70)
    parser.add_argument("--lang", default="nl", choices=sorted(i18n.LANGUAGES))
    args = parser.parse_args(argv)
    draw = shutil.which("pdftoppm") is not None
    if not draw:  # the PDFs are still worth having
        print("pdftoppm not found: PDFs only, no PNG pages (apt-get install poppler-utils)", file=sys.stderr)
    for line in render(args.out, dpi=args.dpi, language=args.lang, draw=draw):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
