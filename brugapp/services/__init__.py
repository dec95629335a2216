"""Use cases. Plain Python in, plain dataclasses out; one unit of work per call."""

from brugapp.services.text_guard import install_text_guard

install_text_guard()  # one text rule on every table, whichever service writes (see text_guard.py)
