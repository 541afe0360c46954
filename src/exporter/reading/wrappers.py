"""What wraps a brief's text when it arrives by e-mail, and the source line under it.

A brief pasted from an e-mail starts with header lines (``Subject:``, ``From:``, ``Date:``,
``To:``, ``Cc:``), then often a greeting (``Hi all,``), and ends with a signature (a ``-- `` line
and everything below it). The headers give the title (without ``Re:``/``Fwd:``), the author (the
sender's display name) and the date; the greeting and the signature are dropped. A ``Source:``
or ``Via:`` line at the very end names where the story comes from. Every part recognised here is
reported in a note naming its line, so nothing vanishes without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exporter.model import ParseWarning

_HEADER = re.compile(
    r"^(?P<name>subject|from|date|to|cc|bcc|sent|reply-to|betreff|von|objet|de|asunto|oggetto|"
    r"onderwerp)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_TITLE_HEADERS = frozenset({"subject", "betreff", "objet", "asunto", "oggetto", "onderwerp"})
_FROM_HEADERS = frozenset({"from", "von", "de"})
_REPLY_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|aw|wg|tr|rv|sv|vs|antw|r)\s*:\s*|\[[^\]]*\]\s*)+", re.I
)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|greetings|bonjour|salut|"
    r"chers?|hallo|liebe[rs]?|guten\s+(?:morgen|tag)|hola|estimad[oa]s?|buongiorno|ciao|cari|"
    r"olá|caros?|beste|hoi|dzień\s+dobry|здравствуйте|привет|merhaba)\b[^.!?]{0,40}[,!:—–]?$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^--\s?$")
_SOURCE = re.compile(
    r"^(?:sources?|via|credit|quelle|quellen|fuente|fuentes|fonte|fontes|bron|bronnen|źródło|"
    r"источник|kaynak)\s*[:：]\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class EmailWrapper:
    """What an e-mail wrapper said, and the lines of the brief left once it is taken off."""

    lines: list[str]
    first_number: int
    title: str | None = None
    title_line: int | None = None
    author: str | None = None
    date: str | None = None
    date_line: int | None = None
    notes: tuple[ParseWarning, ...] = field(default=())


def unwrap_email(lines: list[str], first_number: int) -> EmailWrapper:
    """``lines`` (numbered from ``first_number``) without an e-mail's headers, greeting and
    signature; what the headers said. Lines that are no e-mail come back unchanged."""
    headers: list[tuple[str, str, int]] = []
    index = 0
    while index < len(lines) and (match := _HEADER.match(lines[index].strip())):
        value = match["value"].strip()
        while (
            index + 1 < len(lines)
            and lines[index + 1][:1] in (" ", "\t")
            and lines[index + 1].strip()
        ):
            index += 1  # a folded header continues on an indented line
            value = f"{value} {lines[index].strip()}"
        headers.append((match["name"].lower(), value, first_number + index))
        index += 1
    names = {name for name, _, _ in headers}
    if len(headers) < 2 or not names & (_TITLE_HEADERS | _FROM_HEADERS):
        return EmailWrapper(lines, first_number)
    notes = [
        _note(
            headers[0][2],
            f"read lines {headers[0][2]}–{headers[-1][2]} as e-mail headers: "
            + "; ".join(f"{name}: {value}" for name, value, _ in headers),
        )
    ]
    wrapper = _from_headers(headers)
    body = lines[index:]
    start = first_number + index
    body, start, greeting = _without_greeting(body, start)
    if greeting is not None:
        notes.append(_note(greeting[0], f"dropped the greeting {greeting[1]!r}"))
    body, signature = _without_signature(body, start)
    if signature is not None:
        notes.append(_note(signature[0], f"dropped the signature: {signature[1]}"))
    return EmailWrapper(
        body,
        start,
        wrapper.title,
        wrapper.title_line,
        wrapper.author,
        wrapper.date,
        wrapper.date_line,
        tuple(notes),
    )


def _folded(line: str) -> bool:
    return line[:1] in (" ", "\t") and bool(line.strip())


def _from_headers(headers: list[tuple[str, str, int]]) -> EmailWrapper:
    import email.utils  # ~5 ms of imports: only for a brief with e-mail headers

    title = title_line = author = when = date_line = None
    for name, value, number in headers:
        if name in _TITLE_HEADERS and title is None:
            title = _REPLY_PREFIX.sub("", value).strip() or None
            title_line = number
        elif name in _FROM_HEADERS and author is None:
            author = email.utils.parseaddr(value)[0].strip() or None
        elif name in ("date", "sent") and when is None:
            when = _header_date(value)
            date_line = number
    return EmailWrapper([], 0, title, title_line, author, when, date_line)


def _header_date(value: str) -> str | None:
    import email.utils

    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        from exporter.reading.bylines import read_date

        return read_date(value, None)


def _without_greeting(
    lines: list[str], start: int
) -> tuple[list[str], int, tuple[int, str] | None]:
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _GREETING.match(lines[first].strip()):
        return lines, start, None
    return lines[first + 1 :], start + first + 1, (start + first, lines[first].strip())


def _without_signature(lines: list[str], start: int) -> tuple[list[str], tuple[int, str] | None]:
    cut = next((i for i, line in enumerate(lines) if _SIGNATURE.match(line.rstrip("\n"))), None)
    if cut is None:
        return lines, None
    signature = " / ".join(line.strip() for line in lines[cut + 1 :] if line.strip())
    return lines[:cut], (start + cut, signature or "(empty)")


def source_of(text: str) -> str | None:
    """What a ``Source:``/``Via:`` line names, or ``None`` when ``text`` is no source line.

    >>> source_of("Source: https://example.org/report"), source_of("Via: Reuters")
    ('https://example.org/report', 'Reuters')
    """
    match = _SOURCE.match(text.strip())
    return match["value"].strip() if match else None


def _note(line: int, message: str) -> ParseWarning:
    return ParseWarning(line, message, severity="note")
