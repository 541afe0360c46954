"""The PDF writer, read back with pypdf: text, outline, metadata, fonts, links and pages."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from exporter.errors import BriefError, MissingGlyphError
from exporter.model import Article, ListBlock, Metadata, Paragraph, Section
from exporter.reading import parse_file, parse_text
from exporter.theme import (
    Font,
    Fonts,
    HeaderFooter,
    KeyPointsBox,
    Page,
    PdfOptions,
    Theme,
    load_theme,
)
from exporter.writers import render_with_warnings
from exporter.writers.pdf import render_pdf, uncovered_characters
from exporter.writers.pdf.story import text as text_paragraph
from exporter.writers.pdf.styles import build_styles
from exporter.writers.pdf.tagging.structure import Element
from tests.strategies import brief_text
from tests.writers.marked import BODY_LINKS, marked_article

SOURCES = sorted((Path(__file__).resolve().parents[2] / "sources").iterdir())
# Briefs whose words a PDF text extractor cannot give back in order (right-to-left lines,
# Chinese without spaces, Korean words broken between syllables at line ends):
# tests/writers/test_scripts.py checks them word by word instead.
SCRIPT_BRIEFS = {"ar-gulf-summit.txt", "he-knesset-budget.txt", "zh-wonsan-tourism.txt"}
SCRIPT_BRIEFS |= {"mixed-script-names.txt", "ko-choe-wonsan.txt"}
REFERENCE_BRIEF = "000_9308d7e73d83f95c.txt"

LETTER = Page(width=612.0, height=792.0, margin_top=54, margin_bottom=54)
#: A theme whose tagged PDF draws a character no font has as an empty box instead of refusing.
WARN = Theme(pdf=PdfOptions(missing_glyphs="warn"))

REFERENCE = Article(
    title="North Korea’s Unconditional Support for Russia in Ukraine",
    key_points=(
        "North Korea pledges full and unconditional support to Russia regarding Ukraine.",
        "Kim Jong Un expressed hope for Russia’s victory in the war.",
        "Sergey Lavrov’s visit highlights strengthening ties between Pyongyang and Moscow.",
        "Wonsan is being promoted as a tourist destination for Russians soon.",
        "Both nations focus on countering external influences escalating regional tensions.",
    ),
    sections=(
        Section(
            None, (Paragraph("North Korea’s unwavering allegiance to Russia takes center stage."),)
        ),
        Section(
            "Strengthening Ties Through Diplomacy and Tourism",
            (
                Paragraph(
                    "Lavrov’s visit showcases the growing camaraderie, see www.example.org/a."
                ),
            ),
        ),
        Section(
            "Joint Efforts Against External Regional Threats",
            (
                Paragraph("In talks with Choe Son Hui, Lavrov expressed gratitude."),
                ListBlock(("First item of a list", "Second item of a list")),
                Paragraph("In summary, North Korea’s strong support marks a significant moment."),
            ),
        ),
    ),
    metadata=Metadata(
        author="Desk Reporter",
        date="2026-11-27",
        language="en-GB",
        keywords=("North Korea", "Russia"),
        description="Pyongyang backs Moscow",
    ),
)

FILLER = (
    "Negotiators from the member states met again on Tuesday to discuss the draft text "
    "and agreed to continue their work next week despite several unresolved objections."
)


def long_article(sections: int = 8, paragraphs: int = 4) -> Article:
    return Article(
        title="A long brief that runs over several pages",
        key_points=("First point", "Second point"),
        sections=tuple(
            Section(
                f"Section number {number}",
                tuple(Paragraph(f"{FILLER} Part {number}.{index}.") for index in range(paragraphs)),
            )
            for number in range(1, sections + 1)
        ),
    )


def read(article: Article, theme: Theme | None = None) -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(article, theme or Theme())))


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def flat_text(reader: PdfReader) -> str:
    """All the text of the document with line breaks and runs of spaces as single spaces."""
    return " ".join(" ".join(page_texts(reader)).split())


def words(text: str) -> list[str]:
    return text.split()


def assert_in_order(expected: list[str], actual: list[str]) -> None:
    """Every expected word appears in ``actual``, in order (running heads may come between)."""
    position = 0
    for word in expected:
        try:
            position = actual.index(word, position) + 1
        except ValueError:
            pytest.fail(f"{word!r} missing or out of order after word {position}: {actual}")


def article_words(article: Article) -> list[str]:
    return [word for text in article.plain_texts() for word in words(text)]


def outline_titles(article: Article, theme: Theme | None = None) -> list[str]:
    """The outline the PDF should have: the title, the key points, then every section."""
    label = (theme or Theme()).key_points.label_for(article.metadata.language)
    points = [label] if article.key_points and label.strip() else []
    return [article.title, *points, *article.headings]


def outline(reader: PdfReader) -> list[str]:
    """The outline's titles in order, nested entries after their parent (as pypdf lists them)."""

    def flat(entries: list[object]) -> list[str]:
        found = []
        for entry in entries:
            found += flat(entry) if isinstance(entry, list) else [entry.title]  # type: ignore[attr-defined]
        return found

    return flat(reader.outline)


