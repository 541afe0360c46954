"""Hypothesis strategies shared by the test suite: briefs made of the shapes real briefs have."""

from __future__ import annotations

from hypothesis import strategies as st

#: Words that may vanish from a brief because they form a key-points label line.
LABEL_WORDS = frozenset(
    [
        "key",
        "points",
        "point",
        "takeaways",
        "takeaway",
        "facts",
        "findings",
        "messages",
        "highlights",
        "main",
        "at",
        "a",
        "glance",
        "in",
        "brief",
        "the",
        "essentials",
        "what",
        "to",
        "know",
        "tl",
        "dr",
        "summary",
        "short",
        "bottom",
        "line",
    ]
)

LABELS = ["Key points:", "Key takeaways", "Highlights", "## Key Points", "Summary"]
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
)

#: Text shaped like a brief: any mix of prose, list items, headings, labels and blank lines.
brief_text = st.lists(brief_line, min_size=1, max_size=40).map("\n".join)
