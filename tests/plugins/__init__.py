"""Test-only writer plugins, registered through entry points by the ``plugin_on_path`` fixture."""
