"""The state of tagging one document while reportlab draws it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from exporter.text.scripts import script_of, scripts_of
from exporter.writers.pdf.tagging.structure import Element, LinkElement, PageMarks, ParentKeys

_NOT_ASCII = re.compile("[^\x00-\x7f]")


class Tagger:
    """What is being drawn (``current``: the element whose content it is, ``None`` for an
    artifact), the marks of every page, and the keys of the parent tree.

    ``language`` is the document's language, against which runs in other scripts are told;
    ``keywords`` go to the metadata one by one.
    """

    def __init__(
        self,
        root: Element,
        language: str,
        keywords: Sequence[str] = (),
        *,
        conforms: bool = True,
    ) -> None:
        self.root = root
        self.language = language
        self.keywords = tuple(keywords)
        self.conforms = conforms  # no character is drawn without a glyph: PDF/UA-1 can be claimed
        self._native = scripts_of(language)
        self.current: Element | None = None
        self.reads_as: str | None = None  # what the text being drawn reads as, if not itself
        self.pagination: str | None = None  # "Header" or "Footer" while the running text draws
        self.keys = ParentKeys()
        # The links on the line just drawn, in order: its annotations are made next, one by one.
        self.line_links: list[LinkElement] = []
        self._pages: list[PageMarks] = []

    def page(self, index: int) -> PageMarks:
        """The marks of page ``index`` (0-based)."""
        while len(self._pages) <= index:
            self._pages.append(PageMarks(len(self._pages)))
        return self._pages[index]

    def mark(self, page: int, element: Element) -> int:
        """A new MCID on ``page`` for content of ``element``."""
        return self.keys.mark(self.page(page), element)

    @contextmanager
    def drawing(self, element: Element | None, reads_as: str | None = None) -> Iterator[None]:
        """Everything drawn inside is content of ``element`` (and, when given, reads as the
        text ``reads_as``)."""
        previous = self.current, self.reads_as
        self.current, self.reads_as = element, reads_as
        try:
            yield
        finally:
            self.current, self.reads_as = previous

    @contextmanager
    def paginating(self, part: str) -> Iterator[None]:
        """Everything drawn inside is the running ``part`` ("Header" or "Footer")."""
        previous, self.pagination = self.pagination, part
        try:
            with self.drawing(None):
                yield
        finally:
            self.pagination = previous

    def may_be_foreign(self, text: str) -> bool:
        """Whether ``text`` may hold a letter of another script than the document's (a quick
        test: most text is ASCII, or has few distinct characters to look up)."""
        native = self._native
        if "latin" in native:
            if text.isascii():
                return False
            characters = set(_NOT_ASCII.findall(text))
        else:
            characters = set(text)
        return any(
            script is not None and script not in native for script in map(script_of, characters)
        )

    def link_annotation(self, url: str) -> tuple[LinkElement, int]:
        """The ``Link`` element a new annotation for ``url`` belongs to, and its key in the
        parent tree: the first link to ``url`` on the line just drawn, else a new ``Link`` in
        the element being drawn (or in the document)."""
        for index, link in enumerate(self.line_links):
            if link.url == url:
                del self.line_links[index]
                break
        else:
            link = LinkElement(self.current or self.root, url)
        key = self.keys.take()
        self.keys.annotations.append((key, link))
        return link, key
