"""The one message catalogue: every user-facing text in bokmål (``nb``) and English (``en``).

Every table is keyed by language first, then by key: ``SECTION_TITLES["en"]["7"]``.
:data:`MESSAGES` holds the report chrome written here and the domains' entries
registered below (data findings, errors, command help); a plugin registers its own
with :func:`register`. Finding messages of guideline rules are not here: rulesets carry
their own ``nb``/``en`` templates.

Why it stays one module past 400 lines: it is a table of texts (the report chrome in
both languages, with the few functions that read it); splitting it would scatter one
domain's wording.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES: tuple[str, ...] = ("nb", "en")
"""Supported report languages; the first is the default."""

SECTION_TITLES: dict[str, dict[str, str]] = {
    "nb": {
        "data": "Dataintegritet",
        "1": "Sekretariatets rolle i byvekstavtalesamarbeidet",
        "2": "Arbeidslederansvar og arbeidsgiveransvar",
        "3": "Utadrettet informasjon og kommunikasjon",
        "4": "Økonomi og kostnadsstyring",
        "5": "Oppfølging av måleindikatorer",
        "6": "Analyser og utredninger",
        "7": "Dokumenthåndtering",
        "8": "Håndtering av faglig uenighet",
    },
    "en": {
        "data": "Data integrity",
        "1": "The secretariat's role in the urban growth agreement cooperation",
        "2": "Line management and employer responsibility",
        "3": "External information and communication",
        "4": "Finance and cost control",
        "5": "Follow-up of indicators",
        "6": "Analyses and studies",
        "7": "Document management",
        "8": "Handling of professional disagreement",
    },
}
"""Headings of the guideline sections (the guidelines' own, in nb) and of ``data``."""

SEVERITY_LABELS: dict[str, dict[str, str]] = {
    "nb": {"error": "feil", "warning": "advarsel", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
"""Severity labels, keyed by :attr:`Severity.label <secretariat_rules.findings.Severity>`."""

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {
        "header.ruleset": "Regelsett: {ruleset}",
        "header.period": "Periode: {start} – {end}",
        "header.as_of": "Per dato: {as_of}",
        "clause": "punkt {clause}",
        "no_findings": "Ingen funn.",
        "waived": "unntatt",
        "waived.reason": "unntatt: {reason}",
        "disabled.reason": "deaktivert: {reason}",
        "disabled.heading": "Deaktiverte regler",
        "not_applicable.reason": "ikke aktuell: {reason}",
        "findings.one": "{count} funn",
        "findings.other": "{count} funn",
        "section.unknown": "Avsnitt {section}",
        "section.none": "Uten avsnitt",
        "summary.findings": (
            "Funn – feil: {error}, advarsler: {warning}, info: {info}, unntatt: {waived}"
        ),
        "summary.rules": "Regler: {checked} sjekket, {failed} brutt",
        "summary.baseline": "Mot grunnlinjen: {new}, {fixed} rettet",
        "baseline.new.one": "{count} nytt funn",
        "baseline.new.other": "{count} nye funn",
        "baseline.new": "ny",
        "baseline.fixed": "Rettet siden grunnlinjen",
        "header.repository": "Datarepositorium: {path}",
        "not_selected.one": "{count} regel er ikke valgt (--select/--ignore)",
        "not_selected.other": "{count} regler er ikke valgt (--select/--ignore)",
        "not_selected.validate.one": (
            "{count} regel er ikke kjørt (validate kjører bare DAT-reglene)"
        ),
        "not_selected.validate.other": (
            "{count} regler er ikke kjørt (validate kjører bare DAT-reglene)"
        ),
        "audit.progress.done": "ferdig",
        "audit.tailoring.repositories": "gjelder datarepositoriene {paths}",
        "status.passed": "bestått",
        "status.failed": "brutt",
        "status.waived": "unntatt",
        "status.disabled": "deaktivert",
        "status.not_applicable": "ikke aktuell",
        "baselined": "grunnlinje",
        "failed_rules.heading": "Brutte regler",
        "column.rule": "Regel",
        "column.clause": "Punkt",
        "column.title": "Tittel",
        "column.count": "Funn",
        "status.absent": "ikke i regelsettet",
        "audit.title": "Revisjon av sekretariatene",
        "audit.summary": (
            "Regioner: {regions}, datarepositorier: {repositories} – {ok} vurdert, "
            "{broken} feilet, {crashed} krasjet, {failing} med brudd på eget regelsett"
        ),
        "audit.baseline": "Nasjonalt grunnlag: {baseline}",
        "audit.as_of.manifest": "Per dato: fra hver regions manifest",
        "audit.regions": "Regioner",
        "audit.region": "Region",
        "audit.name": "Navn",
        "audit.data_dir": "Datakatalog",
        "audit.ruleset": "Regelsett",
        "audit.status": "Status",
        "audit.status.ok": "ok",
        "audit.status.broken": "feilet",
        "audit.status.crashed": "krasjet (programfeil)",
        "audit.matrix.national": "Mot det nasjonale grunnlaget ({baseline})",
        "audit.matrix.own": "Mot regionens eget regelsett",
        "audit.rule": "Regel",
        "audit.compliance": "Etterlevelse",
        "audit.compliance.national": "Etterlevelse {baseline}",
        "audit.compliance.own": "Etterlevelse eget",
        "audit.compliance.rule": "Etterlevelse per regel: andel regioner der regelen er bestått",
        "audit.compliance.region": (
            "Etterlevelse per region: andel av retningslinjereglene (ikke DAT) som er bestått"
        ),
        "audit.compliance.note": (
            "Bare vurderte regler teller (bestått, brutt eller unntatt); ikke aktuelle, "
            "deaktiverte og manglende regler teller ikke."
        ),
        "audit.legend": (
            "✓ bestått · tall: brutt (antall funn) · u unntatt · d deaktivert · "
            "– ikke aktuell · tom: ikke i regelsettet · ! regionen feilet"
        ),
        "audit.disabled": "Deaktiverte regler",
        "audit.tailoring": "Tilpasningsregister: avvik fra {baseline}",
        "audit.tailoring.region": "{region}: regelsett {ruleset} (lag: {layers})",
        "audit.tailoring.none": "Ingen forskjeller fra {baseline}.",
        "audit.tailoring.broken": "ikke vurdert",
        "audit.change": "Endring",
        "audit.layer": "Lag",
        "audit.reason": "Begrunnelse",
        "audit.findings": "Funn per region",
        "audit.findings.own": "Eget regelsett ({ruleset})",
        "audit.findings.national": "Nasjonalt grunnlag ({baseline})",
        "html.title.check": "Kontroll av sekretariatets retningslinjer",
        "html.filters": "Filter",
        "html.severity": "Alvorlighet",
        "html.section": "Avsnitt",
        "html.all": "alle",
        "html.shown": "Viser {shown} av {total} funn",
        "html.message": "Melding",
        "html.subject": "Gjelder",
        "html.locations": "Sted",
        "html.guideline": "Retningslinje",
        "fix": "Slik retter du det",
        "html.fingerprint": "Fingeravtrykk",
        "html.summary": "Sammendrag",
        "html.skip": "Gå til innholdet",
        "html.contents": "Innhold",
        "html.findings.caption": "Funn under {section}",
        "sources.heading": "Kilder",
        "sources.source": "Kilde",
        "sources.files": "Filer lest",
        "sources.elements": "Elementer sett",
        "sources.records": "Poster per samling",
        "sources.left_out": "Utelatt",
        "sources.none": "ingen",
        "sources.more": "og {count} til",
        "regions.heading": "Regioner ({count})",
        "regions.hint": (
            "secretariat-rules regions ID viser partene, organene og kanalene til en region."
        ),
        "regions.parties": "Parter ({count})",
        "regions.bodies": "Organer ({count})",
        "regions.channels": "Kanaler ({count})",
        "regions.used_in": "Id-en skrives i {fields}",
        "regions.none": "ingen",
        "regions.column.id": "Id",
        "regions.column.name": "Navn",
        "regions.column.ruleset": "Regelsett",
        "regions.column.kind": "Type",
        "regions.column.org_number": "Org.nr.",
        "regions.column.domains": "Domener",
        "regions.column.aliases": "Også kalt",
        "regions.column.address": "Adresse",
        "regions.kind.kommune": "kommune",
        "regions.kind.fylkeskommune": "fylkeskommune",
        "regions.kind.stat": "statlig",
        "regions.kind.steering_group": "styringsgruppe",
        "regions.kind.working_group": "arbeidsgruppe",
        "regions.kind.other": "annet",
        "regions.kind.email": "e-post",
        "regions.kind.web": "nettsted",
        "explain.rulesets": (
            "Regelen finnes i regelsettene: {rulesets}; viser {shown} (--ruleset NAVN for et annet)"
        ),
        "init.attestations": (
            "Egenerklæringer: svar på punktene i retningslinjene som ingen post kan vise.\n"
            "For hvert punkt under: fjern # foran de seks linjene, og fyll inn\n"
            "  answer: ja, delvis eller nei\n"
            "  evidence: hva som viser det (et dokument eller en beskrivelse)\n"
            "  by: hvem som svarer (navn eller rolle)\n"
            "  date: datoen svaret ble gitt (2025-03-15 eller 15.03.2025)\n"
            "Et punkt som fortsatt står med # foran, er ikke besvart: secretariat-rules check\n"
            "viser et funn på linjen dets. Svar på nytt når et svar er utløpt, eller når det\n"
            "var delvis eller nei og forholdet er rettet."
        ),
        "init.attestations.item": "{id} (punkt {clause}; et svar gjelder i {days} dager): {title}",
        "init.attestations.answer": "ja        # ja | delvis | nei",
        "init.readme": (
            "# {name}: sekretariatets data\n\n"
            "Datarepositorium for egenvurderingen av sekretariatet i {name} (region "
            "`{region}`, regelsett `{ruleset}`), laget med `secretariat-rules init`.\n\n"
            "- `secretariat.yaml`: manifestet. Partene, organene og kanalene kommer fra "
            "regionens profil (`secretariat-rules regions {region}` viser dem); skriv dem i "
            "manifestet for å overstyre.\n"
            "- `*.csv`: én fil per samling med overskriftsraden; én rad per post.\n"
            "- `attestations.yaml`: egenerklæringer for de {items} punktene ingen post kan vise.\n"
            "- `waivers.yaml`: funn dere godtar for en tid.\n\n"
            "Kontroller med `secretariat-rules check .` (bare dataintegriteten: "
            "`secretariat-rules validate .`); `secretariat-rules explain REGEL` forklarer en "
            "regel.\n\n"
            "Der en rad nevner en part eller et organ, skriv id-en fra tabellene under."
        ),
        "audit.symbol.waived": "u",
        "sarif.repository": "Datarepositoriet, slik det er oppgitt på kommandolinjen.",
        "value.missing": "(mangler)",
        "value.yes": "ja",
        "value.no": "nei",
        "reference.ruleset": "Regelsett",
        "reference.layers": "lag",
        "reference.rules": "regler",
        "reference.disabled": "deaktivert",
        "reference.enabled": "aktiv",
        "reference.clause": "Punkt",
        "reference.severity": "Alvorlighet",
        "reference.modal": "modalverb",
        "reference.status": "Status",
        "reference.title": "Tittel",
        "reference.name": "Navn",
        "reference.guideline": "Retningslinje (ordrett)",
        "reference.semantics": "Semantikk",
        "reference.fix": "Slik retter du det",
        "reference.params": "Parametere",
        "reference.no_params": "ingen",
        "reference.check": "Sjekk",
        "reference.example": "Eksempel på funn",
        "reference.history": "Lag",
        "reference.effective_from": "Gjelder fra",
        "reference.set_by": "satt av",
        "reference.tailoring": "Tilpasning av {ruleset} i forhold til {baseline}",
        "reference.no_tailoring": "Ingen forskjeller.",
        "reference.unchanged": "uendret",
        "reference.reason": "begrunnelse",
        "reference.by": "av",
        "reference.baseline": "grunnlag",
        "reference.change": "Endring",
        "reference.reason_heading": "Begrunnelse",
        "reference.action.added": "lagt til",
        "reference.action.removed": "ikke i dette regelsettet",
        "reference.action.disabled": "deaktivert",
        "reference.action.enabled": "aktivert",
        "reference.action.reworded": "omformulert",
        "reference.action.reparameterised": "nye parametere",
        "reference.action.changed": "endret",
        "reference.attribute.enabled": "aktiv",
        "reference.attribute.clause": "punkt",
        "reference.attribute.title": "tittel",
        "reference.attribute.message": "melding",
        "reference.attribute.fix": "rettetekst",
        "reference.attribute.guideline": "retningslinje",
        "reference.attribute.semantics": "semantikk",
        "reference.attribute.modal": "modalverb",
        "reference.attribute.severity": "alvorlighet",
        "reference.attribute.effective_from": "gjelder fra",
        "reference.attribute.check": "sjekk",
        "reference.attribute.params": "parameteren {name}",
        "reference.no_rule": "regelsettet {ruleset!r} har ingen regel {query}",
        "reference.no_rule.meant": (
            "regelsettet {ruleset!r} har ingen regel {query}; mente du {meant!r}?"
        ),
        "reference.no_rule.close": (
            "regelsettet {ruleset!r} har ingen regel {query}; mente du: {names}?"
        ),
        "attested.missing": "ingen besvarelse i attestations.yaml",
        "attested.missing_before": "ingen besvarelse datert senest {as_of} i attestations.yaml",
        "attested.template": (
            "ikke besvart ennå: fjern # foran malen for {item} i attestations.yaml og fyll "
            "inn answer, evidence, by og date"
        ),
        "attested.expired": (
            "besvarelsen fra {date} ({by}) gjaldt til {valid_until}, og er utløpt per {as_of}"
        ),
        "attested.partly": "besvart «delvis» {date} av {by}: {evidence}",
        "attested.no": "besvart «nei» {date} av {by}",
        "attested.error.not_utf8": "{path}: er ikke UTF-8-tekst ({reason})",
        "attested.error.invalid": "{path}: ugyldig egenerklæringsfil",
        "attested.error.invalid_yaml": "ugyldig YAML: {problem}",
        "attested.error.not_list": "forventet en liste med svar (- item: ...)",
        "attested.error.not_mapping": (
            "oppføring {number}: forventet en tilordning med item, answer, evidence, by og date"
        ),
        "attested.error.entry": "oppføring {number}",
        "attested.error.field": "{where}: {message}",
        "attested.error.unknown_item": (
            "item: {item!r} er ikke en egenerklæringsregel i regelsettet "
            "(egenerklæringsregler: {listed})"
        ),
        "attested.error.none": "ingen",
    },
    "en": {
        "header.ruleset": "Ruleset: {ruleset}",
        "header.period": "Period: {start} – {end}",
        "header.as_of": "As of: {as_of}",
        "clause": "clause {clause}",
        "no_findings": "No findings.",
        "waived": "waived",
        "waived.reason": "waived: {reason}",
        "disabled.reason": "disabled: {reason}",
        "disabled.heading": "Disabled rules",
        "not_applicable.reason": "not applicable: {reason}",
        "findings.one": "{count} finding",
        "findings.other": "{count} findings",
        "section.unknown": "Section {section}",
        "section.none": "No section",
        "summary.findings": (
            "Findings – errors: {error}, warnings: {warning}, info: {info}, waived: {waived}"
        ),
        "summary.rules": "Rules: {checked} checked, {failed} failed",
        "summary.baseline": "Against the baseline: {new}, {fixed} fixed",
        "baseline.new.one": "{count} new finding",
        "baseline.new.other": "{count} new findings",
        "baseline.new": "new",
        "baseline.fixed": "Fixed since the baseline",
        "header.repository": "Data repository: {path}",
        "not_selected.one": "{count} rule not selected (--select/--ignore)",
        "not_selected.other": "{count} rules not selected (--select/--ignore)",
        "not_selected.validate.one": "{count} rule not run (validate runs the DAT rules only)",
        "not_selected.validate.other": "{count} rules not run (validate runs the DAT rules only)",
        "audit.progress.done": "done",
        "audit.tailoring.repositories": "applies to the data repositories {paths}",
        "status.passed": "passed",
        "status.failed": "failed",
        "status.waived": "waived",
        "status.disabled": "disabled",
        "status.not_applicable": "not applicable",
        "baselined": "baseline",
        "failed_rules.heading": "Failed rules",
        "column.rule": "Rule",
        "column.clause": "Clause",
        "column.title": "Title",
        "column.count": "Findings",
        "status.absent": "not in the ruleset",
        "audit.title": "Audit of the secretariats",
        "audit.summary": (
            "Regions: {regions}, data repositories: {repositories} – {ok} assessed, "
            "{broken} broken, {crashed} crashed, {failing} breaking their own ruleset"
        ),
        "audit.baseline": "National baseline: {baseline}",
        "audit.as_of.manifest": "As of: each region's manifest",
        "audit.regions": "Regions",
        "audit.region": "Region",
        "audit.name": "Name",
        "audit.data_dir": "Data directory",
        "audit.ruleset": "Ruleset",
        "audit.status": "Status",
        "audit.status.ok": "ok",
        "audit.status.broken": "broken",
        "audit.status.crashed": "crashed (a bug)",
        "audit.matrix.national": "Against the national baseline ({baseline})",
        "audit.matrix.own": "Against each region's own ruleset",
        "audit.rule": "Rule",
        "audit.compliance": "Compliance",
        "audit.compliance.national": "Compliance {baseline}",
        "audit.compliance.own": "Compliance own",
        "audit.compliance.rule": "Compliance per rule: share of regions passing the rule",
        "audit.compliance.region": (
            "Compliance per region: share of its guideline rules (not DAT) passing"
        ),
        "audit.compliance.note": (
            "Only assessed rules count (passed, failed or waived); rules not applicable, "
            "disabled or absent do not."
        ),
        "audit.legend": (
            "✓ passed · number: failed (findings) · w waived · d disabled · "
            "– not applicable · blank: not in the ruleset · ! region broken"
        ),
        "audit.disabled": "Disabled rules",
        "audit.tailoring": "Tailoring register: deviations from {baseline}",
        "audit.tailoring.region": "{region}: ruleset {ruleset} (layers: {layers})",
        "audit.tailoring.none": "No differences from {baseline}.",
        "audit.tailoring.broken": "not assessed",
        "audit.change": "Change",
        "audit.layer": "Layer",
        "audit.reason": "Reason",
        "audit.findings": "Findings per region",
        "audit.findings.own": "Own ruleset ({ruleset})",
        "audit.findings.national": "National baseline ({baseline})",
        "html.title.check": "Secretariat guideline check",
        "html.filters": "Filters",
        "html.severity": "Severity",
        "html.section": "Section",
        "html.all": "all",
        "html.shown": "Showing {shown} of {total} findings",
        "html.message": "Message",
        "html.subject": "Subject",
        "html.locations": "Location",
        "html.guideline": "Guideline",
        "fix": "How to fix",
        "html.fingerprint": "Fingerprint",
        "html.summary": "Summary",
        "html.skip": "Skip to the content",
        "html.contents": "Contents",
        "html.findings.caption": "Findings under {section}",
        "sources.heading": "Sources",
        "sources.source": "Source",
        "sources.files": "Files read",
        "sources.elements": "Elements seen",
        "sources.records": "Records per collection",
        "sources.left_out": "Left out",
        "sources.none": "none",
        "sources.more": "and {count} more",
        "regions.heading": "Regions ({count})",
        "regions.hint": (
            "secretariat-rules regions ID shows a region's parties, bodies and channels."
        ),
        "regions.parties": "Parties ({count})",
        "regions.bodies": "Bodies ({count})",
        "regions.channels": "Channels ({count})",
        "regions.used_in": "The id is written in {fields}",
        "regions.none": "none",
        "regions.column.id": "Id",
        "regions.column.name": "Name",
        "regions.column.ruleset": "Ruleset",
        "regions.column.kind": "Kind",
        "regions.column.org_number": "Org. no.",
        "regions.column.domains": "Domains",
        "regions.column.aliases": "Also called",
        "regions.column.address": "Address",
        "regions.kind.kommune": "municipality",
        "regions.kind.fylkeskommune": "county authority",
        "regions.kind.stat": "state",
        "regions.kind.steering_group": "steering group",
        "regions.kind.working_group": "working group",
        "regions.kind.other": "other",
        "regions.kind.email": "email",
        "regions.kind.web": "website",
        "explain.rulesets": (
            "The rule is in the rulesets: {rulesets}; showing {shown} (--ruleset NAME for another)"
        ),
        "init.attestations": (
            "Attestations: answers to the guideline clauses no record can prove.\n"
            "For each item below: remove the # in front of its six lines, and fill in\n"
            "  answer: yes, partly or no\n"
            "  evidence: what shows it (a document or a description)\n"
            "  by: who answers (a name or a role)\n"
            "  date: the day of the answer (2025-03-15 or 15.03.2025)\n"
            "An item still behind # is not answered: secretariat-rules check gives a finding\n"
            "at its line. Answer again when an answer has expired, or when it was partly or\n"
            "no and the matter has been put right."
        ),
        "init.attestations.item": "{id} (clause {clause}; an answer is valid {days} days): {title}",
        "init.attestations.answer": "yes       # yes | partly | no",
        "init.readme": (
            "# {name}: the secretariat's data\n\n"
            "Data repository for the self-assessment of the secretariat of {name} (region "
            "`{region}`, ruleset `{ruleset}`), made by `secretariat-rules init`.\n\n"
            "- `secretariat.yaml`: the manifest. The parties, bodies and channels come from "
            "the region's profile (`secretariat-rules regions {region}` shows them); write "
            "them in the manifest to override it.\n"
            "- `*.csv`: one file per collection with its header row; one row per record.\n"
            "- `attestations.yaml`: attestations for the {items} clauses no record can prove.\n"
            "- `waivers.yaml`: findings you accept for a while.\n\n"
            "Check with `secretariat-rules check .` (data integrity only: "
            "`secretariat-rules validate .`); `secretariat-rules explain RULE` explains a "
            "rule.\n\n"
            "Where a row names a party or a body, write the id from the tables below."
        ),
        "audit.symbol.waived": "w",
        "sarif.repository": "The data repository, as given on the command line.",
        "value.missing": "(missing)",
        "value.yes": "yes",
        "value.no": "no",
        "reference.ruleset": "Ruleset",
        "reference.layers": "layers",
        "reference.rules": "rules",
        "reference.disabled": "disabled",
        "reference.enabled": "enabled",
        "reference.clause": "Clause",
        "reference.severity": "Severity",
        "reference.modal": "modal",
        "reference.status": "Status",
        "reference.title": "Title",
        "reference.name": "Name",
        "reference.guideline": "Guideline (verbatim)",
        "reference.semantics": "Semantics",
        "reference.fix": "How to fix",
        "reference.params": "Parameters",
        "reference.no_params": "none",
        "reference.check": "Check",
        "reference.example": "Example finding",
        "reference.history": "Layers",
        "reference.effective_from": "Effective from",
        "reference.set_by": "set by",
        "reference.tailoring": "Tailoring of {ruleset} relative to {baseline}",
        "reference.no_tailoring": "No differences.",
        "reference.unchanged": "unchanged",
        "reference.reason": "reason",
        "reference.by": "by",
        "reference.baseline": "baseline",
        "reference.change": "Change",
        "reference.reason_heading": "Reason",
        "reference.action.added": "added",
        "reference.action.removed": "not in this ruleset",
        "reference.action.disabled": "disabled",
        "reference.action.enabled": "enabled",
        "reference.action.reworded": "re-worded",
        "reference.action.reparameterised": "re-parameterised",
        "reference.action.changed": "changed",
        "reference.attribute.enabled": "enabled",
        "reference.attribute.clause": "clause",
        "reference.attribute.title": "title",
        "reference.attribute.message": "message",
        "reference.attribute.fix": "fix",
        "reference.attribute.guideline": "guideline",
        "reference.attribute.semantics": "semantics",
        "reference.attribute.modal": "modal",
        "reference.attribute.severity": "severity",
        "reference.attribute.effective_from": "effective_from",
        "reference.attribute.check": "check",
        "reference.attribute.params": "params.{name}",
        "reference.no_rule": "ruleset {ruleset!r} has no rule {query}",
        "reference.no_rule.meant": (
            "ruleset {ruleset!r} has no rule {query}; did you mean {meant!r}?"
        ),
        "reference.no_rule.close": (
            "ruleset {ruleset!r} has no rule {query}; did you mean: {names}?"
        ),
        "attested.missing": "no answer in attestations.yaml",
        "attested.missing_before": "no answer dated on or before {as_of} in attestations.yaml",
        "attested.template": (
            "not answered yet: remove the # in front of the template for {item} in "
            "attestations.yaml and fill in answer, evidence, by and date"
        ),
        "attested.expired": (
            "the answer of {date} ({by}) was valid until {valid_until}; expired as of {as_of}"
        ),
        "attested.partly": "answered 'partly' on {date} by {by}: {evidence}",
        "attested.no": "answered 'no' on {date} by {by}",
        "attested.error.not_utf8": "{path}: not UTF-8 text ({reason})",
        "attested.error.invalid": "{path}: invalid attestations file",
        "attested.error.invalid_yaml": "invalid YAML: {problem}",
        "attested.error.not_list": "expected a list of answers (- item: ...)",
        "attested.error.not_mapping": (
            "entry {number}: expected a mapping with item, answer, evidence, by and date"
        ),
        "attested.error.entry": "entry {number}",
        "attested.error.field": "{where}: {message}",
        "attested.error.unknown_item": (
            "item: {item!r} is not an attested rule of the ruleset (attested rules: {listed})"
        ),
        "attested.error.none": "none",
    },
}
"""Every other label the reporters print, as :meth:`str.format` templates."""


def t(key: str, lang: str, **values: object) -> str:
    """Return message ``key`` in ``lang`` with ``values`` filled in.

    :raises KeyError: an unknown language or key.
    """
    return MESSAGES[lang][key].format(**values)


def tn(key: str, count: int, lang: str, **values: object) -> str:
    """Return the singular (``KEY.one``) or plural (``KEY.other``) form for ``count``."""
    form = "one" if count == 1 else "other"
    return t(f"{key}.{form}", lang, count=count, **values)


def section_title(section: str, lang: str) -> str:
    """Heading of a guideline section, numbered (``7. Dokumenthåndtering``).

    A section no guideline defines (a plugin's own) gets a generic heading.
    """
    title = SECTION_TITLES[lang].get(section)
    if section == "data" and title:
        return title
    if title:
        return f"{section}. {title}"
    if not section:
        return t("section.none", lang)
    return t("section.unknown", lang, section=section)


def severity_label(severity: str, lang: str) -> str:
    """Label of a severity (``error``, ``warning``, ``info``) in ``lang``."""
    return SEVERITY_LABELS[lang][severity]


def register(messages: Mapping[str, Mapping[str, str]], origin: str) -> None:
    """Add ``origin``'s entries (``{"nb": {key: template}, "en": {...}}``) to :data:`MESSAGES`.

    :raises ValueError: a key is already in the catalogue (two owners of one text).
    """
    for lang in LANGUAGES:
        table = MESSAGES[lang]
        for key, template in messages.get(lang, {}).items():
            if key in table and table[key] != template:
                raise ValueError(f"message key {key!r} of {origin} is already in the catalogue")
            table[key] = template


def _register_domains() -> None:
    from . import (
        cli_messages,
        data_messages,
        document_messages,
        engine_messages,
        error_messages,
        evidence_messages,
        history_messages,
        waiver_messages,
    )

    domains = (data_messages, error_messages, engine_messages, cli_messages, document_messages)
    for module in domains:
        register(module.MESSAGES, module.__name__)
    register(waiver_messages.MESSAGES, waiver_messages.__name__)
    register(history_messages.MESSAGES, history_messages.__name__)
    register(evidence_messages.MESSAGES, evidence_messages.__name__)


_register_domains()
