"""``constraints.txt``: the dependency versions the suite passed with, complete and in range.

``make`` and the GitHub Action install with it (docs/ci.md, "Pinned dependencies"); these
tests keep it a closed, exact set that ``pyproject.toml``'s ranges allow.
"""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints.txt"


def pins() -> dict[str, Version]:
    """Every ``name==version`` line of constraints.txt, by canonical name."""
    found: dict[str, Version] = {}
    for number, line in enumerate(CONSTRAINTS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        requirement = Requirement(line)
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", f"line {number}: {line}"
        name = canonicalize_name(requirement.name)
        assert name not in found, f"line {number}: {name} pinned twice"
        found[name] = Version(specifiers[0].version)
    return found


def project_requirements() -> list[Requirement]:
    """The runtime requirements and those of every extra, from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        listed += [r for r in extra if not r.startswith(project["name"])]
    return [Requirement(r) for r in listed]


def applies(requirement: Requirement) -> bool:
    """Whether a requirement applies here without asking for an extra."""
    if requirement.marker is None:
        return True
    return requirement.marker.evaluate({**default_environment(), "extra": ""})


def assert_pinned_within(pinned: dict[str, Version], requirement: Requirement, by: str) -> None:
    """``requirement`` (asked for by ``by``) is pinned, at a version it allows."""
    name = canonicalize_name(requirement.name)
    assert name in pinned, f"{by} needs {requirement}, not in constraints.txt"
    assert requirement.specifier.contains(pinned[name], prereleases=True), (
        f"{by} needs {requirement}; constraints.txt pins {name}=={pinned[name]}"
    )


def test_every_line_is_an_exact_pin_of_a_distinct_package() -> None:
    assert len(pins()) > 20
    assert "secretariat-rules" not in pins()  # the project itself is never pinned


def test_every_project_requirement_is_pinned_within_its_range() -> None:
    pinned = pins()
    for requirement in project_requirements():
        if not applies(requirement):
            continue
        assert_pinned_within(pinned, requirement, "pyproject.toml")


def test_the_pins_are_closed_under_their_own_requirements() -> None:
    """Whatever a pinned package needs (here, without extras) is pinned too, in range."""
    pinned = pins()
    checked = 0
    for name, version in pinned.items():
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # another platform's package: its metadata is not here to read
        if Version(distribution.version) != version:
            continue  # installed without the constraints: its requirements may differ
        checked += 1
        for line in distribution.requires or []:
            requirement = Requirement(line)
            if not applies(requirement):
                continue
            assert_pinned_within(pinned, requirement, f"{name} {version}")
    if not checked:
        pytest.skip("no pinned version is installed here (not installed by make)")


def test_make_installs_with_the_constraints() -> None:
    """(The action does too: tests/test_ci.py runs its install step.)"""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install -q -c constraints.txt -e '.[dev]'" in makefile
