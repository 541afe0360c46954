"""A brief is untrusted input: it chooses no files, and reading it is bounded and typed.

Each test here is a row of issue 19's table, reproduced as an attacker or a careless user
would: a posted brief naming files on the server, FIFOs and ``/dev/zero`` among the briefs,
YAML numbers whose conversion is quadratic or unprintable, front matter of megabytes, theme
``extends`` chains of a thousand files. The property tests at the end check the two promises
for any brief at all: only :class:`ExporterError` comes out of ``parse_bytes`` and ``render``,
and no file the caller did not allow is opened.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter import (
    BriefError,
    ExporterError,
    ThemeError,
    convert_many,
    load_theme,
    parse,
    parse_bytes,
    render,
    render_with_warnings,
)
from exporter.cli import main
from exporter.reading.frontmatter import MAX_FRONT_MATTER_CHARS
from exporter.theme._loader import MAX_EXTENDS_DEPTH
from tests.strategies import STYLE_TRAPS, front_matter_with, hostile_line

BODY = "Rates on Hold\n\nThe central bank kept its main rate unchanged on Tuesday.\n"
A5_THEME = '[page]\nsize = "A5"\n'
A4_HEIGHT_TWIPS = 16838  # the default theme's page, as python-docx reads it back


def brief(style: str) -> bytes:
    return f"---\nstyle: {style!r}\n---\n{BODY}".encode()


def page_height(article_docx: bytes) -> int:
    height = docx.Document(io.BytesIO(article_docx)).sections[0].page_height
    assert height is not None
    return round(height / 635)  # EMU to twips


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder on the 'server' holding a valid theme and a fake font a brief must not reach."""
    root = tmp_path_factory.mktemp("server")
    (root / "secret.toml").write_text(A5_THEME, encoding="utf-8")
    (root / "fake.ttf").write_bytes(b"ttcfSECRET")
    return root


@contextlib.contextmanager
def recording_opens(paths: list[str]) -> Iterator[None]:
    """Record in ``paths`` every path opened through ``open``, ``io.open`` or ``os.open``."""
    saved = [(owner, name, getattr(owner, name)) for owner, name in _OPENERS]

    def recording(original: Callable[..., object]) -> Callable[..., object]:
        def record(path: object, *args: object, **kwargs: object) -> object:
            if isinstance(path, str | bytes | os.PathLike) and kwargs.get("dir_fd") is None:
                paths.append(os.path.abspath(os.fsdecode(path)))  # noqa: PTH100 (keeps links)
            return original(path, *args, **kwargs)

        return record

    for owner, name, original in saved:
        setattr(owner, name, recording(original))
    try:
        yield
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


_OPENERS = ((builtins, "open"), (io, "open"), (os, "open"))


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """Every path opened while the test runs."""
    paths: list[str] = []
    with recording_opens(paths):
        yield paths


def reaches(paths: list[str], forbidden: Path | str) -> list[str]:
    return [path for path in paths if path == str(forbidden) or path.startswith(f"{forbidden}/")]


# -- a posted brief opens any file on the server -------------------------------------------------


@pytest.mark.parametrize(
    "style",
    [
        "/etc/shadow",
        "/etc/passwd",
        "SERVER/secret.toml",
        "../secret.toml",
        "~nouser/x",
        "~/x.toml",
        "x" * 5_000 + "/y.toml",
        "/dev/zero",
    ],
)
def test_a_posted_brief_cannot_make_the_library_read_a_file(
    style: str, server: Path, opened: list[str]
) -> None:
    style = style.replace("SERVER", str(server))
    article = parse_bytes(brief(style), "upload.txt")
    result = render_with_warnings(article, "docx")
    assert page_height(result.data) == A4_HEIGHT_TWIPS, "the default theme, not the brief's"
    refused = [warning for warning in result.warnings if "a brief cannot choose" in warning.message]
    assert [warning.line for warning in refused] == [2], "a warning on the style: line"
    for forbidden in (server, "/etc/shadow", "/etc/passwd", "/dev/zero"):
        assert not reaches(opened, forbidden)


def test_the_refusal_says_the_same_whether_or_not_the_file_exists(server: Path) -> None:
    def message(style: str) -> str:
        (warning,) = [
            warning
            for warning in render_with_warnings(parse_bytes(brief(style)), "json").warnings
            if warning.line == 2
        ]
        return warning.message.replace(style, "STYLE")

    assert message(str(server / "secret.toml")) == message(str(server / "missing.toml"))


def test_a_long_style_name_is_a_theme_error_not_an_os_error() -> None:
    with pytest.raises(ThemeError, match="no theme named"):
        render(parse_bytes(brief("x" * 5_000)), "json")


def test_the_caller_may_allow_a_theme_folder(server: Path) -> None:
    article = parse_bytes(brief("secret.toml"))
    assert page_height(render(article, "docx")) == A4_HEIGHT_TWIPS
    allowed = render(article, "docx", theme_dirs=[server])
    assert page_height(allowed) == 11906, "A5, from the folder the caller allowed"


