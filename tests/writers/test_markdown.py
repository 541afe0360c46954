"""The Markdown writer: exporter reads its output back as the same article, and every
Markdown renderer (CommonMark, via markdown-it-py) shows the text literally."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from exporter.model import Article, Block, ListBlock, Paragraph, Section, block_texts
from exporter.reading import parse_bytes, parse_file
from exporter.theme import Theme
from exporter.writers.markdown import escape_markdown, render_markdown
from tests.strategies import LABEL_WORDS

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = sorted((ROOT / "sources").glob("*.*"))

# Markdown-significant ASCII punctuation, letters of several scripts, digits. Characters that
# exporter itself reads as list markers (•, –) are left out: nothing in Markdown escapes them.
_ALPHABET = "abcXYZéßЖж中ب0129" + "\\`*_[]<>#&!~|+-=.():;'\"/{}%?^$@"
_word = st.text(st.sampled_from(_ALPHABET), min_size=1, max_size=8)
text = st.lists(_word, min_size=1, max_size=6).map(" ".join)
sentence = text.map(lambda words: words + ".")


def _structure(article: Article) -> Article:
    return Article(article.title, article.subtitle, article.key_points, article.sections)


def _not_a_label(value: str) -> bool:
    words = re.findall(r"[^\W_]+", value.lower())
    return not words or not set(words) <= LABEL_WORDS


@st.composite
def blocks(draw: st.DrawFn, *, lead: bool) -> tuple[Block, ...]:
    """Blocks as a brief can hold them: two lists of one kind in a row would be one list, and
    a lead that opens with a list would be the key points."""
    drawn: list[Block] = []
    for _ in range(draw(st.integers(1 if lead else 0, 4))):
        if draw(st.booleans()) or (lead and not drawn):
            drawn.append(Paragraph(draw(sentence)))
            continue
        ordered = draw(st.booleans())
        previous = drawn[-1] if drawn else None
        if isinstance(previous, ListBlock) and previous.ordered == ordered:
            drawn.append(Paragraph(draw(sentence)))
        drawn.append(ListBlock(tuple(draw(st.lists(sentence, min_size=1, max_size=3))), ordered))
    return tuple(drawn)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    title = draw(text)
    sections = []
    if draw(st.booleans()):
        sections.append(Section(None, draw(blocks(lead=True))))
    for _ in range(draw(st.integers(0, 3))):
        sections.append(Section(draw(text.filter(_not_a_label)), draw(blocks(lead=False))))
    article = Article(
        title,
        draw(st.none() | text),
        tuple(draw(st.lists(text, max_size=4))),
        tuple(sections),
    )
    # The title repeated as the first line of the body is read as the title itself.
    assume(
        all(
            title
            not in (section.heading and section.heading.text, *map(_block_text, section.blocks))
            for section in sections
        )
    )
    assume(all(_not_a_label(_block_text(block)) for block in article.blocks()))
    return article


def _block_text(block: Block) -> str:
    return " ".join(piece.text for piece in block_texts(block))


@settings(max_examples=60)
@given(articles())
def test_exporter_reads_its_markdown_back_as_the_same_article(article: Article) -> None:
    markdown = render_markdown(article, Theme())
    assert _structure(parse_bytes(markdown, "a.md")) == article


@settings(max_examples=60)
@given(text)
def test_commonmark_shows_escaped_text_literally(value: str) -> None:
    rendered = MarkdownIt("commonmark").render(escape_markdown(value))
    shown = lxml_html.fromstring(f"<div>{rendered}</div>").text_content().strip()
    assert shown == value
    (paragraph,) = lxml_html.fromstring(f"<div>{rendered}</div>")
    assert paragraph.tag == "p" and len(paragraph) == 0  # no emphasis, code, link or HTML


def test_plain_text_is_not_escaped() -> None:
    plain = "The Fed held rates at 4.25–4.50% (its 2nd pause); see https://x.org/a_b_c."
    assert escape_markdown(plain) == plain


@pytest.mark.parametrize("brief", BRIEFS, ids=lambda path: path.name)
def test_every_sample_round_trips_with_its_metadata(brief: Path) -> None:
    article = parse_file(brief)
    again = parse_bytes(render_markdown(article, Theme()), "again.md")
    assert _structure(again) == _structure(article)
    assert again.metadata == article.metadata
