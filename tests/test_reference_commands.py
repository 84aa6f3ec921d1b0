"""The reference commands: ``rules`` (and tailoring), ``explain`` and ``schema``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from secretariat_rules.testing import BASE_MANIFEST, run_cli

ROOT = Path(__file__).resolve().parents[1]
SEK008_SENTENCE = (
    "Dette innebærer blant annet at partene behandles likeverdig når det gjelder tilgang til "
    "informasjon."
)


def plain(data: Any) -> Any:
    """YAML data as JSON would hold it (dates as ISO text)."""
    return json.loads(json.dumps(data, default=str))


def rule_ids(ruleset: str) -> list[str]:
    run = run_cli("rules", "--ruleset", ruleset, "--format", "json")
    assert run.exit_code == 0, run.stderr
    return [rule["id"] for rule in run.report["rules"]]


def overlay(tmp_path: Path) -> Path:
    """A ruleset extending national that disables and re-parameterises rules."""
    path = tmp_path / "custom.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "ruleset": "custom",
                "extends": "national",
                "rules": [
                    {"id": "SEK013", "enabled": False, "reason": "no public platform yet"},
                    {
                        "id": "SEK025",
                        "reason": "the archive works in batches",
                        "params": {"archive_within_days": 10},
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    return path


# --------------------------------------------------------------------------- rules


def test_rules_lists_the_rules_of_each_ruleset() -> None:
    national, miljoloftet, bymiljopakken = (
        rule_ids(name) for name in ("national", "miljoloftet", "bymiljopakken")
    )
    for ids in (national, miljoloftet, bymiljopakken):
        assert "SEK008" in ids
        assert ids == sorted(ids)
    assert "SEK006" in bymiljopakken
    assert "SEK006" not in miljoloftet
    assert "SEK006" not in national


def test_rules_text_shows_clause_severity_and_title() -> None:
    run = run_cli("rules", "--ruleset", "bymiljopakken", "--lang", "en")
    assert run.exit_code == 0
    line = next(line for line in run.output.splitlines() if line.startswith("SEK008"))
    assert "equal-information-access" in line
    assert " 1f " in line
    assert "Parties get equal access to information" in line


def test_rules_markdown_is_a_table() -> None:
    run = run_cli("rules", "--format", "markdown", "--lang", "en")
    assert run.exit_code == 0
    assert "| SEK008 | `equal-information-access` | 1e |" in run.output


def test_rules_shows_a_disabled_rule_with_its_reason(tmp_path: Path) -> None:
    run = run_cli("rules", "--ruleset", overlay(tmp_path), "--lang", "en")
    assert run.exit_code == 0
    assert "disabled: no public platform yet" in run.output
    report = run_cli("rules", "--ruleset", overlay(tmp_path), "--format", "json").report
    sek013 = next(r for r in report["rules"] if r["id"] == "SEK013")
    assert sek013["enabled"] is False
    assert sek013["disabled_reason"] == "no public platform yet"


def test_unknown_ruleset_exits_2(english: None) -> None:
    run = run_cli("rules", "--ruleset", "atlantis")
    assert run.exit_code == 2
    assert "unknown ruleset 'atlantis'" in run.stderr


# --------------------------------------------------------------------------- tailoring


def tailoring_of(ruleset: str | Path, baseline: str, *args: str) -> dict[str, list[dict[str, Any]]]:
    run = run_cli("rules", "--ruleset", ruleset, baseline, "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for item in run.report["tailoring"]:
        by_rule.setdefault(item["rule"], []).append(item)
    return by_rule


def test_tailoring_shows_added_and_reworded_rules_by_layer() -> None:
    items = tailoring_of("bymiljopakken", "national")
    [added] = items["SEK006"]
    assert added["action"] == "added"
    assert added["layer"] == "bymiljopakken"
    assert "tertial" in added["reason"]
    [reworded] = items["SEK008"]
    assert reworded["action"] == "reworded"
    assert reworded["layer"] == "bymiljopakken"
    assert {"attribute": "clause", "old": "1e", "new": "1f"} in reworded["differences"]
    assert "1e er tertialrapportering" in reworded["reason"]  # nb by default
    [reworded_en] = tailoring_of("bymiljopakken", "national", "--lang", "en")["SEK008"]
    assert "1e is tertial reporting" in reworded_en["reason"]


def test_tailoring_text() -> None:
    run = run_cli("rules", "--ruleset", "bymiljopakken", "national", "--lang", "en")
    assert run.exit_code == 0
    text = run.output
    block = text[text.index("SEK008 equal-information-access") :]
    assert "re-worded by bymiljopakken: clause 1e → 1f" in block
    assert "reason: Bymiljøpakken's numbering" in block
    assert "SEK006 tertial-financial-report\n    added by bymiljopakken" in text


def test_tailoring_shows_disabled_and_reparameterised(tmp_path: Path) -> None:
    items = tailoring_of(overlay(tmp_path), "national")
    [disabled] = items["SEK013"]
    assert (disabled["action"], disabled["layer"]) == ("disabled", "custom")
    assert disabled["reason"] == "no public platform yet"
    [reparameterised] = items["SEK025"]
    assert reparameterised["action"] == "reparameterised"
    assert reparameterised["differences"] == [
        {"attribute": "params.archive_within_days", "old": 5, "new": 10}
    ]
    assert reparameterised["reason"] == "the archive works in batches"
    assert "SEK008" not in items


def test_tailoring_between_two_regions_names_each_side() -> None:
    items = tailoring_of("miljoloftet", "bymiljopakken")
    [clause] = items["SEK008"]
    assert clause["layer"] == "bymiljopakken"
    assert clause["differences"][0] == {"attribute": "clause", "old": "1f", "new": "1e"}
    assert items["SEK006"][0]["action"] == "removed"


# --------------------------------------------------------------------------- explain


def test_explain_prints_guideline_parameters_check_and_example() -> None:
    run = run_cli("explain", "SEK008", "--lang", "en")
    assert run.exit_code == 0
    assert SEK008_SENTENCE in " ".join(run.output.split())
    assert "Clause: 1e (set by national)" in run.output
    assert "tolerance_hours = 24  (set by national)" in run.output
    assert "collection: documents" in run.output
    assert "documents/D1: Document D1 was not given equally to every party" in run.output


def test_explain_by_name_in_a_region() -> None:
    run = run_cli("explain", "equal-information-access", "--ruleset", "bymiljopakken")
    assert run.exit_code == 0
    assert "Punkt: 1f (satt av bymiljopakken)" in run.output


def test_explain_names_the_layer_that_set_a_parameter(tmp_path: Path) -> None:
    run = run_cli("explain", "SEK025", "--ruleset", overlay(tmp_path), "--lang", "en")
    assert "archive_within_days = 10  (set by custom)" in run.output
    report = run_cli("explain", "SEK025", "--ruleset", overlay(tmp_path), "-f", "json").report
    assert report["params"] == [{"name": "archive_within_days", "value": 10, "layer": "custom"}]


def test_explain_unknown_rule_exits_2_with_close_matches() -> None:
    run = run_cli("explain", "SEK08")
    assert run.exit_code == 2
    assert "regelsettene national, bymiljopakken, miljoloftet har ingen regel 'SEK08'" in run.stderr
    assert "SEK008" in run.stderr
    assert "Traceback" not in run.stderr


# --------------------------------------------------------------------------- schema


def schema(*args: str) -> dict[str, Any]:
    run = run_cli("schema", *args)
    assert run.exit_code == 0, run.stderr
    data: dict[str, Any] = json.loads(run.output)
    jsonschema.Draft202012Validator.check_schema(data)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert data["title"]
    return data


@pytest.mark.parametrize(
    "args", [(), ("manifest",), ("ruleset",), ("collection", "meetings"), ("attestations",)]
)
def test_schema_is_valid_deterministic_json(args: tuple[str, ...]) -> None:
    schema(*args)
    assert run_cli("schema", *args).output == run_cli("schema", *args).output


def test_schema_waivers_is_json_or_not_available() -> None:
    run = run_cli("schema", "waivers")
    if run.exit_code == 2:
        assert "not available" in run.stderr
    else:
        assert run.exit_code == 0
        jsonschema.Draft202012Validator.check_schema(json.loads(run.output))


def test_schema_usage_errors_exit_2() -> None:
    assert run_cli("schema", "collection").exit_code == 2
    assert run_cli("schema", "collection", "nope").exit_code == 2
    assert run_cli("schema", "manifest", "extra").exit_code == 2
    assert run_cli("schema", "everything").exit_code == 2


def test_manifest_schema_accepts_a_valid_manifest_and_rejects_an_invalid_one() -> None:
    validator = jsonschema.Draft202012Validator(schema("manifest"))
    validator.validate(BASE_MANIFEST)
    for path in sorted(ROOT.glob("fixtures/*/secretariat.yaml")):
        validator.validate(plain(yaml.safe_load(path.read_text(encoding="utf-8"))))
    wrong_kind = {**BASE_MANIFEST, "parties": [{"id": "x", "name": "X", "kind": "kommunen"}]}
    assert not validator.is_valid(wrong_kind)
    assert not validator.is_valid({**BASE_MANIFEST, "regoin": "typo"})
    assert not validator.is_valid({"name": "no region"})


def test_collection_schema_is_a_list_of_records() -> None:
    validator = jsonschema.Draft202012Validator(schema("collection", "documents"))
    document = {"id": "D1", "title": "Saksliste", "kind": "saksdokument", "date": "2024-03-01"}
    validator.validate([document])
    assert not validator.is_valid([{**document, "kind": "memo"}])
    assert not validator.is_valid([{"id": "D2", "title": "No date", "kind": "notat"}])


def test_ruleset_schema_accepts_the_packaged_rulesets_and_rejects_bad_checks() -> None:
    validator = jsonschema.Draft202012Validator(schema("ruleset"))
    for path in sorted((ROOT / "rulesets").glob("*.yaml")):
        data = plain(yaml.safe_load(path.read_text(encoding="utf-8")))
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, f"{path.name}: {errors[:3]}"
    national = plain(yaml.safe_load((ROOT / "rulesets/national.yaml").read_text("utf-8")))
    rule = next(r for r in national["rules"] if r["id"] == "SEK025")
    assert validator.is_valid({"rules": [rule]})
    unknown_kind = {**rule, "check": {**rule["check"], "kind": "magic"}}
    assert not validator.is_valid({"rules": [unknown_kind]})
    unknown_option = {**rule, "check": {**rule["check"], "colour": "red"}}
    assert not validator.is_valid({"rules": [unknown_option]})
    assert not validator.is_valid({"rules": [{"id": "SEK025", "params": {"x": 1}}]})  # no reason


def test_attestations_schema_accepts_the_fixtures() -> None:
    validator = jsonschema.Draft202012Validator(schema("attestations"))
    for path in sorted(ROOT.glob("fixtures/*/attestations.yaml")):
        validator.validate(plain(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert not validator.is_valid([{"item": "SEK101", "answer": "maybe"}])


def test_schema_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "manifest.schema.json"
    run = run_cli("schema", "manifest", "--output", target)
    assert run.exit_code == 0
    assert run.output == ""
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "secretariat.yaml"
