"""The attendance list people can write and sign on (issue 12): rows of at least 9 mm, spare rows, columns for
name, school, function and signature, the school's name and count kept apart."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from pypdf import PdfReader
from pypdf.generic import ContentStream

from brugapp.services.meetings.events import create_event, invite_schools, print_attendance_list, record_registrations
from tests.factories import make_school
from tests.unit.printing.helpers import pdf_text

MM = 72 / 25.4


def horizontal_rules(path) -> list[list[float]]:
    """Per page, the page heights (pt) of every horizontal line wider than 100 pt, top to bottom."""
    reader = PdfReader(path)
    pages = []
    for page in reader.pages:
        offsets, y_offset, start, found = [], 0.0, None, []
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                offsets.append(y_offset)
            elif operator == b"Q":
                y_offset = offsets.pop()
            elif operator == b"cm":
                y_offset += float(operands[5])
            elif operator == b"m":
                start = (float(operands[0]), float(operands[1]) + y_offset)
            elif operator == b"l" and start:
                x, y = float(operands[0]), float(operands[1]) + y_offset
                if abs(y - start[1]) < 0.01 and abs(x - start[0]) > 100:
                    found.append(round(y, 2))
        pages.append(sorted(set(found), reverse=True))
    return pages


def test_attendance_rows_are_tall_enough_with_spare_rows_and_four_columns(store, tmp_path):
    # GIVEN a leerkrachtendag with two schools, one with 3 registrations
    school = make_school(store, name="Basisschool De Vlieger")
    other = make_school(store, name="GO! De Regenboog")
    event = create_event(store, title="Leerkrachtendag", day=dt.date(2027, 1, 15), place="Campus De Horizon")
    invite_schools(store, event_id=event, school_ids=[school, other])
    record_registrations(store, event_id=event, registered={school: 3})
    # WHEN the attendance list is printed
    path = print_attendance_list(store, event_id=event, path=tmp_path / "lijst.pdf")
    text = " ".join(pdf_text(path).split())
    # THEN the columns are name, school, function and signature, and the count is set apart from the name
    assert text.count("Naam School Functie Handtekening") == 3  # two schools and the walk-ins
    assert "Basisschool De Vlieger · ingeschreven: 3" in text and "Niet ingeschreven" in text
    # … every row is at least 9 mm high, and there are spare rows: 3 + 2 for De Vlieger, 3 + 2, then 6 walk-ins
    gaps = [a - b for page in horizontal_rules(path) for a, b in pairwise(page)]
    body_rows = [g for g in gaps if g < 12 * MM]
    assert body_rows and min(body_rows) >= 9 * MM
    assert len(body_rows) >= 5 + 5 + 6 - 3  # the first row of each table hangs under its header line
