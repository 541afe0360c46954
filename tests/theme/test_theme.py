"""Themes: the shipped styles, loading and ``extends``, every documented error, and the CLI."""

from __future__ import annotations

import dataclasses
import math
import re
import shutil
import struct
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.cli import main
from exporter.errors import ThemeError
from exporter.fonts import bundled_families
from exporter.model import Article, Metadata, freeze
from exporter.reading import parse_file
from exporter.theme import (
    Color,
    Theme,
    apply_options,
    available_themes,
    format_length,
    load_theme,
    parse_color,
    parse_length,
    resolve_theme,
)
from exporter.theme._loader import SHIPPED_STYLES
from exporter.theme._schema import FONT_FACES, FONT_KEYS, PLACEHOLDERS, TABLES, TOP_LEVEL
from exporter.theme._units import LENGTH_UNITS
from exporter.writers import choose_theme, choose_theme_with_warnings
from tests.font_files import NOTO_SANS, NOTO_SANS_BOLD, cff_font

FIXTURES = Path(__file__).parents[1] / "fixtures" / "themes"
INVALID = FIXTURES / "invalid"
REPOSITORY = Path(__file__).resolve().parents[2]
SHIPPED = ("default", "minimal", "newsroom")


# --- the shipped themes ------------------------------------------------------------------------


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_theme_loads(name: str) -> None:
    theme = load_theme(name)
    assert theme.name == name
    assert theme.description
    assert Path(theme.source or "").parent == SHIPPED_STYLES
    for font in (theme.fonts.body, theme.fonts.heading, theme.fonts.title):
        # A bundled family comes before any system-only one (CJK, Arabic, Hebrew).
        bundled = [family in bundled_families() for family in font.chain]
        assert bundled[0] or bundled[1], font
        assert any(family in ("DejaVu Serif", "DejaVu Sans") for family in font.chain), font


def test_default_sets_every_key_so_no_dataclass_default_shows_through() -> None:
    raw = tomllib.loads((SHIPPED_STYLES / "default.toml").read_text(encoding="utf-8"))
    assert set(TOP_LEVEL) - set(raw) == {"extends"}
    optional = {"orientation", "cover", "logo"}  # images a theme may add; none by default
    for table, keys in TABLES.items():
        assert set(keys) - set(raw.get(table, {})) <= optional, table


def test_docs_describe_every_key() -> None:
    docs = (REPOSITORY / "docs" / "themes.md").read_text(encoding="utf-8")
    documented = [f"`{key}`" for key in TOP_LEVEL] + [
        f"`{table}.{key}`" for table, keys in TABLES.items() for key in keys
    ]
    documented += [f"`{key}`" for key in (*FONT_KEYS, *FONT_FACES)]
    documented += [f"`{{{name}}}`" for name in PLACEHOLDERS]
    assert [key for key in documented if key not in docs] == []


def test_docs_give_the_defaults_of_default_toml() -> None:
    raw = tomllib.loads((SHIPPED_STYLES / "default.toml").read_text(encoding="utf-8"))
    docs = (REPOSITORY / "docs" / "themes.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)\.(\w+)` \| [^|]+ \| `([^`]+)` \|", docs, re.MULTILINE)
    assert len(rows) > 30
    for table, key, default in rows:
        expected = raw[table][key]
        documented = tomllib.loads(f"value = {default}")["value"]
        if isinstance(expected, dict) and not isinstance(documented, dict):
            expected = next(iter(expected.values()))  # by language: the docs give the first
        assert documented == expected, (table, key)


def test_the_shipped_themes_look_different() -> None:
    default, minimal, newsroom = (load_theme(name) for name in SHIPPED)
    assert default.fonts.body.family != newsroom.fonts.body.family
    assert len({default.colors.accent, minimal.colors.accent, newsroom.colors.accent}) == 3
    assert len({default.key_points.label, newsroom.key_points.label}) == 2