def all_objects(reader: PdfReader) -> list[object]:
    objects = []
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            objects.append(reader.get_object(IndirectObject(number, 0, reader)))
        except Exception:
            continue
    return objects


# -------------------------------------------------------------------------- briefs


# Briefs whose text needs a CJK font in the PDF (tests/tools.py).
CJK_BRIEFS = {"ko-choe-wonsan.txt", "zh-wonsan-tourism.txt", "mixed-script-names.txt"}


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(path, marks=pytest.mark.needs("cjk-fonts"))
        if path.name in CJK_BRIEFS
        else path
        for path in SOURCES
        if path.name not in SCRIPT_BRIEFS
    ],
    ids=lambda path: path.name,
)
def test_every_brief_converts_with_every_word_and_heading(path: Path) -> None:
    article = parse_file(path)
    reader = read(article)
    assert_in_order(article_words(article), words(flat_text(reader)))
    assert outline(reader) == outline_titles(article)


def test_the_reference_brief() -> None:
    article = parse_file(next(path for path in SOURCES if path.name == REFERENCE_BRIEF))
    reader = read(article)
    first_page = " ".join(reader.pages[0].extract_text().split())
    assert first_page.startswith("North Korea’s Unconditional Support for Russia in Ukraine")
    assert first_page.count("• ") == 5
    assert outline(reader) == [
        "North Korea’s Unconditional Support for Russia in Ukraine",
        "Key points",
        "Strengthening Ties Through Diplomacy and Tourism",
        "Joint Efforts Against External Regional Threats",
    ]
    assert uncovered_characters(article, Theme()) == []


@settings(max_examples=20, deadline=None)
@given(brief_text)
def test_any_parsed_brief_renders(text: str) -> None:
    try:
        article = parse_text(text)
    except BriefError:
        return
    reader = read(article, WARN)
    assert len(reader.pages) >= 1
    assert outline(reader) == outline_titles(article)


# ---------------------------------------------------------------------------- text


def test_every_word_is_extracted_in_reading_order() -> None:
    reader = read(REFERENCE)
    assert_in_order(article_words(REFERENCE), words(" ".join(page_texts(reader))))


def test_markup_lookalikes_print_literally() -> None:
    tricky = "AT&T <b>bold</b> x<y & <unconfirmed> <font size=40>big</font> &amp; {page}"
    article = Article(
        title="Title with <i>tags</i> & ampersands",
        key_points=(tricky,),
        sections=(Section("Heading <b>", (Paragraph(tricky), ListBlock((tricky,)))),),
    )
    text = flat_text(read(article))
    assert text.count("AT&T <b>bold</b> x<y & <unconfirmed> <font size=40>big</font>") == 3
    assert text.count("&amp; {page}") == 3
    assert "Title with <i>tags</i> & ampersands" in text
    assert "Heading <b>" in text


