"""Help of the commands and options, and the command line's own errors and progress.

Keys are ``domain.what`` (lowercase, dotted); templates are :meth:`str.format` strings.
Every key has an ``nb`` and an ``en`` entry (``tests/test_i18n_catalogue.py``).

``help.*`` are help texts (rendered when ``--help`` is shown, in the invocation's
language); ``cli.*`` are the command line's own messages: errors, progress, lines it
prints. Option names, formats, file names and values stay as they are in both languages.
A help text that begins with ``\\b`` keeps its line breaks (click's convention).

Why it stays one module past 400 lines: it is a table of texts (every command's help
and messages in both languages); splitting it would scatter one domain's wording.
"""

from __future__ import annotations

_MAIN_EXAMPLES = """\
  secretariat-rules init my-data --region miljoloftet
  secretariat-rules check my-data
  secretariat-rules check my-data --format html --output report.html
  secretariat-rules explain SEK008
  secretariat-rules audit fixtures/* --format html --output audit.html"""

_COMPLETION = """\
  eval "$(_SECRETARIAT_RULES_COMPLETE=bash_source secretariat-rules)\""""

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {
        # ---- click's own words, as a user meets them in --help
        "help.usage": "Bruk:",
        "help.section.options": "Valg",
        "help.section.commands": "Kommandoer",
        "help.section.arguments": "Argumenter",
        "help.extra.default": "standard: {default}",
        "help.extra.required": "påkrevd",
        "help.extra.envvar": "miljøvariabel: {var}",
        "help.option.help": "Vis denne hjelpeteksten og avslutt.",
        "help.option.version": "Vis versjonen og avslutt.",
        # ---- the main group
        "help.main": (
            "Sjekk sekretariatene for byvekstavtalene mot retningslinjene deres.\n"
            "\n"
            "\b\n"
            "Avslutningskoder: 0 ingen funn på eller over --fail-on; 1 slike funn; 2 en feil\n"
            "i bruken eller konfigurasjonen; 3 en intern feil (en programfeil: meld den)."
        ),
        "help.main.epilog": (
            "\b\nEksempler:\n" + _MAIN_EXAMPLES + "\n\n"
            "\b\n"
            "Formater: text, json, junit, sarif, markdown, html, github, xlsx, pdf\n"
            "(check --help).\n"
            "Språk for hjelp, feilmeldinger og fremdrift: --lang nb|en, ellers\n"
            "miljøvariabelen SECRETARIAT_RULES_LANG (nb eller en), ellers nb.\n"
            "Fullføring i skallet (bash; zsh_source og fish_source tilsvarende):\n" + _COMPLETION
        ),
        "help.option.lang.main": (
            "Språket i hjelpen, feilmeldingene og fremdriften (standard: "
            "SECRETARIAT_RULES_LANG, ellers nb)."
        ),
        "help.option.plugin": "Last inn en tilleggsmodul (kan gjentas).",
        "help.option.no_plugin_autoload": (
            "Ikke last inn tredjeparts tilleggsmoduler fra entry points."
        ),
        "help.option.debug": (
            "Skriv ut traceback ved en intern feil (avslutningskode 3); også {env}=1."
        ),
        # ---- check and validate
        "help.check": (
            "Kjør et regelsett på ett eller flere datarepositorier (standard: gjeldende mappe)."
        ),
        "help.check.epilog": (
            "\b\n"
            "Formater (--format, --report FORMAT=STI): text, json, junit, sarif, markdown,\n"
            "html, github, xlsx, pdf (binære: med --output), og de en tilleggsmodul legger til.\n"
            "\n"
            "\b\n"
            "Standardverdier for fail_on, lang, select, ignore og reports kan settes én gang\n"
            "i manifestets check:-del (secretariat-rules schema manifest); valgene her går\n"
            "foran.\n"
            "\n"
            "\b\n"
            "Avslutningskoder: 0 ingen funn på eller over --fail-on; 1 slike funn; 2 en feil\n"
            "i bruken eller konfigurasjonen (fil:linje); 3 en intern feil (en programfeil:\n"
            "meld den).\n"
            "\n"
            "\b\n"
            "Språk: --lang velger språket i rapporten og i feilmeldingene; uten --lang gjelder\n"
            "manifestets check: lang for rapporten og SECRETARIAT_RULES_LANG for\n"
            "feilmeldingene (nb eller en), ellers nb.\n"
            "\n"
            "\b\n"
            "Eksempler:\n"
            "  secretariat-rules check                  datarepositoriet i denne mappen\n"
            "  secretariat-rules check data -q          én oppsummeringslinje\n"
            "  secretariat-rules check data --report junit=junit.xml --report sarif=report.sarif\n"
            "  secretariat-rules check data --fail-on warning --lang en\n"
            "  secretariat-rules check data --select SEK0 --ignore SEK013\n"
            "  secretariat-rules check data --baseline baseline.json"
        ),
        "help.validate": (
            "Sjekk bare dataintegriteten (DAT-reglene), og vis hva hver kilde leste."
        ),
        "help.option.ruleset.run": (
            "Navn på eller sti til regelsettet (standard: manifestets, ellers national)."
        ),
        "help.option.as_of": (
            "Referansedato for alt som har frist (standard: manifestets as_of, ellers i dag)."
        ),
        "help.option.period": "Vurderingsperiode (standard: manifestets).",
        "help.option.format.run": "Format for stdout eller --output.",
        "help.option.output.report": "Skriv --format-rapporten til denne filen.",
        "help.option.report.run": (
            "Skriv også FORMAT til STI (kan gjentas), f.eks. junit=report.xml."
        ),
        "help.option.fail_on.run": (
            "Laveste alvorlighetsgrad som gjør at kjøringen feiler  "
            "[standard: manifestets check: fail_on, ellers error]"
        ),
        "help.option.select": (
            "Bare disse regel-id-ene eller prefiksene (kommaseparert, kan gjentas)."
        ),
        "help.option.ignore": "Hopp over disse regel-id-ene eller prefiksene.",
        "help.option.lang.run": (
            "Språket i rapporten og i feilmeldingene  "
            "[standard: SECRETARIAT_RULES_LANG, ellers manifestets check: lang, ellers nb]"
        ),
        "help.option.quiet.run": (
            "Skriv bare én oppsummeringslinje per repositorium (rapportene skrives likevel)."
        ),
        "help.option.waivers": (
            "Unntaksfil (standard: waivers.yaml i hvert datarepositorium, om den finnes)."
        ),
        "help.option.baseline": (
            "En tidligere JSON-rapport: feil bare på funn som ikke står i den."
        ),
        "help.option.color": "Slå farger på eller av (standard: på i en terminal).",
        "help.option.schema_check": (
            "Valider også filer fra arkivsystemer (et Noark 5-uttrekk ...) mot det offisielle "
            "skjemaet for versjonen deres; brudd er DAT008-advarsler med linjenumre."
        ),
        # ---- reference commands
        "help.option.format.text_or_json": "Utdataformat.",
        "help.option.lang.reference": (
            "Språket i titler, meldinger og etiketter  "
            "[standard: SECRETARIAT_RULES_LANG, ellers nb]"
        ),
        "help.option.ruleset.reference": "Navn på eller sti til regelsettet.",
        "help.option.output.file": "Skriv til denne filen i stedet for stdout.",
        "help.plugins": (
            "List opp innlastede tilleggsmoduler: versjon (eller innebygd) og hva hver "
            "tilbyr.\n"
            "\n"
            "\b\n"
            "text: NAVN: TILBYR [VERSJON; MODUL]   én linje per tilleggsmodul\n"
            "json: en liste av {{name, module, origin, distribution, version, label, provides}}"
        ),
        "help.rules": (
            "List opp reglene i et ferdig oppløst regelsett, eller tilpasningen av det "
            "sammenlignet med BASELINE.\n"
            "\n"
            "\b\n"
            "secretariat-rules rules --ruleset bymiljopakken            reglene i bymiljopakken\n"
            "secretariat-rules rules --ruleset bymiljopakken national   hvordan det avviker fra"
            " national\n"
            "\n"
            "Tilpasningen viser hver regel som er lagt til, deaktivert (med begrunnelse), "
            "omformulert eller har fått nye parametere (gammel → ny), og laget som gjorde det."
        ),
        "help.explain": (
            "Forklar RULE (en id eller et navn): retningslinje, betydning, parametere og et "
            "eksempel på et funn.\n"
            "\n"
            "Uten --ruleset slås RULE opp i alle registrerte regelsett: det nasjonale "
            "forklares hvis det har regelen, ellers det første etter navn, og de andre som "
            "har den, nevnes."
        ),
        "help.option.ruleset.explain": (
            "Navn på eller sti til regelsettet (standard: alle registrerte regelsett, "
            "national først)."
        ),
        "help.regions": (
            "List opp regionene tilleggsmodulene tilbyr (id, navn, regelsett); med REGION: "
            "partene, organene og kanalene, med id-ene som skal stå i datafilene.\n"
            "\n"
            "\b\n"
            "json: en liste av {{id, name, ruleset}}; med REGION {{id, name, ruleset, "
            "description,\n"
            "      parties, bodies, channels, references}}"
        ),
        "help.schema": (
            "Skriv ut JSON Schema (draft 2020-12) for manifestet, en samling, et regelsett "
            "eller JSON-rapporten.\n"
            "\n"
            "\b\n"
            "TARGET: manifest (standard) | ruleset | collection NAVN | attestations | waivers "
            "| report"
        ),
        "help.docs": ("Lag regelreferansen (docs/rules.md) fra regelsettene og sjekktypene."),
        "help.option.hooks": "Skriv også hook-referansen (docs/hooks.md) til denne filen.",
        # ---- init
        "help.init": (
            "Lag et datarepositorium for en region: manifest, tomme samlinger, en mal for "
            "attesteringer, en README med id-ene til regionens parter og organer, og en "
            "CI-fil."
        ),
        "help.option.region": "Regionens id (se `secretariat-rules regions`).",
        "help.option.year": "Vurderingsåret (standard: inneværende år).",
        "help.option.ci": "CI-oppsett som skal legges til.",
        "help.option.lang.init": (
            "Språket i README-en og attesteringsmalen  "
            "[standard: SECRETARIAT_RULES_LANG, ellers nb]"
        ),
        # ---- audit
        "help.audit": (
            "Revider alle regionene: hvert datarepositorium mot det nasjonale grunnlaget og "
            "mot sitt eget regelsett, som en matrise av regioner × regler med etterlevelse "
            "per regel og per region, og tilpasningsregisteret (hvordan hver regions "
            "regelsett avviker).\n"
            "\n"
            "\b\n"
            "secretariat-rules audit fixtures/* --format html --output audit.html\n"
            "secretariat-rules audit DATA... --report junit=audit.xml --report json=audit.json\n"
            "\n"
            "En region som ikke kan revideres, rapporteres som feilet (ugyldig manifest, "
            "regelsett eller unntak) eller krasjet (en intern feil, en programfeil), og de "
            "andre kjøres likevel. I en terminal skrives fremdriften til stderr etter hvert "
            "som hver region blir ferdig (ikke med --quiet, og ikke når stderr er omdirigert)."
        ),
        "help.audit.epilog": (
            "\b\n"
            "Avslutningskoder: 0 ingen region har funn på eller over --fail-on mot sitt eget\n"
            "regelsett; 1 en region har det; 2 en feil i bruken, eller en region har feilet\n"
            "(en feil i konfigurasjonen i den regionen); 3 en region krasjet (en intern feil,\n"
            "en programfeil: meld den), og det går foran 2. Rapportene skrives likevel ved 2\n"
            "og 3."
        ),
        "help.option.format.audit": (
            "Format for stdout eller --output: text, json, junit, html, xlsx, pdf (eller en "
            "tilleggsmoduls)."
        ),
        "help.option.report.audit": (
            "Skriv også FORMAT til STI (kan gjentas), f.eks. html=audit.html."
        ),
        "help.option.as_of.audit": (
            "Referansedato for alle regionene (standard: as_of i hvert manifest, ellers i dag)."
        ),
        "help.option.period.audit": (
            "Vurderingsperiode for alle regionene (standard: hvert manifests)."
        ),
        "help.option.lang.audit": (
            "Språket i rapporten, fremdriften og feilmeldingene  "
            "[standard: SECRETARIAT_RULES_LANG, ellers nb]"
        ),
        "help.option.jobs": "Antall arbeidsprosesser (1 kjører alle regionene i denne prosessen).",
        "help.option.quiet.audit": "Ingen fremdrift på stderr.",
        "help.option.fail_on.audit": (
            "Laveste alvorlighetsgrad, mot regionens eget regelsett, som gjør at kjøringen feiler."
        ),
        # ---- pull
        "help.pull": "Last ned journalposter fra en offentlig tjeneste til et datarepositorium.",
        "help.pull.einnsyn": (
            "Lagre den offentlige journalen til et organ i eInnsyn (journalposter, møter, "
            "saker) for et datointervall under DATA_DIR/einnsyn/, slik at nedlastingen kan "
            "gjenopptas; kildeadapteren `einnsyn` leser den."
        ),
        "help.option.body": "Organets enhet-id i eInnsyn (enh_…).",
        "help.option.from": "Første dato (2024-01-01 eller 01.01.2024).",
        "help.option.to": "Siste dato, tatt med.",
        "help.option.base_url": "API-adresse (standard https://api.einnsyn.no).",
        "help.option.api_key": "API-nøkkel, sendt som X-EIN-API-KEY (også EINNSYN_API_KEY).",
        "help.option.rate": "Høyst så mange forespørsler per sekund.",
        "help.option.retries": (
            "Nye forsøk etter et 429/5xx-svar eller en tilkoblingsfeil, med økende ventetid."
        ),
        "help.option.timeout": "Sekunder å vente på en tilkobling eller et svar.",
        "help.option.restart": "Forkast en tidligere nedlasting i DATA_DIR/einnsyn.",
        # ---- the command line's own messages
        "cli.error": "secretariat-rules: feil: {message}",
        "cli.interrupted": "secretariat-rules: avbrutt",
        "cli.terminated": "secretariat-rules: stoppet (SIGTERM)",
        "cli.lang_env.unknown": (
            "secretariat-rules: advarsel: {env}={value!r} er verken nb eller en; bruker nb"
        ),
        "cli.internal_error": (
            "secretariat-rules: intern feil: {summary}. Dette er en feil i secretariat-rules "
            "eller en tilleggsmodul; meld den, og ta med kommandoen du kjørte (kjør på nytt "
            "med --debug eller {env}=1 for å få traceback)."
        ),
        "cli.date.invalid": "{option} {value}: forventet en dato som 2025-06-30 eller 30.06.2025",
        "cli.period.invalid": (
            "--period {value}: forventet et år (2024) eller START..SLUTT "
            "(2024-01-01..2024-06-30, 01.01.2024..30.06.2024, 2023..2024)"
        ),
        "cli.period.reversed": "--period {value}: starten er etter slutten",
        "cli.period.no_year": "--period {value}: år {year} finnes ikke",
        "cli.period.bound": (
            "--period {value}: {bound} er verken en dato som 2024-01-01 eller 01.01.2024 "
            "eller et år"
        ),
        "cli.rule_id.case": "regel-id {id}: id-er sammenlignes slik de er skrevet",
        "cli.rule_id.case.near": (
            "regel-id {id}: id-er sammenlignes slik de er skrevet; mente du {near}?"
        ),
        "cli.report.invalid": "--report {value}: forventet FORMAT=STI, f.eks. junit=report.xml",
        "cli.format.unknown": "ukjent format {format}; tilgjengelige: {known}",
        "cli.write.failed": "kan ikke skrive {path}: {reason}",
        "cli.write.no_reader": "ingen prosess leser fra den",
        "cli.plugins.nothing": "(tilbyr ingenting)",
        "cli.plugins.kind.region": "region",
        "cli.plugins.kind.source_adapter": "kildeadapter",
        "cli.plugins.kind.check_kind": "kontrolltype",
        "cli.plugins.kind.reporter": "rapportformat",
        "cli.plugins.kind.ruleset": "regelsett",
        "cli.init.created": "opprettet {path}",
        "cli.audit.format_unable": (
            "formatet {format} kan ikke vise en revisjon; tilgjengelige: {able}"
        ),
        "cli.audit.no_dir": "datamappen finnes ikke: {dirs}",
        "cli.audit.progress": "[{done}/{total}] {region} ({where}) {state}",
        "cli.audit.crashed.one": (
            "secretariat-rules: intern feil i {count} region (krasjet). Dette er en feil i "
            "secretariat-rules eller en tilleggsmodul; meld den, og ta med kommandoen du "
            "kjørte (kjør på nytt med --debug eller {env}=1 for å få traceback)."
        ),
        "cli.audit.crashed.other": (
            "secretariat-rules: intern feil i {count} regioner (krasjet). Dette er en feil i "
            "secretariat-rules eller en tilleggsmodul; meld den, og ta med kommandoen du "
            "kjørte (kjør på nytt med --debug eller {env}=1 for å få traceback)."
        ),
        "cli.audit.region_crashed": (
            "intern feil (en feil i secretariat-rules eller en tilleggsmodul): {summary}"
        ),
        "cli.audit.region_crashed.in": (
            "intern feil (en feil i secretariat-rules eller en tilleggsmodul): {context}: {summary}"
        ),
        "cli.audit.worker_failed": "arbeidsprosessen feilet",
        "cli.pull.from_after_to": "--from {start} er etter --to {end}",
        "cli.pull.base_url": "--base-url {value}: forventet en http(s)-adresse",
        "cli.pull.done": "lastet ned til {path}: sider lagret nå: {pages}; {state}",
        "cli.pull.complete": "fullstendig",
        "cli.pull.incomplete": "ufullstendig",
    },
    "en": {
        "help.usage": "Usage:",
        "help.section.options": "Options",
        "help.section.commands": "Commands",
        "help.section.arguments": "Positional arguments",
        "help.extra.default": "default: {default}",
        "help.extra.required": "required",
        "help.extra.envvar": "env var: {var}",
        "help.option.help": "Show this message and exit.",
        "help.option.version": "Show the version and exit.",
        "help.main": (
            "Check urban growth agreement secretariats against their guidelines.\n"
            "\n"
            "\b\n"
            "Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 a usage or\n"
            "configuration error; 3 an internal error (a bug: please report it)."
        ),
        "help.main.epilog": (
            "\b\nExamples:\n" + _MAIN_EXAMPLES + "\n\n"
            "\b\n"
            "Formats: text, json, junit, sarif, markdown, html, github, xlsx, pdf (check --help).\n"
            "Language of help, errors and progress: --lang nb|en, else the\n"
            "SECRETARIAT_RULES_LANG environment variable (nb or en), else nb.\n"
            "Shell completion (bash; zsh_source, fish_source likewise):\n" + _COMPLETION
        ),
        "help.option.lang.main": (
            "Language of help, errors and progress (default: SECRETARIAT_RULES_LANG, else nb)."
        ),
        "help.option.plugin": "Load a plugin module (repeatable).",
        "help.option.no_plugin_autoload": "Do not load third-party plugins from entry points.",
        "help.option.debug": (
            "Print the traceback of an internal error (exit code 3); also {env}=1."
        ),
        "help.check": (
            "Run a ruleset on one or more data repositories (default: the current directory)."
        ),
        "help.check.epilog": (
            "\b\n"
            "Formats (--format, --report FORMAT=PATH): text, json, junit, sarif, markdown, html,\n"
            "github, xlsx, pdf (binary: with --output), and any a plugin adds.\n"
            "\n"
            "\b\n"
            "Defaults for fail_on, lang, select, ignore and reports can be set once in the\n"
            "manifest's check: section (secretariat-rules schema manifest); options here win.\n"
            "\n"
            "\b\n"
            "Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 a usage or\n"
            "configuration error (file:line); 3 an internal error (a bug: please report it).\n"
            "\n"
            "\b\n"
            "Language: --lang chooses the language of the report and of the errors; without\n"
            "--lang the manifest's check: lang applies to the report and\n"
            "SECRETARIAT_RULES_LANG to the errors (nb or en), else nb.\n"
            "\n"
            "\b\n"
            "Examples:\n"
            "  secretariat-rules check                  the data repository in this directory\n"
            "  secretariat-rules check data -q          one summary line\n"
            "  secretariat-rules check data --report junit=junit.xml --report sarif=report.sarif\n"
            "  secretariat-rules check data --fail-on warning --lang en\n"
            "  secretariat-rules check data --select SEK0 --ignore SEK013\n"
            "  secretariat-rules check data --baseline baseline.json"
        ),
        "help.validate": (
            "Check data integrity only (the DAT rules), and show what each source read."
        ),
        "help.option.ruleset.run": "Ruleset name or path (default: the manifest's, else national).",
        "help.option.as_of": (
            "Reference date for everything due (default: the manifest's as_of, else today)."
        ),
        "help.option.period": "Assessment period (default: the manifest's).",
        "help.option.format.run": "Format for stdout or --output.",
        "help.option.output.report": "Write the --format report to this file.",
        "help.option.report.run": (
            "Also write FORMAT to PATH (repeatable), e.g. junit=report.xml."
        ),
        "help.option.fail_on.run": (
            "Lowest severity that fails the run  [default: the manifest's check: fail_on, "
            "else error]"
        ),
        "help.option.select": "Only these rule ids or prefixes (comma-separated, repeatable).",
        "help.option.ignore": "Skip these rule ids or prefixes.",
        "help.option.lang.run": (
            "Language of the report and of the errors  "
            "[default: SECRETARIAT_RULES_LANG, else the manifest's check: lang, else nb]"
        ),
        "help.option.quiet.run": (
            "Print only one summary line per repository (reports are still written)."
        ),
        "help.option.waivers": (
            "Waivers file (default: waivers.yaml in each data repository, if present)."
        ),
        "help.option.baseline": "A previous JSON report: fail only on findings it does not hold.",
        "help.option.color": "Force colour on or off (default: on a terminal).",
        "help.option.schema_check": (
            "Also validate records-system files (a Noark 5 extract...) against the official "
            "schema of their version; breaches are DAT008 warnings with line numbers."
        ),
        "help.option.format.text_or_json": "Output format.",
        "help.option.lang.reference": (
            "Language of titles, messages and labels  [default: SECRETARIAT_RULES_LANG, else nb]"
        ),
        "help.option.ruleset.reference": "Ruleset name or path.",
        "help.option.output.file": "Write to this file instead of stdout.",
        "help.plugins": (
            "List loaded plugins: version (or built-in) and what each provides.\n"
            "\n"
            "\b\n"
            "text: NAME: PROVIDES [VERSION; MODULE]   one line per plugin\n"
            "json: a list of {{name, module, origin, distribution, version, label, provides}}"
        ),
        "help.rules": (
            "List the rules of a resolved ruleset, or its tailoring relative to BASELINE.\n"
            "\n"
            "\b\n"
            "secretariat-rules rules --ruleset bymiljopakken            rules of bymiljopakken\n"
            "secretariat-rules rules --ruleset bymiljopakken national   how it deviates from"
            " national\n"
            "\n"
            "The tailoring lists every rule added, disabled (with its reason), re-worded or "
            "re-parameterised (old → new), and the layer that did it."
        ),
        "help.explain": (
            "Explain RULE (an id or a name): guideline, semantics, parameters, an example "
            "finding.\n"
            "\n"
            "Without --ruleset, RULE is looked up in every registered ruleset: the national "
            "one is explained if it has the rule, else the first by name, and the others that "
            "have it are named."
        ),
        "help.option.ruleset.explain": (
            "Ruleset name or path (default: every registered ruleset, national first)."
        ),
        "help.regions": (
            "List the regions the plugins provide (id, name, ruleset); with REGION, its "
            "parties, bodies and channels with the ids to write in the data files.\n"
            "\n"
            "\b\n"
            "json: a list of {{id, name, ruleset}}; with REGION {{id, name, ruleset, "
            "description,\n"
            "      parties, bodies, channels, references}}"
        ),
        "help.schema": (
            "Print the JSON Schema (draft 2020-12) of the manifest, a collection, a ruleset "
            "or the JSON report.\n"
            "\n"
            "\b\n"
            "TARGET: manifest (default) | ruleset | collection NAME | attestations | waivers "
            "| report"
        ),
        "help.docs": (
            "Generate the rule reference (docs/rules.md) from the rulesets and check kinds."
        ),
        "help.option.hooks": "Also write the hook reference (docs/hooks.md) to this file.",
        "help.init": (
            "Scaffold a data repository for a region: manifest, empty collections, an "
            "attestations template, a README listing the region's party and body ids, CI file."
        ),
        "help.option.region": "Region id (see `secretariat-rules regions`).",
        "help.option.year": "Assessment year (default: the current year).",
        "help.option.ci": "CI pipeline to add.",
        "help.option.lang.init": (
            "Language of the README and the attestations template  "
            "[default: SECRETARIAT_RULES_LANG, else nb]"
        ),
        "help.audit": (
            "Audit every region: each data repository against the national baseline and "
            "against its own ruleset, as a region × rule matrix with compliance per rule and "
            "per region, and the tailoring register (how each region's ruleset deviates).\n"
            "\n"
            "\b\n"
            "secretariat-rules audit fixtures/* --format html --output audit.html\n"
            "secretariat-rules audit DATA... --report junit=audit.xml --report json=audit.json\n"
            "\n"
            "A region that cannot be audited is reported as broken (invalid manifest, ruleset "
            "or waivers) or crashed (an internal error, a bug), and the others still run. On a "
            "terminal, progress goes to stderr as each region finishes (not with --quiet, nor "
            "when stderr is piped)."
        ),
        "help.audit.epilog": (
            "\b\n"
            "Exit codes: 0 no region has findings at or above --fail-on against its own ruleset;\n"
            "1 some region has; 2 a usage error, or some region is broken (a configuration\n"
            "error in that region); 3 some region crashed (an internal error, a bug: please\n"
            "report it), which outranks 2. The reports are still written for 2 and 3."
        ),
        "help.option.format.audit": (
            "Format for stdout or --output: text, json, junit, html, xlsx, pdf (or a plugin's)."
        ),
        "help.option.report.audit": (
            "Also write FORMAT to PATH (repeatable), e.g. html=audit.html."
        ),
        "help.option.as_of.audit": (
            "Reference date for every region (default: each manifest's as_of, else today)."
        ),
        "help.option.period.audit": (
            "Assessment period for every region (default: each manifest's)."
        ),
        "help.option.lang.audit": (
            "Language of the report, the progress and the errors  "
            "[default: SECRETARIAT_RULES_LANG, else nb]"
        ),
        "help.option.jobs": "Worker processes (1 runs every region in this process).",
        "help.option.quiet.audit": "No progress on stderr.",
        "help.option.fail_on.audit": (
            "Lowest severity, against a region's own ruleset, that fails the run."
        ),
        "help.pull": "Download records from a public service into a data repository.",
        "help.pull.einnsyn": (
            "Save a body's eInnsyn public journal (journalposts, meetings, cases) for a date "
            "range under DATA_DIR/einnsyn/, resumably; the `einnsyn` source adapter reads it."
        ),
        "help.option.body": "The body's eInnsyn enhet id (enh_…).",
        "help.option.from": "First date (2024-01-01 or 01.01.2024).",
        "help.option.to": "Last date, included.",
        "help.option.base_url": "API address (default https://api.einnsyn.no).",
        "help.option.api_key": "API key, sent as X-EIN-API-KEY (also EINNSYN_API_KEY).",
        "help.option.rate": "Requests per second at most.",
        "help.option.retries": "Retries of a 429/5xx answer or a connection error, with back-off.",
        "help.option.timeout": "Seconds to wait for a connection or an answer.",
        "help.option.restart": "Discard a previous pull in DATA_DIR/einnsyn.",
        "cli.error": "secretariat-rules: error: {message}",
        "cli.interrupted": "secretariat-rules: interrupted",
        "cli.terminated": "secretariat-rules: stopped (SIGTERM)",
        "cli.lang_env.unknown": (
            "secretariat-rules: warning: {env}={value!r} is neither nb nor en; using nb"
        ),
        "cli.internal_error": (
            "secretariat-rules: internal error: {summary}. This is a bug in secretariat-rules "
            "or a plugin; please report it with the command you ran (re-run with --debug or "
            "{env}=1 for the traceback)."
        ),
        "cli.date.invalid": "{option} {value}: expected a date such as 2025-06-30 or 30.06.2025",
        "cli.period.invalid": (
            "--period {value}: expected a year (2024) or START..END "
            "(2024-01-01..2024-06-30, 01.01.2024..30.06.2024, 2023..2024)"
        ),
        "cli.period.reversed": "--period {value}: start is after end",
        "cli.period.no_year": "--period {value}: year {year} does not exist",
        "cli.period.bound": (
            "--period {value}: {bound} is not a date such as 2024-01-01 or 01.01.2024, nor a year"
        ),
        "cli.rule_id.case": "rule id {id}: ids are matched as written",
        "cli.rule_id.case.near": "rule id {id}: ids are matched as written; did you mean {near}?",
        "cli.report.invalid": "--report {value}: expected FORMAT=PATH, e.g. junit=report.xml",
        "cli.format.unknown": "unknown format {format}; available: {known}",
        "cli.write.failed": "cannot write {path}: {reason}",
        "cli.write.no_reader": "no process is reading it",
        "cli.plugins.nothing": "(provides nothing)",
        "cli.plugins.kind.region": "region",
        "cli.plugins.kind.source_adapter": "source adapter",
        "cli.plugins.kind.check_kind": "check kind",
        "cli.plugins.kind.reporter": "reporter",
        "cli.plugins.kind.ruleset": "ruleset",
        "cli.init.created": "created {path}",
        "cli.audit.format_unable": "format {format} cannot render an audit; available: {able}",
        "cli.audit.no_dir": "no such data directory: {dirs}",
        "cli.audit.progress": "[{done}/{total}] {region} ({where}) {state}",
        "cli.audit.crashed.one": (
            "secretariat-rules: internal error in {count} region(s) (crashed). This is a bug "
            "in secretariat-rules or a plugin; please report it with the command you ran "
            "(re-run with --debug or {env}=1 for the traceback)."
        ),
        "cli.audit.crashed.other": (
            "secretariat-rules: internal error in {count} region(s) (crashed). This is a bug "
            "in secretariat-rules or a plugin; please report it with the command you ran "
            "(re-run with --debug or {env}=1 for the traceback)."
        ),
        "cli.audit.region_crashed": (
            "internal error (a bug in secretariat-rules or a plugin): {summary}"
        ),
        "cli.audit.region_crashed.in": (
            "internal error (a bug in secretariat-rules or a plugin): {context}: {summary}"
        ),
        "cli.audit.worker_failed": "the worker process failed",
        "cli.pull.from_after_to": "--from {start} is after --to {end}",
        "cli.pull.base_url": "--base-url {value}: expected an http(s) address",
        "cli.pull.done": "pulled into {path}: pages saved now: {pages}; {state}",
        "cli.pull.complete": "complete",
        "cli.pull.incomplete": "incomplete",
    },
}
