"""The structure tree of a tagged PDF: elements in reading order, and the PDF objects for them.

The story builds the elements (document, headings, paragraphs, lists, the key-points box) in
reading order before anything is laid out; drawing adds what each element owns on the pages:
marked-content sequences (by MCID) and link annotations. :func:`write_structure` turns the
tree into the ``StructTreeRoot`` with its ``ParentTree``, which maps every MCID of every page
and every annotation back to its element.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString

#: Structure types that are not standard in PDF 1.7, and the standard type each stands for.
ROLE_MAP = {"Aside": "Sect"}


@dataclass(frozen=True, slots=True)
class MarkedContent:
    """A marked-content sequence: the ``mcid`` on page ``page`` (0-based)."""

    page: int
    mcid: int


@dataclass(frozen=True, slots=True)
class Annotation:
    """An annotation drawn on page ``page``: its reference, and its dictionary (given a
    ``/Contents`` once its element's text is known)."""

    page: int
    reference: Any  # reportlab's PDFObjectReference
    dictionary: Any  # reportlab's PDFDictionary


class Element:
    """A structure element: its type (``P``, ``H1``, ``L``, …) and its kids in reading order.

    ``title`` becomes ``/T`` and ``attributes`` the ``/A`` dictionary (``{"O": "List", …}``).
    """

    __slots__ = ("attributes", "kids", "parent", "role", "title")

    def __init__(
        self,
        role: str,
        parent: Element | None = None,
        *,
        title: str | None = None,
        attributes: dict[str, str] | None = None,
    ) -> None:
        self.role = role
        self.parent = parent
        self.title = title
        self.attributes = attributes
        self.kids: list[Element | MarkedContent | Annotation] = []
        if parent is not None:
            parent.kids.append(self)

    def add(self, role: str, **details: Any) -> Element:
        """A new last kid of this element."""
        return Element(role, self, **details)

    def has_content(self) -> bool:
        """Whether anything on a page belongs to this element or to one of its descendants."""
        return any(not isinstance(kid, Element) or kid.has_content() for kid in self.kids)

    def walk(self) -> Iterator[Element]:
        """This element and every descendant, in reading order."""
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()


class LinkElement(Element):
    """A ``Link``: the text of a web address and its annotations, whose ``/Contents`` is that
    text (or the address, when the text could not be told apart)."""

    __slots__ = ("text", "url")

    def __init__(self, parent: Element, url: str) -> None:
        super().__init__("Link", parent)
        self.url = url
        self.text = ""


@dataclass(slots=True)
class PageMarks:
    """What the marked-content sequences of one page belong to: ``owners[mcid]``, and the
    page's key in the parent tree (``/StructParents``) once it has one."""

    index: int
    owners: list[Element] = field(default_factory=list)
    key: int | None = None


@dataclass(slots=True)
class ParentKeys:
    """Hands out the keys of the parent tree, to pages and annotations, in drawing order."""

    next: int = 0
    annotations: list[tuple[int, LinkElement]] = field(default_factory=list)

    def take(self) -> int:
        self.next += 1
        return self.next - 1

    def mark(self, page: PageMarks, element: Element) -> int:
        """A new MCID on ``page`` for content of ``element``, recorded in the element."""
        if page.key is None:
            page.key = self.take()
        page.owners.append(element)
        mcid = len(page.owners) - 1
        element.kids.append(MarkedContent(page.index, mcid))
        return mcid


def write_structure(
    document: Any, root: Element, pages: Sequence[PageMarks], keys: ParentKeys
) -> PDFDictionary:
    """Register the tree below ``root`` with reportlab's ``document`` and return the
    ``StructTreeRoot``; elements that own nothing on any page are left out.

    ``pages`` are the marks of every page, in order; the document's pages must all be added.
    """
    page_refs = [document.Reference(page) for page in document.Pages.pages]
    tree_root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    tree_root_ref = document.Reference(tree_root)
    elements = [element for element in root.walk() if element.has_content()]
    dictionaries = {id(element): PDFDictionary() for element in elements}
    refs = {id(element): document.Reference(dictionaries[id(element)]) for element in elements}
    for element in elements:
        parent = element.parent
        parent_ref = refs[id(parent)] if parent is not None else tree_root_ref
        _fill(dictionaries[id(element)], element, parent_ref, refs, page_refs)
    tree_root["K"] = PDFArray([refs[id(root)]]) if root.has_content() else PDFArray([])
    numbers: list[tuple[int, Any]] = []
    for page in pages:
        if page.key is not None:
            owners = PDFArray([refs[id(owner)] for owner in page.owners])
            numbers.append((page.key, document.Reference(owners)))
    numbers += [(key, refs[id(link)]) for key, link in keys.annotations]
    numbers.sort(key=lambda pair: pair[0])
    parent_tree = PDFDictionary({"Nums": PDFArray([item for pair in numbers for item in pair])})
    tree_root["ParentTree"] = document.Reference(parent_tree)
    tree_root["ParentTreeNextKey"] = keys.next
    tree_root["RoleMap"] = PDFDictionary({role: PDFName(to) for role, to in ROLE_MAP.items()})
    return tree_root


def _fill(
    dictionary: PDFDictionary,
    element: Element,
    parent_ref: Any,
    refs: dict[int, Any],
    page_refs: list[Any],
) -> None:
    dictionary["Type"] = PDFName("StructElem")
    dictionary["S"] = PDFName(element.role)
    dictionary["P"] = parent_ref
    first_page = next(
        (kid.page for kid in element.kids if isinstance(kid, MarkedContent | Annotation)), None
    )
    if first_page is not None:
        dictionary["Pg"] = page_refs[first_page]
    kids: list[Any] = []
    for kid in element.kids:
        if isinstance(kid, Element):
            if id(kid) in refs:
                kids.append(refs[id(kid)])
        elif isinstance(kid, MarkedContent):
            # An MCID on the element's own page is a bare number; on another page it names it.
            if kid.page == first_page:
                kids.append(kid.mcid)
            else:
                mcr = {"Type": PDFName("MCR"), "Pg": page_refs[kid.page], "MCID": kid.mcid}
                kids.append(PDFDictionary(mcr))
        else:
            objr = {"Type": PDFName("OBJR"), "Obj": kid.reference, "Pg": page_refs[kid.page]}
            kids.append(PDFDictionary(objr))
    # One kid is written bare, as most writers do (pdfua 0.1.3 cannot read a heading's /K
    # array; see the tests).
    dictionary["K"] = kids[0] if len(kids) == 1 else PDFArray(kids)
    if element.title:
        dictionary["T"] = PDFString(element.title)
    if element.attributes:
        attributes = {key: PDFName(value) for key, value in element.attributes.items()}
        dictionary["A"] = PDFDictionary(attributes)
    if isinstance(element, LinkElement):
        described = " ".join(element.text.split()) or element.url
        for kid in element.kids:
            if isinstance(kid, Annotation):
                kid.dictionary["Contents"] = PDFString(described)
