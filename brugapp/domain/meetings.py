"""Overleg: meeting types, places, roles, agenda templates, audiences, warning rules and next dates.

Pure rules, no I/O. The consent rule itself lives in ``domain/consent.py``; this module only says what
an audience does with a family once consent has been asked (show the name, a pseudonym, or leave it out).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from brugapp.domain.schoolyear import SchoolYear
from brugapp.domain.vocabulary import Term, Vocabulary
from brugapp.i18n import N_, _

# -- vocabularies ------------------------------------------------------------------------------

MEETING_TYPES = Vocabulary("meeting_type", [
    Term("mdo", N_("MDO (multidisciplinary meeting)")),
    Term("casusoverleg", N_("Case meeting (casusoverleg)")),
    Term("zorgoverleg", N_("School care meeting (zorgoverleg)")),
    Term("rondetafel", N_("Round table (rondetafel)")),
    Term("clientoverleg", N_("Client meeting (cliëntoverleg)")),
    Term("opstartcirkel", N_("Start circle (opstartcirkel)")),
    Term("opvolgcirkel", N_("Follow-up circle (opvolgcirkel)")),
    Term("klassenraad", N_("Class council with guest (klassenraad)")),
    Term("netwerkoverleg", N_("Network meeting (netwerk / LOP)")),
    Term("teamoverleg", N_("Team meeting (teamoverleg)")),
    Term("oudercontact", N_("Parent meeting (oudercontact)")),
    Term("leerkrachtendag", N_("Teacher day (leerkrachtendag)")),
    Term("other", N_("Other meeting")),
])

# Types about one youth or family: their agenda follows up the case, not a network.
CASE_TYPES = frozenset({
    "mdo", "casusoverleg", "rondetafel", "clientoverleg", "opstartcirkel", "opvolgcirkel", "oudercontact",
})

PLACES = Vocabulary("meeting_place", [
    Term("school", N_("At school")),
    Term("service", N_("At a service")),
    Term("home", N_("At the family's home")),
    Term("online", N_("Online")),
    Term("other", N_("Elsewhere")),
])

PARTICIPANT_KINDS = Vocabulary("participant_kind", [
    Term("youth", N_("Youth")),
    Term("family", N_("Parent or family")),
    Term("school", N_("School")),
    Term("service", N_("Service (social map)")),
    Term("internal", N_("Own team")),
    Term("other", N_("Other")),
])
FAMILY_KINDS = frozenset({"youth", "family"})

ROLES = Vocabulary("participant_role", [
    Term("youth", N_("Youth")),
    Term("parent", N_("Parent")),
    Term("guardian", N_("Guardian")),
    Term("principal", N_("Principal (directie)")),
    Term("care_coordinator", N_("Care coordinator (zorgcoördinator)")),
    Term("pupil_counsellor", N_("Pupil counsellor (leerlingbegeleider)")),
    Term("class_teacher", N_("Class teacher")),
    Term("clb", N_("CLB worker")),
    Term("naft_coach", N_("NAFT coach")),
    Term("context_worker", N_("Home guidance (contextbegeleiding)")),
    Term("consultant", N_("Consultant of a service")),
    Term("bridge_worker", N_("Bridge worker (brugfiguur)")),
    Term("ambassador", N_("Education ambassador")),
    Term("interpreter", N_("Interpreter")),
    Term("chair", N_("Chair")),
    Term("minutes_taker", N_("Minutes taker")),
    Term("member", N_("Network member")),
    Term("other", N_("Other")),
])

ATTENDANCE = Vocabulary("attendance", [
    Term("invited", N_("Invited")),
    Term("present", N_("Present")),
    Term("excused", N_("Excused")),
    Term("absent", N_("Absent")),
])

INVITE_CHANNELS = Vocabulary("invite_channel", [
    Term("", N_("Not invited yet")),
    Term("letter", N_("Letter only")),
    Term("phone", N_("Phone call")),
    Term("email", N_("E-mail")),
    Term("message", N_("Text message")),
    Term("in_person", N_("In person")),
])

PRESENCE = Vocabulary("presence", [
    Term("unknown", N_("Not known yet")),
    Term("yes", N_("Present")),
    Term("no", N_("Not present")),
])

MEETING_STATUSES = Vocabulary("meeting_status", [
    Term("planned", N_("Planned")),
    Term("held", N_("Held")),
    Term("cancelled", N_("Cancelled")),
])

ACTION_STATUSES = Vocabulary("action_status", [
    Term("open", N_("Open")),
    Term("done", N_("Done")),
    Term("dropped", N_("Dropped")),
])


class Audience(StrEnum):
    INTERNAL = "internal"  # the brugfiguur / own team: everything
    NETWORK = "network"  # services at the table: families by name only with consent
    SCHOOL = "school"  # the school: need-to-know items only, families only with school consent


AUDIENCES = Vocabulary("audience", [
    Term(Audience.INTERNAL, N_("Internal")),
    Term(Audience.NETWORK, N_("Network (with consent)")),
    Term(Audience.SCHOOL, N_("School (need to know)")),
])

AUDIENCE_FOOTERS = {
    Audience.INTERNAL: N_("For: own team – internal"),
    Audience.NETWORK: N_("For: the network – only what consent covers"),
    Audience.SCHOOL: N_("For: the school – need to know only"),
}

# -- agenda templates --------------------------------------------------------------------------

PREVIOUS_ACTIONS = "previous_actions"
COLLABORATION = "collaboration"
ACTIONS = "actions"
NEXT_DATE = "next_date"


@dataclass(frozen=True)
class ItemTemplate:
    code: str
    title: str  # N_-marked
    hint: str = ""  # N_-marked prompt for the one preparing or minuting
    school_ok: bool = False  # need-to-know for the school version


ITEMS: dict[str, ItemTemplate] = {t.code: t for t in [
    ItemTemplate("welcome", N_("Welcome and round of introductions"), N_("Who is who, and in which role?"), True),
    ItemTemplate("participants_roles", N_("Participants and roles"),
                 N_("Are the youth and the parents here? Is an interpreter needed?"), True),
    ItemTemplate("youth_view", N_("The youth's view"), N_("What does the youth want and need?")),
    ItemTemplate("parents_view", N_("The parents' view"), N_("How do the parents see it?")),
    ItemTemplate("shared_goal", N_("Shared goal"), N_("What do we want to reach together?"), True),
    ItemTemplate("school_does", N_("What school does"), N_("Support in class and at school."), True),
    ItemTemplate("home_does", N_("What home does")),
    ItemTemplate("services_do", N_("What the services do")),
    ItemTemplate("teacher_handles", N_("Handles for teachers"),
                 N_("What helps in class, and what to avoid."), True),
    ItemTemplate(PREVIOUS_ACTIONS, N_("Follow-up of previous action points"),
                 N_("Filled in automatically with the open action points of earlier meetings."), True),
    ItemTemplate(ACTIONS, N_("Action points: who, what, by when"), "", True),
    ItemTemplate(COLLABORATION, N_("How is our collaboration going?"),
                 N_("A short reflection: what works, what could be better?")),
    ItemTemplate(NEXT_DATE, N_("Next date"), "", True),
    ItemTemplate("care_phase", N_("Care continuum phase"), N_("Phase 0, 1, 2 or 3 – who takes it up?"), True),
    ItemTemplate("plan_of_approach", N_("Plan of approach: who does what"), "", True),
    ItemTemplate("news_round", N_("Round of news from the partners")),
    ItemTemplate("signals", N_("Structural signals"), N_("Patterns seen in several families, without names.")),
    ItemTemplate("theme", N_("Theme of the day")),
    ItemTemplate("cases", N_("Questions and cases (anonymous)")),
    ItemTemplate("class_questions", N_("Questions of the class team"), "", True),
    ItemTemplate("other_business", N_("Any other business"), "", True),
]}

_CASE = ["welcome", "participants_roles", PREVIOUS_ACTIONS, "youth_view", "parents_view", "shared_goal",
         "school_does", "home_does", "services_do", "teacher_handles", ACTIONS, COLLABORATION, NEXT_DATE]

TEMPLATES: dict[str, list[str]] = {
    "rondetafel": ["participants_roles", "youth_view", "parents_view", "shared_goal", "school_does", "home_does",
                   "services_do", "teacher_handles", PREVIOUS_ACTIONS, ACTIONS, COLLABORATION, NEXT_DATE],
    "mdo": _CASE,
    "casusoverleg": _CASE,
    "clientoverleg": _CASE,
    "zorgoverleg": ["welcome", PREVIOUS_ACTIONS, "care_phase", "class_questions", "teacher_handles", ACTIONS,
                    NEXT_DATE],
    "opstartcirkel": ["welcome", "participants_roles", "parents_view", "care_phase", "shared_goal",
                      "plan_of_approach", ACTIONS, NEXT_DATE],
    "opvolgcirkel": ["welcome", PREVIOUS_ACTIONS, "class_questions", "teacher_handles", "plan_of_approach",
                     ACTIONS, COLLABORATION, NEXT_DATE],
    "klassenraad": ["welcome", "class_questions", "teacher_handles", ACTIONS],
    "netwerkoverleg": ["welcome", PREVIOUS_ACTIONS, "news_round", "theme", "signals", "cases", ACTIONS,
                       COLLABORATION, NEXT_DATE],
    "teamoverleg": ["welcome", PREVIOUS_ACTIONS, "cases", "signals", ACTIONS, NEXT_DATE],
    "oudercontact": ["welcome", "parents_view", "school_does", "home_does", ACTIONS, NEXT_DATE],
    "leerkrachtendag": ["welcome", "theme", "other_business"],
    "other": ["welcome", PREVIOUS_ACTIONS, ACTIONS, NEXT_DATE],
}


def template_items(meeting_type: str) -> list[ItemTemplate]:
    """The agenda skeleton of a meeting type (unknown types get the short generic one)."""
    return [ITEMS[code] for code in TEMPLATES.get(meeting_type, TEMPLATES["other"])]


def item_shown_to(audience: Audience | str, *, school_ok: bool) -> bool:
    """Need to know, not nice to know: the school version only carries items marked for it."""
    return Audience(audience) != Audience.SCHOOL or school_ok


def move(sequence: list, index: int, offset: int) -> list:
    """A copy with the element at ``index`` moved by ``offset`` places (clamped to the ends)."""
    if not 0 <= index < len(sequence):
        raise IndexError(index)
    target = max(0, min(len(sequence) - 1, index + offset))
    result = list(sequence)
    result.insert(target, result.pop(index))
    return result


# -- families per audience ---------------------------------------------------------------------

class Visibility(StrEnum):
    NAME = "name"
    PSEUDONYM = "pseudonym"
    OMITTED = "omitted"


def family_visibility(audience: Audience | str, *, consent_allowed: bool) -> Visibility:
    """What an audience's sheet does with a linked family, given the consent answer for that audience.

    Internal sheets name everyone. A network sheet without consent discusses the case anonymously
    ("Gezin A"); a school sheet leaves a family without school consent out altogether.
    """
    audience = Audience(audience)
    if audience == Audience.INTERNAL or consent_allowed:
        return Visibility.NAME
    return Visibility.PSEUDONYM if audience == Audience.NETWORK else Visibility.OMITTED


def pseudonym(index: int) -> str:
    """'Gezin A', 'Gezin B', … 'Gezin AA' for the index-th hidden family (0-based)."""
    letters = ""
    n = index
    while True:
        letters = chr(ord("A") + n % 26) + letters
        n = n // 26 - 1
        if n < 0:
            break
    return _("Family {letter}").format(letter=letters)


def name_variants(display_name: str) -> list[str]:
    """'Gezin El Amrani' is also written 'El Amrani' in notes; both must go from a hidden family's text."""
    variants = [display_name.strip()]
    for prefix in ("gezin ", "familie ", "family "):
        if display_name.lower().startswith(prefix):
            variants.append(display_name[len(prefix):].strip())
    return [v for v in variants if len(v) >= 2]


