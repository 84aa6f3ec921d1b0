"""Region plugin ``miljopakken``: Miljøpakken (Trondheimsområdet)."""

from __future__ import annotations

from secretariat_rules import hookimpl
from secretariat_rules.regions import RegionProfile

from .parties import JBD, SVV, TRONDELAG, kommune, region_profile, steering_group, web


@hookimpl
def secretariat_region_profiles() -> list[RegionProfile]:
    """The Miljøpakken profile."""
    return [
        region_profile(
            __name__,
            id="miljopakken",
            name="Miljøpakken",
            ruleset="national",
            parties=[
                kommune("Trondheim"),
                kommune("Malvik"),
                kommune("Melhus"),
                kommune("Stjørdal"),
                kommune("Orkland"),
                kommune("Skaun"),
                TRONDELAG,
                SVV,
                JBD,
            ],
            bodies=[steering_group("sg", "Miljøpakken")],
            channels=[web("miljopakken.no")],
            description=(
                "Miljøpakken, the urban growth agreement of Trondheimsområdet (Orkland and "
                "Skaun are parties from 2023). Reports its economy half-yearly, not per "
                "tertial. Toll company Vegamot AS."
            ),
        )
    ]
