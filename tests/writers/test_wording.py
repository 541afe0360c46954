"""Every format says the words exporter adds in the brief's language: the byline's wording and
date, the running footer and header, the contents heading; read back with pypdf, python-docx
and lxml."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, replace

import docx
import pytest
from lxml import etree
from pypdf import PdfReader

from exporter.model import Article, Metadata, Paragraph, Section
from exporter.theme import load_theme
from exporter.writers.docx import render_docx
from exporter.writers.epub import render_epub
from exporter.writers.pdf import render_pdf

NEWSROOM = load_theme("newsroom")
NS = {"h": "http://www.w3.org/1999/xhtml"}
ISO_DATE = "2024-12-01"
# English words exporter could add (and the newsroom theme does, in English) that are no words
# of the other languages tested ("Page" is French too).
ENGLISH = re.compile(r"\b(of|By|Contents|December)\b")


@dataclass(frozen=True)
class Expected:
    """What a handout in one language must say: byline wording, date, footer, contents."""

    language: str
    credit: str
    date: str
    footer: str
    contents: str


CASES = [
    Expected("en", "By Ana Souza and Kim Lee", "December 1, 2024", "Page 1 of 1", "Contents"),
    Expected("fr", "Par Ana Souza et Kim Lee", "1 décembre 2024", "Page 1 sur 1", "Sommaire"),
    Expected("de", "Von Ana Souza und Kim Lee", "1. Dezember 2024", "Seite 1 von 1", "Inhalt"),
    Expected("es", "Por Ana Souza y Kim Lee", "1 de diciembre de 2024", "Página 1 de 1", "Índice"),
    Expected(
        "ru",
        "Текст: Ana Souza и Kim Lee",
        "1 декабря 2024\u202fг.",
        "Страница 1 из 1",
        "Содержание",
    ),
    Expected("ar", "بقلم Ana Souza وKim Lee", "١ ديسمبر ٢٠٢٤", "صفحة ١ من ١", "المحتويات"),
    Expected("zh", "作者：Ana Souza和Kim Lee", "2024年12月1日", "第 1 页，共 1 页", "目录"),
    Expected("ja", "執筆：Ana Souza、Kim Lee", "2024年12月1日", "1 / 1 ページ", "目次"),
    Expected("ko", "글 Ana Souza 및 Kim Lee", "2024년 12월 1일", "1쪽 중 1쪽", "목차"),
]
# The PDF needs a CJK font for these (tests/tools.py).
CJK = {"zh", "ja", "ko"}


def params(cases: list[Expected], pdf: bool = False) -> list[object]:
    return [
        pytest.param(
            case,
            id=case.language,
            marks=[pytest.mark.needs("cjk-fonts")] if pdf and case.language in CJK else [],
        )
        for case in cases
    ]


def brief(language: str | None) -> Article:
    return Article(
        "Wonsan",
        sections=(Section(heading="Kalma", blocks=(Paragraph("Lorem ipsum."),)),),
        metadata=Metadata(authors=("Ana Souza", "Kim Lee"), date=ISO_DATE, language=language),
    )


def squeezed(text: str) -> str:
    """``text`` without white space and in compatibility form (the PDF's shaped Arabic)."""
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def assert_speaks(text: str, case: Expected) -> None:
    """No ISO date and, in another language, none of the English words exporter could add."""
    assert ISO_DATE not in text
    if case.language != "en":
        assert ENGLISH.findall(text) == []


@pytest.mark.parametrize("case", params(CASES, pdf=True))
def test_pdf_byline_date_and_footer_are_in_the_briefs_language(case: Expected) -> None:
    text = PdfReader(io.BytesIO(render_pdf(brief(case.language), NEWSROOM))).pages[0].extract_text()
    if case.language == "ar":  # drawn in visual order: each word is there, the order mirrored
        words = re.findall(r"[\u0600-\u06ff]+|\w+", f"{case.credit} {case.date} {case.footer}")
        assert [word for word in words if squeezed(word) not in squeezed(text)] == []
    else:
        for expected in (f"{case.credit} · {case.date}", case.footer):
            assert squeezed(expected) in squeezed(text)
    assert_speaks(text, case)


@pytest.mark.parametrize("case", params(CASES))
def test_docx_byline_header_and_footer_are_in_the_briefs_language(case: Expected) -> None:
    document = docx.Document(io.BytesIO(render_docx(brief(case.language), NEWSROOM)))
    body = [paragraph.text for paragraph in document.paragraphs]
    assert f"{case.credit} · {case.date}" in body
    section = document.sections[0]
    header, footer = section.header.paragraphs[0].text, section.footer.paragraphs[0].text
    # The page numbers are fields; their cached value is in the handout's digits.
    assert footer.split("\t")[-1] == case.footer
    assert header.split("\t")[-1] == case.date
    for text in (*body, header, footer):
        assert_speaks(text, case)


@pytest.mark.parametrize("case", params(CASES))
def test_epub_byline_and_navigation_are_in_the_briefs_language(case: Expected) -> None:
    book = zipfile.ZipFile(io.BytesIO(render_epub(brief(case.language), NEWSROOM)))
    article = etree.fromstring(book.read("EPUB/article.xhtml"))
    byline = article.find(".//h:p[@class='byline']", NS)
    assert byline is not None
    assert "".join(byline.itertext()) == f"{case.credit} · {case.date}"
    assert byline.find("h:time", NS).get("datetime") == ISO_DATE  # machine-readable stays ISO
    nav = etree.fromstring(book.read("EPUB/nav.xhtml"))
    assert nav.findtext(".//h:title", namespaces=NS) == case.contents
    assert nav.findtext(".//h:nav/h:h2", namespaces=NS) == case.contents
    # The generated cover shows the date, and says it in its text alternative.
    cover = etree.fromstring(book.read("EPUB/cover.svg"))
    assert case.date in " ".join(cover.itertext())
    image = etree.fromstring(book.read("EPUB/cover.xhtml")).find(".//h:img", NS)
    assert image is not None and case.date in image.get("alt", "")
    for tree in (article, nav, cover):
        assert_speaks(" ".join(tree.itertext()), case)
    assert_speaks(image.get("alt", ""), case)


def test_an_unknown_language_falls_back_to_the_first_words_and_the_date_as_written() -> None:
    article = brief(None)
    document = docx.Document(io.BytesIO(render_docx(article, NEWSROOM)))
    assert f"By Ana Souza, Kim Lee · {ISO_DATE}" in [p.text for p in document.paragraphs]
    assert document.sections[0].footer.paragraphs[0].text.endswith("Page 1 of 1")
    text = PdfReader(io.BytesIO(render_pdf(article, NEWSROOM))).pages[0].extract_text()
    assert "Page 1 of 1" in text
    nav = etree.fromstring(
        zipfile.ZipFile(io.BytesIO(render_epub(article, NEWSROOM))).read("EPUB/nav.xhtml")
    )
    assert nav.findtext(".//h:nav/h:h2", namespaces=NS) == "Contents"


def footer_positions(data: bytes) -> dict[str, float]:
    """The x of each piece of text drawn on the first page's lowest line (its footer)."""
    drawn: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():  # reportlab moves by the matrices only, without scaling
            drawn.append((unicodedata.normalize("NFKC", text), cm[4] + tm[4], cm[5] + tm[5]))

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    lowest = min(y for _, _, y in drawn)
    return {text: x for text, x, y in drawn if y == lowest}


@pytest.mark.parametrize(("language", "page_word"), [("en", "Page"), ("ar", "صفحة")])
def test_a_right_to_left_footer_is_mirrored_with_its_words_in_the_briefs_language(
    language: str, page_word: str
) -> None:
    """The newsroom footer has the authors on the left and the page on the right; an Arabic
    page reads from the right, so there they swap sides, still in Arabic words."""
    positions = footer_positions(render_pdf(brief(language), NEWSROOM))
    middle = NEWSROOM.page.width / 2
    author = min(x for text, x in positions.items() if "Ana" in text)
    page = min(x for text, x in positions.items() if page_word in text)
    assert (author < middle < page) == (language == "en")
    assert (page < middle < author) == (language == "ar")


@pytest.mark.parametrize(
    ("language", "instructions"),
    [
        ("ar", ["PAGE \\* HINDIARABIC", "NUMPAGES \\* HINDIARABIC"]),
        ("fa", ["PAGE", "NUMPAGES"]),  # Word has no switch for Persian digits
        ("fr", ["PAGE", "NUMPAGES"]),
    ],
)
def test_docx_page_fields_ask_word_for_the_handouts_digits(
    language: str, instructions: list[str]
) -> None:
    footer = zipfile.ZipFile(io.BytesIO(render_docx(brief(language), NEWSROOM)))
    found = etree.fromstring(footer.read("word/footer1.xml")).iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText"
    )
    assert [field.text.strip() for field in found if field.text] == instructions


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Source: dpa"),
        ("de", "Quelle: dpa"),
        ("fr", "Source\u202f: dpa"),
        ("ru", "Источник: dpa"),
        ("ar", "المصدر: dpa"),
    ],
)
def test_the_source_line_is_in_the_briefs_language_in_every_format(
    language: str, expected: str
) -> None:
    article = replace(brief(language), metadata=replace(brief(language).metadata, source="dpa"))
    document = docx.Document(io.BytesIO(render_docx(article, NEWSROOM)))
    assert document.paragraphs[-1].text == expected
    book = zipfile.ZipFile(io.BytesIO(render_epub(article, NEWSROOM)))
    source = etree.fromstring(book.read("EPUB/article.xhtml")).find(".//h:p[@class='source']", NS)
    assert source is not None and "".join(source.itertext()) == expected
    text = PdfReader(io.BytesIO(render_pdf(article, NEWSROOM))).pages[0].extract_text()
    label = expected.split(":")[0].strip()
    assert squeezed(label) in squeezed(text)
