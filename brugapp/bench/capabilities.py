"""Budgets of the notebook, sociale kaart, referrals, follow-ups and meetings on a busy programme.

One ``BENCHMARKS`` entry: each benchmark times the service call the screen (or the CLI) makes, on the data of
``bench_fillers`` (10,000 families), on the day ``BENCH_DAY``. Budgets are what a brugfiguur calls instant:
100 ms for an interactive read, 50 ms for a keystroke of search-as-you-type, 150 ms for a save or a print,
10 s for importing a map of 2,000 services.
"""

from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy import select

from brugapp.bench.base import BENCH_PASSPHRASE, BenchContext, BenchResult, measure
from brugapp.bench.fillers import BENCH_DAY
from brugapp.store import Store, open_store

READ_MS, TYPING_MS, SAVE_MS, IMPORT_MS = 100, 50, 150, 10_000
# A whole list in one call (the CLI; the Families page sorted on a column the store does not order), as "list all
# N families".
WHOLE_LIST_MS = 400
PAGE_ROWS = 200  # what the Families and Doorverwijzingen pages read at once (their PAGE_ROWS)
SEARCH_KEYSTROKES = ["ya", "yil", "yilm", "yilmaz", "sc", "schu", "schuld", "el am", "el amr", "zo", "zoe",
                     "ozd", "ozdemir a", "caw", "caw kor", "huis", "huiswerk", "ama", "amina j"]
KAART_TYPING = ["s", "sc", "schu", "schulden", "schulden k", "schulden kortrijk", "crisis", "taal", "dienst 19", ""]


def _bench_subjects(store: Store) -> dict[str, str]:
    """uuids the benchmarks work on: a case with history, the next care meeting, a referral with consent."""
    from brugapp.store.models import Family
    from brugapp.store.models.kaart import KaartService
    from brugapp.store.models.meetings import Meeting, MeetingFamily
    from brugapp.store.models.referrals import Consent, Referral

    day_start = dt.datetime.combine(BENCH_DAY, dt.time.min, tzinfo=dt.UTC)
    with store.read() as session:
        meeting = session.execute(
            select(Meeting.uuid, Meeting.id).where(Meeting.series_id.is_not(None), Meeting.starts_at >= day_start)
            .order_by(Meeting.starts_at)).first()
        case = session.execute(
            select(Family.uuid).join(MeetingFamily, MeetingFamily.family_id == Family.id)
            .join(Meeting, Meeting.id == MeetingFamily.meeting_id).where(Meeting.series_id.is_(None))
            .order_by(Meeting.starts_at)).first()
        referral = session.execute(
            select(Referral.uuid, KaartService.uuid).join(KaartService, KaartService.id == Referral.service_id)
            .join(Consent, (Consent.family_id == Referral.family_id) & (Consent.recipient_uuid == KaartService.uuid))
            .where(Consent.given_on < BENCH_DAY).order_by(Referral.id)).first()
        first_family = session.scalar(select(Family.uuid).order_by(Family.id))
    return {"meeting": meeting[0] if meeting else "", "family": case[0] if case else first_family or "",
            "referral": referral[0] if referral else "", "service": referral[1] if referral else "",
            "quick_log_family": first_family or ""}


