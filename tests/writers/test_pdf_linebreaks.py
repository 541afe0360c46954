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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as ReportlabParagraph

from exporter.model import Article, Metadata, Paragraph, Section
from exporter.theme import HeaderFooter, Theme, load_theme
from exporter.theme._loader import shipped_names
from exporter.writers.pdf import render_pdf
from exporter.writers.pdf.kinsoku import (
    LOOSE,
    NO_LINE_END,
    NO_LINE_START,
    KinsokuParagraph,
    line_ends,
    may_break,
)
from exporter.writers.pdf.story import text as story_text
from exporter.writers.pdf.styles import build_styles
from exporter.writers.pdf.tagging.structure import Element
from tests.strategies import CJK_TEXT, COMPOUNDS, cjk_prose, prose
from tests.writers.test_scripts import pdf_text

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


# -------------------------------------------------------------- properties over generated text

#: Examples per script: a few dozen in every CI run, 2,000 paragraphs' worth when thorough.
EXAMPLES = 2_000 if THOROUGH else 12
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: A word exporter may hyphenate, once reportlab has set aside punctuation around it.
_HYPHENATABLE = re.compile(r"[^\w]*[^\W\d_]+[^\w]*")


def article_of(paragraphs: list[str], language: str) -> Article:
    return Article(
        title="Scan",
        sections=(Section(None, tuple(Paragraph(text) for text in paragraphs)),),
        metadata=Metadata(language=language),
    )


def printed_words(lines: list[str], expected: list[str]) -> list[str]:
    """The words of ``lines`` with line ends joined where the PDF broke a word: as they stand
    where the break kept every character (after a hyphen, inside a URL or a long word), and
    without the hyphen where exporter hyphenated a word of letters. Anything else (a hyphen
    lost, added or moved) leaves a word that differs from ``expected``."""
    tokens = [
        (word, index == len(line.split()) - 1)
        for line in lines
        for index, word in enumerate(line.split())
    ]
    found: list[str] = []
    position = 0
    while position < len(tokens):
        word, at_line_end = tokens[position]
        target = expected[len(found)] if len(found) < len(expected) else ""
        while word != target and at_line_end and position + 1 < len(tokens):
            following, at_line_end = tokens[position + 1]
            if target.startswith(word + following):
                word += following
            elif (
                word.endswith("-")
                and _HYPHENATABLE.fullmatch(target)
                and target.startswith(word[:-1] + following)
            ):
                word = word[:-1] + following
            else:
                break
            position += 1
        found.append(word)
        position += 1
    return found


@pytest.mark.parametrize("language", ["en-GB", "ru", "el"])
@PROPERTY
@given(data=st.data())
def test_the_pdf_prints_the_briefs_words_exactly(language: str, data: st.DataObject) -> None:
    paragraphs = data.draw(st.lists(prose(language), min_size=1, max_size=3))
    theme = data.draw(st.sampled_from(THEMES))
    lines = pdf_lines(article_of(paragraphs, language), bare(theme))
    expected = [word for text in paragraphs for word in text.split()]
    assert lines[0] == "Scan"
    assert printed_words(lines[1:], expected) == expected


@pytest.mark.parametrize("language", ["he", "ar"])
@PROPERTY
@given(data=st.data())
def test_right_to_left_text_keeps_every_word(language: str, data: st.DataObject) -> None:
    paragraphs = data.draw(st.lists(prose(language), min_size=1, max_size=3))
    theme = data.draw(st.sampled_from(THEMES))
    straight, from_right = pdf_text(render_pdf(article_of(paragraphs, language), bare(theme)))
    squeezed = (straight + from_right).replace(" ", "").replace("\n", "")
    # runs of letters and digits: the bidirectional algorithm may reorder "1990–2000"
    letters = (run for text in paragraphs for run in re.findall(r"[^\W_]+", text))
    missing = [
        word
        for word in filter(None, letters)
        if word not in straight and word not in from_right and word not in squeezed
    ]
    assert missing == []


def assert_kinsoku(lines: list[str]) -> None:
    for line, following in itertools.pairwise(lines):
        assert following[:1] not in NO_LINE_START, (line, following)
        assert line.rstrip()[-1:] not in NO_LINE_END, (line, following)


@pytest.mark.needs("cjk-fonts")
@pytest.mark.parametrize("language", ["zh", "ja", "ko"])
@PROPERTY
@given(data=st.data())
def test_east_asian_lines_follow_kinsoku_and_keep_every_character(
    language: str, data: st.DataObject
) -> None:
    paragraphs = data.draw(st.lists(cjk_prose(language), min_size=1, max_size=3))
    theme = data.draw(st.sampled_from(THEMES))
    # Each text its own document, as a key point, a heading and a paragraph: the checks
    # look at breaks inside each of them (the texts neither start nor end with punctuation).
    for text in paragraphs:
        article = Article(
            title="Scan",
            key_points=(text,),
            sections=(Section(text, (Paragraph(text),)),),
            metadata=Metadata(language=language),
        )
        lines = pdf_lines(article, bare(theme))
        assert "".join(lines).replace(" ", "").count(text.replace(" ", "")) == 3
        assert_kinsoku(lines)


