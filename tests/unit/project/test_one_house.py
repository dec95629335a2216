"""Shared code has one home (issue 10): one table model, one error line, one recipient picker; imports at the top
unless start-up time asks otherwise, and then the line says so."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[3] / "brugapp" / "ui"
# Start-up order of the app and the main window is being reworked elsewhere (the performance work); their lazy
# imports are start-up imports, still to be labelled there.
START_UP_FILES: set[str] = set()
# The audit trail's line is a verdict ("the chain is intact / broken"), not the error line of a form.
OWN_ERROR_LINE_LEFT = {"shell/audit_dialog.py"}


def _sources() -> dict[str, str]:
    return {path.relative_to(UI).as_posix(): path.read_text(encoding="utf-8") for path in UI.rglob("*.py")}


def test_an_import_inside_a_function_says_it_is_there_for_start_up_time():
    unlabelled = []
    for name, text in _sources().items():
        if name in START_UP_FILES:
            continue
        lines = text.splitlines()
        for function in ast.walk(ast.parse(text)):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    near = " ".join(lines[max(0, node.lineno - 3):node.lineno]).lower()
                    if "start-up" not in near:
                        unlabelled.append(f"ui/{name}:{node.lineno}")
    assert unlabelled == []


def test_one_table_model_and_one_error_line():
    own_models, own_error_lines = [], []
    for name, text in _sources().items():
        if name != "widgets/table_model.py" and re.search(
                r"class \w+\((QAbstractTableModel|QAbstractItemModel)\b", text):
            own_models.append(name)
        if name != "widgets/form_dialog.py" and name not in OWN_ERROR_LINE_LEFT \
                and 'setObjectName("Error")' in text:
            own_error_lines.append(name)
    assert own_models == []
    assert own_error_lines == []


def test_recipients_are_picked_with_the_one_picker():
    # The self-test only chooses which recipient's list to draw; it shows no choice to a person.
    allowed = {"widgets/recipient_picker.py", "shell/selftest_overviews.py"}
    direct = [name for name, text in _sources().items() if "recipient_choices(" in text and name not in allowed]
    assert direct == []


def test_choices_are_built_with_the_one_combo_builder():
    builders = [name for name, text in _sources().items()
                if re.search(r"^def \w*combo\(", text, re.M) and name != "widgets/fields.py"]
    assert builders == []
