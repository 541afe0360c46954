"""The EPUB writer, read back as a reader would: EPUBCheck, the package, nav, NCX and XHTML."""

from __future__ import annotations

import functools
import io
import random
import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from exporter.errors import ThemeError
from exporter.fonts.usage import document_characters
from exporter.model import Article, ListBlock, Metadata, Paragraph, Section
from exporter.reading import parse_file
from exporter.text.characters import storable
from exporter.text.readable import readable
from exporter.text.wording import words_for
from exporter.theme import (
    Brand,
    Epub,
    Font,
    Fonts,
    Theme,
    available_themes,
    load_theme,
)
from exporter.writers import choose_theme
from exporter.writers.epub import render_epub
from exporter.writers.epub.metadata import identifier
from tests.font_files import NOTO_SANS_BOLD, NOTO_SERIF, cff_font
from tests.validators.epubcheck import Report, epubcheck_reports, problems
from tests.writers.marked import BODY_LINKS, marked_article

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(path for path in (ROOT / "sources").iterdir() if path.is_file())
NS = {
    "h": "http://www.w3.org/1999/xhtml",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NASTY = "<b> & {} ]]> <![CDATA[x]]> &amp; \"quoted\" 'single' <!-- not a comment -->"


BRIEFS = {f"source-{path.stem}": parse_file(path) for path in SOURCES}
REFERENCE = "source-000_9308d7e73d83f95c"

EDGE_CASES: dict[str, Article] = {
    "everything": Article(
        title="Rates on Hold",
        subtitle="A pause, not a pivot",
        key_points=("Rates unchanged at 5.25%", "See https://example.org/rates?x=1&y=2."),
        sections=(
            Section(None, (Paragraph("Lead paragraph with www.example.com/report."),)),
            Section("Why Not Cut Now?", (ListBlock(("one", "two"), ordered=True),)),
            Section("What Comes Next", (ListBlock(("alpha", "beta")), Paragraph("End."))),
        ),
        metadata=Metadata(
            author="A. Writer",
            date="2024-05-06",
            language="en_GB",
            keywords=("rates", "central banks"),
            description="Why the bank held rates.",
            source="https://example.org/source",
        ),
    ),
    "no-key-points": Article(
        title="No Key Points", sections=(Section("Only Section", (Paragraph("Text."),)),)
    ),
    "no-headings": Article(
        title="No Headings",
        key_points=("A point",),
        sections=(Section(None, (Paragraph("One."), Paragraph("Two."))),),
    ),
    "title-only": Article(title="Just a Title"),
    "special-characters": Article(
        title=NASTY,
        subtitle=NASTY,
        key_points=(NASTY,),
        sections=(Section(NASTY, (Paragraph(NASTY), ListBlock((NASTY, NASTY)))),),
        metadata=Metadata(author=NASTY, date=NASTY, keywords=(NASTY,), description=NASTY),
    ),
    "arabic": Article(
        title="كوريا الشمالية تدعم روسيا",
        key_points=("زيارة لافروف إلى بيونغ يانغ", "تعزيز السياحة في وونسان"),
        sections=(
            Section(None, (Paragraph("أعلنت كوريا الشمالية دعمها الكامل لروسيا."),)),
            Section("العلاقات الدبلوماسية", (Paragraph("قال الوزير إن العلاقات قوية 2024."),)),
        ),
        metadata=Metadata(language="ar", author="كاتب"),
    ),
    "hebrew-without-language": Article(
        title="שלום עולם",
        key_points=("נקודה ראשונה",),
        sections=(Section("כותרת", (Paragraph("טקסט בעברית עם www.example.co.il בתוכו."),)),),
    ),
    "blank-parts": Article(
        " ",
        subtitle=" ",
        key_points=("", " "),
        sections=(Section(" ", (Paragraph(""), ListBlock(("",)))), Section("Real", ())),
        metadata=Metadata(author=" ", date=" ", keywords=("", " "), description=" "),
    ),
    "blank-everything": Article(""),
    "malformed-language": Article("Language en-a", metadata=Metadata(language="en-a")),
    "complex-language": Article("Serbian", metadata=Metadata(language="sr-Latn-RS-u-nu-latn")),
    "unicode-stress": Article(
        title="Zoë’s café — 東京 😀 e\u0301 \u200d\u200b \u00a0 tab\there",
        key_points=("Mixed עברית and English", "\u202eRLO override\u202c kept"),
        sections=(
            Section(
                "Émigrés & naïveté", (Paragraph("\ufeffBOM-like \U0001f9d1\u200d\U0001f680 x"),)
            ),
        ),
        metadata=Metadata(language="fr", keywords=("économie",)),
    ),
}


@functools.cache
def printable_characters() -> list[str]:
    return [
        chr(code)
        for code in range(0x20, 0x30000)
        if unicodedata.category(chr(code)) not in ("Cc", "Cs", "Cn", "Co")
    ]


def random_article(seed: int) -> Article:
    """An article of random printable Unicode (any script, emoji, marks), the same every run."""
    rng = random.Random(seed)
    alphabet = printable_characters()

    def text() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))

    return Article(
        title=text(),
        subtitle=text(),
        key_points=tuple(text() for _ in range(3)),
        sections=(
            Section(None, (Paragraph(text()),)),
            Section(text(), (Paragraph(text()), ListBlock((text(), text()), ordered=True))),
        ),
        metadata=Metadata(author=text(), keywords=(text(),), description=text()),
    )


