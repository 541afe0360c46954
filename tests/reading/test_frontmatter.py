"""Front matter: known keys, kept keys, safe loading and precise errors."""

from __future__ import annotations

import pytest

from exporter.errors import BriefError
from exporter.reading import parse_text


def test_known_keys_fill_the_metadata_and_others_are_kept() -> None:
    article = parse_text(
        "---\n"
        "title: Rates on Hold\n"
        "subtitle: A pause\n"
        "author: [Ann Lee, Bo Kim]\n"
        "date: 2025-03-19\n"
        "lang: en_gb\n"
        "keywords: rates, inflation\n"
        "summary: Why rates held.\n"
        "style: newsroom\n"
        "desk: Economics\n"
        "---\n"
        "The bank kept rates unchanged.\n",
        "brief.txt",
    )
    assert article.title == "Rates on Hold"
    assert article.subtitle == "A pause"
    meta = article.metadata
    assert meta.author == "Ann Lee, Bo Kim"
    assert meta.date == "2025-03-19"
    assert meta.language == "en-GB"
    assert meta.keywords == ("rates", "inflation")
    assert meta.description == "Why rates held."
    assert (meta.path, meta.source) == ("brief.txt", None)
    assert dict(meta.extra) == {"style": "newsroom", "desk": "Economics"}
    assert article.sections[0].blocks[0].to_dict()["text"] == "The bank kept rates unchanged."


def test_a_title_repeated_as_the_first_line_is_not_a_section() -> None:
    article = parse_text("---\ntitle: Rates on Hold\n---\nRates on Hold\nThe bank held.\n")
    assert article.title == "Rates on Hold"
    assert article.headings == ()


def test_invalid_yaml_names_the_line() -> None:
    with pytest.raises(BriefError) as caught:
        parse_text("---\ntitle: ok\nauthor: [unclosed\n---\nBody.\n", "b.txt")
    assert str(caught.value).startswith("b.txt:")
    assert "front matter is not valid YAML" in str(caught.value)
    assert caught.value.line is not None and 3 <= caught.value.line <= 5


def test_custom_tags_are_refused() -> None:
    with pytest.raises(BriefError, match="not valid YAML"):
        parse_text("---\ntitle: !!python/object/apply:os.system ['true']\n---\nBody.\n")


def test_alias_bombs_are_refused_quickly() -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    bomb += "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n---\nBody.\n"
    with pytest.raises(BriefError, match="aliases"):
        parse_text(bomb)


def test_front_matter_must_be_a_mapping() -> None:
    with pytest.raises(BriefError, match="key: value") as caught:
        parse_text("---\n- just\n- a list\n---\nBody.\n", "b.txt")
    assert caught.value.line == 2


def test_a_mapping_where_text_belongs_is_an_error_naming_the_key_line() -> None:
    with pytest.raises(BriefError, match="'title' must be text") as caught:
        parse_text("---\nauthor: Ann\ntitle:\n  main: x\n---\nBody.\n", "b.txt")
    assert caught.value.line == 3


def test_an_unclosed_fence_is_a_rule_not_front_matter() -> None:
    article = parse_text("---\nRates on Hold\nThe bank kept rates unchanged.\n")
    assert article.title == "Rates on Hold"


def test_a_bad_language_tag_is_ignored_with_a_warning() -> None:
    article = parse_text("---\nlanguage: English (UK)\n---\nTitle Here\nBody text.\n")
    assert article.metadata.language is None
    assert any("BCP 47" in warning.message and warning.line == 2 for warning in article.warnings)


def test_empty_front_matter_is_allowed() -> None:
    assert parse_text("---\n---\nTitle Here\nBody text.\n").title == "Title Here"


def test_front_matter_without_body_or_title_is_an_error() -> None:
    with pytest.raises(BriefError, match="no text after its front matter"):
        parse_text("---\nauthor: Ann\n---\n\n")
