"""Every count a person reads goes through ngettext: "1 waarschuwing", never "1 waarschuwingen"."""

from __future__ import annotations

import ast
import re

from tests.paths import REPO_ROOT as REPO

# A number after a colon or with × is a label, not a noun that takes a plural ("Anonieme contacten: 3").
# A bare number in brackets or before an adjective has no plural either.
LABEL_FORM = re.compile(
    r":\s*\{\w+\}(?!\s*[a-z])|\{\w+\}×|\(\{\w+\}\)|\(\{\w+\} (open|logged)\)|\{\w+\} (overdue|today|in the list)")
COUNT_FIELD = re.compile(r"\{(count|total|n)\}")


def _single_form_counts() -> list[str]:
    found = []
    for path in sorted((REPO / "brugapp" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"):
                continue
            if not (node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                continue
            text = node.args[0].value
            if COUNT_FIELD.search(text) and not LABEL_FORM.search(text):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}: {text}")
    return found


def test_no_screen_text_counts_with_a_single_form():
    assert _single_form_counts() == []
