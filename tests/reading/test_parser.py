"""The brief parser, one rule or edge case per test (see README, "The brief format")."""

from __future__ import annotations

import pytest

from exporter.model import Inline, ListBlock, Paragraph
from exporter.reading import parse_file, parse_text

BODY = "The committee kept rates unchanged, citing sticky services inflation."


# -- key points ------------------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["-", "*", "•", "–", "1.", "1)"])
def test_key_points_accept_every_marker(marker: str) -> None:
    article = parse_text(f"{marker} First point\n{marker} Second point\nRates on Hold\n{BODY}\n")
    assert texts(article.key_points) == ("First point", "Second point")
    assert article.title == "Rates on Hold"


@pytest.mark.parametrize(
    "label",
    [
        "Key points:",
        "Key Points",
        "Key takeaways",
        "Highlights",
        "## Key Points",
        "**Key points:**",
    ],
)
def test_a_label_line_introduces_key_points_and_is_dropped(label: str) -> None:
    article = parse_text(f"Rates on Hold\n{label}\n- First point\n- Second point\n{BODY}\n")
    assert article.title == "Rates on Hold"
    assert texts(article.key_points) == ("First point", "Second point")
    assert article.headings == ()
    assert list(article.blocks()) == [Paragraph(BODY)]


def texts(pieces: tuple[Inline, ...]) -> tuple[str, ...]:
    return tuple(piece.text for piece in pieces)


def test_key_points_may_come_before_the_title_with_a_label() -> None:
    article = parse_text(f"Key takeaways\n- One\n- Two\nRates on Hold\n{BODY}\n")
    assert (article.title, texts(article.key_points)) == ("Rates on Hold", ("One", "Two"))


def test_key_points_right_after_the_title() -> None:
    article = parse_text(f"Rates on Hold\n- One\n- Two\n{BODY}\n")
    assert (article.title, texts(article.key_points)) == ("Rates on Hold", ("One", "Two"))


def test_a_list_later_in_the_body_is_not_key_points() -> None:
    article = parse_text(f"Rates on Hold\n{BODY}\n- One\n- Two\n")
    assert texts(article.key_points) == ()
    assert isinstance(list(article.blocks())[1], ListBlock)


def test_a_line_starting_with_a_year_is_not_a_list_item() -> None:
    article = parse_text(f"Rates on Hold\n{BODY}\n2025 was the first year of cuts.\n")
    assert [block.to_dict()["type"] for block in article.blocks()] == ["paragraph", "paragraph"]
    assert list(article.blocks())[1] == Paragraph("2025 was the first year of cuts.")


def test_a_subtitle_sits_between_title_and_labelled_key_points() -> None:
    article = parse_text(f"Rates on Hold\nA pause, not a pivot\nKey points:\n- One\n{BODY}\n")
    assert article.subtitle == "A pause, not a pivot"
    assert texts(article.key_points) == ("One",)


def test_indented_lines_continue_a_list_item() -> None:
    article = parse_text(
        f"- A point that wraps\n  onto a second line\n- Another\nRates Held\n{BODY}"
    )
    assert texts(article.key_points) == ("A point that wraps onto a second line", "Another")


def test_blank_lines_between_items_keep_one_list() -> None:
    article = parse_text(f"- One\n\n- Two\n\nRates on Hold\n{BODY}\n")
    assert texts(article.key_points) == ("One", "Two")


# -- title -------------------------------------------------------------------------------------


def test_markdown_title_and_sections() -> None:
    article = parse_text(f"# Rates on Hold\n\n{BODY}\n\n## Why Not Cut Now?\n\n{BODY}\n")
    assert article.title == "Rates on Hold"
    assert article.headings == ("Why Not Cut Now?",)


def test_setext_underlined_title_and_heading() -> None:
    article = parse_text(f"Rates on Hold\n=============\n{BODY}\nOutlook\n-------\n{BODY}\n")
    assert article.title == "Rates on Hold"
    assert article.headings == ("Outlook",)


