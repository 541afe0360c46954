"""A Markdown brief with every inline span, a quote, heading levels and a nested list: the input
of the writer tests that read each format back (end to end, through the reader)."""

from __future__ import annotations

from exporter.model import Article
from exporter.reading.parser import parse_text

MARKED_BRIEF = """\
---
author: Ana Souza
role: Health Reporter
date: 2024-05-04
language: en
source: https://example.org/wire/clinics
---
# Clinics extend hours

Key points:

- Clinics open *until nine*
- See [the plan](https://example.org/plan)

Health officials said on **Friday** that clinics will *stay open* later, using `rota-v2` and
[the **new** rota `tool`](https://example.org/rota) from www.example.org/a.
A *__bold quip__* here.\\
A second line after a hard break.

## What changes

> Quoted **words** from the minister.
>
> A second quoted paragraph.

- Weekday hours
  - Until nine
  - Until ten on *Fridays*
- Weekend hours

### Staffing

1. Nurses first
2. Doctors next

#### Night shifts

Rotas for the night.

## Next steps

Some text.
"""

#: The links of :data:`MARKED_BRIEF`'s body, in order, with the text of each.
BODY_LINKS = (
    ("the new rota tool", "https://example.org/rota"),
    ("www.example.org/a", "https://www.example.org/a"),
)


def marked_article() -> Article:
    """:data:`MARKED_BRIEF`, read as a ``.md`` brief."""
    return parse_text(MARKED_BRIEF, "brief.md")
