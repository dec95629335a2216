"""Line icons from resources/icons, tinted at load time so one SVG serves light and dark places.

Qt's SVG image plugin draws them (``QImage.fromData``): the same pixels as a ``QSvgRenderer`` painting on a
transparent image, without PySide6's QtSvg module and the Python types of the painter (start-up time). The plugin
itself is loaded on a second core while the window's modules are imported (``load_svg_drawing``). The app keeps
what was drawn for the next start (``ICON_CACHE``, ``icon_cache.py``)."""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtGui import QIcon, QImage, QPixmap

from brugapp.paths import ICONS
from brugapp.ui.icon_cache import IconCache

_SIZE_ATTRIBUTE = re.compile(r'\s(?:width|height)="[^"]*"')
ICON_CACHE = IconCache()  # keeps nothing until the app names its file (ui/app.py)


def tinted_svg(name: str, color: str, size: int) -> bytes:
    """The icon's SVG in ``color`` (for ``currentColor``), drawn ``size`` pixels square."""
    svg = (ICONS / f"{name}.svg").read_text(encoding="utf-8").replace("currentColor", color)
    tag, rest = svg.split(">", 1)
    tag = _SIZE_ATTRIBUTE.sub("", tag).replace("<svg", f'<svg width="{size}" height="{size}"', 1)
    return f"{tag}>{rest}".encode()


@cache
def icon(name: str, color: str = "#243b53", size: int = 48) -> QIcon:
    """An installation without Qt's SVG image plugin gets an empty icon, and works (``undrawable_icons``)."""
    svg = tinted_svg(name, color, size)
    image = ICON_CACHE.image(svg)
    if image is None:
        image = draw_svg(svg)
        ICON_CACHE.keep(svg, image)
    return QIcon(QPixmap.fromImage(image))


def draw_svg(svg: bytes) -> QImage:
    """A null image when this installation has no SVG image plugin."""
    return QImage.fromData(svg, "SVG")


def undrawable_icons() -> list[str]:
    """The icons this installation cannot draw (``brugapp self-test`` reports them)."""
    return [path.stem for path in sorted(ICONS.glob("*.svg")) if icon(path.stem).isNull()]


def load_svg_drawing() -> None:
    """Load Qt's SVG image plugin (and its library) by drawing one icon into an image: an image, unlike a pixmap,
    may be drawn on any thread, and PySide6 lets go of the interpreter lock meanwhile."""
    QImage.fromData(tinted_svg("bridge", "#000000", 16), "SVG")
