"""Test-suite settings: hypothesis profiles (quick in CI, thorough on demand)."""

from __future__ import annotations

import os

from hypothesis import settings

# `ci` keeps the suite quick; `HYPOTHESIS_PROFILE=thorough` runs 10,000 examples per property.
settings.register_profile("ci", max_examples=150, deadline=None)
settings.register_profile("thorough", max_examples=10_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
