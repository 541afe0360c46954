"""One brief means the same thing in every format: the same links, language and subject.

The shared rules live once, in ``exporter.text``; this test reads each format back with its own
reader and compares what a user (or a screen reader, a catalogue, a search engine) would find.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree, html
from pypdf import PdfReader

import exporter
from exporter.cli import main
from exporter.writers import get_writer

TRICKY = """---
title: Links Everywhere
language: {language}
description: How every format reads the same links.
---
Links Everywhere

See https://en.wikipedia.org/wiki/Python_(programming_language) for the language.
Trailing punctuation is the sentence's: https://example.org/report, then www.example.com/a.
A bracketed one (https://example.org/inside) and a quoted “https://example.net/q?a=1&b=2”.
Odd hosts stay text: https://www.a..b/x and http://0x7f.1/ and http://999.1.1.1/.
So do javascript:alert(1) and file:///etc/passwd in prose.
"""

TARGETS = {
    "https://en.wikipedia.org/wiki/Python_(programming_language)",
    "https://example.org/report",
    "https://www.example.com/a",
    "https://example.org/inside",
    "https://example.net/q?a=1&b=2",
}
FORMATS = ("docx", "pdf", "epub", "html")
OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_back(name: str, data: bytes) -> tuple[set[str], set[str], str | None]:
    """The link targets, the language tags declared and the subject, as the format's reader
    finds them."""
    if name == "docx":
        document = docx.Document(io.BytesIO(data))
        targets = {rel.target_ref for rel in document.part.rels.values() if rel.is_external}
        styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml"))
        lang = styles.find(f".//{W}docDefaults//{W}lang")
        tags = {lang.get(f"{W}val"), document.core_properties.language}
        return targets, tags, document.core_properties.subject or None
    if name == "pdf":
        reader = PdfReader(io.BytesIO(data))
        targets = {
            annotation.get_object()["/A"]["/URI"]
            for page in reader.pages
            for annotation in page.get("/Annots", [])
        }
        return targets, {str(reader.trailer["/Root"]["/Lang"])}, reader.metadata.subject or None
    if name == "epub":
        book = zipfile.ZipFile(io.BytesIO(data))
        content = etree.fromstring(book.read("EPUB/article.xhtml"))
        package = etree.fromstring(book.read("EPUB/content.opf"))
        targets = {a.get("href") for a in content.iter("{http://www.w3.org/1999/xhtml}a")}
        tags = {content.get("lang"), package.findtext(".//dc:language", namespaces=OPF)}
        return targets, tags, package.findtext(".//dc:description", namespaces=OPF)
    page = html.fromstring(data)
    targets = {a.get("href") for a in page.iter("a") if not a.get("href").startswith("#")}
    description = page.find(".//meta[@name='description']")
    return targets, {page.get("lang")}, None if description is None else description.get("content")


def every_format(article: exporter.Article) -> dict[str, tuple[set[str], set[str], str | None]]:
    return {name: read_back(name, exporter.render(article, name)) for name in FORMATS}


@pytest.mark.parametrize("spelling", ["EN_gb", "en-gb", "en-GB"])
def test_front_matter_gives_the_same_story_in_every_format(spelling: str) -> None:
    article = exporter.parse_text(TRICKY.format(language=spelling), "tricky.txt")
    for name, (targets, tags, subject) in every_format(article).items():
        assert targets == TARGETS, name
        assert tags == {"en-GB"}, name
        assert subject == "How every format reads the same links.", name


def test_the_library_override_is_normalised_the_same_way() -> None:
    brief = TRICKY.format(language="fr")
    article = exporter.parse_text(brief, "tricky.txt", language="EN_gb")
    assert article.metadata.language == "en-GB"
    for name, (_, tags, _) in every_format(article).items():
        assert tags == {"en-GB"}, name


def test_the_command_line_override_is_normalised_the_same_way(tmp_path: Path) -> None:
    brief = tmp_path / "tricky.txt"
    brief.write_text(TRICKY.format(language="fr"), encoding="utf-8")
    out = tmp_path / "out"
    status = main(
        ["convert", str(brief), "--to", ",".join(FORMATS), "--out", str(out), "--lang", "EN_gb"]
    )
    assert status == 0
    for name in FORMATS:
        suffix = get_writer(name).extension
        targets, tags, _ = read_back(name, (out / f"tricky{suffix}").read_bytes())
        assert tags == {"en-GB"}, name
        assert targets == TARGETS, name


def test_an_unknown_language_is_undetermined_in_every_format() -> None:
    article = exporter.parse_text("Links\n\nShort.", "short.txt")
    assert article.metadata.language is None
    for name, (targets, tags, subject) in every_format(article).items():
        assert (targets, tags, subject) == (set(), {"und"}, None), name
