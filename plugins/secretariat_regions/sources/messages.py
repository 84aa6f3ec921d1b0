"""Messages of the region plugin's source adapters, in bokmål (``nb``) and English (``en``).

Registered in the one catalogue (:func:`secretariat_rules.i18n.catalog.register`) when
the package :mod:`secretariat_regions.sources` is imported. Keys are
``source.ADAPTER.what``: the DAT004 file problems, the DAT006 reasons (``left_out``),
the DAT007 and DAT008 notices of ``noark5``, ``einnsyn``, ``excel``, ``csv`` and
``vocabulary``. Ids, field, element, sheet and file names stay as written, in quotes.

The ``left_out`` texts in ``en`` are the inventory keys themselves (the JSON report's
``left_out`` is keyed by them, so they never change with the language).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {
        "source.left_out": "{count} × {reason}",
        # noark5: the file
        "source.noark5.malformed": "ugyldig XML: {detail}",
        "source.noark5.unparsable": "kan ikke tolke XML-en: {detail}",
        "source.noark5.unreadable": "kan ikke lese filen: {detail}",
        "source.noark5.unclosed": "ugyldig XML: dokumentet slutter inne i et element",
        "source.noark5.too_deep": "elementene er nestet dypere enn {depth} nivåer",
        "source.noark5.not_arkivstruktur": (
            "forventet en Noark 5-arkivstruktur (rotelementet 'arkiv'), fant {found}"
        ),
        "source.noark5.doctype": "DTD-er og entiteter avvises (en DOCTYPE-deklarasjon)",
        # noark5: DAT006
        "source.noark5.left_out.sender": "korrespondansepart: en avsender, ikke en mottaker",
        "source.noark5.left_out.no_type": (
            "korrespondansepart: verken avsender eller mottaker (korrespondanseparttype)"
        ),
        "source.noark5.left_out.incoming": (
            "korrespondansepart: mottaker av en inngående journalpost"
        ),
        "source.noark5.left_out.no_party": "korrespondansepart: mottaker som ikke er en part",
        "source.noark5.left_out.resembles": (
            "korrespondansepart: mottaker som ligner på en part (DAT007)"
        ),
        "source.noark5.left_out.same_party": (
            "korrespondansepart: samme part en gang til på én registrering"
        ),
        "source.noark5.left_out.empty_mappe": "mappe uten registrering: ingen post",
        "source.noark5.left_out.no_meeting": (
            "moeteregistrering: en møtesak som ikke ligger i noen moetemappe (intet møte): "
            "intet vedtak"
        ),
        "source.noark5.left_out.same_case": (
            "moeteregistrering: enda en registrering av en sak som allerede er et vedtak"
        ),
        # noark5: DAT007, DAT008
        "source.noark5.resembles": (
            "{name} ({count}) ≈ {party}: legg navnet til i partens 'aliases'"
        ),
        "source.noark5.schema.invalid": (
            "ikke gyldig etter Noark 5 {version}-skjemaet (arkivstruktur.xsd)"
        ),
        "source.noark5.schema.error": "linje {line}: {detail}",
        "source.noark5.schema.more": "… og {count} skjemafeil til",
        # einnsyn
        "source.einnsyn.not_a_directory": "er ikke en katalog i datarepositoriet",
        "source.einnsyn.not_a_response": (
            'ikke et svar fra eInnsyn: forventet {{"items": [...]}} eller et objekt'
        ),
        "source.einnsyn.left_out.deleted": "{entity}: slettet i eInnsyn",
        "source.einnsyn.left_out.unsaved_reference": (
            "listeelementet er en id, og objektet er ikke lagret"
        ),
        "source.einnsyn.left_out.not_an_object": "listeelementet er ikke et eInnsyn-objekt",
        "source.einnsyn.left_out.no_id": "{entity}: mangler id",
        "source.einnsyn.left_out.entity_not_read": "{entity}: entiteten leses ikke",
        "source.einnsyn.left_out.no_body": ("Moetemappe: utvalg er ikke noe organ i manifestet"),
        "source.einnsyn.left_out.case_no_meeting": (
            "Moetesak: Moetemappen er ikke lagret eller leses ikke"
        ),
        "source.einnsyn.left_out.document_no_meeting": (
            "Moetedokument: Moetemappen er ikke lagret eller leses ikke"
        ),
        "source.einnsyn.left_out.part_not_saved": (
            "Korrespondansepart: vist til med id, men ikke lagret"
        ),
        "source.einnsyn.left_out.part_unknown_type": (
            "Korrespondansepart: ukjent korrespondanseparttype"
        ),
        "source.einnsyn.left_out.part_orphan": (
            "Korrespondansepart: hører ikke til noen lagret journalpost"
        ),
        "source.einnsyn.left_out.merged": (
            "Moetedokument: samme dokument som en journalpost "
            "(slått sammen med journalpostens post)"
        ),
        "source.einnsyn.left_out.part_merged": (
            "Korrespondansepart: hører til et sammenslått Moetedokument"
        ),
        "source.einnsyn.left_out.part_sender": "Korrespondansepart: avsender, ikke mottaker",
        "source.einnsyn.left_out.part_screened": "Korrespondansepart: skjermet navn",
        "source.einnsyn.left_out.part_same_party": "Korrespondansepart: samme part en gang til",
        "source.einnsyn.left_out.part_no_party": "Korrespondansepart: mottakeren er ingen part",
        "source.einnsyn.left_out.part_resembles": (
            "Korrespondansepart: mottakeren ligner på en part (DAT007)"
        ),
        "source.einnsyn.resembles": (
            "{count} × mottakeren {name} er ingen part, men ligner på {party}: "
            "legg navnet til i den partens 'aliases'"
        ),
        "source.einnsyn.lone_surrogate": (
            "feltet {field} inneholder et enslig surrogattegn (\\u-escape), ikke tekst"
        ),
        # excel-followup
        "source.excel.two_workbooks": "to oppfølgingsarbeidsbøker ({names}); behold én",
        "source.excel.workbook_unreadable": "{message}; arkene ({sheets}) er ikke lest",
        "source.excel.duplicate_sheet": (
            "arkene {first} og {second} inneholder begge {collection}"
        ),
        "source.excel.sheet_unreadable": "kan ikke lese arket {sheet}: {reason}",
        "source.excel.no_sheets": "arbeidsboken har ingen av arkene {sheets}",
        "source.excel.no_header": (
            "arket {sheet}: ingen overskriftsrad i de første {rows} radene "
            "(forventet kolonnenavn som {examples})"
        ),
        "source.excel.reserved_column": "arket {sheet}: kolonnenavnet {name} er reservert",
        "source.excel.duplicate_column": (
            "arket {sheet}: kolonnen {name} står to ganger i overskriftsraden"
        ),
        # norwegian-csv, vocabulary
        "source.csv.two_files": "to filer for samlingen {collection} ({names}); bruk én",
        "source.vocabulary.same_field": (
            "kolonnene {first} og {second} gir begge {field}; behold én"
        ),
    },
    "en": {
        "source.left_out": "{count} × {reason}",
        # noark5: the file
        "source.noark5.malformed": "malformed XML: {detail}",
        "source.noark5.unparsable": "cannot parse the XML: {detail}",
        "source.noark5.unreadable": "cannot read the file: {detail}",
        "source.noark5.unclosed": "malformed XML: the document ends inside an element",
        "source.noark5.too_deep": "elements nested deeper than {depth} levels",
        "source.noark5.not_arkivstruktur": (
            "expected a Noark 5 arkivstruktur (root element 'arkiv'), found {found}"
        ),
        "source.noark5.doctype": "DTDs and entities are refused (a DOCTYPE declaration)",
        # noark5: DAT006
        "source.noark5.left_out.sender": "korrespondansepart: a sender, not a recipient",
        "source.noark5.left_out.no_type": (
            "korrespondansepart: neither sender nor recipient (korrespondanseparttype)"
        ),
        "source.noark5.left_out.incoming": (
            "korrespondansepart: recipient of an incoming journalpost"
        ),
        "source.noark5.left_out.no_party": "korrespondansepart: recipient that is no party",
        "source.noark5.left_out.resembles": (
            "korrespondansepart: recipient that resembles a party (DAT007)"
        ),
        "source.noark5.left_out.same_party": (
            "korrespondansepart: the same party again on one registrering"
        ),
        "source.noark5.left_out.empty_mappe": "mappe with no registrering: no record",
        "source.noark5.left_out.no_meeting": (
            "moeteregistrering: a møtesak in no moetemappe (no meeting): no decision"
        ),
        "source.noark5.left_out.same_case": (
            "moeteregistrering: a further registrering of a case already a decision"
        ),
        # noark5: DAT007, DAT008
        "source.noark5.resembles": "{name} ({count}) ≈ {party}: add it to the party's aliases",
        "source.noark5.schema.invalid": (
            "not valid against the Noark 5 {version} schema (arkivstruktur.xsd)"
        ),
        "source.noark5.schema.error": "line {line}: {detail}",
        "source.noark5.schema.more": "… and {count} more schema errors",
        # einnsyn
        "source.einnsyn.not_a_directory": "not a directory inside the repository",
        "source.einnsyn.not_a_response": (
            'not an eInnsyn response: expected {{"items": [...]}} or an object'
        ),
        "source.einnsyn.left_out.deleted": "{entity}: deleted in eInnsyn",
        "source.einnsyn.left_out.unsaved_reference": (
            "list item is an id whose object was not saved"
        ),
        "source.einnsyn.left_out.not_an_object": "list item is not an eInnsyn object",
        "source.einnsyn.left_out.no_id": "{entity}: no id",
        "source.einnsyn.left_out.entity_not_read": "{entity}: entity not read",
        "source.einnsyn.left_out.no_body": "Moetemappe: utvalg names no body of the manifest",
        "source.einnsyn.left_out.case_no_meeting": (
            "Moetesak: its Moetemappe was not saved or is not read"
        ),
        "source.einnsyn.left_out.document_no_meeting": (
            "Moetedokument: its Moetemappe was not saved or is not read"
        ),
        "source.einnsyn.left_out.part_not_saved": (
            "Korrespondansepart: referenced by id, not saved"
        ),
        "source.einnsyn.left_out.part_unknown_type": (
            "Korrespondansepart: unknown korrespondanseparttype"
        ),
        "source.einnsyn.left_out.part_orphan": "Korrespondansepart: of no saved journalpost",
        "source.einnsyn.left_out.merged": (
            "Moetedokument: the same document as a journalpost (merged into its record)"
        ),
        "source.einnsyn.left_out.part_merged": "Korrespondansepart: of a merged Moetedokument",
        "source.einnsyn.left_out.part_sender": "Korrespondansepart: sender, not a recipient",
        "source.einnsyn.left_out.part_screened": "Korrespondansepart: screened name",
        "source.einnsyn.left_out.part_same_party": "Korrespondansepart: the same party again",
        "source.einnsyn.left_out.part_no_party": "Korrespondansepart: recipient is not a party",
        "source.einnsyn.left_out.part_resembles": (
            "Korrespondansepart: recipient resembles a party (DAT007)"
        ),
        "source.einnsyn.resembles": (
            "{count} × recipient {name} matches no party but resembles {party}: "
            "add it to that party's aliases"
        ),
        "source.einnsyn.lone_surrogate": (
            "field {field} holds a lone surrogate (\\u escape), not text"
        ),
        # excel-followup
        "source.excel.two_workbooks": "two follow-up workbooks ({names}); keep one",
        "source.excel.workbook_unreadable": "{message}; its sheets ({sheets}) are not read",
        "source.excel.duplicate_sheet": "sheets {first} and {second} both hold {collection}",
        "source.excel.sheet_unreadable": "cannot read sheet {sheet}: {reason}",
        "source.excel.no_sheets": "the workbook has none of the sheets {sheets}",
        "source.excel.no_header": (
            "sheet {sheet}: no header row in the first {rows} rows "
            "(expected column names such as {examples})"
        ),
        "source.excel.reserved_column": "sheet {sheet}: column name {name} is reserved",
        "source.excel.duplicate_column": (
            "sheet {sheet}: column {name} appears twice in the header"
        ),
        # norwegian-csv, vocabulary
        "source.csv.two_files": "two files for collection {collection} ({names}); use one",
        "source.vocabulary.same_field": (
            "columns {first} and {second} both give {field}; keep one"
        ),
    },
}
