"""Use cases. Plain Python in, plain dataclasses out; one unit of work per call."""

from brugapp.store.hooks import when_models_loaded


def _install_text_guard() -> None:
    # start-up time: the guard walks every mapper; the first screen reads without the ORM (store/hooks.py)
    from brugapp.services.text_guard import install_text_guard

    install_text_guard()  # one text rule on every table, whichever service writes (see text_guard.py)


when_models_loaded(_install_text_guard)
