"""Texts of evidence packs (``secretariat-rules evidence`` and ``evidence verify``) and
their commands' help. Every key has an ``nb`` and an ``en`` entry."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {
        "help.evidence": "Lag en bevispakke (BagIt-zip) av en kontroll, eller verifiser en.",
        "help.evidence.build": (
            "Kontroller DATA og skriv en bevispakke: datarepositoriet, regelsettet,"
            " rapportene, versjonene og kildeoversikten, med SHA-256-manifester."
            " Avslutningskode som check (0/1 etter --fail-on), 2 ved feil."
        ),
        "help.evidence.verify": (
            "Verifiser en bevispakke: 0 når den er intakt, 1 med hver endret, manglende eller"
            " tilført fil, 2 når filen ikke er en bevispakke."
        ),
        "help.option.output.evidence": "Bevispakken som skrives (zip).",
        "help.option.format.evidence": "Format: text eller json.",
        "evidence.description": "Bevis for kontroll med regelsett {ruleset} per {as_of}",
        "evidence.left_out.no_reporter": "rapportformatet er ikke installert",
        "evidence.written": "Bevispakke skrevet: {path} ({size} byte, {files} filer)",
        "evidence.left_out": "Utelatt: {what}",
        "evidence.intact": "{path}: intakt ({bag})",
        "evidence.broken": "{path}: IKKE intakt ({bag})",
        "evidence.changed": "endret: {name}",
        "evidence.missing": "mangler: {name}",
        "evidence.added": "tilført: {name}",
        "evidence.problem": "feil: {name}",
        "evidence.error.not_zip": "{path} er ikke en lesbar zip-fil: {reason}",
        "evidence.error.not_bag": "{path} er ikke en BagIt-pakke: {reason}",
        "evidence.error.members": "Pakken har {count} filer, flere enn {limit}",
        "evidence.error.path": "Pakken har en usikker sti: {name}",
        "evidence.error.symlink": "Pakken har en symbolsk lenke: {name}",
        "evidence.error.size": "Pakken er større enn {limit} byte utpakket",
        "evidence.error.ratio": "{name} er komprimert mer enn {limit}:1 (zip-bombe?)",
        "evidence.error.top": "Pakken må ha nøyaktig én toppmappe",
    },
    "en": {
        "help.evidence": "Build an evidence pack (a BagIt zip) of a check, or verify one.",
        "help.evidence.build": (
            "Check DATA and write an evidence pack: the data repository, the ruleset, the"
            " reports, the versions and the source inventory, with SHA-256 manifests."
            " Exit code as check (0/1 by --fail-on), 2 on errors."
        ),
        "help.evidence.verify": (
            "Verify an evidence pack: 0 when intact, 1 naming every changed, missing or"
            " added file, 2 when the file is not an evidence pack."
        ),
        "help.option.output.evidence": "The evidence pack to write (zip).",
        "help.option.format.evidence": "Format: text or json.",
        "evidence.description": "Evidence of a check with ruleset {ruleset} as of {as_of}",
        "evidence.left_out.no_reporter": "the report format is not installed",
        "evidence.written": "Evidence pack written: {path} ({size} bytes, {files} files)",
        "evidence.left_out": "Left out: {what}",
        "evidence.intact": "{path}: intact ({bag})",
        "evidence.broken": "{path}: NOT intact ({bag})",
        "evidence.changed": "changed: {name}",
        "evidence.missing": "missing: {name}",
        "evidence.added": "added: {name}",
        "evidence.problem": "problem: {name}",
        "evidence.error.not_zip": "{path} is not a readable zip file: {reason}",
        "evidence.error.not_bag": "{path} is not a BagIt bag: {reason}",
        "evidence.error.members": "The pack has {count} files, more than {limit}",
        "evidence.error.path": "The pack has an unsafe path: {name}",
        "evidence.error.symlink": "The pack has a symbolic link: {name}",
        "evidence.error.size": "The pack is larger than {limit} bytes uncompressed",
        "evidence.error.ratio": "{name} is compressed more than {limit}:1 (a zip bomb?)",
        "evidence.error.top": "The pack must have exactly one top directory",
    },
}