def capability_benchmarks(store: Store, context: BenchContext) -> list[BenchResult]:
    from brugapp.services.families.families import family_summaries, list_families, list_family_names
    from brugapp.services.families.notebook import count_anonymous_contacts, log_contact
    from brugapp.services.families.timeline import family_timeline
    from brugapp.services.kaart.export import export_kaart
    from brugapp.services.kaart.importing import import_kaart
    from brugapp.services.kaart.query import KaartFilter, find_services, list_services, summary_matches
    from brugapp.services.meetings.agenda import meeting_sheet
    from brugapp.services.referrals.followups import due_this_week, list_followups
    from brugapp.services.referrals.referrals import list_referrals, print_referral_sheet
    from brugapp.services.search import search_everything
    from brugapp.services.today import contacts_logged_on, promised_follow_ups

    subjects = _bench_subjects(store)
    families = context.families
    keystrokes = itertools.cycle(SEARCH_KEYSTROKES)

    def quick_log() -> None:
        log_contact(store, channel="schoolpoort", family_id=subjects["quick_log_family"],
                    themes=["education.homework", "admin.school_costs"],
                    note="Mama vraagt hulp bij de schoolfactuur; belt volgende week terug.",
                    follow_up_on=BENCH_DAY + dt.timedelta(days=7))

    def families_page() -> None:  # FamiliesPage.refresh: every name, the first page whole, contacts still to link
        names = sorted(list_family_names(store), key=lambda row: row[1].casefold())
        family_summaries(store, [uuid for uuid, _name in names[:PAGE_ROWS]])
        count_anonymous_contacts(store)

    def vandaag() -> None:  # the three panels of TODAY_PANELS
        promised_follow_ups(store, day=BENCH_DAY)
        list_followups(store, due_until=BENCH_DAY, today=BENCH_DAY)
        contacts_logged_on(store, day=BENCH_DAY)

    summaries = list_services(store)
    moment = dt.datetime.combine(BENCH_DAY, dt.time(17, 30))
    filters = itertools.cycle([KaartFilter(text=t) for t in KAART_TYPING] + [
        KaartFilter(category="crisis", open_at=moment), KaartFilter(after_hours=True, municipality="Menen"),
        KaartFilter(stale_only=True, today=BENCH_DAY), KaartFilter(category="theme:poverty"),
        KaartFilter(text="schuld", municipality="Kortrijk", open_at=moment)])

    def kaart_filter() -> None:  # one keystroke in the map's search field: the proxy asks summary_matches
        criteria = next(filters)
        [s for s in summaries if summary_matches(s, criteria)]

    csv_file = context.folder / "kaart.csv"
    fresh: list[Store] = []
    counter = itertools.count()

    def fresh_store() -> None:
        for old in fresh:
            old.close()
        fresh[:] = [open_store(context.folder / f"import-{next(counter)}.db", passphrase=BENCH_PASSPHRASE,
                               create=True)]

    import_runs = 1  # an import takes seconds; the HSDS import of bench/prints.py is the one timed repeatedly
    hsds_folder = context.folder / "hsds"
    export_kaart(store, out=hsds_folder, format="hsds")
    sheet_out = context.folder / "referral-sheet.pdf"
    results = [
        measure("quick log: save a contact moment", SAVE_MS, quick_log),
        measure("global search as you type (every kind indexed)", TYPING_MS,
                lambda: search_everything(store, text=next(keystrokes), limit=30), runs=len(SEARCH_KEYSTROKES)),
        measure(f"families page: {families} names, the first {PAGE_ROWS} families whole", READ_MS, families_page,
                runs=10),
        measure(f"families page sorted on children: all {families} families whole", WHOLE_LIST_MS,
                lambda: list_families(store), runs=10),
        measure("family timeline (case with contacts, referral, meetings)", READ_MS,
                lambda: family_timeline(store, family_id=subjects["family"])),
        measure("Vandaag: promises, follow-ups due, today's contacts", READ_MS, vandaag),
        measure(f"sociale kaart: load {len(summaries)} services", READ_MS, lambda: list_services(store), runs=10),
        measure(f"sociale kaart: filter {len(summaries)} services per keystroke", TYPING_MS, kaart_filter, runs=30),
        measure("sociale kaart: find 'schulden kortrijk' (CLI, load + filter)", READ_MS,
                lambda: find_services(store, criteria=KaartFilter(text="schulden kortrijk")), runs=10),
        measure(f"sociale kaart: import {len(summaries)} services from CSV (empty map)", IMPORT_MS,
                lambda: import_kaart(fresh[0], path=csv_file), runs=import_runs, warm_up=False,
                setup=fresh_store),
        measure(f"sociale kaart: re-import the CSV ({len(summaries)} updates)", IMPORT_MS,
                lambda: import_kaart(store, path=csv_file), runs=1, warm_up=False),
        measure(f"sociale kaart: import {len(summaries)} services from an HSDS package", IMPORT_MS,
                lambda: import_kaart(fresh[0], path=hsds_folder), runs=1, warm_up=False, setup=fresh_store),
        measure(f"referrals page: the first {PAGE_ROWS} open referrals", READ_MS,
                lambda: list_referrals(store, open_only=True, limit=PAGE_ROWS), runs=10),
        measure("all open referrals in one list (CLI)", WHOLE_LIST_MS, lambda: list_referrals(store, open_only=True),
                runs=10),
        measure("follow-ups due this week", READ_MS, lambda: due_this_week(store, today=BENCH_DAY), runs=10),
        measure("meeting agenda with previous action points", READ_MS,
                lambda: meeting_sheet(store, meeting_id=subjects["meeting"], audience="network", on=BENCH_DAY),
                runs=10),
        measure("print a referral sheet (PDF)", SAVE_MS,
                lambda: print_referral_sheet(store, referral_id=subjects["referral"], recipient_id=subjects["service"],
                                             recipient_kind="service", out=sheet_out, on=BENCH_DAY), runs=10),
    ]
    for old in fresh:
        old.close()
    return results
