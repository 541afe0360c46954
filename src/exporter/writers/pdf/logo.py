"""The theme's logo (``[brand] logo``) in the PDF's running header.

A PNG is placed as an image; an SVG stays vector graphics, converted by svglib into reportlab
shapes (imported only for an SVG logo). Each logo file is read once per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from exporter.errors import ThemeError
from exporter.theme import image_bytes, image_kind


@dataclass(frozen=True, slots=True)
class Logo:
    """A logo scaled to a height: its size in points and how to draw it."""

    path: str
    width: float
    height: float

    def draw(self, canvas: Canvas, x: float, y: float) -> None:
        """Draw the logo with its lower-left corner at (``x``, ``y``)."""
        picture = _picture(self.path)
        if isinstance(picture, _Drawing):
            from reportlab.graphics import renderPDF

            scale = self.height / picture.height
            canvas.saveState()
            canvas.translate(x, y)
            canvas.scale(scale, scale)
            renderPDF.draw(picture.drawing, canvas, 0, 0)
            canvas.restoreState()
        else:
            canvas.drawImage(picture, x, y, self.width, self.height, mask="auto")


def header_logo(path: str | None, height: float) -> Logo | None:
    """The logo at ``path`` scaled to ``height`` points; ``None`` when there is none."""
    if path is None:
        return None
    width, natural = _size(_picture(path))
    return Logo(path, width * height / natural, height)


@dataclass(frozen=True, slots=True)
class _Drawing:
    """An SVG logo as reportlab shapes."""

    drawing: Any  # reportlab.graphics.shapes.Drawing (untyped)
    width: float
    height: float


@functools.cache
def _picture(path: str) -> Any:
    """The logo file as something reportlab draws: an ImageReader, or an SVG's drawing."""
    if image_kind(image_bytes(path)[:1024]) == "svg":
        from svglib.svglib import svg2rlg

        drawing = svg2rlg(path)
        if drawing is None or not drawing.height:
            raise ThemeError("brand.logo: cannot draw this SVG file in a PDF", path=path)
        return _Drawing(drawing, float(drawing.width), float(drawing.height))
    from reportlab.lib.utils import ImageReader

    return ImageReader(BytesIO(image_bytes(path)))


def _size(picture: Any) -> tuple[float, float]:
    if isinstance(picture, _Drawing):
        return picture.width, picture.height
    width, height = picture.getSize()
    return float(width), float(height)
