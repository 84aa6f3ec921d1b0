"""Every CI instruction works: the pre-commit hooks (``pre-commit try-repo``), the pipelines
``init`` writes, the shell blocks of ``docs/ci.md`` and the composite action ``action.yml``
run here, against the checkout's wheel (or, for pre-commit and the action, a clean clone
of its HEAD), in a fresh virtual environment whose dependencies come from the package
index — as on a fresh CI machine."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import GIT_IDENTITY, Checkout, git
from secretariat_rules.scaffold import GITHUB_WORKFLOW, GITLAB_CI
from secretariat_rules.testing import run_cli

ROOT = Path(__file__).resolve().parents[1]
CI_MD = ROOT / "docs" / "ci.md"
INSTALL_VARIABLE = "SECRETARIAT_RULES_URL"
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")

WAIVED = [
    ("SEK008", "documents/DOK-2024-021"),
    ("SEK009", "secretariat/miljoloftet"),
    ("SEK019", "expenditures/UTG-2024-008"),
    ("SEK025", "documents/REF-2024-06"),
    ("SEK026", "documents/DOK-2024-021"),
    ("SEK027", "secretariat/miljoloftet"),
]
"""The error findings of fixtures/miljoloftet: waived, the repository passes ``check``."""

BAD_ROW = "DOK-2024-999;Notat;saksdokument;31.02.2024;SG-2024-02;2024/999-1;01.03.2024\n"
"""A document dated 31 February: DAT001, an error for ``check`` and ``validate``."""


# --------------------------------------------------------------------------- fixtures


def clean_repo(root: Path) -> Path:
    """The Miljøløftet fixture with its errors waived, as a git repository: passes."""
    shutil.copytree(ROOT / "fixtures" / "miljoloftet", root)
    waivers = [
        {
            "rule": rule,
            "subject": subject,
            "reason": "Accepted while the CI is set up",
            "approved_by": "V-2024-001",
            "expires": "2099-12-31",
        }
        for rule, subject in WAIVED
    ]
    (root / "waivers.yaml").write_text(yaml.safe_dump(waivers, sort_keys=False), "utf-8")
    git(root, "init", "--quiet")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "data")
    return root


def break_repo(root: Path) -> Path:
    """Add a document with an impossible date (and commit it)."""
    with (root / "documents.csv").open("a", encoding="utf-8") as handle:
        handle.write(BAD_ROW)
    git(root, "commit", "--quiet", "-am", "a bad row")
    return root


@pytest.fixture(scope="module")
def tool_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment (what ``setup-python`` or an image gives): no package."""
    venv = tmp_path_factory.mktemp("venv") / "python"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    return venv


def shell_env(venv: Path, home: Path, **extra: str) -> dict[str, str]:
    """The environment of a CI shell: this one's (proxies, certificates, index settings)
    without its Python environment, the venv first on PATH, a fresh HOME."""
    skip = {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PRE_COMMIT_HOME", "PIP_REQUIRE_VIRTUALENV"}
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in skip and not k.startswith(("PYTEST", "GIT_", "SECRETARIAT_RULES"))
    }
    env |= {
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PIP_NO_COMPILE": "1",  # no .pyc for every dependency: minutes on a busy machine
        # The user's pip cache, though HOME is fresh: downloads are not what is tested.
        "PIP_CACHE_DIR": os.environ.get("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip")),
    }
    env.update(extra)
    return env


def run_bash(script: str, cwd: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """Run a step as GitHub does (``bash --noprofile --norc -eo pipefail``)."""
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=600,
    )


def fenced_blocks(text: str, language: str) -> list[str]:
    """The fenced code blocks of ``text`` marked ``language``, in order."""
    return re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def assert_reports(where: Path, *, sarif: bool = True) -> None:
    """The JUnit (and SARIF) reports were written in ``where`` and parse."""
    assert ET.parse(where / "secretariat-rules.xml").getroot().tag == "testsuites"
    if sarif:
        log = json.loads((where / "secretariat-rules.sarif").read_text(encoding="utf-8"))
        assert log["version"] == "2.1.0"


# --------------------------------------------------------------------------- pre-commit


