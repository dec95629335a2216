"""The Overleg list: long titles and places wrap instead of being cut, and the tooltip has it all."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from brugapp.services.meetings.meetings import MeetingInput, create_meeting
from brugapp.ui.meetings.page import MeetingsPage


def test_meeting_items_show_their_whole_text(qtbot, store):
    # GIVEN meetings with long titles and places, in a page as wide as at 1366 px
    for n, title in enumerate(("Lokaal Netwerk Kinderarmoede Kortrijk – voorbereiding van het jaarverslag",
                               "Rondetafel Ilyas – terug naar school na de lange afwezigheid")):
        create_meeting(store, data=MeetingInput(
            title=title, meeting_type="netwerkoverleg", place_kind="service",
            place_detail="Sociaal Huis Kortrijk, zaal 2 (tweede verdieping)",
            starts_at=dt.datetime(2026, 11, 30 - n, 9, 30)))
    page = MeetingsPage(store)
    qtbot.addWidget(page)
    page.resize(1366 - 218, 700)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    qtbot.wait(20)
    view = page.list
    metrics = QFontMetrics(view.font())
    for row in range(page.model.rowCount()):
        index = page.model.index(row)
        text = index.data()
        rect = view.visualRect(index)
        # THEN every item is tall enough for its wrapped text, inside the list's width, with a full tooltip
        needed = metrics.boundingRect(0, 0, rect.width() - 8, 10_000, Qt.TextFlag.TextWordWrap, text).height()
        assert needed <= rect.height(), text
        assert rect.right() <= view.viewport().width()
        assert index.data(Qt.ItemDataRole.ToolTipRole) == text
        assert "voorbereiding van het jaarverslag" in text or "lange afwezigheid" in text
