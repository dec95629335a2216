"""The leerkrachtendag tab: plan a session, invite the schools, print the programme."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import QTime

from brugapp.services.meetings.events import get_event, list_events
from brugapp.ui.meetings.dialogs import NewEventDialog
from brugapp.ui.meetings.event_panel import EventPanel


def test_plan_a_teacher_day_and_print_its_programme(qtbot, store, tmp_path):
    # WHEN an event is created in its dialog and a workshop added by the keyboard
    dialog = NewEventDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.title, "Leerkrachtendag 2027")
    dialog.save()
    assert [r.label.split(" · ")[1] for r in list_events(store)] == ["Leerkrachtendag 2027"]
    panel = EventPanel(store)
    qtbot.addWidget(panel)
    panel.refresh()
    panel.load(dialog.event_id)
    panel.starts.setTime(QTime(10, 30))
    panel.ends.setTime(QTime(12, 0))
    qtbot.keyClicks(panel.session_title, "Trauma-sensitief lesgeven")
    qtbot.keyClicks(panel.room, "Lokaal 2")
    panel.add_session()
    # THEN it is in the programme, and the printed programme shows it
    event = get_event(store, event_id=panel.detail.id)
    assert [(s.title, s.room) for s in event.sessions] == [("Trauma-sensitief lesgeven", "Lokaal 2")]
    with qtbot.waitSignal(panel.print_sheet("programme", path=tmp_path / "programma.pdf").finished):
        pass
    out = panel.last_output
    assert out == tmp_path / "programma.pdf"
    assert "Trauma-sensitief lesgeven" in PdfReader(out).pages[0].extract_text()
    # WHEN the same room is booked twice THEN the panel says so and nothing is added
    qtbot.keyClicks(panel.session_title, "Dubbel geboekt")
    panel.starts.setTime(QTime(11, 0))
    panel.add_session()
    assert "Lokaal 2" in panel.message.text()
    assert len(get_event(store, event_id=panel.detail.id).sessions) == 1
