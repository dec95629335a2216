"""The documentation stays true: its images exist, the commands it shows are real, the tools it names run."""

from __future__ import annotations

import argparse
import re
import shlex
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from brugapp.cli import build_parser
from tests.paths import REPO_ROOT

ROOT = REPO_ROOT
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
GUIDE = ROOT / "docs" / "gebruikersgids.md"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def sub_commands() -> set[str]:
    parser = build_parser()
    names: set[str] = set()
    for action in parser._actions:  # argparse offers no public accessor for sub-parsers
        if isinstance(action, argparse._SubParsersAction):
            names |= set(action.choices)
    return names


def guide_commands() -> list[str]:
    """Every `brugapp …` line inside a code block of the guide (env assignments before it allowed)."""
    lines = []
    for block in FENCE.findall(GUIDE.read_text(encoding="utf-8")):
        for line in block.splitlines():
            line = line.split(" #", 1)[0].strip()
            if not line or line.startswith("#"):
                continue
            words = shlex.split(line)
            while words and re.match(r"^[A-Z_]+=", words[0]):
                words.pop(0)
            if words and words[0] == "brugapp":
                lines.append(line)
    return lines


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_referenced_image_exists(doc: Path) -> None:
    # GIVEN a documentation page
    text = doc.read_text(encoding="utf-8")
    # WHEN we collect its local image references
    missing = [ref for ref in IMAGE.findall(text)
               if "://" not in ref and not (doc.parent / ref.split("#", 1)[0]).is_file()]
    # THEN each of them is a file in the repository
    assert not missing, f"{doc.name} refers to missing images: {missing}"


def test_guide_shows_commands() -> None:
    assert len(guide_commands()) >= 5


def test_every_guide_command_uses_a_real_sub_command() -> None:
    # GIVEN the sub-commands the real parser knows
    known = sub_commands()
    # WHEN we read the first word after `brugapp` in each command line of the guide
    unknown = []
    for line in guide_commands():
        words = shlex.split(line)
        after = words[words.index("brugapp") + 1:]
        first = after[0] if after else ""
        if first.startswith("-"):  # a global option such as --version or --demo
            continue
        if first not in known:
            unknown.append(line)
    # THEN each one exists
    assert not unknown, f"unknown sub-commands in {GUIDE.name}: {unknown}"


def test_the_screenshot_tool_the_readme_names_renders_every_screen(tmp_path: Path) -> None:
    # The README sends a reader to `python tools/screenshots.py`; it broke once unnoticed (an import it relied on
    # moved): run it as the reader would, in its own process, and read back what it wrote.
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "screenshots.py"), str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    # width and height from each PNG's header (IHDR), read without Qt
    shots = {path.name: struct.unpack(">II", path.read_bytes()[16:24]) for path in tmp_path.glob("*.png")}
    documented = {Path(name).name for doc in DOCS for name in IMAGE.findall(doc.read_text(encoding="utf-8"))
                  if "screenshots/" in name}
    assert documented <= set(shots), f"the docs show screens the tool does not render: {documented - set(shots)}"
    assert shots["vandaag.png"] == (1366, 768)


def test_the_document_renderer_prints_every_document_of_the_demo(tmp_path: Path) -> None:
    # tools/render_documents.py prints through the services as the app does; it broke once unnoticed when those
    # moved. Run it as a reader would (on a machine without pdftoppm it writes the PDFs only) and read them back.
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "render_documents.py"), str(tmp_path), "--dpi", "20"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    texts = {pdf.stem: "".join(page.extract_text() for page in PdfReader(pdf).pages) for pdf in tmp_path.glob("*.pdf")}
    kinds = {name.split("-")[0].rstrip("0123456789") for name in texts}
    assert {"meeting", "referral", "event", "report", "wegwijzer"} <= kinds
    assert "Agenda" in texts["meeting01-agenda-internal"] and "Doorverwijsfiche" in texts["referral01"]
    # A print the family's consent does not cover is listed as refused, and no file is left for it
    refused = [line.split(":")[0] for line in done.stdout.splitlines() if ": refused" in line]
    assert refused and not any(name in texts for name in refused)
