"""secretariat-rules: checks urban growth agreement secretariats against their guidelines.

The public API; everything else is private to the package and may change::

    import secretariat_rules as sr

    result = sr.check("fixtures/miljoloftet")          # a Result
    for finding in result.findings:                    # frozen Finding values
        print(finding.rule, finding.subject, finding.locations)

Plugins use :data:`hookimpl` and the types below (see ``docs/plugins.md``).
"""

from __future__ import annotations

import pluggy

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker("secretariat_rules")
"""Marker for hook implementations: ``@secretariat_rules.hookimpl``."""

# Re-exports come after ``hookimpl``: the built-in plugin modules import it from here.
from .api import check, check_dataset, load_dataset  # noqa: E402
from .checks.base import CheckConfig, CheckContext, CheckKind, CheckOutput  # noqa: E402
from .dataset import Dataset  # noqa: E402
from .exceptions import (  # noqa: E402
    ConfigurationError,
    DataFileError,
    SecretariatRulesError,
)
from .findings import (  # noqa: E402
    Finding,
    Location,
    RawFinding,
    Result,
    Severity,
    SourceSummary,
    Subject,
)
from .regions import RegionProfile  # noqa: E402
from .reporters.base import Reporter, ReportOptions  # noqa: E402
from .sources.base import (  # noqa: E402
    ReadOptions,
    SourceAdapter,
    SourceInventory,
    SourceNotice,
    SourceOutput,
)

__all__ = [
    "CheckConfig",
    "CheckContext",
    "CheckKind",
    "CheckOutput",
    "ConfigurationError",
    "DataFileError",
    "Dataset",
    "Finding",
    "Location",
    "RawFinding",
    "ReadOptions",
    "RegionProfile",
    "ReportOptions",
    "Reporter",
    "Result",
    "SecretariatRulesError",
    "Severity",
    "SourceAdapter",
    "SourceInventory",
    "SourceNotice",
    "SourceOutput",
    "SourceSummary",
    "Subject",
    "__version__",
    "check",
    "check_dataset",
    "hookimpl",
    "load_dataset",
]
