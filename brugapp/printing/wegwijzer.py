"""The wegwijzer: a printed guide of chosen services, grouped by theme, in plain words.

One entry per service with every town that offers it (``wegwijzer_entries``), a contents page, and per place
the address, phone, website, opening hours and when the details were last checked. For parents it speaks to
the parent ("Je kan zelf bellen"); for a school team it adds the fixed contact person, the backup and whether
they come to the school, and every page says "niet aan ouders geven". It never prints the brugfiguur's private
notes or Ken-je-buurt colours (it does not even look at them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from brugapp.domain.clock import today_local
from brugapp.domain.kaart import WeeklySlot, is_stale
from brugapp.i18n import _, format_date
from brugapp.printing.document import (
    FONT_BOLD,
    INK,
    SheetInfo,
    contents,
    empty_table_note,
    heading,
    keep,
    para,
    spacer,
    styles,
    text,
    write_pdf,
)
from brugapp.printing.wegwijzer_entries import GuideEntry, Place, guide_entries


class GuideService(Protocol):
    """What the guide reads of a service; read-only, so a frozen dataclass such as ``ServiceDetail`` fits."""

    @property
    def name(self) -> str: ...

    @property
    def organization_name(self) -> str: ...

    @property
    def description(self) -> str: ...

    @property
    def not_offered(self) -> str: ...

    @property
    def themes(self) -> tuple[str, ...]: ...

    @property
    def categories(self) -> tuple[str, ...]: ...

    @property
    def target_group(self) -> str: ...

    @property
    def minimum_age(self) -> int | None: ...

    @property
    def maximum_age(self) -> int | None: ...

    @property
    def referral_route(self) -> str: ...

    @property
    def application_process(self) -> str: ...

    @property
    def wait_time(self) -> str: ...

    @property
    def fees(self) -> str: ...

    @property
    def comes_to_school(self) -> bool: ...

    @property
    def after_hours_phone(self) -> str: ...

    @property
    def after_hours_note(self) -> str: ...

    @property
    def addresses(self) -> tuple[str, ...]: ...

    @property
    def municipalities(self) -> tuple[str, ...]: ...

    @property
    def assured_date(self) -> dt.date | None: ...

    @property
    def slots(self) -> tuple[WeeklySlot, ...]: ...

    @property
    def url(self) -> str: ...

    @property
    def email(self) -> str: ...

    @property
    def phone(self) -> str: ...

    @property
    def contact(self) -> object: ...

    @property
    def backup(self) -> object: ...


@cache
def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    s = styles()
    name = ParagraphStyle("service", parent=s.body, fontName=FONT_BOLD, fontSize=11.5, leading=15, spaceBefore=4)
    place = ParagraphStyle("place", parent=s.body, fontSize=9.5, leading=12.5, spaceBefore=4)
    detail = ParagraphStyle("detail", parent=s.body, fontSize=9.5, leading=12.5, textColor=INK)
    return name, place, detail


def _facts(pairs: Sequence[tuple[str, str]]) -> str:
    """"Voor wie: … · Hoe: … · Kostprijs: Gratis" on one or two lines: bold label, plain value."""
    return " · ".join(f"<b>{text(label)}:</b> {text(value)}" for label, value in pairs if value)


def _place_lines(place: Place, *, for_school: bool) -> str:
    """One place as a few short lines: town and organisation, how to reach them, hours, last checked."""
    town = ", ".join(place.municipalities)
    lines = [f"<b>{text(town)}</b> – {text(place.organisation)}" if town else f"<b>{text(place.organisation)}</b>"]
    lines.append(_facts([(_("Address"), place.address), (_("Phone"), place.phone),
                         (_("Website"), place.website), (_("E-mail"), place.email)]))
    lines.append(_facts([(_("Open"), place.hours), (_("When closed"), place.when_closed)]))
    if for_school:
        lines.append(_facts([(_("Fixed contact person"), place.contact), (_("Backup"), place.backup),
                             (_("Comes to the school"), _("yes") if place.comes_to_school else _("no"))]))
    checked = format_date(place.checked_on, "long") if place.checked_on else _("not yet")
    if for_school and is_stale(place.checked_on, today_local()):
        checked += " – " + _("more than a year ago: check before you pass it on")
    lines.append(_facts([(_("Last checked"), checked)]))
    return "<br/>".join(line for line in lines if line)


def _entry(entry: GuideEntry, *, for_school: bool, lead: Sequence[Flowable] = ()) -> list[Flowable]:
    """One entry, kept on one page; ``lead`` (its theme heading) goes in the same block, because reportlab
    does not keep a heading with a KeepTogether that follows it."""
    name_style, place_style, detail_style = _styles()
    how = entry.how_school if for_school else entry.how_parent
    block: list[Flowable] = [*lead, Paragraph(text(entry.name), name_style)]
    if entry.description:
        block.append(Paragraph(text(entry.description), detail_style))
    block.append(Paragraph(_facts([
        (_("For whom"), entry.for_whom), (_("How to get there") if for_school else _("How"), how),
        (_("Waiting time"), entry.wait_time), (_("Cost"), entry.fees or _("Ask the service")),
        (_("What they do not do"), entry.not_offered), *((_(label), value) for label, value in entry.more),
    ]), place_style))
    block += [Paragraph(_place_lines(place, for_school=for_school), place_style) for place in entry.places]
    return [keep(block), spacer(2.5)]


def guide_subtitle(*, municipality: str = "", theme_label: str = "") -> str:
    parts = [municipality, theme_label]
    return " · ".join(p for p in parts if p)


def write_wegwijzer(path: Path, services: Sequence[GuideService], *, audience: str,
                    hours_text: Callable[[tuple[WeeklySlot, ...]], str], municipality: str = "",
                    theme_label: str = "", author: str = "") -> Path:
    """A4 guide; ``audience`` is "parents" or "school"; ``municipality``/``theme_label`` name the filter used."""
    for_school = audience == "school"
    s = styles()
    entries = guide_entries(services, hours_text)
    story: list[Flowable] = []
    scope = guide_subtitle(municipality=municipality, theme_label=theme_label)
    if scope:
        story.append(para(scope, s.subtitle))
    if for_school:
        story.append(para(_("Services in our area, with whom to call and how to refer. Check the date of the "
                            "guide: details change."), s.notice))
    else:
        story.append(para(_("Here you find services that can help you and your children. Calling is free and "
                            "you may always ask for help. Not sure whom to call? Ask the brugfiguur at school."),
                          s.notice))
    if not entries:
        story.append(empty_table_note(_("No services were chosen.")))
    else:
        story += [heading(_("Contents")), contents()]
    current: tuple[int, str] | None = None
    for entry in entries:
        lead: list[Flowable] = []
        if entry.group != current:
            current = entry.group
            lead.append(heading(entry.group[1], in_contents=True))
        story.extend(_entry(entry, for_school=for_school, lead=lead))
    info = SheetInfo(
        title=_("Wegwijzer: who can help?"),
        audience=_("For: school team") if for_school else _("For: parents"),
        confidential=False, footer_note=_("Do not give to parents") if for_school else "", author=author,
    )
    return write_pdf(path, info, story)