def test_minimal_is_black_on_white_and_economical() -> None:
    minimal, default = load_theme("minimal"), load_theme("default")
    assert minimal.key_points.background == Color("FFFFFF")
    assert {minimal.colors.text, minimal.colors.title, minimal.colors.heading} == {Color("000000")}
    assert minimal.colors.link == Color("000000")
    assert minimal.page.margin_left < default.page.margin_left
    assert minimal.sizes.body <= default.sizes.body


def test_root_styles_folder_is_the_packaged_one() -> None:
    assert (REPOSITORY / "styles").resolve() == SHIPPED_STYLES
    assert sorted(path.stem for path in (REPOSITORY / "styles").glob("*.toml")) == list(SHIPPED)


def test_available_themes_lists_default_first_with_descriptions() -> None:
    themes = available_themes()
    assert [info.name for info in themes] == ["default", "minimal", "newsroom"]
    assert all(info.description and info.path.is_file() for info in themes)


# --- loading, lookup and extends ----------------------------------------------------------------


def test_a_theme_is_loaded_once_and_shared() -> None:
    assert load_theme("newsroom") is load_theme("newsroom")
    assert load_theme() is load_theme("default")
    assert load_theme(SHIPPED_STYLES / "newsroom.toml") is load_theme("newsroom")


def test_units_are_converted_to_points() -> None:
    theme = load_theme("default")
    assert theme.page.width == pytest.approx(595.276)
    assert theme.page.margin_top == pytest.approx(25 / 25.4 * 72)
    assert theme.sizes.body == 10.5


def test_extends_overrides_one_nested_key_and_keeps_the_rest() -> None:
    child, default = load_theme(FIXTURES / "accent_only.toml"), load_theme("default")
    assert child.colors.accent == Color("2E7D32")
    assert child.colors == dataclasses.replace(default.colors, accent=Color("2E7D32"))
    assert child.key_points == default.key_points
    assert child.fonts == default.fonts
    assert child.page == default.page
    assert child.description == "Default with a green accent"


def test_extends_chains_through_relative_paths() -> None:
    theme = load_theme(str(FIXTURES / "grandchild.toml"))
    assert theme.key_points.background == Color("FFFFFF")
    assert theme.colors.accent == Color("2E7D32")
    assert (theme.page.width, theme.page.height) == pytest.approx((841.89, 595.276))
    assert theme.description == "Default with a green accent"


def test_a_theme_without_extends_builds_on_default() -> None:
    theme = load_theme(FIXTURES / "no_extends.toml")
    assert theme.key_points.label == "In short"
    assert theme.fonts == load_theme("default").fonts


def test_the_key_points_label_speaks_the_briefs_language(tmp_path: Path) -> None:
    box = load_theme("default").key_points
    assert (box.label_for(None), box.label_for("en-GB"), box.label_for("sw")) == ("Key points",) * 3
    assert (box.label_for("ru"), box.label_for("pt-BR"), box.label_for("zh-TW")) == (
        "Главное",
        "Pontos-chave",
        "要點",
    )
    assert load_theme("newsroom").key_points.label_for("ko") == "한눈에 보기"
    # A theme that sets the label says it for every language: no stale translation shows.
    (tmp_path / "brief.toml").write_text('[key_points]\nlabel = "In brief"\n', encoding="utf-8")
    assert load_theme(tmp_path / "brief.toml").key_points.label_for("ru") == "In brief"
    assert (
        apply_options(load_theme(), {"key_points.label": "Summary"}).key_points.label_for("ar")
        == "Summary"
    )
    (tmp_path / "own.toml").write_text(
        '[key_points.label]\nfr = "À retenir"\nde = "Merke"\n', encoding="utf-8"
    )
    own = load_theme(tmp_path / "own.toml").key_points
    assert (own.label_for("de"), own.label_for("ru")) == ("Merke", "À retenir")


