"""The version, kept apart so any module can import it without import cycles.

This is the one place the version is written: pyproject.toml reads it from here when the package
is built. A literal, not ``importlib.metadata.version()``: importing that machinery is most of
the start-up time of ``exporter --version``.
"""

__version__ = "0.1.0"
