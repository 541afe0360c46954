"""Language tags: one normal form for every entry point, and the shortcut that skips langcodes."""

from __future__ import annotations

import itertools
import string

import langcodes
import pytest

from exporter.model import Article, Metadata
from exporter.text.languages import (
    DEPRECATED_LANGUAGES,
    DEPRECATED_REGIONS,
    FALLBACK_LANGUAGE,
    SCRIPTS_KEPT,
    LanguageTagError,
    _standardised,
    document_language,
    for_language,
    is_language_tag,
    normalise_language,
)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "en"),
        ("EN_gb", "en-GB"),
        (" ru ", "ru"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("iw", "he"),
        ("en-Latn", "en"),
        ("en-UK", "en-GB"),
        ("eng", "en"),
        ("i-klingon", "tlh"),
        ("en-u-ca-gregory-x-mine", "en-u-ca-gregory-x-mine"),
        ("he-1996", "he-1996"),
    ],
)
def test_tags_are_normalised(tag: str, expected: str) -> None:
    assert normalise_language(tag) == expected


@pytest.mark.parametrize(
    "tag", ["", "english", "English (UK)", "en-a", "en-GB-GB", "x-private", "en-", "123", "en--gb"]
)
def test_what_is_no_language_tag_is_refused(tag: str) -> None:
    assert not is_language_tag(tag)
    with pytest.raises(LanguageTagError, match="not a language tag"):
        normalise_language(tag)


def test_the_shortcut_agrees_with_langcodes() -> None:
    """Tags in the shapes the shortcut accepts come back from langcodes unchanged, except the
    deprecated codes it leaves to langcodes: the shortcut's lists are complete and exact."""
    for first, second in itertools.product(string.ascii_lowercase, repeat=2):
        language = first + second
        changed = langcodes.standardize_tag(language) != language
        assert changed == (language in DEPRECATED_LANGUAGES), language
    for first, second in itertools.product(string.ascii_uppercase, repeat=2):
        tag = f"en-{first}{second}"
        changed = langcodes.standardize_tag(tag) != tag
        assert changed == (first + second in DEPRECATED_REGIONS), tag
    for tag in SCRIPTS_KEPT:
        assert langcodes.standardize_tag(tag) == tag
        for first, second in itertools.product(string.ascii_uppercase, repeat=2):
            region = first + second
            changed = langcodes.standardize_tag(f"{tag}-{region}") != f"{tag}-{region}"
            assert changed == (region in DEPRECATED_REGIONS), f"{tag}-{region}"
    assert _standardised("pt-BR") == "pt-BR"


def test_an_unknown_or_malformed_language_falls_back_the_same_way_everywhere() -> None:
    assert document_language(Article("x")) == FALLBACK_LANGUAGE == "und"
    assert document_language(Article("x", metadata=Metadata(language="not a tag"))) == "und"
    assert document_language(Article("x", metadata=Metadata(language="EN_gb"))) == "en-GB"


def test_tables_by_language_find_the_nearest_tag() -> None:
    table = {"en": "Key points", "pt": "Pontos-chave", "zh": "要点", "zh-Hant": "要點"}
    assert for_language(table, "pt-BR") == "Pontos-chave"
    assert for_language(table, "zh-TW") == "要點"
    assert for_language(table, "zh_hk") == "要點"
    assert for_language(table, "zh-CN") == "要点"
    assert for_language(table, "EN") == "Key points"
    assert for_language(table, "de") is None
    assert for_language(table, None) is None
