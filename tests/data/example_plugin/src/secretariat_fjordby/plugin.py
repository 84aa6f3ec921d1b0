"""The plugin module named by the ``secretariat_rules`` entry point: one function per hook."""

from __future__ import annotations

from pathlib import Path

from secretariat_rules import hookimpl
from secretariat_rules.checks.base import CheckKind
from secretariat_rules.regions import RegionProfile
from secretariat_rules.reporters.base import Reporter

from .checks import MaxAmountCheck
from .reporter import SummaryReporter


@hookimpl
def secretariat_region_profiles() -> list[RegionProfile]:
    """Fjordbypakken's facts; a manifest saying ``region: fjordby`` needs nothing else."""
    return [
        RegionProfile(
            id="fjordby",
            name="Fjordbypakken",
            ruleset="fjordby",
            parties=[
                {
                    "id": "fjordby",
                    "name": "Fjordby kommune",
                    "kind": "kommune",
                    "domains": ["fjordby.kommune.no"],
                },
                {
                    "id": "svv",
                    "name": "Statens vegvesen",
                    "kind": "stat",
                    "org_number": "971032081",
                    "domains": ["vegvesen.no"],
                },
            ],
            bodies=[
                {"id": "sg", "name": "Styringsgruppen for Fjordbypakken", "kind": "steering_group"}
            ],
            channels=[{"kind": "web", "address": "https://www.fjordbypakken.no"}],
            secretariat={"delegated_authority_nok": 250000},
            description="A fictitious region, to show how a region plugin is written.",
        )
    ]


@hookimpl
def secretariat_check_kinds() -> list[CheckKind]:
    """The ``max_amount`` check kind."""
    return [MaxAmountCheck()]


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """The ``summary`` reporter (``--format summary``)."""
    return [SummaryReporter()]


@hookimpl
def secretariat_rulesets() -> list[Path]:
    """The ``fjordby`` ruleset: the national one plus FJB001."""
    return [Path(__file__).parent / "rulesets"]
