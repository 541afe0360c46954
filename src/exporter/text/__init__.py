"""Rules every writer shares, each written once (pandoc's ``Writers.Shared``, markdown-it-py's
``common/``): so that one brief means the same thing in every format.

- :mod:`~exporter.text.languages`: language tags (parse, normalise, fall back, look up by tag);
- :mod:`~exporter.text.scripts`: scripts, foreign-script runs, text direction;
- :mod:`~exporter.text.links`: what is a link and where it points;
- :mod:`~exporter.text.characters`: characters no format can hold;
- :mod:`~exporter.text.metadata`: subject, byline and front-matter keys;
- :mod:`~exporter.text.templates`: running header and footer templates;
- :mod:`~exporter.text.dates`: the brief's date, and the one timestamp a document carries.

Nothing here knows an output format; writers import from here, never from each other.
"""
