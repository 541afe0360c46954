"""Test-suite settings: hypothesis profiles (quick in CI, thorough on demand), and the
``needs`` marker for tests that use programs or fonts from outside Python (:mod:`tests.tools`),
with one closing line naming what was skipped or failed for want of which tool."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests import tools

# `ci` keeps the suite quick; `HYPOTHESIS_PROFILE=thorough` runs 10,000 examples per property.
settings.register_profile("ci", max_examples=150, deadline=None)
settings.register_profile("thorough", max_examples=10_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    # pytest-timeout stops a hung test after the configured time; a thorough hypothesis run
    # may legitimately take longer than that (the PDF property alone can take an hour).
    if os.environ.get("HYPOTHESIS_PROFILE") == "thorough":
        config.option.timeout = 0


PLUGINS = Path(__file__).parent / "plugins"


def install_plugin(
    target: Path, entry_points: dict[str, str], name: str = "exporter-shout"
) -> Path:
    """Register writer entry points the way ``pip install`` would: a ``.dist-info`` folder with
    an ``entry_points.txt``, in ``target`` (which the caller puts on ``sys.path``)."""
    dist_info = target / f"{name.replace('-', '_')}-1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    lines = "".join(f"{key} = {value}\n" for key, value in entry_points.items())
    (dist_info / "entry_points.txt").write_text(f"[exporter.writers]\n{lines}")
    return target


@pytest.fixture
def plugin_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test plugin ``exporter_shout`` installed: its ``shout`` writer is found by name."""
    from exporter.writers import registry

    site = install_plugin(tmp_path / "site", {"shout": "exporter_shout:WRITER"})
    monkeypatch.syspath_prepend(str(PLUGINS))
    monkeypatch.syspath_prepend(str(site))
    registry._plugins.cache_clear()
    yield site
    registry._plugins.cache_clear()


# Tests that need outside tools -----------------------------------------------------------------

# tool name -> the tests skipped or failed for want of it, in this run
_wanting: defaultdict[str, set[str]] = defaultdict(set)


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in item.iter_markers("needs"):
        for name in marker.args:
            tools.require(name)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and isinstance(report.longrepr, tuple):
        reason = report.longrepr[2]
    elif report.failed:
        reason = report.longreprtext
    else:
        return
    name = tools.tool_in(reason)
    if name is not None:
        _wanting[name].add(report.nodeid)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> Generator[None]:
    """After pytest's own summary, one line saying how many tests lacked which tool and how to
    install it, so that a partial run is never mistaken for a full one."""
    result = yield
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if _wanting and reporter is not None:
        verb = "Failed" if tools.required() else "Skipped (so this was not a full run)"
        wants = "; ".join(
            f"{len(tests)} need {name} ({tools.install_hint(name)})"
            for name, tests in sorted(_wanting.items())
        )
        reporter.write_line(f"{verb} for want of outside tools: {wants}", yellow=True, bold=True)
    return result
