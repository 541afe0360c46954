"""Reading briefs: bytes to clean text, front matter, and the brief parser."""
