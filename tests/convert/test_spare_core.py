"""One brief in a fresh process: the PDF on a spare core, the same files and errors as without.

Each run is a fresh interpreter (the child is only started where the PDF writer has not been
imported yet, which in this test process it has)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from exporter.convert import spare_core
from exporter.model import Article
from exporter.theme import Theme, load_theme

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forks only on Linux")

REFERENCE = Path(__file__).resolve().parents[2] / "sources" / "000_9308d7e73d83f95c.txt"

# Runs convert_many on one brief in a fresh process, recording whether a child was started;
# `mode` makes the PDF writer fail (as the brief's fault) or the child die without answering.
SCRIPT = textwrap.dedent(
    """
    import json, os, sys
    from exporter.convert import convert_many, spare_core
    from exporter.errors import BriefError

    brief, out, mode, jobs = sys.argv[1:5]
    parent = os.getpid()
    started = []
    start = spare_core._Child.start

    def recording_start(*args):
        child = start(*args)
        started.append(child is not None)
        return child

    real = spare_core.render_format

    def render_format(article, writer, theme):
        if writer.name == "pdf" and mode == "fails":
            raise BriefError("cannot set this line", path=brief, line=3)
        if writer.name == "pdf" and mode == "dies" and os.getpid() != parent:
            os._exit(3)
        return real(article, writer, theme)

    spare_core._Child.start = recording_start
    spare_core.render_format = render_format
    report = convert_many([brief], out, jobs=int(jobs))
    results = [result.to_dict() for result in report.results]
    for result in results:
        result.pop("seconds")
        for output in result["outputs"]:
            output.pop("seconds")
    print(json.dumps({"started": started, "results": results}))
    """
)


def convert_fresh(tmp_path: Path, name: str, mode: str, jobs: int) -> dict[str, object]:
    brief = tmp_path / "brief.txt"
    if not brief.exists():
        brief.write_bytes(REFERENCE.read_bytes())
    out = tmp_path / name
    command = [sys.executable, "-c", SCRIPT, str(brief), str(out), mode, str(jobs)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    assert done.stderr == ""
    answer: dict[str, object] = json.loads(done.stdout)
    for result in answer["results"]:  # type: ignore[attr-defined]
        for output in result["outputs"]:
            output["path"] = Path(output["path"]).name
    return answer


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_the_pdf_made_on_a_spare_core_is_the_one_made_here(tmp_path: Path) -> None:
    spared = convert_fresh(tmp_path, "spared", "plain", jobs=2)
    alone = convert_fresh(tmp_path, "alone", "plain", jobs=1)
    assert spared["started"] == [True] and alone["started"] == []
    assert spared["results"] == alone["results"]
    made = files(tmp_path / "spared")
    assert {"brief.docx", "brief.pdf", "brief.epub"} <= set(made)
    assert made == files(tmp_path / "alone")


def test_a_pdf_that_fails_on_a_spare_core_fails_the_brief_as_it_would_here(
    tmp_path: Path,
) -> None:
    spared = convert_fresh(tmp_path, "spared", "fails", jobs=2)
    alone = convert_fresh(tmp_path, "alone", "fails", jobs=1)
    assert spared["started"] == [True]
    assert spared["results"] == alone["results"]
    [result] = spared["results"]  # type: ignore[misc]
    assert result["status"] == "failed"
    assert result["error"]["message"] == "cannot set this line"
    assert result["error"]["line"] == 3
    # Formats before the PDF were written, as without the child.
    assert files(tmp_path / "spared").keys() == files(tmp_path / "alone").keys()


def test_a_child_that_dies_without_answering_leaves_the_pdf_to_this_process(
    tmp_path: Path,
) -> None:
    spared = convert_fresh(tmp_path, "spared", "dies", jobs=2)
    alone = convert_fresh(tmp_path, "alone", "plain", jobs=1)
    assert spared["started"] == [True]
    assert spared["results"] == alone["results"]
    assert files(tmp_path / "spared") == files(tmp_path / "alone")


def test_no_child_where_the_pdf_writer_is_loaded_or_nothing_else_is_rendered() -> None:
    import exporter.writers.pdf  # noqa: F401  # a warm process: a PDF takes milliseconds

    def theme_for(article: Article) -> Theme:
        return load_theme("default")

    for formats in (("docx", "pdf"), ("pdf",), ("docx", "epub")):
        with spare_core.spare_core(formats, theme_for, source="brief.txt", wanted=True) as core:
            assert core._child is None


def test_a_child_whose_pdf_is_up_to_date_is_told_so(tmp_path: Path) -> None:
    """A second run: every output is up to date, the child is dismissed, nothing is written."""
    first = convert_fresh(tmp_path, "out", "plain", jobs=2)
    again = convert_fresh(tmp_path, "out", "plain", jobs=2)
    assert first["started"] == again["started"] == [True]
    [result] = again["results"]  # type: ignore[misc]
    assert result["status"] == "skipped"
