"""Writing one rendered article to a path or to an open binary file, for library callers."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from exporter.convert.files import write_atomic
from exporter.errors import OutputError, UnknownFormatError
from exporter.model import Article
from exporter.writers import Rendered, ThemeChoice, render_with_warnings
from exporter.writers.registry import Writer, available_writers


def write(
    article: Article,
    target: str | os.PathLike[str] | BinaryIO,
    to: str | None = None,
    theme: ThemeChoice = None,
    *,
    options: Mapping[str, object] | None = None,
) -> Rendered:
    """Render ``article`` and write it to ``target``; return the :class:`Rendered` file.

    ``target`` is a path (written atomically: a reader never sees half a file; the format
    comes from its suffix when ``to`` is ``None``) or a binary file object such as
    ``io.BytesIO`` or a web response (``to`` is then required). ``theme`` and ``options`` are
    as for :func:`~exporter.writers.render`. Raises :class:`~exporter.errors.OutputError` when
    the file cannot be written.

    >>> import io
    >>> from exporter.model import Article
    >>> buffer = io.BytesIO()
    >>> write(Article("Rates on hold"), buffer, "json").writer.media_type
    'application/json'
    >>> buffer.getvalue()[:1]
    b'{'
    """
    if isinstance(target, str | os.PathLike):
        path = Path(target)
        rendered = render_with_warnings(
            article, to or writer_for_path(path).name, theme, options=options
        )
        write_atomic(path, rendered.data)
        return rendered
    if to is None:
        raise UnknownFormatError(
            "writing to a file object needs a format: pass to='pdf' or the like"
        )
    rendered = render_with_warnings(article, to, theme, options=options)
    try:
        target.write(rendered.data)
    except OSError as error:
        name = getattr(target, "name", None)
        raise OutputError(
            f"cannot write: {error.strerror or error}", path=name if isinstance(name, str) else None
        ) from None
    return rendered


def writer_for_path(path: Path) -> Writer:
    """The writer whose file extension ``path`` has (``brief.pdf`` → the PDF writer)."""
    suffix = path.suffix.lower()
    writers = available_writers()
    for writer in writers:
        if writer.extension.lower() == suffix:
            return writer
    known = ", ".join(f"{writer.extension} ({writer.name})" for writer in writers)
    raise UnknownFormatError(
        f"cannot tell the format of {path.name!r} from its extension; pass to= "
        f"or use one of: {known}",
        path=path,
    )
