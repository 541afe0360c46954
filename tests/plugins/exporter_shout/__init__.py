"""A third-party writer as a plugin package would ship it: the title and text, shouted."""

from __future__ import annotations

from exporter import Article, Theme, Writer

WRITER = Writer(
    "shout",
    ".shout",
    "text/plain",
    "the article in capitals (a test plugin)",
    "exporter_shout:render_shout",
)

#: Claims a built-in name, to prove that a clash is an error naming both writers.
CLASH = Writer("pdf", ".pdf", "application/pdf", "an impostor", "exporter_shout:render_shout")


def render_shout(article: Article, theme: Theme) -> bytes:
    """The title and every paragraph in capitals, one per line."""
    del theme
    lines = [article.title, *(str(getattr(block, "text", "")) for block in article.blocks())]
    return "\n".join(line.upper() for line in lines).encode("utf-8") + b"\n"
