"""Every script in every format: the Russian, Korean, Chinese, Arabic, Hebrew and mixed-script
briefs of sources/ read back from the PDF, DOCX and EPUB, plus the script helpers themselves.

CJK text needs a CJK font on the system (Debian and Ubuntu: fonts-noto-cjk, or
fonts-wqy-microhei and fonts-nanum): the tests of the Chinese, Korean and mixed briefs are
marked ``needs("cjk-fonts")`` (tests/tools.py).
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Literal

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from pypdf import PdfReader

from exporter.fonts import family_for
from exporter.model import Article, ListBlock, Section
from exporter.reading import parse_file
from exporter.text.scripts import foreign_runs, is_right_to_left, script_of
from exporter.theme import Font, load_theme
from exporter.writers.docx import render_docx
from exporter.writers.epub import render_epub
from exporter.writers.pdf import render_pdf, uncovered_characters
from exporter.writers.pdf.bidi import visual_order

SOURCES = Path(__file__).resolve().parents[2] / "sources"
BRIEFS = {
    "ru": "ru-lavrov-pyongyang.txt",
    "ko": "ko-choe-wonsan.txt",
    "zh": "zh-wonsan-tourism.txt",
    "ar": "ar-gulf-summit.txt",
    "he": "he-knesset-budget.txt",
    "en": "mixed-script-names.txt",
}
NEEDS_CJK = {"ko", "zh", "en"}


def languages(names: Iterable[str]) -> list[object]:
    """``names`` as test parameters, those whose brief has CJK text marked as needing a font."""
    cjk = pytest.mark.needs("cjk-fonts")
    return [pytest.param(name, marks=cjk) if name in NEEDS_CJK else name for name in names]


def brief(language: str) -> Article:
    return parse_file(SOURCES / BRIEFS[language])


def texts(article: Article) -> list[str]:
    return list(article.plain_texts())


def words(article: Article) -> set[str]:
    """The article's words, without punctuation (which extraction may attach differently)."""
    found = set()
    for text in texts(article):
        for word in text.split():
            letters = "".join(char for char in word if char.isalnum())
            if letters:
                found.add(letters)
    return found


def pdf_text(data: bytes) -> tuple[str, str]:
    """The PDF's text as drawn (left to right) and as read from the right, both compatibility-
    normalised: joined Arabic presentation forms become plain letters again."""
    drawn = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    straight = unicodedata.normalize("NFKC", drawn)
    from_right = "".join(unicodedata.normalize("NFKC", char) for char in reversed(drawn))
    return _letters(straight), _letters(from_right)


def _letters(text: str) -> str:
    return "".join(char for char in text if char.isalnum() or char.isspace())


# ---------------------------------------------------------------------------------- PDF


@pytest.mark.parametrize("language", languages(BRIEFS))
def test_pdf_extracts_every_word(language: str) -> None:
    article = brief(language)
    straight, from_right = pdf_text(render_pdf(article, load_theme()))
    squeezed = straight.replace(" ", "").replace("\n", "")
    missing = [
        word
        for word in words(article)
        if word not in straight and word not in from_right and word not in squeezed
    ]
    assert missing == []


@pytest.mark.parametrize("language", languages(BRIEFS))
def test_pdf_has_a_glyph_for_every_character_and_embeds_every_font(language: str) -> None:
    article = brief(language)
    theme = load_theme()
    assert uncovered_characters(article, theme) == []
    reader = PdfReader(io.BytesIO(render_pdf(article, theme)))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]


def test_pdf_language_is_the_briefs() -> None:
    reader = PdfReader(io.BytesIO(render_pdf(brief("ar"), load_theme())))
    assert reader.trailer["/Root"]["/Lang"] == "ar"


def test_right_to_left_lines_are_drawn_in_visual_order() -> None:
    # Hebrew letters reversed, the Latin name and the number kept left to right, the
    # parenthesis mirrored.
    runs = visual_order([("שלום (Lavrov 2024) עולם", 0)], "R")
    assert "".join(text for text, _ in runs) == "םלוע (Lavrov 2024) םולש"


def test_right_to_left_runs_keep_their_pieces() -> None:
    runs = visual_order([("אב ", 0), ("CD", 1), (" גד", 2)], "R")
    assert runs == [["דג ", 2], ["CD", 1], [" בא", 0]]


_DIRECTIONAL_FORMATTING = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@given(
    st.lists(st.tuples(st.text(max_size=12), st.integers(0, 3)), max_size=6),
    st.sampled_from(["L", "R"]),
)
def test_any_line_is_reordered_without_losing_a_visible_character(
    pieces: list[tuple[str, int]], base: Literal["L", "R"]
) -> None:
    # Isolates, format characters and letters newer than Python's Unicode database included.
    runs = visual_order(pieces, base)
    drawn = "".join(text for text, _ in runs)
    kept = [c for text, _ in pieces for c in text if unicodedata.bidirectional(c) != "BN"]
    visible = [c for c in kept if c not in _DIRECTIONAL_FORMATTING]
    assert sorted(_unmirrored(drawn)) == sorted(_unmirrored("".join(visible)))
    assert all(tag in {tag for _, tag in pieces} for _, tag in runs)


def _unmirrored(text: str) -> str:
    return "".join(c for c in text if not unicodedata.mirrored(c))


# ---------------------------------------------------------------------------------- DOCX


def docx_parts(data: bytes) -> tuple[etree._Element, etree._Element]:
    document = Document(io.BytesIO(data))
    return document.element, document.styles.element


