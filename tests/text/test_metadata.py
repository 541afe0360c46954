"""Metadata choices every format shares: subject and byline."""

from __future__ import annotations

from dataclasses import replace

from exporter.model import Article, Metadata
from exporter.text.metadata import byline, subject
from exporter.text.wording import words_for
from exporter.theme import Theme, load_theme


def test_the_subject_is_the_description_else_the_subtitle() -> None:
    described = Article("t", subtitle="A pause", metadata=Metadata(description="Rates held"))
    assert subject(described) == "Rates held"
    assert subject(Article("t", subtitle="A pause")) == "A pause"
    assert subject(Article("t")) is None


def line(metadata: Metadata, theme: Theme | None = None) -> str:
    article = Article("t", metadata=metadata)
    return byline(article, words_for(article, theme or Theme()))


def test_the_byline_joins_author_and_date() -> None:
    assert line(Metadata(author="Ana Souza", date="2024-05-04")) == "Ana Souza · 2024-05-04"
    assert line(Metadata(date="2024-05-04")) == "2024-05-04"
    assert line(Metadata()) == ""


def test_the_byline_speaks_the_briefs_language() -> None:
    newsroom = load_theme("newsroom")
    brief = Metadata(authors=("Léa Martin", "Hugo Bernard"), date="2024-12-01", role="Paris")
    assert line(replace(brief, language="fr"), newsroom) == (
        "Par Léa Martin et Hugo Bernard, Paris · 1 décembre 2024"
    )
    assert line(replace(brief, language="de"), newsroom) == (
        "Von Léa Martin und Hugo Bernard, Paris · 1. Dezember 2024"
    )
    assert line(replace(brief, language="en-GB"), newsroom) == (
        "By Léa Martin and Hugo Bernard, Paris · 1 December 2024"
    )
