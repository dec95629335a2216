"""A note's preview keeps whole words and says it was cut."""

from __future__ import annotations

import pytest

from brugapp.domain.note_preview import note_preview


def test_a_short_note_is_shown_whole_on_one_line() -> None:
    assert note_preview("Mama belt terug.\nZus mee  naar school", 100) == "Mama belt terug. Zus mee naar school"


def test_a_long_note_is_cut_after_a_whole_word_with_an_ellipsis() -> None:
    note = "Benali vraagt hulp bij schuldbemiddelingsaanvraag, kinderbijslagdossier, budgetbegeleidingsovereenkomst"
    preview = note_preview(note, 80)
    assert preview == "Benali vraagt hulp bij schuldbemiddelingsaanvraag, kinderbijslagdossier…"
    assert len(preview) <= 80


@pytest.mark.parametrize("limit", [10, 17, 18, 19, 40])
def test_the_preview_never_exceeds_the_limit_and_never_ends_inside_a_word(limit: int) -> None:
    note = "Gesprek aan de schoolpoort over de schoolfactuur en de kinderopvang na school"
    preview = note_preview(note, limit)
    assert len(preview) <= limit and preview.endswith("…")
    assert note.startswith(preview[:-1]) and note[len(preview) - 1] in " ,"


def test_one_word_longer_than_the_limit_is_cut_where_it_must() -> None:
    assert note_preview("https://example.org/" + "a" * 50, 20) == "https://example.org…"
