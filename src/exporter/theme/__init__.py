"""Themes: one style file drives the look of DOCX, PDF and EPUB alike.

A theme is a TOML file (``styles/default.toml``; the format is documented in
``docs/themes.md``). :func:`load_theme` reads, validates and caches it; every writer receives the
same immutable :class:`Theme`, whose lengths are points and colours :class:`Color`.

The modules behind this package are private: ``_values`` (the value objects), ``_units``
(lengths, colours, paper sizes), ``_schema`` (the keys a file may set), ``_loader`` (TOML,
``extends`` and validation) and ``_catalog`` (lookup by name, the list of shipped themes).
"""

from __future__ import annotations

from exporter.theme._catalog import (
    DEFAULT_THEME,
    StyleRefusedError,
    ThemeInfo,
    available_themes,
    load_theme,
    resolve_theme,
)
from exporter.theme._images import image_bytes, image_kind
from exporter.theme._loader import apply_options, forget_loaded_themes
from exporter.theme._units import format_length, parse_color, parse_length
from exporter.theme._values import (
    Brand,
    Color,
    Colors,
    DocxOptions,
    Epub,
    Font,
    Fonts,
    HeaderFooter,
    KeyPointsBox,
    Page,
    PdfOptions,
    QuoteStyle,
    Sizes,
    Spacing,
    Theme,
    Wording,
)

__all__ = [
    "DEFAULT_THEME",
    "Brand",
    "Color",
    "Colors",
    "DocxOptions",
    "Epub",
    "Font",
    "Fonts",
    "HeaderFooter",
    "KeyPointsBox",
    "Page",
    "PdfOptions",
    "QuoteStyle",
    "Sizes",
    "Spacing",
    "StyleRefusedError",
    "Theme",
    "ThemeInfo",
    "Wording",
    "apply_options",
    "available_themes",
    "forget_loaded_themes",
    "format_length",
    "image_bytes",
    "image_kind",
    "load_theme",
    "parse_color",
    "parse_length",
    "resolve_theme",
]
