"""The one timestamp a document carries, chosen so that builds are reproducible.

Writers never read the clock. A document is dated by its brief (front-matter ``date``); without
one, by ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention); without that, by a fixed
epoch, so the same brief, theme and version always give the same bytes.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from exporter.model import Article

#: Used when neither the brief nor the environment says when a document was made.
FALLBACK_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)

# ZIP timestamps cannot go before 1980.
_ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)


def document_timestamp(article: Article) -> datetime:
    """When the document was made, as an aware UTC datetime (see the module docstring)."""
    brief_date = parse_brief_date(article.metadata.date)
    if brief_date is not None:
        return brief_date
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return FALLBACK_EPOCH


def zip_timestamp(article: Article) -> tuple[int, int, int, int, int, int]:
    """The ``date_time`` for ZIP entries (DOCX, EPUB): the document time, not before 1980."""
    moment = max(document_timestamp(article), _ZIP_EPOCH)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def parse_brief_date(value: str | None) -> datetime | None:
    """Read an ISO 8601 date or date-time from front matter; ``None`` when it is not one."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(value), datetime.min.time())
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
