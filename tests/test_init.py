"""``init``: a scaffolded repository passes ``validate`` and names its region."""

from __future__ import annotations

from pathlib import Path

import yaml

from secretariat_rules.testing import run_cli


def test_init_scaffolds_a_repository_that_check_accepts(tmp_path: Path) -> None:
    root = tmp_path / "bergen"
    run = run_cli("init", root, "--region", "miljoloftet", "--year", "2024")
    assert run.exit_code == 0, run.stderr
    manifest = yaml.safe_load((root / "secretariat.yaml").read_text(encoding="utf-8"))
    assert manifest["region"] == "miljoloftet"
    assert (root / ".github/workflows/secretariat-rules.yml").is_file()
    assert (root / "meetings.csv").read_text(encoding="utf-8").startswith("id,body,date")
    validated = run_cli("validate", root, "--format", "json", "--as-of", "2025-06-30")
    assert validated.exit_code == 0, validated.stderr
    assert validated.triples() == []
    checked = run_cli("check", root, "--format", "json", "--as-of", "2025-06-30")
    assert checked.exit_code in (0, 1), checked.stderr
    assert not [t for t in checked.triples() if t[0].startswith("DAT")]


def test_init_gitlab_and_refusals(tmp_path: Path, english: None) -> None:
    run = run_cli("init", tmp_path / "a", "--region", "bymiljopakken", "--ci", "gitlab")
    assert run.exit_code == 0
    assert "junit: secretariat-rules.xml" in (tmp_path / "a" / ".gitlab-ci.yml").read_text()
    again = run_cli("init", tmp_path / "a", "--region", "bymiljopakken")
    assert again.exit_code == 2 and "not empty" in again.stderr
    unknown = run_cli("init", tmp_path / "b", "--region", "atlantis")
    assert unknown.exit_code == 2 and "unknown region" in unknown.stderr


def test_init_refuses_a_device_and_names_what_it_cannot_write(
    tmp_path: Path, english: None
) -> None:
    """Not a bug report (exit 3): ``/dev/null`` is no directory, and a place that cannot
    be written (here a directory under a regular file) is named with the reason."""
    device = run_cli("init", "/dev/null", "--region", "miljoloftet")
    assert device.exit_code == 2
    assert device.stderr.strip() == (
        "secretariat-rules: error: /dev/null exists and is not a directory; "
        "init writes a new data repository"
    )
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "repo"
    unwritable = run_cli("init", target, "--region", "miljoloftet")
    assert unwritable.exit_code == 2
    assert unwritable.stderr.strip() == (
        f"secretariat-rules: error: cannot write {target / 'secretariat.yaml'}: Not a directory"
    )
