"""The calm look: bundled fonts, one palette, one style sheet."""

from __future__ import annotations

import threading

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from brugapp.paths import FONTS, ICONS

INK = "#1f2d3d"
MUTED = "#5b6b7b"
ACCENT = "#26786d"  # the bridge green (dark enough for white text and as text on the background: ≥ 4.5:1)
ACCENT_SOFT = "#e3f2ef"
SIDEBAR = "#213547"
SIDEBAR_TEXT = "#d8e3ec"
BACKGROUND = "#f5f7f9"
CARD = "#ffffff"
BORDER = "#dfe5ea"
PLACEHOLDER = MUTED  # Qt draws placeholders at half opacity (≈ 3:1); hints must be readable too
WARNING = "#a45400"  # ≥ 4.5:1 on the background and on the pale orange of stale rows
DANGER = "#b3261e"
# Style sheets want forward slashes, also on Windows; the icon ships with the app (also frozen).
CHEVRON_DOWN = (ICONS / "chevron-down.svg").as_posix()
CHEVRON_UP = (ICONS / "chevron-up.svg").as_posix()

STYLE_SHEET = f"""
QMainWindow, QDialog, #DemoStart {{ background: {BACKGROUND}; }}
QWidget {{ color: {INK}; font-size: 10pt; }}
#Sidebar {{ background: {SIDEBAR}; border: none; padding-top: 6px; outline: 0; }}
#Sidebar::item {{ color: {SIDEBAR_TEXT}; padding: 9px 14px; margin: 1px 8px; border-radius: 6px; }}
#Sidebar::item:selected {{ background: {ACCENT}; color: white; }}
#Sidebar::item:hover:!selected {{ background: #2c465c; }}
#Brand {{ background: {SIDEBAR}; color: white; font-size: 14pt; font-weight: bold; padding: 14px 16px 8px 16px; }}
#BrandSub {{ background: {SIDEBAR}; color: {SIDEBAR_TEXT}; font-size: 8.5pt; padding: 0 16px 10px 16px; }}
#TopBar {{ background: {CARD}; border-bottom: 1px solid {BORDER}; }}
#TopBar QToolButton {{ qproperty-toolButtonStyle: ToolButtonTextBesideIcon; }}
#SectionTitle {{ font-size: 17pt; font-weight: bold; color: {INK}; }}
#SectionSubtitle {{ color: {MUTED}; }}
#EmptyTitle {{ font-size: 13pt; font-weight: bold; color: {INK}; }}
#EmptyText {{ color: {MUTED}; font-size: 10.5pt; }}
#EmptyState QLabel {{ qproperty-alignment: AlignCenter; }}
#Card {{ background: {CARD}; border: 1px solid {BORDER}; border-radius: 10px; }}
#Hint {{ color: {MUTED}; font-size: 9pt; }}
#Warning {{ color: {WARNING}; }}
#Error {{ color: {DANGER}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QDateEdit, QDateTimeEdit, QSpinBox {{
    background: white; border: 1px solid {BORDER}; border-radius: 6px; padding: 5px 8px;
    selection-background-color: {ACCENT};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus {{ border: 1px solid {ACCENT}; }}
QComboBox {{ padding-right: 26px; }}
#KaartDetailText, #KaartDetailText:focus {{ border: none; padding: 0; background: transparent; }}
QComboBox::drop-down, QDateTimeEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 24px;
    border: none; background: transparent;
}}
QComboBox::down-arrow, QDateTimeEdit::down-arrow {{ image: url("{CHEVRON_DOWN}"); width: 14px; height: 14px; }}
QComboBox:disabled {{ color: #9aa7b3; background: #eef1f4; }}
QComboBox QAbstractItemView {{
    background: white; border: 1px solid {BORDER}; selection-background-color: {ACCENT_SOFT}; selection-color: {INK};
}}
QSpinBox, QTimeEdit {{ padding-right: 24px; }}
QSpinBox::up-button, QSpinBox::down-button, QTimeEdit::up-button, QTimeEdit::down-button {{
    subcontrol-origin: border; width: 22px; border: none; background: transparent;
}}
QSpinBox::up-button, QTimeEdit::up-button {{ subcontrol-position: top right; }}
QSpinBox::down-button, QTimeEdit::down-button {{ subcontrol-position: bottom right; }}
QSpinBox::up-arrow, QTimeEdit::up-arrow {{ image: url("{CHEVRON_UP}"); width: 12px; height: 12px; }}
QSpinBox::down-arrow, QTimeEdit::down-arrow {{ image: url("{CHEVRON_DOWN}"); width: 12px; height: 12px; }}
QSpinBox::up-arrow:disabled, QSpinBox::down-arrow:disabled {{ image: none; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
#SidebarPanel {{ background: {SIDEBAR}; }}
#CardTitle {{ font-weight: bold; }}
#MenuToolButton {{ padding: 3px 18px 3px 8px; }}
#ChartTitle {{ font-weight: bold; font-size: 11pt; }}
#ChartsHeading {{ font-size: 13pt; font-weight: bold; }}
#PanelTitle {{ font-weight: bold; margin-top: 6px; }}
#RecordTitle {{ font-size: 14pt; }}
#TodayList {{ qproperty-horizontalScrollBarPolicy: ScrollBarAlwaysOff; }}
#TodayList::item {{ padding: 6px 4px; border-bottom: 1px solid #e8edf1; }}
#TodayList::item:selected {{ background: {ACCENT_SOFT}; color: {INK}; }}
#ThemeChips {{ border: 2px solid transparent; border-radius: 8px; }}
#ThemeChips:focus {{ border: 2px solid {ACCENT}; }}
#ThemeChips QToolButton {{ background: white; border: 1px solid #c9d3dc; border-radius: 12px; padding: 3px 9px; }}
#ThemeChips QToolButton:checked {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
#WarningBanner {{
    background: #fff4e5; border: 1px solid #f0c48a; border-radius: 8px; padding: 8px 12px; color: #7a3e00;
}}
#InfoBanner {{ background: {ACCENT_SOFT}; border: 1px solid #b9ddd5; border-radius: 8px; padding: 8px 12px; }}
#ErrorBanner {{
    background: #fdecea; border: 1px solid #f3b8b3; border-radius: 8px; padding: 8px 12px; color: #8a1c14;
}}
#GlobalSearch {{ border-radius: 15px; padding: 5px 12px; min-width: 320px; background: {BACKGROUND}; }}
QPushButton {{
    background: white; border: 1px solid {BORDER}; border-radius: 6px; padding: 6px 14px;
}}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:default, QPushButton#Primary {{
    background: {ACCENT}; color: white; border-color: {ACCENT};
}}
QPushButton:disabled, QPushButton#Primary:disabled {{ color: #9aa7b3; background: #eef1f4; border-color: {BORDER}; }}
QTableView, QListView, QTreeView {{
    background: white; border: 1px solid {BORDER}; border-radius: 8px;
    alternate-background-color: #fafbfc; selection-background-color: {ACCENT_SOFT}; selection-color: {INK};
}}
QHeaderView::section {{
    background: {BACKGROUND}; border: none; border-bottom: 1px solid {BORDER}; padding: 6px;
    font-weight: bold; color: {MUTED};
}}
QStatusBar {{ background: {CARD}; border-top: 1px solid {BORDER}; color: {MUTED}; }}
QProgressBar {{ background: {BORDER}; border: none; border-radius: 3px; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 3px; }}
QProgressBar[strength="0"]::chunk, QProgressBar[strength="1"]::chunk {{ background: {DANGER}; }}
QProgressBar[strength="2"]::chunk {{ background: {WARNING}; }}
QToolTip {{ background: {INK}; color: white; border: none; padding: 4px; }}
"""


