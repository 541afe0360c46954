"""Text never becomes markup or code: every injection reads back literally in every format.

Reportlab mini-markup, XHTML, WordprocessingML field codes, XML entities and CDATA terminators,
in the body and in the front matter's title, author and keywords: what the brief says is what
the reader sees.
"""

from __future__ import annotations

import io
import json
import re
import zipfile

import docx
import pytest
from lxml import etree
from pypdf import PdfReader

from exporter.model import Article
from exporter.reading import parse_text
from exporter.theme import load_theme
from exporter.writers.registry import get_writer
from tests.reliability.readers import read_docx, read_epub, read_html, read_pdf
from tests.strategies import INJECTIONS

DC = "{http://purl.org/dc/elements/1.1/}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def brief_with(injection: str) -> str:
    value = json.dumps(f"T {injection}")
    return (
        f"---\ntitle: {value}\nauthor: {value}\nkeywords: [{value}]\n---\n"
        f"- {injection}\nA heading {injection}\nA paragraph: {injection} ends here.\n"
        f"1. {injection}\n2. two\n"
    )


def render(article: Article, name: str) -> bytes:
    return get_writer(name).render(article, load_theme("default"))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module", params=INJECTIONS)
def article(request: pytest.FixtureRequest) -> Article:
    article = parse_text(brief_with(request.param), "inject.txt")
    assert request.param.strip() in article.key_points[0].text  # the parser keeps it literally
    return article


def expected_texts(article: Article) -> list[str]:
    return [
        article.title,
        *(point.text for point in article.key_points),
        *article.headings,
        article.sections[0].blocks[0].text,
    ]  # type: ignore[union-attr]


def test_docx_text_and_properties_read_back_literally(article: Article) -> None:
    data = render(article, "docx")
    paragraphs = read_docx(data)
    for text in expected_texts(article):
        assert text in paragraphs
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert properties.title == article.title
    assert properties.author == article.metadata.author
    assert article.metadata.keywords[0] in properties.keywords
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    # The only fields are none: page fields live in the header and footer parts.
    assert not body.findall(f".//{W}fldSimple") and not body.findall(f".//{W}instrText")


def test_pdf_text_and_metadata_read_back_literally(article: Article) -> None:
    data = render(article, "pdf")
    text = squeeze(read_pdf(data))
    for expected in expected_texts(article):
        assert squeeze(expected) in text
    metadata = PdfReader(io.BytesIO(data)).metadata
    assert metadata is not None
    assert metadata.title == article.title
    assert metadata.author == article.metadata.author


def test_epub_text_and_metadata_read_back_literally(article: Article) -> None:
    data = render(article, "epub")
    text = read_epub(data)
    for expected in expected_texts(article):
        assert expected in text
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        opf_name = next(name for name in package.namelist() if name.endswith(".opf"))
        opf = etree.fromstring(package.read(opf_name))
        contents = [
            etree.fromstring(package.read(name))
            for name in package.namelist()
            if name.endswith(".xhtml")
        ]
    assert opf.findtext(f".//{DC}title") == article.title
    assert opf.findtext(f".//{DC}creator") == article.metadata.author
    for root in contents:  # no element, attribute or script came from the brief
        assert not root.findall(".//{http://www.w3.org/1999/xhtml}script")
        assert not root.findall(".//{http://www.w3.org/1999/xhtml}b")


def test_json_reads_back_exactly(article: Article) -> None:
    assert json.loads(render(article, "json")) == article.to_dict()


def test_html_text_reads_back_literally(article: Article) -> None:
    text = read_html(render(article, "html"))
    for expected in expected_texts(article):
        assert expected in text


def test_markdown_shows_literally_in_a_markdown_renderer(article: Article) -> None:
    from markdown_it import MarkdownIt

    markdown = render(article, "markdown").decode("utf-8")
    body = markdown.split("\n---\n", 1)[1]  # front matter is metadata, not shown
    shown = squeeze(read_html(MarkdownIt("commonmark").render(body).encode("utf-8") or b"<p/>"))
    for expected in expected_texts(article)[1:]:
        assert squeeze(expected) in shown
