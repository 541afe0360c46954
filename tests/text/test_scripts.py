"""Scripts and direction: one table of right-to-left languages and scripts for every format."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.model import Article, Metadata, Paragraph, Section
from exporter.text import scripts
from exporter.text.scripts import (
    _RIGHT_TO_LEFT_BLOCKS,
    breaks_between_ideographs,
    document_direction,
    foreign_runs,
    has_right_to_left,
    is_east_asian,
    is_right_to_left,
)
from tests.strategies import mixed_script_text


def test_the_right_to_left_blocks_hold_every_right_to_left_letter() -> None:
    for code in range(0x110000):
        if unicodedata.bidirectional(chr(code)) in ("R", "AL"):
            assert any(first <= code <= last for first, last in _RIGHT_TO_LEFT_BLOCKS), hex(code)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ar", True),
        ("ar-EG", True),
        ("he", True),
        ("fa-IR", True),
        ("ur", True),
        ("az-Arab", True),
        ("xx-Samr", True),
        ("xx-Mand", True),
        ("ku-Latn", False),
        ("he-1996", True),
        ("en-GB", False),
        ("en-x-Arab", False),
    ],
)
def test_direction_of_a_language(tag: str, expected: bool) -> None:
    assert is_right_to_left(tag) is expected


def test_east_asian_languages_and_where_their_lines_break() -> None:
    assert [is_east_asian(tag) for tag in ("zh-Hans", "ja", "ko-KR", "en")] == [
        True,
        True,
        True,
        False,
    ]
    assert [breaks_between_ideographs(tag) for tag in ("zh", "ja", "ko")] == [True, True, False]


def test_every_right_to_left_letter_and_only_those_is_found() -> None:
    # Outside the blocks there is none (the test above); inside, each character on its own
    # and after a run of the blocks' other characters (marks, digits) that are no letters.
    not_letters = "".join(
        chr(code)
        for first, last in _RIGHT_TO_LEFT_BLOCKS
        for code in range(first, last + 1)
        if unicodedata.bidirectional(chr(code)) not in ("R", "AL")
    )
    assert not has_right_to_left(not_letters)
    for first, last in _RIGHT_TO_LEFT_BLOCKS:
        for code in range(first, last + 1):
            letter = unicodedata.bidirectional(chr(code)) in ("R", "AL")
            assert has_right_to_left(chr(code)) == letter, hex(code)
            assert has_right_to_left(f"{not_letters[:50]}x{chr(code)}") == letter, hex(code)


def test_right_to_left_letters_are_found_in_any_text() -> None:
    assert not has_right_to_left("Tehran, “quoted”")
    assert has_right_to_left("Tehran (طهران)")
    assert has_right_to_left("\u200f")
    assert not has_right_to_left("٣")  # an Arabic-Indic digit is no letter


@given(mixed_script_text)
def test_the_quick_look_for_right_to_left_letters_misses_none(text: str) -> None:
    letters = [char for char in text if unicodedata.bidirectional(char) in ("R", "AL")]
    assert has_right_to_left(text) == bool(letters)


def test_a_document_runs_the_way_its_language_does_else_its_letters() -> None:
    def article(language: str | None, text: str) -> Article:
        lead = Section(None, (Paragraph(text),))
        return Article(text, sections=(lead,), metadata=Metadata(language=language))

    assert document_direction(article("he", "Hello")) == "rtl"
    assert document_direction(article("en", "שלום עולם")) == "ltr"
    assert document_direction(article(None, "שלום עולם, hi")) == "rtl"
    assert document_direction(article(None, "Hello world, שלום")) == "ltr"


@given(
    text=st.text(alphabet=st.sampled_from("ab Z,.-'ЛеΩα최ダ中אا\u0301é\u200d\n"), max_size=80)
    | st.text(max_size=40),
    language=st.sampled_from(["en", "de", "ru", "ja"]),
)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_foreign_runs_look_at_only_the_characters_that_can_be_foreign(
    text: str, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a Latin-script document only non-ASCII characters are looked at: the runs are those
    that looking at every character gives."""
    quick = list(foreign_runs(text, language))
    with monkeypatch.context() as patched:
        patched.setattr(scripts, "_NON_ASCII", re.compile(".", re.DOTALL))
        assert list(foreign_runs(text, language)) == quick
    assert "".join(run for run, _ in quick) == text
