"""The words exporter adds, resolved for a brief's language: labels, templates, dates, lists,
digits, and their fallbacks."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from dataclasses import replace

import pytest
from hypothesis import given

from exporter.model import Article, Metadata
from exporter.text.wording import NUMBERING_SYSTEM_DIGITS, Words, native_digits, words_for
from exporter.theme import HeaderFooter, Theme, Wording, load_theme
from tests.strategies import calendar_dates, shipped_languages

NEWSROOM = load_theme("newsroom")


def words(language: str | None, theme: Theme = NEWSROOM) -> Words:
    return words_for(Article("t", metadata=Metadata(language=language)), theme)


# The brief's date in each language, as CLDR's "long" format writes it (Babel's data).
DATES = {
    "en": "December 1, 2024",
    "en-GB": "1 December 2024",
    "fr": "1 décembre 2024",
    "de": "1. Dezember 2024",
    "es": "1 de diciembre de 2024",
    "ru": "1 декабря 2024\u202fг.",
    "ar": "١ ديسمبر ٢٠٢٤",  # the shipped themes ask for Arabic-Indic digits in Arabic
    "fa": "۱ دسامبر ۲۰۲۴",
    "zh": "2024年12月1日",
    "ja": "2024年12月1日",
    "ko": "2024년 12월 1일",
}


@pytest.mark.parametrize(("language", "expected"), DATES.items())
def test_a_calendar_date_is_written_as_the_language_writes_it(language: str, expected: str) -> None:
    assert words(language).date("2024-12-01") == expected


@given(shipped_languages, calendar_dates)
def test_no_shipped_language_shows_a_calendar_date_in_iso_form(language: str, value: str) -> None:
    found = words(language)
    written = found.date(value)
    assert value not in written
    assert found.localise_digits(value[:4]) in written  # the year, in the handout's digits


def test_a_date_that_is_no_calendar_date_is_shown_as_written() -> None:
    assert words("fr").date("Winter 2024") == "Winter 2024"
    assert words("fr").date("2024-13-45") == "2024-13-45"
    assert words("fr").date(None) == ""


def test_the_theme_may_keep_iso_dates() -> None:
    theme = replace(Theme(), wording=Wording(date="iso"))
    assert words("fr", theme).date("2024-12-01") == "2024-12-01"


def test_an_unknown_language_keeps_the_date_and_joins_names_with_commas() -> None:
    for unknown in (None, "und", "qaa"):
        found = words(unknown)
        assert found.date("2024-12-01") == "2024-12-01"
        assert found.names(["A", "B", "C"]) == "A, B, C"
        assert found.footer.right == "Page {page} of {pages}"  # the first entry of the table


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "A, B, and C"),
        ("fr", "A, B et C"),
        ("de", "A, B und C"),
        ("es", "A, B y C"),
        ("ru", "A, B и C"),
        ("zh", "A、B和C"),
        ("ja", "A、B、C"),
        ("ko", "A, B 및 C"),
    ],
)
def test_authors_are_joined_as_the_language_joins_a_list(language: str, expected: str) -> None:
    assert words(language).names(["A", "B", "C"]) == expected


def test_one_author_needs_no_joining() -> None:
    assert words("fr").names([" Léa Martin "]) == "Léa Martin"
    assert words("fr").names([]) == ""


@pytest.mark.parametrize(
    ("language", "byline", "contents", "footer"),
    [
        ("en", "By A and B", "Contents", "Page 2 of 5"),
        ("fr", "Par A et B", "Sommaire", "Page 2 sur 5"),
        ("de", "Von A und B", "Inhalt", "Seite 2 von 5"),
        ("es", "Por A y B", "Índice", "Página 2 de 5"),
        ("ru", "Текст: A и B", "Содержание", "Страница 2 из 5"),
        ("ar", "بقلم A وB", "المحتويات", "صفحة ٢ من ٥"),
        ("zh", "作者：A和B", "目录", "第 2 页，共 5 页"),
        ("zh-TW", "作者：A和B", "目錄", "第 2 頁，共 5 頁"),
        ("ja", "執筆：A、B", "目次", "2 / 5 ページ"),
        ("ko", "글 A 및 B", "목차", "5쪽 중 2쪽"),
        ("pt-BR", "Por A e B", "Índice", "Página 2 de 5"),
    ],
)
def test_the_shipped_words_speak_the_briefs_language(
    language: str, byline: str, contents: str, footer: str
) -> None:
    found = words(language)
    assert found.credit(["A", "B"]) == byline
    assert found.contents == contents
    filled = found.footer.right.replace("{page}", found.number(2))
    assert filled.replace("{pages}", found.number(5)) == footer


def test_the_source_line_and_link_description_are_translated() -> None:
    assert words("de").source_line(" dpa ") == "Quelle: dpa"
    assert words("fr").source_line("AFP") == "Source\u202f: AFP"
    assert words("fr").link_description("https://example.org") == "Lien vers https://example.org"
    assert words("ja").link_description("https://example.org") == "https://example.org へのリンク"


def test_every_shipped_language_has_every_word() -> None:
    languages = [tag for tag, _ in NEWSROOM.key_points.translations]
    wording = NEWSROOM.wording
    for table in ("byline", "source", "contents", "link"):
        translations = dict(getattr(wording, f"{table}_translations"))
        assert sorted(translations) == sorted(languages), table
    assert sorted(dict(NEWSROOM.footer.right_translations)) == sorted(languages)


def test_a_template_given_only_in_english_serves_every_language() -> None:
    theme = replace(
        Theme(),
        footer=HeaderFooter(right="Page {page}"),
        wording=Wording(byline="By {authors}", contents="Contents"),
    )
    for language in ("en", "fr", "ar", "zh", "ja", "ko", "sw", None):
        found = words(language, theme)
        assert (found.footer.right, found.byline, found.contents) == (
            "Page {page}",
            "By {authors}",
            "Contents",
        )


def test_native_digits_are_cldrs_numbering_systems() -> None:
    assert native_digits("ar") == NUMBERING_SYSTEM_DIGITS["arab"]
    assert native_digits("fa") == NUMBERING_SYSTEM_DIGITS["arabext"]
    assert native_digits("hi") == NUMBERING_SYSTEM_DIGITS["deva"]
    assert native_digits("en") == native_digits("und") == "0123456789"
    assert words("ar").number(2024) == "٢٠٢٤"
    assert words("fa").number(17) == "۱۷"
    assert words("en").number(2024) == words("he").number(2024) == "2024"


def test_the_numbering_systems_digits_are_unicodes_decimal_digits_in_order() -> None:
    for name, digits in NUMBERING_SYSTEM_DIGITS.items():
        if name == "hanidec":  # CLDR's Chinese decimal digits are ideographs: 〇 一 二 …
            assert [unicodedata.numeric(digit) for digit in digits] == list(range(10))
        else:
            assert [unicodedata.decimal(digit) for digit in digits] == list(range(10)), name


def test_numbers_follow_the_theme() -> None:
    latin = replace(Theme(), wording=Wording(numbers="latin"))
    assert words("ar", latin).number(12) == "12"
    assert words("ar", latin).date("2024-12-01") == "1 ديسمبر 2024"


def test_babel_stays_unimported_for_a_brief_that_needs_no_formatting() -> None:
    """A brief without a calendar date, with one author and Latin digits never imports Babel
    (its import and locale data cost tens of milliseconds of a handout's start-up budget)."""
    script = (
        "import sys\n"
        "from exporter import render\n"
        "from exporter.model import Article, Metadata\n"
        "article = Article('T', metadata=Metadata(author='A', date='Winter', language='fr'))\n"
        "for fmt in ('docx', 'pdf', 'epub'):\n"
        "    render(article, fmt)\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'babel'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
