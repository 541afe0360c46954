"""Tagged PDF with reportlab: a structure tree in reading order, every graphics object marked
as content or artifact, the catalog and metadata of PDF/UA-1, all written by reportlab itself.

- :mod:`.structure`: the elements and the ``StructTreeRoot`` / ``ParentTree`` objects;
- :mod:`.content`: marked content in the page's code list and in text objects;
- :mod:`.reading`: how each drawn line reads (spaces at line ends, hyphenated words,
  lines in visual order);
- :mod:`.paragraph`: paragraphs that know their elements; :mod:`.tagger`: the drawing state;
- :mod:`.canvas`: the canvas that puts it together; :mod:`.metadata`: the XMP packet.
"""
