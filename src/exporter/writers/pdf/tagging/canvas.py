"""The canvas of a tagged PDF: marks what is drawn, and writes the structure tree and the
catalog entries of a tagged PDF (``MarkInfo``, ``StructTreeRoot``, XMP) before saving."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName

from exporter.writers.pdf.pages import PagedCanvas
from exporter.writers.pdf.tagging.content import MarkedCode, TaggedTextObject
from exporter.writers.pdf.tagging.metadata import DocumentFacts, MetadataStream, xmp_packet
from exporter.writers.pdf.tagging.structure import Annotation, write_structure
from exporter.writers.pdf.tagging.tagger import Tagger

#: PDF 1.7, the version PDF/UA-1 is written against (``/Tabs`` and marked-content
#: ``/ActualText`` need 1.5).
PDF_VERSION = (1, 7)


class TaggedCanvas(PagedCanvas):
    """A :class:`PagedCanvas` that writes a tagged PDF, following ``tagging``."""

    def __init__(self, *args: Any, tagging: Tagger, **kwargs: Any) -> None:
        # Set before reportlab's constructor, which starts the first page's code list.
        self.tagging = tagging
        super().__init__(*args, pdfVersion=PDF_VERSION, **kwargs)

    def _restartAccumulators(self) -> None:  # noqa: N802 - reportlab's name
        super()._restartAccumulators()  # type: ignore[misc]
        # The page being drawn is the next one after those held back.
        self._code = MarkedCode(self.tagging, len(getattr(self, "_held_pages", ())))

    def beginText(  # noqa: N802
        self, x: float = 0, y: float = 0, direction: Literal["LTR", "RTL"] | None = None
    ) -> TaggedTextObject:
        return TaggedTextObject(self, x, y, direction)

    def drawText(self, aTextObject: Any) -> None:  # noqa: N802, N803
        code = str(aTextObject.getCode())
        if isinstance(aTextObject, TaggedTextObject) and aTextObject.marked:
            self._code.append_marked(code)
        else:
            self._code.append(code)

    def linkURL(  # noqa: N802
        self,
        url: str,
        rect: Any,
        relative: Literal[0, 1] | bool = 0,
        thickness: int = 0,
        color: Any = None,
        dashArray: Any = None,  # noqa: N803
        kind: str = "URI",
        **kw: Any,
    ) -> None:
        link, key = self.tagging.link_annotation(url)
        super().linkURL(
            url, rect, relative, thickness, color, dashArray, kind, StructParent=key, **kw
        )
        reference = self._annotationrefs[-1]  # type: ignore[attr-defined]
        dictionary = self._doc.idToObject[reference.name]  # type: ignore[attr-defined]
        link.kids.append(Annotation(self._code.page, reference, dictionary))

    @contextmanager
    def pagination(self, part: str) -> Iterator[None]:
        with self.tagging.paginating(part):
            yield

    def finish_document(self) -> None:
        document: Any = self._doc  # type: ignore[attr-defined]
        pages = document.Pages.pages
        marks = [self.tagging.page(index) for index in range(len(pages))]
        for page, page_marks in zip(pages, marks, strict=True):
            # reportlab writes only the page keys it lists; these two are added to the list.
            page.__NoDefault__ = [*page.__NoDefault__, "Tabs", "StructParents"]
            page.Tabs = PDFName("S")  # tab through links in the order of the structure
            page.StructParents = page_marks.key
        catalog = document.Catalog
        catalog.StructTreeRoot = write_structure(
            document, self.tagging.root, marks, self.tagging.keys
        )
        catalog.MarkInfo = PDFDictionary({"Marked": "true"})
        catalog.Metadata = MetadataStream(xmp_packet(self._facts(document.info)))

    def _facts(self, info: Any) -> DocumentFacts:
        """What the XMP metadata says: what the document information dictionary says."""
        return DocumentFacts(
            title=info.title,
            author=info.author,
            subject=info.subject,
            keywords=self.tagging.keywords,
            language=self.tagging.language,
            moment=self.moment,
            creator=info.creator,
            producer=info.producer,
            conforms=self.tagging.conforms,
        )
