"""Region plugin ``kristiansand``: ATP-samarbeidet / byvekstavtale Kristiansandsregionen."""

from __future__ import annotations

from secretariat_rules import hookimpl
from secretariat_rules.regions import RegionProfile

from .parties import AGDER, JBD, SVV, kommune, region_profile, steering_group


@hookimpl
def secretariat_region_profiles() -> list[RegionProfile]:
    """The Kristiansandsregionen profile (no web address is known)."""
    return [
        region_profile(
            __name__,
            id="kristiansand",
            name="Kristiansandsregionen",
            ruleset="national",
            parties=[
                kommune("Kristiansand"),
                kommune("Lillesand"),
                kommune("Birkenes"),
                kommune("Vennesla"),
                kommune("Iveland"),
                AGDER,
                SVV,
                JBD,
            ],
            bodies=[steering_group("sg", "ATP-samarbeidet i Kristiansandsregionen")],
            description=(
                "ATP-samarbeidet and the proposed urban growth agreement for "
                "Kristiansandsregionen (2024–2033). Toll company Ferde AS."
            ),
        )
    ]
