"""A third-party plugin, installed with pip, is found through its entry point alone.

``tests/data/example_plugin`` (the example of ``docs/plugins.md``) is pip-installed into a
fresh virtual environment, built offline with the hatchling of this environment
(``--no-index --no-build-isolation --no-deps``). That environment sees this one's
site-packages through a ``.pth`` file (as ``--system-site-packages`` would for a base
interpreter), so secretariat-rules and its dependencies are importable there, while the
plugin exists only there. Then the real command line runs in it: ``plugins``, a ``check``
with the plugin's check kind, ruleset and reporter, and the plugin's own test suite with
the ``secretariat_repo`` fixture.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import venv
from pathlib import Path
from typing import Any

import pytest

from secretariat_rules.plugins import load_registry
from secretariat_rules.testing import write_repo

EXAMPLE = Path(__file__).parent / "data" / "example_plugin"
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
        "category": "analyse",
    },
]


def run(
    python: Path, *args: str | Path, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` without this session's plugin and pip settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SECRETARIAT_RULES_", "PIP_"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run(
        [str(python), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=env,
        timeout=300,
    )


@pytest.fixture(scope="module")
def plugin_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment holding the example plugin; returns its Python."""
    root = tmp_path_factory.mktemp("third_party")
    env_dir = root / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    lines = "".join(f"import site; site.addsitedir({p!r})\n" for p in site.getsitepackages())
    Path(purelib.stdout.strip(), "_parent_env.pth").write_text(lines, encoding="utf-8")
    source = root / "example_plugin"
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("__pycache__"))
    installed = run(
        python,
        "-m",
        "pip",
        "install",
        "--no-index",
        "--no-deps",
        "--no-build-isolation",
        "--disable-pip-version-check",
        "--quiet",
        source,
    )
    assert installed.returncode == 0, installed.stderr
    return python


def test_the_plugin_is_not_installed_here() -> None:
    assert "fjordby" not in load_registry().region_profiles


def test_plugins_lists_it_from_its_entry_point(plugin_env: Path) -> None:
    listed = run(plugin_env, "-m", "secretariat_rules", "plugins", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    by_name: dict[str, Any] = {entry["name"]: entry for entry in json.loads(listed.stdout)}
    assert by_name["fjordby"] == {
        "name": "fjordby",
        "module": "secretariat_fjordby.plugin",
        "origin": "entry point",
        "distribution": "secretariat-fjordby",
        "version": "0.3.0",
        "label": "secretariat-fjordby 0.3.0",
        "provides": {
            "region_profiles": ["fjordby"],
            "source_adapters": [],
            "check_kinds": ["max_amount"],
            "reporters": ["summary"],
            "rulesets": ["fjordby"],
        },
    }
    assert "regions" in by_name  # the project's own plugins load beside it
    text = run(plugin_env, "-m", "secretariat_rules", "plugins")
    assert (
        "fjordby: region fjordby, kontrolltype max_amount, rapportformat summary, "
        "regelsett fjordby "
        "[secretariat-fjordby 0.3.0; secretariat_fjordby.plugin]"
    ) in text.stdout.splitlines()
    off = run(plugin_env, "-m", "secretariat_rules", "--no-plugin-autoload", "plugins")
    assert "fjordby" not in off.stdout


def test_check_uses_its_profile_check_kind_and_reporter(plugin_env: Path, tmp_path: Path) -> None:
    repo = write_repo(tmp_path / "repo", MANIFEST, expenditures=EXPENDITURES)
    args = ("-m", "secretariat_rules", "check", repo, "--select", "FJB001")
    as_json = run(plugin_env, *args, "--format", "json")
    assert as_json.returncode == 1, as_json.stderr
    report = json.loads(as_json.stdout)
    assert report["ruleset"] == "fjordby"
    assert [(f["rule"], f["subject"]["id"]) for f in report["findings"]] == [("FJB001", "E2")]
    summary = run(plugin_env, *args, "--format", "summary", "--lang", "en")
    assert summary.returncode == 1, summary.stderr
    assert summary.stdout == "fjordby: 1 errors, 0 warnings, 0 info\n"


def test_its_own_tests_pass_with_the_secretariat_repo_fixture(
    plugin_env: Path, tmp_path: Path
) -> None:
    source = tmp_path / "example_plugin"
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("__pycache__"))
    result = run(
        plugin_env,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        f"--basetemp={tmp_path / 'basetemp'}",
        cwd=source,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


def test_the_guide_shows_the_example_as_it_is() -> None:
    guide = (Path(__file__).parents[1] / "docs" / "plugins.md").read_text(encoding="utf-8")
    blocks = re.findall(r"<!-- file: (\S+) -->\n```\w*\n(.*?)```\n", guide, flags=re.DOTALL)
    assert len(blocks) == 6
    for path, text in blocks:
        assert text == (EXAMPLE / path).read_text(encoding="utf-8"), path
