"""Summary lines the text, Markdown and HTML reports share (and ``check --quiet`` prints).

- :func:`summary_line`: the one line that closes a repository's report — counts per
  severity, then rules checked and failed.
- :func:`baseline_line`: with ``--baseline``, new findings (the noun agrees: "1 nytt
  funn", "2 nye funn") and fixed ones; :func:`fixed_findings` names the fixed ones.
- :func:`not_selected_line`: rules left out by ``--select``/``--ignore`` (or by
  ``validate``) as one line, instead of one "disabled" line each.
"""

from __future__ import annotations

from ..findings import Finding, Result, RuleOutcome, Severity
from ..i18n.catalog import LANGUAGES, t, tn

NOT_SELECTED = "not selected"
"""The reason of a rule left out by the selection (SPEC §5 JSON ``rules[].reason``)."""
NOT_SELECTED_REASONS = frozenset(t("rule.status.not_selected", lang) for lang in LANGUAGES)
"""That reason in every report language."""


def summary_line(result: Result, lang: str) -> str:
    """``Funn – feil: 3, advarsler: 1, info: 0, unntatt: 1; Regler: 7 sjekket, 4 brutt``."""
    counts = t(
        "summary.findings",
        lang,
        error=result.count(Severity.ERROR),
        warning=result.count(Severity.WARNING),
        info=result.count(Severity.INFO),
        waived=result.waived_count,
    )
    rules = t("summary.rules", lang, checked=result.rules_checked, failed=result.rules_failed)
    return f"{counts}; {rules}"


def is_new(finding: Finding, result: Result) -> bool:
    """With a baseline, whether ``finding`` is not in it (it is new); else ``False``."""
    return result.baseline_fixed is not None and not finding.baselined


def baseline_line(result: Result, lang: str) -> str | None:
    """``Mot grunnlinjen: 1 nytt funn, 2 rettet``, or ``None`` without a baseline."""
    if result.baseline_fixed is None:
        return None
    new = sum(1 for f in result.findings if not f.baselined)
    count = tn("baseline.new", new, lang)
    return t("summary.baseline", lang, new=count, fixed=len(result.baseline_fixed))


def fixed_findings(result: Result) -> list[str]:
    """The fixed findings as ``RULE collection/id`` (the fingerprint where unknown), sorted."""
    fixed = result.baseline_fixed or ()
    return sorted(result.fixed_described.get(fp) or fp for fp in fixed)


def left_out(rule: RuleOutcome) -> bool:
    """Whether a rule was left out by the selection (not disabled by its ruleset)."""
    return rule.status == "disabled" and rule.reason in NOT_SELECTED_REASONS


def not_selected_line(result: Result, lang: str, *, validate: bool = False) -> str | None:
    """``32 regler er ikke valgt (--select/--ignore)``, or ``None`` when every rule was."""
    count = sum(1 for rule in result.rules if left_out(rule))
    if not count:
        return None
    return tn("not_selected.validate" if validate else "not_selected", count, lang)
