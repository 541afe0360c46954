"""Line breaking in the PDF, read back with pypdf: hyphenation keeps every character of the
brief, CJK lines obey kinsoku shori, no widows, orphans or stranded headings.

Property tests run a few dozen examples in every CI run; ``HYPOTHESIS_PROFILE=thorough``
reaches 2,000 generated paragraphs per script.
"""

from __future__ import annotations

import io
import itertools
import os
import random
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as ReportlabParagraph

from exporter.model import Article, Metadata, Paragraph, Section
from exporter.theme import HeaderFooter, Theme, load_theme
from exporter.theme._loader import shipped_names
from exporter.writers.pdf import render_pdf
from tests.strategies import COMPOUNDS

THEMES = shipped_names()
THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"


def bare(name: str) -> Theme:
    """A shipped theme without running heads, so that extracted lines are the story's."""
    return replace(load_theme(name), header=HeaderFooter(), footer=HeaderFooter())


def pdf_lines(article: Article, theme: Theme) -> list[str]:
    reader = PdfReader(io.BytesIO(render_pdf(article, theme)))
    return [line for page in reader.pages for line in page.extract_text().splitlines()]


# -------------------------------------------------------------- the upstream reportlab bug


def _lines(paragraph: ReportlabParagraph, width: float) -> list[str]:
    paragraph.wrap(width, 1000)
    return ["".join(word.text for word in line.words) for line in paragraph.blPara.lines]


def test_upstream_reportlab_drops_the_hyphen_of_a_compound_rejoined_after_a_split() -> None:
    """Documents reportlab's bug (docs/reportlab-hyphenation-bug.md), not exporter: when this
    fails, reportlab is fixed, and writers/pdf/hyphenation.py may break compounds in every
    paragraph again."""
    style = ParagraphStyle(
        "b", fontName="Helvetica", fontSize=10, leading=12, hyphenationLang="en_GB", allowOrphans=1
    )
    paragraph = ReportlabParagraph("<b>Note:</b> the plan is a well-known risk", style)
    paragraph.wrap(64, 1000)
    top, rest = paragraph.split(64, 12)
    assert _lines(top, 64) == ["Note: the plan"]
    assert "wellknown" in _lines(rest, 64)  # the bug: the hyphen of "well-known" is gone


# -------------------------------------------------------------- hyphenation


FILLER = (
    "the government said on Tuesday that its plan would be reviewed by officials and "
    "ministers in several regions including 2,500,000 people extraordinarily"
)


def compound_paragraphs(seed: int, count: int) -> list[str]:
    """Paragraphs dense with compounds, numbers and a URL, some with a link (several runs)."""
    rng = random.Random(seed)
    filler = FILLER.split()
    paragraphs = []
    for index in range(count):
        words = [
            rng.choice(COMPOUNDS) if rng.random() < 0.3 else rng.choice(filler)
            for _ in range(rng.randint(15, 70))
        ]
        if index % 2:
            words.insert(rng.randint(0, len(words)), "www.example.org/report")
        paragraphs.append(" ".join(words) + ".")
    return paragraphs


@pytest.mark.parametrize("theme_name", THEMES)
def test_no_compound_loses_its_hyphen(theme_name: str) -> None:
    paragraphs = compound_paragraphs(3, 40)
    article = Article(
        title="Scan",
        sections=(Section(None, tuple(Paragraph(text) for text in paragraphs)),),
        metadata=Metadata(language="en-GB"),
    )
    text = " ".join(" ".join(pdf_lines(article, bare(theme_name))).split())
    joined = {compound.replace("-", "") for compound in COMPOUNDS}
    assert not [word for word in re.findall(r"\w+", text) if word in joined]


def test_a_compound_breaks_after_its_hyphen_and_keeps_it() -> None:
    """In the default (justified, hyphenated) theme compounds do break at their hyphen."""
    paragraphs = compound_paragraphs(5, 20)
    article = Article(
        title="Scan",
        sections=(Section(None, tuple(Paragraph(text) for text in paragraphs)),),
        metadata=Metadata(language="en-GB"),
    )
    lines = pdf_lines(article, bare("default"))
    broken = [
        f"{line.split()[-1]}{after.split()[0]}"
        for line, after in itertools.pairwise(lines)
        if line.endswith("-") and after.split()
    ]
    assert any(word.rstrip(".") in COMPOUNDS for word in broken)
