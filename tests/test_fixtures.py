"""The bundled fixtures produce exactly the findings their READMEs and expected.yaml list."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from secretariat_rules.testing import run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WITH_EXPECTATIONS = sorted(p.parent for p in FIXTURES.glob("*/expected.yaml"))


def expected(fixture: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    data = yaml.safe_load((fixture / "expected.yaml").read_text(encoding="utf-8"))
    return sorted((f["rule"], f["subject"], tuple(f["locations"])) for f in data["findings"])


@pytest.mark.parametrize("fixture", WITH_EXPECTATIONS, ids=lambda p: p.name)
def test_fixture_gives_exactly_the_planted_findings(fixture: Path) -> None:
    run = run_cli("check", fixture, "--format", "json")
    assert run.exit_code == 1, run.stderr
    assert sorted(run.triples()) == expected(fixture)


@pytest.mark.parametrize("fixture", WITH_EXPECTATIONS, ids=lambda p: p.name)
def test_fixture_readme_lists_every_planted_finding(fixture: Path) -> None:
    readme = (fixture / "README.md").read_text(encoding="utf-8")
    for rule, subject, _ in expected(fixture):
        assert rule in readme and subject.split("/", 1)[1] in readme, (rule, subject)


def test_fixtures_have_no_data_integrity_findings() -> None:
    for fixture in WITH_EXPECTATIONS:
        run = run_cli("validate", fixture, "--format", "json")
        assert run.triples() == [], fixture.name


def test_junit_output_of_the_demo_fixture(tmp_path: Path) -> None:
    out = tmp_path / "r.xml"
    run = run_cli("check", FIXTURES / "miljoloftet", "--format", "junit", "--output", out)
    assert run.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert 'name="SEK019 delegated-authority"' in text and "<failure" in text
