"""The article model: immutability and the JSON contract of ``inspect --json``."""

from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path

import pytest

from exporter import parse
from exporter.model import Article, ListBlock, Metadata, Paragraph, ParseWarning, Section, freeze


def sample() -> Article:
    return Article(
        title="Rates on Hold",
        subtitle="A pause, not a pivot",
        key_points=("Rates unchanged", "Inflation easing"),
        sections=(
            Section(None, (Paragraph("Lead."),)),
            Section("Why Not Cut Now?", (ListBlock(("one", "two"), ordered=True),)),
        ),
        metadata=Metadata(
            author="A. Writer",
            keywords=("rates",),
            extra=freeze({"style": "newsroom", "tags": ["x", {"y": 1}]}),
        ),
        warnings=(ParseWarning(3, "dropped U+000C"),),
    )


def test_to_dict_has_the_documented_shape() -> None:
    assert sample().to_dict() == {
        "title": "Rates on Hold",
        "subtitle": "A pause, not a pivot",
        "key_points": ["Rates unchanged", "Inflation easing"],
        "sections": [
            {"heading": None, "level": 2, "blocks": [{"type": "paragraph", "text": "Lead."}]},
            {
                "heading": "Why Not Cut Now?",
                "level": 2,
                "blocks": [{"type": "list", "ordered": True, "items": ["one", "two"]}],
            },
        ],
        "metadata": {
            "author": "A. Writer",
            "authors": ["A. Writer"],
            "role": None,
            "date": None,
            "language": None,
            "keywords": ["rates"],
            "description": None,
            "source": None,
            "path": None,
            "style": "newsroom",
            "tags": ["x", {"y": 1}],
        },
        "warnings": [{"line": 3, "severity": "warning", "message": "dropped U+000C"}],
    }


def test_json_keeps_non_ascii_readable() -> None:
    article = Article(title="Сергей Лавров’s visit")
    assert "Сергей Лавров’s" in article.to_json()
    assert json.loads(article.to_json())["title"] == "Сергей Лавров’s visit"


def test_model_objects_are_immutable() -> None:
    article = sample()
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        article.metadata.extra["style"] = "x"  # type: ignore[index]


def test_headings_and_blocks_walk_the_sections_in_order() -> None:
    article = sample()
    assert article.headings == ("Why Not Cut Now?",)
    assert [type(block).__name__ for block in article.blocks()] == ["Paragraph", "ListBlock"]


def test_an_article_survives_pickling_whole() -> None:
    """An article goes to another process (the forked one that renders a PDF on a second core)
    as it is: front matter's nested values, every line number, its path and theme folders."""
    root = Path(__file__).resolve().parent
    briefs = sorted((root.parent / "sources").iterdir())
    briefs += sorted(root.glob("fixtures/briefs/*.txt")) + sorted(root.glob("fixtures/briefs/*.md"))
    nested = Metadata(extra=freeze({"desk": {"name": "World", "tags": ["a", {"b": 1}]}}))
    articles = [parse(path) for path in briefs] + [Article("Title", metadata=nested)]
    for article in articles:
        copy = pickle.loads(pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))
        assert copy == article
        assert copy.to_json(lines=True) == article.to_json(lines=True)
        assert copy.metadata.lines == article.metadata.lines
        assert (copy.metadata.path, copy.metadata.theme_dirs) == (
            article.metadata.path,
            article.metadata.theme_dirs,
        )
        with pytest.raises(TypeError):  # still read-only
            copy.metadata.extra["new"] = 1  # type: ignore[index]
