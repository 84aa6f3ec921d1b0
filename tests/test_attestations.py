"""Attested clauses SEK101-SEK110: the ``attested`` check kind and ``attestations.yaml``.

An answer is valid while ``as_of`` ≤ its date + ``valid_days`` (365); the latest answer
for an item counts; a missing, expired, ``partly`` or ``no`` answer is a finding on
``attestations/<rule id>`` at the counting answer's line. A bad file is a configuration
error (exit code 2) naming every problem with file:line. The base manifest's ``as_of`` is
2025-06-30.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from secretariat_rules import api
from secretariat_rules.checks import attested
from secretariat_rules.checks.base import CheckContext
from secretariat_rules.dataset import empty_dataset
from secretariat_rules.engine.ruleset import load_ruleset
from secretariat_rules.exceptions import AttestationError
from secretariat_rules.i18n.message import msg
from secretariat_rules.plugins import DEFAULT_PLUGINS, load_registry
from secretariat_rules.schema.attestations import (
    Attestation,
    Attestations,
    AttestationsFile,
    template_lines,
    validate_attestations,
)
from secretariat_rules.testing import Repo
from secretariat_rules.yamlio import load_yaml

RepoFactory = Callable[..., Repo]
ITEMS = [f"SEK{n}" for n in range(101, 111)]


def answer(item: str, date: str = "2025-03-15", value: str = '"yes"', by: str = "Leder") -> str:
    """One entry: five lines, the first being ``- item: ...``."""
    return (
        f"- item: {item}\n"
        f"  answer: {value}\n"
        f"  evidence: Referat fra styringsgruppen\n"
        f"  by: {by}\n"
        f"  date: {date}\n"
    )


def all_yes(date: str = "2025-03-15") -> str:
    return "".join(answer(item, date) for item in ITEMS)


def repo_with(secretariat_repo: RepoFactory, text: str | None) -> Repo:
    files = {} if text is None else {"attestations.yaml": text}
    return secretariat_repo(files=files)


# --------------------------------------------------------------------------- passing


def test_every_clause_answered_yes_passes(secretariat_repo: RepoFactory) -> None:
    run = repo_with(secretariat_repo, all_yes()).check("--select", "SEK1")
    assert run.exit_code == 0, run.stderr
    assert run.triples() == []
    statuses = {r["id"]: r["status"] for r in run.report["rules"] if r["id"] in ITEMS}
    assert statuses == dict.fromkeys(ITEMS, "passed")


def test_unquoted_yes_and_norwegian_dates_are_accepted(secretariat_repo: RepoFactory) -> None:
    text = answer("SEK101", "15.03.2025", "yes") + answer("SEK102", "2025-03-15", "Yes")
    run = repo_with(secretariat_repo, text).check("--select", "SEK101,SEK102")
    assert run.exit_code == 0, run.stderr
    assert run.triples() == []


# --------------------------------------------------------------------------- validity


@pytest.mark.parametrize(
    ("date", "valid"),
    [
        ("2024-06-30", True),  # as_of 2025-06-30 = date + 365: still valid
        ("2024-06-29", False),  # one day older: expired
    ],
)
def test_an_answer_is_valid_for_valid_days(
    secretariat_repo: RepoFactory, date: str, valid: bool
) -> None:
    repo = repo_with(secretariat_repo, answer("SEK101", date))
    run = repo.check("--select", "SEK101", "--lang", "en")
    if valid:
        assert run.triples() == []
        return
    assert run.triples() == [("SEK101", "attestations/SEK101", ("attestations.yaml:1",))]
    assert (
        "the answer of 2024-06-29 (Leder) was valid until 2025-06-29" in run.findings[0]["message"]
    )


def test_valid_days_is_a_parameter(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    ruleset = tmp_path / "short.yaml"
    ruleset.write_text(
        "extends: national\nrules:\n"
        "  - {id: SEK101, reason: 'answers go stale after 30 days', params: {valid_days: 30}}\n",
        encoding="utf-8",
    )
    repo = repo_with(secretariat_repo, answer("SEK101", "2025-05-30"))  # valid to 06-29
    assert repo.check("--select", "SEK101", "--ruleset", str(ruleset)).subjects() == [
        "attestations/SEK101"
    ]
    assert repo.check("--select", "SEK101").subjects() == []


def test_missing_file_gives_a_finding_per_clause_without_a_line(
    secretariat_repo: RepoFactory,
) -> None:
    run = repo_with(secretariat_repo, None).check("--select", "SEK1", "--lang", "en")
    assert run.triples() == [
        (item, f"attestations/{item}", ("attestations.yaml:None",)) for item in ITEMS
    ]
    assert all(
        f["locations"] == [{"path": "attestations.yaml", "line": None}] for f in run.findings
    )
    assert run.findings[0]["message"].endswith(": no answer in attestations.yaml")
    severities = {f["rule"]: f["severity"] for f in run.findings}
    assert severities["SEK101"] == "error" and severities["SEK110"] == "info"


def test_missing_item_in_an_existing_file(secretariat_repo: RepoFactory) -> None:
    text = "".join(answer(item) for item in ITEMS if item != "SEK105")
    run = repo_with(secretariat_repo, text).check("--select", "SEK1")
    assert run.triples() == [("SEK105", "attestations/SEK105", ("attestations.yaml:None",))]


def test_partly_and_no_are_findings_at_their_line(secretariat_repo: RepoFactory) -> None:
    text = answer("SEK101", value="partly") + answer("SEK110", value="no")
    run = repo_with(secretariat_repo, text).check("--select", "SEK101,SEK110", "--lang", "en")
    assert run.triples() == [
        ("SEK101", "attestations/SEK101", ("attestations.yaml:1",)),
        ("SEK110", "attestations/SEK110", ("attestations.yaml:6",)),
    ]
    assert (
        "answered 'partly' on 2025-03-15 by Leder: Referat fra styringsgruppen"
        in (run.findings[0]["message"])
    )
    assert "answered 'no' on 2025-03-15 by Leder" in run.findings[1]["message"]
    assert run.exit_code == 1  # SEK101 is an error; SEK110 (kan) only info


def test_a_kan_clause_alone_does_not_fail_the_run(secretariat_repo: RepoFactory) -> None:
    run = repo_with(secretariat_repo, answer("SEK110", value="no")).check("--select", "SEK110")
    assert run.subjects() == ["attestations/SEK110"]
    assert run.findings[0]["severity"] == "info"
    assert run.exit_code == 0


def test_the_latest_answer_counts(secretariat_repo: RepoFactory) -> None:
    text = (
        answer("SEK101", "2025-01-10", "no")  # line 1: superseded
        + answer("SEK101", "2025-03-15", '"yes"')  # line 6: counts
        + answer("SEK102", "2025-03-15", '"yes"')  # line 11: superseded
        + answer("SEK102", "2025-04-01", "partly")  # line 16: counts
        + answer("SEK102", "2025-02-01", '"yes"')  # line 21: older, later in the file
    )
    run = repo_with(secretariat_repo, text).check("--select", "SEK101,SEK102")
    assert run.triples() == [("SEK102", "attestations/SEK102", ("attestations.yaml:16",))]


def test_same_day_answers_the_later_in_the_file_counts(secretariat_repo: RepoFactory) -> None:
    text = answer("SEK101", value='"yes"') + answer("SEK101", value="partly")
    run = repo_with(secretariat_repo, text).check("--select", "SEK101")
    assert run.triples() == [("SEK101", "attestations/SEK101", ("attestations.yaml:6",))]


def test_an_answer_dated_after_as_of_does_not_count_yet(secretariat_repo: RepoFactory) -> None:
    text = answer("SEK101", "2025-03-15", "partly") + answer("SEK101", "2025-07-01", '"yes"')
    repo = repo_with(secretariat_repo, text)
    assert repo.check("--select", "SEK101").triples() == [
        ("SEK101", "attestations/SEK101", ("attestations.yaml:1",))
    ]
    assert repo.check("--select", "SEK101", "--as-of", "2025-07-01").triples() == []
    only_future = repo_with(secretariat_repo, answer("SEK101", "2025-07-01"))
    run = only_future.check("--select", "SEK101", "--lang", "en")
    assert run.triples() == [("SEK101", "attestations/SEK101", ("attestations.yaml:None",))]
    assert "no answer dated on or before 2025-06-30" in run.findings[0]["message"]


# --------------------------------------------------------------------------- bad files


def test_a_bad_file_lists_every_problem_with_its_line(secretariat_repo: RepoFactory) -> None:
    text = (
        answer("SEK101", "2025-02-30")  # lines 1-5: no such day
        + answer("SEK102", value="maybe")  # lines 6-10: not an answer
        + answer("SEK111")  # lines 11-15: no such rule
        + answer("SEK015")  # lines 16-20: a rule, but not an attested one
        + "- item: SEK103\n  answer: partly\n  by: Leder\n  date: 2025-03-15\n"  # 21: fine
        + "- item: SEK104\n  answer: 'yes'\n  evidence: x\n  by: Leder\n  date: 2025-03-15\n"
        + "  signed: true\n"  # 25-30: unknown key at line 30
        + "- SEK105\n"  # 31: not a mapping
        + answer("SEK106")  # fine
    )
    run = repo_with(secretariat_repo, text).check("--select", "SEK101")
    assert run.exit_code == 2
    assert "Traceback" not in run.stderr
    for where in (
        "attestations.yaml:5: date:",
        "attestations.yaml:7: answer:",
        "attestations.yaml:11: item: 'SEK111' er ikke en egenerklæringsregel i regelsettet",
        "attestations.yaml:16: item: 'SEK015' er ikke en egenerklæringsregel i regelsettet",
        "attestations.yaml:30: signed:",
        "attestations.yaml:31: oppføring 7:",
    ):
        assert where in run.stderr, where
    assert "attestations.yaml:21" not in run.stderr  # evidence and by are optional
    assert "attestations.yaml:32" not in run.stderr


def test_a_yaml_syntax_error_is_a_configuration_error(secretariat_repo: RepoFactory) -> None:
    text = answer("SEK101") + "- item: SEK102\n  answer: [yes\n  by: x\n"
    run = repo_with(secretariat_repo, text).check("--select", "SEK101")
    assert run.exit_code == 2
    assert "attestations.yaml:" in run.stderr and "ugyldig YAML" in run.stderr


def test_a_file_that_is_not_a_list(secretariat_repo: RepoFactory) -> None:
    run = repo_with(secretariat_repo, "SEK101: yes\n").check("--select", "SEK101")
    assert run.exit_code == 2
    assert "attestations.yaml:1: forventet en liste med svar" in run.stderr


def test_an_empty_file_has_no_answers(secretariat_repo: RepoFactory) -> None:
    run = repo_with(secretariat_repo, "# nothing answered yet\n").check("--select", "SEK101")
    assert run.triples() == [("SEK101", "attestations/SEK101", ("attestations.yaml:None",))]


def test_the_file_is_not_read_when_no_attested_rule_runs(secretariat_repo: RepoFactory) -> None:
    run = repo_with(secretariat_repo, "- [broken\n").check("--select", "SEK015")
    assert run.exit_code == 1  # SEK015's own findings, no configuration error


def test_an_answer_for_a_disabled_attested_rule_is_not_unknown(
    secretariat_repo: RepoFactory, tmp_path: Path
) -> None:
    ruleset = tmp_path / "no-mediation.yaml"
    ruleset.write_text(
        "extends: national\nrules:\n"
        "  - {id: SEK110, enabled: false, reason: 'no mediation in this region'}\n",
        encoding="utf-8",
    )
    run = repo_with(secretariat_repo, all_yes()).check(
        "--ruleset", str(ruleset), "--select", "SEK1"
    )
    assert run.exit_code == 0, run.stderr
    assert {r["id"]: r["status"] for r in run.report["rules"]}["SEK110"] == "disabled"


# --------------------------------------------------------------------------- machinery


def test_the_file_is_parsed_once_per_dataset(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []
    original = api.load_attestations

    def counting(root: Path, known: frozenset[str] | None) -> Attestations:
        calls.append(root)
        return original(root, known)

    monkeypatch.setattr(api, "load_attestations", counting)
    repo = repo_with(secretariat_repo, all_yes())
    run = repo.check("--select", "SEK1")
    assert run.triples() == []
    # once per dataset, at the boundary: the ruleset's dry run reads no file
    assert calls.count(repo.path) == 1
    assert len(calls) == len(set(calls))


def test_load_attestations_raises_with_every_problem(tmp_path: Path) -> None:
    (tmp_path / "attestations.yaml").write_text(
        answer("SEK101", value="maybe") + answer("SEK999"), encoding="utf-8"
    )
    with pytest.raises(AttestationError) as info:
        api.load_attestations(tmp_path, frozenset(ITEMS))
    assert [(p.path, p.line) for p in info.value.problems] == [
        ("attestations.yaml", 2),
        ("attestations.yaml", 6),
    ]


def test_the_check_reads_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """The attested check is pure: it judges the attestations the dataset was given."""
    text = answer("SEK101", "2025-03-15", "partly") + "# - item: SEK102\n"
    data, index = load_yaml(text, "attestations.yaml")
    given = validate_attestations(data, index, frozenset(ITEMS), template_lines(text))
    dataset = replace(empty_dataset(), attestations=given)

    def no_io(*args: object, **kwargs: object) -> None:
        raise AssertionError("the attested check opened a file")

    monkeypatch.setattr("builtins.open", no_io)
    monkeypatch.setattr(Path, "open", no_io)
    monkeypatch.setattr(Path, "read_bytes", no_io)
    monkeypatch.setattr(Path, "read_text", no_io)
    check = attested.AttestedCheck()
    config = attested.AttestedConfig()

    def outcome(item: str) -> list[tuple[str, tuple[str, ...]]]:
        ctx = CheckContext(
            dataset,
            {"valid_days": 365},
            dt.date(2025, 6, 30),
            dt.date(2024, 1, 1),
            dt.date(2024, 12, 31),
            "en",
            item,
        )
        output = check.run(config, ctx)
        assert output.evaluated == 1
        return [(str(f.subject), tuple(str(loc) for loc in f.locations)) for f in output.findings]

    assert outcome("SEK101") == [("attestations/SEK101", ("attestations.yaml:1",))]
    assert outcome("SEK102") == [("attestations/SEK102", ("attestations.yaml:6",))]
    assert outcome("SEK103") == [("attestations/SEK103", ("attestations.yaml",))]
    # a dataset given no attestations has none: every item is missing, with no line
    ctx = CheckContext(
        empty_dataset(), {}, dt.date(2025, 6, 30), dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    )
    ctx.rule_id = "SEK101"
    [finding] = check.run(config, ctx).findings
    assert finding.reasons == (msg("attested.missing", as_of=dt.date(2025, 6, 30), item="SEK101"),)


def test_attested_is_a_default_plugin_and_kind() -> None:
    assert "secretariat_rules.checks.attested" in DEFAULT_PLUGINS
    registry = load_registry(load_entry_points=False)
    assert registry.providers[("check kind", "attested")] == "secretariat_rules.checks.attested"
    national = load_ruleset("national", registry.rulesets, registry.check_kinds)
    assert [r.id for r in national.rules.values() if r.check == [{"kind": "attested"}]] == ITEMS
    assert {r.id: r.modal for r in national.rules.values() if r.id in ITEMS} == {
        **dict.fromkeys(ITEMS, "skal"),
        "SEK110": "kan",
    }


def test_bymiljopakken_clauses() -> None:
    registry = load_registry(load_entry_points=False)
    national = load_ruleset("national", registry.rulesets, registry.check_kinds)
    regional = load_ruleset("bymiljopakken", registry.rulesets, registry.check_kinds)
    clauses = {rid: regional.rules[rid].clause for rid in ITEMS}
    assert clauses == {
        **{rid: national.rules[rid].clause for rid in ITEMS},
        "SEK102": "1f",
        "SEK103": "2a–2b",
        "SEK104": "2d",
    }
    for rid in ("SEK102", "SEK103", "SEK104"):
        assert regional.rules[rid].origin["clause"] == "bymiljopakken"
        assert regional.rules[rid].changes[-1].reason


def test_bymiljopakken_findings_carry_its_clause(secretariat_repo: RepoFactory) -> None:
    run = repo_with(secretariat_repo, None).check(
        "--ruleset", "bymiljopakken", "--select", "SEK102,SEK103,SEK104"
    )
    assert {f["rule"]: f["clause"] for f in run.findings} == {
        "SEK102": "1f",
        "SEK103": "2a–2b",
        "SEK104": "2d",
    }


def test_attestation_schema() -> None:
    schema = AttestationsFile.model_json_schema()
    assert schema["type"] == "array"
    item = Attestation.model_json_schema()
    assert set(item["properties"]) == {"item", "answer", "evidence", "by", "date"}
    assert set(item["required"]) == {"item", "answer", "date"}
    assert item["additionalProperties"] is False
    assert item["properties"]["answer"]["enum"] == ["yes", "partly", "no"]


def test_attestation_model_maps_yaml_booleans() -> None:
    data = yaml.safe_load("item: SEK101\nanswer: no\nby: Leder\ndate: 2025-03-15\n")
    assert Attestation.model_validate(data).answer == "no"
    assert Attestation.model_validate({**data, "answer": True}).answer == "yes"
