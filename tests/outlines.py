"""How far apart two glyph outlines are: for checking that converted curves stay where the
original ones were. Each contour is sampled densely, and the distance is the largest from a
sample of either outline to the nearest segment of the other (a Hausdorff distance)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any

from fontTools.pens.basePen import BasePen
from fontTools.pens.transformPen import TransformPen

Point = tuple[float, float]
Segment = tuple[Point, Point]


class _SamplingPen(BasePen):  # type: ignore[misc]
    """Contours as polylines with steps of at most ``step`` font units."""

    def __init__(self, step: float) -> None:
        super().__init__(None)
        self.step = step
        self.contours: list[list[Point]] = []

    def _moveTo(self, point: Point) -> None:  # noqa: N802 - BasePen's names
        self.contours.append([point])

    def _lineTo(self, point: Point) -> None:  # noqa: N802 - BasePen's names
        start = self.contours[-1][-1]
        self._sample(lambda t: _mix(start, point, t), [start, point])

    def _curveToOne(self, one: Point, two: Point, end: Point) -> None:  # noqa: N802 - BasePen's names
        start = self.contours[-1][-1]

        def cubic(t: float) -> Point:
            u = 1 - t
            weights = (u**3, 3 * u * u * t, 3 * u * t * t, t**3)
            return _weighted((start, one, two, end), weights)

        self._sample(cubic, [start, one, two, end])

    def _qCurveToOne(self, control: Point, end: Point) -> None:  # noqa: N802 - BasePen's names
        start = self.contours[-1][-1]

        def quadratic(t: float) -> Point:
            u = 1 - t
            return _weighted((start, control, end), (u * u, 2 * u * t, t * t))

        self._sample(quadratic, [start, control, end])

    def _closePath(self) -> None:  # noqa: N802 - BasePen's names
        contour = self.contours[-1]
        if contour[0] != contour[-1]:
            self._lineTo(contour[0])

    _endPath = _closePath  # noqa: N815

    def _sample(self, curve: Callable[[float], Point], hull: list[Point]) -> None:
        length = sum(math.dist(a, b) for a, b in itertools.pairwise(hull))
        steps = max(1, math.ceil(length / self.step))
        self.contours[-1].extend(curve(index / steps) for index in range(1, steps + 1))


def _mix(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _weighted(points: tuple[Point, ...], weights: tuple[float, ...]) -> Point:
    return (
        sum(w * p[0] for w, p in zip(weights, points, strict=True)),
        sum(w * p[1] for w, p in zip(weights, points, strict=True)),
    )


def outline_distance(
    original: Any, converted: Any, *, scale: float = 1.0, step: float = 1.0
) -> float:
    """The largest distance, in ``original``'s font units, between two glyphs (objects with a
    ``draw(pen)`` method); ``converted`` is drawn scaled by ``scale`` first (a font converted
    to more units per em)."""
    first = _SamplingPen(step)
    original.draw(first)
    second = _SamplingPen(step)
    converted.draw(TransformPen(second, (scale, 0, 0, scale, 0, 0)))
    if not first.contours and not second.contours:
        return 0.0
    return max(_one_way(first.contours, second.contours), _one_way(second.contours, first.contours))


def _one_way(points_of: list[list[Point]], segments_of: list[list[Point]]) -> float:
    """The largest distance from a point of ``points_of`` to the nearest segment of
    ``segments_of``, found through a grid of cells (infinite when none is within a cell)."""
    cell = 4.0
    grid: dict[tuple[int, int], list[Segment]] = {}
    for contour in segments_of:
        for a, b in itertools.pairwise(contour):
            for i in _cells(a[0], b[0], cell):
                for j in _cells(a[1], b[1], cell):
                    grid.setdefault((i, j), []).append((a, b))
    worst = 0.0
    for contour in points_of:
        for point in contour:
            i, j = math.floor(point[0] / cell), math.floor(point[1] / cell)
            near = [
                segment
                for di in (-1, 0, 1)
                for dj in (-1, 0, 1)
                for segment in grid.get((i + di, j + dj), ())
            ]
            worst = max(worst, min((_to_segment(point, s) for s in near), default=math.inf))
    return worst


def _cells(first: float, second: float, cell: float) -> range:
    return range(math.floor(min(first, second) / cell), math.floor(max(first, second) / cell) + 1)


def _to_segment(point: Point, segment: Segment) -> float:
    (ax, ay), (bx, by) = segment
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = (
        0.0
        if length == 0
        else max(0.0, min(1.0, ((point[0] - ax) * dx + (point[1] - ay) * dy) / length))
    )
    return math.hypot(point[0] - ax - t * dx, point[1] - ay - t * dy)
