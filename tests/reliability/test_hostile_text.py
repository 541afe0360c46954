"""Hostile text through the whole pipeline: every writer gives a file its reader accepts.

Briefs are generated from the shapes that break tools (control, bidi and zero-width characters,
lone combining marks, emoji sequences, words of 10,000 characters, thousands of headings or key
points, briefs that are only key points, only headings or only front matter). Each one either
parses, and then every writer's file is read back by a real reader, or is refused with a
:class:`BriefError`. A sample of the EPUBs goes through EPUBCheck in one JVM at the end.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings

from exporter.errors import BriefError
from exporter.model import Article
from exporter.reading import parse_bytes, parse_text
from exporter.theme import apply_options, load_theme
from exporter.writers.registry import get_writer
from tests.reliability.readers import (
    read_docx,
    read_epub,
    read_html,
    read_json,
    read_markdown,
    read_pdf,
)
from tests.strategies import hostile_brief, hostile_briefs
from tests.validators.epubcheck import epubcheck_reports, problems
from tests.writers.tagged_pdf import problems as tagged_pdf_problems

THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"
#: Examples per writer: a few in CI, 500 on a thorough run.
WRITER_EXAMPLES = 500 if THOROUGH else 6
#: Briefs drawn for the EPUBCheck sample (those that parse are checked in one JVM).
EPUBCHECK_SAMPLE = 100 if THOROUGH else 8
#: Briefs for the writers: in CI with fewer headings and key points, to keep the run short.
writer_briefs = hostile_briefs(many=1_500 if THOROUGH else 60)

_slow = settings(suppress_health_check=list(HealthCheck), deadline=None)


def parsed(text: str) -> Article | None:
    """The article, or ``None`` when the brief is refused with a clear BriefError.

    Either outcome is an ``event``, so ``--hypothesis-show-statistics`` says how many examples
    reached the writers and how many the parser refused.
    """
    try:
        article = parse_text(text, "hostile.txt")
    except BriefError as error:
        assert str(error).startswith("hostile.txt"), error
        assert "\n" not in str(error)
        event("refused with a BriefError")
        return None
    event("parsed")
    return article


@_slow
@given(hostile_brief)
def test_the_parser_returns_an_article_or_a_brief_error(text: str) -> None:
    article = parsed(text)
    if article is not None:
        assert article.title
    try:  # the same text as a file's bytes: the same outcome, or refused as too large
        parse_bytes(text.encode("utf-8", "surrogatepass"), "hostile.txt")
    except BriefError as error:
        assert article is None or "limited to 20 MB" in str(error), error


def _render(name: str, text: str) -> bytes | None:
    article = parsed(text)
    if article is None:
        return None
    theme = load_theme("default")
    if name == "pdf":  # draw what no font has as empty boxes (a tagged PDF refuses by default)
        theme = apply_options(theme, {"pdf.missing_glyphs": "warn"})
    return get_writer(name).render(article, theme)


def read_tagged_pdf(data: bytes) -> None:
    """The PDF's text, and every rule of a tagged PDF met (but the PDF/UA claim, which a file
    that draws characters no font has must not make: the checker's own test covers it)."""
    read_pdf(data)
    found = tagged_pdf_problems(data, conforming=b"pdfuaid:part" in data)
    assert found == []


READERS: dict[str, Callable[[bytes], object]] = {
    "docx": read_docx,
    "epub": read_epub,
    "html": read_html,
    "json": read_json,
    "markdown": read_markdown,
    "pdf": read_tagged_pdf,
}


# `@given` sits on the test itself (not on a function nested inside it), so each writer is a
# property of its own: `--hypothesis-show-statistics` counts its examples, and `[pdf]` selects one.
@pytest.mark.parametrize("name", sorted(READERS))
@settings(_slow, max_examples=WRITER_EXAMPLES)
@given(text=writer_briefs)
def test_every_writer_gives_a_file_its_reader_accepts(name: str, text: str) -> None:
    data = _render(name, text)
    if data is not None:
        READERS[name](data)


@pytest.mark.slow
@pytest.mark.needs("java")
def test_a_sample_of_the_epubs_passes_epubcheck(tmp_path: Path) -> None:
    sample: list[Path] = []

    # Nested because the sample is checked as one batch afterwards: EPUBCheck starts a JVM.
    @settings(_slow, max_examples=EPUBCHECK_SAMPLE)
    @given(writer_briefs)
    def keep(text: str) -> None:
        data = _render("epub", text)
        if data is not None:
            sample.append(tmp_path / f"{len(sample):04}.epub")
            sample[-1].write_bytes(data)

    keep()
    assert sample, "no brief in the sample parsed: the strategy makes too few valid briefs"
    reports = epubcheck_reports(sample)
    assert {name: problems(report) for name, report in reports.items() if problems(report)} == {}
