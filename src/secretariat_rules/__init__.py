"""secretariat-rules: checks urban growth agreement secretariats against their guidelines.

The public API; everything else is private to the package and may change::

    import secretariat_rules as sr

    result = sr.check("fixtures/miljoloftet")          # a Result
    for finding in result.findings:                    # frozen Finding values
        print(finding.rule, finding.subject, finding.locations)

Plugins use :data:`hookimpl` and the types below (see ``docs/plugins.md``).

This module only re-exports, lazily: ``import secretariat_rules`` loads the two leaves
:mod:`~secretariat_rules.markers` and :mod:`~secretariat_rules.version` (pluggy, nothing
else); a name such as ``check`` imports its module the first time it is looked up. The
built-in modules never import from here: they import ``hookimpl`` from ``markers``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .markers import hookimpl
from .version import __version__

if TYPE_CHECKING:
    from .api import check, check_dataset, load_dataset
    from .checks.base import CheckConfig, CheckContext, CheckKind, CheckOutput
    from .dataset import Dataset
    from .exceptions import ConfigurationError, DataFileError, SecretariatRulesError
    from .findings import (
        Finding,
        Location,
        RawFinding,
        Result,
        Severity,
        SourceSummary,
        Subject,
    )
    from .regions import RegionProfile
    from .reporters.base import Reporter, ReportOptions
    from .sources.base import (
        ReadOptions,
        SourceAdapter,
        SourceInventory,
        SourceNotice,
        SourceOutput,
    )

_LAZY: dict[str, str] = {
    "check": ".api",
    "check_dataset": ".api",
    "load_dataset": ".api",
    "CheckConfig": ".checks.base",
    "CheckContext": ".checks.base",
    "CheckKind": ".checks.base",
    "CheckOutput": ".checks.base",
    "Dataset": ".dataset",
    "ConfigurationError": ".exceptions",
    "DataFileError": ".exceptions",
    "SecretariatRulesError": ".exceptions",
    "Finding": ".findings",
    "Location": ".findings",
    "RawFinding": ".findings",
    "Result": ".findings",
    "Severity": ".findings",
    "SourceSummary": ".findings",
    "Subject": ".findings",
    "RegionProfile": ".regions",
    "Reporter": ".reporters.base",
    "ReportOptions": ".reporters.base",
    "ReadOptions": ".sources.base",
    "SourceAdapter": ".sources.base",
    "SourceInventory": ".sources.base",
    "SourceNotice": ".sources.base",
    "SourceOutput": ".sources.base",
}
"""Each lazily re-exported name and the module that defines it."""

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


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (PEP 562) and keep the value here."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
