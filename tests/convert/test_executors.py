"""convert_many on its own worker processes (briefs in batches) and on other executors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exporter.convert import convert_many
from exporter.convert.manifest import MANIFEST_NAME


def write_briefs(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for index in range(count):
        path = folder / f"brief-{index:03}.txt"
        path.write_text(f"Brief {index}\nBody of brief {index}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_batched_workers_report_every_brief_in_order(tmp_path: Path) -> None:
    paths = write_briefs(tmp_path / "briefs", 40)  # more briefs than workers: batches of several
    seen: list[str] = []
    report = convert_many(
        [tmp_path / "briefs"], tmp_path / "out", formats=["json"], jobs=2, on_result=seen.append
    )
    assert report.ok and report.files_written == 40
    assert [result.source for result in report.results] == [str(path) for path in paths]
    assert sorted(seen, key=str) == sorted(report.results, key=str)
    for index in (0, 39):
        model = json.loads((tmp_path / "out" / f"brief-{index:03}.json").read_text())
        assert model["title"] == f"Brief {index}"
    manifest = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text())
    assert len(manifest["outputs"]) == 40


def test_second_batched_run_skips_every_brief(tmp_path: Path) -> None:
    write_briefs(tmp_path / "briefs", 20)
    convert_many([tmp_path / "briefs"], tmp_path / "out", formats=["json"], jobs=2)
    again = convert_many([tmp_path / "briefs"], tmp_path / "out", formats=["json"], jobs=2)
    assert again.count("skipped") == 20 and again.files_written == 0


def test_a_dask_cluster_runs_the_briefs(tmp_path: Path) -> None:
    """The optional ``dask`` extra: ``pip install -e '.[dask]'`` (CI does not install it)."""
    distributed = pytest.importorskip("distributed")
    write_briefs(tmp_path / "briefs", 6)
    with (
        distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        report = convert_many(
            [tmp_path / "briefs"],
            tmp_path / "out",
            formats=["json", "docx"],
            executor=client.get_executor(),
        )
    assert report.ok and report.files_written == 12
    assert (tmp_path / "out" / "brief-005.docx").read_bytes()[:2] == b"PK"
