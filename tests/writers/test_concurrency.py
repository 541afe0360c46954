"""Every built-in writer renders correctly from many threads and processes at once.

Writers are pure and cache their expensive setup per process; these tests prove that the
caches and libraries underneath (reportlab's font registry, python-docx templates, lxml) give
the same bytes when documents are rendered concurrently, as a web service or a pipeline would.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import exporter
from exporter.writers.registry import BUILTIN

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = (
    ROOT / "sources" / "000_9308d7e73d83f95c.txt",
    ROOT / "sources" / "fed-holds-rates.txt",
    ROOT / "sources" / "literal-markup-and-scripts.txt",
)
THEMES = ("default", "newsroom")


def render_brief(path: Path, to: str, theme: str) -> bytes:
    """What each worker does: parse a brief and render it (module level, so it pickles)."""
    return exporter.render(exporter.parse(path), to, theme)


def _jobs() -> list[tuple[Path, str, str]]:
    """Every brief with every theme, twice, interleaved so equal jobs run side by side."""
    return [(brief, name, theme) for theme in THEMES for brief in BRIEFS for name in BUILTIN] * 2


def _run_all(executor: Executor) -> dict[tuple[Path, str, str], set[bytes]]:
    jobs = _jobs()
    futures = [executor.submit(render_brief, *job) for job in jobs]
    outputs: dict[tuple[Path, str, str], set[bytes]] = {}
    for job, future in zip(jobs, futures, strict=True):
        outputs.setdefault(job, set()).add(future.result())
    return outputs


@pytest.fixture(scope="module")
def expected() -> dict[tuple[Path, str, str], bytes]:
    return {job: render_brief(*job) for job in dict.fromkeys(_jobs())}


def test_threads_render_what_one_thread_renders(
    expected: dict[tuple[Path, str, str], bytes],
) -> None:
    with ThreadPoolExecutor(max_workers=6) as pool:
        outputs = _run_all(pool)
    for job, data in expected.items():
        assert outputs[job] == {data}, job


def render_in_threads_from_cold() -> dict[tuple[Path, str, str], set[bytes]]:
    """In a fresh process, render everything from many threads before any cache is warm."""
    with ThreadPoolExecutor(max_workers=6) as pool:
        return _run_all(pool)


def test_threads_starting_cold_render_what_one_thread_renders(
    expected: dict[tuple[Path, str, str], bytes],
) -> None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        outputs = pool.submit(render_in_threads_from_cold).result()
    for job, data in expected.items():
        assert outputs[job] == {data}, job


def test_processes_render_what_one_process_renders(
    expected: dict[tuple[Path, str, str], bytes],
) -> None:
    # spawn: fresh interpreters, so nothing set up by this process is inherited.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        outputs = _run_all(pool)
    for job, data in expected.items():
        assert outputs[job] == {data}, job
