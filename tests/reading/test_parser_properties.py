"""Properties of the parser over any text: it never fails unexpectedly and never loses a word."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from exporter.errors import BriefError
from exporter.model import Article
from exporter.reading import parse_bytes, parse_text
from exporter.reading.decode import sanitise_text
from tests.strategies import LABEL_WORDS, brief_text

_WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> Counter[str]:
    return Counter(word.casefold() for word in _WORD.findall(text))


def model_words(article: Article, *, with_title: bool) -> Counter[str]:
    parts = [article.title] if with_title else []
    parts += list(article.plain_texts())[1:]
    return words(" ".join(parts))


def metadata_words(article: Article) -> Counter[str]:
    metadata = article.metadata
    return words(" ".join([*metadata.authors, metadata.role or "", metadata.source or ""]))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(brief_text, st.text()))
def test_parse_returns_an_article_or_raises_brief_error(text: str) -> None:
    try:
        article = parse_text(text)
    except BriefError as error:
        assert str(error).startswith("exporter")
        return
    assert isinstance(article, Article)
    assert article.title


@given(st.binary(max_size=2000))
def test_any_bytes_parse_or_raise_brief_error(data: bytes) -> None:
    try:
        parse_bytes(data, "brief.txt")
    except BriefError as error:
        assert str(error).startswith("brief.txt")


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(brief_text)
def test_no_word_of_the_input_is_lost_or_invented(text: str) -> None:
    assume(text.split("\n", 1)[0].strip() != "---")  # front matter has its own tests
    try:
        clean = sanitise_text(text).text
        article = parse_text(text)
    except BriefError:
        return
    titled_from_text = not any("file name" in warning.message for warning in article.warnings)
    found = model_words(article, with_title=titled_from_text) + metadata_words(article)
    expected = words(unicodedata.normalize("NFC", clean))
    assert not found - expected, "the model has words the brief does not"
    # A word may leave the text only as a key-points label, or inside a wrapper part (byline,
    # date, e-mail headers, greeting, signature, source line) that a note reports.
    reported = words(" ".join(w.message for w in article.warnings if w.severity == "note"))
    lost = expected - found
    assert set(lost) <= LABEL_WORDS | set(reported), f"lost words: {sorted(lost)}"


@given(brief_text)
def test_parsing_is_deterministic(text: str) -> None:
    try:
        first = parse_text(text)
    except BriefError:
        return
    assert parse_text(text) == first
