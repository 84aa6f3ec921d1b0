"""The data integrity rule ids are defined once (findings.DataRuleId) and run like any rule."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from secretariat_rules.engine.data_rules import DATA_RULES
from secretariat_rules.findings import DataRuleId

ROOT = Path(__file__).resolve().parent.parent
ID = re.compile(r"DAT\d{3}")


def test_every_id_has_one_data_rule() -> None:
    assert list(DATA_RULES) == list(DataRuleId)
    assert all(rule.id is rule_id for rule_id, rule in DATA_RULES.items())
    assert DATA_RULES["DAT004"].id == "DAT004"


def test_no_id_is_written_as_a_string_outside_findings() -> None:
    """A data rule id as a string literal in the code (not a docstring) is a second definition."""
    found = []
    for folder in (ROOT / "src", ROOT / "plugins"):
        for path in sorted(folder.rglob("*.py")):
            if path == ROOT / "src" / "secretariat_rules" / "findings.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                text = node.value if isinstance(node, ast.Constant) else None
                if isinstance(text, str) and ID.fullmatch(text):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {text}")
    assert found == []
