"""The characters no format can hold are dropped the same way by reading and every writer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from exporter.text.characters import UNSTORABLE, describe_character, storable


def test_controls_go_and_text_stays() -> None:
    assert storable("a\x00b\x7f\x9f <c>\ud800\uffff") == "ab <c>"
    assert storable("tab\tand\nline kept") == "tab\tand\nline kept"
    assert describe_character("\x00") == "U+0000 (NUL)"


@given(st.text())
def test_nothing_unstorable_survives(text: str) -> None:
    cleaned = storable(text)
    assert not UNSTORABLE.search(cleaned)
    assert storable(cleaned) == cleaned
