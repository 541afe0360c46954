"""The words exporter adds to a handout, in the brief's language: one resolution for every format.

A handout carries text that is not the brief's: the running header and footer, the byline's
wording (``By …``, ``Par …``), the source line's label, the contents heading, a link's
description for assistive technology, the key-points label. The theme gives each as a string or
as a table by language tag (``[wording]``, ``[header]``, ``[footer]``, ``[key_points]``), and
:func:`words_for` picks them for one brief with the one lookup rule
(:func:`exporter.text.languages.for_language`, falling back to the theme's first entry), so the
DOCX, PDF, EPUB and HTML handouts say the same words.

Dates, lists of names and numbers are formatted by the brief's locale with CLDR's data through
`Babel <https://babel.pocoo.org/>`_. Babel costs ~25 ms to import and ~5 ms per locale, so it is
imported only when something needs it (a calendar date, two or more authors, native digits) and
each locale is loaded once per process; a brief without them never imports it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from exporter.model import Article
from exporter.text.languages import FALLBACK_LANGUAGE, document_language, translated

if TYPE_CHECKING:
    from babel import Locale

    from exporter.theme import HeaderFooter, Theme

#: The digits of CLDR's numeric numbering systems (``common/supplemental/numberingSystems.xml``)
#: that a language may name as its native one; Babel knows each locale's system by name only.
NUMBERING_SYSTEM_DIGITS = {
    "arab": "٠١٢٣٤٥٦٧٨٩",
    "arabext": "۰۱۲۳۴۵۶۷۸۹",
    "beng": "০১২৩৪৫৬৭৮৯",
    "deva": "०१२३४५६७८९",
    "gujr": "૦૧૨૩૪૫૬૭૮૯",
    "guru": "੦੧੨੩੪੫੬੭੮੯",
    "hanidec": "〇一二三四五六七八九",
    "khmr": "០១២៣៤៥៦៧៨៩",
    "knda": "೦೧೨೩೪೫೬೭೮೯",
    "laoo": "໐໑໒໓໔໕໖໗໘໙",
    "latn": "0123456789",
    "mlym": "൦൧൨൩൪൫൬൭൮൯",
    "mymr": "၀၁၂၃၄၅၆၇၈၉",
    "orya": "୦୧୨୩୪୫୬୭୮୯",
    "tamldec": "௦௧௨௩௪௫௬௭௮௯",
    "telu": "౦౧౨౩౪౫౬౭౮౯",
    "thai": "๐๑๒๓๔๕๖๗๘๙",
    "tibt": "༠༡༢༣༤༥༦༧༨༩",
}
_LATIN_DIGITS = NUMBERING_SYSTEM_DIGITS["latn"]
# A calendar date as the model keeps it.
_CALENDAR_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Words:
    """The words of one handout, resolved for its language (see the module docstring).

    ``header`` and ``footer`` are the running templates; ``byline``, ``source`` and ``link``
    are templates with ``{authors}``, ``{source}`` and ``{target}``; ``contents`` and
    ``key_points`` are labels. ``date_style`` is a CLDR date length or ``iso``; ``digits`` are
    the ten digits numbers are written with.
    """

    language: str
    header: HeaderFooter
    footer: HeaderFooter
    byline: str
    source: str
    contents: str
    link: str
    key_points: str
    date_style: str = "long"
    digits: str = _LATIN_DIGITS

    def number(self, value: int) -> str:
        """``value`` in this handout's digits.

        >>> from exporter.theme import HeaderFooter
        >>> Words("ar", HeaderFooter(), HeaderFooter(), "", "", "", "", "",
        ...       digits=NUMBERING_SYSTEM_DIGITS["arab"]).number(2024)
        '٢٠٢٤'
        """
        return self.localise_digits(str(value))

    def localise_digits(self, text: str) -> str:
        """``text`` with its Latin digits written in this handout's digits."""
        if self.digits == _LATIN_DIGITS:
            return text
        return text.translate(str.maketrans(_LATIN_DIGITS, self.digits))

    def date(self, value: str | None) -> str:
        """The brief's date as the language writes it (``1 décembre 2024``), in this handout's
        digits, when it is a calendar date and CLDR knows the language; in ``iso`` style, the
        calendar date in this handout's digits; any other date exactly as the brief wrote it."""
        value = (value or "").strip()
        moment = _calendar_date(value)
        if moment is None:
            return value
        locale = None if self.date_style == "iso" else babel_locale(self.language)
        if locale is None:
            return self.localise_digits(value)
        from babel.dates import format_date  # ~25 ms: only for a brief with a calendar date

        return self.localise_digits(format_date(moment, self.date_style, locale=locale))

    def names(self, names: Sequence[str]) -> str:
        """``names`` joined as the language joins a list (``A, B and C``, ``A, B et C``)."""
        names = [name.strip() for name in names if name.strip()]
        if len(names) < 2:
            return "".join(names)
        locale = babel_locale(self.language)
        if locale is None:
            return ", ".join(names)
        from babel.lists import format_list  # only for a brief with two or more authors

        return format_list(names, locale=locale)

    def credit(self, names: Sequence[str]) -> str:
        """The byline's wording around the names (``By A and B``); empty without names."""
        joined = self.names(names)
        return self.byline.replace("{authors}", joined) if joined else ""

    def source_line(self, source: str) -> str:
        """The line naming the story's source (``Source: …``, ``Quelle: …``)."""
        return self.source.replace("{source}", source.strip())

    def link_description(self, target: str) -> str:
        """A link's description for assistive technology (a tagged PDF's ``/Contents``)."""
        return self.link.replace("{target}", target)


