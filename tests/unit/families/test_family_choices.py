"""The families the quick log offers: each active family once, alphabetically as people read, kept while unchanged."""

from __future__ import annotations

import datetime as dt

from brugapp.services.families.choices import family_choices
from brugapp.services.families.families import update_family
from tests.factories import make_family


def test_families_are_offered_alphabetically_without_regard_to_accents_or_case(store):
    ids = {name: make_family(store, display_name=name)
           for name in ("Gezin Özdemir", "gezin Peeters", "Gezin Aerts", "Gezin Oosterlinck")}
    choices = family_choices(store)
    assert [name for _folded, _words, name in choices.folded] == [
        "Gezin Aerts", "Gezin Oosterlinck", "Gezin Özdemir", "gezin Peeters"]
    assert choices.ids == ids
    assert choices.folded[2] == ("gezin ozdemir", " gezin ozdemir", "Gezin Özdemir")


def test_a_second_family_of_the_same_name_is_numbered_and_the_oldest_keeps_the_name(store):
    first = make_family(store, display_name="Gezin Janssens")
    second = make_family(store, display_name="Gezin Janssens")
    third = make_family(store, display_name="Gezin Janssens")
    choices = family_choices(store)
    assert choices.ids == {"Gezin Janssens": first, "Gezin Janssens (2)": second, "Gezin Janssens (3)": third}
    assert [words for _folded, words, _name in choices.folded] == [
        " gezin janssens", " gezin janssens (2)", " gezin janssens (3)"]


def test_words_are_found_however_the_name_was_spaced(store):
    make_family(store, display_name="Gezin  El\tAmrani ")
    [(folded, words, name)] = family_choices(store).folded
    assert (folded, words, name) == ("gezin  el\tamrani ", " gezin el amrani", "Gezin  El\tAmrani ")


def test_an_archived_family_is_not_offered(store):
    make_family(store, display_name="Gezin Kept")
    make_family(store, display_name="Gezin Gone", archived_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert list(family_choices(store).ids) == ["Gezin Kept"]


def test_the_list_is_kept_while_unchanged_and_read_anew_after_a_new_or_renamed_family(store):
    family = make_family(store, display_name="Gezin Aerts")
    first = family_choices(store)
    assert family_choices(store) is first  # nothing changed: the same list, not folded again
    newcomer = make_family(store, display_name="Gezin Bakkali")
    assert family_choices(store).ids == {"Gezin Aerts": family, "Gezin Bakkali": newcomer}
    update_family(store, family_id=family, display_name="Gezin Zeghers")
    assert list(family_choices(store).ids) == ["Gezin Bakkali", "Gezin Zeghers"]


def test_a_typed_text_matches_names_it_begins_a_word_of_first_and_stands_for_one_name_only_when_it_fits_one(store):
    for name in ("Gezin Aerts-Peeters", "Gezin Peeters", "Gezin Peetersen", "Gezin Özdemir", "Gezin Demir"):
        make_family(store, display_name=name)
    choices = family_choices(store)
    assert choices.matching("peeters") == ["Gezin Peeters", "Gezin Peetersen", "Gezin Aerts-Peeters"]
    assert choices.matching("GEZIN  pe") == ["Gezin Peeters", "Gezin Peetersen"]  # words, however spaced
    assert choices.matching("g", limit=2) == ["Gezin Aerts-Peeters", "Gezin Demir"]  # the first that begin with it
    assert choices.matching("  ") == []
    assert choices.resolved("ozdem") == "Gezin Özdemir"  # accents need not be typed
    assert choices.resolved("demir") is None  # begins a word of one name and is inside another: two fit
    assert choices.resolved("gezin peeters") == "Gezin Peeters"  # equal to one, though it begins two
    assert choices.resolved("peet") is None  # fits several
    assert choices.resolved("janssens") is None  # fits none
    assert choices.resolved(" ") == ""
