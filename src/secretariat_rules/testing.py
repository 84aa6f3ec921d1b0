"""A pytest plugin for testing rules, rulesets and plugins against small data repositories.

Registered through the ``pytest11`` entry point, so any test suite with
secretariat-rules installed gets the ``secretariat_repo`` fixture::

    def test_late_archiving(secretariat_repo):
        repo = secretariat_repo(documents=[{"id": "D1", "title": "Saksliste", ...}])
        run = repo.check("--select", "SEK025")
        assert run.exit_code == 1
        assert run.subjects("SEK025") == ["documents/D1"]

The repository is written as real files (``secretariat.yaml`` plus one CSV per
collection) and checked through the real command line, so a test exercises exactly what a
user runs.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

BASE_MANIFEST: dict[str, Any] = {
    "region": "testregion",
    "name": "Testregionen",
    "ruleset": "national",
    "period": {"start": "2024-01-01", "end": "2024-12-31"},
    "as_of": "2025-06-30",
    "parties": [
        {
            "id": "bergen",
            "name": "Bergen kommune",
            "kind": "kommune",
            "org_number": "964338531",
            "domains": ["bergen.kommune.no"],
        },
        {
            "id": "vlfk",
            "name": "Vestland fylkeskommune",
            "kind": "fylkeskommune",
            "org_number": "821311632",
            "domains": ["vlfk.no"],
        },
        {
            "id": "svv",
            "name": "Statens vegvesen",
            "kind": "stat",
            "org_number": "971032081",
            "domains": ["vegvesen.no"],
        },
    ],
    "bodies": [
        {"id": "sg", "name": "Styringsgruppen", "kind": "steering_group"},
        {"id": "ag", "name": "Arbeidsgruppen", "kind": "working_group"},
    ],
    "channels": [
        {"kind": "email", "address": "post@testregionen.no"},
        {"kind": "web", "address": "https://www.testregionen.no"},
    ],
    "secretariat": {
        "leader_appointment_decision": None,
        "employer_waiver_agreement": "2021-02-01",
        "mandate": "Mandat vedtatt i sak 12/21",
        "delegated_authority_nok": 500000,
        "toll_funding": {
            "allowed": False,
            "annual_cap_nok": None,
            "basis": "Prop. 11 S (2017–2018)",
        },
    },
}
"""A small valid manifest: three parties, a steering group and a working group."""


def write_csv(path: Path, rows: Sequence[Mapping[str, Any]]) -> None:
    """Write rows as a UTF-8 CSV whose header is every key, in first-seen order."""
    header = list(dict.fromkeys(k for row in rows for k in row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    path.write_text(buffer.getvalue(), encoding="utf-8")


def write_repo(
    root: Path,
    manifest: Mapping[str, Any] | None = None,
    files: Mapping[str, str | bytes] | None = None,
    **collections: Sequence[Mapping[str, Any]],
) -> Path:
    """Write a data repository: the manifest, a CSV per collection, and any raw files."""
    root.mkdir(parents=True, exist_ok=True)
    data = copy.deepcopy(dict(manifest if manifest is not None else BASE_MANIFEST))
    (root / "secretariat.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    for name, rows in collections.items():
        write_csv(root / f"{name}.csv", rows)
    for name, content in (files or {}).items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


@dataclass
class CliRun:
    """The outcome of one command-line run."""

    exit_code: int
    output: str
    stderr: str
    report: Any = None

    @property
    def findings(self) -> list[dict[str, Any]]:
        """Findings of a JSON report (of the first repository)."""
        if self.report is None:
            return []
        report = self.report[0] if isinstance(self.report, list) else self.report
        findings: list[dict[str, Any]] = report["findings"]
        return findings

    def subjects(self, rule: str | None = None) -> list[str]:
        """``collection/id`` of each finding (of one rule), in report order."""
        return [
            f"{f['subject']['collection']}/{f['subject']['id']}"
            for f in self.findings
            if rule is None or f["rule"] == rule
        ]

    def triples(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """(rule, subject, locations as ``path:line``) of each finding."""
        return [
            (
                f["rule"],
                f"{f['subject']['collection']}/{f['subject']['id']}",
                tuple(f"{loc['path']}:{loc['line']}" for loc in f["locations"]),
            )
            for f in self.findings
        ]


def run_cli(*args: str | Path) -> CliRun:
    """Run ``secretariat-rules ARGS`` in-process; parse the output when it is JSON."""
    from .cli import main

    runner = CliRunner()
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    report = None
    text = result.stdout
    if text.lstrip().startswith(("{", "[")):
        try:
            report = json.loads(text)
        except json.JSONDecodeError:
            report = None
    return CliRun(result.exit_code, text, result.stderr, report)


@dataclass
class Repo:
    """A data repository written for a test."""

    path: Path
    extra_args: list[str] = field(default_factory=list)

    def check(self, *args: str) -> CliRun:
        """``check PATH --format json ARGS``."""
        return run_cli("check", self.path, "--format", "json", *self.extra_args, *args)

    def cli(self, command: str, *args: str) -> CliRun:
        """Any command on this repository."""
        return run_cli(command, self.path, *args)


@pytest.fixture
def secretariat_repo(tmp_path: Path) -> Callable[..., Repo]:
    """A factory: ``secretariat_repo(manifest=..., files=..., meetings=[...], ...)`` → Repo."""
    counter = iter(range(1_000_000))

    def make(
        manifest: Mapping[str, Any] | None = None,
        files: Mapping[str, str | bytes] | None = None,
        **collections: Sequence[Mapping[str, Any]],
    ) -> Repo:
        root = tmp_path / f"repo{next(counter)}"
        write_repo(root, manifest, files, **collections)
        return Repo(root)

    return make
