"""``fold`` (both sides of every search) is fast on plain text and unchanged in what it returns."""

from __future__ import annotations

import random
import unicodedata

from brugapp.domain.folding import _SPECIAL_FOLDS, fold


def _reference(value: str) -> str:
    """The original character-by-character definition."""
    decomposed = unicodedata.normalize("NFKD", value.translate(_SPECIAL_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def test_fold_matches_the_reference_definition() -> None:
    # GIVEN names and words the field uses, ligatures, scripts with combining marks and random text
    samples = ["Şükrü Yılmaz", "Zoë", "ZORGCOÖRDINATOR", "Straße", "Ærø", "ﬁets", "İstanbul", "Ionuț", "Łódź",
               "Ǆemal", "عَرَبِيّ", "नुक़्ता", "Ⅻ", "Gezin Peeters (Amina) 12", ""]
    rng = random.Random(7)
    samples += ["".join(chr(rng.randrange(0x20, 0x3000)) for _n in range(rng.randrange(1, 16))) for _s in range(3000)]
    # THEN the fast fold gives exactly what the definition gives
    assert [fold(s) for s in samples] == [_reference(s) for s in samples]
    assert fold("Şükrü") == "sukru"
