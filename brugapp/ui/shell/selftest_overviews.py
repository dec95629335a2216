"""Self-test of the overview screens (issue 17): each dialog and tab is built on the store and drawn to a PNG."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from brugapp.domain.overviews import brussels_today
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.families.families import get_family, list_families
from brugapp.store import Store
from brugapp.ui.families.rights_overview_dialog import RightsOverviewDialog
from brugapp.ui.families.situation_dialogs import SchoolChangeDialog, SituationDialog
from brugapp.ui.families.situations_panel import SituationsPanel
from brugapp.ui.reports.charts import ChartsDialog
from brugapp.ui.reports.programme_dialog import ProgrammeDialog


def _builders(store: Store) -> dict[str, Callable[[], QWidget]]:
    year = SchoolYear.of(brussels_today())
    families = list_families(store)
    members = list(get_family(store, family_id=families[0].id).members) if families else []
    children = [m for m in members if m.role == "child"]

    def situations() -> QWidget:
        panel = SituationsPanel(store)
        if families:
            panel.show_family(families[0].id)
        return panel

    builders: dict[str, Callable[[], QWidget]] = {
        "rights-and-consent": lambda: RightsOverviewDialog(store),
        "report-charts": lambda: ChartsDialog(store, school_year=year),
        "programme-report": lambda: ProgrammeDialog(store, school_year=year),
        "situations-and-school": situations,
    }
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
