"""Short explanations of the field's words, shown as tooltips where the words appear on screen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from brugapp.i18n import N_, _

GLOSSARY = {
    "stavaza": N_("Stavaza (stand van zaken): a short update from the service on where things stand – not the "
                  "content of the help. Only passed on when the family agreed to share it."),
    "regiehouder": N_("Regiehouder: the one person who keeps the thread of this case together, so the family "
                      "has one point of contact and nobody assumes someone else acts."),
    "mandaat": N_("Mandated (gemandateerde) service: help the family did not choose freely (OCJ, Vertrouwenscentrum, "
                  "youth court). Information flows one way: nothing from that service is passed on."),
}


def explain(widget: QWidget, word: str) -> QWidget:
    """Give a widget the tooltip that explains the field's word it shows."""
    widget.setToolTip(_(GLOSSARY[word]))
    return widget
