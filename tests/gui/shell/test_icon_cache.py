"""Icons drawn at one start are taken from the icon cache at the next (``ui/icon_cache.py``): the same pixels, not
drawn again, and a changed icon, another Qt or a damaged file only means drawing, as before."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtGui import QImage

from brugapp.cache_file import read_marshalled, write_marshalled
from brugapp.ui import icons
from brugapp.ui.icon_cache import FORMAT, IconCache
from brugapp.ui.icons import draw_svg, icon, tinted_svg

SIDEBAR = [("today", "#d8e3ec"), ("families", "#d8e3ec"), ("search", "#243b53"), ("lock", "#243b53")]


class CountingDraw:
    def __init__(self) -> None:
        self.drawn: list[bytes] = []

    def __call__(self, svg: bytes) -> QImage:
        self.drawn.append(svg)
        return draw_svg(svg)


@pytest.fixture
def drawing(monkeypatch: pytest.MonkeyPatch, qapp: object) -> Iterator[CountingDraw]:
    """``icon`` as the app calls it, with its own cache object and every drawing counted."""
    counting = CountingDraw()
    monkeypatch.setattr(icons, "draw_svg", counting)
    monkeypatch.setattr(icons, "ICON_CACHE", IconCache())
    icon.cache_clear()
    yield counting
    icon.cache_clear()  # later tests draw their own icons again


def start(cache_file: Path) -> None:
    """What a start of the app does: a new process (nothing remembered in memory) naming its cache file."""
    icon.cache_clear()
    icons.ICON_CACHE.use(cache_file)


def test_the_second_start_draws_no_icon_and_shows_the_same_pixels(drawing: CountingDraw, tmp_path: Path) -> None:
    cache_file = tmp_path / "icons.cache"
    start(cache_file)
    first = [icon(name, colour).pixmap(48, 48).toImage() for name, colour in SIDEBAR]
    assert len(drawing.drawn) == len(SIDEBAR)
    assert not cache_file.exists()  # written when the app quits, not while it starts
    icons.ICON_CACHE.save()
    assert cache_file.is_file()

    start(cache_file)
    second = [icon(name, colour).pixmap(48, 48).toImage() for name, colour in SIDEBAR]
    assert len(drawing.drawn) == len(SIDEBAR)  # nothing drawn this time
    assert all(not image.isNull() for image in second)
    assert second == first  # QImage compares pixel by pixel


def test_an_unchanged_cache_is_not_written_again(drawing: CountingDraw, tmp_path: Path) -> None:
    cache_file = tmp_path / "icons.cache"
    start(cache_file)
    icon("today")
    icons.ICON_CACHE.save()
    os.utime(cache_file, (1_000_000, 1_000_000))
    start(cache_file)
    icon("today")
    icons.ICON_CACHE.save()
    assert cache_file.stat().st_mtime == 1_000_000
    icon("map")  # a page visited for the first time: one more icon kept
    icons.ICON_CACHE.save()
    assert cache_file.stat().st_mtime != 1_000_000


def test_an_icon_in_another_colour_or_size_is_drawn_afresh(drawing: CountingDraw, tmp_path: Path) -> None:
    cache_file = tmp_path / "icons.cache"
    start(cache_file)
    icon("today")
    icons.ICON_CACHE.save()
    start(cache_file)
    icon("today", "#ffffff")
    icon("today", size=24)
    assert drawing.drawn[1:] == [tinted_svg("today", "#ffffff", 48), tinted_svg("today", "#243b53", 24)]
    assert icon("today", size=24).pixmap(24, 24).toImage().size().width() == 24


def written_by_other_qt(path: Path) -> None:
    write_marshalled(path, (FORMAT, "5.15.2", read_marshalled(path)[2]))  # type: ignore[index]


def malformed_pixels(path: Path) -> None:
    _format, version, kept = read_marshalled(path)  # type: ignore[misc]
    write_marshalled(path, (FORMAT, version, {svg: (48, 48, 192, pixels[3], pixels[4][:100])
                                              for svg, pixels in kept.items()}))


def unknown_pixel_format(path: Path) -> None:
    _format, version, kept = read_marshalled(path)  # type: ignore[misc]
    write_marshalled(path, (FORMAT, version, {svg: (*pixels[:3], 999, pixels[4]) for svg, pixels in kept.items()}))


def other_format(path: Path) -> None:
    write_marshalled(path, ("brugapp icon cache 0", qVersion(), read_marshalled(path)[2]))  # type: ignore[index]


def flipped_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("spoil", [written_by_other_qt, malformed_pixels, unknown_pixel_format, other_format,
                                   flipped_byte, lambda path: path.write_bytes(b""),
                                   lambda path: path.write_bytes(os.urandom(300))])
def test_a_cache_of_another_qt_or_damaged_is_drawn_over_and_rewritten(drawing: CountingDraw, tmp_path: Path,
                                                                     spoil: object) -> None:
    cache_file = tmp_path / "icons.cache"
    start(cache_file)
    drawn = icon("today").pixmap(48, 48).toImage()
    icons.ICON_CACHE.save()
    spoil(cache_file)  # type: ignore[operator]
    start(cache_file)
    assert icon("today").pixmap(48, 48).toImage() == drawn
    assert len(drawing.drawn) == 2  # drawn again, not taken from the spoilt file
    icons.ICON_CACHE.save()
    start(cache_file)
    icon("today")
    assert len(drawing.drawn) == 2  # the rewritten file serves the next start


def test_an_unwritable_cache_folder_only_means_drawing(drawing: CountingDraw, tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    start(blocked / "icons.cache")
    assert not icon("today").isNull()
    icons.ICON_CACHE.save()  # no error
    assert blocked.is_file()


def test_without_a_cache_file_nothing_is_kept(drawing: CountingDraw) -> None:
    icon("today")
    icons.ICON_CACHE.save()
    icon.cache_clear()
    icon("today")
    assert len(drawing.drawn) == 2
