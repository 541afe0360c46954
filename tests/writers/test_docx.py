"""The DOCX writer, read back the way a user's tools read it: python-docx and lxml."""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from exporter.fonts.discovery import family_face
from exporter.model import Article, ListBlock, Metadata, Paragraph, Section, block_texts
from exporter.reading import parse_file
from exporter.text.characters import storable
from exporter.text.metadata import byline
from exporter.text.readable import readable
from exporter.text.wording import words_for
from exporter.theme import (
    Color,
    Font,
    HeaderFooter,
    KeyPointsBox,
    Page,
    Theme,
    available_themes,
    load_theme,
)
from exporter.writers.docx import render_docx
from tests.writers.marked import BODY_LINKS, marked_article

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "sources").iterdir())
REFERENCE = ROOT / "sources" / "000_9308d7e73d83f95c.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def rendered(article: Article, theme: Theme | None = None) -> Document:
    return docx.Document(io.BytesIO(render_docx(article, theme or Theme())))


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def xml(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(parts(data)[name])


def styles_of(document: Document) -> list[str]:
    return [paragraph.style.name for paragraph in document.paragraphs if paragraph.style]


def sample(**changes: object) -> Article:
    article = Article(
        title="Rates on Hold",
        subtitle="A pause, not a pivot",
        key_points=("Rates unchanged", "Inflation easing"),
        sections=(
            Section(None, (Paragraph("Lead paragraph, see www.example.org/report."),)),
            Section(
                "Why Not Cut Now?",
                (
                    ListBlock(("one", "two"), ordered=True),
                    Paragraph("Between the lists."),
                    ListBlock(("three", "four"), ordered=True),
                    ListBlock(("apples", "pears")),
                ),
            ),
        ),
        metadata=Metadata(author="A. Writer", date="2026-03-04", language="en-GB"),
    )
    return replace(article, **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def reference() -> Article:
    return parse_file(REFERENCE)


# -- every brief -----------------------------------------------------------------------------------


@pytest.mark.parametrize("source", SOURCES, ids=[path.name for path in SOURCES])
def test_every_brief_converts_with_every_paragraph_in_order(source: Path) -> None:
    article = parse_file(source)
    data = render_docx(article, Theme())
    for name, content in parts(data).items():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(content)  # well formed, or this raises
    document = docx.Document(io.BytesIO(data))
    assert [paragraph.text for paragraph in document.paragraphs] == visible_text(article)


def test_reference_brief_uses_real_styles_in_reading_order(reference: Article) -> None:
    assert styles_of(rendered(reference)) == [
        "Title",
        "Key Points Label",
        *["Key Points"] * 5,
        "First Paragraph",
        "Heading 1",
        "Body Text",
        "Heading 1",
        "Body Text",
        "Body Text",
    ]


def test_same_input_gives_the_same_bytes(reference: Article) -> None:
    first = render_docx(reference, Theme())
    render_docx(sample(), Theme())  # nothing of one document leaks into the next
    assert render_docx(reference, Theme()) == first


def test_source_date_epoch_dates_an_undated_brief(
    reference: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = render_docx(reference, Theme())
    assert first == render_docx(reference, Theme())
    properties = docx.Document(io.BytesIO(first)).core_properties
    assert properties.created is not None
    assert properties.created.year == 2023
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time[:3] for info in package.infolist()} == {(2023, 11, 14)}


# -- title block and key points --------------------------------------------------------------------


def test_title_block_shows_subtitle_and_byline() -> None:
    document = rendered(sample())
    assert styles_of(document)[:3] == ["Title", "Subtitle", "Byline"]
    assert [p.text for p in document.paragraphs[:3]] == [
        "Rates on Hold",
        "A pause, not a pivot",
        "A. Writer · 4 March 2026",  # the brief's date, as its language (en-GB) writes it
    ]


def test_key_points_box_is_a_bordered_shaded_style_with_real_bullets() -> None:
    theme = Theme(
        key_points=KeyPointsBox(label="At a glance", bullet="▪", background=Color("FFEEDD"))
    )
    data = render_docx(sample(), theme)
    document = docx.Document(io.BytesIO(data))
    label, *items = [p for p in document.paragraphs if p.style and "Key" in p.style.name]
    assert label.text == "At a glance"
    assert [p.text for p in items] == ["Rates unchanged", "Inflation easing"]
    assert not document.tables
    styles = xml(data, "word/styles.xml")
    frames = []
    for style_id in ("KeyPointsLabel", "KeyPoints"):
        (ppr,) = styles.xpath(f"w:style[@w:styleId='{style_id}']/w:pPr", namespaces=NS)
        assert ppr.find(f"{W}shd").get(f"{W}fill") == "FFEEDD"
        frames.append([etree.tostring(ppr.find(f"{W}{tag}")) for tag in ("pBdr", "shd", "ind")])
    # Identical borders, shading and indents: Word and LibreOffice draw one box.
    assert frames[0] == frames[1]
    assert all(f"w:{side} ".encode() in frames[0][0] for side in ("top", "left", "bottom", "right"))
    numbering = xml(data, "word/numbering.xml")
    for item in items:
        num_id = item._p.pPr.numPr.numId.val
        (text,) = numbering.xpath(
            f"w:abstractNum[@w:abstractNumId=../w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val]"
            "/w:lvl/w:lvlText/@w:val",
            namespaces=NS,
        )
        assert text == "▪"
        assert not item.text.startswith("▪")


def test_a_box_without_a_visible_border_keeps_one_in_its_own_colour() -> None:
    box = KeyPointsBox(border_width=0, background=Color("F2F2F2"), border_color=Color("B3121B"))
    styles = xml(render_docx(sample(), Theme(key_points=box)), "word/styles.xml")
    colours = styles.xpath("w:style[@w:styleId='KeyPoints']/w:pPr/w:pBdr/*/@w:color", namespaces=NS)
    assert colours == ["F2F2F2"] * 4


def test_an_empty_label_leaves_just_the_points() -> None:
    document = rendered(sample(), Theme(key_points=KeyPointsBox(label="")))
    assert styles_of(document)[3:6] == ["Key Points", "Key Points", "First Paragraph"]


def test_no_key_points_means_no_box() -> None:
    data = render_docx(sample(key_points=()), Theme())
    document = docx.Document(io.BytesIO(data))
    assert not [p for p in document.paragraphs if p.style and "Key" in p.style.name]
    assert b"w:pBdr" not in parts(data)["word/document.xml"]


# -- body ------------------------------------------------------------------------------------------


def test_lists_use_word_numbering_and_each_numbered_list_restarts() -> None:
    data = render_docx(sample(), Theme())
    document = docx.Document(io.BytesIO(data))
    numbered = [p for p in document.paragraphs if p.style and p.style.name == "List Number"]
    bullets = [p for p in document.paragraphs if p.style and p.style.name == "List Bullet"]
    assert [p.text for p in numbered] == ["one", "two", "three", "four"]
    assert [p.text for p in bullets] == ["apples", "pears"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] != ids[2] == ids[3]
    numbering = xml(data, "word/numbering.xml")
    for num_id in {ids[0], ids[2]}:
        (start,) = numbering.xpath(
            f"w:num[@w:numId='{num_id}']/w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val",
            namespaces=NS,
        )
        assert start == "1"
    assert all(not p.text[:1].isdigit() for p in numbered)


def test_urls_are_real_hyperlinks_in_the_link_style() -> None:
    document = rendered(sample())
    (link,) = [link for p in document.paragraphs for link in p.hyperlinks]
    assert link.text == "www.example.org/report"
    assert link.address == "https://www.example.org/report"
    relationship = document.part.rels[link._hyperlink.rId]
    assert relationship.reltype == RELATIONSHIP_TYPE.HYPERLINK
    assert relationship.is_external
    assert link.runs[0].style.name == "Hyperlink"
    assert str(link.runs[0].style.font.color.rgb) == Theme().colors.link.hex


def test_markup_and_braces_stay_literal() -> None:
    text = "<b>bold</b> & {title} {page} ]]> &amp;"
    document = rendered(sample(title=text, sections=(Section(text, (Paragraph(text),)),)))
    assert [p.text for p in document.paragraphs if p.text.startswith("<b>")] == [text] * 3


def test_every_used_style_is_defined_in_the_document() -> None:
    data = render_docx(sample(), Theme(header=HeaderFooter(left="{title}")))
    defined = set(xml(data, "word/styles.xml").xpath("w:style/@w:styleId", namespaces=NS))
    for name, content in parts(data).items():
        if name.startswith("word/") and name.endswith(".xml"):
            used = etree.fromstring(content).xpath(
                "//w:pStyle/@w:val | //w:rStyle/@w:val", namespaces=NS
            )
            assert set(used) <= defined, name
    document = docx.Document(io.BytesIO(data))
    assert {"Title", "Heading 1", "Body Text", "Key Points", "Header", "Footer"} <= {
        style.name for style in document.styles
    }


# -- theme, page and language ----------------------------------------------------------------------


def test_page_fonts_colours_and_justification_come_from_the_theme() -> None:
    theme = Theme(page=Page(width=612, height=792, margin_left=54, margin_right=54), justify=True)
    document = rendered(sample(), theme)
    section = document.sections[0]
    assert (section.page_width, section.page_height) == (Pt(612), Pt(792))
    assert section.left_margin == section.right_margin == Pt(54)
    heading = document.styles["Heading 1"]
    assert heading.font.name == theme.fonts.heading.family
    assert str(heading.font.color.rgb) == theme.colors.heading.hex
    assert heading.font.size == Pt(theme.sizes.heading)
    assert document.styles["Body Text"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    fonts = xml(render_docx(sample(), theme), "word/styles.xml").find(
        f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts"
    )
    assert {fonts.get(f"{W}{script}") for script in ("ascii", "hAnsi")} == {theme.fonts.body.family}
    _assert_script_font(fonts, theme, "cs", "ع")  # Arabic: DejaVu Sans ships with exporter
    font_table = xml(render_docx(sample(), theme), "word/fontTable.xml")
    assert theme.fonts.body.family in font_table.xpath("w:font/@w:name", namespaces=NS)


@pytest.mark.needs("cjk-fonts")
def test_the_east_asian_font_is_one_that_draws_chinese() -> None:
    theme = Theme()
    fonts = xml(render_docx(sample(), theme), "word/styles.xml").find(
        f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts"
    )
    _assert_script_font(fonts, theme, "eastAsia", "中")


def _assert_script_font(fonts: etree._Element, theme: Theme, attribute: str, letter: str) -> None:
    """The family named for a script (``w:cs``, ``w:eastAsia``) has its letters, and is the
    first such of the theme's own chain (read from the font files themselves, not through
    exporter's coverage)."""
    family = fonts.get(f"{W}{attribute}")
    assert family is not None, attribute
    assert _draws(theme.fonts.body, family, letter), (attribute, family)
    chain = theme.fonts.body.chain
    earlier = chain[: chain.index(family)] if family in chain else chain
    assert not any(_draws(theme.fonts.body, other, letter) for other in earlier), family


def _draws(font: Font, family: str, character: str) -> bool:
    """Whether the regular face of ``family`` (as the theme finds it) has a glyph for
    ``character``, by its own cmap."""
    from fontTools.ttLib import TTFont

    file = family_face(font, family, "regular")
    if file is None:
        return False
    with TTFont(file.path, fontNumber=file.index, lazy=True) as opened:
        return ord(character) in (opened.getBestCmap() or {})


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de-CH", "de-CH"), ("EN_gb", "en-GB"), (None, "und"), ("not a tag!", "und")],
)
def test_document_language_is_set_for_proofing(language: str | None, expected: str) -> None:
    data = render_docx(sample(metadata=Metadata(language=language)), Theme())
    lang = xml(data, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert [lang.get(f"{W}{name}") for name in ("val", "eastAsia", "bidi")] == [expected] * 3
    assert docx.Document(io.BytesIO(data)).core_properties.language == expected


@pytest.mark.parametrize(
    ("language", "right_to_left"), [("ar-EG", True), ("he", True), ("en", False)]
)
def test_right_to_left_languages_get_right_to_left_paragraphs(
    language: str, right_to_left: bool
) -> None:
    data = render_docx(sample(metadata=Metadata(language=language)), Theme())
    defaults = xml(data, "word/styles.xml").find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
    assert (defaults.find(f"{W}bidi") is not None) == right_to_left


def test_header_and_footer_follow_the_templates_with_page_fields() -> None:
    theme = Theme(
        header=HeaderFooter(left="{short_title}", right="{author}"),
        footer=HeaderFooter(center="Page {page} of {pages}"),
    )
    data = render_docx(sample(title="{page} & <b>"), theme)
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert section.header.paragraphs[0].text == "{page} & <b>\t\tA. Writer"
    assert section.header.paragraphs[0].style.name == "Header"
    footer = parts(data)["word/footer1.xml"].decode()
    assert re.findall(r"<w:instrText[^>]*> (\w+) </w:instrText>", footer) == ["PAGE", "NUMPAGES"]
    assert footer.count('w:fldCharType="begin"') == footer.count('w:fldCharType="end"') == 2


def test_an_empty_header_template_adds_no_header() -> None:
    names = parts(render_docx(sample(), Theme(header=HeaderFooter())))
    assert not [name for name in names if "header" in name]


def test_core_properties_are_ours_not_python_docx_defaults() -> None:
    article = sample(metadata=Metadata(author="A. Writer", date="2026-03-04", keywords=("a", "b")))
    data = render_docx(article, Theme())
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert properties.title == "Rates on Hold"
    assert properties.author == "A. Writer"
    assert properties.subject == "A pause, not a pivot"
    assert properties.keywords == "a, b"
    assert properties.created == properties.modified
    assert properties.created is not None
    assert properties.created.isoformat().startswith("2026-03-04")
    assert properties.last_modified_by == ""
    assert not any(b"python-docx" in content for content in parts(data).values())
    assert not [name for name in parts(data) if "thumbnail" in name]


# -- any text at all -------------------------------------------------------------------------------


_text = st.text(max_size=80)
_block = st.one_of(
    st.builds(Paragraph, _text),
    st.builds(ListBlock, st.lists(_text, min_size=1, max_size=3).map(tuple), st.booleans()),
)
_section = st.builds(Section, st.none() | _text, st.lists(_block, max_size=3).map(tuple))
articles = st.builds(
    Article,
    title=st.text(max_size=300),
    subtitle=st.none() | _text,
    key_points=st.lists(_text, max_size=3).map(tuple),
    sections=st.lists(_section, max_size=3).map(tuple),
    metadata=st.builds(
        Metadata,
        author=st.none() | _text,
        date=st.none() | _text,
        language=st.none() | st.text(max_size=12),
        keywords=st.lists(_text, max_size=3).map(tuple),
    ),
)


def visible_text(article: Article) -> list[str]:
    """The paragraphs a reader should find, in order."""
    metadata = article.metadata
    texts = [article.title]
    if article.subtitle:
        texts.append(article.subtitle)
    line = byline(article, words_for(article, Theme()))
    if line:
        texts.append(line)
    if article.key_points:
        texts += [Theme().key_points.label, *(point.text for point in article.key_points)]
    for section in article.sections:
        if section.heading:
            texts.append(section.heading.text)
        for block in section.blocks:
            texts += [piece.text for piece in block_texts(block)]
    if metadata.source:
        texts.append(f"Source: {metadata.source}")
    return [xml_safe(text) for text in texts]


@settings(max_examples=40)
@given(articles)
def test_any_unicode_text_survives_in_a_document_python_docx_reopens(article: Article) -> None:
    document = docx.Document(io.BytesIO(render_docx(article, Theme())))
    assert [p.text for p in document.paragraphs] == visible_text(readable(article))


@settings(max_examples=8)
@given(articles)
def test_any_article_gives_valid_office_open_xml(article: Article) -> None:
    from openxml_audit import FileFormat, OpenXmlValidator

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "brief.docx")
        path.write_bytes(render_docx(article, Theme()))
        result = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365).validate(path)
    assert result.is_valid, [str(error) for error in result.errors]


def xml_safe(text: str) -> str:
    """What every format keeps of ``text``, with line breaks as spaces (a paragraph is one line)."""
    return re.sub("\r\n|[\r\n\x85\u2028\u2029]", " ", storable(text))


def test_characters_xml_cannot_hold_are_dropped_not_fatal() -> None:
    text = "a\x00b\x0bc\ud800d\ufffee\x7ff\u2028g"
    document = rendered(sample(title=text, sections=(Section(None, (Paragraph(text),)),)))
    assert document.paragraphs[0].text == "abcdef g"
    assert document.core_properties.title == "abcdef g"


# -- what Word will make of it ------------------------------------------------------------------


@pytest.mark.parametrize("theme_name", [info.name for info in available_themes()])
def test_every_brief_in_every_shipped_theme_is_valid_office_open_xml(
    theme_name: str, tmp_path: Path
) -> None:
    """Schema order and required parts, checked the way the Open XML SDK checks them."""
    from openxml_audit import FileFormat, OpenXmlValidator

    validator = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365)
    theme = load_theme(theme_name)
    right_to_left = sample(metadata=Metadata(language="ar"))
    articles = [parse_file(source) for source in SOURCES]
    articles += [sample(), right_to_left, marked_article()]
    for number, article in enumerate(articles):
        path = tmp_path / f"{number}.docx"
        path.write_bytes(render_docx(article, theme))
        result = validator.validate(path)
        assert result.is_valid, [str(error) for error in result.errors]


