"""Region plugin ``buskerudbyen``: Buskerudbyen (no toll package)."""

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
    """The Buskerudbyen profile."""
    return [
        region_profile(
            __name__,
            id="buskerudbyen",
            name="Buskerudbyen",
            ruleset="national",
            parties=[
                kommune("Lier"),
                kommune("Drammen"),
                kommune("Øvre Eiker"),
                kommune("Kongsberg"),
                fylkeskommune("buskerudfk", "Buskerud fylkeskommune"),
                statsforvalter("Statsforvalteren i Østfold, Buskerud, Oslo og Akershus"),
                SVV,
                JBD,
            ],
            bodies=[steering_group("sg", "Buskerudbyen")],
            channels=[web("buskerudbyen.no")],
            secretariat=toll_basis(None),
            description=(
                "Buskerudbyen, funded by belønningsmidler; there is no toll package, so "
                "toll money never pays for the secretariat."
            ),
        )
    ]
