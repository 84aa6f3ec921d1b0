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


# --------------------------------------------------------------------------- parallel runs

CHECKOUT_FIXTURES = {"checkout", "dists", "wheel"}
"""Tests using these share one clean clone and one build: one pytest-xdist group."""
SHARED_MODULES = {"test_ci.py", "test_html_browser.py", "test_third_party_plugin.py"}
"""Modules whose module fixtures build a venv or start a browser: each runs whole on one
worker (``--dist loadgroup``), so nothing is built twice; other tests are spread one by one."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the groups (inert without ``pytest -n``)."""
    for item in items:
        if CHECKOUT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group("checkout"))
        elif item.path.name in SHARED_MODULES:
            item.add_marker(pytest.mark.xdist_group(item.path.name))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "xdist_group(name): run the group on one xdist worker")


# --------------------------------------------------------------------------- hostile peaks

HOSTILE_PEAKS: list[tuple[str, float, float | None]] = []
"""(case id, seconds, RSS in MB or None) of each hostile case (tests/test_hostile.py)."""
HOSTILE_CASES_RUN: set[str] = set()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Collect the hostile cases' timings (the reports of xdist workers arrive here too)."""
    if report.when != "call":
        return
    for name, value in report.user_properties:
        if name == "hostile_peak":
            case, seconds, rss_mb, pending = value
            HOSTILE_CASES_RUN.add(case)
            if not pending:
                HOSTILE_PEAKS.append((case, seconds, rss_mb))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Slowest hostile case and peak RSS of the session (for the issue's closing note)."""
    if not HOSTILE_CASES_RUN:
        return
    slowest = max(HOSTILE_PEAKS, key=lambda p: p[1], default=("-", 0.0, None))
    line = f"hostile: {len(HOSTILE_CASES_RUN)} cases; slowest {slowest[0]} {slowest[1]:.2f} s"
    rss = [(p[2], p[0]) for p in HOSTILE_PEAKS if p[2] is not None]
    if rss:
        peak = max(rss)
        line += f"; peak RSS {peak[1]} {peak[0]:.0f} MB"
    terminalreporter.write_line(line)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Errors, help and progress in English (``SECRETARIAT_RULES_LANG=en``) for this test."""
    monkeypatch.setenv("SECRETARIAT_RULES_LANG", "en")