NASTY_URLS = [
    "https://exa[mple.com/x",
    "https://www.ex%zz.com",
    "https://a:b@c:99999/",
    "https://例え.jp/パス",
    "http://[::1",
    "http://[::1]:8080/x",
    "https://x.com/a|b{c}^d`e",
    "http://-bad-.com",
    "https://x.com/%",
    "www.a..b",
    "https://x.com/a#b#c",
    "http://a_b.com",
    "https://:80",
    "http://%41.com",
    "https://x.com/\\p",
    "http://999.1.1.1/",
    "http://xn--zz.com",
    "http://example.123",
    "https://x.com/a\u200db\ufdd0c",
]


def random_urls(seed: int, count: int) -> list[str]:
    """Address-like strings of awkward characters, the same every run."""
    rng = random.Random(seed)
    alphabet = "abcxyz0189.-_~:@[]%#?&=+!$'()*,;/\\|{}^`éß例\u200d\u00ad"

    def run() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))

    return [rng.choice(("https://", "http://", "www.")) + run() + "/" + run() for _ in range(count)]


URL_CASES = {
    "urls": Article(
        title="Addresses",
        key_points=tuple(NASTY_URLS[:3]),
        sections=(
            Section(None, tuple(Paragraph(f"See {url} now.") for url in NASTY_URLS)),
            Section("Random", tuple(Paragraph(f"({url})") for url in random_urls(7, 150))),
        ),
        metadata=Metadata(language="en"),
    )
}
RANDOM_CASES = {f"random-{seed}": random_article(seed) for seed in range(3)}
#: A Markdown brief with every span, a quote, heading levels and a nested list.
MARKED_CASES = {"markdown-marked": marked_article()}
CASES = EDGE_CASES | URL_CASES | RANDOM_CASES | BRIEFS | MARKED_CASES


