"""Reading briefs: bytes to clean text, front matter, and the brief parser."""

from exporter.reading.parser import parse_bytes, parse_file, parse_text, read_brief

__all__ = ["parse_bytes", "parse_file", "parse_text", "read_brief"]
