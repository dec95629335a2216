"""Search is accent- and case-insensitive and finds words by their beginning."""

from __future__ import annotations

import pytest

from brugapp.services.search import search_everything
from brugapp.store.search_index import fold
from tests.factories import make_family, make_school


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("Zoe", "Zoë"), ("sukru", "Şükrü"), ("celik", "Çelik"), ("aydin", "Aydın"), ("wisniewski", "Wiśniewski"),
     ("OZDEMIR", "Özdemir")],
)
def test_fold_makes_typed_and_stored_forms_meet(typed: str, stored: str) -> None:
    assert fold(typed) == fold(stored)


def test_search_finds_families_and_schools_without_accents(store) -> None:
    zoe = make_family(store, display_name="Gezin Vanhoutte (Zoë)")
    sukru = make_family(store, display_name="Gezin Şükrü Yılmaz")
    school = make_school(store, name="Basisschool Sint-Jozef", municipality="Kortrijk")
    assert [r.id for r in search_everything(store, text="zoe")] == [zoe]
    assert [r.id for r in search_everything(store, text="sukru yilm")] == [sukru]
    hits = search_everything(store, text="sint-jozef")
    assert [(r.kind, r.id) for r in hits] == [("school", school)]
    assert search_everything(store, text="nergens") == []
