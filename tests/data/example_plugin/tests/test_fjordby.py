"""The plugin's own tests, with the ``secretariat_repo`` fixture of secretariat-rules.

The fixture comes from the ``pytest11`` entry point of secretariat-rules, so nothing
needs importing to use it: it writes a data repository and runs the real command line on it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from secretariat_rules.testing import Repo  # only for the type; the fixture needs no import

RepoFactory = Callable[..., Repo]

MANIFEST = {
    "region": "fjordby",
    "period": {"start": "2024-01-01", "end": "2024-12-31"},
    "as_of": "2025-06-30",
}
EXPENDITURES = [
    {
        "id": "E1",
        "date": "2024-03-01",
        "amount_nok": "400 000",
        "funding": "annet",
        "category": "analyse",
    },
    {
        "id": "E2",
        "date": "2024-05-02",
        "amount_nok": "2 500 000",
        "funding": "annet",
        "category": "prosjekt",
    },
]


def test_an_expenditure_above_the_cap_is_found(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(manifest=MANIFEST, expenditures=EXPENDITURES)
    run = repo.check("--select", "FJB001")
    assert run.exit_code == 1, run.stderr
    assert run.report["ruleset"] == "fjordby"  # the region profile's default ruleset
    assert run.triples() == [("FJB001", "expenditures/E2", ("expenditures.csv:3",))]


def test_under_the_cap_passes(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(manifest=MANIFEST, expenditures=EXPENDITURES[:1])
    assert repo.check("--select", "FJB001").exit_code == 0


def test_summary_reporter(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(manifest=MANIFEST, expenditures=EXPENDITURES)
    run = repo.cli("check", "--format", "summary", "--select", "FJB001", "--lang", "en")
    assert run.output == "fjordby: 1 errors, 0 warnings, 0 info\n"


def test_a_misspelt_option_is_a_ruleset_error(
    secretariat_repo: RepoFactory, tmp_path: Path
) -> None:
    ruleset = tmp_path / "typo.yaml"
    ruleset.write_text(
        "rules:\n"
        "  - id: FJB002\n"
        "    name: typo\n"
        "    clause: '1'\n"
        "    modal: skal\n"
        "    title: {nb: T, en: T}\n"
        "    message: {nb: M, en: M}\n"
        "    guideline: G\n"
        "    params: {max_nok: 1}\n"
        "    check: {kind: max_amount, colection: expenditures}\n",
        encoding="utf-8",
    )
    run = secretariat_repo(manifest=MANIFEST).check("--ruleset", str(ruleset))
    assert run.exit_code == 2
    assert "typo.yaml:10" in run.stderr and "colection" in run.stderr
