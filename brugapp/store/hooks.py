"""Work that must happen once the mapped tables exist, registered by the layers above without this package
importing them (start-up time: the tables are imported after the first screen, not at unlock)."""

from __future__ import annotations

from collections.abc import Callable

_after_models: list[Callable[[], None]] = []
_models_loaded = False


def when_models_loaded(hook: Callable[[], None]) -> None:
    """Run ``hook`` once every mapped table is defined: now if they are, else at the end of their import
    (before any record can be made, so a rule attached here holds for every record)."""
    if _models_loaded:
        hook()
    else:
        _after_models.append(hook)


def models_loaded() -> None:
    """Called by ``store/models/__init__.py`` as its last line."""
    global _models_loaded
    _models_loaded = True
    while _after_models:
        _after_models.pop(0)()
