"""Every hook of secretariat-rules, in one module.

A plugin implements any of these with ``@secretariat_rules.hookimpl``. The built-in
behaviour (canonical source, standard check kinds, reporters, packaged rulesets) is
registered through these same hooks; see :data:`secretariat_rules.plugins.DEFAULT_PLUGINS`.
Each hook returns a list; the registry collects every plugin's answer and refuses two
providers of one name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .markers import hookspec

if TYPE_CHECKING:
    from .checks.base import CheckKind
    from .regions import RegionProfile
    from .reporters.base import Reporter
    from .sources.base import SourceAdapter


@hookspec
def secretariat_region_profiles() -> list[RegionProfile]:
    """Region profiles this plugin provides.

    A profile holds the facts of one region (parties with org numbers and domains, bodies,
    channels, secretariat facts) and its default ruleset; a manifest naming the region
    gets every value it does not give itself from the profile.

    :returns: a list of :class:`~secretariat_rules.regions.RegionProfile`.
    """


@hookspec
def secretariat_source_adapters() -> list[SourceAdapter]:
    """Source adapters this plugin provides.

    A source adapter reads one layout of a data repository (the canonical files, an
    Excel follow-up workbook, a Noark 5 extract...) into raw tables with provenance.

    :returns: a list of :class:`~secretariat_rules.sources.base.SourceAdapter`.
    """


@hookspec
def secretariat_check_kinds() -> list[CheckKind]:
    """Check kinds this plugin provides.

    A check kind is a pydantic configuration model (``extra="forbid"``) and a function
    that yields raw findings; rulesets name it in ``check.kind``.

    :returns: a list of :class:`~secretariat_rules.checks.base.CheckKind`.
    """


@hookspec
def secretariat_reporters() -> list[Reporter]:
    """Reporters (output formats) this plugin provides.

    A reporter may also implement the optional ``render_audit`` method
    (:class:`~secretariat_rules.reporters.base.AuditReporter`) to take part in ``audit``.

    :returns: a list of :class:`~secretariat_rules.reporters.base.Reporter`.
    """


@hookspec
def secretariat_rulesets() -> list[Path]:
    """Ruleset files (``NAME.yaml``) or directories of them that this plugin ships.

    :returns: paths; a ruleset's name is its file name without the suffix.
    """