def test_greek_and_cyrillic_extract() -> None:
    article = Article(
        title="Ειδήσεις και Новости",
        key_points=("Καλημέρα κόσμε",),
        sections=(Section("Заголовок раздела", (Paragraph("Привет, мир. Γειά σου!"),)),),
    )
    text = flat_text(read(article))
    for phrase in ("Ειδήσεις και Новости", "Καλημέρα κόσμε", "Заголовок раздела", "Привет, мир."):
        assert phrase in text


def test_a_character_the_main_font_lacks_comes_from_a_fallback() -> None:
    theme = Theme(fonts=Fonts(body=Font("Noto Serif", fallbacks=("DejaVu Sans",))))
    article = Article(title="Weather", sections=(Section(None, (Paragraph("Snow ☃ today"),)),))
    reader = read(article, theme)
    assert "Snow ☃ today" in reader.pages[0].extract_text()
    assert any("DejaVuSans" in name for name in font_names(reader))


def test_a_word_that_mixes_scripts_is_set_in_one_font_that_has_all_of_it() -> None:
    # One font change per word made reportlab's line breaking 15 times slower (issue 19).
    theme = Theme(fonts=Fonts(body=Font("Noto Serif", fallbacks=("DejaVu Sans",))))
    article = Article(title="Weather", sections=(Section(None, (Paragraph("a☃ " * 400),)),))
    reader = read(article, theme)
    assert words(flat_text(reader)).count("a☃") == 400
    content = b"".join(page.get_contents().get_data() for page in reader.pages)  # type: ignore[union-attr]
    assert content.count(b" Tf") < 100, "a font change per line at most, not per word"


#: A paragraph whose first part, split by reportlab at 74pt, wrapped to 88pt the second time:
#: the document failed with LayoutError on page 261 of a 1 MB brief (issue 19's benchmark).
MIXED_PARAGRAPH = (
    "a emphasizing promoted international In both may highlights and for the Russia καλημέρα "
    "κόσμε Korea’s warm unwavering Ukraine. cause reshape Sergey these made the and visit, "
    "доброе утро мир Korean as to their are support beneficial larger commitment a objectives. "
    "Un 你好世界今天 even takes future Korea’s on visit for people-to-people no Choe nations "
    "Pyongyang. مرحبا بالعالم Un “root a counter expressed during regarding hope is enhance to "
    "they καλημέρα κόσμε in victory Lavrov’s North suggest players,” Unconditional Threats "
    "Russian As Northeast its 日本語のテキスト."
)


def test_a_split_paragraph_always_fits_where_it_was_split() -> None:
    theme = load_theme()
    styles = build_styles(theme, "en", "ltr")
    width = theme.page.width - theme.page.margin_left - theme.page.margin_right
    for height in range(14, 200, 3):
        paragraph = text_paragraph(MIXED_PARAGRAPH, styles.body, theme, Element("P"))
        parts = paragraph.split(width, height)
        if len(parts) == 2:
            heights = [parts[0].wrap(width, height)[1] for _ in range(3)]
            assert max(heights) <= height + 1e-6, (height, heights)


def test_no_key_points_box_without_key_points() -> None:
    article = replace(REFERENCE, key_points=())
    assert "Key points" not in read(article).pages[0].extract_text()
    assert "Key points" in read(REFERENCE).pages[0].extract_text()


def test_key_points_label_comes_from_the_theme() -> None:
    theme = Theme(key_points=KeyPointsBox(label="À retenir", bullet="–"))
    text = read(REFERENCE, theme).pages[0].extract_text()
    assert "À retenir" in text
    assert "– Kim Jong Un" in text


def test_a_key_points_box_taller_than_a_page_splits_and_keeps_every_point() -> None:
    points = tuple(f"Key point number {index} {FILLER}" for index in range(60))
    reader = read(Article(title="Many points", key_points=points))
    assert len(reader.pages) >= 3
    text = words(" ".join(page_texts(reader)))
    assert_in_order([word for point in points for word in words(point)], text)


# ---------------------------------------------------------------------- navigation


