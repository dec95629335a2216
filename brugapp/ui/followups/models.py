"""Moved: the one table model of every list lives in ``brugapp/ui/widgets/table_model.py``.

Kept so the screens that import it from here keep working while the tree is being reorganised.
"""

from __future__ import annotations

from brugapp.ui.widgets.table_model import Column, RecordTableModel

__all__ = ["Column", "RecordTableModel"]
