"""Has anything been saved since a list was read? See ``store/changes.py``: the services and screens ask here."""

from brugapp.store.changes import data_version

__all__ = ["data_version"]
