"""Bytes to text: encodings, newlines, unstorable characters and non-text input."""

from __future__ import annotations

import codecs

import pytest

from exporter.errors import BriefError
from exporter.reading.decode import MAX_BRIEF_BYTES, decode_brief

TEXT = "Kim’s “visit” to Wonsan — café.\nSecond line."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-no-bom", "utf-16-be-no-bom", "utf-32"],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode_brief(data).text == TEXT


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_newline_convention_becomes_a_line_feed(newline: str) -> None:
    decoded = decode_brief(TEXT.replace("\n", newline).encode())
    assert decoded.text == TEXT


def test_windows_1252_is_decoded_with_a_warning() -> None:
    decoded = decode_brief("The “naïve” résumé costs 5 €.".encode("cp1252"), "brief.txt")
    assert decoded.text == "The “naïve” résumé costs 5 €."
    assert decoded.encoding == "windows-1252"
    assert [warning.message for warning in decoded.warnings] == [
        "not valid UTF-8; decoded as windows-1252 (save the file as UTF-8)"
    ]


def test_cyrillic_code_page_is_recognised() -> None:
    text = "Сергей Лавров посетил Пхеньян и встретился с Ким Чен Ыном в среду."
    decoded = decode_brief(text.encode("cp1251"))
    assert decoded.text == text
    assert decoded.warnings


def test_valid_utf8_gives_no_warning() -> None:
    assert decode_brief(TEXT.encode()).warnings == ()


@pytest.mark.parametrize(
    ("char", "name"),
    [("\x00", "NUL"), ("\x0b", "vertical tab"), ("\x0c", "form feed"), ("\x1b", "escape")],
)
def test_control_characters_are_dropped_with_a_warning_naming_the_line(
    char: str, name: str
) -> None:
    decoded = decode_brief(f"Title\nA stray{char} character.\nEnd.".encode())
    assert decoded.text == "Title\nA stray character.\nEnd."
    assert len(decoded.warnings) == 1
    assert decoded.warnings[0].line == 2
    assert name in decoded.warnings[0].message


def test_tab_is_kept_and_separators_become_spaces() -> None:
    decoded = decode_brief("a\tb\u2028c\u2029d".encode())
    assert decoded.text == "a\tb c d"


def test_emoji_zwj_sequences_and_combining_marks_survive_in_nfc() -> None:
    decoded = decode_brief("👩‍👩‍👧 👍🏽 🇺🇦 e\u0301te\u0301 \u200d".encode())
    assert decoded.text == "👩‍👩‍👧 👍🏽 🇺🇦 été \u200d"
    assert decoded.warnings == ()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\t\r\n  ", "the brief is blank"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "this is a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (bytes(range(256)) * 8, "not"),
    ],
    ids=["empty", "blank", "pdf", "png", "zip", "random-bytes"],
)
def test_non_text_input_is_an_error(data: bytes, message: str) -> None:
    with pytest.raises(BriefError, match=message) as caught:
        decode_brief(data, "brief.txt")
    assert str(caught.value).startswith("brief.txt: error: ")


def test_oversized_input_is_refused_before_decoding() -> None:
    with pytest.raises(BriefError, match="limited to 20 MB"):
        decode_brief(b"a" * (MAX_BRIEF_BYTES + 1))
