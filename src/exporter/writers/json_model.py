"""The JSON writer: the article model exactly as ``exporter inspect --json`` prints it."""

from __future__ import annotations

from exporter.model import Article
from exporter.theme import Theme


def render_json(article: Article, theme: Theme) -> bytes:
    """The model as UTF-8 JSON; the theme does not change it."""
    del theme  # every writer takes one; the model has no look
    return (article.to_json() + "\n").encode("utf-8")