@pytest.fixture(scope="session")
def epubcheck(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    """EPUBCheck's JSON report for every case, all checked in one JVM start."""
    folder = tmp_path_factory.mktemp("epubcheck")
    paths = []
    for name, article in CASES.items():
        path = folder / f"{name}.epub"
        path.write_bytes(render_epub(article, theme_of(article)))
        paths.append(path)
    for info in available_themes():
        path = folder / f"theme-{info.name}.epub"
        path.write_bytes(render_epub(EDGE_CASES["everything"], load_theme(info.name)))
        paths.append(path)
    fonts = folder / "embedded-fonts.epub"
    fonts.write_bytes(render_epub(EDGE_CASES["everything"], font_theme(folder)))
    paths.append(fonts)
    for name, theme in cover_themes(folder).items():
        path = folder / f"{name}.epub"
        path.write_bytes(render_epub(EDGE_CASES["everything"], theme))
        paths.append(path)
    certified = folder / "certified.epub"  # names a certifier and credential
    certified.write_bytes(render_epub(EDGE_CASES["everything"], CERTIFIED))
    paths.append(certified)
    broken = folder / "harness-broken.epub"  # proves the harness reports problems at all
    broken.write_bytes(render_epub(EDGE_CASES["everything"], Theme())[:-200])
    paths.append(broken)
    return epubcheck_reports(paths)


def font_theme(folder: Path) -> Theme:
    """A theme whose fonts name files: TrueType, and OpenType with CFF outlines."""
    (folder / "fonts").mkdir(exist_ok=True)
    shutil.copy(NOTO_SERIF, folder / "fonts" / "Serif.ttf")
    cff_font(folder / "fonts" / "Serif-Bold.otf", "Brand Serif", source=NOTO_SANS_BOLD)
    shutil.copy(NOTO_SANS_BOLD, folder / "fonts" / "Sans-Bold.ttf")
    sans = Font("Brand Sans", ("Arial",), (("bold", "fonts/Sans-Bold.ttf"),))
    serif = Font(
        "Brand Serif",
        files=(("regular", str(folder / "fonts" / "Serif.ttf")), ("bold", "fonts/Serif-Bold.otf")),
    )
    return Theme(
        source=str(folder / "brand.toml"), fonts=Fonts(body=serif, heading=sans, title=sans)
    )


def cover_themes(folder: Path) -> dict[str, Theme]:
    """Themes with a logo on the generated cover (PNG, SVG), and with a cover image of their own."""
    from tests.writers.test_epub_cover import PNG, SVG_LOGO

    (folder / "logo.png").write_bytes(PNG)
    (folder / "logo.svg").write_bytes(SVG_LOGO)
    return {
        "cover-png-logo": Theme(brand=Brand(logo=str(folder / "logo.png"))),
        "cover-svg-logo": Theme(brand=Brand(logo=str(folder / "logo.svg"))),
        "cover-of-the-theme": Theme(
            epub=Epub(cover=str(folder / "logo.png")), brand=Brand(logo=str(folder / "logo.svg"))
        ),
    }


THEME_CASES = [f"theme-{info.name}" for info in available_themes()]
COVER_CASES = ["cover-png-logo", "cover-svg-logo", "cover-of-the-theme"]
CERTIFIED = Theme(epub=Epub("Accessibility Testers Group", "DAISY OK"))


@pytest.mark.slow
@pytest.mark.needs("java")
@pytest.mark.parametrize(
    "name", [*CASES, *THEME_CASES, "embedded-fonts", "certified", *COVER_CASES]
)
def test_epubcheck_reports_no_errors_or_warnings(name: str, epubcheck: dict[str, Report]) -> None:
    assert problems(epubcheck[name]) == []


@pytest.mark.slow
@pytest.mark.needs("java")
def test_the_epubcheck_harness_does_report_a_broken_file(epubcheck: dict[str, Report]) -> None:
    assert problems(epubcheck["harness-broken"])


# Reading an EPUB back -------------------------------------------------------------------------


class Book:
    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.opf = self.xml("EPUB/content.opf")
        self.nav = self.xml("EPUB/nav.xhtml")
        self.ncx = self.xml("EPUB/toc.ncx")
        self.article = self.xml("EPUB/article.xhtml")

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def meta(self, prop: str) -> list[str]:
        return [m.text or "" for m in self.opf.iterfind(f".//opf:meta[@property='{prop}']", NS)]

    def dc(self, name: str) -> list[str]:
        return [e.text or "" for e in self.opf.iterfind(f".//dc:{name}", NS)]

    def text(self) -> str:
        body = self.article.find("h:body", NS)
        assert body is not None
        return "".join(body.itertext())


def theme_of(article: Article) -> Theme:
    """The theme a conversion would use: the brief's ``style:``, else the default theme."""
    return choose_theme(article)


def book(name: str, theme: Theme | None = None) -> Book:
    return Book(render_epub(CASES[name], theme or theme_of(CASES[name])))


def test_nav_and_ncx_list_the_section_headings_in_order() -> None:
    for name, article in ((name, readable(article)) for name, article in CASES.items()):
        result = book(name)
        nav_links = result.nav.findall(".//h:nav[@epub:type='toc']//h:a", NS)
        expected = list(article.headings) or [article.title]
        assert [a.text for a in nav_links] == expected, name
        ncx_labels = [t.text for t in result.ncx.iterfind(".//ncx:navLabel/ncx:text", NS)]
        assert ncx_labels == expected, name
        for link in nav_links:
            fragment = link.get("href").split("#")[1]
            assert result.article.find(f".//*[@id='{fragment}']", NS) is not None


def test_nav_and_ncx_nest_subsections_under_their_section() -> None:
    result = book("markdown-marked")
    toc = result.nav.find(".//h:nav[@epub:type='toc']/h:ol", NS)
    assert toc is not None
    top = [li.find("h:a", NS).text for li in toc.iterfind("h:li", NS)]  # type: ignore[union-attr]
    assert top == ["What changes", "Next steps"]
    nested = toc.find("h:li/h:ol/h:li/h:a", NS)
    assert nested is not None and nested.text == "Staffing"
    deepest = toc.find("h:li/h:ol/h:li/h:ol/h:li/h:a", NS)
    assert deepest is not None and deepest.text == "Night shifts"
    points = result.ncx.findall(".//ncx:navMap/ncx:navPoint", NS)
    assert [p.findtext("ncx:navLabel/ncx:text", namespaces=NS) for p in points] == top
    inner = points[0].find("ncx:navPoint/ncx:navLabel/ncx:text", NS)
    assert inner is not None and inner.text == "Staffing"


def test_spans_quotes_and_the_source_line_in_the_book() -> None:
    article = book("markdown-marked").article
    lead = article.find(".//h:section[@class='lead']/h:p", NS)
    assert lead is not None
    assert [e.text for e in lead.iterfind("h:strong", NS)][:1] == ["Friday"]
    assert [e.text for e in lead.iterfind("h:em", NS)] == ["stay open"]
    assert [e.text for e in lead.iterfind("h:code", NS)] == ["rota-v2"]
    links = [("".join(a.itertext()), a.get("href")) for a in lead.iterfind("h:a", NS)]
    assert tuple(links) == BODY_LINKS
    assert len(article.findall(".//h:blockquote/h:p", NS)) == 2
    assert article.find(".//h:li/h:ul/h:li", NS) is not None
    source = article.find(".//h:p[@class='source']/h:a", NS)
    assert source is not None and source.get("href") == "https://example.org/wire/clinics"


def test_reference_brief_nav() -> None:
    result = book(REFERENCE)
    assert [a.text for a in result.nav.iterfind(".//h:nav//h:a", NS)] == [
        "Strengthening Ties Through Diplomacy and Tourism",
        "Joint Efforts Against External Regional Threats",
    ]
    assert result.dc("title") == ["North Korea’s Unconditional Support for Russia in Ukraine"]
    assert len(result.article.findall(".//h:aside//h:li", NS)) == 5
    sections = result.article.findall(".//h:section", NS)
    assert [len(section.findall("h:p", NS)) for section in sections] == [1, 1, 2]


def test_every_word_of_the_brief_is_in_the_xhtml_text() -> None:
    source = (ROOT / "sources" / "000_9308d7e73d83f95c.txt").read_text("utf-8")
    text = book(REFERENCE).text()
    words = [word for word in source.split() if word != "-"]
    assert [word for word in words if word not in text] == []
    assert text.count("Lavrov") == source.count("Lavrov")


def test_every_text_of_every_case_is_in_the_xhtml() -> None:
    for name, article in ((name, readable(article)) for name, article in CASES.items()):
        text = book(name).text()
        meta = article.metadata
        # A hard line break is a <br/>, which has no text.
        pieces = [piece.replace("\n", "") for piece in article.plain_texts()]
        words = words_for(article, theme_of(CASES[name]))
        shown = (meta.author, meta.role, words.date(meta.date), meta.source)
        pieces = [storable(piece) for piece in (*pieces, *filter(None, shown))]
        assert [piece for piece in pieces if piece not in text] == [], name


def test_special_characters_stay_literal_everywhere() -> None:
    result = book("special-characters")
    assert result.article.find(".//h:b", NS) is None
    assert result.dc("title") == [NASTY]
    assert result.dc("creator") == [NASTY]
    assert result.text().count(NASTY) == 9  # title block 4, key point, heading, p, 2 items
    assert [a.text for a in result.nav.iterfind(".//h:nav//h:a", NS)] == [NASTY]


def test_urls_are_links() -> None:
    links = book("everything").article.findall(".//h:a", NS)
    assert [a.get("href") for a in links] == [
        "https://example.org/rates?x=1&y=2",
        "https://www.example.com/report",
        "https://example.org/source",  # the source line at the end
    ]


def test_metadata() -> None:
    result = book("everything")
    assert result.dc("title") == ["Rates on Hold"]
    assert result.dc("creator") == ["A. Writer"]
    assert result.dc("language") == ["en-GB"]
    assert result.dc("date") == ["2024-05-06"]
    assert result.dc("description") == ["Why the bank held rates."]
    assert result.dc("subject") == ["rates", "central banks"]
    assert result.meta("dcterms:modified") == ["2024-05-06T00:00:00Z"]
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", result.dc("identifier")[0])


def test_language_is_on_every_content_document() -> None:
    for name in ("everything", "arabic", REFERENCE):
        result = book(name)
        language = result.dc("language")[0]
        for document in (result.article, result.nav):
            assert document.get("lang") == document.get(XML_LANG) == language, name


def test_right_to_left_books() -> None:
    for name in ("arabic", "hebrew-without-language"):
        result = book(name)
        spine = result.opf.find("opf:spine", NS)
        assert spine is not None and spine.get("page-progression-direction") == "rtl", name
        assert result.article.get("dir") == "rtl", name
        assert result.nav.find("h:body", NS).get("dir") == "rtl", name
    spine = book("everything").opf.find("opf:spine", NS)
    assert spine is not None and spine.get("page-progression-direction") is None


def test_identifier_is_stable_and_follows_the_content() -> None:
    article = EDGE_CASES["everything"]
    assert book("everything").dc("identifier") == [identifier(article)]
    assert identifier(article) == identifier(EDGE_CASES["everything"])
    assert identifier(article) != identifier(EDGE_CASES["no-headings"])
    # Pinned: a new version must not renumber books that readers already hold.
    assert identifier(Article("Rates on hold")) == "urn:uuid:7beb4331-0bb7-58b3-9121-794a708b3318"


def test_where_the_brief_was_read_from_changes_nothing(tmp_path: Path) -> None:
    brief = ROOT / "sources" / "fed-holds-rates.txt"
    copy = tmp_path / "elsewhere" / brief.name
    copy.parent.mkdir()
    copy.write_bytes(brief.read_bytes())
    here, there = parse_file(brief), parse_file(copy)
    assert here.metadata.path != there.metadata.path
    assert identifier(here) == identifier(there)
    assert render_epub(here, Theme()) == render_epub(there, Theme())
    with zipfile.ZipFile(io.BytesIO(render_epub(there, Theme()))) as archive:
        assert not [name for name in archive.namelist() if b"elsewhere" in archive.read(name)]


def test_two_runs_give_the_same_bytes_and_the_zip_is_well_formed() -> None:
    for name, article in CASES.items():
        first, second = render_epub(article, Theme()), render_epub(article, Theme())
        assert first == second, name
        with zipfile.ZipFile(io.BytesIO(first)) as archive:
            infos = archive.infolist()
            assert infos[0].filename == "mimetype"
            assert infos[0].compress_type == zipfile.ZIP_STORED
            assert archive.read("mimetype") == b"application/epub+zip"
            assert archive.testzip() is None


def test_modified_date_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = book("no-headings")
    assert result.meta("dcterms:modified") == ["2023-11-14T22:13:20Z"]
    assert result.zip.infolist()[0].date_time == (2023, 11, 14, 22, 13, 20)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert book("no-headings").meta("dcterms:modified") == ["2000-01-01T00:00:00Z"]


def test_the_stylesheet_is_packaged_and_linked() -> None:
    result = book("everything")
    css = result.zip.read("EPUB/style.css").decode()
    assert "background-color: #eef3f8;" in css
    for document in (result.article, result.nav):
        link = document.find(".//h:link[@rel='stylesheet']", NS)
        assert link is not None and link.get("href") == "style.css"


# Blank parts are dropped by the writer (tested with the edge cases), so every part here has
# something visible; otherwise the expected navigation below would have to repeat that rule.
clean_text = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"), min_size=1
).filter(str.strip)


