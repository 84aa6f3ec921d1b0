"""Region plugin ``nedre-glomma``: Bypakke Nedre Glomma."""

from __future__ import annotations

from secretariat_rules import hookimpl
from secretariat_rules.regions import RegionProfile

from .parties import JBD, SVV, fylkeskommune, kommune, region_profile, steering_group, web


@hookimpl
def secretariat_region_profiles() -> list[RegionProfile]:
    """The Bypakke Nedre Glomma profile."""
    return [
        region_profile(
            __name__,
            id="nedre-glomma",
            name="Bypakke Nedre Glomma",
            ruleset="national",
            parties=[
                kommune("Fredrikstad"),
                kommune("Sarpsborg"),
                fylkeskommune("ostfoldfk", "Østfold fylkeskommune"),
                SVV,
                JBD,
            ],
            bodies=[steering_group("sg", "Bypakke Nedre Glomma")],
            channels=[web("bypakkenedreglomma.no")],
            description="Bypakke Nedre Glomma; toll company Vegfinans AS.",
        )
    ]
