"""No silent substitution: a theme family that cannot be found is a warning.

A family is found when the theme gives its files, exporter bundles it, or fontconfig lists it
(:func:`~exporter.fonts.discovery.family_face`). When it is not, the handout is set in the next
family of the chain that is, and the warning names both, with a suggestion when a bundled or
installed family has a close name (``"Noto Sanz"`` → ``did you mean "Noto Sans"?``).
"""

from __future__ import annotations

import functools

from exporter.fonts.discovery import (
    FACES,
    Region,
    bundled_families,
    chain_families,
    cjk_region,
    family_face,
    regional_family,
)
from exporter.fonts.fontconfig import system_families
from exporter.model import Article, ParseWarning
from exporter.theme import Font, Theme

_ROLES = ("body", "heading", "title")

# How close a known family name must be to be suggested (difflib's ratio): "Noto Sanz" and
# "Noto Sans" are 0.89, unrelated names of shared words ("Comic Sans MS", "Noto Sans") 0.55.
_SUGGESTION_CUTOFF = 0.8


def font_warnings(article: Article, theme: Theme) -> list[ParseWarning]:
    """One warning per theme family that cannot be found, in the brief's language (which picks
    the regional font of pan-CJK families).

    >>> from exporter.theme import Fonts
    >>> theme = Theme(fonts=Fonts(body=Font("Noto Sanz", fallbacks=("DejaVu Serif",))))
    >>> print(font_warnings(Article(title="x"), theme)[0].message)
    theme font "Noto Sanz" (fonts.body) is not bundled, installed or given as files; the \
handout is set in "DejaVu Serif" instead — did you mean "Noto Sans"?
    """
    return list(_warnings(theme, cjk_region(article.metadata.language)))


@functools.cache
def _warnings(theme: Theme, region: Region) -> tuple[ParseWarning, ...]:
    roles: dict[str, list[str]] = {}
    fonts: dict[str, Font] = {}
    for role in _ROLES:
        font: Font = getattr(theme.fonts, role)
        roles.setdefault(font.family, []).append(f"fonts.{role}")
        fonts.setdefault(font.family, font)
    return tuple(
        ParseWarning(None, _message(font, roles[family], region))
        for family, font in fonts.items()
        if not _available(font, region)
    )


def _available(font: Font, region: Region) -> bool:
    family = regional_family(font.family, region)
    return any(family_face(font, family, face) is not None for face in FACES)


def _message(font: Font, roles: list[str], region: Region) -> str:
    used = chain_families(font, "regular", region)[0][0]
    return (
        f'theme font "{font.family}" ({", ".join(roles)}) is not bundled, installed or given '
        f'as files; the handout is set in "{used}" instead{_suggestion(font.family)}'
    )


def _suggestion(family: str) -> str:
    import difflib  # for a suggestion, after a mistake: not at start-up

    known = {name.casefold(): name for name in (*system_families(), *bundled_families())}
    close = difflib.get_close_matches(family.casefold(), known, n=1, cutoff=_SUGGESTION_CUTOFF)
    return f' — did you mean "{known[close[0]]}"?' if close else ""