# -- marked text, quotes, heading levels and nested lists, from a Markdown brief ------------------


def marked_paragraphs() -> tuple[bytes, list[DocxParagraph]]:
    data = render_docx(marked_article(), load_theme())
    return data, docx.Document(io.BytesIO(data)).paragraphs


def runs_in(paragraph: DocxParagraph, style: str) -> list[str]:
    """The text of the runs in character ``style``, links' runs included."""
    runs = paragraph._p.xpath(f".//w:r[w:rPr/w:rStyle/@w:val='{style}']")
    return ["".join(run.xpath(".//w:t/text()")) for run in runs]


def test_spans_are_runs_in_character_styles() -> None:
    data, paragraphs = marked_paragraphs()
    lead = next(p for p in paragraphs if p.text.startswith("Health officials"))
    assert runs_in(lead, "Strong") == ["Friday", "bold quip"]
    assert runs_in(lead, "Emphasis") == ["stay open"]
    assert runs_in(lead, "VerbatimChar") == ["rota-v2", "tool"]
    quip = next(run for run in lead.runs if run.text == "bold quip")
    assert quip.style.name == "Strong" and quip.italic  # strong emphasis: style and italic
    styles = docx.Document(io.BytesIO(data)).styles
    assert styles["Strong"].font.bold and styles["Emphasis"].font.italic
    code_font = styles["Verbatim Char"].element.xpath("w:rPr/w:rFonts/@w:ascii")
    assert code_font == [load_theme().fonts.code.family]