def test_outline_lists_the_title_the_key_points_and_the_section_headings() -> None:
    reader = read(REFERENCE)
    assert outline(reader) == [REFERENCE.title, "Key points", *REFERENCE.headings]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_a_brief_without_headings_or_key_points_has_its_title_in_the_outline() -> None:
    article = Article(title="Only a title", sections=(Section(None, (Paragraph("Text."),)),))
    assert outline(read(article)) == ["Only a title"]


def test_the_outline_names_the_key_points_by_the_theme_s_label() -> None:
    theme = Theme(key_points=KeyPointsBox(label="", translations=()))
    assert outline(read(REFERENCE, theme)) == [REFERENCE.title, *REFERENCE.headings]
    theme = Theme(key_points=KeyPointsBox(label="At a glance"))
    assert outline(read(REFERENCE, theme))[:2] == [REFERENCE.title, "At a glance"]


def test_the_outline_matches_the_epub_navigation() -> None:
    from exporter.writers.xhtml.document import navigation

    for path in SOURCES:
        article = parse_file(path)
        entries = outline(read(article, WARN))
        assert entries[0] == article.title
        sections = [anchor.label for anchor in navigation(article)]
        if article.headings:  # the navigation lists the title alone when there are none
            assert entries[-len(sections) :] == sections, path.name


def test_outline_entries_open_at_their_heading() -> None:
    reader = read(long_article())
    for entry in reader.outline:
        assert entry["/Type"] == "/XYZ"  # type: ignore[index]
        page = reader.get_destination_page_number(entry)  # type: ignore[arg-type]
        text = " ".join(reader.pages[page].extract_text().split())
        assert entry.title in text  # type: ignore[union-attr]


def test_urls_are_clickable_links() -> None:
    reader = read(REFERENCE)
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
    ]
    assert uris == ["https://www.example.org/a"]


# ------------------------------------------------------------------------ metadata


def test_document_metadata() -> None:
    reader = read(REFERENCE)
    info = reader.metadata
    assert info is not None
    assert info.title == REFERENCE.title
    assert info.author == "Desk Reporter"
    assert info.subject == "Pyongyang backs Moscow"
    assert info["/Keywords"] == "North Korea, Russia"
    assert info["/CreationDate"].startswith("D:20261127")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


def test_an_unknown_language_is_declared_undetermined() -> None:
    article = replace(REFERENCE, metadata=Metadata())
    assert read(article).trailer["/Root"]["/Lang"] == "und"


# --------------------------------------------------------------------------- fonts


def font_dictionaries(reader: PdfReader) -> list[DictionaryObject]:
    fonts = []
    for obj in all_objects(reader):
        if isinstance(obj, DictionaryObject) and obj.get("/Type") == "/Font":
            fonts.append(obj)
    return fonts


def font_names(reader: PdfReader) -> list[str]:
    return [str(font["/BaseFont"]) for font in font_dictionaries(reader)]


def is_embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type0":
        return all(is_embedded(part.get_object()) for part in font["/DescendantFonts"])
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


@pytest.mark.parametrize(
    "theme",
    [
        Theme(),
        Theme(page=LETTER, justify=True, hyphenate=True),
        Theme(fonts=Fonts(body=Font("Noto Serif"), heading=Font("Noto Sans"))),
        Theme(header=HeaderFooter(left="{short_title}", right="{date}")),
    ],
)
def test_every_font_is_embedded_and_none_is_helvetica(theme: Theme) -> None:
    reader = read(REFERENCE, theme)
    fonts = font_dictionaries(reader)
    assert fonts
    assert all(is_embedded(font) for font in fonts), font_names(reader)
    assert not any("Helvetica" in name for name in font_names(reader))


def test_subset_fonts_are_used() -> None:
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in font_names(read(REFERENCE)))


# --------------------------------------------------------------------------- pages


def test_page_size_comes_from_the_theme() -> None:
    a4 = read(REFERENCE).pages[0].mediabox
    letter = read(REFERENCE, Theme(page=LETTER)).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (float(letter.width), float(letter.height)) == (612, 792)


