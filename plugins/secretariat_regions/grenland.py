"""Region plugin ``grenland``: Bypakke Grenland."""

from __future__ import annotations

from secretariat_rules import hookimpl
from secretariat_rules.regions import RegionProfile

from .parties import (
    JBD,
    SVV,
    fylkeskommune,
    kommune,
    region_profile,
    statsforvalter,
    steering_group,
    toll_basis,
    web,
)


@hookimpl
def secretariat_region_profiles() -> list[RegionProfile]:
    """The Bypakke Grenland profile."""
    return [
        region_profile(
            __name__,
            id="grenland",
            name="Bypakke Grenland",
            ruleset="national",
            parties=[
                kommune("Skien"),
                kommune("Porsgrunn"),
                kommune("Siljan"),
                fylkeskommune("telemarkfk", "Telemark fylkeskommune"),
                SVV,
                JBD,
                statsforvalter("Statsforvalteren i Vestfold og Telemark"),
            ],
            bodies=[steering_group("sg", "Bypakke Grenland")],
            channels=[web("bypakka.no")],
            secretariat=toll_basis("Prop. 134 S (2014–2015)"),
            description=(
                "Bypakke Grenland; toll basis Prop. 134 S (2014–2015), toll company Vegfinans AS."
            ),
        )
    ]
