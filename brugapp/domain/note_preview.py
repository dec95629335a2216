"""A note's first words for a one-line list (Vandaag, anonymous contacts): whole words and "…" when cut, so a
brugfiguur never reads a word broken off as if it were the note's last ("budgetbegeleidingsovereenko")."""

from __future__ import annotations

ELLIPSIS = "…"


def note_preview(note: str, limit: int) -> str:
    """``note`` on one line, at most ``limit`` characters: cut after the last whole word that fits, with "…"."""
    text = " ".join(note.split())
    if len(text) <= limit:
        return text
    head = text[:limit - len(ELLIPSIS) + 1]  # one more: a cut right before a space keeps the last word whole
    cut = head.rfind(" ")
    # One long word (a pasted link or reference) is cut where it must, rather than showing nothing of it.
    kept = head[:cut] if cut > 0 else head[:-1]
    return kept.rstrip(" ,;:–-") + ELLIPSIS
