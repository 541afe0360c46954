"""Language tags: one grammar, one normal form and one fallback for every entry point and format.

A tag reaches exporter from front matter (``language: EN_gb``), from ``--lang``, from a library
call (``parse_text(..., language=...)``), from a theme's label tables, or from detection. Each is
normalised here, once, with `langcodes <https://pypi.org/project/langcodes/>`_ (IANA registry
aliases, canonical case, redundant scripts dropped: ``EN_gb`` → ``en-GB``, ``iw`` → ``he``,
``en-Latn`` → ``en``), and every format writes the same tag. When a brief's language is unknown,
every format says so the same way: :data:`FALLBACK_LANGUAGE`.

langcodes' data takes ~80 ms to import, most of a handout's start-up budget, so the tags that are
already in their normal form (``en``, ``pt-BR``: nearly every tag met in practice) are recognised
without it; a test checks that this shortcut agrees with langcodes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import TypeVar

from exporter.model import Article

#: What every format writes when a brief's language is unknown: BCP 47's "undetermined".
FALLBACK_LANGUAGE = "und"

# Tags in their normal form that langcodes would return unchanged: a two-letter language,
# optionally one of SCRIPTS_KEPT's scripts, optionally a two-letter region, none of them a
# deprecated code (see DEPRECATED_*).
_CANONICAL_SHORT = re.compile(
    r"(?P<language>[a-z]{2})(?:-(?P<script>[A-Z][a-z]{3}))?(?:-(?P<region>[A-Z]{2}))?"
)
#: Language and script pairs written with their script in normal form (the script is not the
#: language's only one): the shipped themes' ``zh-Hant`` labels are met by every run.
SCRIPTS_KEPT = frozenset({"zh-Hans", "zh-Hant", "sr-Cyrl", "sr-Latn"})
#: Two-letter language subtags that langcodes replaces (``iw`` → ``he``).
DEPRECATED_LANGUAGES = frozenset({"in", "iw", "ji", "jw", "mo", "sh", "tl"})
#: Two-letter region subtags that langcodes replaces (``UK`` → ``GB``).
DEPRECATED_REGIONS = frozenset(
    {"AN", "BU", "CS", "CT", "DD", "DY", "FQ", "FX", "HV", "JT", "MI", "NH", "NQ", "NT"}
    | {"PC", "PU", "PZ", "QU", "RH", "SU", "TP", "UK", "VD", "WK", "YD", "YU", "ZR"}
)
# Chinese regions whose tag implies the traditional script (for lookups by language).
_IMPLIED_SCRIPT = {"zh-TW": "zh-Hant-TW", "zh-HK": "zh-Hant-HK", "zh-MO": "zh-Hant-MO"}

Value = TypeVar("Value")


class LanguageTagError(ValueError):
    """A string that is not a BCP 47 language tag."""


def normalise_language(tag: str) -> str:
    """``tag`` as a normalised BCP 47 tag; :class:`LanguageTagError` when it is not one.

    >>> normalise_language("EN_gb"), normalise_language(" ru "), normalise_language("iw")
    ('en-GB', 'ru', 'he')
    >>> normalise_language("english")
    Traceback (most recent call last):
    exporter.text.languages.LanguageTagError: 'english' is not a language tag such as en, ...
    """
    found = _normalised(tag.strip().replace("_", "-"))
    if found is None:
        raise LanguageTagError(f"{tag!r} is not a language tag such as en, pt-BR or zh-Hans")
    return found


def is_language_tag(tag: str) -> bool:
    """Whether ``tag`` is a BCP 47 tag (in any case, with ``-`` or ``_``)."""
    return _normalised(tag.strip().replace("_", "-")) is not None


@functools.lru_cache(maxsize=256)
def _normalised(tag: str) -> str | None:
    short = _CANONICAL_SHORT.fullmatch(tag)
    if (
        short is not None
        and short["language"] not in DEPRECATED_LANGUAGES
        and short["region"] not in DEPRECATED_REGIONS
        and (short["script"] is None or f"{short['language']}-{short['script']}" in SCRIPTS_KEPT)
    ):
        return tag
    return _standardised(tag)


def _standardised(tag: str) -> str | None:
    import langcodes  # ~80 ms: only for tags not already in their normal form

    try:
        parsed = langcodes.Language.get(tag, normalize=True)
    except ValueError:  # langcodes' LanguageTagError is a ValueError
        return None
    # langcodes reads a lone region ("123") or script as a tag; a language tag needs a language.
    if not (parsed.language and parsed.language.isalpha()):
        return None
    return langcodes.standardize_tag(parsed)


def primary_language(tag: str) -> str:
    """The language subtag of a normalised ``tag``: ``pt-BR`` → ``pt``."""
    return tag.split("-", 1)[0].lower()


def script_subtag(tag: str) -> str | None:
    """The script subtag of ``tag``, lower-case (``sr-Latn`` → ``latn``), if it has one."""
    for subtag in tag.lower().replace("_", "-").split("-")[1:]:
        if len(subtag) == 4 and subtag.isalpha():
            return subtag
        if len(subtag) == 1:  # an extension or private use: no script after it
            break
    return None


def region_subtag(tag: str) -> str | None:
    """The region subtag of ``tag``, lower-case (``zh-Hant-TW`` → ``tw``), if it has one.

    >>> region_subtag("zh-Hant-TW"), region_subtag("es-419"), region_subtag("zh")
    ('tw', '419', None)
    """
    for subtag in tag.lower().replace("_", "-").split("-")[1:]:
        if (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
            return subtag
        if len(subtag) == 1:  # an extension or private use: no region after it
            break
    return None


def document_language(article: Article) -> str:
    """The language every format declares for ``article``: its normalised tag, or
    :data:`FALLBACK_LANGUAGE` when the brief's language is unknown (or, in a hand-built
    article, not a tag).

    >>> from exporter.model import Metadata
    >>> document_language(Article("x", metadata=Metadata(language="pt_br")))
    'pt-BR'
    >>> document_language(Article("x"))
    'und'
    """
    language = article.metadata.language
    if not language:
        return FALLBACK_LANGUAGE
    return _normalised(language.strip().replace("_", "-")) or FALLBACK_LANGUAGE


def for_language(table: Mapping[str, Value], language: str | None) -> Value | None:
    """The entry of ``table`` (keyed by language tag) for ``language``: its own, else that of a
    broader tag (``pt-BR`` finds ``pt``; ``zh-TW`` finds ``zh-Hant``, then ``zh``); ``None``
    when none fits.

    >>> labels = {"pt": "Pontos-chave", "zh-Hant": "要點", "zh": "要点"}
    >>> for_language(labels, "pt-BR"), for_language(labels, "zh-TW"), for_language(labels, "de")
    ('Pontos-chave', '要點', None)
    """
    if not language or not table:
        return None
    by_tag = {tag.lower(): value for tag, value in table.items()}
    tag = language.strip().replace("_", "-")
    subtags = _IMPLIED_SCRIPT.get(_normalised(tag) or tag, tag).lower().split("-")
    for end in range(len(subtags), 0, -1):
        found = by_tag.get("-".join(subtags[:end]))
        if found is not None:
            return found
    return None


def translated(text: str, translations: Iterable[tuple[str, str]], language: str | None) -> str:
    """``text`` in ``language``: its own translation, else that of a broader tag (``pt-BR``
    finds ``pt``), else ``text`` (the theme's first entry, or its only one).

    >>> pages = (("en", "Page {page}"), ("de", "Seite {page}"))
    >>> translated("Page {page}", pages, "de-AT"), translated("Page {page}", pages, "ko")
    ('Seite {page}', 'Page {page}')
    """
    found = for_language(dict(translations), language)
    return text if found is None else found