def test_hooks_manifest_is_valid_and_pins_a_revision_that_can_exist() -> None:
    manifest = ROOT / ".pre-commit-hooks.yaml"
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(manifest)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    hooks = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["secretariat-rules", "secretariat-rules-validate"]
    assert "rev: <commit SHA or tag>" in manifest.read_text(encoding="utf-8")
    assert "v0.1.0" not in manifest.read_text(encoding="utf-8")  # no such tag exists


def test_pre_commit_try_repo_passes_clean_and_fails_broken(
    checkout: Checkout, tmp_path: Path
) -> None:
    """Both hooks in one ``try-repo`` (it builds the hook environment anew each time)."""
    repo = clean_repo(tmp_path / "data")
    command = [
        sys.executable, "-m", "pre_commit", "try-repo", str(checkout.path),
        "--ref", checkout.sha, "--all-files", "--verbose",
    ]  # fmt: skip
    env = {**os.environ, "NO_COLOR": "1", "PIP_NO_COMPILE": "1"}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command, cwd=repo, env=env, capture_output=True, text=True, timeout=600
        )

    passed = run()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.findall(r"^secretariat-rules (check|validate)\.+(\w+)$", passed.stdout, re.M) == [
        ("check", "Passed"),
        ("validate", "Passed"),
    ]
    break_repo(repo)
    failed = run()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.findall(r"^secretariat-rules (check|validate)\.+(\w+)$", failed.stdout, re.M) == [
        ("check", "Failed"),
        ("validate", "Failed"),
    ]
    assert failed.stdout.count("documents.csv:36") == 2  # the DAT001 row, in each hook


# --------------------------------------------------------------------------- init's pipelines


def test_init_writes_these_pipelines(tmp_path: Path) -> None:
    for ci, relative, text in (
        ("github", ".github/workflows/secretariat-rules.yml", GITHUB_WORKFLOW),
        ("gitlab", ".gitlab-ci.yml", GITLAB_CI),
    ):
        root = tmp_path / ci
        run = run_cli("init", root, "--region", "miljoloftet", "--ci", ci)
        assert run.exit_code == 0, run.stderr
        assert (root / relative).read_text(encoding="utf-8") == text
        assert "pip install secretariat-rules\n" not in text  # nothing is published yet
        assert f'pip install "secretariat-rules @ ${{{INSTALL_VARIABLE}}}"' in text


def github_run_steps(workflow: dict[str, Any]) -> list[str]:
    return [step["run"] for step in workflow["jobs"]["check"]["steps"] if "run" in step]


def test_github_workflow_steps_run_against_the_wheel(
    wheel: Path, tool_venv: Path, tmp_path: Path
) -> None:
    workflow = yaml.safe_load(GITHUB_WORKFLOW)
    assert workflow["env"] == {INSTALL_VARIABLE: f"${{{{ vars.{INSTALL_VARIABLE} }}}}"}
    uses = [s["uses"] for s in workflow["jobs"]["check"]["steps"] if "uses" in s]
    assert uses == [
        "actions/checkout@v4",
        "actions/setup-python@v5",
        "github/codeql-action/upload-sarif@v3",
        "actions/upload-artifact@v4",
    ]
    steps = github_run_steps(workflow)
    assert not [s for s in steps if "${{" in s]  # every value comes through env
    repo = clean_repo(tmp_path / "data")
    env = shell_env(tool_venv, tmp_path, **{INSTALL_VARIABLE: wheel.as_uri()})
    unset = run_bash(steps[0], repo, {k: v for k, v in env.items() if k != INSTALL_VARIABLE})
    assert unset.returncode != 0
    assert "SECRETARIAT_RULES_URL: set SECRETARIAT_RULES_URL, see the top of this file" in (
        unset.stderr
    )
    for step in steps:
        done = run_bash(step, repo, env)
        assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("secretariat-rules .: Funn – feil: 0,")
    assert_reports(repo)
    break_repo(repo)
    failed = run_bash(steps[-1], repo, env)
    assert failed.returncode == 1
    assert failed.stdout.splitlines()[0] == (
        "::error file=documents.csv,line=36,title=DAT001 invalid-record::"
        + failed.stdout.splitlines()[0].split("::", 2)[2]
    )
    assert_reports(repo)  # written for the if: always() uploads


