"""Tagged PDF: every PDF exporter writes by default passes the PDF/UA-1 checker of
:mod:`tests.writers.tagged_pdf` and the ``pdfua`` package, and reads in order in its structure
tree (``pdfinfo -struct-text``); the checker catches each rule broken on purpose."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings

from exporter.convert import convert
from exporter.errors import BriefError, MissingGlyphError
from exporter.model import Article, ListBlock, Metadata, Paragraph, Quote, Section
from exporter.reading import parse_file, parse_text
from exporter.text.metadata import byline
from exporter.text.scripts import script_of
from exporter.theme import HeaderFooter, KeyPointsBox, PdfOptions, Theme, load_theme
from exporter.writers.pdf import render_pdf, uncovered_characters
from exporter.writers.pdf.story import heading_levels
from tests.strategies import brief_text
from tests.writers.tagged_pdf import Block, problems, structure_text
from tests.writers.test_pdf import FILLER, REFERENCE, SOURCES, WARN, long_article

SHIPPED = ("default", "newsroom", "minimal")
BRIEFS = {path.name: path for path in SOURCES}
#: Briefs in the scripts the reading order must hold for: Latin, CJK, right to left, mixed.
READING_BRIEFS = (
    "000_9308d7e73d83f95c.txt",
    "fed-holds-rates.txt",
    "ru-lavrov-pyongyang.txt",
    "zh-wonsan-tourism.txt",
    "ko-choe-wonsan.txt",
    "ar-gulf-summit.txt",
    "he-knesset-budget.txt",
    "mixed-script-names.txt",
)

LINKS = Article(
    title="Links, lists and names",
    key_points=("See www.example.org/a for the text.", "Сергей Лавров met Νίκος Δένδιας."),
    sections=(
        Section(
            "Where to read more",
            (
                Paragraph(f"{FILLER} The report is at https://example.org/report and {FILLER}"),
                ListBlock(("First step", "Second step", "Third step"), ordered=True),
                Quote((Paragraph("“We will publish it all,” she said."), Paragraph("Later."))),
                ListBlock(("A bullet", "www.example.com/b")),
            ),
        ),
    ),
    metadata=Metadata(author="Desk Reporter", date="2026-11-27", language="en-GB"),
)
RIGHT_TO_LEFT = Article(
    title="القمة الخليجية تدعو إلى وقف إطلاق النار في غزة ولبنان فوراً",
    key_points=("اختتمت القمة الخليجية في الكويت.", "حضر الأمين العام (António Guterres)."),
    sections=(
        Section(
            "الموقف من القضية",
            (
                Paragraph("شدد البيان على أن السلام الدائم في المنطقة لا يتحقق " * 6),
                ListBlock(("البند الأول", "البند الثاني"), ordered=True),
            ),
        ),
    ),
    metadata=Metadata(language="ar"),
)
BOX_ACROSS_PAGES = Article(
    title="Many points",
    key_points=tuple(f"Key point number {index}. {FILLER}" for index in range(45)),
)
PARAGRAPH_ACROSS_PAGES = Article(
    title="One long paragraph",
    sections=(Section("A heading", (Paragraph(" ".join([FILLER] * 40)),)),),
    metadata=Metadata(language="en-GB"),  # hyphenated in English
)
HYPHENATED = Theme(justify=True, hyphenate=True)


def articles() -> Iterator[tuple[str, Article, Theme]]:
    default = load_theme("default")
    for name, path in BRIEFS.items():
        yield name, parse_file(path), default
    for theme in SHIPPED:
        yield f"reference-{theme}", REFERENCE, load_theme(theme)
        yield f"links-{theme}", LINKS, load_theme(theme)
    yield "right-to-left", RIGHT_TO_LEFT, default
    yield "box-across-pages", BOX_ACROSS_PAGES, default
    yield "paragraph-across-pages", PARAGRAPH_ACROSS_PAGES, HYPHENATED
    yield "long", long_article(), Theme(header=HeaderFooter(left="{title}", right="{page}"))


CASES = {name: (article, theme) for name, article, theme in articles()}


class Rendered(dict[str, bytes]):
    """Each case rendered once, when a test first asks for it (a brief in Chinese or Korean
    renders only where a CJK font is installed)."""

    def __missing__(self, name: str) -> bytes:
        article, theme = CASES[name]
        self[name] = render_pdf(article, theme)
        return self[name]


@pytest.fixture(scope="module")
def rendered() -> Rendered:
    return Rendered()


def needs_cjk(article: Article) -> bool:
    """Whether ``article`` has Chinese, Japanese or Korean text (which needs a CJK font)."""
    return any(script_of(character) in _CJK for character in "".join(article.plain_texts()))


_CJK = {"han", "hangul", "hiragana", "katakana"}


def cases(names: Iterable[str]) -> list[object]:
    """``names`` as test parameters, those of articles in CJK scripts marked as needing fonts."""
    cjk = pytest.mark.needs("cjk-fonts")
    return [pytest.param(name, marks=cjk) if needs_cjk(CASES[name][0]) else name for name in names]


# ------------------------------------------------------------------------------------ rules


@pytest.mark.parametrize("name", cases(CASES))
def test_every_pdf_meets_the_rules(rendered: Rendered, name: str) -> None:
    assert problems(rendered[name]) == []


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(brief_text)
def test_any_parsed_brief_gives_a_pdf_that_meets_the_rules(text: str) -> None:
    try:
        article = parse_text(text)
    except BriefError:
        return
    conforming = not any(warning.characters for warning in uncovered_characters(article, WARN))
    assert problems(render_pdf(article, WARN), conforming=conforming) == []


def _pdfua_findings(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What pdfua 0.1.3 finds, with every rule run (a skipped rule is a finding too).

    pdfua's ``as_integer`` asks a pikepdf array for an attribute, which pikepdf answers with a
    ValueError instead of an AttributeError; the heading rule then skips any heading whose
    ``/K`` is an array (a heading of two lines drawn right to left, or with a run in another
    script). The patch answers ``None`` for an array, which is what the function means.
    """
    import pdfua.document
    import pdfua.rules.structure

    original = pdfua.document.as_integer

    def as_integer(value: object) -> int | None:
        return None if isinstance(value, pikepdf.Array) else original(value)

    monkeypatch.setattr(pdfua.document, "as_integer", as_integer)
    monkeypatch.setattr(pdfua.rules.structure, "as_integer", as_integer)
    report = pdfua.validate(str(path))
    found = [f"{finding.rule_id}: {finding.message}" for finding in report.findings]
    found += [f"{outcome.rule_id} skipped: {outcome.skipped_reason}" for outcome in report.skipped]
    return found