def test_a_paragraph_is_never_swallowed_as_a_title() -> None:
    article = parse_text(f"{BODY}\nSecond paragraph here.\n", "briefs/rates-on-hold_2025.txt")
    assert article.title == "Rates on hold 2025"
    assert list(article.blocks()) == [Paragraph(BODY), Paragraph("Second paragraph here.")]
    assert any("file name" in warning.message for warning in article.warnings)


def test_a_brief_without_a_name_or_title_is_untitled() -> None:
    assert parse_text(f"{BODY}\n").title == "Untitled brief"


def test_a_single_line_brief_is_a_title() -> None:
    article = parse_text("Rates on Hold")
    assert (article.title, article.sections) == ("Rates on Hold", ())


# -- headings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "Why Not Cut Now?",
        "Background: The 2024 Tightening Cycle",
        "Strengthening Ties Through Diplomacy and Tourism",
        "What markets expect",
        "Сергей Лавров в Пхеньяне",
    ],
)
def test_short_lines_followed_by_body_text_are_headings(heading: str) -> None:
    article = parse_text(f"Rates on Hold\n{BODY}\n{heading}\n{BODY}\n")
    assert article.headings == (heading,)


@pytest.mark.parametrize(
    "line",
    [
        "Rates were left unchanged.",
        "Prices rose sharply!",
        "The measures include:",
        "See www.x.org",
    ],
)
def test_sentences_and_lead_ins_are_not_headings(line: str) -> None:
    article = parse_text(f"Rates on Hold\n{BODY}\n{line}\n{BODY}\n")
    assert article.headings == ()


def test_a_heading_like_line_at_the_end_is_a_paragraph() -> None:
    article = parse_text(f"Rates on Hold\n{BODY}\nReporting by Ann Lee\n")
    assert article.headings == ()
    assert list(article.blocks())[-1] == Paragraph("Reporting by Ann Lee")


def test_of_two_heading_like_lines_only_the_one_above_body_text_is_a_heading() -> None:
    article = parse_text(f"Rates on Hold\n{BODY}\nSeoul, March 12\nThe Vote\n{BODY}\n")
    assert article.headings == ("The Vote",)
    assert Paragraph("Seoul, March 12") in list(article.blocks())


def test_a_heading_may_introduce_a_list() -> None:
    article = parse_text(f"Rates on Hold\n{BODY}\nWhat Happened\n- One\n- Two\n")
    assert article.headings == ("What Happened",)
    assert article.sections[1].blocks == (ListBlock(("One", "Two")),)


def test_numbered_headings_above_paragraphs() -> None:
    article = parse_text(f"Rates on Hold\n{BODY}\n1. Background\n{BODY}\n2. Outlook\n{BODY}\n")
    assert article.headings == ("1. Background", "2. Outlook")


def test_a_numbered_list_in_the_body_stays_a_list() -> None:
    article = parse_text(f"Rates on Hold\n{BODY}\n1. Services inflation.\n2. Jobs.\n{BODY}\n")
    assert ListBlock(("Services inflation.", "Jobs."), ordered=True) in list(article.blocks())


def test_mixed_markers_make_separate_lists() -> None:
    article = parse_text(f"Rates on Hold\n{BODY}\n- a\n- b\n1. c\n2. d\n")
    lists = [block for block in article.blocks() if isinstance(block, ListBlock)]
    assert [(block.ordered, texts(block.items)) for block in lists] == [
        (False, ("a", "b")),
        (True, ("c", "d")),
    ]


def test_lead_section_has_no_heading_and_is_omitted_when_empty() -> None:
    with_lead = parse_text(f"Rates on Hold\n{BODY}\nOutlook\n{BODY}\n")
    assert [section.heading and section.heading.text for section in with_lead.sections] == [
        None,
        "Outlook",
    ]
    without_lead = parse_text(f"Rates on Hold\n## Outlook\n{BODY}\n")
    assert [section.heading and section.heading.text for section in without_lead.sections] == [
        "Outlook"
    ]


