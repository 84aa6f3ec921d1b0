"""Messages of ``diff`` (``diff.*``: comparing two JSON reports) and of ``--history``
(``trend.*``: the history directory and the trend across runs).

Keys are ``domain.what``; templates are :meth:`str.format` strings; every key has an
``nb`` and an ``en`` entry.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {
        # ------------------------------------------------------------ diff: errors
        "diff.error.not_json": "{path} er ikke JSON ({reason})",
        "diff.error.not_report": (
            "{path} er ikke en JSON-rapport fra check eller audit "
            "(lag den med --format json eller --report json=FIL)"
        ),
        "diff.error.several": (
            "{path} inneholder flere check-rapporter; diff sammenligner én rapport med én"
        ),
        "diff.error.mixed": (
            "{old} er en {old_kind}-rapport og {new} en {new_kind}-rapport; "
            "diff sammenligner to rapporter av samme slag"
        ),
        "diff.kind.check": "check",
        "diff.kind.audit": "audit",
        # ------------------------------------------------------------ diff: report
        "diff.title": "Endringer mellom to rapporter",
        "diff.old": "Før",
        "diff.new": "Etter",
        "diff.as_of": "per {as_of}",
        "diff.counts": "{new} nye, {fixed} rettet, {unchanged} uendret",
        "diff.heading.new": "Nye funn",
        "diff.heading.fixed": "Rettede funn",
        "diff.heading.by_rule": "Per regel",
        "diff.heading.by_region": "Per region",
        "diff.column.rule": "Regel",
        "diff.column.region": "Region",
        "diff.column.new": "Nye",
        "diff.column.fixed": "Rettet",
        "diff.column.unchanged": "Uendret",
        "diff.column.severity": "Alvorlighet",
        "diff.column.subject": "Gjelder",
        "diff.column.message": "Melding",
        "diff.none": "ingen",
        "diff.waived": "unntatt",
        "diff.more": "… og {count} til",
        # ------------------------------------------------------------ history
        "trend.error.not_dir": "--history {path} er ikke en mappe",
        "trend.error.no_as_of": ("--history trenger datoen rapporten gjelder: oppgi --as-of DATO"),
        "trend.warning.corrupt": "advarsel: hopper over {path} i historikken ({reason})",
        "trend.reason.not_json": "ikke gyldig JSON",
        "trend.reason.shape": "ikke en rapport av riktig slag",
        "trend.title": "Utvikling over tid",
        "trend.runs": "{count} kjøringer: {first} – {last}",
        "trend.heading.regions": "Etterlevelse per region",
        "trend.heading.rules": "Etterlevelse per regel",
        "trend.heading.changes": "Endringer mellom kjøringer",
        "trend.column.region": "Region",
        "trend.column.rule": "Regel",
        "trend.broken": "nylig brutt",
        "trend.fixed": "nylig rettet",
        "trend.change": "{before} → {after}",
        "trend.no_changes": "ingen regler endret status",
        "trend.chart": "Etterlevelse for {region} over tid",
        # ------------------------------------------------------------ help
        "help.diff": (
            "Sammenlign to JSON-rapporter fra check eller audit: nye, rettede og uendrede "
            "funn (etter fingeravtrykk), per regel og per region."
        ),
        "help.option.format.diff": (
            "Format: text, json, markdown (en kommentar til en pull request) eller html."
        ),
        "help.option.fail_on.diff": (
            "Laveste alvorlighetsgrad for et NYTT funn (ikke unntatt) som gjør at diff feiler."
        ),
        "help.option.lang.diff": "Språket i rapporten.",
        "help.option.output.diff": "Skriv rapporten til denne filen.",
        "help.option.history.check": (
            "Mappe med tidligere JSON-rapporter for dette repositoriet: kjøringen legges til der "
            "(check-REGION-DATO.json), og utviklingen skrives til trend-REGION.json og "
            "trend-REGION.html (og vises etter tekstrapporten)."
        ),
        "help.option.history.audit": (
            "Mappe med tidligere revisjoner: denne legges til der (audit-DATO.json), og "
            "utviklingen skrives til trend.json og trend.html (og vises etter tekstrapporten)."
        ),
        "trend.error.one_repository": (
            "check --history gjelder ett datarepositorium (fikk {count}); "
            "bruk audit --history for flere"
        ),
    },
    "en": {
        "diff.error.not_json": "{path} is not JSON ({reason})",
        "diff.error.not_report": (
            "{path} is not a JSON report of check or audit "
            "(make one with --format json or --report json=FILE)"
        ),
        "diff.error.several": (
            "{path} holds several check reports; diff compares one report with one"
        ),
        "diff.error.mixed": (
            "{old} is a {old_kind} report and {new} a {new_kind} report; "
            "diff compares two reports of the same kind"
        ),
        "diff.kind.check": "check",
        "diff.kind.audit": "audit",
        "diff.title": "Changes between two reports",
        "diff.old": "Before",
        "diff.new": "After",
        "diff.as_of": "as of {as_of}",
        "diff.counts": "{new} new, {fixed} fixed, {unchanged} unchanged",
        "diff.heading.new": "New findings",
        "diff.heading.fixed": "Fixed findings",
        "diff.heading.by_rule": "By rule",
        "diff.heading.by_region": "By region",
        "diff.column.rule": "Rule",
        "diff.column.region": "Region",
        "diff.column.new": "New",
        "diff.column.fixed": "Fixed",
        "diff.column.unchanged": "Unchanged",
        "diff.column.severity": "Severity",
        "diff.column.subject": "Subject",
        "diff.column.message": "Message",
        "diff.none": "none",
        "diff.waived": "waived",
        "diff.more": "… and {count} more",
        "trend.error.not_dir": "--history {path} is not a directory",
        "trend.error.no_as_of": "--history needs the date the report is for: give --as-of DATE",
        "trend.warning.corrupt": "warning: skipping {path} in the history ({reason})",
        "trend.reason.not_json": "not valid JSON",
        "trend.reason.shape": "not a report of the right kind",
        "trend.title": "Trend over time",
        "trend.runs": "{count} runs: {first} – {last}",
        "trend.heading.regions": "Compliance by region",
        "trend.heading.rules": "Compliance by rule",
        "trend.heading.changes": "Changes between runs",
        "trend.column.region": "Region",
        "trend.column.rule": "Rule",
        "trend.broken": "newly broken",
        "trend.fixed": "newly fixed",
        "trend.change": "{before} → {after}",
        "trend.no_changes": "no rule changed status",
        "trend.chart": "Compliance of {region} over time",
        "help.diff": (
            "Compare two JSON reports of check or audit: findings new, fixed and unchanged "
            "(by fingerprint), by rule and by region."
        ),
        "help.option.format.diff": "Format: text, json, markdown (a pull-request comment) or html.",
        "help.option.fail_on.diff": (
            "Lowest severity of a NEW finding (not waived) that makes diff fail."
        ),
        "help.option.lang.diff": "Language of the report.",
        "help.option.output.diff": "Write the report to this file.",
        "help.option.history.check": (
            "Directory of earlier JSON reports of this repository: the run is added there "
            "(check-REGION-DATE.json), and the trend written to trend-REGION.json and "
            "trend-REGION.html (and shown after the text report)."
        ),
        "help.option.history.audit": (
            "Directory of earlier audits: this one is added there (audit-DATE.json), and the "
            "trend written to trend.json and trend.html (and shown after the text report)."
        ),
        "trend.error.one_repository": (
            "check --history is for one data repository (got {count}); "
            "use audit --history for several"
        ),
    },
}
