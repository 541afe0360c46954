"""The Markdown writer: exporter reads its output back as the same article, and every
Markdown renderer (CommonMark, via markdown-it-py) shows the text literally."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from exporter.model import (
    Article,
    Block,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Section,
    Span,
    block_texts,
    marked,
)
from exporter.reading import parse_bytes, parse_file
from exporter.theme import Theme
from exporter.writers.markdown import escape_markdown, render_markdown
from tests.strategies import LABEL_WORDS, marked_inlines
from tests.writers.marked import marked_article

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = sorted((ROOT / "sources").glob("*.*"))

# Markdown-significant ASCII punctuation, letters of several scripts, digits. Characters that
# exporter itself reads as list markers (•, –) are left out: nothing in Markdown escapes them.
_ALPHABET = "abcXYZéßЖж中ب0129" + "\\`*_[]<>#&!~|+-=.():;'\"/{}%?^$@"
_word = st.text(st.sampled_from(_ALPHABET), min_size=1, max_size=8)
text = st.lists(_word, min_size=1, max_size=6).map(" ".join)
sentence = text.map(lambda words: words + ".")
marked_text = marked_inlines(_word)
# A paragraph ends as a sentence does: a short line without a full stop may be a heading.
marked_sentence = marked_text.map(lambda inline: marked((*inline.runs(), Span("."))))


def _structure(article: Article) -> Article:
    return Article(article.title, article.subtitle, article.key_points, article.sections)


def _not_a_label(value: str) -> bool:
    words = re.findall(r"[^\W_]+", value.lower())
    return not words or not set(words) <= LABEL_WORDS


@st.composite
def list_blocks(draw: st.DrawFn, *, nested: bool = True) -> ListBlock:
    """A list of marked items, an item maybe with a list nested under it (one level)."""
    items = []
    for _ in range(draw(st.integers(1, 3))):
        item = draw(marked_sentence)
        sublist = draw(st.none() | list_blocks(nested=False)) if nested else None
        items.append(ListItem(item.text, item.spans, sublist=sublist))
    return ListBlock(tuple(items), draw(st.booleans()))


@st.composite
def blocks(draw: st.DrawFn, *, lead: bool) -> tuple[Block, ...]:
    """Blocks as a brief can hold them: two lists of one kind in a row would be one list, two
    quotes in a row one quote, and a lead that opens with a list would be the key points."""
    drawn: list[Block] = []
    for _ in range(draw(st.integers(1 if lead else 0, 4))):
        kind = draw(st.sampled_from(["paragraph", "list", "quote"]))
        previous = drawn[-1] if drawn else None
        if kind == "paragraph" or (lead and not drawn):
            drawn.append(_paragraph(draw(marked_sentence)))
        elif kind == "quote":
            if isinstance(previous, Quote):
                drawn.append(_paragraph(draw(marked_sentence)))
            paragraphs = draw(st.lists(marked_sentence, min_size=1, max_size=2))
            drawn.append(Quote(tuple(map(_paragraph, paragraphs))))
        else:
            block = draw(list_blocks())
            if isinstance(previous, ListBlock) and previous.ordered == block.ordered:
                drawn.append(Paragraph(draw(sentence)))
            drawn.append(block)
    return tuple(drawn)


def _paragraph(text: Inline) -> Paragraph:
    return Paragraph(text.text, text.spans)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    title = draw(text)
    sections = []
    if draw(st.booleans()):
        sections.append(Section(None, draw(blocks(lead=True))))
    for _ in range(draw(st.integers(0, 3))):
        heading = draw(marked_text.filter(lambda inline: _not_a_label(inline.text)))
        heading = Inline(heading.text, tuple(s for s in heading.spans if s.text != "\n"))
        assume("\n" not in heading.text)  # a heading is one line
        level = draw(st.integers(2, 6))
        sections.append(Section(heading, draw(blocks(lead=False)), level))
    # Levels are relative: the reader makes the brief's top heading level a section (2).
    top = min((section.level for section in sections if section.heading), default=2)
    sections = [
        replace(section, level=section.level - top + 2) if section.heading else section
        for section in sections
    ]
    article = Article(
        title,
        draw(st.none() | text),
        tuple(
            draw(st.lists(marked_text.filter(lambda inline: "\n" not in inline.text), max_size=4))
        ),
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


def test_the_marked_brief_round_trips_with_its_spans_quotes_levels_and_lists() -> None:
    article = marked_article()
    markdown = render_markdown(article, Theme()).decode()
    assert "**Friday**" in markdown and "*stay open*" in markdown and "`rota-v2`" in markdown
    assert "[the **new** rota `tool`](<https://example.org/rota>)" in markdown
    assert "> Quoted **words** from the minister." in markdown
    assert "\n### Staffing\n" in markdown and "\n#### Night shifts\n" in markdown
    assert "- Weekday hours\n  - Until nine\n" in markdown
    assert "here.\\\nA second line" in markdown
    assert "role: Health Reporter\n" in markdown
    assert "source: https://example.org/wire/clinics\n" in markdown
    again = parse_bytes(markdown.encode(), "again.md")
    assert again == article
    assert again.metadata.role == "Health Reporter"


@pytest.mark.parametrize("code", ["a`b", "`tick", "tick`", "``", " padded ", "a  b", "\\*not*"])
def test_any_code_text_is_one_code_span(code: str) -> None:
    article = Article(
        "T", sections=(Section(None, (_paragraph(marked([Span("x "), Span(code, code=True)])),)),)
    )
    again = parse_bytes(render_markdown(article, Theme()), "a.md")
    assert _structure(again) == article
