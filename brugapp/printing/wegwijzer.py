"""The wegwijzer: a printed guide of chosen services, grouped by theme, in plain words.

For parents it says what the service does, how to get there and whom to call; for a school team it
adds the fixed contact person, the backup and whether they come to the school. It never prints the
brugfiguur's private notes or Ken-je-buurt colours (it does not even look at them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from brugapp.domain.kaart import CATEGORIES, REFERRAL_ROUTES, WeeklySlot, age_range_text
from brugapp.domain.themes import THEMES
from brugapp.i18n import _
from brugapp.printing.document import (
    FONT_BOLD,
    SheetInfo,
    heading,
    keep,
    key_value_table,
    para,
    spacer,
    styles,
    write_pdf,
)


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
def _service_style() -> ParagraphStyle:
    s = styles()
    return ParagraphStyle("service", parent=s.body, fontName=FONT_BOLD, fontSize=11.5, leading=15, spaceBefore=6)


def _group(service: GuideService) -> tuple[int, str]:
    if service.themes:
        top = service.themes[0].split(".", 1)[0]
        return THEMES.codes().index(top), THEMES.label(top)
    if service.categories:
        return 100 + CATEGORIES.codes().index(service.categories[0]), CATEGORIES.label(service.categories[0])
    return 999, _("Other help")


def _ages(service: GuideService) -> str:
    return age_range_text(service.minimum_age, service.maximum_age)


def _person(ref: object) -> str:
    if ref is None:
        return ""
    parts = [getattr(ref, "name", ""), getattr(ref, "role", ""), getattr(ref, "phone", ""), getattr(ref, "email", "")]
    return " · ".join(p for p in parts if p)


def _block(service: GuideService, *, for_school: bool, hours_text: Callable[[tuple[WeeklySlot, ...]], str]) -> list:
    s = styles()
    rows: list[tuple[str, str]] = []
    if service.description:
        rows.append((_("What they do"), service.description))
    if service.not_offered:
        rows.append((_("What they do not do"), service.not_offered))
    who = ", ".join(p for p in (service.target_group, _ages(service)) if p)
    if who:
        rows.append((_("For whom"), who))
    how = REFERRAL_ROUTES.label(service.referral_route) if service.referral_route else ""
    how = ". ".join(p for p in (how, service.application_process) if p)
    if how:
        rows.append((_("How to get there"), how))
    if service.phone:
        rows.append((_("Phone"), service.phone))
    hours = hours_text(service.slots)
    if hours:
        rows.append((_("Opening hours"), hours))
    if service.after_hours_phone or service.after_hours_note:
        rows.append((_("When closed"), " · ".join(p for p in (service.after_hours_phone, service.after_hours_note)
                                                   if p)))
    if service.addresses:
        rows.append((_("Address"), "\n".join(service.addresses)))
    if service.email or service.url:
        rows.append((_("E-mail and website"), " · ".join(p for p in (service.email, service.url) if p)))
    if service.wait_time:
        rows.append((_("Waiting time"), service.wait_time))
    rows.append((_("Cost"), service.fees or _("Ask the service")))
    if for_school:
        if service.contact is not None:
            rows.append((_("Fixed contact person"), _person(service.contact)))
        if service.backup is not None:
            rows.append((_("Backup"), _person(service.backup)))
        rows.append((_("Comes to the school"), _("yes") if service.comes_to_school else _("no")))
    title = para(service.name, _service_style())
    return [keep([title, para(service.organization_name, s.small), spacer(1.5), key_value_table(rows)]), spacer(3)]


def write_wegwijzer(path: Path, services: Sequence[GuideService], *, audience: str,
                    hours_text: Callable[[tuple[WeeklySlot, ...]], str]) -> Path:
    """A4 guide; ``audience`` is "parents" or "school"."""
    for_school = audience == "school"
    s = styles()
    story: list[Flowable] = []
    if for_school:
        story.append(para(_("Services in our area, with whom to call and how to refer. Check the date of the "
                            "guide: details change."), s.subtitle))
    else:
        story.append(para(_("Here you find services that can help you and your children. Calling is free and "
                            "you may always ask for help. Not sure whom to call? Ask the brugfiguur at school."),
                          s.subtitle))
    groups: dict[tuple[int, str], list[GuideService]] = {}
    for service in services:
        groups.setdefault(_group(service), []).append(service)
    for key in sorted(groups):
        story.append(heading(key[1]))
        for service in sorted(groups[key], key=lambda x: x.name.casefold()):
            story.extend(_block(service, for_school=for_school, hours_text=hours_text))
    if not services:
        story.append(para(_("No services were chosen.")))
    info = SheetInfo(
        title=_("Wegwijzer: who can help?"),
        audience=_("For: school team") if for_school else _("For: parents"),
        confidential=False,
    )
    return write_pdf(path, info, story)
