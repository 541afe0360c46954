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
from hypothesis import HealthCheck, given, settings

from exporter.errors import BriefError
from exporter.model import Article
from exporter.reading import parse_bytes, parse_text
from exporter.theme import load_theme
from exporter.writers.registry import get_writer
from tests.reliability.readers import (
    epubcheck_problems,
    read_docx,
    read_epub,
    read_html,
    read_json,
    read_markdown,
    read_pdf,
)
from tests.strategies import hostile_brief, hostile_briefs

THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"
#: Examples per writer: a few in CI, 500 on a thorough run.
WRITER_EXAMPLES = 500 if THOROUGH else 6
#: EPUBs sampled for EPUBCheck (one JVM for all of them).
EPUBCHECK_SAMPLE = 100 if THOROUGH else 8
#: Briefs for the writers: in CI with fewer headings and key points, to keep the run short.
writer_briefs = hostile_briefs(many=1_500 if THOROUGH else 60)

_slow = settings(suppress_health_check=list(HealthCheck), deadline=None)


def parsed(text: str) -> Article | None:
    """The article, or ``None`` when the brief is refused with a clear BriefError."""
    try:
        return parse_text(text, "hostile.txt")
    except BriefError as error:
        assert str(error).startswith("hostile.txt"), error
        assert "\n" not in str(error)
        return None


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
    return None if article is None else get_writer(name).render(article, load_theme("default"))


READERS: dict[str, Callable[[bytes], object]] = {
    "docx": read_docx,
    "pdf": read_pdf,
    "json": read_json,
    "html": read_html,
    "markdown": read_markdown,
}


@pytest.mark.parametrize("name", sorted(READERS))
def test_every_writer_gives_a_file_its_reader_accepts(name: str) -> None:
    @settings(_slow, max_examples=WRITER_EXAMPLES)
    @given(writer_briefs)
    def check(text: str) -> None:
        data = _render(name, text)
        if data is not None:
            READERS[name](data)

    check()


def test_every_epub_parses_and_a_sample_passes_epubcheck(tmp_path: Path) -> None:
    kept: list[Path] = []

    @settings(_slow, max_examples=WRITER_EXAMPLES)
    @given(writer_briefs)
    def check(text: str) -> None:
        data = _render("epub", text)
        if data is None:
            return
        read_epub(data)
        if len(kept) < EPUBCHECK_SAMPLE:
            kept.append(tmp_path / f"{len(kept):04}.epub")
            kept[-1].write_bytes(data)

    check()
    problems = {name: found for name, found in epubcheck_problems(kept).items() if found}
    assert not problems
