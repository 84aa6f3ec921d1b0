"""Texts of the waivers listing (``secretariat-rules waivers``) and of a waived finding's
waiver in the reports; its command's help. Every key has an ``nb`` and an ``en`` entry.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {
        "help.waivers": "List alle unntak med status: aktivt, utløper snart, utløpt, ubrukt.",
        "help.waivers.epilog": (
            "\b\nStatus: utløpt (as_of etter expires), ellers utløper snart (innen"
            " --expiring-within dager) eller aktivt; et aktivt unntak som ikke unntar noe"
            " funn i en kontroll av DATA, er også ubrukt.\n"
            "Avslutningskoder: 0; 1 med --strict når et unntak er utløpt eller ubrukt;"
            " 2 ved bruks- eller konfigurasjonsfeil."
        ),
        "help.option.expiring_within": (
            "Et aktivt unntak som utløper innen så mange dager etter as_of, utløper snart."
        ),
        "help.option.strict.waivers": "Avslutt med 1 når et unntak er utløpt eller ubrukt.",
        "help.option.format.waivers": "Rapportformat: text, json, markdown eller html.",
        "help.option.as_of.waivers": "Datoen statusene gjelder for (standard: manifestets).",
        "help.option.lang.waivers": "Språk i listen: nb (standard) eller en.",
        "help.option.output.waivers": "Skriv listen til FILE i stedet for standard ut.",
        "waivers.title": "Unntak i {where} per {as_of}",
        "waivers.meta": "Region {region}, regelsett {ruleset}",
        "waivers.summary": (
            "{total} unntak: {active} aktive, {expiring} utløper innen {days} dager,"
            " {expired} utløpt, {unused} ubrukt"
        ),
        "waivers.none": "Ingen unntak.",
        "waivers.status.active": "aktivt",
        "waivers.status.expiring": "utløper snart",
        "waivers.status.expired": "utløpt",
        "waivers.status.unused": "ubrukt",
        "waivers.field.status": "Status",
        "waivers.field.rule": "Regel",
        "waivers.field.subject": "Gjelder",
        "waivers.field.reason": "Begrunnelse",
        "waivers.field.approved_by": "Godkjent av",
        "waivers.field.case": "Saksnummer",
        "waivers.field.owner": "Ansvarlig",
        "waivers.field.expires": "Utløper",
        "waivers.field.findings": "Unntatte funn",
        "waivers.field.location": "Sted",
        "waivers.waived_none": "ingen",
    },
    "en": {
        "help.waivers": "List every waiver with its status: active, expiring, expired, unused.",
        "help.waivers.epilog": (
            "\b\nStatus: expired (as_of after expires), else expiring (within"
            " --expiring-within days) or active; an active waiver that waives no finding in"
            " a check of DATA is also unused.\n"
            "Exit codes: 0; 1 with --strict when a waiver is expired or unused;"
            " 2 on a usage or configuration error."
        ),
        "help.option.expiring_within": (
            "An active waiver that expires within this many days after as_of is expiring."
        ),
        "help.option.strict.waivers": "Exit 1 when a waiver is expired or unused.",
        "help.option.format.waivers": "Report format: text, json, markdown or html.",
        "help.option.as_of.waivers": "The date the statuses are for (default: the manifest's).",
        "help.option.lang.waivers": "Language of the listing: nb (default) or en.",
        "help.option.output.waivers": "Write the listing to FILE instead of standard output.",
        "waivers.title": "Waivers in {where} as of {as_of}",
        "waivers.meta": "Region {region}, ruleset {ruleset}",
        "waivers.summary": (
            "{total} waivers: {active} active, {expiring} expiring within {days} days,"
            " {expired} expired, {unused} unused"
        ),
        "waivers.none": "No waivers.",
        "waivers.status.active": "active",
        "waivers.status.expiring": "expiring",
        "waivers.status.expired": "expired",
        "waivers.status.unused": "unused",
        "waivers.field.status": "Status",
        "waivers.field.rule": "Rule",
        "waivers.field.subject": "Subject",
        "waivers.field.reason": "Reason",
        "waivers.field.approved_by": "Approved by",
        "waivers.field.case": "Case",
        "waivers.field.owner": "Owner",
        "waivers.field.expires": "Expires",
        "waivers.field.findings": "Waived findings",
        "waivers.field.location": "Location",
        "waivers.waived_none": "none",
    },
}
