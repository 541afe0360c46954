"""Hypothesis strategies shared by the test suite: briefs made of the shapes real briefs have."""

from __future__ import annotations

import json
import re
from datetime import date

from hypothesis import strategies as st

from exporter.model import LINE_BREAK, Inline, Span, marked
from exporter.reading.labels import LABELS

#: Words that may vanish from a brief because they form a key-points label line: every word of
#: every label the reader knows, in every language.
LABEL_WORDS = frozenset(
    word.casefold()
    for labels in LABELS.values()
    for label in labels
    for word in re.findall(r"[^\W\d_]+", label)
)

LABELS = [
    "Key points:",
    "Key takeaways",
    "Highlights",
    "## Key Points",
    "Summary",
    "In brief:",
    "L'essentiel :",
    "Auf einen Blick",
    "Puntos clave:",
    "Главное:",
]
#: Lines that wrap a story rather than tell it: bylines, dates, e-mail parts, source lines.
WRAPPERS = [
    "By Ana Souza, Health Reporter",
    "By Ana Souza and João Lima",
    "Par Léa Martin",
    "Von Jana Müller, Korrespondentin in Hamburg",
    "Updated 4 May 2024",
    "Stand: 04.05.2024",
    "Publié le 12 janvier 2024",
    "2024-05-04",
    "TL;DR: The bank held rates.",
    "In brief: Talks resumed.",
    "Source: https://example.org/report",
    "Via: Reuters",
    "Hi all,",
    "-- ",
    "Subject: Re: Budget vote",
    "From: Ana Souza <ana@example.org>",
]
MARKERS = ["- ", "* ", "• ", "– ", "1. ", "2) ", "# ", "## ", "   "]

_any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120)
_prose = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "Zs", "S", "M")), min_size=1, max_size=200
)

brief_line = st.one_of(
    _any_text,
    _prose,
    st.builds(lambda marker, text: marker + text, st.sampled_from(MARKERS), _prose),
    st.sampled_from([*LABELS, "", "", "---", "===", "* * *", "Why Not Cut Now?"]),
    st.sampled_from(WRAPPERS),
)

#: Text shaped like a brief: any mix of prose, list items, headings, labels and blank lines.
brief_text = st.lists(brief_line, min_size=1, max_size=40).map("\n".join)


#: Compound words: where hyphenation has lost explicit hyphens ("five-year" → "fiveyear").
COMPOUNDS = [
    "five-year",
    "well-known",
    "high-risk",
    "long-term",
    "state-owned",
    "cross-border",
    "low-income",
    "short-lived",
    "self-defence",
    "co-operation",
    "middle-class",
    "full-time",
    "year-on-year",
    "follow-up",
    "e-mail",
    "so-called",
    "decision-making",
    "ex-president",
    "anti-corruption",
    "twenty-one",
    "north-east",
    "one-third",
]


# -- text to break into lines: words of each script, compounds, numbers, links, long words -----


def _split(text: str) -> list[str]:
    return text.split()


#: Words by BCP 47 language, for paragraphs that wrap over many lines.
SCRIPT_WORDS = {
    "en-GB": _split("the government said on Tuesday that its plan would be reviewed by ministers"),
    "ru": [
        *_split("правительство заявило во вторник что план будет рассмотрен министрами"),
        "северо-восток",
        "из-за",
        "Нью-Йорк",
        "что-то",
    ],
    "el": _split("η κυβέρνηση ανακοίνωσε την Τρίτη ότι το σχέδιο θα εξεταστεί από τους υπουργούς"),
    "he": _split("הממשלה הודיעה ביום שלישי כי התוכנית תיבחן על ידי השרים"),
    "ar": _split("أعلنت الحكومة يوم الثلاثاء أن الخطة ستراجع من قبل الوزراء"),
}
NUMBERS = ["2,500,000", "3.5%", "1990–2000", "+44 20 7946 0958", "12:30", "No. 7", "1,000-strong"]
LINKS = [
    "https://example.org/reports/2024/five-year-plan",
    "www.example.org/report",
    "ana.souza@example.org",
]
LONG_WORDS = [
    "Donaudampfschifffahrtsgesellschaftskapitän",
    "internationalisation",
    "counterrevolutionaries",
    "extraordinarily",
]
_ALPHABETS = {
    "en-GB": "abcdefghijklmnopqrstuvwxyz",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "el": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ",
    "he": "אבגדהוזחטיכלמנסעפצקרשת",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
}