def words_for(article: Article, theme: Theme) -> Words:
    """The words of ``article``'s handout in ``theme``, in the brief's language.

    Cheap: it picks strings and never imports Babel unless the theme asks for native digits.
    """
    return _words(document_language(article), theme)


@functools.lru_cache(maxsize=64)  # asked for several times per handout, and per format
def _words(language: str, theme: Theme) -> Words:
    lookup = None if language == FALLBACK_LANGUAGE else language
    wording = theme.wording
    numbers = translated(wording.numbers, wording.numbers_translations, lookup)
    return Words(
        language=language,
        header=theme.header.for_language(lookup),
        footer=theme.footer.for_language(lookup),
        byline=translated(wording.byline, wording.byline_translations, lookup),
        source=translated(wording.source, wording.source_translations, lookup),
        contents=translated(wording.contents, wording.contents_translations, lookup),
        link=translated(wording.link, wording.link_translations, lookup),
        key_points=theme.key_points.label_for(lookup),
        date_style=translated(wording.date, wording.date_translations, lookup),
        digits=native_digits(language) if numbers == "native" else _LATIN_DIGITS,
    )


def _calendar_date(value: str) -> date | None:
    """``value`` as a date when it is a calendar date as the model keeps it (``YYYY-MM-DD``)."""
    if not _CALENDAR_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:  # 2024-13-45
        return None


def native_digits(language: str) -> str:
    """The ten digits of the native numbering system CLDR gives ``language`` (Latin when it
    has none, or none exporter knows the digits of).

    >>> native_digits("ar"), native_digits("fa"), native_digits("en")
    ('٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹', '0123456789')
    """
    locale = babel_locale(language)
    if locale is None:
        return _LATIN_DIGITS
    system = locale.other_numbering_systems.get("native", "latn")
    return NUMBERING_SYSTEM_DIGITS.get(system, _LATIN_DIGITS)


@functools.lru_cache(maxsize=64)
def babel_locale(language: str) -> Locale | None:
    """Babel's locale for a normalised tag, loaded once per process; ``None`` when CLDR has no
    data for it (or it is ``und``)."""
    if not language or language == FALLBACK_LANGUAGE:
        return None
    from babel import Locale, UnknownLocaleError  # ~20 ms, once

    try:
        return Locale.parse(language, sep="-")
    except (UnknownLocaleError, ValueError):
        return None
