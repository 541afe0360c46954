"""The PDF writer's shortcuts give what the long way gives: fragments made without reportlab's
parser, font coverage remembered per font, Arabic joined only in text that has Arabic, lines
kept between wraps, lines that need no reordering left as they are."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as ReportlabParagraph

from exporter.fonts import covered_codepoints, needs_glyph
from exporter.reading import parse_file
from exporter.text.characters import storable
from exporter.theme import load_theme
from exporter.theme._loader import shipped_names
from exporter.writers.pdf import embedding, pages, render_pdf, reportlab_release, tounicode
from exporter.writers.pdf.bidi import (
    _font_pieces,
    _reordered,
    _reshaper,
    shape_arabic,
    visual_order,
    visual_runs,
)
from exporter.writers.pdf.coverage import covered_by_main_font, drawable
from exporter.writers.pdf.fragments import plain_fragments
from exporter.writers.pdf.hyphenation import Hyphenator, hyphenator
from exporter.writers.pdf.lines import OnceBrokenParagraph
from exporter.writers.pdf.markup import escape_markup
from exporter.writers.pdf.styles import _all_covered, build_styles
from exporter.writers.pdf.subsetcodes import first_subset_bytes
from exporter.writers.pdf.tagging.canvas import TaggedCanvas
from exporter.writers.pdf.tagging.structure import Element
from exporter.writers.pdf.tagging.tagger import Tagger
from tests.strategies import COMPOUNDS, LONG_WORDS, SCRIPT_WORDS, mixed_script_text, prose

STYLES = build_styles(load_theme(), "en")  # the shipped default: justified, hyphenated
REFERENCE_BRIEF = Path(__file__).parents[2] / "sources" / "000_9308d7e73d83f95c.txt"
TEXT_STYLES = [STYLES.body, STYLES.title, STYLES.key_point, STYLES.quote, STYLES.meta]


@given(mixed_script_text, st.sampled_from(TEXT_STYLES))
def test_plain_fragments_are_those_reportlabs_parser_makes(text: str, style: Any) -> None:
    markup = escape_markup(storable(text))
    parsed = ReportlabParagraph(markup, style.paragraph)
    made = plain_fragments(markup, style.paragraph)
    assert made is not None
    made_text, fragments = made
    assert made_text == parsed.text
    assert [vars(fragment) for fragment in fragments] == [vars(frag) for frag in parsed.frags]
    # one paragraph's fragments share their link and line lists, as the parser's do
    assert len({id(fragment.link) for fragment in fragments}) <= 1
    assert len({id(fragment.us_lines) for fragment in fragments}) <= 1


def test_markup_with_tags_is_left_to_reportlabs_parser() -> None:
    assert plain_fragments('<font face="x">a</font>', STYLES.body.paragraph) is None


@given(st.lists(mixed_script_text, min_size=1, max_size=4), st.sampled_from(TEXT_STYLES))
def test_the_main_font_covers_what_it_has_a_glyph_for(texts: list[str], style: Any) -> None:
    chain = style.chain
    for text in texts:  # in turn: what one text teaches must not mislead the next
        expected = all(chain.covers(0, character) for character in set(text))
        assert covered_by_main_font(text, chain) == expected
        if expected:
            assert drawable(text, chain) == text


@given(mixed_script_text)
def test_text_without_arabic_letters_is_not_reshaped(text: str) -> None:
    assert shape_arabic(text) == _reshaper().reshape(text)


#: Mostly left-to-right text, with the odd character that the algorithm moves or drops.
_MOSTLY_LEFT_TO_RIGHT = st.one_of(
    mixed_script_text, st.text(alphabet="ab1 .,-%()«»“”é\u0301\u2003\u200b\u00ad\u202a\u05d0\t")
)


@given(st.lists(st.tuples(_MOSTLY_LEFT_TO_RIGHT, st.integers(0, 2)), max_size=4))
def test_a_left_to_right_line_is_reordered_only_where_the_algorithm_would(
    pieces: list[tuple[str, int]],
) -> None:
    assert visual_order(pieces, "L") == _reordered(pieces, "L")


@given(mixed_script_text, st.sampled_from(TEXT_STYLES), st.sampled_from(["L", "R"]))
def test_running_text_in_one_font_is_set_as_character_by_character(
    text: str, style: Any, base: Literal["L", "R"]
) -> None:
    chain = style.chain
    shaped = shape_arabic(text)
    by_character = [
        (run, chain.name(index)) for run, index in visual_order(_font_pieces(shaped, chain), base)
    ]
    assert visual_runs(text, chain, base) == by_character


@given(st.lists(st.sampled_from([*SCRIPT_WORDS["en-GB"], *LONG_WORDS, *COMPOUNDS]), max_size=8))
def test_a_words_breaks_are_the_dictionarys_each_time_it_is_asked(words: list[str]) -> None:
    hyphenate = hyphenator("en-GB")
    assert isinstance(hyphenate, Hyphenator)
    for word in [*words, *words]:  # asked again: remembered
        expected = list(hyphenate.iterate(word)) if word.isalpha() else []
        assert list(hyphenate(word)) == expected


@given(mixed_script_text)
def test_styles_see_uncovered_characters_as_the_long_way_does(text: str) -> None:
    fonts = [chain.files[0] for chain in (STYLES.body.chain, STYLES.title.chain)]
    expected = all(
        ord(character) in covered_codepoints(font)
        for character in text
        if needs_glyph(character)
        for font in fonts
    )
    assert _all_covered(text, fonts) == expected


#: Over 256 letters with ASCII (Latin-1, Latin Extended-A, Cyrillic), and a no-break space:
#: the Cyrillic ones get codes of a second subset.
_CYRILLIC = "".join(map(chr, range(0x410, 0x450)))
_MANY_LETTERS = "".join(map(chr, range(0xC0, 0x180))) + _CYRILLIC + "\u00a0"


class _Document:
    """Stands for a reportlab document: fonts keep their subsets per document object."""


@given(st.lists(_MOSTLY_LEFT_TO_RIGHT, min_size=1, max_size=12), st.sampled_from(TEXT_STYLES))
def test_text_is_shown_in_the_codes_reportlab_hands_out(texts: list[str], style: Any) -> None:
    """Line after line, the codes of text whose characters have them are those reportlab's
    loop gives (which hands out codes to new characters as they come)."""
    font = pdfmetrics.getFont(style.chain.primary)
    document = _Document()
    for text in [*texts, _MANY_LETTERS, _MANY_LETTERS, _CYRILLIC, *texts]:
        shown = first_subset_bytes(font, document, text)
        split = font.splitString(text, document)
        if shown is not None:
            assert split == [(0, shown)]


@given(
    st.lists(st.tuples(_MOSTLY_LEFT_TO_RIGHT, st.booleans()), min_size=1, max_size=12),
    st.sampled_from(TEXT_STYLES),
)
def test_a_tagged_line_shows_its_text_as_reportlab_does(
    steps: list[tuple[str, bool]], style: Any
) -> None:
    """The text operators of a tagged text object are reportlab's, line after line, with the
    font set again now and then (which makes the next line select its subset)."""
    font, size = style.chain.primary, style.paragraph.fontSize
    moment = datetime(2026, 1, 2, tzinfo=UTC)
    tagged = TaggedCanvas(
        io.BytesIO(), tagging=Tagger(Element("Document"), "en"), decorate=print, moment=moment
    ).beginText()
    plain = Canvas(io.BytesIO()).beginText()
    for text, set_font in [(_MANY_LETTERS, True), *steps, (_CYRILLIC, False), *steps]:
        if set_font:
            tagged.setFont(font, size)
            plain.setFont(font, size)
        assert tagged._formatText(text) == plain._formatText(text)


def _lines(paragraph: Any) -> list[Any]:
    """The broken lines of a wrapped paragraph, word by word, with each word's kind (a word
    hyphenated at a line end is a subclass of str)."""
    lines = paragraph.blPara
    if lines.kind == 0:
        return [
            (round(extra, 6), [(type(word).__name__, str(word)) for word in words])
            for extra, words in lines.lines
        ]
    return [
        (round(line.extraSpace, 6), [(type(frag).__name__, frag.text) for frag in line.words])
        for line in lines.lines
    ]


_WIDTHS = st.sampled_from([40.0, 120.0, 233.5, 451.3])


@given(
    prose("en-GB"),
    st.lists(st.tuples(_WIDTHS, st.sampled_from([0.0, 30.0, 80.0, 400.0])), max_size=6),
    st.sampled_from([None, "•", "12."]),
    st.sampled_from([STYLES.body, STYLES.key_point, STYLES.list_item, STYLES.title]),
)
def test_lines_kept_between_wraps_are_those_a_new_break_gives(
    text: str, steps: list[tuple[float, float]], bullet: str | None, text_style: Any
) -> None:
    """Wrapped, split and wrapped again at any widths, a paragraph that keeps its lines has the
    lines of one that breaks them anew every time (reportlab's own Paragraph), measuring
    each word once."""
    style = text_style.paragraph
    kept = OnceBrokenParagraph(escape_markup(text), style, bulletText=bullet)
    anew = ReportlabParagraph(escape_markup(text), style, bulletText=bullet)
    for width, height in steps:
        for _ in range(2):
            assert kept.wrap(width, 1000) == anew.wrap(width, 1000)
            assert _lines(kept) == _lines(anew)
        if height:
            kept_parts, anew_parts = kept.split(width, height), anew.split(width, height)
            assert len(kept_parts) == len(anew_parts)
            for kept_part, anew_part in zip(kept_parts, anew_parts, strict=True):
                assert kept_part.wrap(width, 1000) == anew_part.wrap(width, 1000)
                assert _lines(kept_part) == _lines(anew_part)
            # a paragraph that did not fit is wrapped again (a split marks a hyphenated word)
            assert kept.wrap(width, 1000) == anew.wrap(width, 1000)
            assert _lines(kept) == _lines(anew)


@pytest.mark.parametrize("theme_name", shipped_names())
def test_remembered_font_subsets_give_the_bytes_reportlab_makes(
    theme_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A handout embedding subsets another one made first (remembered, compressed once per
    process, their widths written once) is byte for byte the handout reportlab makes on its
    own."""
    theme = load_theme(theme_name)
    first = parse_file(REFERENCE_BRIEF)
    second = replace(first, subtitle="Talks go on", key_points=first.key_points[:2])
    render_pdf(first, theme)
    hits = embedding._deflated.cache_info().hits
    remembered = render_pdf(second, theme)
    assert embedding._deflated.cache_info().hits > hits  # it did embed remembered subsets
    monkeypatch.setattr(ttfonts.TTFontFile, "makeSubset", embedding._make_subset)
    monkeypatch.setattr(ttfonts, "makeToUnicodeCMap", tounicode.to_unicode_cmap)
    monkeypatch.setattr(pdfdoc, "PDFZCompress", pdfdoc.PDFStreamFilterZCompress())
    monkeypatch.setattr(pages, "embed_fonts", lambda document: None)  # reportlab's save does
    assert render_pdf(second, theme) == remembered


def test_with_another_reportlab_release_reportlab_does_the_work_and_the_bytes_agree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The shortcuts that follow reportlab 5.1's own loops step aside for any other release."""
    assert reportlab_release._release("5.1.0") == (5, 1)
    assert reportlab_release._release("4.2.5") == (4, 2)
    assert reportlab_release._release("unknown") == ()
    theme = load_theme("default")
    samples = sorted((Path(__file__).resolve().parents[2] / "sources").glob("*.txt"))[:4]
    articles = [parse_file(path) for path in samples]
    fast = [render_pdf(article, theme) for article in articles]
    monkeypatch.setattr(reportlab_release, "FAST_PATHS", False)
    assert plain_fragments("plain words", build_styles(theme, "en").body.paragraph) is None
    assert [render_pdf(article, theme) for article in articles] == fast