def test_a_brief_read_from_a_file_may_use_a_theme_in_its_own_folder(
    tmp_path: Path, server: Path, opened: list[str]
) -> None:
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "a5.toml").write_text(A5_THEME, encoding="utf-8")
    (tmp_path / "themes" / "link.toml").symlink_to(server / "secret.toml")
    (tmp_path / "own.txt").write_bytes(brief("themes/a5.toml"))
    assert page_height(render(parse(tmp_path / "own.txt"), "docx")) == 11906
    for style in ("themes/link.toml", "../server/secret.toml", str(server / "secret.toml")):
        (tmp_path / "escape.txt").write_bytes(brief(style))
        theme_warnings = [
            warning
            for warning in render_with_warnings(parse(tmp_path / "escape.txt"), "docx").warnings
            if warning.line == 2
        ]
        assert len(theme_warnings) == 1, style
    assert not reaches(opened, server)


def test_a_theme_in_the_briefs_folder_cannot_reach_out_either(
    tmp_path: Path, server: Path, opened: list[str]
) -> None:
    for name, text in {
        "extends.toml": f'extends = "{server / "secret.toml"}"\n',
        "font.toml": f'[fonts.body]\nfamily = "X"\nfiles.regular = "{server}/fake.ttf"\n',
        "up.toml": '[fonts.body]\nfamily = "X"\nfiles = { regular = "../server/fake.ttf" }\n',
        "cover.toml": f'[epub]\ncover = "{server}/secret.toml"\n',
        "logo.toml": '[brand]\nlogo = "../server/secret.toml"\n',
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        (tmp_path / "brief.txt").write_bytes(brief(name))
        with pytest.raises(ThemeError, match="file outside the folders this theme may use"):
            render(parse(tmp_path / "brief.txt"), "json")
    assert not reaches(opened, server)


@pytest.mark.parametrize(
    "name", ["~nouser/x.toml", "x" * 5_000 + ".toml", "nul\0.toml", "a/" * 3_000 + "t.toml"]
)
def test_every_error_loading_a_theme_is_a_theme_error(name: str, tmp_path: Path) -> None:
    with pytest.raises(ThemeError):
        load_theme(name)
    (tmp_path / "t.toml").write_text(f"extends = {name!r}\n".replace("\0", "\\u0000"), "utf-8")
    with pytest.raises(ThemeError, match="extends"):
        load_theme(tmp_path / "t.toml")


def test_the_style_option_of_the_command_names_a_bad_theme_with_exit_3(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    out = tmp_path / "out"
    assert (
        main(["convert", str(tmp_path / "b.txt"), "--out", str(out), "--style", "~nouser/x"]) == 3
    )
    assert not out.exists() or not any(out.iterdir())


# -- a 1,000-theme extends chain -----------------------------------------------------------------


def chain(folder: Path, length: int) -> Path:
    for number in range(length):
        parent = f'extends = "t{number + 1}.toml"\n' if number + 1 < length else ""
        (folder / f"t{number}.toml").write_text(
            f'{parent}description = "theme {number}"\n', encoding="utf-8"
        )
    return folder / "t0.toml"


def test_an_extends_chain_of_a_thousand_themes_is_a_theme_error(tmp_path: Path) -> None:
    with pytest.raises(ThemeError, match=f"longer than {MAX_EXTENDS_DEPTH} themes") as caught:
        load_theme(chain(tmp_path, 1_000))
    assert caught.value.line == 1, "on the extends line"


def test_an_extends_chain_up_to_the_limit_loads(tmp_path: Path) -> None:
    # The limit counts the theme itself; default is added at the root.
    theme = load_theme(chain(tmp_path, MAX_EXTENDS_DEPTH - 1))
    assert theme.description == "theme 0"


def test_an_extends_cycle_is_a_theme_error(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('extends = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extends = "a.toml"\n', encoding="utf-8")
    with pytest.raises(ThemeError, match=r"extends cycle: a.toml → b.toml → a.toml"):
        load_theme(tmp_path / "a.toml")


# -- FIFOs and devices among the briefs ----------------------------------------------------------


@pytest.mark.timeout(60)
def test_a_fifo_among_the_briefs_fails_alone_without_blocking(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(BODY, encoding="utf-8")
    os.mkfifo(src / "pipe.txt")
    (src / "zero.txt").symlink_to("/dev/zero")
    report = convert_many([src], tmp_path / "out", formats=["json"], jobs=1)
    errors = {Path(r.source).name: str(r.error) for r in report.results if r.error}
    assert errors == {
        "pipe.txt": f"{src / 'pipe.txt'}: error: is a named pipe (FIFO), not a brief",
        "zero.txt": f"{src / 'zero.txt'}: error: is a device, not a brief",
    }
    assert (tmp_path / "out" / "good.json").is_file()


@pytest.mark.timeout(60)
def test_a_fifo_named_like_the_manifest_is_ignored_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / ".exporter-manifest.json")
    report = convert_many([tmp_path / "b.txt"], out, formats=["json"], jobs=1)
    assert report.results[0].status == "converted"
    assert report.warnings == (
        f"{out / '.exporter-manifest.json'}: warning: manifest ignored: "
        "is a named pipe (FIFO), not a regular file",
    )


@pytest.mark.timeout(60)
def test_a_theme_or_font_that_is_a_fifo_or_a_device_is_a_theme_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    with pytest.raises(ThemeError, match="named pipe"):
        load_theme(tmp_path / "pipe.toml")
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    with pytest.raises(ThemeError, match="is a device"):
        load_theme(tmp_path / "zero.toml")
    (tmp_path / "zero.ttf").symlink_to("/dev/zero")
    (tmp_path / "font.toml").write_text(
        '[fonts.body]\nfamily = "X"\nfiles = { regular = "zero.ttf" }\n', encoding="utf-8"
    )
    with pytest.raises(ThemeError, match="not a TrueType or OpenType font"):
        load_theme(tmp_path / "font.toml")


def test_a_font_that_only_starts_like_one_is_refused(tmp_path: Path) -> None:
    (tmp_path / "fake.ttf").write_bytes(b"ttcfSECRET")
    (tmp_path / "t.toml").write_text(
        '[fonts.body]\nfamily = "X"\nfiles = { regular = "fake.ttf" }\n', encoding="utf-8"
    )
    with pytest.raises(ThemeError, match="not a TrueType or OpenType font") as caught:
        load_theme(tmp_path / "t.toml")
    assert caught.value.line == 3


# -- YAML numbers and large front matter ---------------------------------------------------------


def test_sexagesimal_numbers_stay_text() -> None:
    value = ":".join(["59"] * 60_000)  # under the front-matter limit, and quadratic in YAML 1.1
    article = parse_bytes(f"---\nfoo: {value}\nbar: 1:30\n---\n{BODY}".encode())
    assert article.metadata.extra["foo"] == value
    assert article.metadata.extra["bar"] == "1:30"


def test_the_table_s_sexagesimal_brief_is_refused_by_the_front_matter_limit() -> None:
    value = ":".join(["59"] * 128_000)
    with pytest.raises(BriefError, match="front matter is limited to") as caught:
        parse_bytes(f"---\nfoo: {value}\n---\n{BODY}".encode(), "b.txt")
    assert caught.value.line == 1


def test_huge_integers_stay_text_and_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "0x" + "f" * 6_000
    article = parse_bytes(f"---\ntitle: {title}\ncount: {'9' * 5_000}\n---\n{BODY}".encode())
    assert article.title == title
    assert article.metadata.extra["count"] == "9" * 5_000
    render(article, "markdown")
    (tmp_path / "hex.txt").write_text(f"---\ntitle: {title}\n---\n{BODY}", encoding="utf-8")
    assert main(["inspect", str(tmp_path / "hex.txt")]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_small_numbers_are_still_numbers() -> None:
    article = parse_bytes(f"---\ncount: 12\nshare: 1.5\nbig: 1_000\n---\n{BODY}".encode())
    assert dict(article.metadata.extra) == {"count": 12, "share": 1.5, "big": 1000}


def test_an_explicit_timestamp_tag_that_names_no_date_stays_text() -> None:
    # Found by the property below: PyYAML raised AttributeError out of parse_bytes.
    article = parse_bytes(f"---\ntitle: !!timestamp yesterday\n---\n{BODY}".encode())
    assert article.title == "yesterday"


def test_four_megabytes_of_front_matter_are_refused_at_once() -> None:
    front = "".join(f"key{n}: value number {n}\n" for n in range(200_000))
    assert len(front) > 4_000_000 > MAX_FRONT_MATTER_CHARS
    with pytest.raises(BriefError, match="front matter is limited to 262,144") as caught:
        parse_bytes(f"---\n{front}---\n{BODY}".encode(), "big.txt")
    assert str(caught.value).startswith("big.txt:1: error: the front matter is 5,977,779 ")


# -- any brief at all ----------------------------------------------------------------------------

_properties = settings(suppress_health_check=list(HealthCheck), deadline=None, max_examples=60)


@_properties
@given(
    front=front_matter_with(["SERVER/secret.toml", "SERVER/fake.ttf", "../server/secret.toml"]),
    body=st.lists(hostile_line, max_size=4).map("\n".join),
    to=st.sampled_from(["json", "markdown", "html", "docx"]),
)
def test_no_brief_raises_anything_but_exporter_errors_or_opens_a_file_it_names(
    front: str, body: str, to: str, server: Path
) -> None:
    data = front.replace("SERVER", str(server)).encode() + f"{body}\n{BODY}".encode()
    recorded: list[str] = []
    with recording_opens(recorded):
        try:
            render(parse_bytes(data, "upload.txt"), to)
        except ExporterError as error:
            assert "\n" not in str(error)
    assert not reaches(recorded, server)
    assert not [path for path in recorded if path in ("/etc/passwd", "/etc/shadow", "/dev/zero")]


def test_every_style_trap_is_either_a_shipped_theme_a_warning_or_a_theme_error() -> None:
    for style in STYLE_TRAPS:
        try:
            result = render_with_warnings(parse_bytes(brief(style)), "json")
        except ThemeError as error:
            assert "no theme named" in error.message, style
        else:
            refused = [w for w in result.warnings if w.line == 2]
            assert refused or style in ("newsroom", "minimal"), style
