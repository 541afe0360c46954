"""Converting briefs to files: one brief or a whole folder, in parallel and incrementally."""

from __future__ import annotations

from exporter.convert.run import (
    DEFAULT_FORMATS,
    BriefResult,
    OutputResult,
    Report,
    convert,
    convert_brief,
    convert_file,
    convert_many,
)
from exporter.convert.sources import Brief, find_briefs
from exporter.convert.stale import StaleOutput

__all__ = [
    "DEFAULT_FORMATS",
    "Brief",
    "BriefResult",
    "OutputResult",
    "Report",
    "StaleOutput",
    "convert",
    "convert_brief",
    "convert_file",
    "convert_many",
    "find_briefs",
]
