"""convert_many on its own worker processes (briefs in batches) and on other executors."""

from __future__ import annotations

import json
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest

from exporter.convert import convert_many
from exporter.convert.manifest import MANIFEST_NAME
from tests.tools import required


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
    """The optional ``dask`` extra (in the dev extra, so CI runs this): a cluster of two worker
    processes, as on separate machines, converts the briefs and each file arrives."""
    try:
        import distributed
    except ImportError:
        # The dev extra installs it: CI (EXPORTER_REQUIRE_TOOLS=1) must not quietly skip this.
        if required():
            pytest.fail("distributed is not installed: pip install -e '.[dask]'")
        pytest.skip("distributed is not installed: pip install -e '.[dask]'")
    paths = write_briefs(tmp_path / "briefs", 12)
    seen: list[str] = []
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        report = convert_many(
            [tmp_path / "briefs"],
            tmp_path / "out",
            formats=["json", "docx"],
            executor=client.get_executor(),
            on_result=lambda result: seen.append(result.source),
        )
        workers = client.run(os.getpid)
    assert len(set(workers.values()) - {os.getpid()}) == 2  # two processes, neither this one
    assert report.ok and report.files_written == 24
    assert [result.source for result in report.results] == [str(path) for path in paths]
    assert sorted(seen) == sorted(map(str, paths))
    document = docx.Document(str(tmp_path / "out" / "brief-011.docx"))
    assert document.paragraphs[0].text == "Brief 11"
    manifest = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text())
    assert len(manifest["outputs"]) == 24


class _CountingExecutor(ThreadPoolExecutor):
    """A thread pool that records how many submitted batches were not yet finished at most."""

    def __init__(self) -> None:
        super().__init__(max_workers=2)
        self.submitted = 0
        self.finished = 0
        self.most_pending = 0
        self._lock = threading.Lock()

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        with self._lock:
            self.submitted += 1
            self.most_pending = max(self.most_pending, self.submitted - self.finished)
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(self._finished)
        return future

    def _finished(self, _future: object) -> None:
        with self._lock:
            self.finished += 1


def test_briefs_stream_to_the_executor_a_few_batches_at_a_time(tmp_path: Path) -> None:
    """Memory must not grow with the number of briefs: the run never hands the executor more
    than a few batches per worker ahead of what it has finished."""
    paths = write_briefs(tmp_path / "briefs", 300)
    with _CountingExecutor() as executor:
        report = convert_many(
            [tmp_path / "briefs"], tmp_path / "out", formats=["json"], jobs=2, executor=executor
        )
    assert report.ok and [result.source for result in report.results] == list(map(str, paths))
    assert executor.submitted >= 300 // 8  # batches of at most 8 briefs
    # 4 batches per worker in flight, and a batch or two finishing while the next is sent.
    assert executor.most_pending <= 2 * 4 + 2
