"""Helpers for a region profile built in Python (a third-party plugin's, or a test's).

The project's own nine profiles are data files (``regions/<id>.yaml``, loaded by
:mod:`secretariat_regions.profiles`). Their conventions: a municipality's id and domain
follow its name transliterated to ASCII (:func:`slug`), its domain ``<slug>.kommune.no``;
organisation numbers and county/state domains are only those of ``REGIONS.md``, and
historical names a party's records may still carry are its ``aliases``, each with its
date in a comment of the file.
"""

from __future__ import annotations

import copy
from typing import Any

from secretariat_rules.exceptions import PluginError
from secretariat_rules.i18n.message import msg
from secretariat_rules.regions import RegionProfile

from . import messages  # noqa: F401  (registers the region.profile.* messages)
from .orgnr import is_valid

_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "o", "å": "a", " ": "-"})


def slug(name: str) -> str:
    """ASCII id and domain label of a name: ``Øvre Eiker`` → ``ovre-eiker``."""
    return name.lower().translate(_TRANSLITERATION)


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
                msg(
                    "region.profile.bad_org_number",
                    module=module,
                    region=profile.id,
                    party=repr(party.get("id")),
                    number=repr(number),
                )
            )
    return profile


__all__ = ["region_profile", "slug"]
