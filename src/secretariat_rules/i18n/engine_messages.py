"""Messages of ruleset, condition, plugin and API errors.

Keys are ``domain.what`` (lowercase, dotted); templates are :meth:`str.format` strings.
Every key has an ``nb`` and an ``en`` entry (``tests/test_i18n_catalogue.py``).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {
        # rulesets (engine/ruleset.py)
        "error.ruleset.no_rule": "regelsettet {ruleset!r} har ingen regel {rule!r}",
        "error.ruleset.not_mapping": "{path}:1: et regelsett er en tilordning med en 'rules'-liste",
        "error.ruleset.no_file": "regelsettfilen {name} finnes ikke",
        "error.ruleset.unknown": "ukjent regelsett {name}{hint} (tilgjengelige: {known})",
        "error.ruleset.none": "ingen",
        "error.ruleset.outside": ("regelsettet {name}: peker ut av datarepositoriet; ikke lest"),
        "error.ruleset.cycle": "{path}: regelsettet bygger på seg selv (i ring gjennom {name})",
        "error.ruleset.extends": "{path}:{line}: extends må være navnet på et regelsett",
        "error.ruleset.invalid": "regelsettet {name!r} er ugyldig",
        "error.ruleset.new_rule": (
            "regelen {rule} finnes ikke i grunnregelsettet; en ny regel trenger alle feltene"
        ),
        "error.ruleset.disabled_no_reason": "regelen {rule} er deaktivert uten begrunnelse",
        "error.ruleset.unknown_kind": (
            "regel {rule}: ukjent kontrolltype {kind!r} (kjente: {known})"
        ),
        "error.ruleset.check": "regel {rule}: check.{where}: {error}",
        "error.ruleset.undefined_param": (
            "regel {rule}: kontrollen bruker parameteren {param!r}, som regelen ikke definerer"
        ),
        # conditions (engine/conditions.py; the runner adds the rule and its file:line)
        "error.condition.unknown_param": "ukjent parameter {name!r}",
        "error.condition.param_not_number": "parameteren {name!r} må være et tall",
        "error.condition.unknown_field": "ukjent felt {name!r}",
        "error.condition.not_reference": (
            "{column!r} er ikke en referanse; kan ikke følge den videre til {part!r}"
        ),
        "error.condition.no_field": "{collection} har ikke feltet {field!r}",
        "error.condition.no_left_side": "sammenligning uten venstre side",
        "error.condition.unknown_variable": "ukjent variabel {name!r}",
        "error.condition.needs_field": "{how} trenger et felt",
        "error.condition.in_rule": "regel {rule}: {message}",
        "error.condition.operand_sources": (
            "en operand angir nøyaktig én av: field, outer, var, param"
        ),
        "error.condition.left_sides": (
            "en sammenligning har nøyaktig én venstre side: "
            "field, var, outer, param, sum, count, min eller max"
        ),
        "error.condition.operators": "en sammenligning har nøyaktig én operator av: {operators}",
        "error.condition.cannot_evaluate": "regelen {rule} kan ikke evalueres",
        # plugins (plugins.py)
        "error.plugin.invalid": "programtillegget {name!r} er ugyldig: {error}",
        "error.plugin.import": "programtilleggsmodulen {name!r} kan ikke importeres: {error}",
        "error.plugin.entry_point": "programtillegget {name!r} ({value})",
        "error.plugin.name_taken": "{label}: navnet {name!r} er allerede tatt av {where}",
        "error.plugin.already_registered": "et allerede registrert programtillegg",
        "error.plugin.load_failed": "{label} kunne ikke lastes: {error}",
        "error.plugin.entry_point_invalid": "{label} er ugyldig: {error}",
        "error.plugin.hook_failed": "programtillegget {name!r} feilet i {hook}: {error}",
        "error.plugin.duplicate": "{kind} {name!r} leveres av både {first!r} og {second!r}",
        "error.plugin.kind.region": "region",
        "error.plugin.kind.source_adapter": "kildeadapter",
        "error.plugin.kind.check_kind": "kontrolltype",
        "error.plugin.kind.reporter": "rapportformat",
        "error.plugin.kind.ruleset": "regelsett",
        # the library API (api.py)
        "error.api.unknown_source": "{path}: ukjent kildeadapter {name!r}",
        "error.api.source_not_provided": (
            "kilden {name!r} leveres ikke av noe programtillegg (kjente: {known})"
        ),
        "error.api.invalid_manifest": "{path}: ugyldig manifest",
        "error.api.manifest_ruleset": "ruleset: {error}",
        "error.api.ruleset_no_file": "ruleset: {path}: filen finnes ikke",
        "error.api.no_waivers_file": "--waivers {path}: filen finnes ikke",
        "error.env.max_file_mb": (
            "{name}={quoted}: ventet et helt antall MiB større enn 0 (største datafil som leses)"
        ),
        "error.api.no_period": (
            "{path}: ingen vurderingsperiode: oppgi period: {{start, end}} i manifestet, "
            "eller --period"
        ),
        # pull (pull/*.py)
        "error.pull.too_large": (
            "{host} sendte en side større enn {max_bytes} byte; avvist (kildeadapteren ville "
            "heller ikke ha lest den)"
        ),
        "error.pull.unreachable": (
            "kan ikke laste ned fra {host}: {kind}, {attempts} forsøk. Sjekk "
            "nettverkstilkoblingen og --base-url, og kjør den samme kommandoen på nytt: sidene "
            "som allerede er lagret, beholdes, og nedlastingen fortsetter der den stoppet."
        ),
        "error.pull.connect": (
            "fikk ikke kontakt (frakoblet, en DNS-feil eller en avvist tilkobling)"
        ),
        "error.pull.connect_timeout": "tilkoblingen fikk tidsavbrudd",
        "error.pull.read_timeout": "serveren svarte ikke i tide",
        "error.pull.request_failed": "forespørselen feilet ({kind})",
        "error.pull.refused": (
            "{host} svarte HTTP {status} {reason} etter {attempts} forsøk: {hint}.{said} "
            "Ingenting mer ble lastet ned; sidene som allerede er lagret, beholdes, og den "
            "samme kommandoen fortsetter."
        ),
        "error.pull.http.400": "serveren avviste spørringen: sjekk --body, --from og --to",
        "error.pull.http.401": (
            "API-nøkkelen mangler eller er feil (--api-key eller EINNSYN_API_KEY)"
        ),
        "error.pull.http.403": (
            "API-nøkkelen gir ikke tilgang til dette (--api-key eller EINNSYN_API_KEY)"
        ),
        "error.pull.http.404": "adressen finnes ikke: sjekk --base-url",
        "error.pull.http.other": "se meldingen fra serveren",
        "error.pull.server_said": " Serveren svarte: {detail}.",
        "error.pull.body_org_number": (
            "--body {body}: eInnsyn-API-et filtrerer på enhets-id (enh_…), ikke på "
            "organisasjonsnummer; slå opp organet på einnsyn.no (id-en står i adressen til "
            "siden) og oppgi den id-en"
        ),
        "error.pull.body": "--body {body!r}: forventet en eInnsyn-enhets-id, f.eks. enh_01h2…",
        "error.pull.not_json": (
            "{url}: svaret er ikke JSON; sjekk --base-url (den må være API-et, for eksempel {base})"
        ),
        "error.pull.not_list": "{url}: svaret er ikke en eInnsyn-listeside (ingen 'items')",
        "error.pull.next_other_host": "{url}: neste side fører til en annen vert; avvist",
        "error.pull.other_query": (
            "{path}: inneholder en nedlasting av {body} {start}..{end}; kjør med de samme "
            "valgene for å fortsette den, eller legg til --restart for å erstatte den"
        ),
        "error.pull.foreign_address": "{url}: ikke en adresse under {base}; avvist",
        "error.pull.same_page": "{url}: neste side er denne siden igjen; stoppet",
        "error.pull.bad_state": (
            "{path}: ikke en nedlastingstilstand denne versjonen kan fortsette ({kind}); "
            "kjør på nytt med --restart for å laste ned fra begynnelsen"
        ),
        "pull.progress": "einnsyn: {entity} side {page} ({requests} forespørsler)",
        # init (scaffold.py)
        "error.init.ci": "--ci {ci!r}: forventet en av {choices}",
        "error.init.not_empty": "{path} er ikke tom; init lager et nytt datarepositorium",
        "error.init.not_directory": (
            "{path} finnes og er ikke en katalog; init lager et nytt datarepositorium"
        ),
        # suggestions (rule_lookup.py, engine/ruleset.py)
        "suggest.did_you_mean": "; mente du {name!r}?",
        "suggest.rule.none": "regelsettene {rulesets} har ingen regel {query}",
        "suggest.rule.meant": "{where}; mente du {meant!r}?",
        "suggest.rule.close": "{where}; mente du: {close}?",
    },
    "en": {
        "error.ruleset.no_rule": "ruleset {ruleset!r} has no rule {rule!r}",
        "error.ruleset.not_mapping": "{path}:1: a ruleset is a mapping with a 'rules' list",
        "error.ruleset.no_file": "ruleset file {name} does not exist",
        "error.ruleset.unknown": "unknown ruleset {name}{hint} (available: {known})",
        "error.ruleset.none": "none",
        "error.ruleset.outside": "ruleset {name}: resolves outside the data repository; not read",
        "error.ruleset.cycle": "{path}: ruleset extends itself (cycle through {name})",
        "error.ruleset.extends": "{path}:{line}: extends must be a ruleset name",
        "error.ruleset.invalid": "ruleset {name!r} is invalid",
        "error.ruleset.new_rule": (
            "rule {rule} is not in the base ruleset; a new rule needs every field"
        ),
        "error.ruleset.disabled_no_reason": "rule {rule} is disabled without a reason",
        "error.ruleset.unknown_kind": "rule {rule}: unknown check kind {kind!r} (known: {known})",
        "error.ruleset.check": "rule {rule}: check.{where}: {error}",
        "error.ruleset.undefined_param": (
            "rule {rule}: check uses parameter {param!r}, which the rule does not define"
        ),
        "error.condition.unknown_param": "unknown parameter {name!r}",
        "error.condition.param_not_number": "parameter {name!r} must be a number",
        "error.condition.unknown_field": "unknown field {name!r}",
        "error.condition.not_reference": (
            "{column!r} is not a reference; cannot follow it to {part!r}"
        ),
        "error.condition.no_field": "{collection} has no field {field!r}",
        "error.condition.no_left_side": "comparison without a left side",
        "error.condition.unknown_variable": "unknown variable {name!r}",
        "error.condition.needs_field": "{how} needs a field",
        "error.condition.in_rule": "rule {rule}: {message}",
        "error.condition.operand_sources": (
            "an operand names exactly one of: field, outer, var, param"
        ),
        "error.condition.left_sides": (
            "a comparison has exactly one left side: "
            "field, var, outer, param, sum, count, min or max"
        ),
        "error.condition.operators": "a comparison has exactly one operator of: {operators}",
        "error.condition.cannot_evaluate": "rule {rule} cannot be evaluated",
        "error.plugin.invalid": "plugin {name!r} is invalid: {error}",
        "error.plugin.import": "plugin module {name!r} cannot be imported: {error}",
        "error.plugin.entry_point": "plugin {name!r} ({value})",
        "error.plugin.name_taken": "{label}: the name {name!r} is taken by {where}",
        "error.plugin.already_registered": "already registered",
        "error.plugin.load_failed": "{label} failed to load: {error}",
        "error.plugin.entry_point_invalid": "{label} is invalid: {error}",
        "error.plugin.hook_failed": "plugin {name!r} failed in {hook}: {error}",
        "error.plugin.duplicate": "{kind} {name!r} is provided by both {first!r} and {second!r}",
        "error.plugin.kind.region": "region",
        "error.plugin.kind.source_adapter": "source adapter",
        "error.plugin.kind.check_kind": "check kind",
        "error.plugin.kind.reporter": "reporter",
        "error.plugin.kind.ruleset": "ruleset",
        "error.api.unknown_source": "{path}: unknown source adapter {name!r}",
        "error.api.source_not_provided": (
            "source {name!r} is not provided by any plugin (known: {known})"
        ),
        "error.api.invalid_manifest": "{path}: invalid manifest",
        "error.api.manifest_ruleset": "ruleset: {error}",
        "error.api.ruleset_no_file": "ruleset: {path}: no such file",
        "error.api.no_waivers_file": "--waivers {path}: no such file",
        "error.env.max_file_mb": (
            "{name}={quoted}: expected a whole number of MiB above 0 (the largest data file read)"
        ),
        "error.api.no_period": (
            "{path}: no assessment period: give period: {{start, end}} in the manifest, or --period"
        ),
        "error.pull.too_large": (
            "{host} sent a page larger than {max_bytes} bytes; refused (the source adapter "
            "would not read it either)"
        ),
        "error.pull.unreachable": (
            "cannot download from {host}: {kind}, {attempts} attempt(s). Check the network "
            "connection and --base-url, then run the same command again: the pages already "
            "saved are kept and the download resumes where it stopped."
        ),
        "error.pull.connect": (
            "could not connect (offline, a DNS failure or a refused connection)"
        ),
        "error.pull.connect_timeout": "the connection timed out",
        "error.pull.read_timeout": "the server did not answer in time",
        "error.pull.request_failed": "the request failed ({kind})",
        "error.pull.refused": (
            "{host} answered HTTP {status} {reason} after {attempts} attempt(s): {hint}.{said} "
            "Nothing more was downloaded; the pages already saved are kept, and the same "
            "command resumes."
        ),
        "error.pull.http.400": "the server refused the query: check --body, --from and --to",
        "error.pull.http.401": "the API key is missing or wrong (--api-key or EINNSYN_API_KEY)",
        "error.pull.http.403": "the API key may not read this (--api-key or EINNSYN_API_KEY)",
        "error.pull.http.404": "the address does not exist: check --base-url",
        "error.pull.http.other": "see the server's message",
        "error.pull.server_said": " The server said: {detail}.",
        "error.pull.body_org_number": (
            "--body {body}: the eInnsyn API filters by enhet id (enh_…), not by "
            "organisation number; look the body up on einnsyn.no (its id is in the address "
            "of its page) and give that id"
        ),
        "error.pull.body": "--body {body!r}: expected an eInnsyn enhet id such as enh_01h2…",
        "error.pull.not_json": (
            "{url}: the answer is not JSON; check --base-url (it must be the API, e.g. {base})"
        ),
        "error.pull.not_list": "{url}: the answer is not an eInnsyn list page (no 'items')",
        "error.pull.next_other_host": "{url}: the next page leads to another host; refused",
        "error.pull.other_query": (
            "{path}: holds a pull of {body} {start}..{end}; run with the same options "
            "to resume it, or add --restart to replace it"
        ),
        "error.pull.foreign_address": "{url}: not an address of {base}; refused",
        "error.pull.same_page": "{url}: the next page is this page again; stopped",
        "error.pull.bad_state": (
            "{path}: not a pull state this version can resume ({kind}); "
            "run again with --restart to download from the start"
        ),
        "pull.progress": "einnsyn: {entity} page {page} ({requests} requests)",
        "error.init.ci": "--ci {ci!r}: expected one of {choices}",
        "error.init.not_empty": "{path} is not empty; init writes a new data repository",
        "error.init.not_directory": (
            "{path} exists and is not a directory; init writes a new data repository"
        ),
        "suggest.did_you_mean": "; did you mean {name!r}?",
        "suggest.rule.none": "the rulesets {rulesets} have no rule {query}",
        "suggest.rule.meant": "{where}; did you mean {meant!r}?",
        "suggest.rule.close": "{where}; did you mean: {close}?",
    },
}
