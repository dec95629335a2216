"""The four tabs of a meeting (preparation, details, agenda, minutes): how they are built and laid out.

Kept apart from ``editor.py``, which holds what the tabs do (loading, saving, printing).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain import meetings as rules
from brugapp.i18n import _
from brugapp.ui.meetings.widgets import (
    RowsModel,
    table_view,
)
from brugapp.ui.widgets.empty_state import EmptyState
from brugapp.ui.widgets.fields import date_format, datetime_format, vocabulary_combo
from brugapp.ui.widgets.glossary import explain
from brugapp.ui.widgets.table_view import wrap_columns
from brugapp.ui.widgets.wrapping_list import wrapping_list


def what_wraps(view: QTableView) -> None:
    """An action point table: "what" takes the room left and wraps; who, dates and status are never cut.

    (Sizing "what" to its longest text pushed the last column, "from the meeting of", out of sight.)
    """
    wrap_columns(view, (0,))


class EditorTabs:
    """Mixed into ``MeetingEditor``: builds its tab widgets as attributes of the editor."""

    def _preparation_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        title = QLabel(_("Participants and roles"))
        title.setObjectName("CardTitle")
        layout.addWidget(title)
        self.participants_model = RowsModel([_("Name"), _("Role"), _("Organisation"), _("Attendance"),
                                             _("Invited by")], self)
        self.participants_view = table_view(self.participants_model, _("Participants"))
        layout.addWidget(self.participants_view, 1)
        star = QLabel(_("★ regiehouder: keeps the thread of this case together"))
        star.setObjectName("Hint")
        explain(star, "regiehouder")
        layout.addWidget(star)
        buttons = QHBoxLayout()
        add = QPushButton(_("Add participant"))
        add.clicked.connect(lambda: self.add_participant())
        buttons.addWidget(add)
        for code in ("present", "excused"):
            button = QPushButton(rules.ATTENDANCE.label(code))
            button.clicked.connect(lambda _c=False, a=code: self.set_attendance(a))
            buttons.addWidget(button)
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(self.remove_participant)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return tab

    def _details_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.starts = QDateTimeEdit()
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat(datetime_format())
        self.starts.setAccessibleName(_("Date and time"))
        self.place = vocabulary_combo(rules.PLACES, _("Place"))
        self.place_detail = QLineEdit()
        self.place_detail.setAccessibleName(_("Address or room"))
        self.place_detail.setPlaceholderText(_("Address or room"))
        self.regie = QLineEdit()
        self.regie.setAccessibleName(_("Coordinator (regiehouder)"))
        explain(self.regie, "regiehouder")
        self.interpreter_needed = QCheckBox(_("Interpreter needed"))
        self.interpreter_arranged = QCheckBox(_("Interpreter arranged"))
        self.interpreter_language = QLineEdit()
        self.interpreter_language.setAccessibleName(_("Language of the interpreter"))
        self.interpreter_language.setPlaceholderText(_("Language of the interpreter"))
        self.interpreter_language.setMinimumWidth(110)
        self.youth_present = vocabulary_combo(rules.PRESENCE, _("Youth present"))
        self.parents_present = vocabulary_combo(rules.PRESENCE, _("Parents present"))
        self.has_next = QCheckBox(_("Proposed next date"))
        self.next_date = QDateEdit()
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat(date_format())
        self.next_date.setAccessibleName(_("Proposed next date"))
        self.status = vocabulary_combo(rules.MEETING_STATUSES, _("Status"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)

        def pair(*widgets: QWidget) -> QWidget:
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            for widget in widgets:
                row.addWidget(widget, 1 if isinstance(widget, QLineEdit | QComboBox) else 0)
            return box

        cells = [
            (_("Date and time"), self.starts), (_("Place"), self.place),
            (_("Coordinator (regiehouder)"), self.regie), (_("Status"), self.status),
            (_("Youth present"), self.youth_present), (_("Parents present"), self.parents_present),
        ]
        for index, (label, widget) in enumerate(cells):
            grid.addWidget(QLabel(label), index // 2, (index % 2) * 2)
            grid.addWidget(widget, index // 2, (index % 2) * 2 + 1)
        grid.addWidget(QLabel(_("Interpreter")), 3, 0)
        grid.addWidget(pair(self.interpreter_needed, self.interpreter_arranged, self.interpreter_language), 3, 1, 1, 3)
        grid.addWidget(QLabel(_("Address or room")), 4, 0)
        grid.addWidget(self.place_detail, 4, 1, 1, 3)
        grid.addWidget(QLabel(_("Next date")), 5, 0)  # a row of its own: the check box text is never cut
        grid.addWidget(pair(self.has_next, self.next_date), 5, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setVerticalSpacing(10)
        layout.addLayout(grid)
        actions = QHBoxLayout()
        save = QPushButton(_("Save details"))
        save.setObjectName("Primary")
        save.clicked.connect(self.save_details)
        self.plan_next = QPushButton(_("Plan the next meeting"))
        self.plan_next.clicked.connect(self.plan_next_meeting)
        actions.addWidget(save)
        actions.addWidget(self.plan_next)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addStretch(1)
        return tab

    def _agenda_tab(self) -> QWidget:
        """The agenda, its buttons beside it, above the open action points of earlier meetings: at 1280×720 the
        buttons below the list and a table of fixed height left room for three and a half items."""
        tab = QWidget()
        layout = QVBoxLayout(tab)
        left = QVBoxLayout()
        hint = QLabel(_("Drag items to reorder, or use Ctrl+Up and Ctrl+Down."))
        hint.setObjectName("Hint")
        left.addWidget(hint)
        self.agenda = QListWidget()
        self.agenda.setAccessibleName(_("Agenda items"))
        self.agenda.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.agenda.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.agenda.model().rowsMoved.connect(self._dropped)
        self.agenda.currentRowChanged.connect(self._agenda_selected)
        self.agenda.installEventFilter(self)
        agenda_row = QHBoxLayout()
        agenda_row.addWidget(self.agenda, 1)
        buttons = QVBoxLayout()  # beside the list, not below it: the list keeps that line
        for text, offset in ((_("Move up"), -1), (_("Move down"), 1)):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, o=offset: self.move_current(o))
            buttons.addWidget(button)
        remove = QPushButton(_("Remove item"))
        remove.clicked.connect(self.remove_item)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        agenda_row.addLayout(buttons)
        left.addLayout(agenda_row, 1)
        self.school_ok = QCheckBox(_("Also on the school version (need to know)"))
        self.school_ok.toggled.connect(self._school_ok_toggled)
        left.addWidget(self.school_ok)  # a line of its own: its long text is never cut by the buttons
        add_row = QHBoxLayout()
        self.new_item = QLineEdit()
        self.new_item.setPlaceholderText(_("New agenda item"))
        self.new_item.setAccessibleName(_("New agenda item"))
        self.new_item.returnPressed.connect(self.add_item)
        add = QPushButton(_("Add"))
        add.clicked.connect(self.add_item)
        self.add_collaboration = QPushButton(_("+ How is our collaboration going?"))
        self.add_collaboration.clicked.connect(lambda: self.add_item(code=rules.COLLABORATION))
        add_row.addWidget(self.new_item, 1)
        add_row.addWidget(add)
        add_row.addWidget(self.add_collaboration)
        left.addLayout(add_row)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        title_row = QHBoxLayout()  # its button at the right of the title, not on a line below the table
        previous_title = QLabel(_("Follow-up of previous action points"))
        previous_title.setObjectName("CardTitle")
        title_row.addWidget(previous_title, 1)
        self.previous_model = RowsModel([_("What"), _("Who"), _("By when"), _("From the meeting of")], self)
        self.previous_view = table_view(self.previous_model, _("Open action points of earlier meetings"))
        what_wraps(self.previous_view)
        self.previous_done = QPushButton(_("Mark as done"))
        self.previous_done.clicked.connect(lambda: self.close_action(self.previous_view))
        title_row.addWidget(self.previous_done)
        right.addLayout(title_row)
        right.addWidget(self.previous_view, 1)
        # no open points of earlier meetings: a line says so, and the agenda above gets the room
        self.no_previous = QLabel(_("No open action points from earlier meetings of this case."))
        self.no_previous.setObjectName("Hint")
        self.no_previous.setWordWrap(True)
        right.addWidget(self.no_previous)
        layout.addLayout(right, 2)
        self.agenda_tab_layout, self.previous_part = layout, right
        return tab

    def _minutes_tab(self) -> QWidget:
        tab = QWidget()
        layout = QGridLayout(tab)
        self.minute_items = wrapping_list(_("Agenda items"))
        self.minute_items.currentRowChanged.connect(self._minute_item_selected)
        layout.addWidget(self.minute_items, 0, 0, 3, 1)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(_("Notes: what was said"))
        self.notes.setAccessibleName(_("Notes"))
        self.decisions = QPlainTextEdit()
        self.decisions.setPlaceholderText(_("Decisions"))
        self.decisions.setAccessibleName(_("Decisions"))
        save = QPushButton(_("Save notes"))
        save.setObjectName("Primary")
        save.clicked.connect(self.save_item_minutes)
        layout.addWidget(self.notes, 0, 1)
        layout.addWidget(self.decisions, 1, 1)
        layout.addWidget(save, 2, 1, Qt.AlignmentFlag.AlignRight)
        layout.setRowStretch(0, 2)  # what was said needs the most room, the decisions less
        layout.setRowStretch(1, 1)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)
        return tab

    def _actions_tab(self) -> QWidget:
        """This meeting's action points on a tab of their own: below the minutes' notes they had room for one row
        at 1280×720."""
        tab = QWidget()
        layout = QVBoxLayout(tab)
        hint = QLabel(_("Action points: who, what, by when"))
        hint.setObjectName("Hint")
        layout.addWidget(hint)
        self.actions_model = RowsModel([_("What"), _("Who"), _("By when"), _("Status")], self)
        self.actions_view = table_view(self.actions_model, _("Action points of this meeting"))
        what_wraps(self.actions_view)
        self.no_actions = EmptyState(
            icon_name="followup", title=_("No action points yet"),
            text=_("Agree who does what by when: type it below and press Enter. What is still open comes back on the "
                   "agenda of the next meeting about this case."))
        self.actions_stack = QStackedWidget()
        self.actions_stack.addWidget(self.actions_view)
        self.actions_stack.addWidget(self.no_actions)
        layout.addWidget(self.actions_stack, 1)
        self.action_what = QLineEdit()
        self.action_what.setPlaceholderText(_("What has to be done?"))
        self.action_what.setAccessibleName(_("What"))
        self.action_owner = QComboBox()
        self.action_owner.setEditable(True)
        self.action_owner.setAccessibleName(_("Who"))
        self.action_owner.setMinimumWidth(170)
        self.action_owner.lineEdit().setPlaceholderText(_("Who?"))
        self.action_due = QDateEdit(QDate.currentDate().addDays(14))
        self.action_due.setCalendarPopup(True)
        self.action_due.setDisplayFormat(date_format())
        self.action_due.setAccessibleName(_("By when"))
        add = QPushButton(_("Add action point"))
        add.clicked.connect(self.add_action)
        # Enter in "what" or "who" adds the action point, as Enter adds an agenda item (no Tab to the button)
        self.action_what.returnPressed.connect(self.add_action)
        self.action_owner.lineEdit().returnPressed.connect(self.add_action)
        self.actions_done = QPushButton(_("Mark as done"))
        self.actions_done.clicked.connect(lambda: self.close_action(self.actions_view))
        # what has to be done gets a line of its own: beside who, by when and the buttons it kept a few letters of
        # its hint at 1280×720 ("Wat mo…")
        layout.addWidget(self.action_what)
        add_row = QHBoxLayout()
        add_row.addWidget(self.action_owner)
        add_row.addWidget(self.action_due)
        add_row.addWidget(add)
        add_row.addStretch(1)
        add_row.addWidget(self.actions_done)
        layout.addLayout(add_row)
        return tab

    # -- loading ----------------------------------------------------------------------------
