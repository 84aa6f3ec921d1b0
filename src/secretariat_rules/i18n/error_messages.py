"""Messages of configuration errors: manifest, waivers, attestations, YAML, files, schemas.

Keys are ``domain.what`` (lowercase, dotted); templates are :meth:`str.format` strings.
Every key has an ``nb`` and an ``en`` entry (``tests/test_i18n_catalogue.py``).

``error.pydantic.<type>`` are pydantic's validation errors by their ``type``, filled with
the error's ``ctx`` values (:mod:`secretariat_rules.schema.errors`); the ``en`` entries
are pydantic's own texts, word for word. A type not here shows pydantic's English text.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {
        # where a problem is, and the files a message names
        "error.at": "{where}: {message}",
        "error.top_level": "(øverste nivå)",
        "error.none": "ingen",
        "error.what.manifest": "manifestet",
        "error.what.ruleset": "regelsettet",
        "error.what.waivers": "unntaksfilen",
        "error.what.attestations": "egenerklæringsfilen",
        # YAML
        "error.yaml.invalid": "{path}:{line}: ugyldig YAML i {what}: {problem}",
        "error.yaml.not_utf8": "{path}: {what} er ikke UTF-8-tekst ({reason})",
        "error.yaml.nested_too_deeply": "{path}: {what} er nøstet for dypt",
        "error.yaml.at_line": "{problem} (linje {line})",
        "error.yaml.too_many_nodes": (
            "mer enn {limit} noder når aliasene er utvidet (en aliasbombe?)"
        ),
        "error.yaml.duplicate_key": (
            "nøkkelen {name} står to ganger på samme nivå (første gang på linje {line})"
        ),
        "error.yaml.too_many_aliases": "mer enn {limit} aliaser",
        "error.yaml.too_deep": "nøstet dypere enn {limit} nivåer",
        # files named on the command line
        "error.file.missing": "{option} {path}: filen finnes ikke",
        "error.file.unreadable": "{option} {path}: kan ikke leses: {reason}",
        "error.file.not_regular": "{option} {path}: ikke en vanlig fil ({kind})",
        "error.file.too_large": "{option} {path}: større enn {limit} byte",
        # the schema command
        "error.schema.unknown_collection": "ukjent samling {name}; samlingene er: {known}",
        "error.schema.not_available": "JSON Schema for {target} er ikke tilgjengelig ennå",
        "error.schema.needs_collection": (
            "schema collection trenger navnet på en samling: {known}"
        ),
        "error.schema.takes_no_name": "schema {target} tar ikke noe navn (fikk {name})",
        "error.schema.unknown_target": "ukjent skjema {target}; velg blant: {known}",
        # the manifest
        "error.manifest.invalid": "{path}: ugyldig manifest",
        "error.manifest.no_data_dir": "datakatalogen {path} finnes ikke eller er ikke en katalog",
        "error.manifest.missing": "{path}: manifest mangler; et datarepositorium trenger {name}",
        "error.manifest.not_mapping": (
            "{path}:1: manifestet må være en samling av nøkler og verdier"
        ),
        "error.manifest.region_near": "region: ukjent region {region}; mente du {near}?",
        "error.manifest.region_without_parties": (
            "region: {text}; en region uten programtillegg må selv liste opp partene sine "
            "i manifestet"
        ),
        "error.manifest.region_without_parties.question": (
            "region: {text} En region uten programtillegg må selv liste opp partene sine "
            "i manifestet"
        ),
        "error.manifest.report_format": "check.reports: ukjent format {format} (kjente: {known})",
        "error.manifest.report_outside": (
            "check.reports.{format}: {path} peker ut av datarepositoriet eller er en lenke"
        ),
        "error.manifest.check_selector": "check.{field}: {detail}",
        "error.manifest.duplicate_party": "id-en {id} er brukt av to parter",
        "error.manifest.duplicate_body": "id-en {id} er brukt av to organer",
        "error.manifest.invisible_id": (
            "{value} inneholder et kontrolltegn eller usynlig tegn; id-er er ren tekst"
        ),
        "error.manifest.empty_alias": "et alias er tomt",
        "error.manifest.org_number": (
            "organisasjonsnummeret {number} har feil kontrollsiffer (mod 11)"
        ),
        "error.manifest.address_control": "adressen {address} inneholder et kontrolltegn",
        "error.manifest.address_url": "adressen {address} er ikke en gyldig URL: {error}",
        "error.manifest.address_host": "adressen {address} har ikke noe vertsnavn",
        "error.manifest.period_order": "periodens start {start} er etter slutten {end}",
        "error.manifest.path_empty": "stien er tom",
        "error.manifest.path_absolute": (
            "{path} er en absolutt sti; oppgi en sti inne i datarepositoriet"
        ),
        "error.manifest.path_outside": "{path} går ut av datarepositoriet",
        "error.region.unknown": "ukjent region {region}; kjente regioner: {known}",
        "error.region.unknown_guess": (
            "ukjent region {region}; kjente regioner: {known}; mente du {guess}?"
        ),
        "error.region.unknown_guess_party": (
            "ukjent region {region}; kjente regioner: {known}; mente du {guess} "
            "(der {party} er part)?"
        ),
        # values of the manifest, waivers and attestations
        "error.value.date": "forventet en dato som 2024-03-01 eller 01.03.2024",
        "error.value.date_not_datetime": (
            "forventet en dato som {example}, fikk en dato med klokkeslett {value}"
        ),
        "error.waiver.rule_id": "{value} er ikke en regel-id som SEK019",
        "error.waiver.rule_id_near": "{value} er ikke en regel-id som SEK019; mente du {near}?",
        # pydantic's validation errors, by type
        "error.pydantic.value_error": "{error}",
        "error.pydantic.assertion_error": "{error}",
        "error.pydantic.choices": "{first} eller {last}",
        "error.pydantic.missing": "påkrevd felt mangler",
        "error.pydantic.extra_forbidden": "ukjent felt; det er ikke tillatt her",
        "error.pydantic.literal_error": "verdien må være {expected}",
        "error.pydantic.string_type": "verdien må være tekst",
        "error.pydantic.string_pattern_mismatch": "teksten må passe til mønsteret '{pattern}'",
        "error.pydantic.string_too_short.one": "teksten må ha minst {count} tegn",
        "error.pydantic.string_too_short.other": "teksten må ha minst {count} tegn",
        "error.pydantic.string_too_long.one": "teksten kan ha høyst {count} tegn",
        "error.pydantic.string_too_long.other": "teksten kan ha høyst {count} tegn",
        "error.pydantic.int_type": "verdien må være et heltall",
        "error.pydantic.int_parsing": "verdien må være et heltall; teksten er ikke et heltall",
        "error.pydantic.int_from_float": "verdien må være et heltall, ikke et tall med desimaler",
        "error.pydantic.float_type": "verdien må være et tall",
        "error.pydantic.float_parsing": "verdien må være et tall; teksten er ikke et tall",
        "error.pydantic.bool_type": "verdien må være true eller false",
        "error.pydantic.bool_parsing": (
            "verdien må være true eller false; verdien kan ikke tolkes som det"
        ),
        "error.pydantic.list_type": "verdien må være en liste",
        "error.pydantic.dict_type": "verdien må være en samling av nøkler og verdier",
        "error.pydantic.model_type": "verdien må være en samling av nøkler og verdier",
        "error.pydantic.model_attributes_type": ("verdien må være en samling av nøkler og verdier"),
        "error.pydantic.date_type": "verdien må være en dato",
        "error.pydantic.date_parsing": "verdien må være en gyldig dato på formen ÅÅÅÅ-MM-DD",
        "error.pydantic.date_from_datetime_parsing": (
            "verdien må være en gyldig dato eller et gyldig tidspunkt"
        ),
        "error.pydantic.date_from_datetime_inexact": (
            "et tidspunkt som skal være en dato, må ha klokkeslettet 00:00"
        ),
        "error.pydantic.datetime_type": "verdien må være et tidspunkt (dato og klokkeslett)",
        "error.pydantic.datetime_parsing": "verdien må være et gyldig tidspunkt",
        "error.pydantic.datetime_from_date_parsing": (
            "verdien må være et gyldig tidspunkt eller en gyldig dato"
        ),
        "error.pydantic.timezone_aware": "tidspunktet må ha en tidssone",
        "error.pydantic.greater_than_equal": "verdien må være større enn eller lik {ge}",
        "error.pydantic.less_than_equal": "verdien må være mindre enn eller lik {le}",
        "error.pydantic.greater_than": "verdien må være større enn {gt}",
        "error.pydantic.less_than": "verdien må være mindre enn {lt}",
        "error.pydantic.finite_number": "verdien må være et endelig tall",
        "error.pydantic.too_short.one": (
            "må ha minst {count} element etter valideringen, ikke {actual_length}"
        ),
        "error.pydantic.too_short.other": (
            "må ha minst {count} elementer etter valideringen, ikke {actual_length}"
        ),
        "error.pydantic.too_long.one": (
            "kan ha høyst {count} element etter valideringen, ikke {actual_length}"
        ),
        "error.pydantic.too_long.other": (
            "kan ha høyst {count} elementer etter valideringen, ikke {actual_length}"
        ),
        "error.pydantic.none_required": "verdien må være tom (null)",
    },
    "en": {
        "error.at": "{where}: {message}",
        "error.top_level": "(top level)",
        "error.none": "none",
        "error.what.manifest": "the manifest",
        "error.what.ruleset": "ruleset",
        "error.what.waivers": "waivers",
        "error.what.attestations": "attestations file",
        "error.yaml.invalid": "{path}:{line}: invalid YAML in {what}: {problem}",
        "error.yaml.not_utf8": "{path}: {what} is not UTF-8 text ({reason})",
        "error.yaml.nested_too_deeply": "{path}: {what} is nested too deeply",
        "error.yaml.at_line": "{problem} (line {line})",
        "error.yaml.too_many_nodes": (
            "more than {limit} nodes with aliases expanded (an alias bomb?)"
        ),
        "error.yaml.duplicate_key": (
            "key {name} is given twice in one mapping (first on line {line})"
        ),
        "error.yaml.too_many_aliases": "more than {limit} aliases",
        "error.yaml.too_deep": "nested deeper than {limit} levels",
        "error.file.missing": "{option} {path}: no such file",
        "error.file.unreadable": "{option} {path}: cannot read: {reason}",
        "error.file.not_regular": "{option} {path}: not a regular file ({kind})",
        "error.file.too_large": "{option} {path}: larger than {limit} bytes",
        "error.schema.unknown_collection": "unknown collection {name}; collections: {known}",
        "error.schema.not_available": "the JSON Schema of {target} is not available yet",
        "error.schema.needs_collection": "schema collection needs a collection name: {known}",
        "error.schema.takes_no_name": "schema {target} takes no name (got {name})",
        "error.schema.unknown_target": "unknown schema {target}; choose from: {known}",
        "error.manifest.invalid": "{path}: invalid manifest",
        "error.manifest.no_data_dir": "data directory {path} does not exist or is not a directory",
        "error.manifest.missing": "{path}: no manifest; a data repository needs {name}",
        "error.manifest.not_mapping": "{path}:1: the manifest must be a mapping of keys to values",
        "error.manifest.region_near": "region: unknown region {region}; did you mean {near}?",
        "error.manifest.region_without_parties": (
            "region: {text}; a region without a plugin must list its parties in the manifest"
        ),
        "error.manifest.region_without_parties.question": (
            "region: {text} A region without a plugin must list its parties in the manifest"
        ),
        "error.manifest.report_format": "check.reports: unknown format {format} (known: {known})",
        "error.manifest.report_outside": (
            "check.reports.{format}: {path} resolves outside the data repository or is a link"
        ),
        "error.manifest.check_selector": "check.{field}: {detail}",
        "error.manifest.duplicate_party": "party id {id} is used twice",
        "error.manifest.duplicate_body": "body id {id} is used twice",
        "error.manifest.invisible_id": (
            "{value} contains a control or invisible character; ids are plain text"
        ),
        "error.manifest.empty_alias": "an alias is empty",
        "error.manifest.org_number": "organisation number {number} fails the mod-11 check digit",
        "error.manifest.address_control": "address {address} contains a control character",
        "error.manifest.address_url": "address {address} is not a valid URL: {error}",
        "error.manifest.address_host": "address {address} names no host",
        "error.manifest.period_order": "period start {start} is after its end {end}",
        "error.manifest.path_empty": "the path is empty",
        "error.manifest.path_absolute": (
            "{path} is absolute; give a path inside the data repository"
        ),
        "error.manifest.path_outside": "{path} leaves the data repository",
        "error.region.unknown": "unknown region {region}; known: {known}",
        "error.region.unknown_guess": (
            "unknown region {region}; known: {known}; did you mean {guess}?"
        ),
        "error.region.unknown_guess_party": (
            "unknown region {region}; known: {known}; did you mean {guess} (its party {party})?"
        ),
        "error.value.date": "expected a date such as 2024-03-01 or 01.03.2024",
        "error.value.date_not_datetime": (
            "expected a date such as {example}, got a date and time {value}"
        ),
        "error.waiver.rule_id": "{value} is not a rule id such as SEK019",
        "error.waiver.rule_id_near": (
            "{value} is not a rule id such as SEK019; did you mean {near}?"
        ),
        "error.pydantic.value_error": "Value error, {error}",
        "error.pydantic.assertion_error": "Assertion failed, {error}",
        "error.pydantic.choices": "{first} or {last}",
        "error.pydantic.missing": "Field required",
        "error.pydantic.extra_forbidden": "Extra inputs are not permitted",
        "error.pydantic.literal_error": "Input should be {expected}",
        "error.pydantic.string_type": "Input should be a valid string",
        "error.pydantic.string_pattern_mismatch": "String should match pattern '{pattern}'",
        "error.pydantic.string_too_short.one": "String should have at least {count} character",
        "error.pydantic.string_too_short.other": "String should have at least {count} characters",
        "error.pydantic.string_too_long.one": "String should have at most {count} character",
        "error.pydantic.string_too_long.other": "String should have at most {count} characters",
        "error.pydantic.int_type": "Input should be a valid integer",
        "error.pydantic.int_parsing": (
            "Input should be a valid integer, unable to parse string as an integer"
        ),
        "error.pydantic.int_from_float": (
            "Input should be a valid integer, got a number with a fractional part"
        ),
        "error.pydantic.float_type": "Input should be a valid number",
        "error.pydantic.float_parsing": (
            "Input should be a valid number, unable to parse string as a number"
        ),
        "error.pydantic.bool_type": "Input should be a valid boolean",
        "error.pydantic.bool_parsing": "Input should be a valid boolean, unable to interpret input",
        "error.pydantic.list_type": "Input should be a valid list",
        "error.pydantic.dict_type": "Input should be a valid dictionary",
        "error.pydantic.model_type": (
            "Input should be a valid dictionary or instance of {class_name}"
        ),
        "error.pydantic.model_attributes_type": (
            "Input should be a valid dictionary or object to extract fields from"
        ),
        "error.pydantic.date_type": "Input should be a valid date",
        "error.pydantic.date_parsing": (
            "Input should be a valid date in the format YYYY-MM-DD, {error}"
        ),
        "error.pydantic.date_from_datetime_parsing": (
            "Input should be a valid date or datetime, {error}"
        ),
        "error.pydantic.date_from_datetime_inexact": (
            "Datetimes provided to dates should have zero time - e.g. be exact dates"
        ),
        "error.pydantic.datetime_type": "Input should be a valid datetime",
        "error.pydantic.datetime_parsing": "Input should be a valid datetime, {error}",
        "error.pydantic.datetime_from_date_parsing": (
            "Input should be a valid datetime or date, {error}"
        ),
        "error.pydantic.timezone_aware": "Input should have timezone info",
        "error.pydantic.greater_than_equal": "Input should be greater than or equal to {ge}",
        "error.pydantic.less_than_equal": "Input should be less than or equal to {le}",
        "error.pydantic.greater_than": "Input should be greater than {gt}",
        "error.pydantic.less_than": "Input should be less than {lt}",
        "error.pydantic.finite_number": "Input should be a finite number",
        "error.pydantic.too_short.one": (
            "{field_type} should have at least {count} item after validation, not {actual_length}"
        ),
        "error.pydantic.too_short.other": (
            "{field_type} should have at least {count} items after validation, not {actual_length}"
        ),
        "error.pydantic.too_long.one": (
            "{field_type} should have at most {count} item after validation, not {actual_length}"
        ),
        "error.pydantic.too_long.other": (
            "{field_type} should have at most {count} items after validation, not {actual_length}"
        ),
        "error.pydantic.none_required": "Input should be None",
    },
}
