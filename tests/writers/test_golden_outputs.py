"""Golden files for the text outputs: what each sample brief becomes in Markdown, HTML, JSON and
the DOCX body (``word/document.xml``), stored in ``tests/golden/outputs/``.

A change to any writer shows up here as a reviewable diff of real output. To accept a deliberate
change, run ``UPDATE_GOLDEN=1 python3 dev.py test tests/writers/test_golden_outputs.py`` and
review ``git diff tests/golden/outputs``. XML is compared as canonical, indented XML, so the
files stay readable and attribute order cannot matter.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from exporter.reading import parse_bytes
from exporter.writers import choose_theme, get_writer

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(path for path in (ROOT / "sources").iterdir() if path.suffix in {".txt", ".md"})
GOLDEN = ROOT / "tests" / "golden" / "outputs"
# Format name → (golden file suffix, how to turn the output into comparable text).
FORMATS = {
    "markdown": ".md",
    "html": ".html",
    "json": ".json",
    "docx": ".document.xml",
}


def comparable(name: str, data: bytes) -> str:
    if name == "docx":
        data = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
        parser = etree.XMLParser(remove_blank_text=True)
        tree = etree.fromstring(etree.tostring(etree.fromstring(data, parser), method="c14n"))
        return etree.tostring(tree, pretty_print=True, encoding="unicode")
    return data.decode("utf-8")


@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("source", SOURCES, ids=[path.name for path in SOURCES])
def test_sample_brief_renders_to_its_golden_output(source: Path, name: str) -> None:
    article = parse_bytes(source.read_bytes(), f"sources/{source.name}")
    output = get_writer(name).render(article, choose_theme(article))
    actual = comparable(name, output)
    golden = GOLDEN / f"{source.name}{FORMATS[name]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_every_golden_output_belongs_to_a_sample_brief() -> None:
    expected = {f"{source.name}{suffix}" for source in SOURCES for suffix in FORMATS.values()}
    assert {path.name for path in GOLDEN.iterdir()} == expected
