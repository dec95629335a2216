"""The floor of a start: a bare PySide6 main window of the same size, shown offscreen, then quit.

Run as a script (``python bare_window.py``), not as ``-m brugapp...``, so not one BrugApp module is imported:
it is what any Qt for Python window costs on this machine. Prints the marker line of ``processes.READY_MARKER``.

``python bare_window.py --derive-key``: the same window, ready only once it has also derived a store key the way
a store BrugApp makes does (Argon2id, 19 MiB, 2 passes, 1 lane, on a thread from the first moment, as BrugApp's
own start does: ``brugapp/page_key.py``). No encrypted app can start faster than that; ``tests/unit/bench``
checks the settings here are the app's.
"""

import sys
import threading
import time

# brugapp.page_key's settings, not imported, so the floor runs no BrugApp code
ARGON2_MEMORY_KIB = 19 * 1024
ARGON2_PASSES = 2
ARGON2_LANES = 1
KEY_BYTES = 32


def derive_key(done: threading.Event) -> None:
    from _argon2_cffi_bindings import ffi, lib  # on the thread, as the app imports them

    secret, salt = b"a passphrase of a bench store", b"BRUGA2 ten bytes"
    key = ffi.new("uint8_t[]", KEY_BYTES)
    status = lib.argon2_hash(ARGON2_PASSES, ARGON2_MEMORY_KIB, ARGON2_LANES, ffi.from_buffer(secret), len(secret),
                             ffi.from_buffer(salt), len(salt), key, KEY_BYTES, ffi.NULL, 0, lib.Argon2_id,
                             lib.ARGON2_VERSION_NUMBER)
    assert status == lib.ARGON2_OK
    done.set()


def main() -> int:
    key_derived = threading.Event()
    if "--derive-key" in sys.argv:
        threading.Thread(target=derive_key, args=(key_derived,), daemon=True).start()
    else:
        key_derived.set()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("BrugApp"))
    window.resize(1366, 768)
    window.show()

    def ready() -> None:
        key_derived.wait()
        print(f"BRUGAPP_READY {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)  # after the events of showing the window, as the app does
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
