"""Region plugin ``miljoloftet``: Miljøløftet (Bergensområdet) and Bypakke Bergen."""

from __future__ import annotations

from secretariat_rules import hookimpl
from secretariat_rules.regions import RegionProfile

from .parties import (
    JBD,
    SVV,
    VESTLAND,
    kommune,
    region_profile,
    statsforvalter,
    steering_group,
    toll_basis,
    web,
)


@hookimpl
def secretariat_region_profiles() -> list[RegionProfile]:
    """The Miljøløftet profile."""
    return [
        region_profile(
            __name__,
            id="miljoloftet",
            name="Miljøløftet",
            ruleset="miljoloftet",
            parties=[
                kommune("Bergen"),
                kommune("Askøy"),
                kommune("Øygarden"),
                kommune("Alver"),
                kommune("Bjørnafjorden"),
                VESTLAND,
                SVV,
                JBD,
                statsforvalter("Statsforvaltaren i Vestland"),
            ],
            bodies=[
                steering_group("sg", "Miljøløftet"),
                steering_group("sg-bypakke", "Bypakke Bergen"),
            ],
            channels=[web("miljoloftet.no")],
            secretariat=toll_basis("Prop. 11 S (2017–2018)"),
            description=(
                "Miljøløftet, the urban growth agreement of Bergensområdet. Bypakke Bergen "
                "(Prop. 11 S (2017–2018)) covers Bergen kommune only. Toll company Ferde AS."
            ),
        )
    ]
