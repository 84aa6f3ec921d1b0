"""Session fixtures shared by the packaging and CI tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GIT_IDENTITY = ["-c", "user.name=secretariat-rules tests", "-c", "user.email=tests@invalid"]


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd`` (with a test identity) and return its stripped stdout."""
    run = subprocess.run(
        ["git", *GIT_IDENTITY, *args], cwd=cwd, check=True, capture_output=True, text=True
    )
    return run.stdout.strip()


@dataclass(frozen=True)
class Checkout:
    """A clean git repository of the tool and the commit its HEAD is."""

    path: Path
    sha: str


@pytest.fixture(scope="session")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Checkout:
    """A clean clone of the checkout's HEAD (what a user pins: a commit, not a dirty
    tree); a checkout without ``.git`` (an unpacked sdist) is copied and committed."""
    target = tmp_path_factory.mktemp("tool") / "secretariat-rules"
    if (ROOT / ".git").exists():
        git(ROOT.parent, "clone", "--quiet", "--no-hardlinks", str(ROOT), str(target))
    else:
        ignore = shutil.ignore_patterns(".venv", "*cache*", "__pycache__", "build", "dist")
        shutil.copytree(ROOT, target, ignore=ignore)
        git(target, "init", "--quiet")
        git(target, "add", "--all")
        git(target, "commit", "--quiet", "-m", "checkout")
    return Checkout(target, git(target, "rev-parse", "HEAD"))


@pytest.fixture(scope="session")
def dists(checkout: Checkout, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and wheel of the checkout, built once per session (``python -m build``,
    no isolation: the build backend comes from the venv, nothing is downloaded)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(checkout.path)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


@pytest.fixture(scope="session")
def wheel(dists: Path) -> Path:
    """The wheel, built from the checkout's sdist."""
    (built,) = dists.glob("*.whl")
    return built
