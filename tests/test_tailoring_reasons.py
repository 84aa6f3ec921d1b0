"""The rulesets' ``reason:`` texts: ``{nb, en}`` or one plain string, shown in the language
of the view or report (tailoring register, rule listing, explain, check and audit reports)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from builders import LATE_DOCUMENT as LATE
from secretariat_rules.audit import Audit, run_audit
from secretariat_rules.engine.conditions import Text
from secretariat_rules.engine.ruleset import load_ruleset
from secretariat_rules.plugins import load_registry
from secretariat_rules.reporters.base import ReportOptions
from secretariat_rules.reporters.html import HtmlReporter
from secretariat_rules.reporters.json import audit_to_dict
from secretariat_rules.reporters.text import TextReporter
from secretariat_rules.testing import Repo, run_cli

ROOT = Path(__file__).resolve().parents[1]
OWN_GROUP_NB = "Bymiljøpakkens tekst nevner sin egen styringsgruppe"
OWN_GROUP_EN = "Bymiljøpakken's text names its own steering group"


def overlay(tmp_path: Path) -> Path:
    """An overlay of national with a bilingual and a plain-string reason."""
    path = tmp_path / "local.yaml"
    path.write_text(
        "ruleset: local\nextends: national\nrules:\n"
        "  - id: SEK025\n"
        "    enabled: false\n"
        "    reason: {nb: 'arkivet er flyttet', en: 'the archive moved'}\n"
        "  - {id: SEK013, reason: 'kommunen driver nettstedet', severity: info}\n",
        encoding="utf-8",
    )
    return path


def tailoring_json(ruleset: str | Path, *args: str) -> dict[str, dict[str, object]]:
    run = run_cli("rules", "--ruleset", ruleset, "national", "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    return {item["rule"]: item for item in run.report["tailoring"]}


def test_every_reason_of_the_packaged_rulesets_is_in_both_languages() -> None:
    for name in ("bymiljopakken", "miljoloftet"):
        data = yaml.safe_load((ROOT / "rulesets" / f"{name}.yaml").read_text(encoding="utf-8"))
        for rule in data["rules"]:
            if "reason" in rule:
                assert set(rule["reason"]) == {"nb", "en"}, (name, rule["id"])
                assert rule["reason"]["nb"] != rule["reason"]["en"], (name, rule["id"])


def test_the_tailoring_register_shows_the_reason_in_its_language() -> None:
    nb = run_cli("rules", "--ruleset", "bymiljopakken", "national", "--lang", "nb").output
    en = run_cli("rules", "--ruleset", "bymiljopakken", "national", "--lang", "en").output
    assert f"begrunnelse: {OWN_GROUP_NB}" in nb and OWN_GROUP_EN not in nb
    assert f"reason: {OWN_GROUP_EN}" in en and OWN_GROUP_NB not in en
    markdown = run_cli(
        "rules", "--ruleset", "bymiljopakken", "national", "--format", "markdown", "--lang", "nb"
    ).output
    assert f"| {OWN_GROUP_NB} |" in markdown
    assert tailoring_json("bymiljopakken", "--lang", "nb")["SEK001"]["reason"] == OWN_GROUP_NB
    assert tailoring_json("bymiljopakken", "--lang", "en")["SEK001"]["reason"] == OWN_GROUP_EN


def test_miljoloftet_reasons_in_both_languages() -> None:
    nb = tailoring_json("miljoloftet", "--lang", "nb")
    en = tailoring_json("miljoloftet", "--lang", "en")
    assert "ennå ikke utarbeidet" in str(nb["SEK027"]["reason"])
    assert "not yet drafted" in str(en["SEK027"]["reason"])
    assert "Bompengegrunnlaget forbyr bompenger" in str(nb["SEK018"]["reason"])
    assert "The toll basis forbids toll money" in str(en["SEK018"]["reason"])


def test_a_plain_string_reason_still_loads_and_reads_the_same_in_both(tmp_path: Path) -> None:
    path = overlay(tmp_path)
    registry = load_registry(load_entry_points=False)
    ruleset = load_ruleset(str(path), registry.rulesets, registry.check_kinds)
    assert ruleset.rules["SEK025"].disabled_reason == Text(
        nb="arkivet er flyttet", en="the archive moved"
    )
    assert ruleset.rules["SEK013"].changes[-1].reason == Text(
        nb="kommunen driver nettstedet", en="kommunen driver nettstedet"
    )
    for lang in ("nb", "en"):
        items = tailoring_json(path, "--lang", lang)
        assert items["SEK013"]["reason"] == "kommunen driver nettstedet"
    assert tailoring_json(path, "--lang", "nb")["SEK025"]["reason"] == "arkivet er flyttet"
    assert tailoring_json(path, "--lang", "en")["SEK025"]["reason"] == "the archive moved"


def test_a_disabled_rule_lists_and_reports_its_reason_in_the_language(
    tmp_path: Path, secretariat_repo: Callable[..., Repo]
) -> None:
    path = overlay(tmp_path)
    listing = run_cli("rules", "--ruleset", path, "--lang", "nb").output
    assert "deaktivert: arkivet er flyttet" in listing
    listing_en = run_cli("rules", "--ruleset", path, "--lang", "en").output
    assert "disabled: the archive moved" in listing_en
    listed = run_cli("rules", "--ruleset", path, "--format", "json", "--lang", "en").report
    [sek025] = [r for r in listed["rules"] if r["id"] == "SEK025"]
    assert sek025["disabled_reason"] == "the archive moved"
    explained = run_cli("explain", "SEK025", "--ruleset", path, "--format", "json").report
    assert explained["disabled_reason"] == "arkivet er flyttet"
    assert explained["changes"][-1]["reason"] == "arkivet er flyttet"

    repo = secretariat_repo(documents=[LATE])
    for lang, reason in (("nb", "arkivet er flyttet"), ("en", "the archive moved")):
        run = repo.check("--ruleset", str(path), "--select", "SEK025", "--lang", lang)
        assert run.exit_code == 0, run.stderr
        rules = {r["id"]: r for r in run.report["rules"]}
        assert rules["SEK025"] == {"id": "SEK025", "status": "disabled", "reason": reason}


@pytest.fixture(scope="module")
def bymiljopakken_audit() -> Audit:
    registry = load_registry(load_entry_points=False)
    return run_audit([ROOT / "fixtures" / "bymiljopakken"], jobs=1, registry=registry)


def test_the_audit_tailoring_register_in_nb_and_en(bymiljopakken_audit: Audit) -> None:
    nb_text = TextReporter().render_audit(bymiljopakken_audit, ReportOptions(lang="nb"))
    en_text = TextReporter().render_audit(bymiljopakken_audit, ReportOptions(lang="en"))
    assert f"Begrunnelse: {OWN_GROUP_NB}" in nb_text and OWN_GROUP_EN not in nb_text
    assert f"Reason: {OWN_GROUP_EN}" in en_text and OWN_GROUP_NB not in en_text
    nb_html = HtmlReporter().render_audit(bymiljopakken_audit, ReportOptions(lang="nb"))
    en_html = HtmlReporter().render_audit(bymiljopakken_audit, ReportOptions(lang="en"))
    assert "Bymiljøpakkens tekst nevner sin egen styringsgruppe</td>" in nb_html
    assert "Bymiljøpakken&#x27;s text names its own steering group</td>" in en_html
    for lang, reason in (("nb", OWN_GROUP_NB), ("en", OWN_GROUP_EN)):
        document = audit_to_dict(dataclasses.replace(bymiljopakken_audit, lang=lang))
        [region] = document["tailoring"]
        reasons = {item["rule"]: item["reason"] for item in region["items"]}
        assert reasons["SEK001"] == reason
        json.dumps(document)  # still plain JSON


def test_the_ruleset_schema_and_the_loader_take_both_forms(tmp_path: Path) -> None:
    schema = run_cli("schema", "ruleset").report
    validator = jsonschema.Draft202012Validator(schema)
    base = {"ruleset": "local", "extends": "national"}
    for reason in ("plain", {"nb": "på norsk", "en": "in English"}):
        document = {**base, "rules": [{"id": "SEK013", "enabled": False, "reason": reason}]}
        assert not list(validator.iter_errors(document)), reason
    for reason in ("", {"nb": "bare norsk"}, {"nb": "x", "en": "y", "de": "z"}, 5):
        document = {**base, "rules": [{"id": "SEK013", "enabled": False, "reason": reason}]}
        assert list(validator.iter_errors(document)), reason
    path = tmp_path / "bad.yaml"
    path.write_text(
        "ruleset: bad\nextends: national\nrules:\n"
        "  - id: SEK013\n    enabled: false\n    reason: {nb: 'bare norsk'}\n",
        encoding="utf-8",
    )
    run = run_cli("rules", "--ruleset", path, "--lang", "en")
    assert run.exit_code == 2
    assert f"{path}:6" in run.stderr and "reason.en" in run.stderr