def prose(language: str) -> st.SearchStrategy[str]:
    """A paragraph in ``language``'s script with compounds, numbers, links and long words."""
    word = st.one_of(
        st.sampled_from(SCRIPT_WORDS[language]),
        st.sampled_from(SCRIPT_WORDS[language]),
        st.sampled_from(COMPOUNDS),
        st.sampled_from(NUMBERS),
        st.sampled_from(LINKS),
        st.sampled_from(LONG_WORDS),
        st.text(alphabet=_ALPHABETS[language], min_size=1, max_size=30),
        st.builds(
            lambda text, mark: text + mark,
            st.sampled_from(SCRIPT_WORDS[language]),
            st.sampled_from([".", ",", ";", ":", "?", "!", ")"]),
        ),
    )
    return st.lists(word, min_size=1, max_size=150).map(" ".join)


#: Characters of Chinese, Japanese and Korean text, by language.
CJK_TEXT = {
    "zh": list("朝鲜半岛局势紧张各方呼吁通过对话解决问题外交部发言人表示中国一贯支持和平进程"),
    "ja": [
        *"日本政府は経済対策を発表しました東京大阪",
        "ショッピング",
        "ちょっと",
        "キャッチャー",
        "コーヒー",
        "人々",
    ],
    "ko": _split("북한 정부는 원산 관광 지구를 러시아 관광객에게 개방한다고 발표했다"),
}
#: Text of every script at once (fallback fonts, right-to-left runs, Arabic to join), dense with
#: what markup escapes and what white space collapses: for fast paths that must equal slow ones.
mixed_script_text = st.lists(
    st.one_of(
        st.just(" "),  # words and spaces, so that scripts change both between and within words
        *(st.sampled_from(words) for words in SCRIPT_WORDS.values()),
        st.sampled_from([*CJK_TEXT["zh"], *CJK_TEXT["ko"]]),
        st.sampled_from(
            ["&", "<", ">", '"', "'", "AT&T", "&amp;", "<b>", " ", "  ", "\t", "\n", "\u00a0"]
        ),
        st.sampled_from(
            ["\u2003", "\u200b", "\u061c", "\u200f", "\u00ad", "☃", "😀", "é", "\u0301"]
        ),
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8),
    ),
    max_size=60,
).map("".join)
#: Closing punctuation (never at the start of a line) and opening brackets (never at its end).
CJK_CLOSING = list("，。、；：！？）」』】》”’…")
CJK_OPENING = list("（「『【《“‘")


def cjk_prose(language: str) -> st.SearchStrategy[str]:
    """A paragraph of East Asian text, dense with punctuation, brackets, numbers and Latin."""
    separator = " " if language == "ko" else ""
    unit = st.one_of(
        st.sampled_from(CJK_TEXT[language]),
        st.sampled_from(CJK_TEXT[language]),
        st.builds(
            lambda word, mark: word + mark,
            st.sampled_from(CJK_TEXT[language]),
            st.sampled_from(CJK_CLOSING),
        ),
        st.builds(
            lambda mark, word: mark + word,
            st.sampled_from(CJK_OPENING),
            st.sampled_from(CJK_TEXT[language]),
        ),
        st.sampled_from(["GDP", "2,500", "2024年", "https://example.org/a", "……"]),
    )
    return st.lists(unit, min_size=1, max_size=200).map(separator.join).map(_trimmed_cjk)


def _trimmed_cjk(text: str) -> str:
    """``text`` without closing punctuation at its start or an opening bracket at its end,
    which no line break could help."""
    text = text.lstrip("".join(CJK_CLOSING) + " ").rstrip("".join(CJK_OPENING) + " ")
    return text or CJK_TEXT["zh"][0]


# -- hostile text: what a folder of briefs written by others may hold --------------------------

