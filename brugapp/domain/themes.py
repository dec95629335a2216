"""The themes of a family's questions: the field's six triggers with their sub-themes, plus a few more.

Codes are stable and stored; a sub-theme code is ``parent.child``. ``key`` is the keyboard shortcut of
the top-level theme chip in the quick log.
"""

from __future__ import annotations

from brugapp.domain.vocabulary import Term, Vocabulary
from brugapp.i18n import N_, language

THEMES = Vocabulary("theme", [
    Term("admin", N_("Money, material and paperwork"), key="a"),
    Term("admin.school_costs", N_("School costs and invoices"), "admin"),
    Term("admin.letters", N_("Letters and forms"), "admin"),
    Term("admin.debts", N_("Debts and bailiff"), "admin"),
    Term("admin.benefits", N_("Benefits and allowances"), "admin"),
    Term("parenting", N_("Parenting and family support"), key="o"),
    Term("parenting.questions", N_("Parenting questions"), "parenting"),
    Term("parenting.conflict", N_("Conflict or violence at home"), "parenting"),
    Term("parenting.young_children", N_("Young children and childcare"), "parenting"),
    Term("leisure", N_("Leisure, sport and culture"), key="v"),
    Term("leisure.activities", N_("Activities and clubs"), "leisure"),
    Term("leisure.holidays", N_("Holiday care and camps"), "leisure"),
    Term("health", N_("Hygiene and (mental) health"), key="g"),
    Term("health.physical", N_("Physical health and hygiene"), "health"),
    Term("health.mental", N_("Mental health and wellbeing"), "health"),
    Term("poverty", N_("Child poverty: housing and food"), key="k"),
    Term("poverty.housing", N_("Housing"), "poverty"),
    Term("poverty.food", N_("Food and basic needs"), "poverty"),
    Term("education", N_("Barriers to and within education"), key="s"),
    Term("education.enrolment", N_("Enrolment and choice of school"), "education"),
    Term("education.homework", N_("Homework and learning"), "education"),
    Term("education.absence", N_("Absence and drop-out"), "education"),
    Term("education.trips", N_("School trips and activities"), "education"),
    Term("education.communication", N_("Contact between school and parents"), "education"),
    Term("residence", N_("Residence and integration"), key="i"),
    Term("trauma", N_("Trauma and crisis"), key="t"),
])

# The chip letters follow the words on screen. ``key`` above fits the Dutch labels (A for administratie,
# S for school …); in English those letters mean nothing, so the English screen uses these.
ENGLISH_KEYS = {
    "admin": "m", "parenting": "p", "leisure": "l", "health": "h", "poverty": "c", "education": "e",
    "residence": "r", "trauma": "t",
}


def theme_key(code: str) -> str:
    """The one-letter shortcut of a top-level theme in the language on screen ("" when it has none)."""
    term = THEMES.get(code)
    if language() == "en":
        return ENGLISH_KEYS.get(term.code, term.key)
    return term.key
