"""The figures file of the programme report on disk: UTF-8 JSON (schema: docs/programme-report.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from brugapp.domain.programme import FiguresError, FiguresFile, read_payload
from brugapp.i18n import _

MAX_BYTES = 2_000_000  # a figures file is a few kilobytes; anything this big is not one


def write_figures(payload: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    temporary.replace(path)  # never a half-written file under the real name
    return path


def load_figures(path: Path) -> FiguresFile:
    """Read and check one file; FiguresError (translated, naming the file) when it cannot be merged."""
    name = path.name
    try:
        if path.stat().st_size > MAX_BYTES:
            raise FiguresError(_("{file}: this is not a BrugApp figures file.").format(file=name))
        payload = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FiguresError(_("{file}: the file does not exist.").format(file=path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = _(" (line {line}, column {column})").format(line=exc.lineno, column=exc.colno) \
            if isinstance(exc, json.JSONDecodeError) else ""
        raise FiguresError(_("{file}: the file cannot be read as JSON{where}.").format(
            file=name, where=where)) from None
    return read_payload(name, payload)
