"""The EPUB's accessibility: DAISY Ace's verdict on the book of every sample brief, and package
metadata that claims only what is true, in the book's language."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from exporter.model import Article, Metadata
from exporter.reading import parse_file, parse_text
from exporter.text.scripts import script_of
from exporter.theme import (
    Color,
    Colors,
    Epub,
    Theme,
    apply_options,
    available_themes,
    load_theme,
)
from exporter.writers import choose_theme
from exporter.writers.epub import render_epub
from exporter.writers.epub.metadata import CONFORMANCE_CLAIM
from exporter.writers.epub.summary import SUMMARIES
from tests.validators.ace import Report, ace_reports, violations

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = {path.stem: parse_file(path) for path in sorted((ROOT / "sources").glob("*.*"))}
REFERENCE = "000_9308d7e73d83f95c"
THEMES = [f"theme-{info.name}" for info in available_themes()]
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PALE = Theme(colors=Colors(text=Color("BBBBBB")))  # fails WCAG 1.4.3 contrast
CERTIFIER = Epub("Accessibility Testers Group", "DAISY OK")


def package(article: Article, theme: Theme | None = None) -> etree._Element:
    """The package document of the article's book."""
    data = render_epub(article, theme or choose_theme(article))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("EPUB/content.opf"))


def meta(opf: etree._Element, name: str) -> list[str]:
    return [m.text or "" for m in opf.iterfind(f".//opf:meta[@property='{name}']", NS)]


