"""Region plugins for the nine city regions of the urban growth agreements.

Each module is one pluggy plugin, registered as the entry point ``region-<id>`` of the
``secretariat_rules`` group, whose ``secretariat_region_profiles`` hook returns the
region's :class:`~secretariat_rules.regions.RegionProfile`: parties, bodies, channels,
secretariat facts and default ruleset. A manifest naming the region gets every value it
does not give itself from the profile. Facts come from ``REGIONS.md``; what it marks
unconfirmed is left out.
"""

from __future__ import annotations

REGION_MODULES: dict[str, str] = {
    "oslo": "secretariat_regions.oslo",
    "miljoloftet": "secretariat_regions.miljoloftet",
    "bymiljopakken": "secretariat_regions.bymiljopakken",
    "miljopakken": "secretariat_regions.miljopakken",
    "kristiansand": "secretariat_regions.kristiansand",
    "buskerudbyen": "secretariat_regions.buskerudbyen",
    "grenland": "secretariat_regions.grenland",
    "nedre-glomma": "secretariat_regions.nedre_glomma",
    "tromso": "secretariat_regions.tromso",
}
"""Region id → plugin module; each is the entry point ``region-<id>``."""

__all__ = ["REGION_MODULES"]
