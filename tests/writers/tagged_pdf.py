"""A checker for tagged PDFs, read with pikepdf: the machine-checkable rules of PDF/UA-1 that
exporter's PDFs promise, and each block's text in reading order from the structure tree.

:func:`problems` lists what breaks a rule (an empty list for a good file); the tests break
each rule on purpose to see it caught. :func:`structure_text` gives the text of each block
element as ``pdfinfo -struct-text`` reads it, with the ``/ActualText`` of marked content (which
poppler ignores) put in.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from lxml import etree

from tests import tools

# The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4).
_STANDARD = """Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private H
H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference
BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form"""
STANDARD_TYPES = frozenset(_STANDARD.split())
#: Block elements: each is one piece of text in reading order.
BLOCKS = frozenset({"H1", "H2", "H3", "H4", "H5", "H6", "P", "Lbl", "LBody"})
_TEXT_SHOWING = frozenset({"Tj", "TJ", "'", '"'})
_PAINTING = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "EI"})
_NAMESPACES = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


@dataclass
class Marks:
    """What the content stream of one page marks: its MCIDs (with their properties)."""

    mcids: dict[int, pikepdf.Dictionary] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def problems(data: bytes, *, conforming: bool = True) -> list[str]:
    """Every rule of a tagged PDF that ``data`` breaks, one line each. A file that draws
    characters no font has (``conforming`` false: a theme asked for ``missing_glyphs = "warn"``)
    must not claim PDF/UA; every other must."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        found = _catalog(pdf)
        marks = [_page_marks(page, number) for number, page in enumerate(pdf.pages, start=1)]
        for page_marks in marks:
            found += page_marks.problems
        found += _pages(pdf)
        found += _fonts(pdf)
        found += _metadata(pdf, conforming)
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            return [*found, "no StructTreeRoot"]
        found += _tree(pdf, root, marks)
    return found


# ------------------------------------------------------------------------- catalog and pages


