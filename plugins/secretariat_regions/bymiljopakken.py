"""Region plugin ``bymiljopakken``: Bymiljøpakken (Nord-Jæren)."""

from __future__ import annotations

from secretariat_rules import hookimpl
from secretariat_rules.regions import RegionProfile

from .parties import (
    JBD,
    ROGALAND,
    SVV,
    kommune,
    region_profile,
    steering_group,
    toll_basis,
    web,
)


@hookimpl
def secretariat_region_profiles() -> list[RegionProfile]:
    """The Bymiljøpakken profile."""
    return [
        region_profile(
            __name__,
            id="bymiljopakken",
            name="Bymiljøpakken",
            ruleset="bymiljopakken",
            parties=[
                kommune("Stavanger"),
                kommune("Sandnes"),
                kommune("Sola"),
                kommune("Randaberg"),
                ROGALAND,
                SVV,
                JBD,
            ],
            bodies=[steering_group("sg", "Bymiljøpakken")],
            channels=[web("bymiljopakken.no")],
            secretariat=toll_basis("Prop. 47 S (2016–2017)"),
            description=(
                "Bymiljøpakken, the urban growth agreement of Nord-Jæren; toll basis "
                "Prop. 47 S (2016–2017), toll company Ferde AS. The secretariat's employer "
                "moved from Statens vegvesen to Rogaland fylkeskommune (steering group "
                "22.04.2020)."
            ),
        )
    ]