@settings(max_examples=25, deadline=None)
@given(
    title=clean_text,
    key_points=st.lists(clean_text, max_size=3),
    headings=st.lists(clean_text, max_size=3),
    paragraph=clean_text,
    language=st.sampled_from([None, "en", "ar", "he-IL"]),
)
def test_any_article_packages_into_a_readable_deterministic_book(
    title: str, key_points: list[str], headings: list[str], paragraph: str, language: str | None
) -> None:
    article = Article(
        title=title,
        key_points=tuple(key_points),
        sections=(
            Section(None, (Paragraph(paragraph),)),
            *(Section(heading, (Paragraph(paragraph),)) for heading in headings),
        ),
        metadata=Metadata(language=language),
    )
    data = render_epub(article, Theme())
    assert render_epub(article, Theme()) == data
    result = Book(data)  # every XML part parses strictly
    assert result.dc("title") == [title]
    nav = [a.text or "" for a in result.nav.iterfind(".//h:nav//h:a", NS)]
    assert nav == (headings or [title])
    assert [p.xpath("string()") for p in result.article.iterfind(".//h:section/h:p", NS)] == [
        paragraph
    ] * (1 + len(headings))


def test_font_files_named_by_the_theme_are_embedded_and_declared(tmp_path: Path) -> None:
    result = Book(render_epub(EDGE_CASES["everything"], font_theme(tmp_path)))
    manifest = {
        item.get("href"): item.get("media-type")
        for item in result.opf.iterfind(".//opf:manifest/opf:item", NS)
    }
    css = result.zip.read("EPUB/style.css").decode()
    urls = re.findall(r'src: url\("([^"]+)"\)', css)
    assert urls == ["fonts/font-1.ttf", "fonts/font-2.otf", "fonts/font-3.ttf"]  # sans once
    assert [manifest[url] for url in urls] == ["font/ttf", "font/otf", "font/ttf"]
    bold = TTFont(io.BytesIO(result.zip.read("EPUB/fonts/font-2.otf")))
    assert "CFF " in bold  # as the theme gave it
    assert css.count('font-family: "Brand Sans";') == 1
    assert 'font-family: "Brand Sans", "Arial", sans-serif;' in css


