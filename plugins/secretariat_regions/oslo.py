"""Region plugin ``oslo``: Byvekstavtale Oslo-området and Oslopakke 3."""

from __future__ import annotations

from secretariat_rules import hookimpl
from secretariat_rules.regions import RegionProfile

from .parties import JBD, KDD, SD, SVV, fylkeskommune, kommune, region_profile, steering_group


@hookimpl
def secretariat_region_profiles() -> list[RegionProfile]:
    """The Oslo-området profile."""
    return [
        region_profile(
            __name__,
            id="oslo",
            name="Oslopakke 3",
            ruleset="national",
            parties=[
                kommune("Oslo"),
                fylkeskommune("akershusfk", "Akershus fylkeskommune"),
                kommune("Bærum"),
                kommune("Lillestrøm"),
                kommune("Nordre Follo"),
                SD,
                KDD,
                SVV,
                JBD,
            ],
            bodies=[steering_group("sg", "Oslopakke 3")],
            # The package's web pages live under vegvesen.no; SEK013 rightly flags that.
            channels=[{"kind": "web", "address": "https://www.vegvesen.no"}],
            description=(
                "Byvekstavtale Oslo-området and Oslopakke 3. Toll company Fjellinjen AS. "
                "The secretariat is employed by Statens vegvesen and its web pages live "
                "under vegvesen.no."
            ),
        )
    ]
