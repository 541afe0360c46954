"""Metadata choices every format shares: subject and byline."""

from __future__ import annotations

from exporter.model import Article, Metadata
from exporter.text.metadata import byline, subject


def test_the_subject_is_the_description_else_the_subtitle() -> None:
    described = Article("t", subtitle="A pause", metadata=Metadata(description="Rates held"))
    assert subject(described) == "Rates held"
    assert subject(Article("t", subtitle="A pause")) == "A pause"
    assert subject(Article("t")) is None


def test_the_byline_joins_author_and_date() -> None:
    metadata = Metadata(author="Ana Souza", date="2024-05-04")
    assert byline(Article("t", metadata=metadata)) == "Ana Souza · 2024-05-04"
    assert byline(Article("t", metadata=Metadata(date="2024-05-04"))) == "2024-05-04"
    assert byline(Article("t")) == ""