def test_a_long_brief_has_page_numbers_of_the_total() -> None:
    reader = read(long_article())
    total = len(reader.pages)
    assert total >= 3
    for number, text in enumerate(page_texts(reader), start=1):
        assert f"{number} / {total}" in text


def test_header_templates_are_filled_from_the_second_page() -> None:
    theme = Theme(
        header=HeaderFooter(left="{short_title}", center="{author}", right="p. {page} {x}")
    )
    article = replace(long_article(), metadata=Metadata(author="Desk Reporter"))
    reader = read(article, theme)
    assert "p. 1 {x}" not in reader.pages[0].extract_text()
    second = reader.pages[1].extract_text()
    assert "Desk Reporter" in second
    assert "p. 2 {x}" in second
    assert "A long brief that runs over several pages" in second


@pytest.mark.parametrize(("sections", "paragraphs"), [(8, 4), (14, 2), (12, 1)])
def test_a_heading_is_never_the_last_thing_on_a_page(sections: int, paragraphs: int) -> None:
    reader = read(long_article(sections, paragraphs))
    for text in page_texts(reader)[:-1]:
        body_lines = [line for line in text.splitlines() if not re.fullmatch(r"\d+ / \d+", line)]
        assert not body_lines[-1].startswith("Section number")


def test_same_input_gives_the_same_bytes() -> None:
    assert render_pdf(long_article(), Theme()) == render_pdf(long_article(), Theme())


def test_without_a_date_the_build_epoch_dates_the_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = replace(REFERENCE, metadata=Metadata())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    info = read(article).metadata
    assert info is not None
    assert info["/CreationDate"].startswith("D:20231114")


# ------------------------------------------------------------------------ coverage


def test_uncovered_characters_are_named() -> None:
    # Yi syllables: no bundled font and none of the system script families has them.
    article = Article(title="Yi ꀀꀁ", sections=(Section(None, (Paragraph("Ωμέγα"),)),))
    warnings = uncovered_characters(article, WARN)
    assert len(warnings) == 1
    assert warnings[0].line is None  # a hand-built article has no lines
    assert "'ꀀ' (U+A000)" in warnings[0].message
    assert "'ꀁ' (U+A001)" in warnings[0].message
    assert "title" in warnings[0].message


def test_a_missing_glyph_names_the_line_of_the_brief_from_every_entry_point() -> None:
    brief = "---\nauthor: Desk ꀁ\n---\nYi Letters\n\nA paragraph on syllables.\n\nOne: ꀀ.\n"
    article = parse_text(brief, "yi.txt", language="en")
    warn = {"pdf.missing_glyphs": "warn"}
    by_part = {
        warning.message.split(" in the ")[1].split(";")[0]: warning.line
        for warning in render_with_warnings(article, "pdf", options=warn).warnings
        if warning.message.startswith("PDF:")
    }
    assert by_part == {"body text": 8, "author and date": 2}
    with pytest.raises(MissingGlyphError) as refused:  # a tagged PDF: the first line
        render_with_warnings(article, "pdf")
    assert refused.value.line == 2


def test_greek_and_cyrillic_need_no_warning() -> None:
    article = Article(title="Ωμέγα", sections=(Section("Привет", (Paragraph("Καλημέρα"),)),))
    assert uncovered_characters(article, Theme()) == []


def test_hyphenation_follows_the_document_language() -> None:
    theme = Theme(justify=True, hyphenate=True)

    def breaks(language: str, word: str) -> list[tuple[str, str]]:
        hyphenator = build_styles(theme, language).body.paragraph.hyphenationLang
        return list(hyphenator(word)) if callable(hyphenator) else []

    assert ("hyphen", "ation") in breaks("en-GB", "hyphenation")
    assert ("Silben", "trennung") in breaks("de-DE", "Silbentrennung")
    assert breaks("en-GB", "respectively") == [("respect", "ively")]  # no "re-" or "-ly"
    assert breaks("tlh", "hyphenation") == []
    assert build_styles(Theme(), "en-GB").body.paragraph.hyphenationLang == ""