def load_fonts() -> str:
    """Bundle DejaVu Sans so screens look the same on every laptop (and in offscreen tests)."""
    family = ""
    for font_file in sorted(FONTS.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else "")
    return family


class ThemeLoading:
    """The bundled fonts added on a thread while the start goes on (``brugapp bench``: ~9 ms here), and then Qt's
    SVG drawing loaded for the icons (``icons.load_svg_drawing``, ~10 ms). Every function of ``QFontDatabase`` is
    thread-safe, and PySide6 lets go of the interpreter lock while a font file is read or an image drawn."""

    def __init__(self) -> None:
        self._family = ""
        self._thread = threading.Thread(target=self._load, name="brugapp-fonts", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        self._family = load_fonts()
        from brugapp.ui.icons import load_svg_drawing  # start-up time: on this thread, off the main one

        load_svg_drawing()

    def family(self) -> str:
        """The family of the bundled fonts, once they are all added."""
        self._thread.join()
        return self._family


FUSION_ARGUMENTS = ("-style", "Fusion")  # given to a QApplication the app makes itself (see apply_theme)


def apply_theme(app: QApplication, *, fusion_given: bool = False, loading: ThemeLoading | None = None) -> None:
    """Fonts, Fusion, palette and style sheet. ``fusion_given``: the application was made with
    ``FUSION_ARGUMENTS``; ``setStyle`` would hand Python the style object, and PySide6 then builds the Python
    enums of ``QStyle`` (eleven of them, ~10 ms of start-up) that nothing on the first screen needs. ``loading``:
    the bundled fonts already being added (``ThemeLoading``), else they are added now."""
    family = loading.family() if loading is not None else load_fonts()
    if family:
        app.setFont(QFont(family, 10))
    if not fusion_given:
        app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(PLACEHOLDER))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)
