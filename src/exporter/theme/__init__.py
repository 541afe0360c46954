"""Themes: one style file drives the look of DOCX, PDF and EPUB alike.

The value objects (:class:`Theme` and its parts) live in ``_values``; this package re-exports
them, so ``from exporter.theme import Theme, Color`` is the one import writers need.
"""

from __future__ import annotations

from exporter.theme._values import (
    Color,
    Colors,
    Font,
    Fonts,
    HeaderFooter,
    KeyPointsBox,
    Page,
    Sizes,
    Spacing,
    Theme,
)

__all__ = [
    "Color",
    "Colors",
    "Font",
    "Fonts",
    "HeaderFooter",
    "KeyPointsBox",
    "Page",
    "Sizes",
    "Spacing",
    "Theme",
]
