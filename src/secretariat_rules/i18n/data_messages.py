"""Messages of the data integrity findings (DAT001–DAT008) and waiver findings (WAV).

Keys are ``domain.what`` (lowercase, dotted); templates are :meth:`str.format` strings.
Every key has an ``nb`` and an ``en`` entry (``tests/test_i18n_catalogue.py``).

- ``rule.*``: the titles of the data integrity rules and the reasons of a rule's status;
- ``data.*``: the reasons of DAT001–DAT005 findings, the messages of unreadable files
  (DAT004) and of invalid values (:class:`~secretariat_rules.sources.values.ValueProblem`);
- ``waiver.*``: the WAV findings.

Ids, field names, file names, values and option names are values, never translated.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {
        "data.at_path": "{path}: {message}",
        # ------------------------------------------------------------ rules and statuses
        "rule.DAT001.title": "Ugyldig post",
        "rule.DAT002.title": "Dobbel id",
        "rule.DAT003.title": "Henvisning til noe som ikke finnes",
        "rule.DAT004.title": "Fil som ikke kan leses",
        "rule.DAT005.title": "Ukjent felt",
        "rule.DAT006.title": "Utelatt fra kilden",
        "rule.DAT007.title": "Korrespondansepart som ikke er en part",
        "rule.DAT008.title": "Brudd på skjemaet for formatet",
        "rule.status.not_selected": "ikke valgt",
        "rule.status.nothing_in_scope": "ingenting å sjekke",
        "rule.status.all_waived": "alle funnene er unntatt",
        "rule.select.no_match": "{option} {value}: ingen regel-id begynner med {quoted}",
        "rule.select.no_match_near": (
            "{option} {value}: ingen regel-id begynner med {quoted}; mente du {near}?"
        ),
        # ------------------------------------------------------------ DAT001 (records)
        "data.missing_field": "mangler det påkrevde feltet '{field}'",
        "data.invalid_value": "{field}: ugyldig verdi {value} (forventet {expected})",
        "data.header.missing_column": (
            "{path}: overskriftsraden mangler den påkrevde kolonnen {name}"
        ),
        "data.header.missing_column_near": (
            "{path}: overskriftsraden mangler den påkrevde kolonnen {name} "
            "(den ukjente kolonnen {near} er nærmest)"
        ),
        "data.unknown_columns": "ukjente kolonner: {listed}",
        "data.rows_left_out": "{count} rad(er) i {path} er utelatt",
        "data.row.cell_without_column": "celle {cell} har en verdi, men ikke noe kolonnenavn",
        "data.row.too_many_cells": "raden har {cells} celler, overskriftsraden har {width}",
        "data.row.holds_list": "feltet {name} inneholder en liste; én opplysning per rad",
        "data.row.holds_mapping": "feltet {name} inneholder en tilordning; én opplysning per rad",
        "data.row.reserved_field": "feltnavnet {name} er reservert",
        "data.row.field_twice": "feltet {name} er oppgitt mer enn én gang",
        "data.row.not_mapping": "posten er ikke en tilordning (mapping)",
        "data.row.not_object": "posten er ikke et objekt",
        "data.row.no_usable_name": "et felt har ikke noe brukbart navn",
        "data.row.lone_surrogate": (
            "feltet {name} inneholder et enslig surrogattegn (\\u-escape), ikke tekst"
        ),
        # ------------------------------------------------------------ what a value must be
        "data.expected.one_of": "en av: {values}",
        "data.expected.period_matching": "en periode som passer til {pattern}",
        "data.expected.period_such_as": "en periode som {example}",
        "data.expected.period_such_as_or": "en periode som {examples} eller {last}",
        "data.expected.int_range": "et heltall fra {minimum} til {maximum}",
        "data.expected.text": "tekst",
        "data.expected.text_matching": "tekst som passer til {pattern}",
        "data.expected.text_visible": "tekst uten kontrolltegn eller usynlige tegn",
        "data.expected.text_matching_visible": (
            "tekst som passer til {pattern}, uten kontrolltegn eller usynlige tegn"
        ),
        "data.expected.date": "en dato som 2024-03-01 eller 01.03.2024",
        "data.expected.datetime": (
            "en dato og et klokkeslett som 2024-03-01T14:30, 2024-03-01T14:30:00+01:00 "
            "eller 01.03.2024 14:30"
        ),
        "data.expected.amount": (
            "et beløp i kroner som 825000, 825 000,50, 825.000,50 eller kr 825 000"
        ),
        "data.expected.bool": "ja eller nei (true/false, ja/nei, yes/no, 1/0, x eller tomt)",
        "data.expected.int": "et heltall som 2024",
        "data.value.invalid": "ugyldig verdi {value}: forventet {expected}",
        "data.value.not_finite": "ikke et endelig tall: {value}",
        "data.value.eight_digits": "forventet åtte sifre, fikk {value}",
        # ------------------------------------------------------------ DAT002, DAT003
        "data.duplicate_id": "id-en {id} brukes av {count} poster ({where}); {kept}",
        "data.duplicate.first_used": "den første brukes",
        "data.duplicate.first_invalid": "den første er ugyldig, så ingen brukes",
        "data.dangling": "{field} '{value}' viser ikke til noen post i {ref}",
        "data.dangling_near": (
            "{field} '{value}' viser ikke til noen post i {ref}; mente du {near}?"
        ),
        # ------------------------------------------------------------ DAT005
        "data.unknown_fields": "ukjente felt {listed} i {path}; {collection} har feltene: {known}",
        "data.field.did_you_mean": "{name} (mente du {near}?)",
        "data.list.and_more": "{listed} og {rest} til",
        "data.unrecognised.no_match": (
            "{name}: svarer ikke til noen samling, manifestet eller noen kjent tilleggsfil; "
            "den leses ikke"
        ),
        "data.unrecognised.near": ("{name}: ikke en samlingsfil, den leses ikke; mente du {near}?"),
        "data.unrecognised.near_kind": (
            "{name}: ikke en samlingsfil, den leses ikke; mente du {near}.csv "
            "(samlingen {collection} leses fra en av {kinds})?"
        ),
        # ------------------------------------------------------------ DAT004 (files)
        "data.file.two_files": "to filer for samlingen {collection} ({names}); bruk én",
        "data.file.unsupported_type": "filtypen {suffix} støttes ikke",
        "data.file.cannot_read": "kan ikke lese filen: {reason}",
        "data.file.utf16": "filen er UTF-16; lagre den som UTF-8 (eller Windows-1252)",
        "data.file.encoding": "filen er verken UTF-8 eller Windows-1252 (byte 0x{byte})",
        "data.file.missing": "filen finnes ikke",
        "data.file.symlink": (
            "en symbolsk lenke; en datafil må være en vanlig fil i datarepositoriet, "
            "og en lenke følges aldri"
        ),
        "data.file.symlink_swapped": "en symbolsk lenke; en lenke følges aldri",
        "data.file.not_regular": "{kind}, ikke en vanlig fil; den leses ikke",
        "data.file.too_large": "større enn {limit} byte; den leses ikke",
        "data.file.outside": "peker ut av datarepositoriet; den leses ikke",
        "data.kind.symlink": "en symbolsk lenke",
        "data.kind.directory": "en mappe",
        "data.kind.fifo": "en FIFO",
        "data.kind.char_device": "en tegnenhet",
        "data.kind.block_device": "en blokkenhet",
        "data.kind.socket": "en socket",
        "data.kind.other": "ikke en vanlig fil",
        "data.header.too_many_columns": (
            "overskriftsraden har mer enn {limit} kolonner; filen leses ikke"
        ),
        "data.header.reserved": "kolonnenavnet {name} er reservert",
        "data.header.twice": "kolonnen {name} står to ganger i overskriftsraden",
        "data.records.too_many_columns": (
            "postene bruker mer enn {limit} kolonner; filen leses ikke"
        ),
        "data.csv.malformed": "ugyldig CSV: {error}",
        "data.yaml.expected_list": "forventet en liste av poster (en YAML-sekvens av tilordninger)",
        "data.yaml.too_many_aliases": "ugyldig YAML: mer enn {limit} aliaser",
        "data.yaml.too_deep": "ugyldig YAML: nestet dypere enn {limit} nivåer",
        "data.yaml.invalid": "ugyldig YAML: {error}",
        "data.json.not_valid_constant": "{name} er ikke gyldig JSON",
        "data.json.too_deep": "ugyldig JSON: nestet dypere enn {limit} nivåer",
        "data.json.extra_after_value": "ugyldig JSON: mer data etter verdien",
        "data.json.extra_after_array": "ugyldig JSON: mer data etter listen",
        "data.json.expected_array": "forventet en JSON-liste (array) av objekter",
        "data.json.expected_comma": "ugyldig JSON: forventet ',' eller ']'",
        "data.json.invalid": "ugyldig JSON: {error}",
        "data.xlsx.cannot_read": "kan ikke lese arbeidsboken: {reason}",
        "data.xlsx.cannot_open": "kan ikke åpne arbeidsboken: {reason}",
        "data.xlsx.not_zip": "kan ikke åpne arbeidsboken: ikke en xlsx-fil (zip) ({error})",
        "data.xlsx.too_many_parts": "arbeidsboken har mer enn {limit} deler; den leses ikke",
        "data.xlsx.inflates": (
            "arbeidsboken pakkes ut til {total} byte (mer enn {limit}); den leses ikke"
        ),
        "data.xlsx.bomb": (
            "delen {part} av arbeidsboken pakkes ut {ratio} ganger (mer enn {limit}: "
            "en dekompresjonsbombe?); den leses ikke"
        ),
        "data.xlsx.beyond_column": (
            "arket {sheet} bruker cellen {cell}, utenfor kolonne {last} ({limit} kolonner); "
            "den leses ikke"
        ),
        "data.xlsx.forbidden": "{reason} ({error}: XML-entiteter og DTD-er avvises)",
        "data.xlsx.no_sheet": "arbeidsboken har ikke noe regneark",
        "data.xlsx.empty_header": "overskriftsraden (rad 1) er tom",
        # ------------------------------------------------------------ WAV
        "waiver.file.invalid": "{path}: ugyldige unntak",
        "waiver.baseline.not_report": "--baseline {path}: ikke en JSON-rapport: {reason}",
        "waiver.baseline.not_utf8": "ikke UTF-8-tekst (byte {byte})",
        "waiver.baseline.too_deep": "nestet for dypt",
        "waiver.baseline.long_number": "et for langt tall",
        "waiver.baseline.not_ours": "--baseline {path}: ikke en JSON-rapport fra secretariat-rules",
        "waiver.expired": (
            "unntaket for {rule} {subject} (godkjent av {approved_by}) gikk ut {expires}; "
            "funnene er ikke lenger unntatt"
        ),
        "waiver.unused": "unntaket for {rule} {subject} treffer ingen funn; fjern det",
        "waiver.unused_unknown": (
            "unntaket for {rule} {subject} treffer ingen funn; fjern det "
            "({rule} er ingen regel i regelsettet)"
        ),
        "waiver.unused_unknown_near": (
            "unntaket for {rule} {subject} treffer ingen funn; fjern det "
            "({rule} er ingen regel i regelsettet; mente du {near}?)"
        ),
    },
    "en": {
        "data.at_path": "{path}: {message}",
        # ------------------------------------------------------------ rules and statuses
        "rule.DAT001.title": "Invalid record",
        "rule.DAT002.title": "Duplicate id",
        "rule.DAT003.title": "Dangling reference",
        "rule.DAT004.title": "Unreadable file",
        "rule.DAT005.title": "Unknown field",
        "rule.DAT006.title": "Left out by the source adapter",
        "rule.DAT007.title": "Correspondent that matches no party",
        "rule.DAT008.title": "Violation of the format's official schema",
        "rule.status.not_selected": "not selected",
        "rule.status.nothing_in_scope": "nothing in scope",
        "rule.status.all_waived": "every finding is waived",
        "rule.select.no_match": "{option} {value}: no rule id starts with {quoted}",
        "rule.select.no_match_near": (
            "{option} {value}: no rule id starts with {quoted}; did you mean {near}?"
        ),
        # ------------------------------------------------------------ DAT001 (records)
        "data.missing_field": "missing required field '{field}'",
        "data.invalid_value": "{field}: invalid value {value} (expected {expected})",
        "data.header.missing_column": "{path}: the header has no required column {name}",
        "data.header.missing_column_near": (
            "{path}: the header has no required column {name} "
            "(the unknown column {near} is the closest)"
        ),
        "data.unknown_columns": "unknown column(s) {listed}",
        "data.rows_left_out": "the {count} row(s) of {path} are left out",
        "data.row.cell_without_column": "cell {cell} has a value but no column name",
        "data.row.too_many_cells": "row has {cells} cells, the header has {width}",
        "data.row.holds_list": "field {name} holds a list; one fact per row",
        "data.row.holds_mapping": "field {name} holds a mapping; one fact per row",
        "data.row.reserved_field": "field name {name} is reserved",
        "data.row.field_twice": "field {name} is given more than once",
        "data.row.not_mapping": "record is not a mapping",
        "data.row.not_object": "record is not an object",
        "data.row.no_usable_name": "a field has no usable name",
        "data.row.lone_surrogate": "field {name} holds a lone surrogate (\\u escape), not text",
        # ------------------------------------------------------------ what a value must be
        "data.expected.one_of": "one of: {values}",
        "data.expected.period_matching": "a period matching {pattern}",
        "data.expected.period_such_as": "a period such as {example}",
        "data.expected.period_such_as_or": "a period such as {examples} or {last}",
        "data.expected.int_range": "a whole number from {minimum} to {maximum}",
        "data.expected.text": "text",
        "data.expected.text_matching": "text matching {pattern}",
        "data.expected.text_visible": "text without control or invisible characters",
        "data.expected.text_matching_visible": (
            "text matching {pattern} without control or invisible characters"
        ),
        "data.expected.date": "a date such as 2024-03-01 or 01.03.2024",
        "data.expected.datetime": (
            "a date and time such as 2024-03-01T14:30, 2024-03-01T14:30:00+01:00 "
            "or 01.03.2024 14:30"
        ),
        "data.expected.amount": (
            "an amount in NOK such as 825000, 825 000,50, 825.000,50 or kr 825 000"
        ),
        "data.expected.bool": "yes or no (true/false, ja/nei, yes/no, 1/0, x or empty)",
        "data.expected.int": "a whole number such as 2024",
        "data.value.invalid": "invalid value {value}: expected {expected}",
        "data.value.not_finite": "not a finite number: {value}",
        "data.value.eight_digits": "expected eight digits, got {value}",
        # ------------------------------------------------------------ DAT002, DAT003
        "data.duplicate_id": "id {id} is used by {count} records ({where}); {kept}",
        "data.duplicate.first_used": "the first is used",
        "data.duplicate.first_invalid": "the first is invalid, so none is used",
        "data.dangling": "{field} '{value}' names no record of {ref}",
        "data.dangling_near": "{field} '{value}' names no record of {ref}; did you mean {near}?",
        # ------------------------------------------------------------ DAT005
        "data.unknown_fields": "unknown field(s) {listed} in {path}; {collection} defines: {known}",
        "data.field.did_you_mean": "{name} (did you mean {near}?)",
        "data.list.and_more": "{listed} and {rest} more",
        "data.unrecognised.no_match": (
            "{name}: matches no collection, manifest or known side file; it is not read"
        ),
        "data.unrecognised.near": (
            "{name}: not a collection file, it is not read; did you mean {near}?"
        ),
        "data.unrecognised.near_kind": (
            "{name}: not a collection file, it is not read; did you mean {near}.csv "
            "(collection {collection} is read from one of {kinds})?"
        ),
        # ------------------------------------------------------------ DAT004 (files)
        "data.file.two_files": "two files for collection {collection} ({names}); use one",
        "data.file.unsupported_type": "unsupported file type {suffix}",
        "data.file.cannot_read": "cannot read the file: {reason}",
        "data.file.utf16": "the file is UTF-16; save it as UTF-8 (or Windows-1252)",
        "data.file.encoding": "the file is neither UTF-8 nor Windows-1252 (byte 0x{byte})",
        "data.file.missing": "no such file",
        "data.file.symlink": (
            "a symbolic link; a data file must be a regular file inside the data "
            "repository, and a link is never followed"
        ),
        "data.file.symlink_swapped": "a symbolic link; a link is never followed",
        "data.file.not_regular": "{kind}, not a regular file; it is not read",
        "data.file.too_large": "larger than {limit} bytes; it is not read",
        "data.file.outside": "resolves outside the data repository; it is not read",
        "data.kind.symlink": "a symbolic link",
        "data.kind.directory": "a directory",
        "data.kind.fifo": "a FIFO",
        "data.kind.char_device": "a character device",
        "data.kind.block_device": "a block device",
        "data.kind.socket": "a socket",
        "data.kind.other": "not a regular file",
        "data.header.too_many_columns": "the header has more than {limit} columns; not read",
        "data.header.reserved": "column name {name} is reserved",
        "data.header.twice": "column {name} appears twice in the header",
        "data.records.too_many_columns": "the records use more than {limit} columns; not read",
        "data.csv.malformed": "malformed CSV: {error}",
        "data.yaml.expected_list": "expected a list of records (a YAML sequence of mappings)",
        "data.yaml.too_many_aliases": "invalid YAML: more than {limit} aliases",
        "data.yaml.too_deep": "invalid YAML: nested deeper than {limit} levels",
        "data.yaml.invalid": "invalid YAML: {error}",
        "data.json.not_valid_constant": "{name} is not valid JSON",
        "data.json.too_deep": "invalid JSON: nested deeper than {limit} levels",
        "data.json.extra_after_value": "invalid JSON: extra data after the value",
        "data.json.extra_after_array": "invalid JSON: extra data after the array",
        "data.json.expected_array": "expected a JSON array of objects",
        "data.json.expected_comma": "invalid JSON: expected ',' or ']'",
        "data.json.invalid": "invalid JSON: {error}",
        "data.xlsx.cannot_read": "cannot read the workbook: {reason}",
        "data.xlsx.cannot_open": "cannot open the workbook: {reason}",
        "data.xlsx.not_zip": "cannot open the workbook: not an xlsx (zip) file ({error})",
        "data.xlsx.too_many_parts": "the workbook has more than {limit} parts; not read",
        "data.xlsx.inflates": (
            "the workbook inflates to {total} bytes (more than {limit}); not read"
        ),
        "data.xlsx.bomb": (
            "part {part} of the workbook inflates {ratio} times (more than {limit}: "
            "a decompression bomb?); not read"
        ),
        "data.xlsx.beyond_column": (
            "sheet {sheet} uses cell {cell}, beyond column {last} ({limit} columns); not read"
        ),
        "data.xlsx.forbidden": "{reason} ({error}: XML entities and DTDs are refused)",
        "data.xlsx.no_sheet": "the workbook has no worksheet",
        "data.xlsx.empty_header": "the header row (row 1) is empty",
        # ------------------------------------------------------------ WAV
        "waiver.file.invalid": "{path}: invalid waivers",
        "waiver.baseline.not_report": "--baseline {path}: not a JSON report: {reason}",
        "waiver.baseline.not_utf8": "not UTF-8 text (byte {byte})",
        "waiver.baseline.too_deep": "nested too deeply",
        "waiver.baseline.long_number": "a number too long",
        "waiver.baseline.not_ours": "--baseline {path}: not a secretariat-rules JSON report",
        "waiver.expired": (
            "the waiver of {rule} {subject} (approved by {approved_by}) expired on {expires}; "
            "its findings are no longer waived"
        ),
        "waiver.unused": "the waiver of {rule} {subject} matches no finding; remove it",
        "waiver.unused_unknown": (
            "the waiver of {rule} {subject} matches no finding; remove it "
            "({rule} is no rule of the ruleset)"
        ),
        "waiver.unused_unknown_near": (
            "the waiver of {rule} {subject} matches no finding; remove it "
            "({rule} is no rule of the ruleset; did you mean {near}?)"
        ),
    },
}
