"""Limits: oversized briefs and lines, hostile YAML, and pathological but legal briefs.

Refusals must come quickly, as a :class:`BriefError` naming the path (and line), and with
bounded memory. Legal but extreme briefs must render in every format (sizes kept moderate here;
``benchmarks/`` and the report hold the timings at full size).
"""

from __future__ import annotations

import tracemalloc

import pytest

from exporter.errors import BriefError
from exporter.reading import parse_bytes, parse_text
from exporter.reading.decode import MAX_BRIEF_BYTES, MAX_LINE_CHARS
from exporter.theme import load_theme
from exporter.writers.registry import get_writer
from tests.reliability.readers import (
    read_docx,
    read_epub,
    read_html,
    read_json,
    read_markdown,
    read_pdf,
)


def refusal(text: str) -> str:
    with pytest.raises(BriefError) as caught:
        parse_text(text, "brief.txt")
    message = str(caught.value)
    assert message.startswith("brief.txt") and "\n" not in message
    return message


def test_a_brief_over_the_size_limit_is_refused_before_decoding() -> None:
    with pytest.raises(BriefError, match="limited to 20 MB") as caught:
        parse_bytes(b"x" * (MAX_BRIEF_BYTES + 1), "huge.txt")
    assert caught.value.path == "huge.txt"


def test_a_line_over_the_length_limit_is_refused_naming_the_line() -> None:
    text = "Title\nA fine paragraph.\n" + "x" * (MAX_LINE_CHARS + 1) + "\nMore.\n"
    assert refusal(text).startswith("brief.txt:3: error: this line is 1,000,001 characters")


def test_a_line_at_the_length_limit_is_read() -> None:
    article = parse_text("Title\n" + "word " * (MAX_LINE_CHARS // 5) + "\nEnd.")
    assert article.title == "Title"


HOSTILE_YAML = {
    "alias": "a: &x [1]\nb: *x",
    "billion laughs": 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a]\nc: &c [*b,*b,*b]',
    "python object": 'title: !!python/object/apply:os.system ["echo pwned"]',
    "python name": "title: !!python/name:os.system",
    "python module": "title: !!python/module:os",
    "custom tag": "title: !include /etc/passwd",
    "flow nesting": "title: " + "[" * 100_000,
    "mapping nesting": "title: " + "{a: " * 100_000,
    "block nesting": "".join(" " * depth + f"k{depth}:\n" for depth in range(100)),
    "impossible date": "date: 2024-13-45",
    "unhashable key": "? [1, 2]\n: x",
    "not a mapping": "- a\n- b",
}


@pytest.mark.parametrize("yaml", HOSTILE_YAML.values(), ids=HOSTILE_YAML.keys())
def test_hostile_front_matter_is_refused_quickly_in_bounded_memory(yaml: str) -> None:
    tracemalloc.start()
    try:
        message = refusal(f"---\n{yaml}\n---\nRates on Hold\nThe bank held rates.\n")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "front matter" in message
    assert peak < 50_000_000


def test_harmless_tags_and_escapes_become_plain_clean_text() -> None:
    article = parse_text(
        '---\ntitle: !!binary aGVsbG8=\nauthor: "A\\0B\\x1b\\ud800C"\nkeywords: !!set {a}\n---\n'
        "Body text.\n"
    )
    assert article.title == "b'hello'"
    assert article.metadata.author == "ABC"
    assert any("front matter" in warning.message for warning in article.warnings)


# -- pathological but legal: every writer finishes and its file reads back ---------------------

PATHOLOGICAL = {
    "5,000 lines": "Title\n" + "".join(f"Paragraph {n} has a few words.\n" for n in range(5_000)),
    "1,000 headings": "Title\n"
    + "".join(f"Heading {n}\nBody of section {n}.\n" for n in range(1_000)),
    "1,000 key points": "".join(f"- Point {n}\n" for n in range(1_000)) + "Title\nBody.\n",
    "a 250 kB paragraph": "Title\n" + ("lorem ipsum dolor sit amet " * 3 + "\n") * 3_000,
    "a 100,000-character word": "Title\n" + "x" * 100_000 + "\n",
    "a 10,000-character heading": "Title\n## " + "x" * 10_000 + "\nBody text.\n",
    "a 10,000-character last heading": "## \u0301\n## " + "x" * 10_000,
    "only key points": "".join(f"- Point {n}\n" for n in range(300)),
    "only headings": "".join(f"## Heading {n}\n" for n in range(300)),
    "only front matter": "---\ntitle: Only Front Matter\nauthor: A. Writer\n---\n",
}
READERS = {
    "docx": read_docx,
    "pdf": read_pdf,
    "epub": read_epub,
    "json": read_json,
    "html": read_html,
    "markdown": read_markdown,
}


@pytest.mark.parametrize("name", READERS)
@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_briefs_render_in_every_format(text: str, name: str) -> None:
    article = parse_text(text, "extreme.txt")
    READERS[name](get_writer(name).render(article, load_theme("default")))
