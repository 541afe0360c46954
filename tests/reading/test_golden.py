"""Golden tests: every brief in sources/ parses to the model stored beside it in tests/golden/.

To accept a deliberate change, run ``UPDATE_GOLDEN=1 python3 dev.py test`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from exporter.reading import parse_bytes

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(path for path in (ROOT / "sources").iterdir() if path.suffix in {".txt", ".md"})
GOLDEN = ROOT / "tests" / "golden"


def test_every_source_has_a_golden_model_and_vice_versa() -> None:
    golden = {path.name.removesuffix(".model.json") for path in GOLDEN.glob("*.model.json")}
    assert golden == {path.name for path in SOURCES}


@pytest.mark.parametrize("source", SOURCES, ids=[path.name for path in SOURCES])
def test_source_parses_to_its_golden_model(source: Path) -> None:
    article = parse_bytes(source.read_bytes(), f"sources/{source.name}")
    expected_path = GOLDEN / f"{source.name}.model.json"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(article.to_json() + "\n", encoding="utf-8")
    assert article.to_dict() == json.loads(expected_path.read_text(encoding="utf-8"))


def test_reference_brief_reads_as_the_issue_describes() -> None:
    reference = ROOT / "sources" / "000_9308d7e73d83f95c.txt"
    article = parse_bytes(reference.read_bytes(), "reference.txt")
    assert article.title == "North Korea’s Unconditional Support for Russia in Ukraine"
    assert len(article.key_points) == 5
    assert article.key_points[0].text.startswith("North Korea pledges full")
    assert article.headings == (
        "Strengthening Ties Through Diplomacy and Tourism",
        "Joint Efforts Against External Regional Threats",
    )
    assert [len(section.blocks) for section in article.sections] == [1, 1, 2]
    assert article.metadata.language == "en"
    # The only warning says the language was detected (the brief has no front matter).
    assert [warning.message.split(":")[0] for warning in article.warnings] == ["no language given"]
    # Nothing lost: every line of the brief is, verbatim, one piece of the model.
    pieces = set(article.plain_texts())
    for line in reference.read_text(encoding="utf-8").splitlines():
        assert line.removeprefix("- ") in pieces