#: Characters that are legal text but have caught renderers out.
CONTROLS = [chr(code) for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))]
BIDI_CONTROLS = list("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ZERO_WIDTH = list("\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f")
COMBINING = list("\u0301\u0308\u0327\u20dd\u20e3\u0f71\u1ab0\u3099")
EMOJI = [
    "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",  # family: ZWJ sequence
    "\U0001f3f3\ufe0f\u200d\U0001f308",  # rainbow flag
    "\U0001f1fa\U0001f1f3",  # flag: regional indicators
    "\U0001f44d\U0001f3fd",  # skin tone modifier
    "1\ufe0f\u20e3",  # keycap
    "\U0001f9d1\u200d\U0001f680",
]
#: Text that means something in one of the output formats, and must stay text in all of them.
INJECTIONS = [
    "<b>bold</b>",
    "<i>",
    "<font color=red>x</font>",
    '<a href="javascript:alert(1)">x</a>',
    "<para>",
    "<br/>",
    "<onDraw name=x/>",
    "<script>alert(1)</script>",
    "&amp;",
    "&lt;",
    "&nbsp;",
    "&#x41;",
    "&bogus;",
    "& < > \" '",
    "]]>",
    "<![CDATA[x]]>",
    "<!-- x -->",
    '<?xml version="1.0"?>',
    "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;",
    "{PAGE}",
    " PAGE ",
    "{ PAGE \\* MERGEFORMAT }",
    "\\* MERGEFORMAT",
    '<w:fldSimple w:instr="PAGE"/>',
    "<w:r><w:t>x</w:t></w:r>",
    "{title}",
    "{page} of {pages}",
    "%s %d %(x)s",
    "${HOME}",
    "\\\\server\\share",
    "*stars* _under_ `code`",
    "[link](http://x)",
]
_HOSTILE_CHARACTERS = [*CONTROLS, *BIDI_CONTROLS, *ZERO_WIDTH, *COMBINING, "\u2028", "\ufffd"]

hostile_fragment = st.one_of(
    st.text(st.sampled_from(_HOSTILE_CHARACTERS), min_size=1, max_size=8),
    st.sampled_from(EMOJI + INJECTIONS),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
    st.text(alphabet=st.characters(categories=("L", "M", "N", "P", "S")), min_size=1, max_size=30),
    # a word with no space to break at, up to 10,000 characters
    st.builds(
        lambda part, count: part * count,
        st.sampled_from(["x", "ab", "é", "字"]),
        st.integers(1, 10_000),
    ),
)
#: A line of hostile text (no newline inside).
hostile_line = (
    st.lists(hostile_fragment, min_size=1, max_size=6)
    .map(" ".join)
    .map(lambda line: line.replace("\n", " ").replace("\r", " "))
)


def _front_matter(values: dict[str, str]) -> str:
    return (
        "---\n"
        + "".join(f"{key}: {json.dumps(value)}\n" for key, value in values.items())
        + "---\n"
    )


_front_matter_values = st.fixed_dictionaries(
    {},
    optional={
        "title": hostile_line,
        "subtitle": hostile_line,
        "author": hostile_line,
        "description": hostile_line,
        "keywords": hostile_line,
        "language": st.sampled_from(["en", "ar", "he-IL", "zh-Hant", "x", "<b>"]),
    },
)


def hostile_briefs(many: int = 1_500) -> st.SearchStrategy[str]:
    """Briefs of hostile text in every shape; ``many`` bounds the headings and key points."""
    return st.one_of(
        st.lists(st.one_of(hostile_line, brief_line), min_size=1, max_size=30).map("\n".join),
        st.lists(hostile_line.map("- ".__add__), min_size=1, max_size=min(200, many)).map(
            "\n".join
        ),
        st.lists(hostile_line.map("## ".__add__), min_size=1, max_size=min(200, many)).map(
            "\n".join
        ),
        _front_matter_values.map(_front_matter),
        st.builds(
            lambda front, body: front + "\n".join(body),
            _front_matter_values.map(_front_matter),
            st.lists(hostile_line, max_size=10),
        ),
        st.builds(
            lambda count, body: "".join(f"Heading {n}\n{body}\n" for n in range(count)),
            st.integers(1, many),
            hostile_line,
        ),
        st.builds(
            lambda count, point: "".join(f"- {point} {n}\n" for n in range(count)) + "Title\nBody.",
            st.integers(1, many),
            hostile_line,
        ),
    )


#: Hostile briefs: mixed lines, only key points, only headings, only front matter, and up to
#: 1,500 headings or key points.
hostile_brief = hostile_briefs()


# -- marked text, as a Markdown brief writes it ---------------------------------------------------

#: Link targets for marked text: valid URLs, one with balanced brackets, one percent-encoded.
LINK_TARGETS = [
    "https://example.org/plan",
    "https://en.wikipedia.org/wiki/C_(language)",
    "https://example.org/a%20b?q=1&r=2#top",
]


@st.composite
def marked_inlines(draw: st.DrawFn, words: st.SearchStrategy[str]) -> Inline:
    """Text with marked runs as CommonMark writes them: strong, emphasis, code and links,
    alone or combined, and hard line breaks. Marked runs stand between spaces (or line ends),
    as Markdown marks whole words; their texts are runs of ``words`` joined by spaces."""
    phrase = st.lists(words, min_size=1, max_size=3).map(" ".join)
    spans: list[Span] = []
    for number in range(draw(st.integers(1, 5))):
        if number:
            spans.append(LINE_BREAK if draw(st.integers(0, 5)) == 0 else Span(" "))
        kind = draw(
            st.sampled_from(["plain", "plain", "strong", "emphasis", "both", "code", "link"])
        )
        if kind == "link":
            target = draw(st.sampled_from(LINK_TARGETS))
            for inner in range(draw(st.integers(1, 3))):
                if inner:
                    spans.append(Span(" ", link=target))
                flags = draw(
                    st.sampled_from([{}, {"strong": True}, {"emphasis": True}, {"code": True}])
                )
                spans.append(Span(draw(phrase), link=target, **flags))
        else:
            flags = {
                "plain": {},
                "strong": {"strong": True},
                "emphasis": {"emphasis": True},
                "both": {"strong": True, "emphasis": True},
                "code": {"code": True},
            }[kind]
            spans.append(Span(draw(phrase), **flags))
    return marked(spans)


#: Calendar dates as the model keeps them (``YYYY-MM-DD``), over the years briefs are dated in.
calendar_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)).map(
    date.isoformat
)
#: The languages the shipped themes give words in.
shipped_languages = st.sampled_from(
    [
        "en",
        "ar",
        "de",
        "el",
        "es",
        "fa",
        "fr",
        "he",
        "it",
        "ja",
        "ko",
        "nl",
        "pl",
        "pt",
        "ru",
        "tr",
        "uk",
        "zh",
        "zh-Hant",
    ]
)