def scrub(text: str, replacements: dict[str, str]) -> str:
    """Replace every name (case-insensitive, longest first) by its stand-in."""
    for name in sorted(replacements, key=len, reverse=True):
        if name:
            text = re.sub(re.escape(name), replacements[name], text, flags=re.IGNORECASE)
    return text


# -- warnings ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class FamilyFacts:
    name: str
    interpreter_needed: bool = False
    language: str = ""
    reads_letters: bool = True
    preferred_channel: str = ""
    has_any_consent: bool = False
    invite_channels: tuple[str, ...] = ()  # how this family's participants were invited


@dataclass(frozen=True)
class MeetingFacts:
    meeting_type: str
    interpreter_needed: bool = False
    interpreter_arranged: bool = False
    has_regiehouder: bool = True
    families: tuple[FamilyFacts, ...] = ()


@dataclass(frozen=True)
class MeetingWarning:
    code: str  # interpreter, letter_only, no_consent, no_regiehouder
    message: str  # translated
    family: str = ""


def meeting_warnings(facts: MeetingFacts) -> list[MeetingWarning]:
    """Warnings that help before the meeting: what is likely to go wrong for the family."""
    warnings: list[MeetingWarning] = []
    needing = [f for f in facts.families if f.interpreter_needed]
    if (facts.interpreter_needed or needing) and not facts.interpreter_arranged:
        if needing:
            for family in needing:
                warnings.append(MeetingWarning("interpreter", _(
                    "{family} needs an interpreter ({language}), and none is arranged yet."
                ).format(family=family.name, language=family.language or "?"), family.name))
        else:
            warnings.append(MeetingWarning("interpreter", _("An interpreter is needed, and none is arranged yet.")))
    for family in facts.families:
        letter_only = bool(family.invite_channels) and set(family.invite_channels) == {"letter"}
        cannot_read = not family.reads_letters or family.preferred_channel == "phone"
        if letter_only and cannot_read:
            warnings.append(MeetingWarning("letter_only", _(
                "{family} does not read letters (prefers phone): a letter alone is not an invitation. Call them."
            ).format(family=family.name), family.name))
        if facts.meeting_type in CASE_TYPES and not family.has_any_consent:
            warnings.append(MeetingWarning("no_consent", _(
                "There is no consent on file for {family}: ask what may be shared before the meeting."
            ).format(family=family.name), family.name))
    if facts.meeting_type in CASE_TYPES and not facts.has_regiehouder:
        warnings.append(MeetingWarning("no_regiehouder", _(
            "Nobody coordinates this case yet: choose a regiehouder among the participants."
        )))
    return warnings


