"""The wegwijzer (issue 12): one entry per service with all its towns, a filter by municipality and theme,
a contents page, website and "laatst gecontroleerd", words for parents, "niet aan ouders geven" for schools."""

from __future__ import annotations

import datetime as dt

from brugapp.cli import main
from brugapp.demo.region import fill_demo
from brugapp.domain.themes import THEMES
from brugapp.services.kaart.edit import ServiceInput, save_service
from brugapp.services.kaart.wegwijzer import export_wegwijzer
from tests.unit.printing.helpers import fonts_of, pdf_pages

HOMEWORK = "Huiswerkbegeleiding na school door vrijwilligers."


def _map(store):
    for town in ("Kortrijk", "Menen"):
        save_service(store, service_id=None, data=ServiceInput(
            name="Huiswerkklas", organization_name=f"Huiswerkbegeleiding {town}", description=HOMEWORK,
            themes=("education.homework",), target_group="Kinderen van 6 tot 12 jaar", minimum_age=6,
            maximum_age=12, referral_route="self", fees="Gratis", municipalities=(town,),
            url=f"https://huiswerk-{town.lower()}.example.be", phone="056 00 20 01"))
    save_service(store, service_id=None, data=ServiceInput(
        name="Sociale kruidenier", organization_name="Sociale kruidenier Menen", description="Goedkoop winkelen.",
        themes=("poverty.food",), referral_route="direct", municipalities=("Menen",)))


def _flat(path) -> list[str]:
    return [" ".join(page.split()) for page in pdf_pages(path)]


def test_one_entry_per_service_with_its_towns_contents_and_parent_words(store, tmp_path):
    # GIVEN the same homework class in Kortrijk and in Menen, and a food shop in Menen
    _map(store)
    # WHEN the parents' guide is printed
    pages = _flat(export_wegwijzer(store, out=tmp_path / "ouders.pdf", audience="parents").path)
    text = " ".join(pages)
    # THEN the homework class is one entry that lists both towns with their website and last check
    assert text.count("Huiswerkklas") == 1 and text.count(HOMEWORK) == 1
    assert "Kortrijk – Huiswerkbegeleiding Kortrijk" in text and "Menen – Huiswerkbegeleiding Menen" in text
    assert "https://huiswerk-menen.example.be" in text and "Laatst gecontroleerd:" in text
    # … ages once, words for a parent, a contents page
    assert "Kinderen van 6 tot 12 jaar" in text and "6 tot 12 jaar, " not in text
    assert "Je kan zelf bellen of langsgaan." in text and "meldt zich zelf aan" not in text
    assert "Inhoud" in pages[0] and ". . . 1" in pages[0]
    assert text.count("Drempels naar en in het onderwijs") == 2  # in the contents and as the heading
    assert "Niet aan ouders geven" not in text
    fonts = fonts_of(tmp_path / "ouders.pdf")  # the contents page brings no Helvetica of its own
    assert fonts and all(fonts.values()), fonts


def test_filter_by_municipality_and_theme_from_the_command_line(store, tmp_path, capsys):
    _map(store)
    db = str(store.path)
    # WHEN the guide for Menen, theme food, is printed for the school team
    out = tmp_path / "menen.pdf"
    assert main(["kaart", "export", str(out), "--format", "pdf", "--audience", "school", "--municipality", "menen",
                 "--theme", "poverty", "--db", db]) == 0
    pages = _flat(out)
    text = " ".join(pages)
    # THEN only the food shop is in it, the page says for which town, and every page says not for parents
    assert "Sociale kruidenier" in text and "Huiswerkklas" not in text and "Menen" in pages[0]
    assert all("Niet aan ouders geven" in page for page in pages)
    # a town the map does not know is refused with the towns it does know, and no file is written
    assert main(["kaart", "export", str(tmp_path / "gent.pdf"), "--format", "pdf", "--municipality", "Gent",
                 "--db", db]) == 2
    assert "Gent" in capsys.readouterr().err and not (tmp_path / "gent.pdf").exists()


def test_demo_parents_guide_for_one_municipality_fits_twelve_pages(store, tmp_path):
    # GIVEN the demo region (120 services in 8 towns)
    fill_demo(store, today=dt.date(2026, 11, 23))
    # WHEN the parents' guide for Kortrijk, the biggest town, is printed
    result = export_wegwijzer(store, out=tmp_path / "kortrijk.pdf", audience="parents", municipality="Kortrijk")
    pages = _flat(result.path)
    # THEN it fits 12 A4 pages, and the services show an address
    assert len(pages) <= 12, len(pages)
    text = " ".join(pages)
    assert text.count("Adres:") >= result.count * 0.9
    # … no theme heading ends a page, and every font is embedded
    themes = {THEMES.label(code) for code in THEMES.codes()}
    for number, page in enumerate(pdf_pages(result.path), start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith(("Voor:", "afgedrukt", "Wegwijzer: wie kan helpen?"))]
        assert body[-1] not in themes, f"page {number} ends with the heading {body[-1]}"
    assert all(fonts_of(result.path).values())