@pytest.mark.parametrize("language", languages(BRIEFS))
def test_docx_carries_language_direction_and_script_fonts(language: str) -> None:
    body, styles = docx_parts(render_docx(brief(language), load_theme()))
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert default.find(qn("w:lang")).get(qn("w:val")) == language
    bidi = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:bidi')}")
    assert (bidi is not None) == is_right_to_left(language)
    right_to_left_runs = body.findall(f".//{qn('w:rPr')}/{qn('w:rtl')}")
    assert bool(right_to_left_runs) == (language in ("ar", "he", "en"))
    fonts = default.find(qn("w:rFonts"))
    east_asian = family_for(Font(fonts.get(qn("w:ascii"))), "한" if language == "ko" else "中")
    if language in NEEDS_CJK:
        assert fonts.get(qn("w:eastAsia")) not in (None, fonts.get(qn("w:ascii")))
        assert fonts.get(qn("w:eastAsia")) is not None
    assert east_asian is None or fonts.get(qn("w:eastAsia")) is not None
    assert fonts.get(qn("w:cs")) is not None


def test_docx_tags_runs_in_other_scripts_with_their_language() -> None:
    body, _ = docx_parts(render_docx(brief("en"), load_theme()))
    tagged: dict[str, set[str]] = {}
    for run in body.iter(qn("w:r")):
        lang = run.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        if lang is not None:
            tag = next(value for value in lang.attrib.values())
            tagged.setdefault(tag, set()).add(run.find(qn("w:t")).text)
    assert "Сергей Лавров" in tagged["ru"]
    assert "최선희" in tagged["ko"]
    assert "元山" in tagged["zh"]
    assert "عربي" in tagged["ar"]


# ---------------------------------------------------------------------------------- EPUB


def epub_files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("language", BRIEFS)
def test_epub_carries_language_and_direction(language: str) -> None:
    files = epub_files(render_epub(brief(language), load_theme()))
    opf = etree.fromstring(next(data for name, data in files.items() if name.endswith(".opf")))
    namespaces = {"dc": "http://purl.org/dc/elements/1.1/", "opf": "http://www.idpf.org/2007/opf"}
    assert opf.findtext(".//dc:language", namespaces=namespaces) == language
    spine = opf.find(".//opf:spine", namespaces)
    rtl = is_right_to_left(language)
    assert (spine.get("page-progression-direction") == "rtl") == rtl
    page = etree.fromstring(files["EPUB/article.xhtml"])
    assert page.get("lang") == language
    assert page.get("dir") == ("rtl" if rtl else "ltr")


LABELS = {
    "ru": "Главное",
    "ko": "핵심 요약",
    "zh": "要点",
    "ar": "أبرز النقاط",
    "he": "עיקרי הדברים",
}


@pytest.mark.parametrize("language", languages(sorted(LABELS)))
def test_the_key_points_label_is_in_the_briefs_language_in_every_format(language: str) -> None:
    article, theme, label = brief(language), load_theme(), LABELS[language]
    assert article.key_points
    document = Document(io.BytesIO(render_docx(article, theme)))
    labels = [p.text for p in document.paragraphs if p.style.name == "Key Points Label"]
    assert labels == [label]
    page = etree.fromstring(epub_files(render_epub(article, theme))["EPUB/article.xhtml"])
    aside = page.find(".//{http://www.w3.org/1999/xhtml}aside")
    assert "".join(aside.itertext()).strip().startswith(label)
    straight, from_right = pdf_text(render_pdf(article, theme))
    wanted = _letters(label)
    assert wanted in straight or wanted in from_right


def test_epub_tags_spans_in_other_scripts() -> None:
    page = etree.fromstring(
        epub_files(render_epub(brief("en"), load_theme()))["EPUB/article.xhtml"]
    )
    spans = {
        (span.get("lang"), span.text, span.get("dir"))
        for span in page.iter("{http://www.w3.org/1999/xhtml}span")
    }
    assert ("ru", "Сергей Лавров", None) in spans
    assert ("ko", "최선희", None) in spans
    assert ("zh", "元山", None) in spans
    assert ("ar", "عربي", "rtl") in spans


# ---------------------------------------------------------------------------------- scripts


def test_script_of_letters_and_neutrals() -> None:
    assert [script_of(char) for char in "aЖλ한中かעع1 ,"] == [
        "latin",
        "cyrillic",
        "greek",
        "hangul",
        "han",
        "kana",
        "hebrew",
        "arabic",
        None,
        None,
        None,
    ]


def test_foreign_runs_leave_punctuation_to_the_surrounding_text() -> None:
    runs = list(foreign_runs("Lavrov (Сергей Лавров) met 최선희 in 元山.", "en"))
    assert [run for run in runs if run[1]] == [
        ("Сергей Лавров", "ru"),
        ("최선희", "ko"),
        ("元山", "zh"),
    ]
    assert "".join(text for text, _ in runs) == "Lavrov (Сергей Лавров) met 최선희 in 元山."


def test_hanja_in_korean_text_is_not_foreign() -> None:
    assert list(foreign_runs("원산(元山) 관광", "ko")) == [("원산(元山) 관광", None)]


def test_lists_in_right_to_left_text_render_with_every_item() -> None:
    article = brief("ar")
    with_list = replace(
        article, sections=(*article.sections, Section("قائمة", (ListBlock(("أولا", "ثانيا")),)))
    )
    drawn = " ".join(pdf_text(render_pdf(with_list, load_theme())))
    assert "أولا" in drawn
    assert "ثانيا" in drawn
