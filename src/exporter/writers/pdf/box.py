"""A framed box of flowables that splits across pages as complete boxes.

reportlab's Table draws a split box open at the cut and with the inner row padding at the
page edge; this box closes its border and repeats its padding on every part.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable


@dataclass(frozen=True, slots=True)
class BoxLook:
    """How the box is drawn; lengths in points."""

    padding: float
    border_width: float
    border_color: Color
    background: Color


class FramedBox(Flowable):
    """``content`` on a background inside a border.

    Kept whole on the next page when it does not fit here but fits on an empty page (``room``
    is the height of an empty frame); split between or inside its flowables otherwise.
    """

    def __init__(
        self,
        content: list[Flowable],
        look: BoxLook,
        room: float,
        measured: dict[int, tuple[Flowable, float, float]] | None = None,
    ) -> None:
        super().__init__()
        self.content = content
        self.look = look
        self.room = room
        # id → (flowable, width, height), shared with the parts after a split: every page wraps
        # the rest of the box again, and re-measuring each item would make a long box quadratic.
        self._measured = {} if measured is None else measured
        self._heights: list[float] = []
        self._gaps: list[float] = []

    @property
    def _edge(self) -> float:
        return self.look.padding + self.look.border_width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        inner = available_width - 2 * self._edge
        self._heights = [self._height(item, inner) for item in self.content]
        self._gaps = [0.0] + [
            max(before.getSpaceAfter(), after.getSpaceBefore())
            for before, after in zip(self.content, self.content[1:], strict=False)
        ]
        self.width = available_width
        self.height = sum(self._heights) + sum(self._gaps) + 2 * self._edge
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        if self.height <= self.room:
            return []  # fits on an empty page: move there whole
        inner_width = available_width - 2 * self._edge
        room = available_height - 2 * self._edge
        first: list[Flowable] = []
        rest: list[Flowable] = []
        used = 0.0
        for index, (item, height, gap) in enumerate(
            zip(self.content, self._heights, self._gaps, strict=True)
        ):
            if used + gap + height <= room:
                first.append(item)
                used += gap + height
                continue
            parts = item.split(inner_width, room - used - gap) if room - used - gap > 0 else []
            self._measured.pop(id(item), None)  # a failed split discards the item's layout
            if parts:
                first.append(parts[0])
                rest = [*parts[1:], *self.content[index + 1 :]]
            else:
                rest = list(self.content[index:])
            break
        while first and rest and first[-1].getKeepWithNext():  # type: ignore[no-untyped-call]
            rest.insert(0, first.pop())  # a label stays with the first point it introduces
        if not first or not rest:
            return []
        return [
            FramedBox(first, self.look, self.room, self._measured),
            FramedBox(rest, self.look, self.room, self._measured),
        ]

    def _height(self, item: Flowable, width: float) -> float:
        """``item``'s height at ``width``; an item's layout is the same every time it is wrapped."""
        known = self._measured.get(id(item))
        if known is None or known[1] != width:
            known = (item, width, item.wrap(width, self.room)[1])
            self._measured[id(item)] = known
        return known[2]

    def draw(self) -> None:
        canvas, look = self.canv, self.look
        canvas.saveState()
        canvas.setFillColor(look.background)
        canvas.setStrokeColor(look.border_color)
        canvas.setLineWidth(look.border_width)
        half = look.border_width / 2
        canvas.rect(
            half,
            half,
            self.width - look.border_width,
            self.height - look.border_width,
            stroke=1 if look.border_width > 0 else 0,
            fill=1,
        )
        canvas.restoreState()
        top = self.height - self._edge
        for item, height, gap in zip(self.content, self._heights, self._gaps, strict=True):
            top -= gap + height
            item.drawOn(canvas, self._edge, top)