def test_the_spans_of_one_link_are_one_hyperlink_and_breaks_are_breaks() -> None:
    _, paragraphs = marked_paragraphs()
    lead = next(p for p in paragraphs if p.text.startswith("Health officials"))
    links = [(link.text, link.address) for link in lead.hyperlinks]
    assert tuple(links) == BODY_LINKS
    rota = lead.hyperlinks[0]
    assert [run.style.name for run in rota.runs] == [
        "Hyperlink",
        "Hyperlink",
        "Hyperlink",
        "Verbatim Char",
    ]
    assert rota.runs[1].text == "new" and rota.runs[1].bold
    assert len(lead._p.xpath(".//w:br")) == 1
    assert "\nA second line" in lead.text  # python-docx reads w:br as a line break
    point = next(p for p in paragraphs if p.text == "See the plan")
    assert point.hyperlinks[0].address == "https://example.org/plan"


def test_quotes_heading_levels_and_nested_lists_have_their_styles() -> None:
    data, paragraphs = marked_paragraphs()
    by_text = {p.text: p for p in paragraphs}
    assert by_text["Quoted words from the minister."].style.name == "Quote"  # type: ignore[union-attr]
    assert by_text["A second quoted paragraph."].style.name == "Quote"  # type: ignore[union-attr]
    levels = {
        name: by_text[name].style.name for name in ("What changes", "Staffing", "Night shifts")
    }  # type: ignore[union-attr]
    assert levels == {
        "What changes": "Heading 1",
        "Staffing": "Heading 2",
        "Night shifts": "Heading 3",
    }
    styles = xml(data, "word/styles.xml")
    outline = styles.xpath(
        "w:style[@w:styleId='Heading3']/w:pPr/w:outlineLvl/@w:val", namespaces=NS
    )
    assert outline == ["2"]
    quote = styles.xpath("w:style[@w:styleId='Quote']", namespaces=NS)[0]
    assert quote.xpath("w:pPr/w:ind/@w:left", namespaces=NS) == [
        str(round(load_theme().quote.indent * 20))
    ]
    nested = [by_text["Until nine"], by_text["Until ten on Fridays"]]
    assert [p.style.name for p in nested] == ["List Bullet 2"] * 2  # type: ignore[union-attr]
    assert [p._p.pPr.numPr.ilvl.val for p in nested] == [1, 1]
    assert by_text["Weekday hours"]._p.pPr.numPr.ilvl.val == 0
    numbering = xml(data, "word/numbering.xml")
    bullets = numbering.xpath(
        "w:abstractNum[w:lvl[@w:ilvl='1']/w:numFmt/@w:val='bullet']", namespaces=NS
    )
    assert bullets, "the bullet list has a second level"


def test_the_byline_has_the_role_and_the_source_line_ends_the_document() -> None:
    data, paragraphs = marked_paragraphs()
    defined = set(xml(data, "word/styles.xml").xpath("w:style/@w:styleId", namespaces=NS))
    body = xml(data, "word/document.xml")
    used = set(body.xpath("//w:pStyle/@w:val | //w:rStyle/@w:val", namespaces=NS))
    assert {"Quote", "Source", "Strong", "Emphasis", "VerbatimChar", "ListBullet2"} <= used
    assert used <= defined
    assert paragraphs[1].style.name == "Byline"  # type: ignore[union-attr]
    assert paragraphs[1].text == "By Ana Souza, Health Reporter · May 4, 2024"
    source = paragraphs[-1]
    assert source.style.name == "Source"  # type: ignore[union-attr]
    assert source.text == "Source: https://example.org/wire/clinics"
    assert source.hyperlinks[0].address == "https://example.org/wire/clinics"