def test_gitlab_script_runs_against_the_wheel(wheel: Path, tool_venv: Path, tmp_path: Path) -> None:
    job = yaml.safe_load(GITLAB_CI)["secretariat-rules"]
    assert job["artifacts"]["reports"]["junit"] == "secretariat-rules.xml"
    repo = clean_repo(tmp_path / "data")
    env = shell_env(tool_venv, tmp_path, **{INSTALL_VARIABLE: wheel.as_uri()})
    done = run_bash("\n".join(job["script"]), repo, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert_reports(repo, sarif=False)


# --------------------------------------------------------------------------- docs/ci.md


def test_docs_yaml_blocks_are_what_init_and_the_hooks_give() -> None:
    text = CI_MD.read_text(encoding="utf-8")
    action_workflow, gitlab, pre_commit_config = fenced_blocks(text, "yaml")
    uncommented = "".join(line for line in GITLAB_CI.splitlines(True) if not line.startswith("#"))
    assert gitlab == uncommented.lstrip("\n")
    config = yaml.safe_load(pre_commit_config)
    assert [h["id"] for h in config["repos"][0]["hooks"]] == ["secretariat-rules"]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        assert f"`{hook['id']}`" in text
    steps = yaml.safe_load(action_workflow)["jobs"]["check"]["steps"]
    assert steps[1]["uses"] == "OWNER/secretariat-rules@COMMIT_SHA"
    inputs = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["inputs"]
    assert set(steps[1]["with"]) <= set(inputs)
    for name in inputs:
        assert f"`{name}`" in text  # every input is documented


def test_docs_shell_blocks_run_in_a_data_repository(
    wheel: Path, tool_venv: Path, checkout: Checkout, tmp_path: Path
) -> None:
    text = CI_MD.read_text(encoding="utf-8")
    blocks = fenced_blocks(text, "sh")
    assert len(blocks) == 2  # a plain shell; pre-commit
    pre_commit_config = fenced_blocks(text, "yaml")[2]
    repo = clean_repo(tmp_path / "data")
    config = pre_commit_config.replace(
        "https://github.com/OWNER/secretariat-rules", str(checkout.path)
    ).replace("COMMIT_SHA", checkout.sha)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(repo, "add", ".pre-commit-config.yaml")
    git(repo, "commit", "--quiet", "-m", "pre-commit")
    env = shell_env(
        tool_venv,
        tmp_path,
        **{INSTALL_VARIABLE: wheel.as_uri(), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit")},
    )
    outputs = []
    for block in blocks:
        done = run_bash(block, repo, env)
        assert done.returncode == 0, block + done.stdout + done.stderr
        outputs.append(done.stdout)
    assert "secretariat-rules, version 0.1.0\n" in outputs[0]
    assert_reports(repo / "reports")
    assert re.search(r"secretariat-rules check\.+Passed", outputs[1])
    assert (repo / ".git" / "hooks" / "pre-commit").is_file()
    with (repo / "documents.csv").open("a", encoding="utf-8") as handle:
        handle.write(BAD_ROW)  # the hook pre-commit installed refuses to commit it
    git(repo, "add", "documents.csv")
    refused = subprocess.run(
        ["git", *GIT_IDENTITY, "commit", "-m", "a bad row"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert refused.returncode == 1, refused.stdout + refused.stderr
    hook_output = refused.stdout + refused.stderr  # git shows the hook's output on stderr
    assert re.search(r"secretariat-rules check\.+Failed", hook_output)
    assert "documents.csv:36" in hook_output


# --------------------------------------------------------------------------- action.yml


SHOW_POLARS = "import importlib.metadata as m; print(m.version('polars'))"
OLDER_POLARS = "2.1.0"  # allowed by pyproject.toml, older than the pinned one


def action() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_action_structure() -> None:
    spec = action()
    assert {"name", "description", "inputs", "outputs", "runs"} <= set(spec)
    assert spec["runs"]["using"] == "composite"
    steps = spec["runs"]["steps"]
    assert steps[0] == {
        "uses": "actions/setup-python@v5",
        "with": {"python-version": "${{ inputs.python-version }}"},
    }
    used: set[str] = set()
    for step in steps:
        for value in [*step.get("with", {}).values(), *step.get("env", {}).values()]:
            found = EXPRESSION.findall(str(value))
            used |= {m.removeprefix("inputs.") for m in found if m.startswith("inputs.")}
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"]  # inputs come through env, never spliced
            for variable in re.findall(r"\$\{?([A-Z_]+)", step["run"]):
                assert variable in step["env"] or variable in ("RUNNER_TEMP", "GITHUB_OUTPUT")
    assert used == set(spec["inputs"])  # every input is used
    for name, data in spec["inputs"].items():
        assert data["description"] and "default" in data, name
    check = next(s for s in steps if s.get("id") == "check")
    for name, output in spec["outputs"].items():
        assert output["value"] == f"${{{{ steps.check.outputs.{name} }}}}"
        assert f'echo "{name}=' in check["run"]


def action_env(
    step: dict[str, Any], inputs: Mapping[str, str], action_path: Path
) -> dict[str, str]:
    """A step's env with its expressions evaluated as the runner would."""

    def value(expression: str) -> str:
        if expression == "github.action_path":
            return str(action_path)
        return inputs[expression.removeprefix("inputs.")]

    return {k: EXPRESSION.sub(lambda m: value(m[1]), str(v)) for k, v in step["env"].items()}


def test_action_runs_the_docs_example_locally(
    checkout: Checkout, tool_venv: Path, tmp_path: Path
) -> None:
    spec = action()
    example = yaml.safe_load(fenced_blocks(CI_MD.read_text(encoding="utf-8"), "yaml")[0])
    step_of_docs = example["jobs"]["check"]["steps"][1]
    inputs = {name: str(data["default"]) for name, data in spec["inputs"].items()}
    inputs.update({k: str(v) for k, v in step_of_docs["with"].items()})
    workspace = tmp_path / "workspace"
    clean_repo(workspace)
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    output = tmp_path / "github_output"

    action_path = tmp_path / "action"
    git(tmp_path, "clone", "--quiet", str(checkout.path), str(action_path))
    constraints = action_path / "constraints.txt"
    pinned = re.sub(
        r"^(polars|polars-runtime-32)==.*$",
        rf"\1=={OLDER_POLARS}",
        constraints.read_text(encoding="utf-8"),
        flags=re.MULTILINE,
    )
    constraints.write_text(pinned, encoding="utf-8")

    def run_steps(steps: list[dict[str, Any]], values: Mapping[str, str]) -> str:
        output.write_text("", encoding="utf-8")
        done = None
        for step in steps:
            env = shell_env(
                tool_venv,
                tmp_path,
                RUNNER_TEMP=str(runner_temp),
                GITHUB_OUTPUT=str(output),
                **action_env(step, values, action_path),
            )
            done = run_bash(step["run"], workspace, env)
            if step.get("id") != "check":
                assert done.returncode == 0, done.stdout + done.stderr
        assert done is not None
        return f"exit {done.returncode}\n" + done.stdout

    run_steps_ = [s for s in spec["runs"]["steps"] if "run" in s]
    passed = run_steps(run_steps_, inputs)
    assert passed.startswith("exit 0\n")
    # its own checkout, installed with the versions of its constraints.txt: here an
    # older polars than the latest, so that an install without them would show
    polars = subprocess.run(
        [runner_temp / "secretariat-rules" / "bin" / "python", "-c", SHOW_POLARS],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert polars == OLDER_POLARS
    assert output.read_text(encoding="utf-8") == "exit-code=0\nsarif=secretariat-rules.sarif\n"
    assert json.loads((workspace / "secretariat-rules.sarif").read_text("utf-8"))["runs"]
    assert step_of_docs["id"] == "check"
    assert example["jobs"]["check"]["steps"][2]["with"]["sarif_file"] == (
        "${{ steps.check.outputs.sarif }}"
    )

    # Several repositories by a glob, one broken: the step fails, annotations name each.
    for name in ("bergen", "nord"):
        clean_repo(workspace / "data" / name)
    break_repo(workspace / "data" / "nord")
    several = {**inputs, "data": "data/*", "sarif": ""}
    failed = run_steps(run_steps_[1:], several)
    lines = failed.splitlines()
    assert lines[0] == "exit 1"
    assert [line.split(",title=")[0] for line in lines if line.startswith("::error")] == [
        "::error file=data/nord/documents.csv,line=36"
    ]
    assert "::warning file=data/bergen/secretariat.yaml,line=25" in failed
    assert lines[-2].startswith("secretariat-rules data/bergen: Funn – feil: 0,")
    assert lines[-1].startswith("secretariat-rules data/nord: Funn – feil: 1,")
    assert output.read_text(encoding="utf-8") == "exit-code=1\nsarif=\n"
