"""Every printed document: "pagina N van M", a running header, headings kept with their text, embedded fonts
only, metadata; the minutes' single action table and the year report's per-school explanation (issue 12)."""

from __future__ import annotations

import datetime as dt
import random

from pypdf import PdfReader

from brugapp.domain.clock import today_local
from brugapp.domain.schoolyear import SchoolYear
from brugapp.printing.document import SheetInfo, heading, para, write_pdf
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.families.notebook import log_contact
from brugapp.services.meetings.agenda import print_agenda
from brugapp.services.meetings.minutes import print_minutes
from brugapp.services.reporting.report import print_report
from tests.factories import make_family, make_school
from tests.unit.printing.helpers import fonts_of, pdf_pages, pdf_text
from tests.unit.printing.test_pseudonyms import _case


def test_frame_pages_header_metadata_and_fonts(tmp_path):
    # GIVEN a long document of headings and paragraphs of every length
    rng = random.Random(12)
    story = []
    titles = []
    for n in range(60):
        titles.append(f"Kop nummer {n}")
        story += [heading(titles[-1]), para(" ".join(["woord"] * rng.randint(5, 160)))]
    path = write_pdf(tmp_path / "lang.pdf", SheetInfo("Proefdocument", "Voor: de test",
                                                     printed_on=dt.date(2026, 11, 23)), story)
    pages = pdf_pages(path)
    assert len(pages) >= 4
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        # THEN every page says which page of how many …
        assert f"pagina {number} van {len(pages)}" in page
        # … from page 2 a running header with title and date …
        assert ("Proefdocument · 23 november 2026" in page) == (number > 1)
        # … and no heading is the last line of text above the footer
        body = [line for line in lines if not line.startswith(("Voor:", "Vertrouwelijk", "afgedrukt", "Proefdoc"))]
        assert body[-1] not in titles, f"page {number} ends with heading {body[-1]}"
    # no font that is not embedded (the unused Helvetica is gone), and the metadata a library expects
    fonts = fonts_of(path)
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)
    reader = PdfReader(path)
    assert reader.metadata.title == "Proefdocument" and reader.metadata.author
    assert str(reader.trailer["/Root"]["/Lang"]) == "nl-BE"


def test_minutes_have_one_action_table_and_no_repeated_nothing_noted(store, tmp_path):
    # GIVEN minutes with two action points and most items left empty
    meeting = _case(store)
    # WHEN they are printed (and the agenda too)
    text = pdf_text(print_minutes(store, meeting_id=meeting, audience="internal", path=tmp_path / "m.pdf"))
    agenda = print_agenda(store, meeting_id=meeting, audience="internal", path=tmp_path / "a.pdf")
    flat = " ".join(text.split())
    # THEN each action point stands exactly once: one action table
    assert flat.count("Huiswerkklas voor Ali zoeken") == 1
    assert flat.count("Sarah Vandamme belt mama Janssens") == 1
    assert "Alle actiepunten" not in flat
    # … and empty items are named in one line, not "Niets genoteerd." under each
    assert flat.count("Niets genoteerd") <= 1
    assert "pagina 1 van" in text and "pagina 1 van" in pdf_text(agenda)
    for path in (tmp_path / "m.pdf", agenda):
        assert all(fonts_of(path).values())


def test_year_report_explains_per_school_counts_against_totals(store, tmp_path):
    # GIVEN one family with children at two schools, and three contact moments
    first, second = make_school(store, name="Basisschool De Vlieger"), make_school(store, name="GO! De Regenboog")
    family = make_family(store, display_name="Gezin Maes")
    for child, school in (("Lotte", first), ("Wout", second)):
        add_member(store, family_id=family, member=MemberInput("child", child, "Maes", school_id=school))
    for days in (1, 2, 3, 4, 5, 6):
        log_contact(store, channel="telefoon", family_id=family,
                    occurred_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=days))
    year = SchoolYear.of(today_local() - dt.timedelta(days=3))
    # WHEN the report for all schools is printed
    text = " ".join(pdf_text(print_report(store, school_year=year, path=tmp_path / "r.pdf")).split())
    # THEN the page says why the schools add up to more than the total, and shows the total once
    assert "Waarom de scholen samen meer tellen dan het totaal" in text
    assert "Totaal, elk één keer geteld 6" in text
    assert "De Vlieger 6" in text and "De Regenboog 6" in text
    assert "pagina 1 van" in text


def test_year_report_counts_the_signals_it_lists_with_dutch_dates(store, tmp_path):
    from brugapp.services.reporting.signals import record_signal

    # GIVEN two signals in the school year (fewer than five: a count that is about places, not families)
    year = SchoolYear(2025)
    for day, text in ((dt.date(2025, 10, 22), "Vochtige huurwoningen in dezelfde straat"),
                      (dt.date(2026, 3, 3), "Facturen voor uitstappen komen te laat")):
        record_signal(store, theme="poverty.housing", description=text, families_concerned=6, signalled_on=day,
                      passed_on_to="Lokaal Netwerk Kinderarmoede")
    # WHEN the report is printed
    text = " ".join(pdf_text(print_report(store, school_year=year, path=tmp_path / "r.pdf")).split())
    # THEN the key figure says 2, as many as it lists, and the dates are Dutch, not 22-10-2025
    assert "Doorgegeven signalen 2" in text
    assert "22 okt 2025" in text and "22-10-2025" not in text
    assert "Vochtige huurwoningen" in text and "Facturen voor uitstappen" in text


def _contrast(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)  # against white paper


def text_runs(path) -> list[tuple[float, tuple[float, float, float]]]:
    """(font size, fill colour) of every piece of text the PDF draws."""
    from pypdf.generic import ContentStream

    reader = PdfReader(path)
    runs = []
    for page in reader.pages:
        size, fill, stack = 0.0, (0.0, 0.0, 0.0), []
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                stack.append((size, fill))
            elif operator == b"Q":
                size, fill = stack.pop()
            elif operator == b"Tf":
                size = float(operands[1])
            elif operator == b"rg":
                fill = tuple(float(v) for v in operands)
            elif operator == b"g":
                fill = (float(operands[0]),) * 3
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                runs.append((size, fill))
    return runs


def test_every_label_is_nine_points_and_dark_enough_for_a_photocopy(tmp_path):
    from brugapp.printing.document import grid_table, key_value_table, styles

    # GIVEN a sheet with every building block: subtitle, notice, small print, key/value labels, table header
    s = styles()

    def blocks() -> list:
        return [para("Ondertitel", s.subtitle), para("Let op: enkel voor het team.", s.notice),
                heading("Gegevens"), key_value_table([("Wanneer", "maandag 23 november 2026")]),
                para("Kleine toelichting onder een tabel.", s.small),
                grid_table(["Thema", "Aantal"], [["Wonen", "12"], ["Voeding", "<5"]], widths_mm=(120, 40))]

    path = write_pdf(tmp_path / "blokken.pdf", SheetInfo("Blokken", "Voor: de test"),
                     [f for _n in range(30) for f in blocks()])
    runs = text_runs(path)
    # THEN no text is smaller than 9 pt, and every text colour has a contrast of at least 4.5:1 on white
    assert runs and min(size for size, _fill in runs) >= 9
    assert min(_contrast(fill) for _size, fill in runs) >= 4.5
