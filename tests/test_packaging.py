"""The package is ready to publish: sdist and wheel build, ``twine check`` passes, the
metadata is complete, ``--version`` tells the truth and the changelog is kept."""

from __future__ import annotations

import email.parser
import importlib.metadata
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from trove_classifiers import classifiers as KNOWN_CLASSIFIERS

import secretariat_rules
from secretariat_rules.testing import run_cli

ROOT = Path(__file__).resolve().parents[1]


def metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))


def test_twine_check_passes_on_sdist_and_wheel(dists: Path) -> None:
    files = sorted(dists.iterdir())
    assert [f.name for f in files] == [
        f"secretariat_rules-{secretariat_rules.__version__}-py3-none-any.whl",
        f"secretariat_rules-{secretariat_rules.__version__}.tar.gz",
    ]
    run = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count("PASSED") == 2


def test_wheel_metadata_is_complete(wheel: Path) -> None:
    meta = metadata(wheel)
    assert meta["Name"] == "secretariat-rules"
    assert meta["Version"] == secretariat_rules.__version__
    assert meta["Author"] and meta["Maintainer"]
    assert meta["License"] == "MIT"
    assert meta["Requires-Python"] == ">=3.11"
    assert "byvekstavtale" in meta["Keywords"].split(",")
    assert meta["Description-Content-Type"] == "text/markdown"
    assert "# secretariat-rules" in meta.get_payload()
    classifiers = meta.get_all("Classifier") or []
    assert set(classifiers) <= KNOWN_CLASSIFIERS
    for wanted in (
        "Development Status :: 3 - Alpha",
        "Environment :: Console",
        "License :: OSI Approved :: MIT License",
        "Natural Language :: Norwegian",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Programming Language :: Python :: 3.13",
    ):
        assert wanted in classifiers
    assert any(c.startswith("Intended Audience ::") for c in classifiers)
    assert any(c.startswith("Topic ::") for c in classifiers)
    assert meta.get_all("Project-URL") == ["Homepage, https://pypi.org/project/secretariat-rules/"]
    requires = [r for r in meta.get_all("Requires-Dist") or [] if "extra ==" not in r]
    assert not [r for r in requires if r.startswith("junit-xml")]  # nothing imports it


def test_wheel_carries_the_rulesets_plugins_and_entry_points(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        entries = archive.read(entry_points).decode("utf-8")
    for ruleset in (ROOT / "rulesets").glob("*.yaml"):
        assert f"secretariat_rules/rulesets/{ruleset.name}" in names
    assert "secretariat_rules/reporters/github.py" in names
    assert "secretariat_regions/sources/noark5/__init__.py" in names
    for version in ("v3.1", "v4.0", "v5.0", "v5.5"):  # the schemas --schema-check loads
        for xsd in ("arkivstruktur.xsd", "metadatakatalog.xsd"):
            assert f"secretariat_regions/sources/noark5/xsd/{version}/{xsd}" in names
    for region in (ROOT / "plugins/secretariat_regions/regions").glob("*.yaml"):
        assert f"secretariat_regions/regions/{region.name}" in names  # the region profiles
    assert "secretariat-rules = secretariat_rules.cli.fast_exit:console_main" in entries
    assert "regions = secretariat_regions.profiles" in entries


def test_sdist_has_changelog_license_hooks_and_action(dists: Path) -> None:
    (sdist,) = dists.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for wanted in (
        "CHANGELOG.md",
        "LICENSE",
        "README.md",
        ".pre-commit-hooks.yaml",
        "action.yml",
        "pyproject.toml",
        "docs/ci.md",
        "tests/test_cli.py",
    ):
        assert wanted in names
    assert not [n for n in names if "__pycache__" in n or n.startswith(".venv")]


def test_version_option_matches_the_installed_metadata() -> None:
    run = run_cli("--version")
    assert run.exit_code == 0
    assert run.output == f"secretariat-rules, version {secretariat_rules.__version__}\n"
    assert importlib.metadata.version("secretariat-rules") == secretariat_rules.__version__
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'\nversion = "{secretariat_rules.__version__}"\n' in pyproject


def test_changelog_keeps_a_changelog() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    assert "https://keepachangelog.com/en/1.1.0/" in text
    versions = re.findall(r"^## \[([^\]]+)\]", text, flags=re.MULTILINE)
    assert versions[0] == "Unreleased"
    for version in versions:
        assert re.search(rf"^\[{re.escape(version)}\]: \S+$", text, flags=re.MULTILINE)
    kinds = set(re.findall(r"^### (\w+)$", text, flags=re.MULTILINE))
    assert kinds and kinds <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
