"""PySide6 6.12 on Python 3.11 loses a reference to ``None`` on many calls, and the app then dies with "Fatal Python
error: none_dealloc: deallocating None" once as many were lost as None had (some 50,000: hours of use).

Measured (``tests/gui/today/test_list_items_safe.py``): one reference lost per ``QListWidget.addItem(item)``,
``addItem(str)``, ``QListWidgetItem.setData``, ``item.data(role)`` of an unset role, ``QStandardItemModel
.appendRow`` and each item removed by ``clear()``: every list refresh, every keystroke of the search popup.
The list items of the app are made with their list as parent (``QListWidgetItem(text, list)``), which loses
nothing, but reading and writing item data cannot avoid the bug.

So, a second after the application is set up (``setup_application`` asks for it then: importing ctypes took ~1.5 ms
of the first event loop turn, before the first screen was painted, ``brugapp bench``; Vandaag loses a few hundred
references at most), or before any other page is built if that comes first (``MainWindow.page``: Rapportage on
10,000 families loses more than None's ~25,000 while it is built), None gets a reserve of references far beyond
what a session can lose (2**40: a million lost per second would take twelve days). An extra reference to None is
harmless: None is never freed. From Python 3.12 None is immortal and this does nothing.

``True`` and ``False`` get the same reserve: the GUI tests of Overleg, Gezinnen, the views and the 150% scaling run in
one process (``pytest tests/gui/views tests/gui/shell/test_scaling_150.py tests/gui/families tests/gui/meetings``)
ended in "Fatal Python error: bool_dealloc: deallocating True or False" as the interpreter shut down (exit 134),
on the code of 4 December as well; with the reserve they end cleanly. Which call loses them was not found: no
single call of the ones measured for None loses a bool.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

RESERVE = 1 << 40
RESERVE_DELAY_MS = 1000  # after the first screen: a start on a busy programme shows it in ~0.15 s (brugapp bench)


def reserve_soon() -> None:
    """The reserve once the first screen is up; a process that may never turn its event loop again calls
    ``reserve_singleton_references`` itself (the tests, the bench's screens)."""
    QTimer.singleShot(RESERVE_DELAY_MS, reserve_singleton_references)


def reserve_singleton_references() -> None:
    if sys.version_info >= (3, 12):
        return
    import ctypes  # start-up time: after the first screen is shown

    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt: the first field of every object
        if refcount.value < RESERVE:
            refcount.value += RESERVE
