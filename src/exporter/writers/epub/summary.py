"""The EPUB's accessibility summary (``schema:accessibilitySummary``) in the book's language.

This is text exporter itself writes into every book, so it is translated here rather than in
a theme: one table keyed by BCP 47 tag, for the languages the shipped themes label, looked up
with the same fallback as the key-points label (:func:`exporter.text.languages.for_language`),
and English for any other language. Every sentence must stay true of every book
:mod:`exporter.writers.epub.package` builds: one reflowable XHTML document of text with
headings, a navigation document and links, and a cover page whose one image (the cover) has
the title as its text alternative; no audio, video or scripts.
"""

from __future__ import annotations

from exporter.text.languages import for_language

#: The summary by language tag; the first is the fallback.
SUMMARIES: dict[str, str] = {
    "en": (
        "A reflowable, text-only article with a table of contents, headings that mark its "
        "structure and a single logical reading order; readers can change its fonts, sizes and "
        "colours. It contains no audio, video or scripts."
    ),
    "ar": (
        "مقالة نصية فقط بتنسيق مرن، فيها جدول محتويات، وعناوين تبيّن بنيتها، وترتيب قراءة "
        "منطقي واحد؛ ويستطيع القارئ تغيير خطوطها وأحجامها وألوانها. لا تحتوي على صوت "
        "أو فيديو أو نصوص برمجية."
    ),
    "de": (
        "Ein reiner Textartikel mit fließendem Layout, Inhaltsverzeichnis, Überschriften, die "
        "seine Gliederung kennzeichnen, und einer einzigen logischen Lesereihenfolge; "
        "Schriftarten, Schriftgrößen und Farben lassen sich beim Lesen ändern. Er enthält keine "
        "Audio- und Videoinhalte und keine Skripte."
    ),
    "el": (
        "Άρθρο μόνο με κείμενο και ρευστή διάταξη, με πίνακα περιεχομένων, επικεφαλίδες που "
        "δείχνουν τη δομή του και μία ενιαία λογική σειρά ανάγνωσης· ο αναγνώστης μπορεί να "
        "αλλάξει γραμματοσειρές, μεγέθη και χρώματα. Δεν περιέχει ήχο, βίντεο ή "
        "σενάρια εντολών."
    ),
    "es": (
        "Un artículo solo de texto y de diseño adaptable, con índice, encabezados que marcan su "
        "estructura y un único orden de lectura lógico; el lector puede cambiar sus fuentes, "
        "tamaños y colores. No contiene audio, vídeo ni scripts."
    ),
    # Persian joins some word parts with a zero-width non-joiner (U+200C), written out here.
    "fa": (
        "مقاله\u200cای فقط متنی با صفحه\u200cآرایی روان، دارای فهرست مطالب، عنوان\u200cهایی که "
        "ساختار آن را نشان می\u200cدهند و تنها یک ترتیب منطقی برای خواندن؛ خواننده "
        "می\u200cتواند قلم\u200cها، اندازه\u200cها و رنگ\u200cهای آن را تغییر دهد. هیچ "
        "صدا، ویدئو یا اسکریپتی ندارد."
    ),
    # French sets a narrow no-break space (U+202F) before a semicolon.
    "fr": (
        "Un article en texte seul, à mise en page recomposable, avec une table des matières, "
        "des titres qui en marquent la structure et un ordre de lecture logique unique\u202f; "
        "le lecteur peut en changer les polices, les tailles et les couleurs. Il ne contient ni "
        "audio, ni vidéo, ni scripts."
    ),
    "he": (
        "מאמר הכולל טקסט בלבד בפריסה גמישה, עם תוכן עניינים, כותרות המסמנות את מבנהו וסדר "
        "קריאה הגיוני אחד; הקוראים יכולים לשנות את הגופנים, הגדלים והצבעים שלו. אין בו "
        "שמע, וידאו או סקריפטים."
    ),
    "it": (
        "Un articolo di solo testo con impaginazione fluida, indice, titoli che ne indicano la "
        "struttura e un unico ordine di lettura logico; chi legge può cambiarne caratteri, "
        "dimensioni e colori. Non contiene audio, video né script."
    ),
    "ja": (
        "目次、構成を示す見出し、一つの論理的な読み順を備えた、テキストのみのリフロー型の記事"
        "です。フォント、文字サイズ、色は読者が変更できます。音声、動画、スクリプトは含ま"
        "れていません。"
    ),
    "ko": (
        "목차, 구조를 나타내는 제목, 하나의 논리적인 읽기 순서를 갖춘 텍스트 전용 리플로우형 "
        "기사입니다. 글꼴, 글자 크기, 색상은 독자가 바꿀 수 있습니다. 오디오, 동영상, "
        "스크립트는 포함되어 있지 않습니다."
    ),
    "nl": (
        "Een artikel met alleen tekst en een herschikbare opmaak, met een inhoudsopgave, koppen "
        "die de structuur aangeven en één logische leesvolgorde; lezers kunnen lettertypen, "
        "lettergrootte en kleuren aanpassen. Het bevat geen audio, video of "
        "scripts."
    ),
    "pl": (
        "Artykuł zawierający wyłącznie tekst, o układzie dopasowującym się do ekranu, ze spisem "
        "treści, nagłówkami oznaczającymi jego strukturę i jedną logiczną kolejnością czytania; "
        "czytelnik może zmienić czcionki, ich rozmiar i kolory. Nie zawiera dźwięku, "
        "wideo ani skryptów."
    ),
    "pt": (
        "Um artigo só de texto, com layout ajustável, índice, títulos que marcam a sua "
        "estrutura e uma única ordem de leitura lógica; o leitor pode alterar as fontes, os "
        "tamanhos e as cores. Não contém áudio, vídeo nem scripts."
    ),
    "ru": (
        "Чисто текстовая статья с адаптивной вёрсткой, оглавлением, заголовками, отражающими её "
        "структуру, и единым логическим порядком чтения; читатель может менять шрифты, их "
        "размер и цвета. Не содержит аудио, видео и скриптов."
    ),
    "tr": (
        "İçindekiler tablosu, yapısını gösteren başlıklar ve tek bir mantıksal okuma sırası "
        "olan, akışkan düzenli, yalnızca metinden oluşan bir makale; okurlar yazı tiplerini, "
        "boyutlarını ve renklerini değiştirebilir. Ses, video ya da betik içermez."
    ),
    "uk": (
        "Суто текстова стаття з адаптивною версткою, змістом, заголовками, що позначають її "
        "структуру, і єдиним логічним порядком читання; читач може змінювати шрифти, їхній "
        "розмір і кольори. Не містить аудіо, відео та скриптів."
    ),
    "zh": (
        "一篇纯文本、可重排的文章，带有目录、标明其结构的标题和单一的逻辑阅读顺序；"
        "读者可以更改字体、字号和颜色。不含音频、视频或脚本。"
    ),
    "zh-Hant": (
        "一篇純文字、可重排的文章，附有目錄、標示其結構的標題和單一的邏輯閱讀順序；"
        "讀者可以更改字型、字級和顏色。不含音訊、影片或指令碼。"
    ),
}

# Each summary with its own tag, so that a lookup says which language it found.
_WITH_TAGS = {tag: (tag, text) for tag, text in SUMMARIES.items()}


def accessibility_summary(language: str) -> tuple[str, str]:
    """The summary for a book in ``language`` (a BCP 47 tag), and the tag of the language it
    is written in: the book's own, a broader one, or English.

    >>> [accessibility_summary(tag)[0] for tag in ("pt-BR", "zh-TW", "sw", "und")]
    ['pt', 'zh-Hant', 'en', 'en']
    """
    return for_language(_WITH_TAGS, language) or next(iter(_WITH_TAGS.values()))
