"""Region plugin ``tromso``: Tenk Tromsø."""

from __future__ import annotations

from secretariat_rules import hookimpl
from secretariat_rules.regions import RegionProfile

from .parties import (
    SVV,
    TROMS,
    kommune,
    region_profile,
    statsforvalter,
    steering_group,
    toll_basis,
    web,
)


@hookimpl
def secretariat_region_profiles() -> list[RegionProfile]:
    """The Tenk Tromsø profile."""
    return [
        region_profile(
            __name__,
            id="tromso",
            name="Tenk Tromsø",
            ruleset="national",
            parties=[
                kommune("Tromsø"),
                TROMS,
                SVV,
                statsforvalter("Statsforvalteren i Troms og Finnmark"),
            ],
            bodies=[steering_group("sg", "Tenk Tromsø")],
            channels=[web("tenktromso.no")],
            secretariat=toll_basis("Prop. 99 S (2020–2021)"),
            description=(
                "Tenk Tromsø; toll basis Prop. 99 S (2020–2021), toll company "
                "Bompengeselskap Nord AS."
            ),
        )
    ]
