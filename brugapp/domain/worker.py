"""Who uses BrugApp: the role of the person, and the lists they type (schools served, their region)."""

from __future__ import annotations

import re

from brugapp.domain.vocabulary import Term, Vocabulary
from brugapp.i18n import N_

WORKER_ROLES = Vocabulary("worker_role", [
    Term("brugfiguur", N_("Brugfiguur")),
    Term("onderwijsambassadeur", N_("Onderwijsambassadeur")),
    Term("coordinator", N_("Coordinator")),
])

def role_text(role: str) -> str:
    """The role as people read it: the label of a known code, else what the worker typed (older settings)."""
    return WORKER_ROLES.label(role)


_SEPARATORS = re.compile(r"[,;\n]+")


def split_list(text: str, *, separators: re.Pattern[str] = _SEPARATORS) -> list[str]:
    """'Kortrijk, Kuurne;  kortrijk' -> ['Kortrijk', 'Kuurne']: trimmed, no empties, no repeats (any case)."""
    seen: set[str] = set()
    result: list[str] = []
    for part in separators.split(text):
        item = " ".join(part.split())
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            result.append(item)
    return result


def split_lines(text: str) -> list[str]:
    """One item per line (school names may contain commas: 'Basisschool De Regenboog, Kuurne')."""
    return split_list(text, separators=re.compile(r"\n+"))
