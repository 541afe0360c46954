"""Key-points labels: the words editors put above (or in front of) a brief's key points.

``Key takeaways:`` above a list, ``## Key Points``, ``L'essentiel :``, ``Auf einen Blick``, or a
single labelled line, ``TL;DR: the bank held rates.`` The table holds the labels editors use in
English and in every language the shipped themes label the key-points box in (see
``styles/*.toml``), compared case-insensitively with the punctuation around them ignored.
"""

from __future__ import annotations

import re
import unicodedata

#: The labels, by language, as editors write them (lower-case; apostrophes as typed).
LABELS: dict[str, tuple[str, ...]] = {
    "en": (
        "key points",
        "key point",
        "key takeaways",
        "key takeaway",
        "takeaways",
        "takeaway",
        "key facts",
        "key findings",
        "key messages",
        "key highlights",
        "main points",
        "highlights",
        "at a glance",
        "in brief",
        "brief",
        "the essentials",
        "essentials",
        "what to know",
        "what you need to know",
        "need to know",
        "tl;dr",
        "tldr",
        "tl dr",
        "summary",
        "in short",
        "bottom line",
        "the bottom line",
        "quick read",
        "the gist",
    ),
    "fr": (
        "l'essentiel",
        "essentiel",
        "points clés",
        "points-clés",
        "les points clés",
        "en bref",
        "à retenir",
        "ce qu'il faut retenir",
        "résumé",
        "en résumé",
        "en un coup d'œil",
    ),
    "de": (
        "auf einen blick",
        "das wichtigste",
        "das wichtigste in kürze",
        "in kürze",
        "kurz gesagt",
        "zusammenfassung",
        "kernpunkte",
        "die wichtigsten punkte",
        "kurz & knapp",
        "kurz und knapp",
    ),
    "es": (
        "puntos clave",
        "claves",
        "las claves",
        "en resumen",
        "resumen",
        "lo esencial",
        "de un vistazo",
        "en breve",
        "lo que hay que saber",
    ),
    "it": (
        "punti chiave",
        "in breve",
        "in sintesi",
        "l'essenziale",
        "sintesi",
        "riassunto",
        "in pillole",
    ),
    "pt": (
        "pontos-chave",
        "pontos chave",
        "em resumo",
        "resumo",
        "o essencial",
        "em destaque",
        "principais pontos",
    ),
    "nl": ("kernpunten", "in het kort", "samenvatting", "het belangrijkste", "in een oogopslag"),
    "pl": ("najważniejsze", "w skrócie", "podsumowanie", "kluczowe punkty", "w pigułce"),
    "ru": ("главное", "коротко", "кратко", "основное", "ключевые моменты", "коротко о главном"),
    "uk": ("головне", "коротко", "ключові моменти", "стисло", "основне"),
    "tr": ("öne çıkanlar", "bir bakışta", "özet", "kısaca", "ana başlıklar"),
    "el": ("βασικά σημεία", "με μια ματιά", "συνοπτικά", "περίληψη", "εν συντομία"),
    "ar": ("أبرز النقاط", "باختصار", "النقاط الرئيسية", "ملخص", "الخلاصة"),
    "fa": ("نکات کلیدی", "در یک نگاه", "خلاصه", "به طور خلاصه"),
    "he": ("עיקרי הדברים", "בקצרה", "תקציר", "נקודות עיקריות"),
    "ja": ("要点", "ポイント", "まとめ", "概要", "要約"),
    "ko": ("핵심 요약", "한눈에 보기", "요약", "핵심", "주요 내용"),
    "zh": ("要点", "速览", "摘要", "重点", "要點", "速覽", "重點", "概要"),
}

# Markup editors wrap a label in (**Key points:**, _Summary_), and the punctuation after it.
_DECORATION = "*_#"
_AFTER_LABEL = ":：.—–-"
_LABEL_AND_TEXT = re.compile(r"^(?P<label>[^:：]{1,40}?)\s*[:：]\s*(?P<text>\S.*)$")


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().replace("’", "'")
    return " ".join(text.split())


_KNOWN = frozenset(_normal(label) for labels in LABELS.values() for label in labels)


def is_label(text: str) -> bool:
    """Whether ``text`` is a key-points label line and nothing else.

    >>> is_label("Key takeaways:"), is_label("**L’essentiel :**"), is_label("## At a Glance")
    (True, True, True)
    >>> is_label("Key points for investors were few.")
    False
    """
    core = text.strip().strip(_DECORATION).strip()
    core = core.rstrip(_AFTER_LABEL + " ").strip(_DECORATION).strip()
    return _normal(core) in _KNOWN


def labelled_point(text: str) -> str | None:
    """The key point of a single labelled line (``TL;DR: one sentence.``), or ``None``.

    >>> labelled_point("TL;DR: The bank held rates.")
    'The bank held rates.'
    >>> labelled_point("Background: The 2024 Tightening Cycle") is None
    True
    """
    match = _LABEL_AND_TEXT.match(text.strip())
    if match is None or not is_label(match["label"]):
        return None
    return match["text"].strip().strip(_DECORATION).strip() or None