# DAISY Ace ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def ace(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    """Ace's report on the book of every sample brief (with the theme a conversion would use),
    the reference brief in each shipped theme, and a book with pale text that must fail: all
    checked in one run, with one browser."""
    folder = tmp_path_factory.mktemp("ace")
    books = {name: (article, choose_theme(article)) for name, article in BRIEFS.items()}
    for info in available_themes():
        books[f"theme-{info.name}"] = (BRIEFS[REFERENCE], load_theme(info.name))
    books["harness-pale-text"] = (BRIEFS[REFERENCE], PALE)
    paths = []
    for name, (article, theme) in books.items():
        paths.append(folder / f"{name}.epub")
        paths[-1].write_bytes(render_epub(article, theme))
    return ace_reports(paths, folder / "reports")


@pytest.mark.slow
@pytest.mark.needs("ace")
@pytest.mark.parametrize("name", [*BRIEFS, *THEMES])
def test_ace_finds_no_violation(name: str, ace: dict[str, Report]) -> None:
    assert violations(ace[name]) == []


@pytest.mark.slow
@pytest.mark.needs("ace")
def test_the_ace_harness_does_report_a_violation(ace: dict[str, Report]) -> None:
    found = violations(ace["harness-pale-text"])
    assert [line for line in found if " color-contrast in " in line], found


# What the metadata claims ---------------------------------------------------------------------


@pytest.mark.parametrize("name", BRIEFS)
def test_the_package_element_has_the_books_language(name: str) -> None:
    opf = package(BRIEFS[name])
    assert opf.get(XML_LANG) == opf.findtext("opf:metadata/dc:language", namespaces=NS)
    assert opf.get(XML_LANG) not in (None, "", "und")


def test_a_book_of_unknown_language_says_so_on_the_package_too() -> None:
    opf = package(Article("Title"))
    assert opf.get(XML_LANG) == "und" == opf.findtext("opf:metadata/dc:language", namespaces=NS)


def test_discovery_metadata_describes_a_text_book() -> None:
    opf = package(BRIEFS[REFERENCE])
    # Visual too: the cover is an image (its text alternative keeps text sufficient).
    assert meta(opf, "schema:accessMode") == ["textual", "visual"]
    assert meta(opf, "schema:accessModeSufficient") == ["textual"]
    assert set(meta(opf, "schema:accessibilityFeature")) == {
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "displayTransformability",
    }
    assert meta(opf, "schema:accessibilityHazard") == ["none"]


def test_exporter_claims_conformance_it_checked_but_never_certifies_itself() -> None:
    for name, article in BRIEFS.items():
        opf = package(article)
        assert meta(opf, "dcterms:conformsTo") == [CONFORMANCE_CLAIM], name
        assert meta(opf, "a11y:certifiedBy") == [], name
        assert meta(opf, "a11y:certifierCredential") == [], name


def test_no_conformance_claim_when_it_would_not_be_true() -> None:
    # No language: WCAG 3.1.1 (language of page) is not met.
    assert meta(package(Article("No language")), "dcterms:conformsTo") == []
    # Pale grey text on white fails WCAG 1.4.3 contrast; the theme's certifier is not named
    # beside a claim that is not made.
    pale = apply_options(PALE, {"epub.certified_by": CERTIFIER.certified_by})
    opf = package(BRIEFS[REFERENCE], pale)
    assert meta(opf, "dcterms:conformsTo") == []
    assert meta(opf, "a11y:certifiedBy") == []
    assert meta(opf, "schema:accessMode") == ["textual", "visual"]


def test_a_theme_names_a_real_certifier() -> None:
    opf = package(BRIEFS[REFERENCE], Theme(epub=CERTIFIER))
    assert meta(opf, "dcterms:conformsTo") == [CONFORMANCE_CLAIM]
    assert meta(opf, "a11y:certifiedBy") == ["Accessibility Testers Group"]
    assert meta(opf, "a11y:certifierCredential") == ["DAISY OK"]
    # A credential without a certifier credits nobody.
    alone = package(BRIEFS[REFERENCE], Theme(epub=Epub(certifier_credential="DAISY OK")))
    assert meta(alone, "a11y:certifierCredential") == []


def test_the_shipped_themes_name_no_certifier() -> None:
    for info in available_themes():
        assert load_theme(info.name).epub == Epub(), info.name


def test_the_briefs_front_matter_names_its_certifier_over_the_themes() -> None:
    brief = parse_text(
        "---\nlanguage: en\ncertified_by: Reader Services Ltd\n"
        "certifier_credential: Ace-audited\n---\nTitle\n\nText.\n"
    )
    opf = package(brief, Theme(epub=CERTIFIER))
    assert meta(opf, "a11y:certifiedBy") == ["Reader Services Ltd"]
    assert meta(opf, "a11y:certifierCredential") == ["Ace-audited"]
    # Front matter that names no certifier leaves the theme's.
    plain = parse_text("---\nlanguage: en\ncertifier_credential: x\n---\nTitle\n\nText.\n")
    assert meta(package(plain, Theme(epub=CERTIFIER)), "a11y:certifiedBy") == [
        "Accessibility Testers Group"
    ]


# The summary in the book's language ---------------------------------------------------------


def summary(opf: etree._Element) -> tuple[str | None, str]:
    element = opf.find(".//opf:meta[@property='schema:accessibilitySummary']", NS)
    assert element is not None and element.text
    return element.get(XML_LANG), element.text


@pytest.mark.parametrize("name", BRIEFS)
def test_the_summary_speaks_the_books_language(name: str) -> None:
    opf = package(BRIEFS[name])
    language = opf.findtext("opf:metadata/dc:language", namespaces=NS) or ""
    tag, text = summary(opf)
    assert tag == language.split("-")[0]
    assert text == SUMMARIES[language.split("-")[0]]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("pt-BR", "pt"), ("zh-TW", "zh-Hant"), ("zh-Hans-CN", "zh"), ("sw", "en"), (None, "en")],
)
def test_the_summary_falls_back_like_the_key_points_label(
    language: str | None, expected: str
) -> None:
    article = Article("Title", metadata=Metadata(language=language))
    assert summary(package(article, Theme())) == (expected, SUMMARIES[expected])


def test_every_language_the_themes_label_has_a_summary() -> None:
    labelled = {tag for tag, _ in load_theme().key_points.translations}
    assert labelled == set(SUMMARIES)


# The script each summary should be written in (Latin for the rest).
SCRIPTS = {
    "ar": {"arabic"},
    "fa": {"arabic"},
    "he": {"hebrew"},
    "el": {"greek"},
    "ru": {"cyrillic"},
    "uk": {"cyrillic"},
    "ja": {"han", "kana"},
    "ko": {"hangul"},
    "zh": {"han"},
    "zh-Hant": {"han"},
}


@pytest.mark.parametrize("tag", SUMMARIES)
def test_each_summary_is_written_in_its_languages_script(tag: str) -> None:
    scripts = Counter(script for char in SUMMARIES[tag] if (script := script_of(char)))
    assert set(scripts) <= SCRIPTS.get(tag, {"latin"}) | {"latin"}
    assert scripts.most_common(1)[0][0] in SCRIPTS.get(tag, {"latin"})
