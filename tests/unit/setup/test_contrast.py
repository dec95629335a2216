"""Text in BrugApp's style is readable: every text/background pair of the style sheet has contrast ≥ 4.5:1
(WCAG 2.1 AA), computed from brugapp/ui/style.py itself, so a new rule or colour is checked too."""

from __future__ import annotations

import re

import pytest

from brugapp.ui import style as theme

MINIMUM = 4.5
NAMED = {"white": "#ffffff", "black": "#000000"}
# A rule that sets only a text colour is drawn on whatever surface it sits on: the window or a card/field.
SURFACES = {"background": theme.BACKGROUND, "card": theme.CARD}


def _rgb(colour: str) -> tuple[float, float, float]:
    value = NAMED.get(colour.strip(), colour.strip()).lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def relative_luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def style_pairs(style_sheet: str) -> list[tuple[str, str, str]]:
    """(selector, text colour, background) for every rule of the sheet that colours text."""
    rules = [(" ".join(selector.split()), body) for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", style_sheet)]
    own_background = {}
    for selector, body in rules:
        background = re.search(r"background(?:-color)?:\s*([^;\s]+)\s*;", body)
        if background:
            own_background[selector] = background.group(1)
    pairs = []
    for selector, body in rules:
        if ":disabled" in selector:
            continue  # WCAG exempts inactive controls
        text = re.search(r"(?<![-\w])color:\s*([^;]+);", body)
        if text is None:
            continue
        # No background of its own: an item or state (``#Sidebar::item``) sits on its widget's background,
        # anything else on the window or a card.
        widget = selector.split(":")[0]
        background = own_background.get(selector) or own_background.get(widget)
        backgrounds = [background] if background else list(SURFACES.values())
        pairs += [(selector, text.group(1).strip(), b) for b in backgrounds]
    return pairs


def test_the_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-too-light grey


def test_the_check_sees_every_text_rule_of_the_style() -> None:
    selectors = {selector for selector, _text, _background in style_pairs(theme.STYLE_SHEET)}
    assert {"QWidget", "#Hint", "#Warning", "#Error", "#Brand", "QToolTip", "QHeaderView::section"} <= selectors
    assert len(selectors) >= 14


def test_every_text_colour_of_the_style_has_enough_contrast() -> None:
    failures = [f"{selector}: {text} on {background} = {contrast(text, background):.2f}"
                for selector, text, background in style_pairs(theme.STYLE_SHEET)
                if contrast(text, background) < MINIMUM]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("name", "text", "background"), [
    ("placeholder in a field", theme.PLACEHOLDER, "#ffffff"),
    ("placeholder in the global search", theme.PLACEHOLDER, theme.BACKGROUND),
    ("white on the bridge green (buttons, selected sidebar item)", "#ffffff", theme.ACCENT),
    ("bridge green as text (phone numbers on the map)", theme.ACCENT, theme.BACKGROUND),
    ("warning text on a stale row", theme.WARNING, "#fff4e5"),
    ("sidebar text on hover", theme.SIDEBAR_TEXT, "#2c465c"),
    ("text on a selected row", theme.INK, theme.ACCENT_SOFT),
])
def test_colours_used_outside_the_sheet(name: str, text: str, background: str) -> None:
    assert contrast(text, background) >= MINIMUM, name


def test_placeholders_use_the_readable_colour(qapp) -> None:
    from PySide6.QtGui import QColor, QPalette

    from brugapp.ui.style import apply_theme

    apply_theme(qapp)
    assert qapp.palette().color(QPalette.ColorRole.PlaceholderText) == QColor(theme.PLACEHOLDER)
