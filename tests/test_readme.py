"""The embedding guide's examples (docs/embedding.md), extracted and run, so they can never rot."""

from __future__ import annotations

import io
import re
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

import pytest

import exporter
from exporter.cli import main
from exporter.writers import registry
from tests.conftest import install_plugin

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def embedding_blocks() -> list[tuple[str, str]]:
    """``(language, code)`` of every fenced block in docs/embedding.md."""
    return FENCE.findall((ROOT / "docs" / "embedding.md").read_text(encoding="utf-8"))


@pytest.fixture
def examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Run every Python example in a scratch folder holding a copy of ``sources/``; return the
    namespace each one left behind. A block that starts with ``# NAME.py`` is a module: it is
    written to a folder on ``sys.path`` instead."""
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    namespaces = []
    for language, code in embedding_blocks():
        if language != "python":
            continue
        module = re.match(r"# (\w+\.py)\n", code)
        if module:
            (site / module.group(1)).write_text(code, encoding="utf-8")
            continue
        namespace: dict[str, Any] = {"__name__": "readme_example"}
        exec(compile(code, "docs/embedding.md", "exec"), namespace)
        namespaces.append(namespace)
    return namespaces


def call_wsgi(app: Callable[..., Any], body: bytes) -> tuple[str, dict[str, str], bytes]:
    """One POST through ``app``, checked by wsgiref's validator for WSGI conformance."""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "QUERY_STRING": "",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    setup_testing_defaults(environ)
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        answer.update(status=status, headers=dict(headers))

    chunks = validator(app)(environ, start_response)
    data = b"".join(chunks)
    chunks.close()
    return answer["status"], answer["headers"], data


def test_the_section_has_the_examples_it_promises() -> None:
    languages = [language for language, _ in embedding_blocks()]
    assert languages.count("python") == 4 and "toml" in languages


def test_basic_example_renders_and_writes(examples: list[dict[str, Any]]) -> None:
    basics = examples[0]
    assert basics["pdf"].startswith(b"%PDF") and basics["docx"].startswith(b"PK")
    assert basics["buffer"].getvalue().startswith(b"PK")
    assert Path("build/fed.html").read_bytes().startswith(b"<!DOCTYPE html>")
    assert Path("build/fed-holds-rates.md").is_file()


def test_web_service_returns_a_pdf(examples: list[dict[str, Any]]) -> None:
    app = examples[1]["app"]
    brief = Path("sources/fed-holds-rates.txt").read_bytes()
    status, headers, data = call_wsgi(app, brief)
    assert status == "200 OK" and headers["Content-Type"] == "application/pdf"
    assert data.startswith(b"%PDF") and headers["Content-Length"] == str(len(data))
    status, _, data = call_wsgi(app, b"   \n")
    assert status.startswith("422") and b"upload.txt: error:" in data


def test_newsroom_script_attaches_a_docx(examples: list[dict[str, Any]]) -> None:
    (attachment,) = examples[2]["message"].iter_attachments()
    assert attachment.get_filename() == "brief.docx"
    assert attachment.get_content_type().endswith("wordprocessingml.document")
    assert attachment.get_content().startswith(b"PK")


def test_plugin_example_registers_a_format(
    examples: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (toml,) = [code for language, code in embedding_blocks() if language == "toml"]
    entry_points = tomllib.loads(toml)["project"]["entry-points"]["exporter.writers"]
    install_plugin(tmp_path / "site", entry_points, name="exporter-plaintext")
    registry._plugins.cache_clear()
    try:
        assert main(["formats"]) == 0
        assert "plain" in capsys.readouterr().out
        assert main(["convert", "sources/fed-holds-rates.txt", "--to", "plain", "-q"]) == 0
        text = Path("build/fed-holds-rates.txt").read_text(encoding="utf-8")
        assert text.startswith("Fed Holds Rates Steady as Inflation Cools\n=====")
        assert "\n1. Services inflation remains sticky, especially housing.\n" in text
    finally:
        registry._plugins.cache_clear()


def test_the_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (code,) = [code for language, code in FENCE.findall(readme) if language == "python"]
    namespace: dict[str, Any] = {"__name__": "readme_example"}
    exec(compile(code, "README.md", "exec"), namespace)
    assert namespace["pdf"].startswith(b"%PDF")
    assert Path("build/fed.docx").read_bytes().startswith(b"PK")


def test_the_readme_brief_reads_as_it_says(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    brief = readme.split("\n## A brief\n", 1)[1]
    (text,) = [code for language, code in FENCE.findall(brief) if language == "text"][:1]
    article = exporter.parse_text(text, "brief.txt")
    assert article.title == "Fed Holds Rates Steady as Inflation Cools"
    assert len(article.key_points) == 2
    assert article.headings == ("Why Not Cut Now?",)
    assert [len(section.blocks) for section in article.sections] == [1, 1]


LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize(
    "page", [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
)
def test_every_relative_link_in_the_docs_leads_somewhere(page: Path) -> None:
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if "://" not in target:
            assert (page.parent / target).exists(), f"{page.name}: {target}"
