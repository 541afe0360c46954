"""The reportlab release whose internals the PDF writer's fast paths were written against.

A few steps of a handout's PDF are done by exporter instead of reportlab, giving the bytes
reportlab 5.1 gives, because reportlab's own way is slow: breaking a paragraph of plain text
into lines (:mod:`.simplelines`), cutting plain markup into fragments without the markup parser
(:mod:`.fragments`), the codes a line is shown in (:mod:`.subsetcodes`), and remembering font
subsets between documents (:mod:`.embedding`). They call reportlab's private functions and
follow its loops step for step, which another release is free to change. With any release but
the one they were written against they step aside and reportlab does the work: slower, never
different nor broken. (Tests compare each with reportlab's own path.)
"""

from __future__ import annotations

import re

import reportlab

#: The reportlab major and minor release the fast paths follow.
WRITTEN_FOR = (5, 1)


def _release(version: str) -> tuple[int, ...]:
    found = re.match(r"(\d+)\.(\d+)", version)
    return (int(found[1]), int(found[2])) if found else ()


#: Whether the installed reportlab is that release.
FAST_PATHS = _release(reportlab.Version) == WRITTEN_FOR
