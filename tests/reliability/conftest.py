"""Reliability tests: a hang guard, so a hang fails one test instead of the whole CI run."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from types import FrameType

import pytest

# Generous: only a hang trips it. A thorough hypothesis run may legitimately take longer.
HANG_GUARD_SECONDS = 0 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 600


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    if not HANG_GUARD_SECONDS or not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"no result after {HANG_GUARD_SECONDS} s: a hang?")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
