"""The overview screens of issue 17, driven as a user would: rights × consent, charts, programme, questions."""

from __future__ import annotations

import datetime as dt
import json
import shutil

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor

from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.families.notebook import log_contact
from brugapp.services.families.rights import set_right
from brugapp.services.referrals.consent import record_consent
from brugapp.services.reporting.programme import export_figures
from brugapp.store import open_store
from brugapp.ui.families.rights_overview_dialog import RightsOverviewDialog
from brugapp.ui.reports.charts import BarChartWidget, ChartsDialog
from brugapp.ui.reports.overview_actions import print_questions
from brugapp.ui.reports.page import ReportsPage
from brugapp.ui.reports.programme_dialog import ProgrammeDialog
from brugapp.ui.style import ACCENT, MUTED
from tests.factories import make_family, make_school
from tests.unit.referrals.test_referral_scenarios import kaart_service

TODAY = dt.date.today()


def _wait(qtbot, owner) -> None:
    qtbot.waitUntil(lambda: owner.operation is not None and not owner.operation.is_running(), timeout=10_000)


def _cells(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_rights_dialog_shows_reasons_and_prints_only_families_with_consent(qtbot, store, tmp_path):
    # GIVEN two families without medische kaart; only Gezin Benali consented to the OCMW
    ocmw = kaart_service(store, "Medische kaart", "OCMW Kortrijk", contact="Lien Vermeersch", backup="")
    benali, celik = make_family(store, display_name="Gezin Benali"), make_family(store, display_name="Gezin Çelik")
    for family in (benali, celik):
        set_right(store, family_id=family, benefit="medische_kaart", status="no", status_on="02-09-2026")
    record_consent(store, family_id=benali, recipient_kind=RecipientKind.ORGANIZATION,
                   recipient_id=ocmw.organization_id, purposes=[Purpose.REFER], given_by="parent", method="oral",
                   given_on=TODAY - dt.timedelta(days=3))
    dialog = RightsOverviewDialog(store)
    qtbot.addWidget(dialog)
    _wait(qtbot, dialog)
    assert not dialog.print_button.isEnabled()  # no recipient: only my own overview
    # WHEN the worker chooses the OCMW
    dialog.select(recipient_id=ocmw.organization_id)
    _wait(qtbot, dialog)
    # THEN both families are listed, Benali on the list, Çelik with the reason
    rows = _cells(dialog.model)
    assert rows[0][0] == "Gezin Benali" and rows[0][3] == "Op de lijst"
    assert rows[1][0] == "Gezin Çelik" and rows[1][3].startswith("Niet op de lijst: Geen toestemming")
    # AND the answer is coloured (accent: on the list, muted: not), its whole text in the tooltip
    colours = [dialog.model.index(row, 3).data(Qt.ItemDataRole.ForegroundRole) for row in range(2)]
    assert [QColor(colour).name() for colour in colours] == [QColor(ACCENT).name(), QColor(MUTED).name()]
    assert dialog.model.index(1, 3).data(Qt.ItemDataRole.ToolTipRole) == rows[1][3]
    assert dialog.summary.text() == "2 gezinnen gevonden. 1 mag op de lijst voor OCMW Kortrijk."
    # WHEN only statuses from before 1 September count THEN nobody is left (both date from 2 September)
    dialog.since.setDate(QDate(2026, 9, 1))
    dialog.use_since.setChecked(True)
    _wait(qtbot, dialog)
    assert dialog.model.rowCount() == 0
    dialog.since.setDate(QDate(2026, 9, 2))
    _wait(qtbot, dialog)
    assert dialog.model.rowCount() == 2
    # WHEN the list is printed
    out = tmp_path / "lijst.pdf"
    dialog.print_list(str(out))
    _wait(qtbot, dialog)
    text = PdfReader(str(out)).pages[0].extract_text()
    assert "Gezin Benali" in text and "Çelik" not in text


def test_charts_dialog_draws_four_charts_with_small_counts_hidden(qtbot, store):
    family = make_family(store, display_name="Gezin Yılmaz")
    for n in range(3):
        log_contact(store, channel="telefoon", family_id=family, themes=["education"],
                    occurred_at=dt.datetime(2025, 10, 1 + n, 9, tzinfo=dt.UTC))
    dialog = ChartsDialog(store, school_year=SchoolYear(2025))
    qtbot.addWidget(dialog)
    _wait(qtbot, dialog)
    assert [c.key for c in dialog.cards] == ["themes", "channels", "outcomes", "waits"]
    channels = dialog.cards[1].findChild(BarChartWidget)
    assert channels.accessibleDescription() == "Telefoon: <5 (2025–2026), 0 (2024–2025)"
    dialog.resize(1366, 768)
    assert not dialog.grab().isNull()


def test_programme_dialog_merges_and_refuses_a_changed_file(qtbot, store, migrated_template, tmp_path):
    # GIVEN three workers' files, each with 2 home visits
    files = []
    for name in ("an", "bram", "chaima"):
        db = tmp_path / f"{name}.db"
        shutil.copy(migrated_template, db)
        worker = open_store(db)
        family = make_family(worker, display_name=f"Gezin {name}")
        for n in range(2):
            log_contact(worker, channel="huisbezoek", family_id=family,
                        occurred_at=dt.datetime(2025, 11, 3 + n, 9, tzinfo=dt.UTC))
        files.append(tmp_path / f"{name}.json")
        export_figures(worker, school_year=SchoolYear(2025), path=files[-1])
        worker.close()
    dialog = ProgrammeDialog(store, school_year=SchoolYear(2025))
    qtbot.addWidget(dialog)
    # WHEN the coordinator adds them
    dialog.add_files(files)
    channels = next(card for card in dialog.cards if card.key == "channels")
    assert ["Huisbezoek", "6"] in _cells(channels.model)
    assert dialog.pdf_button.isEnabled()
    saved = dialog.save("pdf", str(tmp_path / "programma.pdf"))
    assert "Programmarapport 2025–2026" in PdfReader(str(saved)).pages[0].extract_text()
    # WHEN one file was changed by hand
    payload = json.loads(files[2].read_text(encoding="utf-8"))
    payload["made_on"] = "2026-01-01"
    files[2].write_text(json.dumps(payload), encoding="utf-8")
    dialog.clear_files()
    dialog.add_files(files)
    # THEN nothing is merged and the message names the file
    assert dialog.report is None and not dialog.pdf_button.isEnabled()
    assert dialog.status.text().startswith("chaima.json: het bestand werd na de export gewijzigd")


def test_questions_page_needs_a_school_then_prints_one_page(qtbot, store, tmp_path):
    school = make_school(store, name="Basisschool De Vlieger")
    family = make_family(store, display_name="Gezin Peeters")
    add_member(store, family_id=family, member=MemberInput("child", "Lotte", "Peeters", school_id=school))
    log_contact(store, channel="schoolpoort", family_id=family, themes=["education"],
                occurred_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
    page = ReportsPage(store)
    qtbot.addWidget(page)
    _wait(qtbot, page)
    assert print_questions(page, str(tmp_path / "x.pdf")) is None
    assert "Kies eerst een school" in page.status.text()
    page.select(school_id=school)
    _wait(qtbot, page)
    operation = print_questions(page, str(tmp_path / "vragen.pdf"))
    qtbot.waitUntil(lambda: not operation.is_running(), timeout=10_000)
    reader = PdfReader(str(tmp_path / "vragen.pdf"))
    assert len(reader.pages) == 1 and "Basisschool De Vlieger" in reader.pages[0].extract_text()
    assert "Peeters" not in reader.pages[0].extract_text()
