"""Facts shared by the region profiles, and the one way a profile is built.

Organisation numbers and county/state domains are those of ``REGIONS.md``; anything it
marks unconfirmed is left out rather than guessed (a manifest can add it). A municipality's
domain follows ``<name>.kommune.no``, its name transliterated to ASCII (æ→ae, ø→o, å→a,
spaces → ``-``).
"""

from __future__ import annotations

import copy
from typing import Any

from secretariat_rules.exceptions import PluginError
from secretariat_rules.regions import RegionProfile

from .orgnr import is_valid

Party = dict[str, Any]

KNOWN_ORG_NUMBERS: dict[str, str] = {
    "Oslo kommune": "958935420",
    "Bergen kommune": "964338531",
    "Trondheim kommune": "942110464",
    "Stavanger kommune": "964965226",
}
"""Municipal organisation numbers confirmed in REGIONS.md; other municipalities have none."""

_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "o", "å": "a", " ": "-"})


def slug(name: str) -> str:
    """ASCII id and domain label of a name: ``Øvre Eiker`` → ``ovre-eiker``."""
    return name.lower().translate(_TRANSLITERATION)


def kommune(name: str) -> Party:
    """A municipality: id and domain from its name, org number only where confirmed."""
    label = slug(name)
    full = f"{name} kommune"
    party: Party = {"id": label, "name": full, "kind": "kommune"}
    if full in KNOWN_ORG_NUMBERS:
        party["org_number"] = KNOWN_ORG_NUMBERS[full]
    party["domains"] = [f"{label}.kommune.no"]
    return party


def fylkeskommune(
    party_id: str, name: str, org_number: str | None = None, domain: str | None = None
) -> Party:
    """A county authority; org number and domain only as REGIONS.md gives them."""
    party: Party = {"id": party_id, "name": name, "kind": "fylkeskommune"}
    if org_number:
        party["org_number"] = org_number
    party["domains"] = [domain] if domain else []
    return party


def statsforvalter(name: str) -> Party:
    """The county governor's office (no confirmed org number or domain in REGIONS.md)."""
    return {"id": "sfv", "name": name, "kind": "stat", "domains": []}


SVV: Party = {
    "id": "svv",
    "name": "Statens vegvesen",
    "kind": "stat",
    "org_number": "971032081",
    "domains": ["vegvesen.no"],
}
JBD: Party = {
    "id": "jbd",
    "name": "Jernbanedirektoratet",
    "kind": "stat",
    "org_number": "916810962",
    "domains": ["jernbanedirektoratet.no"],
}
SD: Party = {
    "id": "sd",
    "name": "Samferdselsdepartementet",
    "kind": "stat",
    "org_number": "972417904",
    "domains": ["regjeringen.no", "sd.dep.no"],
}
KDD: Party = {
    "id": "kdd",
    "name": "Kommunal- og distriktsdepartementet",
    "kind": "stat",
    "org_number": "972417858",
    "domains": ["regjeringen.no"],
}

VESTLAND = fylkeskommune("vlfk", "Vestland fylkeskommune", "821311632", "vlfk.no")
ROGALAND = fylkeskommune("rogfk", "Rogaland fylkeskommune", "971045698", "rogfk.no")
AGDER = fylkeskommune("agderfk", "Agder fylkeskommune", "921707134", "agderfk.no")
TRONDELAG = fylkeskommune(
    "trondelagfk", "Trøndelag fylkeskommune", "817920632", "trondelagfylke.no"
)
TROMS = fylkeskommune("tromsfk", "Troms fylkeskommune", "930068128", "tromsfylke.no")


def steering_group(party_id: str, package: str) -> dict[str, str]:
    """The steering group of a package: ``Styringsgruppen for <package>``."""
    return {"id": party_id, "name": f"Styringsgruppen for {package}", "kind": "steering_group"}


def web(domain: str) -> dict[str, str]:
    """The web channel at ``https://www.<domain>``."""
    return {"kind": "web", "address": f"https://www.{domain}"}


def toll_basis(basis: str | None) -> dict[str, Any]:
    """Toll funding not allowed for the secretariat, with the toll package's basis."""
    return {"toll_funding": {"allowed": False, "annual_cap_nok": None, "basis": basis}}


def region_profile(module: str, **values: Any) -> RegionProfile:
    """Build a profile, refusing an org number that fails the mod-11 check.

    :param module: the plugin module building it, named in the error.
    :raises PluginError: a party's org number is not a valid organisation number.
    """
    profile = RegionProfile(**copy.deepcopy(values))
    for party in profile.parties:
        number = party.get("org_number")
        if number is not None and not is_valid(str(number)):
            raise PluginError(
                f"region plugin {module} ({profile.id}): party {party.get('id')!r} has "
                f"org number {number!r}, which fails the mod-11 check"
            )
    return profile
