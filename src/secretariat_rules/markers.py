"""The pluggy markers of secretariat-rules: a leaf module (it imports only pluggy).

Built-in plugins import :data:`hookimpl` from here, so loading one of them does not load
the package's public API; third-party plugins keep the public spelling
``secretariat_rules.hookimpl`` (the same object, re-exported lazily and cheaply).
"""

from __future__ import annotations

import pluggy

PROJECT = "secretariat_rules"
"""The pluggy project name of every hook and hook implementation."""

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marker for hook implementations: ``@secretariat_rules.hookimpl``."""

hookspec = pluggy.HookspecMarker(PROJECT)
"""Marker for the hook specifications of :mod:`secretariat_rules.hookspecs`."""

__all__ = ["PROJECT", "hookimpl", "hookspec"]
