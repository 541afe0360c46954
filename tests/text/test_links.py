"""What is a link and where it points: one rule for every format."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter.text.links import Link, link_target, split_links


def links(text: str) -> list[tuple[str, str]]:
    return [(part.text, part.target) for part in split_links(text) if isinstance(part, Link)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "See www.example.org/report.",
            [("www.example.org/report", "https://www.example.org/report")],
        ),
        (
            "https://en.wikipedia.org/wiki/Python_(programming_language)",
            [
                (
                    "https://en.wikipedia.org/wiki/Python_(programming_language)",
                    "https://en.wikipedia.org/wiki/Python_(programming_language)",
                )
            ],
        ),
        (
            "(see https://en.wikipedia.org/wiki/C_(language)).",
            [
                (
                    "https://en.wikipedia.org/wiki/C_(language)",
                    "https://en.wikipedia.org/wiki/C_(language)",
                )
            ],
        ),
        ("(see https://example.org/a)", [("https://example.org/a", "https://example.org/a")]),
        ("Go to https://x.org/a, then!", [("https://x.org/a", "https://x.org/a")]),
        ("“https://x.org/q?a=1”", [("https://x.org/q?a=1", "https://x.org/q?a=1")]),
        ("odd https://x.com/a|b#c#d end", [("https://x.com/a|b#c#d", "https://x.com/a%7Cb#c%23d")]),
        ("https://www.a..b/x", []),
        ("http://0x7f.1/", []),
        ("http://999.1.1.1/x", []),
        ("javascript:alert(1) and file:///etc/passwd", []),
        ("ftp://example.org/file", []),
        ("www.", []),
        ("a www-example.org b", []),
    ],
)
def test_links_are_found_as_a_reader_would(text: str, expected: list[tuple[str, str]]) -> None:
    assert links(text) == expected
    assert (
        "".join(part if isinstance(part, str) else part.text for part in split_links(text)) == text
    )


def test_a_run_of_brackets_after_an_address_costs_linear_time() -> None:
    text = "https://example.org/" + ")" * 200_000
    assert links(text) == [("https://example.org/", "https://example.org/")]


@given(st.sampled_from(["https://", "http://"]), st.text(max_size=30))
def test_targets_are_stable_and_hold_no_stray_characters(scheme: str, rest: str) -> None:
    target = link_target(scheme + rest)
    if target is not None:
        assert link_target(target) == target
        assert not re.search(r"[\s<>\"\\^`{|}]|%(?![0-9A-Fa-f]{2})", target)
        assert "#" not in target.partition("#")[2]


@given(st.text(max_size=80))
def test_splitting_never_loses_or_adds_text(text: str) -> None:
    parts = split_links(text)
    assert "".join(part if isinstance(part, str) else part.text for part in parts) == text
    for part in parts:
        if isinstance(part, Link):
            assert link_target(part.target) == part.target
