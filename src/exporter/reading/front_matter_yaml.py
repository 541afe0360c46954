"""The YAML reader of front matter: PyYAML's SafeLoader without aliases, deep nesting or
YAML 1.1's costly numbers. Kept apart from :mod:`exporter.reading.frontmatter` so that PyYAML
is imported only for a brief that has front matter."""

from __future__ import annotations

from typing import Any

import yaml

from exporter.reading.frontmatter import MAX_DEPTH

#: A number written with more characters than this stays text: no date, count or year needs
#: them, and converting (or printing) a 6,000-digit integer costs time or raises.
_MAX_NUMBER_CHARS = 64


class NoAliasLoader(yaml.SafeLoader):
    """SafeLoader refusing ``*alias`` references (the billion-laughs attack) and deep nesting.

    Numbers are read as YAML 1.2 reads them: ``1:59:59`` is text, not a YAML 1.1 sexagesimal
    integer (whose conversion is quadratic in its length), and so is a number too long to be
    one a person meant.
    """

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in front matter", event.start_mark
            )
        if self.depth >= MAX_DEPTH:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _number_or_text(tag: str) -> None:
    """Read ``tag`` scalars as SafeLoader does, but sexagesimal or overlong ones as text."""
    number = yaml.SafeLoader.yaml_constructors[tag]

    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        text = loader.construct_scalar(node)  # type: ignore[arg-type]
        if not isinstance(text, str) or ":" in text or len(text) > _MAX_NUMBER_CHARS:
            return text
        return number(loader, node)

    NoAliasLoader.add_constructor(tag, construct)


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """A YAML timestamp, or the text when an explicit ``!!timestamp`` tag names no date
    (PyYAML would fail with an ``AttributeError`` on ``!!timestamp yesterday``)."""
    text = loader.construct_scalar(node)  # type: ignore[arg-type]
    if not isinstance(text, str) or not loader.timestamp_regexp.match(text):
        return text
    return loader.construct_yaml_timestamp(node)  # type: ignore[arg-type]


_number_or_text("tag:yaml.org,2002:int")
_number_or_text("tag:yaml.org,2002:float")
NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
