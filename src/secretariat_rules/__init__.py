"""secretariat-rules: checks urban growth agreement secretariats against their guidelines."""

from __future__ import annotations

import pluggy

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker("secretariat_rules")
"""Marker for hook implementations: ``@secretariat_rules.hookimpl``."""

__all__ = ["__version__", "hookimpl"]
