"""A reportlab paragraph whose split always fits where it was split.

reportlab splits a paragraph at a page end by breaking it into lines, keeping the lines that
fit, and building a new paragraph of their fragments; when the text mixes fonts, breaking
those fragments again can give one line more than the split counted (a word's width summed
over fragments in another order), and wrapping that part a second time can differ from the
first. The taller first part then does not fit, and the document fails with ``LayoutError:
Splitting error`` (a 1 MB brief of mixed scripts did, on page 261). A
:class:`SplittableParagraph` checks its split and splits higher up until the first part fits,
or moves the paragraph on to the next page.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from exporter.writers.pdf.lines import OnceBrokenParagraph

#: How many times a split is moved up before the paragraph goes to the next frame whole.
_ATTEMPTS = 8


class SplittableParagraph(OnceBrokenParagraph):
    """A :class:`~reportlab.platypus.Paragraph` whose first split part fits the height given."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        height = availHeight
        for _ in range(_ATTEMPTS):
            parts: list[Flowable] = super().split(availWidth, height)
            if len(parts) < 2:
                return parts
            # Twice: breaking the lines of a split-off part can change its fragments, so its
            # second wrap (the one the frame makes) may differ from the first.
            first = max(parts[0].wrap(availWidth, availHeight)[1] for _ in range(2))
            if first <= availHeight + 1e-6:
                return parts
            height -= first - availHeight  # the extra line(s), off the room the split may use
            if height <= 0:
                break
        return []  # no split fits here: the paragraph starts the next frame instead
