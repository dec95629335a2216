"""Dialogs to create or change a family and its members. Validation happens in the services."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QPlainTextEdit,
    QWidget,
)

from brugapp.domain.notebook import LANGUAGES, LITERACY, MEMBER_ROLES, PREFERRED_CHANNELS
from brugapp.domain.sharing import SHARING_LEVELS
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.families.families import (
    FamilyDetail,
    MemberInfo,
    MemberInput,
    add_member,
    create_family,
    update_family,
    update_member,
)
from brugapp.services.schools import list_schools
from brugapp.store import Store
from brugapp.ui.widgets.fields import combo, line
from brugapp.ui.widgets.form_dialog import FormDialog


class FamilyDialog(FormDialog):
    """New family, or the details of an existing one. There is no residence-status field, on purpose."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, family: FamilyDetail | None = None) -> None:
        super().__init__(_("Edit family") if family else _("New family"), parent)
        self.store = store
        self.family = family
        self.result_family: FamilyDetail | None = None
        f = family
        self.name = self.add("display_name", _("Family name"),
                             line(_("Family name"), f.display_name if f else "", _("For example: the Benali family")))
        self.language = self.add("preferred_language", _("Preferred language"), combo(
            _("Preferred language"), [(t.text(), t.code) for t in LANGUAGES], f.preferred_language if f else "nl"))
        self.interpreter = self.add("interpreter_needed", "", QCheckBox(_("Interpreter needed")))
        self.interpreter.setChecked(bool(f and f.interpreter_needed))
        self.letters = self.add("reads_letters", "", QCheckBox(_("Reads letters from school")))
        self.letters.setChecked(f.reads_letters if f else True)
        self.literacy = self.add("literacy", _("Literacy"), combo(
            _("Literacy"), [(t.text(), t.code) for t in LITERACY], f.literacy if f else ""))
        self.channel = self.add("preferred_channel", _("Best reached by"), combo(
            _("Best reached by"), [(_("Not known"), "")] + [(t.text(), t.code) for t in PREFERRED_CHANNELS],
            f.preferred_channel if f else ""))
        self.reference = self.add("reference_person", _("Reference person"),
                                  line(_("Reference person"), f.reference_person if f else ""))
        self.services = self.add("other_services", _("Other services involved"), QPlainTextEdit(
            "\n".join(f.other_services) if f else ""))
        self.services.setAccessibleName(_("Other services involved, one per line"))
        self.services.setPlaceholderText(_("One per line, e.g. CAW, OCMW, Kind en Gezin"))
        self.services.setFixedHeight(64)
        self.note = self.add("note", _("Note"), QPlainTextEdit(f.note if f else ""))
        self.note.setAccessibleName(_("Note about the family"))
        self.note.setFixedHeight(72)
        self.sharing = self.add("note_sharing", _("Sharing of the note"), combo(
            _("Sharing of the note"), [(t.text(), t.code) for t in SHARING_LEVELS], f.note_sharing if f else "private"))
        self.name.setFocus()

    def values(self) -> dict[str, object]:
        return dict(
            display_name=self.name.text(), preferred_language=self.language.currentData(),
            interpreter_needed=self.interpreter.isChecked(), reads_letters=self.letters.isChecked(),
            literacy=self.literacy.currentData(), preferred_channel=self.channel.currentData(),
            reference_person=self.reference.text(), other_services=self.services.toPlainText(),
            note=self.note.toPlainText(), note_sharing=self.sharing.currentData(),
        )

    def save(self) -> None:
        try:
            if self.family:
                self.result_family = update_family(self.store, family_id=self.family.id, **self.values())
            else:
                self.result_family = create_family(self.store, **self.values())  # type: ignore[arg-type]
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()


class MemberDialog(FormDialog):
    """A parent, guardian, child (with school, site, class and school year) or other member."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, family_id: str,
                 member: MemberInfo | None = None) -> None:
        super().__init__(_("Edit family member") if member else _("New family member"), parent)
        self.store = store
        self.family_id = family_id
        self.member = member
        m = member
        self.role = self.add("role", _("Role"), combo(_("Role"), [(t.text(), t.code) for t in MEMBER_ROLES],
                                                       m.role if m else "parent"))
        self.first = self.add("first_name", _("First name"), line(_("First name"), m.first_name if m else ""))
        self.last = self.add("last_name", _("Last name"), line(_("Last name"), m.last_name if m else ""))
        self.birth = self.add("birth_year", _("Year of birth"), line(
            _("Year of birth"), str(m.birth_year) if m and m.birth_year else "", _("optional, e.g. 2015")))
        self.phone = self.add("phone", _("Phone"), line(_("Phone"), m.phone if m else "", "0470 12 34 56"))
        self.email = self.add("email", _("E-mail"), line(_("E-mail"), m.email if m else "", "naam@example.be"))
        schools = [(_("No school"), "")] + [(s.label, s.id) for s in list_schools(store)]
        self.school = self.add("school", _("School and site"), combo(_("School and site"), schools,
                                                                       m.school_id if m else ""))
        self.class_name = self.add("class_name", _("Class"), line(_("Class"), m.class_name if m else "", "3B"))
        self.school_year = self.add("school_year", _("School year"), line(
            _("School year"), m.school_year if m else "", _("empty = this school year")))
        self.first.setFocus()

    def value(self) -> MemberInput:
        birth = self.birth.text().strip()
        if birth and not birth.isdigit():
            raise ValidationError(_("Year of birth: “{value}” is not a year.").format(value=birth), field="birth_year")
        return MemberInput(
            role=self.role.currentData(), first_name=self.first.text(), last_name=self.last.text(),
            birth_year=int(birth) if birth else None, phone=self.phone.text(), email=self.email.text(),
            school_id=self.school.currentData(), class_name=self.class_name.text(),
            school_year=self.school_year.text(),
        )

    def save(self) -> None:
        try:
            value = self.value()
            if self.member:
                update_member(self.store, member_id=self.member.id, member=value)
            else:
                add_member(self.store, family_id=self.family_id, member=value)
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()
