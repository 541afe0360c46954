"""The brief's language: --lang, front matter, else detected from the text with a warning."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter.cli import main
from exporter.convert import convert_many
from exporter.model import Article
from exporter.reading import parse_text
from exporter.reading.language import _script_counts, detect_language
from exporter.text.scripts import script_of

SOURCES = Path(__file__).resolve().parents[2] / "sources"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Министр иностранных дел России провёл переговоры в Пхеньяне.", "ru"),
        ("최선희 외무상은 원산에서 러시아 대표단을 맞이했다.", "ko"),
        ("朝鲜在元山葛麻海岸旅游区接待了首批俄罗斯游客。", "zh"),
        ("اختتمت القمة الخليجية في الكويت بالدعوة إلى وقف إطلاق النار.", "ar"),
        ("הכנסת אישרה בקריאה ראשונה את תקציב המדינה.", "he"),
        ("The Federal Reserve kept interest rates unchanged on Wednesday.", "en"),
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.", "el"),
    ],
)
def test_detects_the_language_of_a_short_paragraph(text: str, language: str) -> None:
    assert detect_language(text) == language


def language_notes(article: Article) -> list[str]:
    return [warning.message for warning in article.warnings if "language" in warning.message]


def test_too_little_text_is_not_guessed() -> None:
    assert detect_language("Q3 2024") is None
    article = parse_text("Q3 2024")
    assert article.metadata.language is None
    assert language_notes(article) == []


def test_detection_says_so_in_a_warning() -> None:
    article = parse_text("Итоги\nПравительство утвердило бюджет на следующий год.")
    assert article.metadata.language == "ru"
    (note,) = [warning for warning in article.warnings if warning.severity == "note"]
    assert note.line is None and "detected ru" in note.message


def test_front_matter_language_is_kept_without_a_warning() -> None:
    article = parse_text("---\nlanguage: uk\n---\nБюджет\nПравительство утвердило бюджет страны.")
    assert article.metadata.language == "uk"
    assert language_notes(article) == []


def test_the_override_wins_over_front_matter_and_detection() -> None:
    text = "---\nlanguage: uk\n---\nПравительство утвердило бюджет страны."
    assert parse_text(text, language="ru").metadata.language == "ru"
    assert (
        language_notes(parse_text("Rates\nThe bank held rates steady again.", language="de")) == []
    )


def test_inspect_lang_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(SOURCES / "ko-choe-wonsan.txt"), "--json", "--lang", "ko-KR"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["metadata"]["language"] == "ko-KR"
    assert "detected" not in err


def test_a_malformed_lang_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["inspect", str(SOURCES / "ko-choe-wonsan.txt"), "--lang", "not a tag!"])
    assert exit_info.value.code == 2
    assert "not a language tag" in capsys.readouterr().err


def test_convert_lang_reaches_every_format_and_rebuilds(tmp_path: Path) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text("Budget\nThe government approved the budget for next year.\n")
    out = tmp_path / "out"
    assert main(["convert", str(brief), "--out", str(out), "--to", "epub", "-q"]) == 0
    assert main(["convert", str(brief), "--out", str(out), "--to", "epub", "--lang", "en-GB"]) == 0
    with zipfile.ZipFile(out / "brief.epub") as book:
        assert 'lang="en-GB"' in book.read("EPUB/article.xhtml").decode()
    report = convert_many([brief], out, formats=["epub"], language="en-GB")
    assert report.count("skipped") == 1  # same override: up to date


@given(st.text(alphabet=st.sampled_from("aZ5 ,éЛΩ최ダ中א\u0301ا-\n"), max_size=200) | st.text())
def test_letters_are_counted_by_script_as_one_by_one(text: str) -> None:
    """The fast count (ASCII letters in C) agrees with looking up every character."""
    expected = Counter(script for script in map(script_of, text) if script is not None)
    assert _script_counts(text) == expected