def test_bare_names_are_shipped_themes_and_paths_are_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "newsroom.toml").write_text('[colors]\naccent = "#000"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_theme("newsroom").source == str(SHIPPED_STYLES / "newsroom.toml")
    own = load_theme("newsroom.toml")
    assert own.source == str(tmp_path / "newsroom.toml")
    assert own.colors.accent == Color("000000")
    assert load_theme("./newsroom.toml") is own


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    (tmp_path / "bom.toml").write_bytes('\ufeff[colors]\naccent = "#000"\n'.encode())
    assert load_theme(tmp_path / "bom.toml").colors.accent == Color("000000")


def test_unknown_theme_name_suggests_the_closest() -> None:
    with pytest.raises(ThemeError, match=r'no theme named "newsrom" — did you mean "newsroom"\?'):
        load_theme("newsrom")


def test_missing_theme_file_is_reported_with_its_path(tmp_path: Path) -> None:
    with pytest.raises(ThemeError, match="theme file not found") as caught:
        load_theme(tmp_path / "absent.toml")
    assert caught.value.path == str(tmp_path / "absent.toml")


def font_stub(signature: bytes) -> bytes:
    """A file that starts like a font, with a table directory naming ``head`` and ``cmap``,
    but holds no tables."""
    tables = b"".join(struct.pack(">4sIII", tag, 0, 44, 4) for tag in (b"cmap", b"head"))
    return signature + struct.pack(">HHHH", 2, 32, 1, 0) + tables + bytes(4)


def test_font_files_are_resolved_next_to_the_theme_file(tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    shutil.copy(NOTO_SANS, tmp_path / "fonts" / "Brand-Regular.ttf")
    cff_font(tmp_path / "fonts" / "Brand-Bold.otf", source=NOTO_SANS_BOLD)
    (tmp_path / "brand.toml").write_text(
        '[fonts.body]\nfamily = "Brand"\nfallbacks = ["DejaVu Serif"]\n'
        'files = { bold = "fonts/Brand-Bold.otf", regular = "fonts/Brand-Regular.ttf" }\n',
        encoding="utf-8",
    )
    font = load_theme(tmp_path / "brand.toml").fonts.body
    assert font.chain == ("Brand", "DejaVu Serif")
    assert font.files == (
        ("regular", str(tmp_path / "fonts" / "Brand-Regular.ttf")),
        ("bold", str(tmp_path / "fonts" / "Brand-Bold.otf")),
    )


@pytest.mark.parametrize(
    "content",
    [
        font_stub(b"\x00\x01\x00\x00"),
        font_stub(b"OTTO"),
        b"ttcf" + bytes(60),
        b"\x00\x01\x00\x00" + bytes(60),
    ],
    ids=["truetype stub", "opentype stub", "collection stub", "zeros"],
)
def test_a_file_that_only_starts_like_a_font_is_refused(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "stub.ttf").write_bytes(content)
    (tmp_path / "t.toml").write_text(
        '[fonts]\nbody = { family = "X", files = { regular = "stub.ttf" } }\n', encoding="utf-8"
    )
    with pytest.raises(ThemeError, match="not a TrueType or OpenType font file"):
        load_theme(tmp_path / "t.toml")


def test_a_font_file_that_is_not_a_font_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.ttf").write_text("not a font", encoding="utf-8")
    (tmp_path / "t.toml").write_text(
        '[fonts]\nbody = { family = "X", files = { regular = "notes.ttf" } }\n', encoding="utf-8"
    )
    with pytest.raises(ThemeError, match="not a TrueType or OpenType font file") as caught:
        load_theme(tmp_path / "t.toml")
    assert caught.value.line == 2


def test_templates_and_wording_by_language_are_replaced_whole(tmp_path: Path) -> None:
    newsroom = load_theme("newsroom")
    assert newsroom.footer.for_language("de").right == "Seite {page} von {pages}"
    # A theme that sets a template says it for every language: no stale translation shows.
    (tmp_path / "mine.toml").write_text(
        'extends = "newsroom"\n[footer]\nright = "p. {page}"\n[wording]\ncontents = "TOC"\n',
        encoding="utf-8",
    )
    mine = load_theme(tmp_path / "mine.toml")
    assert mine.footer.for_language("de").right == "p. {page}"
    assert mine.footer.for_language("de").left == "{author}"  # inherited, untouched
    assert mine.wording.contents_translations == ()
    assert mine.wording.byline_translations == newsroom.wording.byline_translations
    changed = apply_options(newsroom, {"footer.right": "{page}"})
    assert changed.footer.for_language("ar").right == "{page}"


# --- every documented error ---------------------------------------------------------------------

INVALID_CASES = [
    ("unknown_key.toml", 5, 'unknown key "colors.acent" — did you mean "colors.accent"?'),
    ("unknown_top_key.toml", 3, 'unknown key "colours" — did you mean "colors"?'),
    ("bad_color.toml", 2, 'colour "#12345" has 5 hex digits; expected 3 or 6'),
    ("color_name.toml", 2, 'expected a colour written "#RRGGBB" or "#RGB" in hex, got "lightblue"'),
    ("bad_length.toml", 2, 'unknown unit "inches" in "2 inches" (use pt, px, pc, in, cm, mm)'),
    (
        "negative_size.toml",
        3,
        '"sizes.heading": expected a font size from 1pt to 1638pt, got "-2pt"',
    ),
    ("unknown_page_size.toml", 2, 'unknown page size "A7"; expected one of A3, A4, A5, B5, Letter'),
    ("cycle_b.toml", 2, "extends cycle: cycle_a.toml → cycle_b.toml → cycle_a.toml"),
    ("extends_missing.toml", 2, 'extends: no theme named "newsrom" — did you mean "newsroom"?'),
    ("missing_font_file.toml", 4, '"fonts.body.files.regular": font file not found: '),
    ("syntax_error.toml", 4, "invalid TOML: Illegal character '\\n' (column 16)"),
    ("wrong_type.toml", 2, '"justify": expected true or false, got "yes" (a string)'),
    ("bad_placeholder.toml", 2, 'unknown placeholder "{totalpages}"'),
    ("formatted_placeholder.toml", 2, 'placeholders take no format or conversion in "{page:>3}"'),
    (
        "no_room.toml",
        3,
        '"page.margin_left" + "page.margin_right" = 397pt leave 23pt of the 420pt page width',
    ),
    ("line_spacing_length.toml", 2, "a bare number, not a length"),
    (
        "bad_label_language.toml",
        3,
        '"key_points.label.french": expected a language tag such as "fr" or "pt-BR"',
    ),
    (
        "bad_template_translation.toml",
        3,
        '"footer.right.fr": unknown placeholder "{totalpages}" in "Page {totalpages}"',
    ),
    (
        "bad_byline_placeholder.toml",
        2,
        '"wording.byline": unknown placeholder "{author}" in "By {author}" — did you mean '
        '"{authors}"?',
    ),
    ("bad_numbers.toml", 3, '"wording.numbers": expected one of "latin", "native", got "arabic"'),
]


@pytest.mark.parametrize(("name", "line", "message"), INVALID_CASES)
def test_invalid_theme_names_file_line_and_problem(name: str, line: int, message: str) -> None:
    """Cycles start from cycle_a and are reported where they close, in cycle_b."""
    start = "cycle_a.toml" if name == "cycle_b.toml" else name
    with pytest.raises(ThemeError) as caught:
        load_theme(INVALID / start)
    error = caught.value
    assert message in error.message
    assert (error.path, error.line) == (str(INVALID / name), line)
    assert str(error).startswith(f"{INVALID / name}:{line}: error: ")


def test_every_invalid_fixture_has_a_case() -> None:
    covered = {name for name, _, _ in INVALID_CASES} | {"cycle_a.toml"}
    assert {path.name for path in INVALID.glob("*.toml")} == covered


def test_theme_error_is_a_value_error_with_exit_code_3() -> None:
    with pytest.raises(ValueError) as caught:
        load_theme(INVALID / "bad_color.toml")
    assert isinstance(caught.value, ThemeError)
    assert caught.value.exit_code == 3


# --- the brief's style and the command line -----------------------------------------------------


def article(style: object = None) -> Article:
    extra = {} if style is None else {"style": style}
    return Article(title="T", metadata=Metadata(extra=freeze(extra), lines={"style": 4}))


def test_the_callers_theme_wins_over_the_briefs() -> None:
    assert choose_theme(article("newsroom"), "minimal").name == "minimal"
    assert choose_theme(article("newsroom")).name == "newsroom"
    assert choose_theme(article()).name == "default"
    assert resolve_theme("minimal", "newsroom").name == "minimal"
    assert resolve_theme(None, "newsroom").name == "newsroom"


@pytest.mark.parametrize("brief", sorted((REPOSITORY / "sources").iterdir()), ids=lambda p: p.name)
def test_every_source_brief_gets_its_theme(brief: Path) -> None:
    parsed = parse_file(brief)
    expected = parsed.metadata.extra.get("style", "default")
    assert choose_theme(parsed).name == expected
    assert choose_theme(parsed, "minimal").name == "minimal"


def test_the_brief_that_names_a_style_gets_it() -> None:
    assert choose_theme(parse_file(REPOSITORY / "sources" / "fed-holds-rates.txt")).name == (
        "newsroom"
    )


def test_a_bad_style_from_the_brief_names_the_briefs_line() -> None:
    with pytest.raises(ThemeError, match="style in the brief's front matter: no theme named"):
        choose_theme(article("fancy"))
    with pytest.raises(ThemeError, match="front matter: theme file not found: ") as caught:
        choose_theme(article("missing/brand.toml"), theme_dirs=[REPOSITORY])
    assert caught.value.line == 4


def test_a_style_a_brief_may_not_name_is_a_warning_on_its_line() -> None:
    for style in (3, "missing/brand.toml", "/etc/passwd", "../styles/minimal.toml"):
        theme, warnings = choose_theme_with_warnings(article(style))
        assert theme.name == "default"
        assert [warning.line for warning in warnings] == [4]


def test_cli_styles_lists_every_theme_with_its_description(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["styles"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(SHIPPED)
    for line, info in zip(lines, available_themes(), strict=True):
        assert line.endswith(info.description)


# --- units --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("72", 72.0),
        (72, 72.0),
        ("1in", 72.0),
        ("2.54cm", 72.0),
        ("25.4mm", 72.0),
        ("12px", 9.0),
        ("1pc", 12.0),
        (" 11 pt ", 11.0),
        ("0.5IN", 36.0),
        (".5in", 36.0),
    ],
)
def test_lengths_with_units(text: str | int, points: float) -> None:
    assert parse_length(text) == pytest.approx(points)


def test_short_colours_expand() -> None:
    assert parse_color("#1aF") == Color("11AAFF")


_UNITS = st.sampled_from(["pt", "px", "pc", "in", "cm", "mm"])
_POINTS = st.floats(min_value=0, max_value=1e5, allow_nan=False, allow_infinity=False)


@settings(max_examples=60)
@given(points=_POINTS, unit=_UNITS)
def test_any_valid_length_string_round_trips(points: float, unit: str) -> None:
    assert math.isclose(parse_length(format_length(points, unit)), points, abs_tol=1e-9)


@settings(max_examples=60)
@given(
    number=st.decimals(min_value=0, max_value=10_000, places=3),
    space=st.sampled_from(["", " "]),
    unit=_UNITS.flatmap(lambda unit: st.sampled_from([unit, unit.upper()])),
)
def test_any_length_string_as_a_person_writes_it_parses(
    number: Decimal, space: str, unit: str
) -> None:
    text = f"{number}{space}{unit}"
    expected = float(number) * LENGTH_UNITS[unit.lower()]
    assert math.isclose(parse_length(text), expected, rel_tol=1e-12, abs_tol=1e-12)
    assert math.isclose(parse_length(format_length(parse_length(text), unit.lower())), expected)


@settings(max_examples=60)
@given(digits=st.from_regex(r"[0-9a-fA-F]{6}|[0-9a-fA-F]{3}", fullmatch=True))
def test_any_valid_colour_string_round_trips(digits: str) -> None:
    color = parse_color(f"#{digits}")
    assert parse_color(color.css) == color
    assert Color(color.hex) == color and len(color.hex) == 6
    if len(digits) == 6:
        assert color.hex == digits.upper()


def test_the_dataclass_defaults_still_build() -> None:
    assert Theme().page.width == pytest.approx(595.276)
