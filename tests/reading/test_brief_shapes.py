"""The brief shapes editors send, each parsed to the model stored beside it.

``tests/fixtures/briefs/`` holds briefs written for these tests in the shapes real ones come in
(bylines and dates, labelled key points before or after the lead, e-mails, Markdown, hard-wrapped
text, source lines) and in several languages, each with its golden model (``NAME.model.json``,
lines and notes included). To accept a deliberate change, run
``UPDATE_GOLDEN=1 python3 dev.py test tests/reading/test_brief_shapes.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from exporter.model import Article
from exporter.reading import parse_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "briefs"
BRIEFS = sorted(path for path in FIXTURES.iterdir() if path.suffix in {".txt", ".md"})


def parsed(path: Path) -> Article:
    return parse_bytes(path.read_bytes(), path.name)


def test_the_corpus_covers_the_shapes_and_languages_it_promises() -> None:
    assert len(BRIEFS) >= 30
    languages = {parsed(path).metadata.language for path in BRIEFS}
    assert len(languages) >= 8, languages
    golden = {path.name.removesuffix(".model.json") for path in FIXTURES.glob("*.model.json")}
    assert golden == {path.name for path in BRIEFS}


@pytest.mark.parametrize("brief", BRIEFS, ids=[path.name for path in BRIEFS])
def test_brief_parses_to_its_golden_model(brief: Path) -> None:
    article = parsed(brief)
    expected = FIXTURES / f"{brief.name}.model.json"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(article.to_json(lines=True) + "\n", encoding="utf-8")
    assert article.to_dict(lines=True) == json.loads(expected.read_text(encoding="utf-8"))


# Each rule the reader follows, on the corpus: a failure here names the rule, where the golden
# comparison above only says that something changed.

KEY_POINTS = {
    "en-byline-date-takeaways.txt": 2,
    "en-in-brief-after-lead.txt": 2,
    "en-at-a-glance-no-colon.txt": 3,
    "en-tldr.txt": 1,
    "en-email-forward.txt": 1,
    "en-email-plain-list.txt": 2,
    "en-currency-title.txt": 2,
    "en-digit-title.txt": 3,
    "en-quoted-title.txt": 2,
    "en-markdown-spans.md": 3,
    "en-markdown-nested.md": 1,
    "en-bullets-mixed.txt": 2,
    "en-dash-bullets.txt": 2,
    "en-numbered-paren.txt": 2,
    "en-no-key-points.txt": 0,
    "fr-byline-essentiel.txt": 2,
    "fr-en-bref-apres-chapo.txt": 2,
    "fr-courriel.txt": 1,
    "de-auf-einen-blick.txt": 2,
    "de-das-wichtigste-datum.txt": 2,
    "es-puntos-clave.txt": 2,
    "it-in-breve.txt": 2,
    "pt-em-resumo.txt": 2,
    "nl-kernpunten.txt": 2,
    "ru-glavnoe.txt": 2,
    "zh-yaodian.txt": 2,
    "ja-pointo.txt": 2,
    "ko-haeksim.txt": 2,
    "ar-abraz.txt": 2,
}


@pytest.mark.parametrize(("name", "count"), KEY_POINTS.items())
def test_key_points_are_boxed_and_their_label_never_reaches_the_body(name: str, count: int) -> None:
    article = parsed(FIXTURES / name)
    assert len(article.key_points) == count
    body = " ".join(text for block in article.blocks() for text in _texts(block))
    for label in ("Key takeaways", "In brief", "At a glance", "TL;DR", "L'essentiel", "En bref"):
        assert label not in body
    if count == 0:
        assert any("no key points found" in warning.message for warning in article.warnings)


BYLINES = {
    "en-byline-date-takeaways.txt": (("Ana Souza",), "Health Reporter", "2024-05-04"),
    "en-multiple-authors.txt": (
        ("Ana Souza", "João Lima", "Wei Chen"),
        "Politics Desk",
        "2024-05-04",
    ),
    "en-email-forward.txt": (("Ana Souza",), None, "2024-05-14"),
    "fr-byline-essentiel.txt": (
        ("Léa Martin", "Hugo Bernard"),
        "correspondants à Marseille",
        "2024-01-12",
    ),
    "fr-courriel.txt": (("Claire Dubois",), None, "2024-05-13"),
    "de-auf-einen-blick.txt": (("Jana Müller",), "Korrespondentin in Hamburg", "2024-05-04"),
    "de-das-wichtigste-datum.txt": ((), None, "2024-05-04"),
    "es-puntos-clave.txt": (("María José García",), "corresponsal en Valencia", "2024-05-04"),
    "it-in-breve.txt": (("Marco Rossi",), None, "2024-05-04"),
    "pt-em-resumo.txt": (("João Lima",), None, "2024-05-04"),
    "nl-kernpunten.txt": (("Jan de Vries",), None, None),
    "ru-glavnoe.txt": (("Ирина Петрова",), None, "2024-05-04"),
    "zh-yaodian.txt": ((), None, "2024-05-04"),
    "ja-pointo.txt": ((), None, "2024-05-04"),
    "ko-haeksim.txt": ((), None, "2024-05-04"),
    "en-front-matter-and-byline.txt": (("Maria Delgado",), None, "2025-03-19"),
}


@pytest.mark.parametrize(("name", "expected"), BYLINES.items())
def test_bylines_and_dates_are_metadata_not_text(
    name: str, expected: tuple[tuple[str, ...], str | None, str | None]
) -> None:
    article = parsed(FIXTURES / name)
    metadata = article.metadata
    assert (metadata.authors, metadata.role, metadata.date) == expected
    first = article.sections[0].blocks[0] if article.sections else None
    for wrapper in ("By ", "Par ", "Von ", "Por ", "Di ", "Door ", "Автор", "Updated", "Stand:"):
        assert not (first is not None and _texts(first)[0].startswith(wrapper)), wrapper


def test_e_mail_wrappers_give_title_author_date_and_go_with_a_note() -> None:
    article = parsed(FIXTURES / "en-email-forward.txt")
    assert article.title == "Budget vote delayed to Friday"
    notes = [warning.message for warning in article.warnings if warning.severity == "note"]
    assert any(note.startswith("read lines 1–5 as e-mail headers") for note in notes)
    assert "dropped the greeting 'Hi all,'" in notes
    assert any(note.startswith("dropped the signature: Ana Souza") for note in notes)
    words = " ".join(article.plain_texts())
    assert "Hi all" not in words and "Political desk" not in words


def test_a_dateline_opening_a_paragraph_stays_text() -> None:
    article = parsed(FIXTURES / "en-dateline-stays-text.txt")
    assert article.metadata.date is None
    assert article.sections[0].blocks[0].text.startswith("LISBON, May 4 (Agency) —")


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("en-currency-title.txt", "€3bn deal for Lisbon port"),
        ("en-digit-title.txt", "3 things to know about the new tax rules"),
        ("en-quoted-title.txt", "“Nobody Expected This”: Rivals Merge"),
        ("en-markdown-spans.md", "Rates on hold as inflation cools"),
    ],
)
def test_a_title_may_start_with_any_character_a_headline_can(name: str, title: str) -> None:
    assert parsed(FIXTURES / name).title == title


def test_words_broken_across_wrapped_lines_are_joined_as_the_language_writes_them() -> None:
    (paragraph,) = list(parsed(FIXTURES / "en-hard-wrapped-hyphens.txt").blocks())
    text = _texts(paragraph)[0]
    assert "federal in scope" in text and "well-known tactic" in text and "governors" in text


def test_source_lines_end_the_brief_as_its_source() -> None:
    article = parsed(FIXTURES / "en-source-via.txt")
    assert article.metadata.source == "https://example.org/agriculture/drought-2024; Reuters"
    assert "Source:" not in " ".join(article.plain_texts())


def test_markdown_is_read_not_printed() -> None:
    article = parsed(FIXTURES / "en-markdown-spans.md")
    everything = " ".join(article.plain_texts())
    assert not re.search(r"\*\*|(?<!\w)\*\w|\[full statement\]|^> ", everything)
    assert "<b>Raw HTML stays text.</b>" in everything
    assert [section.level for section in article.sections] == [2, 3]
    point = article.key_points[0]
    assert [(span.text, span.strong) for span in point.spans] == [
        ("The bank held rates at ", False),
        ("4.5%", True),
        (".", False),
    ]
    link = article.key_points[2].spans[1]
    assert (link.text, link.link) == ("full statement", "https://example.org/statement")
    assert any("chart.png" in warning.message for warning in article.warnings)


def test_markdown_keeps_one_level_of_nested_lists() -> None:
    article = parsed(FIXTURES / "en-markdown-nested.md")
    (numbered,) = [block for block in article.blocks() if getattr(block, "ordered", False)]
    first = numbered.items[0]  # type: ignore[union-attr]
    assert first.text == "Dredging"
    assert [item.text for item in first.sublist.items] == ["Outer channel", "Inner basin"]


def test_a_txt_brief_stays_literal_unless_it_opts_in() -> None:
    literal = parse_bytes(b"Title Here\n- A **bold** point.\nSome *text*.\n", "brief.txt")
    assert literal.key_points[0].text == "A **bold** point."
    opted = parsed(FIXTURES / "en-markdown-optin.txt")
    assert opted.key_points[0].text == "A bold key point."
    assert opted.key_points[0].spans[1].strong


def _texts(block: object) -> list[str]:
    from exporter.model import block_texts

    return [piece.text for piece in block_texts(block)]  # type: ignore[arg-type]