#: YAML scalars that trip loaders: YAML 1.1 sexagesimal and huge numbers, tags, aliases,
#: impossible dates, deep nesting, special floats.
YAML_TRAPS = [
    ":".join(["59"] * 2_000),
    "1:59:59",
    "190:20:30.15",
    "0x" + "f" * 6_000,
    "9" * 5_000,
    "0b" + "1" * 5_000,
    "0o" + "7" * 5_000,
    "1e400",
    "-.inf",
    ".nan",
    "2024-13-45",
    "2024-02-30T25:61:00Z",
    "!!python/object/apply:os.system ['true']",
    "!!binary aGVsbG8=",
    "!!int not-a-number",
    "!!float x",
    "!!timestamp yesterday",
    "!!set {a, b}",
    "&anchor [1, 2]",
    "*anchor",
    "[" * 40 + "]" * 40,
    "{a: [b, {c: d}]}",
    "~",
    "yes",
    "'unterminated",
    '"\\ud800\\x00"',
]

#: What a hostile brief puts in ``style:``: paths everywhere on the server, names too long for
#: any file system, home folders of users that do not exist, and a few fair names.
STYLE_TRAPS = [
    "/etc/passwd",
    "/etc/shadow",
    "../../../../etc/passwd",
    "~/x.toml",
    "~nouser/x",
    "~root/.ssh/id_rsa",
    "x" * 5_000,
    ("x" * 5_000) + ".toml",
    "a/" * 3_000 + "t.toml",
    "/dev/zero",
    "/proc/self/environ",
    "nul\0.toml",
    "newsroom",
    "minimal",
    "no-such-theme",
    "theme.toml",
    "sub/theme.toml",
    "C:\\Windows\\win.ini",
]


def front_matter_with(style_paths: list[str]) -> st.SearchStrategy[str]:
    """Raw front matter (not JSON-quoted, so YAML sees the traps) with a ``style:`` naming
    one of ``STYLE_TRAPS`` or of ``style_paths``, and keys holding YAML traps."""
    value = st.one_of(
        st.sampled_from(YAML_TRAPS),
        hostile_line.map(json.dumps),
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
    )
    key = st.sampled_from(["title", "subtitle", "author", "date", "language", "keywords", "x"])
    style = st.sampled_from([*STYLE_TRAPS, *style_paths]).map(json.dumps)
    return st.builds(
        lambda pairs, chosen: (
            "---\n"
            + "".join(f"{name}: {text}\n" for name, text in pairs)
            + (f"style: {chosen}\n" if chosen else "")
            + "---\n"
        ),
        st.lists(st.tuples(key, value), max_size=6),
        st.one_of(st.none(), style),
    )