@pytest.mark.parametrize("name", cases(CASES))
def test_every_pdf_passes_pdfua(
    rendered: Rendered, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(rendered[name])
    assert _pdfua_findings(path, monkeypatch) == []


def test_pdfua_sees_an_untagged_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "untagged.pdf"
    path.write_bytes(render_pdf(REFERENCE, Theme(pdf=PdfOptions(tagged=False))))
    found = _pdfua_findings(path, monkeypatch)
    assert any(line.startswith("UA-01-005") for line in found)  # no structure tree
    assert any(line.startswith("UA-01-002") for line in found)  # not marked


# ------------------------------------------------------------ the checker catches each rule


def _edit(data: bytes, change: Callable[[pikepdf.Pdf], None]) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _content(pdf: pikepdf.Pdf, page: int = 0) -> str:
    return bytes(pdf.pages[page].Contents.read_bytes()).decode("latin-1")


def _set_content(pdf: pikepdf.Pdf, text: str, page: int = 0) -> None:
    pdf.pages[page].Contents.write(text.encode("latin-1"))


def _elements(pdf: pikepdf.Pdf, role: str) -> list[pikepdf.Dictionary]:
    found = []

    def visit(node: pikepdf.Object) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                visit(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            if str(node.S) == str(role):
                found.append(node)
            if "/K" in node:
                visit(node.K)

    visit(pdf.Root.StructTreeRoot.K)
    return found


def _no_mark_info(pdf: pikepdf.Pdf) -> None:
    del pdf.Root.MarkInfo


def _unmarked_text(pdf: pikepdf.Pdf) -> None:
    _set_content(pdf, _content(pdf) + "\nBT /F1+0 9 Tf (loose) Tj ET\n")


def _unmarked_rule(pdf: pikepdf.Pdf) -> None:
    _set_content(pdf, _content(pdf).replace("/Artifact BMC\n", "", 1).replace("\nEMC\nQ", "\nQ", 1))


def _mcid_not_in_tree(pdf: pikepdf.Pdf) -> None:
    _set_content(pdf, _content(pdf) + "\n/P <</MCID 999>> BDC BT /F1+0 9 Tf (x) Tj ET EMC\n")


def _tree_mcid_not_on_page(pdf: pikepdf.Pdf) -> None:
    _elements(pdf, pikepdf.Name.H1)[0].K = 999


def _parent_tree_wrong(pdf: pikepdf.Pdf) -> None:
    numbers = pdf.Root.StructTreeRoot.ParentTree.Nums
    owners = numbers[1]
    owners[0], owners[1] = owners[1], owners[0]


def _q_across_emc(pdf: pikepdf.Pdf) -> None:
    text = _content(pdf).replace("/Artifact BMC\n", "/Artifact BMC\nq\n", 1)
    _set_content(pdf, text.replace("\nEMC\n", "\nEMC\nQ\n", 1))


def _emc_after_et(pdf: pikepdf.Pdf) -> None:
    _set_content(pdf, _content(pdf).replace(" EMC ET", " ET EMC", 1))


def _nested_mcid(pdf: pikepdf.Pdf) -> None:
    text = _content(pdf)
    first = text.index(" EMC ET")
    _set_content(pdf, text[:first] + text[first + 4 :].replace(" EMC ET", " EMC EMC ET", 1))


def _artifact_in_content(pdf: pikepdf.Pdf) -> None:
    _set_content(pdf, _content(pdf).replace(" EMC ET", " /Artifact BMC EMC EMC ET", 1))


def _skipped_heading(pdf: pikepdf.Pdf) -> None:
    _elements(pdf, pikepdf.Name.H2)[-1].S = pikepdf.Name.H4


def _title_not_h1(pdf: pikepdf.Pdf) -> None:
    _elements(pdf, pikepdf.Name.H1)[0].S = pikepdf.Name.H2


def _item_without_body(pdf: pikepdf.Pdf) -> None:
    _elements(pdf, pikepdf.Name.LBody)[0].S = pikepdf.Name.P


def _item_outside_list(pdf: pikepdf.Pdf) -> None:
    _elements(pdf, pikepdf.Name.L)[0].S = pikepdf.Name.Div


def _unknown_type(pdf: pikepdf.Pdf) -> None:
    del pdf.Root.StructTreeRoot.RoleMap


def _no_pdfua_in_xmp(pdf: pikepdf.Pdf) -> None:
    xmp = pdf.Root.Metadata.read_bytes().replace(b"<pdfuaid:part>1</pdfuaid:part>", b"")
    pdf.Root.Metadata.write(xmp)


def _wrong_title_in_xmp(pdf: pikepdf.Pdf) -> None:
    xmp = pdf.Root.Metadata.read_bytes().replace(b"North Korea", b"South Korea", 1)
    pdf.Root.Metadata.write(xmp)


def _no_tabs(pdf: pikepdf.Pdf) -> None:
    del pdf.pages[-1].obj.Tabs


def _font_not_embedded(pdf: pikepdf.Pdf) -> None:
    font = next(iter(pdf.pages[0].Resources.Font.values()))
    del font.FontDescriptor.FontFile2


def _annotation_without_parent(pdf: pikepdf.Pdf) -> None:
    del pdf.pages[0].Annots[0].StructParent
    for link in _elements(pdf, pikepdf.Name.Link):
        kids = link.K if isinstance(link.K, pikepdf.Array) else [link.K]
        link.K = pikepdf.Array([kid for kid in kids if not isinstance(kid, pikepdf.Dictionary)])


def _annotation_without_contents(pdf: pikepdf.Pdf) -> None:
    del pdf.pages[0].Annots[0].Contents


def _no_lang(pdf: pikepdf.Pdf) -> None:
    del pdf.Root.Lang


def _no_display_title(pdf: pikepdf.Pdf) -> None:
    pdf.Root.ViewerPreferences.DisplayDocTitle = False


BROKEN = {
    "MarkInfo missing": (_no_mark_info, "MarkInfo"),
    "text neither content nor artifact": (_unmarked_text, "Tj loose is neither"),
    "rule neither content nor artifact": (_unmarked_rule, "S is neither"),
    "MCID on a page, not in the tree": (_mcid_not_in_tree, "MCID 999 is not reached"),
    "MCID in the tree, not on its page": (_tree_mcid_not_on_page, "names MCID 999"),
    "ParentTree pointing elsewhere": (_parent_tree_wrong, "ParentTree does not give MCID 0"),
    "q opened in marked content": (_q_across_emc, "EMC closes ['q']"),
    "marked content ending outside its text object": (_emc_after_et, "ET closes ['mcid']"),
    "MCID inside an MCID": (_nested_mcid, "inside another"),
    "artifact inside content": (_artifact_in_content, "artifact inside tagged content"),
    "heading level skipped": (_skipped_heading, "/H4 after /H2 skips a level"),
    "first heading not H1": (_title_not_h1, "first heading is /H2"),
    "list item without a body": (_item_without_body, "not a label and a body"),
    "list items outside a list": (_item_outside_list, "is not in a L"),
    "non-standard type unmapped": (_unknown_type, "/Aside: not a standard structure type"),
    "XMP without pdfuaid": (_no_pdfua_in_xmp, "pdfuaid:part is not 1"),
    "XMP title not the title": (_wrong_title_in_xmp, "dc:title"),
    "page without Tabs": (_no_tabs, "/Tabs is not /S"),
    "font not embedded": (_font_not_embedded, "not embedded"),
    "link annotation outside the tree": (_annotation_without_parent, "is in no structure"),
    "link annotation without Contents": (_annotation_without_contents, "has no /Contents"),
    "no document language": (_no_lang, "no /Lang"),
    "title not displayed": (_no_display_title, "DisplayDocTitle"),
}


@pytest.mark.parametrize("rule", BROKEN)
def test_the_checker_catches_a_broken_rule(rendered: Rendered, rule: str) -> None:
    change, expected = BROKEN[rule]
    good = rendered["links-default"] if "annotation" in rule else rendered["reference-default"]
    assert problems(good) == []
    found = problems(_edit(good, change))
    assert any(expected in problem for problem in found), found


def test_the_checker_wants_a_structure_tree() -> None:
    untagged = render_pdf(REFERENCE, Theme(pdf=PdfOptions(tagged=False)))
    found = problems(untagged)
    assert "no StructTreeRoot" in found
    assert "MarkInfo: /Marked is not true" in found
    assert any("is neither tagged content nor an artifact" in problem for problem in found)


# ------------------------------------------------------------------------ reading order


def expected_blocks(article: Article, theme: Theme) -> list[Block]:
    """The blocks of the handout in reading order, with their text, from the model."""
    blocks = [Block("H1", article.title)]
    if article.subtitle:
        blocks.append(Block("P", article.subtitle))
    if byline(article):
        blocks.append(Block("P", byline(article)))
    if article.key_points:
        label = theme.key_points.label_for(article.metadata.language)
        if label.strip():
            blocks.append(Block("H2", label))
        for point in article.key_points:
            blocks += [Block("Lbl", theme.key_points.bullet), Block("LBody", point.text)]
    for section, level in zip(article.sections, heading_levels(article.sections), strict=True):
        if section.heading:
            blocks.append(Block(f"H{level}", section.heading.text))
        for block in section.blocks:
            match block:
                case Paragraph():
                    blocks.append(Block("P", block.text))
                case Quote():
                    blocks += [Block("P", paragraph.text) for paragraph in block.paragraphs]
                case ListBlock():
                    for number, item in enumerate(block.items, start=1):
                        mark = f"{number}." if block.ordered else theme.key_points.bullet
                        blocks += [Block("Lbl", mark), Block("LBody", item.text)]
    return [Block(block.role, " ".join(block.text.split())) for block in blocks]


@pytest.mark.needs("pdfinfo")
@pytest.mark.parametrize("name", cases(READING_BRIEFS))
def test_a_brief_reads_in_order_in_its_structure_tree(rendered: Rendered, name: str) -> None:
    article, theme = CASES[name]
    assert structure_text(rendered[name]) == expected_blocks(article, theme)


@pytest.mark.needs("pdfinfo")
@pytest.mark.parametrize(
    "name", ["links-default", "right-to-left", "box-across-pages", "paragraph-across-pages"]
)
def test_made_up_articles_read_in_order(rendered: Rendered, name: str) -> None:
    article, theme = CASES[name]
    assert structure_text(rendered[name]) == expected_blocks(article, theme)


def _pages_of(data: bytes, role: str) -> list[set[int]]:
    """For each element of ``role``, the pages its marked content is on."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        numbers = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
        found = []
        for element in _elements(pdf, pikepdf.Name(role)):
            pages = set()
            kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
            for kid in kids:
                if isinstance(kid, int):
                    pages.add(numbers[element.Pg.objgen])
                elif kid.get("/Type") == pikepdf.Name.MCR:
                    pages.add(numbers[kid.Pg.objgen])
            found.append(pages)
    return found


def test_a_paragraph_across_pages_has_content_on_each(rendered: Rendered) -> None:
    (paragraph,) = _pages_of(rendered["paragraph-across-pages"], "/P")
    assert len(paragraph) >= 2


def test_a_key_points_box_across_pages_is_one_list(rendered: Rendered) -> None:
    data = rendered["box-across-pages"]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 2
        (aside,) = _elements(pdf, pikepdf.Name.Aside)
        assert str(aside.T) == "Key points"
        (items,) = _elements(pdf, pikepdf.Name.L)
        assert len(items.K) == len(BOX_ACROSS_PAGES.key_points)
    pages = set().union(*_pages_of(data, "/LBody"))
    assert len(pages) >= 2


# ------------------------------------------------------------------- text that reads right


def _marked(data: bytes) -> list[pikepdf.Dictionary]:
    """The property lists of every marked-content sequence with an MCID, page by page."""
    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for instruction in pikepdf.parse_content_stream(page):
                if str(instruction.operator) == "BDC":
                    properties = instruction.operands[-1]
                    if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                        found.append(properties.copy())
    return found


def test_a_hyphenated_word_reads_whole(rendered: Rendered) -> None:
    data = rendered["paragraph-across-pages"]
    actual = [str(marks.ActualText) for marks in _marked(data) if "/ActualText" in marks]
    whole = [text for text in actual if text]
    assert whole, "the justified, hyphenated paragraph has no hyphenated word"
    assert all(text.isalpha() and f" {text}" in f" {FILLER} " for text in whole), whole
    # the rest of each word on the next line reads as nothing
    assert actual.count("") == len(whole)


@pytest.mark.needs("pdfinfo")
def test_lines_read_with_one_space_between_them(rendered: Rendered) -> None:
    blocks = structure_text(rendered["000_9308d7e73d83f95c.txt"])
    paragraphs = [block.text for block in blocks if block.role == "P"]
    assert paragraphs[0].startswith("North Korea’s unwavering allegiance to Russia takes center")
    for text in paragraphs:
        assert "  " not in text
        assert not re.search(r"[a-z][A-Z]", text.replace("KCNA", ""))  # no words run together


def test_right_to_left_lines_carry_their_text_in_reading_order(
    rendered: Rendered,
) -> None:
    marked = _marked(rendered["right-to-left"])
    actual = [str(marks.ActualText) for marks in marked if "/ActualText" in marks]
    reading = "".join(actual)
    assert "القمة الخليجية تدعو إلى وقف إطلاق النار" in unicodedata.normalize("NFC", reading)
    assert "1." in actual and "2." in actual  # numbers of the list, drawn as ".1"


def test_runs_in_another_script_name_their_language(rendered: Rendered) -> None:
    languages = {
        str(marks.Lang) for marks in _marked(rendered["links-default"]) if "/Lang" in marks
    }
    assert languages == {"ru", "el"}


def test_a_link_is_an_element_with_its_annotation(rendered: Rendered) -> None:
    data = rendered["links-default"]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        links = _elements(pdf, pikepdf.Name.Link)
        annotations = [
            annotation for page in pdf.pages for annotation in page.obj.get("/Annots", [])
        ]
        contents = {str(annotation.Contents) for annotation in annotations}
    assert len(links) == 3
    assert contents == {"www.example.org/a", "https://example.org/report", "www.example.com/b"}


@pytest.mark.needs("pdfinfo")
def test_header_and_footer_are_pagination_artifacts(rendered: Rendered) -> None:
    data = rendered["long"]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        second = _content(pdf, 1)
    assert "/Artifact <</Type /Pagination /Subtype /Footer>> BDC" in second
    assert "/Artifact <</Type /Pagination /Subtype /Header>> BDC" in second
    assert all(not re.search(r"\d+ / \d+", block.text) for block in structure_text(data))


def test_rules_and_box_borders_are_artifacts(rendered: Rendered) -> None:
    with pikepdf.open(io.BytesIO(rendered["reference-default"])) as pdf:
        first = _content(pdf)
    assert re.search(r"/Artifact BMC\nn [\d. ]+ m [\d. ]+ l S\nEMC", first)  # the rule
    assert re.search(r"/Artifact BMC\nn [\d. ]+ re B\*?\nEMC", first)  # the box


# ------------------------------------------------------------------ catalog and metadata


def test_the_catalog_and_metadata_of_a_tagged_pdf(rendered: Rendered) -> None:
    with pikepdf.open(io.BytesIO(rendered["links-default"])) as pdf:
        assert pdf.pdf_version == "1.7"
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "en-GB"
        assert all(page.obj.Tabs == pikepdf.Name.S for page in pdf.pages)
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == LINKS.title
            assert xmp["dc:creator"] == ["Desk Reporter"]
            assert xmp["dc:language"] == {"en-GB"}
            assert xmp["pdfuaid:part"] == "1"
            assert xmp["xmp:CreateDate"].startswith("2026-11-27")


def test_tagging_can_be_turned_off() -> None:
    data = render_pdf(REFERENCE, Theme(pdf=PdfOptions(tagged=False)))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.pdf_version == "1.4"
        assert "/StructTreeRoot" not in pdf.Root
        assert "/MarkInfo" not in pdf.Root
        assert "/Metadata" not in pdf.Root
        assert b"BDC" not in _content(pdf).encode("latin-1")


def test_the_theme_key_turns_tagging_off() -> None:
    theme = load_theme("default")
    assert theme.pdf == PdfOptions(tagged=True, missing_glyphs="error")
    from exporter.theme import apply_options

    assert apply_options(theme, {"pdf.tagged": False}).pdf.tagged is False


def test_two_renders_are_byte_identical() -> None:
    for article in (LINKS, RIGHT_TO_LEFT, long_article()):
        assert render_pdf(article, HYPHENATED) == render_pdf(article, HYPHENATED)


# -------------------------------------------------------------------------- missing glyphs

YI = Article(title="Yi", sections=(Section(None, (Paragraph("A Yi syllable ꀀ here."),)),))


def test_a_character_no_font_has_stops_a_tagged_pdf() -> None:
    with pytest.raises(MissingGlyphError) as caught:
        render_pdf(YI, Theme())
    assert caught.value.characters == "ꀀ"
    assert "'ꀀ' (U+A000) in the body text" in caught.value.message
    assert 'pdf.missing_glyphs = "warn"' in caught.value.message
    # the check says nothing then: the error does
    assert uncovered_characters(YI, Theme()) == []


def test_convert_raises_the_error_with_the_brief_s_line(tmp_path: Path) -> None:
    brief = tmp_path / "yi.txt"
    brief.write_text("Yi Letters\n\nA paragraph on syllables.\n\nOne: ꀀ.\n", encoding="utf-8")
    with pytest.raises(MissingGlyphError) as caught:
        convert(brief, tmp_path / "out", formats=["pdf"])
    assert (caught.value.path, caught.value.line) == (str(brief), 5)
    assert not (tmp_path / "out" / "yi.pdf").exists()


def test_the_theme_may_let_a_tagged_pdf_show_the_empty_box() -> None:
    (warning,) = uncovered_characters(YI, WARN)
    assert warning.characters == "ꀀ"
    assert render_pdf(YI, WARN).startswith(b"%PDF-1.7")
    untagged = Theme(pdf=PdfOptions(tagged=False))
    assert render_pdf(YI, untagged).startswith(b"%PDF-1.4")


@pytest.mark.needs("pdfinfo")
def test_an_invisible_character_no_font_has_is_left_out_not_an_empty_box() -> None:
    # U+061C ARABIC LETTER MARK: a format character no shipped font has
    article = Article(title="Mark\u061c", sections=(Section(None, (Paragraph("a\u061cb"),)),))
    blocks = structure_text(render_pdf(article, Theme()))
    assert blocks == [Block("H1", "Mark"), Block("P", "ab")]


@pytest.mark.needs("pdfinfo")
def test_headings_below_sections_nest_without_skipping_a_level() -> None:
    article = Article(
        title="Levels",
        sections=tuple(
            Section(f"Heading {index}", (Paragraph(f"Text {index}."),), level=level)
            for index, level in enumerate([3, 2, 3, 4, 6, 2], start=1)
        ),
    )
    data = render_pdf(article, Theme())
    headings = [block.role for block in structure_text(data) if block.role.startswith("H")]
    assert headings == ["H1", "H2", "H2", "H3", "H4", "H5", "H2"]
    assert problems(data) == []
    with pikepdf.open(io.BytesIO(data)) as pdf, pdf.open_outline() as outline:
        top = [item.title for item in outline.root]
        assert top == ["Levels", "Heading 1", "Heading 2", "Heading 6"]
        (nested,) = outline.root[2].children
        assert nested.title == "Heading 3"
        assert [item.title for item in nested.children] == ["Heading 4"]
        assert [item.title for item in nested.children[0].children] == ["Heading 5"]


@pytest.mark.needs("pdfinfo")
def test_a_label_without_text_is_no_heading() -> None:
    theme = Theme(key_points=KeyPointsBox(label=""))
    blocks = structure_text(render_pdf(REFERENCE, theme))
    assert [block.role for block in blocks[:3]] == ["H1", "P", "Lbl"]


@pytest.mark.needs("pdfinfo")
def test_a_subtitle_and_byline_are_paragraphs() -> None:
    article = replace(REFERENCE, subtitle="A subtitle")
    blocks = structure_text(render_pdf(article, Theme()))
    assert blocks[:3] == [
        Block("H1", REFERENCE.title),
        Block("P", "A subtitle"),
        Block("P", "Desk Reporter · 2026-11-27"),
    ]


def test_a_pdf_that_prints_empty_boxes_does_not_claim_pdf_ua() -> None:
    """Told to print what no font has (``missing_glyphs = "warn"``), the file is still tagged,
    but it is no PDF/UA file, and its metadata does not say it is."""
    data = render_pdf(YI, WARN)
    assert b"pdfuaid:part" not in data
    assert problems(data, conforming=False) == []
    assert "XMP: pdfuaid:part is not 1" in problems(data)
    plain = replace(YI, sections=(Section(None, (Paragraph("A plain paragraph."),)),))
    assert b"pdfuaid:part" in render_pdf(plain, WARN)
