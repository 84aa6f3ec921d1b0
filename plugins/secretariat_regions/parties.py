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


FORMER_NAMES: dict[str, list[str]] = {
    # Viken fylkeskommune (2020–2023) joined Akershus, Buskerud and Østfold; the three
    # were re-established on 1 January 2024. A region has only one of them, so the
    # shared former name is unambiguous within its profile.
    "Akershus fylkeskommune": ["Viken fylkeskommune"],
    "Buskerud fylkeskommune": ["Viken fylkeskommune"],
    "Østfold fylkeskommune": ["Viken fylkeskommune"],
    # Vestfold og Telemark fylkeskommune (2020–2023), split again on 1 January 2024.
    "Telemark fylkeskommune": ["Vestfold og Telemark fylkeskommune"],
    # Troms og Finnmark fylkeskommune (2020–2023), split again on 1 January 2024.
    "Troms fylkeskommune": ["Troms og Finnmark fylkeskommune"],
    # Merged for good: Vestland from Hordaland and Sogn og Fjordane (2020), Agder from
    # Aust-Agder and Vest-Agder (2020), Trøndelag from Sør- and Nord-Trøndelag (2018).
    "Vestland fylkeskommune": ["Hordaland fylkeskommune", "Sogn og Fjordane fylkeskommune"],
    "Agder fylkeskommune": ["Aust-Agder fylkeskommune", "Vest-Agder fylkeskommune"],
    "Trøndelag fylkeskommune": ["Sør-Trøndelag fylkeskommune", "Nord-Trøndelag fylkeskommune"],
    # The county governors were called Fylkesmannen until 1 January 2021; the office for
    # Oslo and Viken (2019–2023) took its present name on 1 January 2024.
    "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus": [
        "Statsforvalteren i Oslo og Viken",
        "Fylkesmannen i Oslo og Viken",
    ],
    "Statsforvalteren i Vestfold og Telemark": ["Fylkesmannen i Vestfold og Telemark"],
    "Statsforvalteren i Troms og Finnmark": ["Fylkesmannen i Troms og Finnmark"],
    "Statsforvaltaren i Vestland": ["Fylkesmannen i Vestland"],
}
"""Historical names a party's records may still carry (``aliases``), by present name.

Only names that are historical fact; a merger's or a rename's date is in the comment.
A manifest that lists its own parties replaces these (SPEC §2.1)."""


def _with_former_names(party: Party) -> Party:
    if former := FORMER_NAMES.get(party["name"]):
        party["aliases"] = list(former)
    return party


def fylkeskommune(
    party_id: str, name: str, org_number: str | None = None, domain: str | None = None
) -> Party:
    """A county authority; org number and domain only as REGIONS.md gives them, former
    names (:data:`FORMER_NAMES`) as aliases."""
    party: Party = {"id": party_id, "name": name, "kind": "fylkeskommune"}
    if org_number:
        party["org_number"] = org_number
    party["domains"] = [domain] if domain else []
    return _with_former_names(party)


def statsforvalter(name: str) -> Party:
    """The county governor's office (no confirmed org number or domain in REGIONS.md),
    former names as aliases."""
    return _with_former_names({"id": "sfv", "name": name, "kind": "stat", "domains": []})


SVV: Party = {
    "id": "svv",
    "name": "Statens vegvesen",
    "kind": "stat",
    "org_number": "971032081",
    "domains": ["vegvesen.no"],
    # The five regions Statens vegvesen was organised in until 1 January 2020 (then
    # divisions); records of the time name the region as the correspondent.
    "aliases": [f"Statens vegvesen Region {r}" for r in ("øst", "sør", "vest", "midt", "nord")],
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
    # Kommunal- og moderniseringsdepartementet until 1 January 2022 (then split in two).
    "aliases": ["Kommunal- og moderniseringsdepartementet"],
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
