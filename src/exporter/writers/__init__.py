"""Writers: pure functions ``(Article, Theme) -> bytes``, one module or package per format."""
