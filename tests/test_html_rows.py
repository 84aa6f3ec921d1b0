"""The HTML report's finding rows: the per-rule parts built once give the same rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretariat_rules.api import check
from secretariat_rules.reporters.html_page import _finding_row, _RuleParts

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("repo", ["fixtures/national/buskerudbyen", "fixtures/miljoloftet"])
def test_rows_with_shared_rule_parts_equal_rows_built_alone(repo: str, lang: str) -> None:
    result = check(ROOT / repo, lang=lang)
    labels = {"html.subject": "Subject <&>", "html.message": "Message"}
    assert result.findings
    rules: dict[tuple[str, str, str, str], _RuleParts] = {}
    for index, finding in enumerate(result.findings):
        anchor = f"r-{index}" if index % 2 else None
        shared = _finding_row(finding, result, anchor, labels, lang, rules)
        assert shared == _finding_row(finding, result, anchor, labels, lang)
    assert len(rules) == len({(f.rule, f.name, f.clause, f.section) for f in result.findings})
    if repo.endswith("buskerudbyen"):
        assert any(f.waived for f in result.findings)
