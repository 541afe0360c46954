"""Reading briefs: bytes to clean text, front matter, and the brief parser."""

from exporter.reading.locate import line_of, locate_characters
from exporter.reading.parser import parse_bytes, parse_file, parse_text, read_brief

__all__ = ["line_of", "locate_characters", "parse_bytes", "parse_file", "parse_text", "read_brief"]