def _catalog(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    mark_info = pdf.Root.get("/MarkInfo")
    if mark_info is None or mark_info.get("/Marked") is not True:
        found.append("MarkInfo: /Marked is not true")
    if mark_info is not None and mark_info.get("/Suspects") is True:
        found.append("MarkInfo: /Suspects is true")
    if not str(pdf.Root.get("/Lang", "")).strip():
        found.append("catalog: no /Lang")
    preferences = pdf.Root.get("/ViewerPreferences", {})
    if preferences.get("/DisplayDocTitle") is not True:
        found.append("ViewerPreferences: /DisplayDocTitle is not true")
    if not str(pdf.docinfo.get("/Title", "")).strip():
        found.append("Info: no /Title")
    return found


def _pages(pdf: pikepdf.Pdf) -> list[str]:
    return [
        f"page {number}: /Tabs is not /S"
        for number, page in enumerate(pdf.pages, start=1)
        if page.obj.get("/Tabs") != pikepdf.Name.S
    ]


def _fonts(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    for number, page in enumerate(pdf.pages, start=1):
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for name, font in fonts.items():
            if not _embedded(font):
                found.append(f"page {number}: font {name} ({font.get('/BaseFont')}) not embedded")
    return found


def _embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == pikepdf.Name.Type0:
        return all(_embedded(part) for part in font.DescendantFonts)
    if font.get("/Subtype") == pikepdf.Name.Type3:
        return True  # glyphs drawn by content streams
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def _metadata(pdf: pikepdf.Pdf, conforming: bool) -> list[str]:
    stream = pdf.Root.get("/Metadata")
    if stream is None:
        return ["no XMP metadata stream"]
    try:
        xmp = etree.fromstring(stream.read_bytes())
    except etree.XMLSyntaxError as error:
        return [f"XMP: not well-formed ({error})"]
    found = []
    title = xmp.findtext(".//dc:title/rdf:Alt/rdf:li", namespaces=_NAMESPACES)
    if title != str(pdf.docinfo.get("/Title", "")):
        found.append(f"XMP: dc:title {title!r} is not the document title")
    if not xmp.findall(".//dc:language/rdf:Bag/rdf:li", namespaces=_NAMESPACES):
        found.append("XMP: no dc:language")
    creators = xmp.findall(".//dc:creator/rdf:Seq/rdf:li", namespaces=_NAMESPACES)
    author = str(pdf.docinfo.get("/Author", ""))
    if [creator.text for creator in creators] != ([author] if author else []):
        found.append(f"XMP: dc:creator is not the author {author!r}")
    claim = xmp.findtext(".//pdfuaid:part", namespaces=_NAMESPACES)
    if conforming and claim != "1":
        found.append("XMP: pdfuaid:part is not 1")
    if not conforming and claim is not None:
        found.append("XMP: claims PDF/UA though it draws characters no font has")
    return found


# --------------------------------------------------------------------------- content streams


def _page_marks(page: pikepdf.Page, number: int) -> Marks:
    """The MCIDs of a page; what breaks nesting, and content neither tagged nor an artifact."""
    marks = Marks()
    where = f"page {number}"
    stack: list[str] = []  # "q", "BT", "mcid", "artifact", "span"

    def inside(kind: str) -> bool:
        return kind in stack

    for instruction in pikepdf.parse_content_stream(page):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            if not (inside("mcid") or inside("artifact")):
                marks.problems.append(f"{where}: inline image neither tagged nor an artifact")
            continue
        operator = str(instruction.operator)
        operands = list(instruction.operands)
        if operator in ("q", "BT"):
            stack.append(operator)
        elif operator in ("Q", "ET"):
            opened = "q" if operator == "Q" else "BT"
            if not stack or stack[-1] != opened:
                marks.problems.append(f"{where}: {operator} closes {stack[-1:] or 'nothing'}")
            else:
                stack.pop()
        elif operator in ("BDC", "BMC"):
            kind = _marked_kind(operands)
            if kind == "artifact" and inside("mcid"):
                marks.problems.append(f"{where}: artifact inside tagged content")
            if kind == "mcid" and inside("artifact"):
                marks.problems.append(f"{where}: tagged content inside an artifact")
            if kind == "mcid" and inside("mcid"):
                marks.problems.append(f"{where}: marked content with an MCID inside another")
            if kind == "mcid":
                properties = operands[-1]
                mcid = int(properties.MCID)
                if mcid in marks.mcids:
                    marks.problems.append(f"{where}: MCID {mcid} marks two sequences")
                marks.mcids[mcid] = properties
            stack.append(kind)
        elif operator == "EMC":
            if not stack or stack[-1] not in ("mcid", "artifact", "span"):
                marks.problems.append(f"{where}: EMC closes {stack[-1:] or 'nothing'}")
            else:
                stack.pop()
        elif (operator in _TEXT_SHOWING or operator in _PAINTING) and not (
            inside("mcid") or inside("artifact")
        ):
            shown = f" {operands[0]!s}"[:40] if operator in _TEXT_SHOWING else ""
            marks.problems.append(
                f"{where}: {operator}{shown} is neither tagged content nor an artifact"
            )
    if stack:
        marks.problems.append(f"{where}: {stack} left open at the end of the page")
    return marks


def _marked_kind(operands: list[pikepdf.Object]) -> str:
    tag = str(operands[0])
    properties = operands[1] if len(operands) > 1 else None
    if tag == "/Artifact":
        return "artifact"
    if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
        return "mcid"
    return "span"


# ---------------------------------------------------------------------------- structure tree


@dataclass
class Walk:
    """What a walk of the structure tree found."""

    elements: list[pikepdf.Dictionary] = field(default_factory=list)
    owners: dict[tuple[int, int], pikepdf.Dictionary] = field(default_factory=dict)
    annotations: dict[tuple[int, int], pikepdf.Dictionary] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _tree(pdf: pikepdf.Pdf, root: pikepdf.Dictionary, marks: list[Marks]) -> list[str]:
    role_map = {str(key): str(value) for key, value in root.get("/RoleMap", {}).items()}
    page_numbers = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
    walk = Walk()
    for kid in _kids(root):
        _walk(kid, root, None, page_numbers, walk)
    found = list(walk.problems)
    found += _roles(walk, role_map)
    found += _headings(walk)
    found += _lists(walk, role_map)
    found += _parent_tree(pdf, root, marks, walk)
    return found


def _kids(element: pikepdf.Dictionary) -> list[pikepdf.Object]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _walk(
    element: pikepdf.Dictionary,
    parent: pikepdf.Dictionary,
    page: int | None,
    page_numbers: dict[tuple[int, int], int],
    walk: Walk,
) -> None:
    if element.get("/P") is None or element.P.objgen != parent.objgen:
        walk.problems.append(f"{element.get('/S')}: /P is not its parent")
    walk.elements.append(element)
    if "/Pg" in element:
        page = page_numbers.get(element.Pg.objgen)
    for kid in _kids(element):
        if isinstance(kid, int):
            if page is None:
                walk.problems.append(f"{element.S}: MCID {kid} with no page")
            else:
                walk.owners[(page, kid)] = element
        elif kid.get("/Type") == pikepdf.Name.MCR:
            walk.owners[(page_numbers[kid.Pg.objgen], int(kid.MCID))] = element
        elif kid.get("/Type") == pikepdf.Name.OBJR:
            walk.annotations[kid.Obj.objgen] = element
        else:
            _walk(kid, element, page, page_numbers, walk)


def _role(element: pikepdf.Dictionary, role_map: dict[str, str]) -> str:
    role = str(element.S)
    return role_map.get(role, role).lstrip("/")


def _roles(walk: Walk, role_map: dict[str, str]) -> list[str]:
    return [
        f"{element.S}: not a standard structure type, nor mapped to one"
        for element in walk.elements
        if _role(element, role_map) not in STANDARD_TYPES
    ]


def _headings(walk: Walk) -> list[str]:
    found = []
    level = 0
    for element in walk.elements:
        found_level = re.fullmatch(r"/H([1-6])", str(element.S))
        if not found_level:
            continue
        this = int(found_level[1])
        if level == 0 and this != 1:
            found.append(f"the first heading is {element.S}, not /H1")
        elif this > level + 1:
            found.append(f"heading {element.S} after /H{level} skips a level")
        level = this
    return found


def _lists(walk: Walk, role_map: dict[str, str]) -> list[str]:
    found = []
    for element in walk.elements:
        role = _role(element, role_map)
        children = [kid for kid in _kids(element) if isinstance(kid, pikepdf.Dictionary)]
        child_roles = [
            _role(kid, role_map) for kid in children if kid.get("/Type") not in _REFERENCES
        ]
        if role == "L" and (not child_roles or set(child_roles) - {"LI", "Caption", "L"}):
            found.append(f"/L holds {child_roles}, not list items")
        if role == "LI" and ("LBody" not in child_roles or set(child_roles) - {"Lbl", "LBody"}):
            found.append(f"/LI holds {child_roles}, not a label and a body")
        if role in ("LI", "Lbl", "LBody") and _role(element.P, role_map) != _LIST_PARENT[role]:
            found.append(f"{element.S} is not in a {_LIST_PARENT[role]}")
    return found


_REFERENCES = (pikepdf.Name.MCR, pikepdf.Name.OBJR)
_LIST_PARENT = {"LI": "L", "Lbl": "LI", "LBody": "LI"}


def _parent_tree(
    pdf: pikepdf.Pdf, root: pikepdf.Dictionary, marks: list[Marks], walk: Walk
) -> list[str]:
    found = []
    tree = _number_tree(root.get("/ParentTree"))
    next_key = int(root.get("/ParentTreeNextKey", 0))
    if tree and next_key <= max(tree):
        found.append(f"ParentTreeNextKey {next_key} is not above every key")
    for index, (page, page_marks) in enumerate(zip(pdf.pages, marks, strict=True)):
        number = index + 1
        in_tree = {mcid for (at, mcid) in walk.owners if at == index}
        for mcid in sorted(set(page_marks.mcids) - in_tree):
            found.append(f"page {number}: MCID {mcid} is not reached from the structure tree")
        for mcid in sorted(in_tree - set(page_marks.mcids)):
            found.append(f"page {number}: the tree names MCID {mcid}, which the page lacks")
        if not page_marks.mcids:
            continue
        key = page.obj.get("/StructParents")
        if key is None or int(key) not in tree:
            found.append(f"page {number}: no /StructParents entry in the ParentTree")
            continue
        parents = tree[int(key)]
        for mcid in sorted(page_marks.mcids):
            owner = walk.owners.get((index, mcid))
            if mcid >= len(parents) or owner is None or parents[mcid].objgen != owner.objgen:
                found.append(f"page {number}: ParentTree does not give MCID {mcid}'s element")
        for annotation in page.obj.get("/Annots", []):
            found += _annotation(annotation, number, tree, walk)
    return found


def _annotation(
    annotation: pikepdf.Dictionary,
    page: int,
    tree: dict[int, pikepdf.Object],
    walk: Walk,
) -> list[str]:
    where = f"page {page}: {annotation.get('/Subtype')} annotation"
    found = []
    if not str(annotation.get("/Contents", "")).strip():
        found.append(f"{where} has no /Contents")
    owner = walk.annotations.get(annotation.objgen)
    if owner is None:
        return [*found, f"{where} is in no structure element"]
    if str(annotation.get("/Subtype")) == "/Link" and str(owner.S) != "/Link":
        found.append(f"{where} is in a {owner.S}, not a /Link")
    key = annotation.get("/StructParent")
    if key is None or int(key) not in tree or tree[int(key)].objgen != owner.objgen:
        found.append(f"{where}: its /StructParent does not lead to its element")
    return found


def _number_tree(node: pikepdf.Object | None) -> dict[int, pikepdf.Object]:
    if node is None:
        return {}
    entries: dict[int, pikepdf.Object] = {}
    numbers = list(node.get("/Nums", []))
    for key, value in zip(numbers[::2], numbers[1::2], strict=True):
        entries[int(key)] = value
    for kid in node.get("/Kids", []):
        entries.update(_number_tree(kid))
    return entries


# ---------------------------------------------------------------------------- reading order


@dataclass(frozen=True)
class Block:
    """A block element of the structure tree and its text, as a screen reader gets it."""

    role: str
    text: str


def structure_text(data: bytes) -> list[Block]:
    """The block elements of ``data`` in the order of its structure tree, each with its text:
    what ``pdfinfo -struct-text`` shows of each marked-content sequence, or the sequence's
    ``/ActualText`` where it has one (the reading of a hyphenated word or of a line drawn in
    visual order, which poppler does not apply)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tagged.pdf"
        path.write_bytes(data)
        shown = subprocess.run(
            [tools.require("pdfinfo"), "-struct-text", str(path)],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8", "replace")  # an element's /T is printed as raw bytes
    poppler = list(_poppler_items(shown))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        actual = {
            (index, mcid): properties.get("/ActualText")
            for index, page in enumerate(pdf.pages)
            for mcid, properties in _page_marks(page, index + 1).mcids.items()
        }
        ours = list(_tree_items(pdf, actual))
    assert [kind for kind, _ in poppler] == [kind for kind, _ in ours], (poppler, ours)
    blocks: list[Block] = []
    current: list[str] | None = None
    for (kind, shown_text), (_, reading) in zip(poppler, ours, strict=True):
        if kind.startswith("element:"):
            role = kind.removeprefix("element:")
            if role in BLOCKS:
                current = []
                blocks.append(Block(role, ""))
        elif current is not None:
            text = shown_text if reading is None else reading
            blocks[-1] = Block(blocks[-1].role, blocks[-1].text + text)
    return [Block(block.role, " ".join(block.text.split())) for block in blocks]


def _poppler_items(output: str) -> Iterator[tuple[str, str]]:
    """``pdfinfo -struct-text`` as ``("element:ROLE", "")`` and ``("text", TEXT)`` in order."""
    for line in output.splitlines():
        stripped = line.strip()
        if stripped.startswith('"') and stripped.endswith('"'):
            yield ("text", stripped[1:-1])
        elif re.fullmatch(r"[A-Za-z][A-Za-z0-9]*( \(\w+\))?:?|[A-Za-z]+ \".*\"", stripped):
            yield ("element:" + stripped.split()[0].rstrip(":"), "")


def _tree_items(
    pdf: pikepdf.Pdf, actual: dict[tuple[int, int], pikepdf.Object | None]
) -> Iterator[tuple[str, str | None]]:
    page_numbers = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    role_map = {
        str(key): str(value) for key, value in pdf.Root.StructTreeRoot.get("/RoleMap", {}).items()
    }

    def visit(element: pikepdf.Dictionary, page: int | None) -> Iterator[tuple[str, str | None]]:
        role = str(element.S).lstrip("/")
        # poppler names a mapped type by its standard type
        yield ("element:" + role_map.get("/" + role, "/" + role).lstrip("/"), None)
        if "/Pg" in element:
            page = page_numbers[element.Pg.objgen]
        for kid in _kids(element):
            if isinstance(kid, int):
                assert page is not None
                text = actual.get((page, kid))
                yield ("text", None if text is None else str(text))
            elif kid.get("/Type") == pikepdf.Name.MCR:
                text = actual.get((page_numbers[kid.Pg.objgen], int(kid.MCID)))
                yield ("text", None if text is None else str(text))
            elif kid.get("/Type") != pikepdf.Name.OBJR:
                yield from visit(kid, page)

    for kid in _kids(pdf.Root.StructTreeRoot):
        yield from visit(kid, None)