def test_a_word_longer_than_any_dictionary_word_is_split_not_hyphenated() -> None:
    # reportlab measures every break point of a word on every line: a 11,000-letter word
    # hyphenated took minutes; split between letters it takes a moment, and every letter shows.
    # No running header or footer: nothing but the brief comes between the pages' text.
    theme = Theme(justify=True, hyphenate=True, header=HeaderFooter(), footer=HeaderFooter())
    hyphenator = build_styles(theme, "en").body.paragraph.hyphenationLang
    word = "hyphenation" * 1_000
    assert list(hyphenator(word)) == []
    assert ("Rindfleischetikettierungs", "überwachungsaufgaben") in list(
        build_styles(theme, "de").body.paragraph.hyphenationLang(
            "Rindfleischetikettierungsüberwachungsaufgaben"
        )
    )
    article = Article("Long", sections=(Section(None, (Paragraph(f"A {word} end."),)),))
    text = "".join(page.extract_text() for page in read(article, theme).pages)
    assert re.sub(r"\s", "", text).count("hyphenation") == 1_000


def test_a_hyphenated_justified_brief_still_renders_every_page() -> None:
    theme = Theme(justify=True, hyphenate=True, page=LETTER)
    reader = read(long_article(), theme)
    assert len(reader.pages) >= 3


# ------------------------------------------------------------------------ property

# Letters and punctuation of the scripts the bundled fonts cover, with markup characters.
_TEXT_ALPHABET = st.characters(
    categories=("L", "N", "P", "S", "Zs"),
    max_codepoint=0x04FF,
) | st.sampled_from(list("<>&\"';{}/=#"))


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.text(_TEXT_ALPHABET, min_size=1, max_size=80).map(_clean), min_size=1, max_size=4)
)
def test_random_paragraphs_render_and_extract(paragraphs: list[str]) -> None:
    paragraphs = [text for text in paragraphs if text] or ["x"]
    article = Article(
        title="Random", sections=(Section("Heading", tuple(map(Paragraph, paragraphs))),)
    )
    reader = read(article, WARN)
    extracted = _clean(" ".join(page_texts(reader)))
    for text in paragraphs:
        for word in words(text):
            if all(unicodedata.category(ch)[0] in "LNP" or ch in "<>&\"';{}/=#" for ch in word):
                assert unicodedata.normalize("NFKC", word) in unicodedata.normalize(
                    "NFKC", extracted
                )


@settings(max_examples=15, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn")), max_size=200))
def test_any_unicode_text_renders(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    article = Article(
        title=text or "t", key_points=(text,), sections=(Section(text, (Paragraph(text),)),)
    )
    assert render_pdf(article, WARN).startswith(b"%PDF-")


@pytest.mark.usefixtures("no_system_fonts")
def test_renders_with_bundled_fonts_when_the_system_has_none() -> None:
    theme = Theme(fonts=Fonts(body=Font("Georgia"), heading=Font("Helvetica Neue")))
    article = Article(title="Новости", sections=(Section("Ειδήσεις", (Paragraph("Привет"),)),))
    reader = read(article, theme)
    assert "Новости" in flat_text(reader)
    assert all(is_embedded(font) for font in font_dictionaries(reader))


def test_uncovered_characters_in_the_author_line_are_named() -> None:
    article = Article(title="T", metadata=Metadata(author="ꀀꀁ"))
    (warning,) = uncovered_characters(article, WARN)
    assert "'ꀀ' (U+A000)" in warning.message
    assert "author and date" in warning.message


def test_an_address_longer_than_a_line_wraps_inside_the_page() -> None:
    address = "https://example.org/" + "a" * 300
    article = Article(title="Links", sections=(Section(None, (Paragraph(f"See {address} now"),)),))
    lines = [line for line in read(article).pages[0].extract_text().splitlines() if "aaa" in line]
    assert len(lines) >= 3  # broken over lines, not run off the page
    assert "".join(lines).count("a") >= 300


# ------------------------------------------------------- marked text, quotes, levels, nested lists


@pytest.fixture(scope="module")
def marked_pdf() -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(marked_article(), load_theme())))