def test_embedded_fonts_carry_the_pages_of_characters_the_book_has(tmp_path: Path) -> None:
    article = EDGE_CASES["everything"]
    theme = font_theme(tmp_path)
    result = Book(render_epub(article, theme))
    regular = TTFont(io.BytesIO(result.zip.read("EPUB/fonts/font-1.ttf")))
    drawn = {ord(c) for c in document_characters(article, theme)}
    covered = set(regular.getBestCmap())
    assert drawn & set(TTFont(NOTO_SERIF).getBestCmap()) <= covered
    assert ord("Ж") in TTFont(NOTO_SERIF).getBestCmap()
    assert (ord("Ж") in covered) == any("\u0400" <= c <= "\u04ff" for c in map(chr, drawn))
    assert len(result.zip.read("EPUB/fonts/font-1.ttf")) < NOTO_SERIF.stat().st_size / 3


def test_a_missing_or_unusable_font_file_is_a_theme_error(tmp_path: Path) -> None:
    missing = Theme(fonts=Fonts(body=Font("Gone", files=(("regular", str(tmp_path / "x.ttf")),))))
    with pytest.raises(ThemeError, match="cannot read font file"):
        render_epub(EDGE_CASES["everything"], missing)
    (tmp_path / "x.pfb").write_bytes(b"type 1")
    unusable = Theme(fonts=Fonts(body=Font("Old", files=(("regular", str(tmp_path / "x.pfb")),))))
    with pytest.raises(ThemeError, match="cannot embed"):
        render_epub(EDGE_CASES["everything"], unusable)
