"""Vocabularies of the contact notebook: channels, initiative, member roles, rights, contact preferences.

Codes are stored; labels are N_-marked English msgids, translated when shown. Themes live in
``domain/themes.py`` and sharing levels in ``domain/sharing.py``: they are not redefined here.
"""

from __future__ import annotations

from brugapp.domain.vocabulary import Term, Vocabulary
from brugapp.i18n import N_

# Where or how a contact moment happened.
CHANNELS = Vocabulary("channel", [
    Term("schoolpoort", N_("School gate")),
    Term("koffiemoment", N_("Coffee moment")),
    Term("zitdag", N_("Office hours at school")),
    Term("huisbezoek", N_("Home visit")),
    Term("telefoon", N_("Phone call")),
    Term("bericht", N_("Message (text, e-mail)")),
    Term("oudercontact", N_("Parent-teacher meeting")),
    Term("meegaan", N_("Went along to a service")),
    Term("overleg", N_("Meeting")),
    Term("groepsactiviteit", N_("Group activity")),
    Term("other", N_("Other")),
])

# Who started the conversation.
INITIATIVES = Vocabulary("initiative", [
    Term("parent", N_("Parent or family")),
    Term("brugfiguur", N_("Me (brugfiguur)")),
    Term("school", N_("School")),
    Term("service", N_("A service")),
    Term("child", N_("Child or youth")),
    Term("other", N_("Someone else")),
])

MEMBER_ROLES = Vocabulary("member_role", [
    Term("parent", N_("Parent")),
    Term("guardian", N_("Guardian")),
    Term("child", N_("Child")),
    Term("other", N_("Other")),
])

# How the family prefers to be reached.
PREFERRED_CHANNELS = Vocabulary("preferred_channel", [
    Term("phone", N_("Phone")),
    Term("in_person", N_("In person")),
    Term("message", N_("Message")),
    Term("letter", N_("Letter")),
])

LITERACY = Vocabulary("literacy", [
    Term("", N_("Not known")),
    Term("reads_well", N_("Reads Dutch well")),
    Term("limited", N_("Reads with difficulty")),
    Term("does_not_read", N_("Does not read")),
])

# Languages a family may prefer; the code is ISO 639-1 (free codes are accepted too).
LANGUAGES = Vocabulary("language", [
    Term("nl", N_("Dutch")),
    Term("fr", N_("French")),
    Term("en", N_("English")),
    Term("ar", N_("Arabic")),
    Term("tr", N_("Turkish")),
    Term("pl", N_("Polish")),
    Term("ro", N_("Romanian")),
    Term("bg", N_("Bulgarian")),
    Term("rom", N_("Romani")),
    Term("ti", N_("Tigrinya")),
    Term("ps", N_("Pashto")),
    Term("fa", N_("Persian (Dari/Farsi)")),
    Term("uk", N_("Ukrainian")),
    Term("ru", N_("Russian")),
    Term("so", N_("Somali")),
    Term("other", N_("Other language")),
])

# The benefits of the rights check (rechtenverkenning).
BENEFITS = Vocabulary("benefit", [
    Term("schooltoeslag", N_("School allowance / study grant")),
    Term("groeipakket", N_("Groeipakket (child benefit)")),
    Term("medische_kaart", N_("Medical card")),
    Term("leefloon", N_("Living wage (leefloon)")),
    Term("kansenpas", N_("Opportunity pass / UiTPAS")),
    Term("vrijetijdspas", N_("Leisure pass")),
    Term("steunfonds", N_("Social support fund")),
    Term("maximumfactuur", N_("Maximum invoice measures")),
])

RIGHT_STATUSES = Vocabulary("right_status", [
    Term("unknown", N_("Unknown")),
    Term("yes", N_("Yes, receives it")),
    Term("no", N_("No")),
    Term("requested", N_("Requested")),
])

SCHOOL_CONTACT_ROLES = Vocabulary("school_contact_role", [
    Term("directie", N_("Principal")),
    Term("zorgcoordinator", N_("Care coordinator")),
    Term("clb_anker", N_("CLB anchor")),
    Term("leerlingbegeleider", N_("Pupil counsellor")),
    Term("leerkracht", N_("Class teacher")),
    Term("secretariaat", N_("School office")),
    Term("other", N_("Other")),
])

SCHOOL_NETS = Vocabulary("school_net", [
    Term("go", N_("GO! (community education)")),
    Term("katholiek", N_("Catholic education")),
    Term("ovsg", N_("Municipal education")),
    Term("povo", N_("Provincial education")),
    Term("other", N_("Other")),
])

NOTE_MAX_CHARS = 20_000  # a short note, not a file: 200 KB pasted by accident is refused


def has_content(themes: list[str] | tuple[str, ...], note: str) -> bool:
    """A contact moment worth saving says something: at least one theme or a few words of note."""
    return bool(themes) or bool(note.strip())