def test_rules_are_dropped() -> None:
    article = parse_text(f"Rates on Hold\n{BODY}\n\n* * *\n\n{BODY}\n")
    assert len(list(article.blocks())) == 2


# -- paragraphs -------------------------------------------------------------------------------

WRAPPED = """\
The strike that began last Monday has now halted most container traffic on
the east coast, with more than forty ships waiting at anchor outside the
largest terminals. Union leaders say the dispute is about automation as
much as pay."""


def test_hard_wrapped_lines_join_into_one_paragraph() -> None:
    article = parse_text(f"Port Strike Enters Second Week\n\n{WRAPPED}\n\n{WRAPPED}\n")
    texts = [block.to_dict()["text"] for block in article.blocks()]
    assert texts == [" ".join(WRAPPED.splitlines())] * 2


def test_a_heading_directly_above_a_wrapped_paragraph_stays_a_heading() -> None:
    article = parse_text(f"Port Strike\n\n{WRAPPED}\n\nWhat Happens Next\n{WRAPPED}\n")
    assert article.headings == ("What Happens Next",)
    assert len(list(article.blocks())) == 2


def test_a_word_hyphenated_across_a_wrap_is_rejoined() -> None:
    text = (
        "Employers describe the union's demands as unrealistic in a market where\n"
        "shipping rates have already fallen, and they call the offer a well-\n"
        "known tactic to divide the members of the union at every port.\n"
    )
    article = parse_text(f"Port Strike\n\n{text}")
    assert "a well-known tactic" in next(iter(article.blocks())).to_dict()["text"]  # type: ignore[operator]


def test_one_sentence_per_line_is_not_joined() -> None:
    text = "The vote passed on Monday evening.\nThe senate then adjourned for the week.\n"
    article = parse_text(f"Rates on Hold\n{text}")
    assert len(list(article.blocks())) == 2


def test_a_title_above_a_short_line_is_not_joined_to_it() -> None:
    article = parse_text("Port Strike Enters Second Week\nUnions dig in as talks fail\n")
    assert article.title == "Port Strike Enters Second Week"


# -- literal text -----------------------------------------------------------------------------


def test_markup_and_escapes_are_text() -> None:
    line = r"Tags <b>x</b> & {braces} \n back\slash &amp; ]]> <!-- c -->."
    article = parse_text(f"Rates on Hold\n{line}\n")
    assert list(article.blocks()) == [Paragraph(line)]


def test_runs_of_spaces_and_tabs_collapse_but_nbsp_stays() -> None:
    article = parse_text("Rates on Hold\nTwo  spaces,\ta tab and 5\u00a0%.\n")
    assert list(article.blocks()) == [Paragraph("Two spaces, a tab and 5\u00a0%.")]


def test_text_is_nfc_normalised() -> None:
    article = parse_text("Cafe\u0301 Society\nThe cafe\u0301 opened.\n")
    assert article.title == "Café Society"


def test_parse_file_reads_bytes_and_records_the_source(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "brief.txt"  # type: ignore[operator]
    path.write_bytes("Rates on Hold\r\nThe “bank” held.\r\n".encode("cp1252"))
    article = parse_file(path)
    assert article.metadata.path == str(path)
    assert list(article.blocks()) == [Paragraph("The “bank” held.")]
    assert article.warnings[0].message.startswith("not valid UTF-8")


def test_a_numbered_heading_keeps_its_continuation_line() -> None:
    # Found by the thorough hypothesis run: the continuation was dropped from the heading.
    article = parse_text(f"Rates on Hold\n{BODY}\n1. Background\n   And Context\n{BODY}\n")
    assert article.headings == ("1. Background And Context",)


def test_very_long_wrapped_paragraphs_join_in_linear_time() -> None:
    # 20,000 wrapped lines once took minutes (a regex over the growing paragraph per line).
    line = "This is a wrapped line of prose that goes on and on until it wraps and\n"
    article = parse_text("Port Strike\n\n" + line * 20_000)
    assert len(next(article.blocks()).to_dict()["text"]) == len(line) * 20_000 - 1  # type: ignore[arg-type]
