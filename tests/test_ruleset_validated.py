"""rulesets/validated.json: the packaged rulesets skip the dry run only while it is current."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from secretariat_rules import api, ruleset_cache
from secretariat_rules.builtin_rulesets import rulesets_dir
from secretariat_rules.engine.ruleset import load_ruleset
from secretariat_rules.exceptions import RulesetError
from secretariat_rules.plugins import load_registry
from secretariat_rules.ruleset_cache import (
    REGENERATE,
    content_hash,
    dry_run_unless_validated,
    is_validated,
    packaged_hashes,
    render,
    validated_path,
)

pytestmark = pytest.mark.usefixtures("english")


def test_validated_json_is_current() -> None:
    """Every packaged ruleset dry-runs cleanly and its hash is the one committed."""
    expected = render(packaged_hashes())  # raises if a packaged ruleset is broken
    committed = validated_path().read_text(encoding="utf-8")
    assert committed == expected, f"rulesets/validated.json is stale; run: {REGENERATE}"


def test_packaged_rulesets_skip_the_dry_run(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = load_registry()
    calls: list[str] = []
    monkeypatch.setattr("secretariat_rules.engine.runner.dry_run", lambda r: calls.append(r.name))
    for name in ("national", "miljoloftet", "bymiljopakken"):
        ruleset = load_ruleset(name, registry.rulesets, registry.check_kinds)
        assert is_validated(ruleset, registry.check_kinds)
        dry_run_unless_validated(ruleset, registry.check_kinds)
    assert calls == []


def test_a_copy_of_a_packaged_ruleset_is_a_user_ruleset(tmp_path: Path) -> None:
    registry = load_registry()
    copy = tmp_path / "national.yaml"
    shutil.copy(rulesets_dir() / "national.yaml", copy)
    ruleset = load_ruleset(str(copy), registry.rulesets, registry.check_kinds)
    assert content_hash(ruleset, registry.check_kinds) is None
    assert not is_validated(ruleset, registry.check_kinds)


def test_a_user_ruleset_extending_a_packaged_one_is_dry_run(tmp_path: Path) -> None:
    registry = load_registry()
    path = tmp_path / "mine.yaml"
    path.write_text(
        "ruleset: mine\nextends: national\nrules:\n"
        "  - id: SEK001\n    reason: 'test'\n"
        "    check:\n      kind: record\n      collection: meetings\n"
        "      require: [{that: {field: no_such_field, present: true}, reason: {nb: x, en: x}}]\n",
        encoding="utf-8",
    )
    ruleset = load_ruleset(str(path), registry.rulesets, registry.check_kinds)
    assert not is_validated(ruleset, registry.check_kinds)
    with pytest.raises(RulesetError) as caught:
        dry_run_unless_validated(ruleset, registry.check_kinds)
    assert "SEK001" in str(caught.value)


def test_a_changed_hash_is_not_validated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stale or missing validated.json only costs the dry run, never skips a check."""
    registry = load_registry()
    ruleset = load_ruleset("national", registry.rulesets, registry.check_kinds)
    stale = tmp_path / "validated.json"
    stale.write_text(json.dumps({"rulesets": {"national": "0" * 64}}), encoding="utf-8")
    monkeypatch.setattr(ruleset_cache, "validated_path", lambda: stale)
    assert not is_validated(ruleset, registry.check_kinds)
    monkeypatch.setattr(ruleset_cache, "validated_path", lambda: tmp_path / "missing.json")
    assert not is_validated(ruleset, registry.check_kinds)
    calls: list[str] = []
    monkeypatch.setattr("secretariat_rules.engine.runner.dry_run", lambda r: calls.append(r.name))
    dry_run_unless_validated(ruleset, registry.check_kinds)
    assert calls == ["national"]


def test_the_api_uses_it() -> None:
    assert api.dry_run_unless_validated is dry_run_unless_validated