def runs_with_fonts(reader: PdfReader) -> list[tuple[str, str]]:
    """Each run of text the pages show, with the PostScript name of its font (no subset tag)."""
    runs: list[tuple[str, str]] = []

    def visit(
        text: str, _cm: object, _tm: object, font: dict[str, object] | None, _size: object
    ) -> None:
        if text.strip() and font is not None:
            runs.append((text.strip(), str(font["/BaseFont"]).split("+")[-1]))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return runs


def test_spans_are_set_in_the_bold_italic_and_code_faces(marked_pdf: PdfReader) -> None:
    fonts = dict(runs_with_fonts(marked_pdf))
    assert fonts["Friday"] == "NotoSerif-Bold"
    assert fonts["stay open"] == "NotoSerif-Italic"
    assert fonts["bold quip"] == "NotoSerif-BoldItalic"
    assert fonts["rota-v2"] == fonts["tool"] == "DejaVuSansMono"
    assert fonts["new"] == "NotoSerif-Bold"  # strong inside a link
    assert fonts["Health officials said on"] == "NotoSerif-Regular"


def test_links_are_annotations_and_breaks_start_a_line(marked_pdf: PdfReader) -> None:
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in marked_pdf.pages
        for annotation in page.get("/Annots", [])  # type: ignore[union-attr]
    ]
    for _, target in BODY_LINKS:
        assert target in uris
    assert "https://example.org/plan" in uris
    text = flat_text(marked_pdf)
    assert "the new rota tool" in " ".join(text.split())
    lines = [line.strip() for line in marked_pdf.pages[0].extract_text().splitlines()]
    assert "A second line after a hard break." in lines


def test_quotes_are_indented_in_the_quote_face(marked_pdf: PdfReader) -> None:
    fonts = runs_with_fonts(marked_pdf)
    quote = [font for text, font in fonts if "quoted paragraph" in text]
    assert quote == ["NotoSerif-Italic"]  # the default theme sets quotations in italic
    assert ("words", "NotoSerif-BoldItalic") in fonts
    positions: dict[str, float] = {}

    def visit(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            positions.setdefault(text.strip(), tm[4])

    marked_pdf.pages[0].extract_text(visitor_text=visit)
    indent = positions["A second quoted paragraph."] - positions["Some text."]
    assert abs(indent - load_theme().quote.indent) < 0.5


def test_outline_nests_subsections_and_headings_shrink_by_level(marked_pdf: PdfReader) -> None:
    def nested(entries: list[object], depth: int = 0) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        for entry in entries:
            if isinstance(entry, list):
                found += nested(entry, depth + 1)
            else:
                found.append((depth, entry.title))  # type: ignore[attr-defined]
        return found

    assert nested(marked_pdf.outline) == [
        (0, "Clinics extend hours"),  # the title, the key points, then the sections
        (0, "Key points"),
        (0, "What changes"),
        (1, "Staffing"),
        (2, "Night shifts"),
        (0, "Next steps"),
    ]
    sizes: dict[str, float] = {}

    def visit(text: str, _cm: object, tm: list[float], _font: object, size: float) -> None:
        sizes.setdefault(text.strip(), size * tm[0])

    marked_pdf.pages[0].extract_text(visitor_text=visit)
    assert sizes["What changes"] > sizes["Staffing"] > sizes["Night shifts"] >= sizes["Some text."]


def test_nested_items_are_indented_and_the_source_line_ends_the_document(
    marked_pdf: PdfReader,
) -> None:
    starts: dict[str, float] = {}

    def visit(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            starts.setdefault(text.strip(), tm[4])

    marked_pdf.pages[0].extract_text(visitor_text=visit)
    step = starts["Until nine"] - starts["Weekday hours"]
    assert abs(step - load_theme().spacing.list_indent) < 0.5
    text = flat_text(marked_pdf)
    assert "By Ana Souza, Health Reporter · May 4, 2024" in text
    body = text[: text.rindex("1 / 1")] if "1 / 1" in text else text
    assert body.rstrip().endswith("Source: https://example.org/wire/clinics")
