"""Icons drawn at an earlier start, kept as their pixels, so a start shows the sidebar without drawing SVG again.

Drawing an icon from its SVG takes ~0.2 ms (Qt's SVG plugin parses and paints it); the main window draws eleven
before it is shown, every start (``brugapp bench``: ~2 ms). Pixels made into an image take a few microseconds. The
key is the tinted SVG itself (what was drawn: the file's text, colour and size), so a changed icon is drawn afresh;
the file (``cache_file.py``) also names the Qt that drew them, so another Qt draws afresh too. Only a shortcut: a
missing, damaged or unwritable file means drawing, as without it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtGui import QImage

from brugapp.cache_file import read_marshalled, write_marshalled

FORMAT = "brugapp icon cache 1"
Pixels = tuple[int, int, int, int, bytes]  # width, height, bytes per line, QImage format (its number), pixels


class IconCache:
    """Pixels of drawn icons by the SVG they were drawn from; read from ``cache_file`` when first asked, written by
    ``save`` when an icon was drawn meanwhile. Without a file it keeps nothing."""

    def __init__(self, cache_file: Path | None = None) -> None:
        self._file = cache_file
        self._kept: dict[bytes, Pixels] | None = None  # read when first asked (start-up time: after Qt is up)
        self._drawn_now = False

    def use(self, cache_file: Path) -> None:
        """Take and keep icons in ``cache_file`` from now on."""
        self._file, self._kept, self._drawn_now = cache_file, None, False

    def image(self, svg: bytes) -> QImage | None:
        """The image drawn before from exactly ``svg``, or None."""
        pixels = self._pixels().get(svg)
        if pixels is None:
            return None
        width, height, bytes_per_line, image_format, data = pixels
        # copy(): the image owns its pixels, the bytes it was made from may go
        return QImage(data, width, height, bytes_per_line, QImage.Format(image_format)).copy()

    def keep(self, svg: bytes, image: QImage) -> None:
        if self._file is None or image.isNull():
            return
        pixels = (image.width(), image.height(), image.bytesPerLine(), image.format().value, bytes(image.constBits()))
        self._pixels()[svg] = pixels
        self._drawn_now = True

    def save(self) -> None:
        """Write the file when an icon was drawn since it was read (a first start, a new icon, another Qt)."""
        if self._file is not None and self._drawn_now:
            write_marshalled(self._file, (FORMAT, qVersion(), self._pixels()))
            self._drawn_now = False

    def _pixels(self) -> dict[bytes, Pixels]:
        if self._kept is None:
            self._kept = _read(self._file) if self._file is not None else {}
        return self._kept


def _read(cache_file: Path) -> dict[bytes, Pixels]:
    content = read_marshalled(cache_file)
    if not (isinstance(content, tuple) and len(content) == 3 and content[0] == FORMAT and content[1] == qVersion()
            and isinstance(content[2], dict)):
        return {}
    return {svg: pixels for svg, pixels in content[2].items() if isinstance(svg, bytes) and _well_formed(pixels)}


def _well_formed(pixels: object) -> bool:
    """Five numbers and bytes that fill the rows exactly: anything else is drawn afresh."""
    if not (isinstance(pixels, tuple) and len(pixels) == 5 and all(isinstance(n, int) for n in pixels[:4])
            and isinstance(pixels[4], bytes)):
        return False
    width, height, bytes_per_line, image_format, data = pixels
    known = image_format in (QImage.Format.Format_ARGB32_Premultiplied.value, QImage.Format.Format_ARGB32.value,
                             QImage.Format.Format_RGB32.value)
    return known and 0 < width <= 1024 and 0 < height <= 1024 and bytes_per_line >= 4 * width \
        and len(data) == bytes_per_line * height