@given(text=st.one_of(cjk_prose("zh"), cjk_prose("ja"), cjk_prose("ko")), width=st.integers(2, 40))
def test_lines_break_only_where_kinsoku_allows_unless_nothing_else_fits(
    text: str, width: int
) -> None:
    ends = line_ends(text, [1.0] * len(text), [float(width)], 2.0)
    assert ends[-1] == len(text) and ends == sorted(set(ends))
    starts = [0, *ends[:-1]]
    for start, end in zip(starts, ends, strict=True):
        line = text[start:end].rstrip(" ")
        unbreakable = not any(may_break(line[i - 1], line[i]) for i in range(1, len(line)))
        assert len(line) <= width or unbreakable  # too wide only when nothing could break it
        if end < len(text):  # a break kinsoku forbids only in a line with no other way
            assert may_break(text[end - 1], text[end]) or not any(
                may_break(text[index - 1], text[index]) for index in range(start + 1, end)
            )


# -------------------------------------------------------------- pages: widows, orphans, headings

_FILL_WORDS = ["word", "another", "thing", "plan", "government"]


def numbered_article(lengths: list[list[int]], seed: int) -> Article:
    """Sections of paragraphs whose every word carries its paragraph's number ("plan7"), so
    each extracted line tells which paragraph it belongs to; headings carry "h3x"."""
    rng = random.Random(seed)
    sections = []
    number = 0
    for index, paragraph_lengths in enumerate(lengths):
        paragraphs = []
        for length in paragraph_lengths:
            number += 1
            text = " ".join(f"{rng.choice(_FILL_WORDS)}{number}" for _ in range(length))
            paragraphs.append(Paragraph(text))
        sections.append(Section(f"Heading h{index}x", tuple(paragraphs)))
    return Article(title="Pages", sections=tuple(sections), metadata=Metadata(language="en"))


def page_lines(article: Article, theme: Theme) -> list[list[str]]:
    reader = PdfReader(io.BytesIO(render_pdf(article, theme)))
    return [page.extract_text().splitlines() for page in reader.pages]


def _paragraph_of(line: str) -> set[str]:
    """The numbers of the paragraphs whose words (``word6``) ``line`` holds; a heading's own
    word (``h6x``) is none of them."""
    return set(re.findall(r"\b[a-z]+(\d+)\b", line))


@PROPERTY
@given(
    lengths=st.lists(
        st.lists(st.integers(3, 260), min_size=1, max_size=5), min_size=1, max_size=10
    ),
    seed=st.integers(0, 1000),
    theme=st.sampled_from(THEMES),
)
def test_no_widow_no_orphan_and_no_heading_at_the_foot_of_a_page(
    lengths: list[list[int]], seed: int, theme: str
) -> None:
    pages = page_lines(numbered_article(lengths, seed), bare(theme))
    for page, following in itertools.pairwise(pages):
        assert not re.search(r"h\d+x", page[-1]), f"heading at the foot of a page: {page[-1]}"
        for paragraph in _paragraph_of(page[-1]) & _paragraph_of(following[0]):
            bottom = sum(paragraph in _paragraph_of(line) for line in page)
            top = sum(paragraph in _paragraph_of(line) for line in following)
            assert bottom > 1, f"orphan: one line of paragraph {paragraph} ends a page"
            assert top > 1, f"widow: one line of paragraph {paragraph} starts a page"


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("title_words", range(124, 180, 8))
def test_the_key_points_label_never_ends_a_page(theme: str, title_words: int) -> None:
    """A key-points box taller than a page, pushed down by titles of every length: its label
    always shares a page with the first point."""
    article = Article(
        title=" ".join(["Title"] * title_words),
        key_points=tuple(f"Point number {index} of a long list" for index in range(45)),
        metadata=Metadata(language="en"),
    )
    for page in page_lines(article, bare(theme)):
        assert page[-1] != "Key points", page[-3:]


@pytest.mark.needs("cjk-fonts")
@PROPERTY
@given(
    words=st.lists(st.sampled_from(CJK_TEXT["ko"]), min_size=1, max_size=120),
    theme=st.sampled_from(THEMES),
)
def test_korean_lines_are_never_loosely_spaced(words: list[str], theme: str) -> None:
    """Korean breaks at spaces, but between syllables before a line falls two ems short
    (reportlab alone, breaking only at spaces, left 407 of 859 lines shorter than that)."""
    shipped = load_theme(theme)
    styles = build_styles(shipped, "ko")
    paragraph = story_text(" ".join(words), styles.body, shipped, Element("P"))
    assert isinstance(paragraph, KinsokuParagraph)
    page = shipped.page
    paragraph.wrap(page.width - page.margin_left - page.margin_right, 100_000)
    size = styles.body.paragraph.fontSize
    for line in paragraph.blPara.lines[:-1]:
        assert line.extraSpace <= LOOSE * size