# -- dates and series --------------------------------------------------------------------------

def next_date(previous: dt.date, *, interval_weeks: int) -> dt.date:
    """The proposed next date: ``interval_weeks`` later, moved off a weekend to the Monday after."""
    if interval_weeks < 1:
        raise ValueError(interval_weeks)
    proposed = previous + dt.timedelta(weeks=interval_weeks)
    while proposed.weekday() >= 5:
        proposed += dt.timedelta(days=1)
    return proposed


def series_dates(first: dt.date, *, interval_weeks: int, until: dt.date) -> list[dt.date]:
    """All dates of a recurring series from ``first`` up to ``until`` (inclusive)."""
    dates = [first]
    while True:
        following = next_date(dates[-1], interval_weeks=interval_weeks)
        if following > until:
            return dates
        dates.append(following)


def ordinal_in_school_year(day: dt.date, earlier: list[dt.date]) -> int:
    """'3rd meeting of the school year': 1 + the number of earlier dates in the same school year."""
    year = SchoolYear.of(day)
    return 1 + sum(1 for d in earlier if d < day and d in year)


# -- events (leerkrachtendag) ------------------------------------------------------------------

SESSION_KINDS = Vocabulary("event_session_kind", [
    Term("plenary", N_("Plenary")),
    Term("workshop", N_("Workshop")),
    Term("visit", N_("Visit to a living group")),
    Term("break", N_("Break")),
])

SURVEY_QUESTIONS = Vocabulary("survey_question", [
    Term("overall", N_("Overall, how was the day?")),
    Term("useful", N_("How useful was it for your work in class?")),
    Term("practical", N_("How was the practical organisation?")),
    Term("again", N_("Would you come again next year?")),
])
SURVEY_SHORT = {"overall": N_("Overall"), "useful": N_("Useful"), "practical": N_("Organisation"),
                "again": N_("Again?")}
SURVEY_SCALE = (1, 5)
INVITATION_WINDOW_DAYS = 365


def youth_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """'Youths of the last 12 months'."""
    return today - dt.timedelta(days=INVITATION_WINDOW_DAYS), today
