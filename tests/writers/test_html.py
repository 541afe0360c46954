"""The HTML writer: one valid, self-contained HTML5 page sharing the EPUB's markup and CSS."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from exporter.model import Article, ListBlock, Metadata, Paragraph, Section
from exporter.reading import parse_file
from exporter.theme import Theme, apply_options, load_theme
from exporter.writers.html import render_html
from exporter.writers.xhtml import stylesheet
from tests.writers.marked import marked_article

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = sorted((ROOT / "sources").glob("*.*"))
REFERENCE = ROOT / "sources" / "000_9308d7e73d83f95c.txt"
NS = {"h": "http://www.w3.org/1999/xhtml"}

clean_text = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"),
    min_size=1,
)


def strict_parse(data: bytes) -> etree._Element:
    """Parse as a browser would, but fail on any HTML5 parse error (html5lib's strict mode)."""
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("lxml"))
    document = parser.parse(data, transport_encoding="utf-8")
    return document.getroot()


@pytest.mark.parametrize("brief", BRIEFS, ids=lambda path: path.name)
def test_every_sample_is_valid_html5_with_no_external_resources(brief: Path) -> None:
    data = render_html(parse_file(brief), load_theme())
    assert data.startswith(b"<!DOCTYPE html>\n<html ")
    html = strict_parse(data)
    assert html.get("lang") and html.get("dir") in ("ltr", "rtl")
    assert html.find("h:head/h:meta[@charset='utf-8']", NS) is not None
    for element in html.iter():
        if not isinstance(element.tag, str):
            continue
        assert etree.QName(element).localname not in ("link", "script", "img", "iframe")
        for name in ("src", "href"):
            value = element.get(name, "")
            assert not value or value.startswith(("#", "http://", "https://")), value
            if value.startswith("http") and etree.QName(element).localname != "a":
                pytest.fail(f"external resource {value}")
    css = "".join(html.find("h:head/h:style", NS).itertext())
    assert "url(" not in css and "@import" not in css


def test_reference_brief_page_structure() -> None:
    html = strict_parse(render_html(parse_file(REFERENCE), load_theme()))
    body = html.find("h:body", NS)
    children = [etree.QName(child).localname for child in body]
    assert children == ["header", "nav", "aside", "section", "section", "section"]
    links = body.findall("h:nav/h:ol/h:li/h:a", NS)
    assert [link.text for link in links] == [
        "Strengthening Ties Through Diplomacy and Tourism",
        "Joint Efforts Against External Regional Threats",
    ]
    for link in links:  # every entry points at a section that exists
        assert body.find(f".//h:section[@id='{link.get('href')[1:]}']", NS) is not None
    assert len(body.findall("h:aside/h:ul/h:li", NS)) == 5


def test_css_is_the_epub_stylesheet_inlined_with_a_screen_layout() -> None:
    theme = load_theme("newsroom")
    html = strict_parse(render_html(parse_file(REFERENCE), theme))
    css = "".join(html.find("h:head/h:style", NS).itertext())
    assert stylesheet(theme) in css  # shared, not copied
    assert "nav.contents" in css and "max-width" in css
    assert theme.colors.heading.css in css


def test_language_and_direction() -> None:
    article = Article(
        "العنوان", sections=(Section(None, (Paragraph("نص عربي."),)),), metadata=Metadata()
    )
    html = strict_parse(render_html(article, Theme()))
    assert (html.get("lang"), html.get("dir")) == ("und", "rtl")
    tagged = Article("Titre", metadata=Metadata(language="fr-CA"))
    assert strict_parse(render_html(tagged, Theme())).get("lang") == "fr-CA"


def test_an_article_without_headings_gets_a_contents_entry_for_its_title() -> None:
    html = strict_parse(render_html(Article("Only a title"), Theme()))
    (link,) = html.findall("h:body/h:nav//h:a", NS)
    assert link.get("href") == "#title"


def test_style_element_cannot_be_closed_from_theme_text() -> None:
    theme = apply_options(Theme(), {"fonts.body": "</style><script>x()</script>"})
    html = strict_parse(render_html(Article("Title"), theme))
    assert html.find(".//h:script", NS) is None


@settings(max_examples=40)
@given(
    title=clean_text,
    items=st.lists(clean_text, max_size=3),
    heading=clean_text,
    paragraph=clean_text,
)
def test_any_text_stays_literal_and_the_page_valid(
    title: str, items: list[str], heading: str, paragraph: str
) -> None:
    article = Article(
        title,
        key_points=tuple(items),
        sections=(Section(heading, (Paragraph(paragraph), ListBlock(tuple(items), True))),),
    )
    html = strict_parse(render_html(article, Theme()))
    text = re.sub(r"\s+", " ", "".join(html.find("h:body", NS).itertext()))
    for part in (paragraph, *items):
        if part.strip():
            assert re.sub(r"\s+", " ", part.strip()) in text


def test_the_contents_nest_subsections_and_the_page_renders_spans() -> None:
    root = strict_parse(render_html(marked_article(), load_theme()))
    nav = root.find(".//h:nav[@class='contents']/h:ol", NS)
    assert nav is not None
    top = [li.find("h:a", NS).text for li in nav.iterfind("h:li", NS)]  # type: ignore[union-attr]
    assert top == ["What changes", "Next steps"]
    staffing = nav.find("h:li/h:ol/h:li", NS)
    assert staffing is not None
    assert staffing.find("h:a", NS).get("href") == "#section-2"  # type: ignore[union-attr]
    assert staffing.find("h:ol/h:li/h:a", NS).text == "Night shifts"  # type: ignore[union-attr]
    assert root.find(".//h:section/h:h3", NS).text == "Staffing"  # type: ignore[union-attr]
    assert root.find(".//h:p/h:strong", NS).text == "Friday"  # type: ignore[union-attr]
    assert root.find(".//h:blockquote/h:p", NS) is not None
    assert root.find(".//h:p[@class='source']/h:a", NS) is not None
