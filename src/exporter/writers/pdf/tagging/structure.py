"""The structure tree of a tagged PDF: elements in reading order, and the PDF objects for them.

The story builds the elements (document, headings, paragraphs, lists, the key-points box) in
reading order before anything is laid out; drawing adds what each element owns on the pages:
marked-content sequences (by MCID) and link annotations. :func:`write_structure` turns the
tree into the ``StructTreeRoot`` with its ``ParentTree``, which maps every MCID of every page
and every annotation back to its element.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from reportlab.pdfbase.pdfdoc import PDFObject, PDFObjectReference, PDFString

#: Structure types that are not standard in PDF 1.7, and the standard type each stands for.
ROLE_MAP = {"Aside": "Sect"}


class MarkedContent(NamedTuple):  # one per sequence drawn: a tuple is made quicker
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
) -> PDFObject:
    """Register the tree below ``root`` with reportlab's ``document`` and return the
    ``StructTreeRoot``; elements that own nothing on any page are left out.

    ``pages`` are the marks of every page, in order; the document's pages must all be added.
    """
    page_refs = [document.Reference(page) for page in document.Pages.pages]
    tree_root = Written({"Type": "/StructTreeRoot"})
    tree_root_ref = document.Reference(tree_root)
    elements = _with_content(root)
    objects = {id(element): Written({}) for element in elements}
    refs = {id(element): document.Reference(objects[id(element)]) for element in elements}
    for element in elements:
        parent = element.parent
        parent_ref = refs[id(parent)] if parent is not None else tree_root_ref
        objects[id(element)].value = _element(element, parent_ref, refs, page_refs)
    numbers: list[Any] = []
    by_key = [(page.key, [refs[id(owner)] for owner in page.owners]) for page in pages]
    by_key += [(key, refs[id(link)]) for key, link in keys.annotations]
    for key, value in sorted((pair for pair in by_key if pair[0] is not None), key=_first):
        numbers += [key, value]
    tree_root.value |= {
        "K": [refs[id(root)]] if elements else [],
        "ParentTree": document.Reference(Written({"Nums": numbers})),
        "ParentTreeNextKey": keys.next,
        "RoleMap": {role: f"/{to}" for role, to in ROLE_MAP.items()},
    }
    return tree_root


class Written(PDFObject):
    """A dictionary (or array) of the structure tree, written as it is given: names as
    ``"/Name"`` strings, numbers, lists, dictionaries, and reportlab's references and strings.

    reportlab's own dictionaries sort their keys and format each value through several layers;
    a tree has hundreds of small ones.
    """

    def __init__(self, value: dict[str, Any]) -> None:
        self.value = value

    def format(self, document: Any) -> bytes:
        # Written as text and encoded once: names are ASCII, and a reportlab string's bytes
        # go through Latin-1 unchanged.
        return _written(self.value, document.idToObjectNumberAndVersion, document).encode("latin-1")


def _written(value: Any, numbers: dict[str, tuple[int, int]], document: Any) -> str:
    if isinstance(value, dict):
        entries = [f"/{key} {_written(item, numbers, document)}" for key, item in value.items()]
        return f"<<{' '.join(entries)}>>"
    if isinstance(value, list):
        return f"[{' '.join([_written(item, numbers, document) for item in value])}]"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):  # a name
        return value
    if isinstance(value, PDFObjectReference):  # as reportlab writes it, without its layers
        number, version = numbers[value.name]
        return f"{number} {version} R"
    formatted: bytes = value.format(document)  # a string
    return formatted.decode("latin-1")


def _first(pair: tuple[Any, Any]) -> Any:
    return pair[0]


def _with_content(root: Element) -> list[Element]:
    """The elements below ``root`` (and itself) that own something on a page, in order."""
    found: list[Element] = []

    def visit(element: Element) -> bool:
        index = len(found)
        found.append(element)
        owns = False
        for kid in element.kids:
            owns = (visit(kid) if isinstance(kid, Element) else True) or owns
        if not owns:
            del found[index:]
        return owns

    visit(root)
    return found


def _element(
    element: Element, parent_ref: Any, refs: dict[int, Any], page_refs: list[Any]
) -> dict[str, Any]:
    written: dict[str, Any] = {"Type": "/StructElem", "S": f"/{element.role}", "P": parent_ref}
    first_page = next(
        (kid.page for kid in element.kids if isinstance(kid, MarkedContent | Annotation)), None
    )
    if first_page is not None:
        written["Pg"] = page_refs[first_page]
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
                kids.append({"Type": "/MCR", "Pg": page_refs[kid.page], "MCID": kid.mcid})
        else:
            kids.append({"Type": "/OBJR", "Obj": kid.reference, "Pg": page_refs[kid.page]})
    # One kid is written bare, as most writers do.
    written["K"] = kids[0] if len(kids) == 1 else kids
    if element.title:
        written["T"] = PDFString(element.title)
    if element.attributes:
        written["A"] = {key: f"/{value}" for key, value in element.attributes.items()}
    if isinstance(element, LinkElement):
        described = " ".join(element.text.split()) or element.url
        for kid in element.kids:
            if isinstance(kid, Annotation):
                kid.dictionary["Contents"] = PDFString(described)
    return written
