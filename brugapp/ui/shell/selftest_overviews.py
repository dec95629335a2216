"""Self-test of the overview screens (issue 17): each dialog and tab is built on the store and drawn to a PNG."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from brugapp.domain.consent import RecipientKind
from brugapp.domain.overviews import brussels_today
from brugapp.domain.programme import figures_payload, merge, read_payload
from brugapp.domain.reporting import SchoolYearReport
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.families.families import get_family, list_families
from brugapp.services.families.situations import list_situations
from brugapp.services.referrals.consent import recipient_choices
from brugapp.services.reporting.report import school_year_report
from brugapp.store import Store
from brugapp.ui.families.rights_overview_dialog import RightsOverviewDialog
from brugapp.ui.families.situation_dialogs import SchoolChangeDialog, SituationDialog
from brugapp.ui.families.situations_panel import SituationsPanel
from brugapp.ui.reports.charts import ChartsDialog
from brugapp.ui.reports.programme_dialog import ProgrammeDialog


def _merged_preview(store: Store, year: SchoolYear) -> SchoolYearReport:
    """This store's own figures as the coordinator would see them merged, built in memory: the self-test may run
    on a real store (--db), so it writes no figures file and no audit entry."""
    day = brussels_today()
    payload = figures_payload(school_year_report(store, school_year=year, made_on=day), file_id="self-test",
                              made_on=day)
    return merge([read_payload("self-test.json", payload)], made_on=day)


def _builders(store: Store) -> dict[str, Callable[[], QWidget]]:
    year = SchoolYear.of(brussels_today())
    families = list_families(store)
    # A family with a recorded stay, so the screen shows who may know it: first one where the youth decided (the
    # demo's Willems family keeps the living group from the school).
    stays = {f.id: list_situations(store, family_id=f.id) for f in families}
    with_stay = [f for f in families if stays[f.id]]
    shown = next((f for f in with_stay if any(s.decided_by == "youth" for s in stays[f.id])),
                 next(iter(with_stay), families[0] if families else None))
    members = list(get_family(store, family_id=shown.id).members) if shown else []
    children = [m for m in members if m.role == "child"]
    recipients = [c for c in recipient_choices(store) if c.kind == RecipientKind.ORGANIZATION]

    def situations() -> QWidget:
        panel = SituationsPanel(store)
        if shown:
            panel.show_family(shown.id)
        return panel

    def rights_for(recipient_id: str) -> QWidget:
        dialog = RightsOverviewDialog(store)
        dialog.select(recipient_id=recipient_id)  # the column says who may be on the printed list, and why not
        return dialog

    def programme_merged() -> QWidget:
        dialog = ProgrammeDialog(store, school_year=year)
        dialog.show_report(_merged_preview(store, year))
        return dialog

    builders: dict[str, Callable[[], QWidget]] = {
        "rights-and-consent": lambda: RightsOverviewDialog(store),
        "report-charts": lambda: ChartsDialog(store, school_year=year),
        "programme-report": lambda: ProgrammeDialog(store, school_year=year),
        "programme-report-merged": programme_merged,
        "situations-and-school": situations,
    }
    if recipients:
        ocmw = next((c for c in recipients if "OCMW" in c.label), recipients[0])  # before an OCMW office hour
        builders["rights-for-recipient"] = lambda: rights_for(ocmw.id)
    if members:
        builders["situation-dialog"] = lambda: SituationDialog(store, members=members)
    if children:
        builders["school-change-dialog"] = lambda: SchoolChangeDialog(store, member=children[0])
    return builders


def render_overviews(store: Store, out_dir: Path | None,
                     settle: Callable[[], None]) -> list[tuple[str, Path | None]]:
    """(name, png) per screen, drawn always and saved only into ``out_dir``; raises when one cannot be built."""
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    rendered: list[tuple[str, Path | None]] = []
    for name, build in _builders(store).items():
        widget = build()
        try:
            widget.resize(1366, 768)
            widget.show()
            settle()
            picture = widget.grab()
            target = out_dir / f"{name}.png" if out_dir is not None else None
            if target is not None and not picture.save(str(target)):
                raise RuntimeError(f"could not write {target}")
            rendered.append((name, target))
        finally:
            widget.close()
            widget.deleteLater()
    return rendered
