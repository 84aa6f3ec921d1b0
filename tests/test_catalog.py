"""Meta-tests: the rule catalog of SPEC §4, the rulesets, their docs and tests stay in step.

Fails when a catalog id is missing from the rulesets (or has another name), when a rule
lacks its guideline text, semantics or reference docs, or when a data rule has no
passing and failing test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from secretariat_rules.engine.ruleset import Ruleset, load_ruleset
from secretariat_rules.plugins import load_registry
from secretariat_rules.testing import Repo

ROOT = Path(__file__).resolve().parents[1]

DATA_RULES = {
    "SEK001": "meeting-prepared",
    "SEK002": "minutes-recorded",
    "SEK003": "decision-communicated",
    "SEK004": "delay-has-deviation-report",
    "SEK005": "deviation-sets-deadline",
    "SEK006": "tertial-financial-report",
    "SEK007": "project-deviation-reported-promptly",
    "SEK008": "equal-information-access",
    "SEK009": "employer-waiver-agreement",
    "SEK010": "leader-appointed-by-steering-group",
    "SEK011": "representation-has-mandate",
    "SEK012": "neutral-representation",
    "SEK013": "neutral-communication-platform",
    "SEK014": "action-programme-adopted",
    "SEK015": "annual-budget-and-report",
    "SEK016": "secretariat-budget-and-accounts",
    "SEK017": "toll-money-insight",
    "SEK018": "toll-money-limits",
    "SEK019": "delegated-authority",
    "SEK020": "indicator-owner-reports",
    "SEK021": "indicators-in-annual-report",
    "SEK022": "analysis-with-indicator-owner",
    "SEK023": "analysis-ordered-by-steering-group",
    "SEK024": "procurement-party-named",
    "SEK025": "documents-archived",
    "SEK026": "documents-available-to-parties",
    "SEK027": "mandate-formalised",
}
ATTESTED = {
    "SEK101": ("coordination-and-portfolio-management", "1a", "1a"),
    "SEK102": ("balanced-dialogue-with-parties", "1e", "1f"),
    "SEK103": ("steering-group-directs-resources", "2a", "2a–2b"),
    "SEK104": ("employment-follow-up-clarified", "2c", "2d"),
    "SEK105": ("communication-delegated-within-frame", "3a", "3a"),
    "SEK106": ("cooperation-on-external-communication", "3b", "3b"),
    "SEK107": ("forums-clarified-in-principle", "3c", "3c"),
    "SEK108": ("economic-overview-for-portfolio", "4c", "4c"),
    "SEK109": ("financial-reporting-routines", "4d", "4d"),
    "SEK110": ("neutral-mediation-on-request", "8a", "8a"),
}
CLAUSES = {  # SPEC §4: (Miljøløftet, Bymiljøpakken); None = not in that region
    "SEK001": ("1b", "1b"), "SEK002": ("1c", "1c"), "SEK003": ("1c", "1c"),
    "SEK004": ("1d", "1d"), "SEK005": ("1d", "1d"), "SEK006": (None, "1e"),
    "SEK007": (None, "1e"), "SEK008": ("1e", "1f"), "SEK009": ("2d", "2e"),
    "SEK010": ("2b", "2c"), "SEK011": ("3c", "3c"), "SEK012": ("3d", "3d"),
    "SEK013": ("3e", "3e"), "SEK014": ("4a", "4a"), "SEK015": ("4a", "4a"),
    "SEK016": ("4b", "4b"), "SEK017": ("4d", "4d"), "SEK018": ("4e", "4e"),
    "SEK019": ("4f", "4f"), "SEK020": ("5a", "5a"), "SEK021": ("5b", "5b"),
    "SEK022": ("5c", "5c"), "SEK023": ("6a", "6a"), "SEK024": ("6b", "6b"),
    "SEK025": ("7a", "7a"), "SEK026": ("7b", "7b"), "SEK027": ("1g", None),
}  # fmt: skip


@pytest.fixture(scope="module")
def rulesets() -> dict[str, Ruleset]:
    registry = load_registry(load_entry_points=False)
    return {
        name: load_ruleset(name, registry.rulesets, registry.check_kinds)
        for name in ("national", "miljoloftet", "bymiljopakken")
    }


def test_every_catalog_rule_is_in_its_regions_with_its_clause(
    rulesets: dict[str, Ruleset],
) -> None:
    for rule_id, (ml_clause, bmp_clause) in CLAUSES.items():
        for region, clause in (("miljoloftet", ml_clause), ("bymiljopakken", bmp_clause)):
            rules = rulesets[region].rules
            if clause is None:
                assert rule_id not in rules or not rules[rule_id].enabled, (region, rule_id)
                continue
            assert rule_id in rules, (region, rule_id)
            assert rules[rule_id].name == DATA_RULES[rule_id]
            assert rules[rule_id].clause == clause, (region, rule_id)
    for rule_id, (name, ml_clause, bmp_clause) in ATTESTED.items():
        assert rulesets["miljoloftet"].rules[rule_id].name == name
        assert rulesets["miljoloftet"].rules[rule_id].clause == ml_clause
        assert rulesets["bymiljopakken"].rules[rule_id].clause == bmp_clause
    assert len([r for r in rulesets["miljoloftet"].rules.values() if r.enabled]) == 35


def test_every_rule_is_documented(rulesets: dict[str, Ruleset]) -> None:
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for ruleset in rulesets.values():
        for rule in ruleset.rules.values():
            assert rule.guideline.strip(), rule.id
            assert rule.semantics is not None, f"{rule.id} has no semantics"
            assert rule.title.nb and rule.title.en and rule.message.nb and rule.message.en
            assert rule.id in docs and rule.name in docs, f"{rule.id} missing in docs/rules.md"


def _test_names() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py"))


@pytest.mark.parametrize("rule_id", sorted(DATA_RULES))
def test_every_data_rule_has_passing_and_failing_tests(rule_id: str) -> None:
    names = re.findall(rf"def (test_{rule_id.lower()}_\w+)", _test_names())
    passing = [n for n in names if re.search(r"pass|clean|no_finding|within|neutral", n)]
    failing = [
        n for n in names if re.search(r"fail|flag|missing|late|break|without|(?<!no_)finding", n)
    ]
    assert passing, f"{rule_id} has no passing test (test_{rule_id.lower()}_passes...)"
    assert failing, f"{rule_id} has no failing test (test_{rule_id.lower()}_fails...)"


@pytest.mark.parametrize("rule_id", sorted(ATTESTED))
def test_every_attested_rule_passes_and_fails(
    rule_id: str, secretariat_repo: Callable[..., Repo]
) -> None:
    answer = (
        f"- item: {rule_id}\n  answer: 'yes'\n  evidence: Referat fra møtet\n"
        "  by: Sekretariatsleder\n  date: 2025-03-15\n"
    )
    passing = secretariat_repo(files={"attestations.yaml": answer})
    assert passing.check("--select", rule_id).triples() == []
    failing = secretariat_repo(files={"attestations.yaml": answer.replace("'yes'", "'no'")})
    assert failing.check("--select", rule_id).triples() == [
        (rule_id, f"attestations/{rule_id}", ("attestations.yaml:1",))
    ]
