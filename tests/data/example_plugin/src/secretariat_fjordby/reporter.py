"""Reporter ``summary``: one line per data repository with its counts."""

from __future__ import annotations

from collections.abc import Sequence

from secretariat_rules.findings import Result, Severity
from secretariat_rules.reporters.base import ReportOptions

LABELS = {"nb": ("feil", "advarsler", "info"), "en": ("errors", "warnings", "info")}


class SummaryReporter:
    """``REGION: N errors, N warnings, N info`` for each result."""

    name = "summary"
    suffix = ".txt"

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        errors, warnings, info = LABELS.get(options.lang, LABELS["en"])
        lines = [
            f"{r.region}: {r.count(Severity.ERROR)} {errors}, "
            f"{r.count(Severity.WARNING)} {warnings}, {r.count(Severity.INFO)} {info}"
            for r in results
        ]
        return "\n".join(lines) + "\n"
