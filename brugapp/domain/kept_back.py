"""What a family keeps back from an audience, as the words a free text on a sheet for that audience must not carry.

The family's own words decide, as in ``domain.consent``: every consent's "niet doorgeven" and the details of each
situation kept from the audience (``domain.situations``) are split into items (``withheld_items``: by line, comma
or semicolon, at least three letters); a free text that mentions one of them is left off the sheet whole, not
cut, so no half sentence hints at it. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

from brugapp.domain.consent import withheld_items


def kept_back_items(texts: Iterable[str]) -> tuple[str, ...]:
    """'Leefgroep De Linde, Menen' and 'schulden' -> ('leefgroep de linde', 'menen', 'schulden')."""
    return tuple(dict.fromkeys(item for text in texts for item in withheld_items(text)))


def mentions_kept_back(value: str, items: Iterable[str]) -> bool:
    folded = value.casefold()
    return any(item in folded for item in items)
