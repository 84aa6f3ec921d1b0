"""Python's cycle collector paused while many long-lived objects are made.

Turning tens of thousands of rows into findings, and findings into a report's
dictionaries, allocates many small objects that all survive; each allocation burst
triggers a collection that scans them (and everything else alive) again: at 1M rows that
tripled the time spent building findings, and doubled the JSON report's. The engine and
the reporters make no reference cycles worth collecting meanwhile.

This module imports nothing of the package: the ground floor.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Within the block the cycle collector is off; restored (if it was on) after.

    Nested blocks are fine: only the outermost one turns it back on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
