"""The text rule (``domain/text.py``) at the service boundary, for every text column of every table.

Two ways in, one rule:
- ``safe_text(value, field=, label=)`` for a service that knows the field's label (families, members,
  contact notes): the message names the field as the form shows it;
- ``install_text_guard()`` puts the same rule on every ``String``/``Text`` attribute of every mapped class
  as an attribute "set" event. Whatever a service assigns (kaart edits, referrals, meetings, signals,
  consents, imports) is cleaned the moment it is assigned, so the record and its search-index entry hold
  the same clean text, and refused text stops the unit of work before anything is written.
Values loaded from the store are not touched (loading does not fire "set" events).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, event

from brugapp.domain.text import ENCODING, NUL, UnsafeText, clean_text
from brugapp.errors import ValidationError
from brugapp.i18n import N_, _

# Labels for the attribute names that occur in forms; anything else is called "Text".
_LABELS = {
    "display_name": N_("Family name"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "name": N_("Name"),
    "title": N_("Title"),
    "note": N_("Note"),
    "notes": N_("Notes"),
    "description": N_("Description"),
    "question": N_("Question"),
    "tried": N_("What has been tried"),
    "withheld": N_("Not to be passed on"),
    "given_by_name": N_("Given by"),
    "reference_person": N_("Reference person"),
    "passed_on_to": N_("Passed on to"),
    "decline_reason": N_("Reason"),
    "feedback_text": N_("Feedback"),
    "receiving_worker": N_("Receiving worker"),
    "owner": N_("Owner"),
    "what": N_("Action"),
    "decisions": N_("Decisions"),
    "text": N_("Text"),
}


def text_error(exc: UnsafeText, *, field: str, label: str) -> ValidationError:
    if exc.kind == ENCODING:
        message = _("{field}: contains characters that are not valid text (often from a file or terminal in "
                    "another encoding). Type it again or save the file as UTF-8.").format(field=label)
    elif exc.kind == NUL:
        message = _("{field}: contains a NUL character, which cannot be stored. Remove it (it usually comes "
                    "from copying out of another program) and save again.").format(field=label)
    else:
        message = _("{field}: holds only invisible characters. Type it with visible letters.").format(field=label)
    return ValidationError(message, field=field)


def safe_text(value: str, *, field: str, label: str) -> str:
    """``clean_text`` with the refusal turned into a ``ValidationError`` naming the field."""
    try:
        return clean_text(value)
    except UnsafeText as exc:
        raise text_error(exc, field=field, label=label) from None


def _listener(key: str) -> Any:
    label = _LABELS.get(key, N_("Text"))

    def on_set(target: object, value: object, oldvalue: object, initiator: object) -> object:
        if not isinstance(value, str) or not value:
            return value
        try:
            return clean_text(value)
        except UnsafeText as exc:  # the label is translated only when it is shown
            raise text_error(exc, field=key, label=_(label)) from None

    return on_set


_installed: set[type] = set()


def install_text_guard() -> None:
    """Attach the rule to every text attribute of every mapped class (idempotent)."""
    import brugapp.store.models  # noqa: F401  (every table registered before we walk the mappers)
    from brugapp.store.base import Base

    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if cls in _installed:
            continue
        _installed.add(cls)
        for prop in mapper.column_attrs:
            column = prop.columns[0]
            if isinstance(column.type, String) and prop.key not in ("uuid",):
                event.listen(getattr(cls, prop.key), "set", _listener(prop.key), retval=True)
