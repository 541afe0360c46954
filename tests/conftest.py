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


@pytest.fixture(autouse=True, scope="session")
def _font_cache_of_this_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Font subsets and facts go to a cache of this test run, not the user's: a run never
    depends on what an earlier one (or older code) left in ``~/.cache``."""
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = previous


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


def clear_font_caches() -> None:
    """Forget every font answer cached in this process (fontconfig's list, chains, styles)."""
    from exporter.fonts import coverage, discovery, fontconfig, missing
    from exporter.writers.docx import fonts
    from exporter.writers.pdf import styles, typefaces

    for cached in (
        fontconfig.installed_fonts,
        fontconfig._by_family,
        discovery._system_face,
        coverage._covered,
        discovery.chain_families,
        discovery.family_for,
        missing._warnings,
        typefaces.faces,
        styles.build_styles,
        styles._mains,
        styles._holds_cff,
        fonts.script_families,
        fonts._latin_faces,
        fonts._in_every_latin_font,
        fonts._plan,
    ):
        if hasattr(cached, "cache_clear"):  # not when a test has put a stand-in in its place
            cached.cache_clear()


def count_fc_list(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The list that each call of ``fc-list`` will be appended to from now on."""
    import subprocess

    calls: list[object] = []
    run = subprocess.run

    def counted(*args: object, **kwargs: object) -> object:
        if "fc-list" in str(args[0][0] if args and args[0] else ""):
            calls.append(args)
        return run(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", counted)
    return calls


@pytest.fixture
def no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A machine without fontconfig: only the bundled fonts and a theme's own files exist."""
    from exporter.fonts import fontconfig

    monkeypatch.setattr(fontconfig.shutil, "which", lambda name: None)
    clear_font_caches()
    yield
    monkeypatch.undo()
    clear_font_caches()


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
