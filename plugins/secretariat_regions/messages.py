"""Messages of the region profiles, in bokmål (``nb``) and English (``en``).

Registered in the one catalogue (:func:`secretariat_rules.i18n.catalog.register`) when
:mod:`secretariat_regions.profiles` or :mod:`secretariat_regions.parties` is imported.
Keys are ``region.profile.what``: a region profile file that cannot be read or does not
validate, and an org number failing the mod-11 check in a profile built in Python. Ids,
file names and values stay as written, in quotes.
"""

from __future__ import annotations

from secretariat_rules.i18n import catalog

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {
        "region.profile.unreadable": "regionprofilen {path} kan ikke leses: {detail}",
        "region.profile.not_utf8": (
            "regionprofilen {path} er ikke UTF-8-tekst ({detail}); lagre den som UTF-8"
        ),
        "region.profile.invalid_yaml": "{path}:{line}: ugyldig YAML i regionprofilen: {problem}",
        "region.profile.not_mapping": (
            "{path}:1: en regionprofil må være en samling av manifestnøkler og verdier"
        ),
        "region.profile.invalid": "{path}: ugyldig regionprofil",
        "region.profile.id_not_file_name": (
            "{path}:{line}: region-id-en {id} er ikke filnavnet {stem}; de må være like"
        ),
        "region.profile.bad_org_number": (
            "regionprogramtillegget {module} ({region}): parten {party} har "
            "organisasjonsnummeret {number}, som har feil kontrollsiffer (mod 11)"
        ),
    },
    "en": {
        "region.profile.unreadable": "region profile {path} cannot be read: {detail}",
        "region.profile.not_utf8": (
            "region profile {path} is not UTF-8 text ({detail}); save it as UTF-8"
        ),
        "region.profile.invalid_yaml": "{path}:{line}: invalid YAML in region profile: {problem}",
        "region.profile.not_mapping": (
            "{path}:1: a region profile must be a mapping of manifest keys to values"
        ),
        "region.profile.invalid": "{path}: invalid region profile",
        "region.profile.id_not_file_name": (
            "{path}:{line}: region id {id} is not the file's name {stem}; they must be the same"
        ),
        "region.profile.bad_org_number": (
            "region plugin {module} ({region}): party {party} has org number {number}, "
            "which fails the mod-11 check"
        ),
    },
}

catalog.register(MESSAGES, __name__)
