"""Render the main screens of BrugApp for the user guide: ``python tools/screenshots.py [OUT_DIR]``.

Runs offscreen (no display needed) on a fresh demo store in a temporary BRUGAPP_HOME, so your own
store and settings are never touched. Writes docs/screenshots/*.png at 1366×768 (PNG, scaled to at
most 1366 px wide). Only public APIs of the pages are used.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1366, 768
MAX_BYTES = 250 * 1024


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    home = Path(tempfile.mkdtemp(prefix="brugapp-shots-"))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["BRUGAPP_HOME"] = str(home)  # drafts and settings go here, not into the user's folders

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication, QWidget

    from brugapp.demo.region import create_demo_store
    from brugapp.services.listing import list_records
    from brugapp.store import Store
    from brugapp.ui.app import setup_application
    from brugapp.ui.shell.main_window import MainWindow
    from brugapp.ui.shell.unlock import UnlockDialog

    app = QApplication.instance() or QApplication([])
    setup_application(app, "nl")
    store = create_demo_store(home / "demo.db", passphrase=None)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def settle() -> None:
        from brugapp.ui.shell.selftest import settle as settle_operations

        settle_operations(app)

    def save(pixmap: QPixmap, name: str) -> None:
        if pixmap.width() > WIDTH:
            pixmap = pixmap.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
        target = out_dir / name
        if not pixmap.save(str(target), "PNG", 9):
            raise RuntimeError(f"could not write {target}")
        written.append(target)

    def shoot(widget: QWidget, name: str) -> None:
        settle()
        save(widget.grab(), name)

    def label_id(kind: str, starts: str) -> str:
        for record in list_records(store, kind=kind):
            if starts in record.label:
                return record.id
        raise SystemExit(f"demo has no {kind} matching {starts!r}")

    window = MainWindow(store, demo=True, auto_lock_minutes=0)  # footer says "Demo – fictieve gegevens"
    window.resize(WIDTH, HEIGHT)
    window.show()
    try:
        window.show_section("today")
        shoot(window, "vandaag.png")

        families = window.show_section("families")
        families.show_record("family", label_id("families", "Gezin Yılmaz"), label_id("families", "Gezin Yılmaz"))
        shoot(window, "gezinnen.png")

        window.show_section("today")
        settle()
        dialog = window.open_quick_log()  # as Ctrl+N does
        assert dialog is not None
        settle()
        dialog.note.setPlainText("Mama toont brief van deurwaarder, begrijpt hem niet. Belt morgen")
        dialog.follow_up.setText("+7")
        shoot(dialog, "snel-noteren.png")
        dialog.discard()
        dialog.close()

        for key, name in (("kaart", "sociale-kaart.png"), ("referrals", "doorverwijzingen.png"),
                          ("followups", "opvolging.png")):
            window.show_section(key)
            shoot(window, name)

        meetings = window.show_section("meetings")
        meetings.show_record("meeting", label_id("meetings", "Rondetafel Ilyas"))
        shoot(window, "overleg.png")

        window.show_section("reports")
        shoot(window, "rapportage.png")
    finally:
        window.close()
        window.deleteLater()

    def never(_passphrase: str) -> Store:
        raise RuntimeError("screenshots never open a store")

    for create, name in ((False, "ontgrendelen.png"), (True, "wachtwoordzin-kiezen.png")):
        unlock = UnlockDialog(never, create=create)
        if create:
            unlock.passphrase.setText("brug tussen school en gezin")
        unlock.show()
        shoot(unlock, name)
        unlock.close()

    for path in written:
        size = path.stat().st_size
        print(f"{path}\t{size // 1024} KB")
        if size > MAX_BYTES:
            print(f"warning: {path.name} is larger than {MAX_BYTES // 1024} KB", file=sys.stderr)
    shutil.rmtree(home, ignore_errors=True)  # the throwaway demo store and its drafts
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
