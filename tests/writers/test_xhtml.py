"""The XHTML body and stylesheet: well-formed for any text, literal text, structure, theme CSS."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from exporter.model import Article, ListBlock, Metadata, Paragraph, Section
from exporter.reading.parser import parse_text
from exporter.theme import (
    Color,
    Colors,
    Font,
    Fonts,
    KeyPointsBox,
    Sizes,
    Spacing,
    Theme,
    load_theme,
)
from exporter.writers.xhtml import FontFace, article_document, navigation, stylesheet
from tests.writers.marked import BODY_LINKS, marked_article

NS = {"h": "http://www.w3.org/1999/xhtml"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# What the model may hold after sanitising: anything but controls, surrogates and U+FFFE/FFFF.
clean_text = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"),
    min_size=1,
)


def parse(article: Article, theme: Theme | None = None) -> etree._Element:
    """Parse with a strict XML parser: any well-formedness error raises."""
    return etree.fromstring(article_document(article, theme or Theme()))


def text_of(element: etree._Element) -> str:
    return "".join(element.itertext())


def paragraphs(root: etree._Element) -> list[str]:
    return [text_of(p) for p in root.iterfind(".//h:section/h:p", NS)]


@settings(max_examples=60, deadline=None)
@given(st.lists(clean_text, min_size=1, max_size=4))
def test_any_clean_paragraph_survives_literally(texts: list[str]) -> None:
    article = Article(title="T", sections=(Section(None, tuple(map(Paragraph, texts))),))
    assert paragraphs(parse(article)) == texts


@settings(max_examples=40, deadline=None)
@given(st.text())
def test_any_text_at_all_gives_well_formed_xhtml(text: str) -> None:
    article = Article(title=text, key_points=(text,), sections=(Section(text, (Paragraph(text),)),))
    root = parse(article)  # would raise on invalid XML
    assert len(paragraphs(root)) == 1


def test_characters_xml_cannot_hold_are_dropped_as_in_every_format() -> None:
    text = "a\x00b\x0cc\ud800d\ufffee\x7ff"
    root = parse(Article(title=text, sections=(Section(None, (Paragraph(text),)),)))
    assert paragraphs(root) == ["abcdef"]


def test_markup_characters_are_text_not_markup() -> None:
    nasty = "<b>bold</b> & {} ]]> <![CDATA[x]]> &amp; <!-- c --> \"q\" 'a'"
    article = Article(
        title=nasty,
        subtitle=nasty,
        key_points=(nasty,),
        sections=(Section(nasty, (Paragraph(nasty), ListBlock((nasty,)))),),
        metadata=Metadata(author=nasty, date=nasty),
    )
    root = parse(article)
    assert root.find(".//h:b", NS) is None
    body = root.find("h:body", NS)
    assert body is not None
    texts = [text_of(e) for e in body.iter() if e.tag.endswith(("}h1", "}p", "}li", "}h2"))]
    # title, subtitle, key point, heading, paragraph, list item; author and date share a byline
    assert texts.count(nasty) == 6
    assert texts.count(f"{nasty} · {nasty}") == 1
    assert text_of(root.find(".//h:title", NS)) == nasty


def test_structure_title_block_key_points_sections() -> None:
    article = Article(
        title="Rates on Hold",
        subtitle="A pause",
        key_points=("One", "Two"),
        sections=(
            Section(None, (Paragraph("Lead."),)),
            Section("Why", (ListBlock(("a", "b"), ordered=True), ListBlock(("c",)))),
        ),
        metadata=Metadata(author="A. Writer", date="2024-05-06"),
    )
    root = parse(article, Theme(key_points=KeyPointsBox(label="At a glance")))
    header = root.find(".//h:header", NS)
    assert header is not None
    assert text_of(header.find("h:h1", NS)) == "Rates on Hold"
    assert [text_of(p) for p in header.iterfind("h:p", NS)] == [
        "A pause",
        "A. Writer · 2024-05-06",
    ]
    assert header.find(".//h:time", NS).get("datetime") == "2024-05-06"
    aside = root.find(".//h:aside", NS)
    assert text_of(aside.find("h:h2", NS)) == "At a glance"
    assert [text_of(li) for li in aside.iterfind("h:ul/h:li", NS)] == ["One", "Two"]
    sections = root.findall(".//h:section", NS)
    assert [s.get("id") for s in sections] == [None, "section-1"]
    assert [text_of(li) for li in sections[1].iterfind("h:ol/h:li", NS)] == ["a", "b"]
    assert [text_of(li) for li in sections[1].iterfind("h:ul/h:li", NS)] == ["c"]
    assert navigation(article)[0].id == "section-1"


def test_no_key_points_means_no_aside_and_title_is_the_only_anchor() -> None:
    article = Article(title="Only text", sections=(Section(None, (Paragraph("x"),)),))
    root = parse(article)
    assert root.find(".//h:aside", NS) is None
    assert [(a.label, a.id) for a in navigation(article)] == [("Only text", "title")]
    assert root.find(".//h:h1", NS).get("id") == "title"


def test_an_empty_key_points_label_leaves_no_empty_heading() -> None:
    article = Article(title="T", key_points=("One",))
    aside = parse(article, Theme(key_points=KeyPointsBox(label=""))).find(".//h:aside", NS)
    assert aside is not None
    assert aside.find("h:h2", NS) is None and aside.get("aria-labelledby") is None
    assert [text_of(li) for li in aside.iterfind("h:ul/h:li", NS)] == ["One"]


def test_blank_parts_leave_no_empty_heading_or_title() -> None:
    article = Article(
        " ",
        subtitle="",
        key_points=(" ",),
        sections=(Section(" ", (Paragraph("First words."),)), Section("Real", ())),
        metadata=Metadata(author=" "),
    )
    root = parse(article)
    assert text_of(root.find(".//h:h1", NS)) == "Real"  # the first text the article has
    assert [text_of(h) for h in root.iterfind(".//h:h2", NS)] == ["Real"]
    assert root.find(".//h:aside", NS) is None
    assert [p.get("class") for p in root.iterfind(".//h:header/h:p", NS)] == []
    assert [anchor.label for anchor in navigation(article)] == ["Real"]
    assert text_of(parse(Article("")).find(".//h:h1", NS)).strip()


def test_urls_become_links_and_keep_their_text() -> None:
    text = "See https://example.org/a?b=1&c=2, or www.example.com."
    root = parse(Article(title="T", sections=(Section(None, (Paragraph(text),)),)))
    links = root.findall(".//h:a", NS)
    assert [(a.get("href"), a.text) for a in links] == [
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2"),
        ("https://www.example.com", "www.example.com"),
    ]
    assert paragraphs(root) == [text]


def test_language_and_direction() -> None:
    def root_for(language: str | None, text: str = "word") -> etree._Element:
        article = Article(
            title=text,
            sections=(Section(None, (Paragraph(text),)),),
            metadata=Metadata(language=language),
        )
        return parse(article)

    english = root_for("en_GB")
    assert (english.get("lang"), english.get(XML_LANG), english.get("dir")) == (
        "en-GB",
        "en-GB",
        "ltr",
    )
    for tag in ("ar", "he", "fa-IR", "ur", "az-Arab"):
        assert root_for(tag).get("dir") == "rtl", tag
    assert root_for("ku-Latn").get("dir") == "ltr"
    assert root_for("he-1996").get("dir") == "rtl"  # a four-digit variant is no script
    unknown = root_for(None, "مرحبا بالعالم")
    assert (unknown.get("lang"), unknown.get("dir")) == ("und", "rtl")
    for malformed in ("not a tag!", "en-a", "en-GB-GB", "x-private", "en-"):
        assert root_for(malformed).get("lang") == "und"
    for well_formed in ("zh-Hant-TW", "es-419", "en-u-ca-gregory-x-mine"):
        assert root_for(well_formed).get("lang") == well_formed


def test_stylesheet_takes_every_value_from_the_theme() -> None:
    theme = Theme(
        fonts=Fonts(
            body=Font("Body Face", ("Fallback Serif",)),
            heading=Font("Head Sans", ("Arial",)),
            title=Font('Odd "Quoted" Name'),
        ),
        sizes=Sizes(body=10.0, title=30.0, heading=20.0, key_points=10.0),
        spacing=Spacing(line=1.5, paragraph_after=5.0, list_indent=20.0),
        colors=Colors(text=Color("010203"), heading=Color("0A0B0C"), link=Color("123456")),
        key_points=KeyPointsBox(
            background=Color("FAFAF0"),
            border_color=Color("ABCDEF"),
            border_width=2.5,
            padding=12.0,
            bullet="▸",
        ),
        justify=True,
        hyphenate=True,
    )
    css = stylesheet(theme)
    assert 'font-family: "Body Face", "Fallback Serif", serif;' in css
    assert 'font-family: "Head Sans", "Arial", sans-serif;' in css
    assert 'font-family: "Odd \\22 Quoted\\22  Name", serif;' in css
    assert "color: #010203;" in css and "color: #0a0b0c;" in css and "color: #123456;" in css
    assert "font-size: 3em;" in css and "font-size: 2em;" in css
    assert "line-height: 1.5;" in css
    assert "margin: 0 0 0.5em 0;" in css  # paragraph_after 5pt at 10pt body
    assert "padding: 0 0 0 2em;" in css
    assert "background-color: #fafaf0;" in css
    assert "border: 2.5pt solid #abcdef;" in css
    assert "padding: 1.2em;" in css
    assert 'list-style-type: "▸ ";' in css
    assert "text-align: justify;" in css and "hyphens: auto;" in css
    # Balanced braces: every rule closes.
    assert css.count("{") == css.count("}") == len(re.findall(r"^\S.* \{$", css, re.MULTILINE))


def test_font_faces_get_font_face_rules() -> None:
    faces = [FontFace('Brand "Serif"', "bold_italic", "fonts/a b.ttf")]
    css = stylesheet(Theme(), faces)
    assert css.startswith(
        "@font-face {\n"
        '  font-family: "Brand \\22 Serif\\22 ";\n'
        "  font-weight: bold;\n"
        "  font-style: italic;\n"
        '  src: url("fonts/a b.ttf");\n'
        "}\n"
    )


def test_addresses_that_are_no_valid_url_stay_text_and_stray_characters_are_encoded() -> None:
    text = "Bad www.a..b and http://999.1.1.1/x; odd https://x.com/a|b#c#d end"
    root = parse(Article(title="T", sections=(Section(None, (Paragraph(text),)),)))
    assert [(a.get("href"), a.text) for a in root.iterfind(".//h:a", NS)] == [
        ("https://x.com/a%7Cb#c%23d", "https://x.com/a|b#c#d")
    ]
    assert paragraphs(root) == [text]


# Marked text, quotes, heading levels, nested lists, byline role and source line: read back
# from a Markdown brief, end to end.


def marked_root() -> etree._Element:
    return etree.fromstring(article_document(marked_article(), load_theme()))


def test_spans_are_strong_em_code_and_links() -> None:
    root = marked_root()
    lead = root.find(".//h:section[@class='lead']/h:p", NS)
    assert lead is not None
    assert [text_of(e) for e in lead.iterfind("h:strong", NS)] == ["Friday", "bold quip"]
    assert [text_of(e) for e in lead.iterfind("h:em", NS)] == ["stay open"]
    assert [text_of(e) for e in lead.iterfind("h:code", NS)] == ["rota-v2"]
    assert [text_of(e) for e in lead.iterfind("h:strong/h:em", NS)] == ["bold quip"]
    links = [(text_of(a), a.get("href")) for a in lead.iterfind("h:a", NS)]
    assert tuple(links) == BODY_LINKS  # the spans of one link share one <a>
    rota = lead.find("h:a", NS)
    assert rota is not None
    assert [text_of(e) for e in rota.iterfind("h:strong", NS)] == ["new"]
    assert [text_of(e) for e in rota.iterfind("h:code", NS)] == ["tool"]  # code in a link
    assert len(lead.findall("h:br", NS)) == 1
    assert text_of(lead).endswith("here.A second line after a hard break.")
    points = root.findall(".//h:aside/h:ul/h:li", NS)
    assert [text_of(e) for e in points[0].iterfind("h:em", NS)] == ["until nine"]
    assert points[1].find("h:a", NS).get("href") == "https://example.org/plan"  # type: ignore[union-attr]


def test_a_quote_is_a_blockquote_of_paragraphs() -> None:
    quote = marked_root().find(".//h:blockquote", NS)
    assert quote is not None
    assert [text_of(p) for p in quote.iterfind("h:p", NS)] == [
        "Quoted words from the minister.",
        "A second quoted paragraph.",
    ]
    assert quote.find("h:p/h:strong", NS) is not None


def test_heading_levels_and_nested_lists() -> None:
    root = marked_root()
    headings = [
        (etree.QName(e).localname, text_of(e))
        for e in root.iterfind(".//h:section/*", NS)
        if etree.QName(e).localname.startswith("h")
    ]
    assert headings == [
        ("h2", "What changes"),
        ("h3", "Staffing"),
        ("h4", "Night shifts"),
        ("h2", "Next steps"),
    ]
    outer = root.find(".//h:section[@id='section-1']/h:ul", NS)
    assert outer is not None
    items = outer.findall("h:li", NS)
    assert [e.text for e in items] == ["Weekday hours", "Weekend hours"]
    nested = items[0].find("h:ul", NS)
    assert nested is not None
    assert [text_of(e) for e in nested.iterfind("h:li", NS)] == [
        "Until nine",
        "Until ten on Fridays",
    ]


def test_byline_has_the_role_and_the_source_line_ends_the_article() -> None:
    root = marked_root()
    byline = root.find(".//h:p[@class='byline']", NS)
    assert byline is not None
    assert text_of(byline) == "Ana Souza, Health Reporter · 2024-05-04"
    body = root.find("h:body", NS)
    assert body is not None
    source = body[-1]
    assert source.get("class") == "source"
    assert text_of(source) == "Source: https://example.org/wire/clinics"
    assert source.find("h:a", NS).get("href") == "https://example.org/wire/clinics"  # type: ignore[union-attr]


def test_foreign_script_runs_are_tagged_inside_spans() -> None:
    article = parse_text("# T\n\nSaid **Путин сказал** and `東京`.\n", "brief.md", language="en")
    root = parse(article)
    strong = root.find(".//h:strong/h:span", NS)
    assert strong is not None and strong.get("lang") == "ru"
    code = root.find(".//h:code/h:span", NS)
    assert code is not None and code.get("lang", "").startswith(("ja", "zh"))


def test_stylesheet_styles_quotes_code_source_and_subheadings() -> None:
    theme = load_theme()
    css = stylesheet(theme)
    quote = re.search(r"\nblockquote \{(.*?)\}", css, re.S)
    assert quote is not None
    assert "font-style: italic" in quote.group(1)
    assert f"solid {theme.quote.rule_color.css}" in quote.group(1)
    assert re.search(r"\ncode \{\n  font-family: \"DejaVu Sans Mono\"", css)
    assert "p.source {" in css
    sizes = [
        float(re.search(rf"\nh{n} \{{.*?font-size: ([\d.]+)em", css, re.S).group(1))
        for n in (2, 3, 4, 5, 6)
    ]  # type: ignore[union-attr]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1] >= 1
