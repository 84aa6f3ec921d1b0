"""The Norwegian source adapters: excel-followup, noark5 and norwegian-csv.

Each adapter's mapping and provenance are checked exactly (sheet and row, XML element
line and path, CSV line); so is every way a file can be bad (one DAT004, never a
traceback or a hang).
"""

from __future__ import annotations

import copy
import datetime as dt
import time
import zipfile
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import polars as pl
import pytest

from secretariat_regions.sources.excel_followup import ExcelFollowupAdapter
from secretariat_regions.sources.noark5 import REFUSED, Noark5Adapter
from secretariat_regions.sources.norwegian_csv import collection_of
from secretariat_rules.api import load_dataset
from secretariat_rules.dataset import Dataset
from secretariat_rules.i18n.message import Text, render_text
from secretariat_rules.plugins import load_registry
from secretariat_rules.schema.collections import COLLECTION_MODELS
from secretariat_rules.schema.manifest import Manifest
from secretariat_rules.sources.base import SourceOutput
from secretariat_rules.testing import BASE_MANIFEST, run_cli, write_repo

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OSLO = ZoneInfo("Europe/Oslo")
NS = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"


def manifest(**changes: Any) -> Manifest:
    data = copy.deepcopy(BASE_MANIFEST)
    data.update(changes)
    return Manifest.model_validate(data)


def repo(tmp_path: Path, source: list[str], files: dict[str, str | bytes] | None = None) -> Path:
    data = copy.deepcopy(BASE_MANIFEST)
    data["source"] = source
    return write_repo(tmp_path / "repo", data, files)


def table(out: SourceOutput, collection: str) -> pl.DataFrame:
    [found] = [t for t in out.tables if t.collection == collection]
    return found.frame


def records(frame: pl.DataFrame, *columns: str) -> list[tuple[Any, ...]]:
    return list(frame.select(*columns).iter_rows())


def en(text: Text) -> str:
    """A reason or message as the English report says it (the default language is nb)."""
    return render_text(text, "en")


def issues(dataset: Dataset) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted(
        (rule, str(f.subject), tuple(f"{loc.path}:{loc.line}" for loc in f.locations))
        for rule, f in dataset.issues
    )


def test_the_adapters_are_registered_through_their_entry_points() -> None:
    adapters = load_registry().source_adapters
    assert {"excel-followup", "noark5", "norwegian-csv"} <= set(adapters)


# --------------------------------------------------------------------------- excel-followup


def workbook(path: Path, sheets: dict[str, list[list[Any]]], merged: dict[str, list[str]]) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for cells in merged.get(title, []):
            sheet.merge_cells(cells)
    book.save(path)
    return path


MEETINGS_SHEET: list[list[Any]] = [
    ["Møteoversikt 2024 – styringsgruppen"],  # 1: merged title
    ["Sist oppdatert 30.06.2025"],  # 2: a note
    [],  # 3
    ["ID ", "Organ", "Møtedato", "Innkalling\nsendt", "Sekretariatet til stede", "Referat"],  # 4
    ["M1", "Styringsgruppen", dt.date(2024, 2, 16), "06.02.2024", "Ja", "R1"],  # 5
    [],  # 6: blank between records
    [None, None, None, None, None, None],  # 7: blank cells
    ["M2", "ag", dt.datetime(2024, 3, 1, 0, 0), None, "nei", None],  # 8
]


def test_excel_finds_the_header_row_skips_title_and_blank_rows(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    workbook(root / "Oppfølging.xlsx", {"Møter": MEETINGS_SHEET}, {"Møter": ["A1:F1"]})
    out = ExcelFollowupAdapter().read(root, manifest())
    assert out.problems == []
    [meetings] = out.tables
    assert meetings.path == "Oppfølging.xlsx"
    assert meetings.header_line == 4
    assert meetings.columns == (
        "id",
        "body",
        "date",
        "notice_sent",
        "secretariat_present",
        "minutes",
    )
    assert records(meetings.frame, "id", "body", "date", "notice_sent", "_line", "_pointer") == [
        ("M1", "sg", "2024-02-16", "06.02.2024", 5, "Møter!5"),
        ("M2", "ag", "2024-03-01", None, 8, "Møter!8"),
    ]


def test_excel_reads_a_two_row_header_under_merged_headings(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    rows: list[list[Any]] = [
        ["Oppfølging av vedtak"],
        [],
        ["Id", "Vedtak", "Ansvarlig part", "Status", None, "Kommentar"],
        [None, None, None, "Frist", "Fullført", None],
        ["F1", "V1", "Bergen kommune", dt.date(2024, 5, 31), None, "venter på svar"],
    ]
    merged = {"Oppfølging": ["A1:F1", "A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:F4"]}
    workbook(root / "oppfolging.xlsx", {"Oppfølging": rows}, merged)
    out = ExcelFollowupAdapter().read(root, manifest())
    assert out.problems == []
    followups = out.tables[0]
    assert followups.columns == ("id", "decision", "responsible_party", "deadline", "completed")
    assert records(followups.frame, "id", "responsible_party", "deadline", "_line", "_pointer") == [
        ("F1", "bergen", "2024-05-31", 5, "Oppfølging!5")
    ]


def test_excel_types_and_names_reach_the_enums_and_ids(tmp_path: Path) -> None:
    root = repo(tmp_path, ["excel-followup"])
    sheets: dict[str, list[list[Any]]] = {
        "Instruks": [["Fyll inn arkene"]],
        "Møter": [["Id", "Organ", "Dato"], ["M1", "sg", dt.date(2024, 2, 16)]],
        "Vedtak": [
            ["Id", "Møte", "Type", "Ansvarlig part", "Formidlet"],
            ["V1", "M1", "Vedtak", "Statens vegvesen", dt.date(2024, 2, 20)],
            ["V2", "M1", "ORIENTERING", None, None],
        ],
        "Avvik": [
            ["Id", "Type", "Prosjekt", "Oppdaget", "Rapportert til"],
            ["A1", "Prosjekt", None, "01.03.2024", "Styringsgruppen"],
            ["A2", "Oppfolging", None, None, None],
        ],
    }
    workbook(root / "oppfolging.xlsx", sheets, {})
    dataset = load_dataset(root)
    assert issues(dataset) == []
    assert records(dataset.frame("decisions"), "id", "kind", "responsible_party") == [
        ("V1", "vedtak", "svv"),
        ("V2", "orientering", None),
    ]
    assert records(dataset.frame("deviations"), "id", "kind", "detected", "reported_to") == [
        ("A1", "project", dt.date(2024, 3, 1), "sg"),
        ("A2", "followup", None, None),
    ]
    assert records(dataset.frame("decisions"), "_file", "_line", "_pointer") == [
        ("oppfolging.xlsx", 2, "Vedtak!2"),
        ("oppfolging.xlsx", 3, "Vedtak!3"),
    ]


def test_excel_unknown_header_is_dat005_and_a_bad_value_dat001_at_its_row(
    tmp_path: Path,
) -> None:
    root = repo(tmp_path, ["excel-followup"])
    rows = [["Møter"], ["Id", "Organ", "Dato", "Sted"], ["M1", "sg", "32.13.2024", "Bergen"]]
    workbook(root / "oppfolging.xlsx", {"Møter": rows}, {})
    assert issues(load_dataset(root)) == [
        ("DAT001", "meetings/M1", ("oppfolging.xlsx:3",)),
        ("DAT005", "files/meetings", ("oppfolging.xlsx:2",)),
    ]


@pytest.mark.parametrize(
    "content",
    [b"this is not a zip file", b"PK\x03\x04 truncated", b""],
    ids=["text", "truncated-zip", "empty"],
)
def test_a_malformed_workbook_is_one_dat004(tmp_path: Path, content: bytes) -> None:
    root = repo(tmp_path, ["excel-followup", "canonical"], {"oppfolging.xlsx": content})
    (root / "projects.csv").write_text("id,name,owner_party\nP1,Bybane,bergen\n")
    dataset = load_dataset(root)
    [(rule, subject, locations)] = issues(dataset)
    assert (rule, subject, locations) == ("DAT004", "files/meetings", ("oppfolging.xlsx:None",))
    [finding] = [f for _, f in dataset.issues]
    assert "cannot open the workbook" in en(finding.reasons[0])
    assert dataset.frame("projects").height == 1  # the run goes on with the rest


def test_a_corrupt_sheet_is_dat004_on_its_collection_only(tmp_path: Path) -> None:
    root = repo(tmp_path, ["excel-followup"])
    path = workbook(
        root / "oppfolging.xlsx",
        {
            "Møter": [["Id", "Organ", "Dato"], ["M1", "sg", dt.date(2024, 1, 5)]],
            "Vedtak": [["Id", "Møte", "Type"], ["V1", "M1", "vedtak"]],
        },
        {},
    )
    with zipfile.ZipFile(path) as book:
        sheet = book.read("xl/worksheets/sheet2.xml")
    _replace_in_zip(path, "xl/worksheets/sheet2.xml", sheet.replace(b"</row>", b"</rowx>", 1))
    dataset = load_dataset(root)
    assert [(r, s) for r, s, _ in issues(dataset)] == [("DAT004", "files/decisions")]
    [(_, finding)] = dataset.issues
    assert en(finding.reasons[0]).startswith("oppfolging.xlsx: cannot read sheet 'Vedtak':")
    assert records(dataset.frame("meetings"), "id") == [("M1",)]


def test_entities_in_a_workbook_are_refused(tmp_path: Path) -> None:
    root = repo(tmp_path, ["excel-followup"])
    path = workbook(root / "oppfolging.xlsx", {"Møter": [["Id", "Organ", "Dato"]]}, {})
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    _replace_in_zip(path, "xl/worksheets/sheet1.xml", bomb)
    dataset = load_dataset(root)
    assert [(r, s) for r, s, _ in issues(dataset)] == [("DAT004", "files/meetings")]


def test_a_workbook_without_the_sheets_or_a_header_says_what_it_expected(
    tmp_path: Path,
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    workbook(root / "oppfolging.xlsx", {"Ark1": [["x"]]}, {})
    [problem] = ExcelFollowupAdapter().read(root, manifest()).problems
    expected = "the workbook has none of the sheets Møter, Vedtak, Oppfølging, Avvik"
    assert en(problem.message) == expected
    workbook(root / "oppfolging.xlsx", {"Avvik": [["Avvik"], ["a", "b"]]}, {})
    [problem] = ExcelFollowupAdapter().read(root, manifest()).problems
    assert problem.collection == "deviations"
    assert "sheet 'Avvik': no header row in the first 50 rows" in en(problem.message)


def test_excel_ignores_other_workbooks_and_lock_files(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "~$oppfolging.xlsx").write_bytes(b"lock")
    (root / "budsjett.xlsx").write_bytes(b"not ours")
    assert ExcelFollowupAdapter().read(root, manifest()) == SourceOutput()


def _replace_in_zip(path: Path, member: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as source:
        entries = {i.filename: source.read(i) for i in source.infolist()}
    entries[member] = data
    with zipfile.ZipFile(path, "w") as target:
        for name, content in entries.items():
            target.writestr(name, content)


# --------------------------------------------------------------------------- noark5

EXTRACT = f"""<?xml version="1.0" encoding="UTF-8"?>
<arkiv xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <systemID>arkiv-1</systemID>
  <arkivdel>
    <klassifikasjonssystem>
      <klasse>
        <klasseID>033</klasseID>
        <mappe xsi:type="saksmappe">
          <mappeID>2024/7</mappeID>
          <virksomhetsspesifikkeMetadata><moete>SG-1</moete></virksomhetsspesifikkeMetadata>
          <registrering xsi:type="journalpost">
            <systemID>D1</systemID>
            <dokumentbeskrivelse>
              <dokumenttype>Kart</dokumenttype>
              <tilknyttetRegistreringSom>Vedlegg</tilknyttetRegistreringSom>
            </dokumentbeskrivelse>
            <dokumentbeskrivelse>
              <dokumenttype>Saksframlegg</dokumenttype>
              <tilknyttetRegistreringSom>Hoveddokument</tilknyttetRegistreringSom>
              <dokumentobjekt><referanseDokumentfil>d1.pdf</referanseDokumentfil></dokumentobjekt>
            </dokumentbeskrivelse>
            <tittel>Sak 1/24 Budsjett</tittel>
            <journalpostnummer>1</journalpostnummer>
            <journalposttype>Utgående dokument</journalposttype>
            <journaldato>2024-02-07</journaldato>
            <dokumentetsDato>2024-02-06</dokumentetsDato>
            <sendtDato>2024-02-06T14:05:00+01:00</sendtDato>
            <korrespondansepart>
              <korrespondanseparttype>Mottaker</korrespondanseparttype>
              <korrespondansepartNavn>Statens vegvesen Region vest</korrespondansepartNavn>
              <organisasjonsnummer>971 032 081</organisasjonsnummer>
            </korrespondansepart>
            <korrespondansepart>
              <korrespondanseparttype>Kopimottaker</korrespondanseparttype>
              <korrespondansepartNavn>  bergen  KOMMUNE </korrespondansepartNavn>
            </korrespondansepart>
            <korrespondansepart>
              <korrespondanseparttype>Mottaker</korrespondanseparttype>
              <korrespondansepartNavn>Ferde AS</korrespondansepartNavn>
            </korrespondansepart>
            <korrespondansepart>
              <korrespondanseparttype>Avsender</korrespondanseparttype>
              <korrespondansepartNavn>Vestland fylkeskommune</korrespondansepartNavn>
            </korrespondansepart>
          </registrering>
          <registrering xsi:type="journalpost">
            <systemID>D2</systemID>
            <tittel>Notat om framdrift</tittel>
            <virksomhetsspesifikkeMetadata><moete>AG-1</moete></virksomhetsspesifikkeMetadata>
            <journalpostnummer>2</journalpostnummer>
            <journalposttype>N</journalposttype>
            <journaldato>2024-02-08</journaldato>
            <dokumentetsDato>2024-02-08</dokumentetsDato>
            <korrespondansepart>
              <korrespondansepartNavn>Bergen kommune</korrespondansepartNavn>
            </korrespondansepart>
          </registrering>
          <saksaar>2024</saksaar>
          <sakssekvensnummer>007</sakssekvensnummer>
        </mappe>
        <mappe xsi:type="saksmappe">
          <mappeID>2024/9</mappeID>
          <registrering xsi:type="journalpost">
            <tittel>Referat fra møtet</tittel>
            <dokumentbeskrivelse><dokumenttype>Møtereferat</dokumenttype></dokumentbeskrivelse>
            <journalpostnummer>3</journalpostnummer>
            <journalposttype>U</journalposttype>
            <journaldato>2024-03-01</journaldato>
            <dokumentetsDato>2024-02-28</dokumentetsDato>
            <sendtDato>2024-03-01</sendtDato>
            <korrespondansepart xsi:type="korrespondansepartEnhet">
              <korrespondanseparttype>EM</korrespondanseparttype>
              <enhetsidentifikator><organisasjonsnummer>821311632</organisasjonsnummer></enhetsidentifikator>
              <navn>Fylkeskommunen</navn>
            </korrespondansepart>
          </registrering>
        </mappe>
      </klasse>
      <klasse>
        <registrering xsi:type="journalpost">
          <systemID>D4</systemID>
          <registreringsID>2024/12-1</registreringsID>
          <tittel>Brev fra Ferde AS</tittel>
          <journalposttype>Inngående dokument</journalposttype>
          <dokumentetsDato>2024-04-02</dokumentetsDato>
        </registrering>
        <registrering xsi:type="basisregistrering"><systemID>B1</systemID></registrering>
      </klasse>
    </klassifikasjonssystem>
  </arkivdel>
</arkiv>
"""

KLASSE = "/arkiv/arkivdel[1]/klassifikasjonssystem[1]/klasse"


def read_noark(tmp_path: Path, text: str | bytes, name: str = "arkivstruktur.xml") -> SourceOutput:
    root = tmp_path / "repo"
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    data = text.encode() if isinstance(text, str) else text
    (root / name).write_bytes(data)
    return Noark5Adapter().read(root, manifest())


def test_noark5_journalposts_become_documents_with_element_provenance(tmp_path: Path) -> None:
    out = read_noark(tmp_path, EXTRACT)
    assert out.problems == []
    documents = table(out, "documents")
    columns = ("id", "title", "kind", "date", "meeting", "archive_ref", "archived")
    assert records(documents, *columns, "_line", "_pointer") == [
        (
            "D1",
            "Sak 1/24 Budsjett",
            "saksdokument",  # the Hoveddokument's type, not the Vedlegg's listed first
            "2024-02-06",
            "SG-1",  # from the saksmappe
            "2024/7-1",  # saksaar/sakssekvensnummer come after the registreringer
            "2024-02-07",
            11,
            f"{KLASSE}[1]/mappe[1]/registrering[1]",
        ),
        (
            "D2",
            "Notat om framdrift",
            "notat",  # journalposttype N
            "2024-02-08",
            "AG-1",  # the journalpost's own meeting wins
            "2024/7-2",
            "2024-02-08",
            46,
            f"{KLASSE}[1]/mappe[1]/registrering[2]",
        ),
        (
            "2024/9-3",  # no systemID: the archive reference (mappeID, no saksaar)
            "Referat fra møtet",
            "referat",
            "2024-02-28",
            None,
            "2024/9-3",
            "2024-03-01",
            63,
            f"{KLASSE}[1]/mappe[2]/registrering[1]",
        ),
        (
            "D4",
            "Brev fra Ferde AS",
            "brev",  # incoming mail
            "2024-04-02",
            None,
            "2024/12-1",  # no mappe: the registreringsID
            None,
            80,
            f"{KLASSE}[2]/registrering[1]",
        ),
        (  # a basisregistrering with nothing but its systemID: still a record (DAT001)
            "B1",
            None,
            "annet",
            None,
            None,
            None,
            None,
            87,
            f"{KLASSE}[2]/registrering[2]",
        ),
    ]


def test_noark5_recipients_of_outgoing_journalposts_become_distributions(
    tmp_path: Path,
) -> None:
    distributions = table(read_noark(tmp_path, EXTRACT), "distributions")
    assert records(distributions, "document", "party", "sent", "_line", "_pointer") == [
        (  # by organisation number, whatever the name
            "D1",
            "svv",
            "2024-02-06T14:05:00+01:00",
            28,
            f"{KLASSE}[1]/mappe[1]/registrering[1]/korrespondansepart[1]",
        ),
        (  # by name, case- and space-insensitively; Ferde AS and the sender are skipped
            "D1",
            "bergen",
            "2024-02-06T14:05:00+01:00",
            33,
            f"{KLASSE}[1]/mappe[1]/registrering[1]/korrespondansepart[2]",
        ),
        (  # Noark 5 v5 korrespondansepartEnhet: a nested organisasjonsnummer
            "2024/9-3",
            "vlfk",
            "2024-03-01",
            71,
            f"{KLASSE}[1]/mappe[2]/registrering[1]/korrespondansepart[1]",
        ),
    ]


def test_noark5_typed_through_the_dataset(tmp_path: Path) -> None:
    root = repo(tmp_path, ["noark5"], {"arkivstruktur.xml": EXTRACT})
    dataset = load_dataset(root)
    sent = records(dataset.frame("distributions"), "document", "sent")
    assert sent[-1] == ("2024/9-3", dt.datetime(2024, 3, 1, 0, 0, tzinfo=OSLO))  # date: 00:00
    assert sent[0] == ("D1", dt.datetime(2024, 2, 6, 14, 5, tzinfo=OSLO))
    # the meetings named by the extract do not exist here: DAT003 at the journalpost;
    # the basisregistrering with neither title nor date is a record, and a DAT001
    assert issues(dataset) == [
        ("DAT001", "documents/B1", ("arkivstruktur.xml:87",)),
        ("DAT003", "documents/D1", ("arkivstruktur.xml:11",)),
        ("DAT003", "documents/D2", ("arkivstruktur.xml:46",)),
    ]


def test_noark5_reads_an_extract_without_namespace_in_content(tmp_path: Path) -> None:
    text = EXTRACT.replace(f' xmlns="{NS}"', "")
    out = read_noark(tmp_path, text, "content/arkivstruktur.xml")
    assert out.problems == []
    assert table(out, "documents").height == 5
    assert out.tables[0].path == "content/arkivstruktur.xml"


def test_noark5_no_extract_means_no_records(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    assert Noark5Adapter().read(tmp_path / "repo", manifest()) == SourceOutput()


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-PASSWORD-LINE\n")
    return secret


def _one_refusal(tmp_path: Path, text: str, line: int | None) -> None:
    start = time.perf_counter()
    root = repo(tmp_path, ["noark5"], {"arkivstruktur.xml": text})
    dataset = load_dataset(root)
    assert time.perf_counter() - start < 5
    [(rule, finding)] = dataset.issues
    assert (rule, str(finding.subject)) == ("DAT004", "files/documents")
    assert [(loc.path, loc.line) for loc in finding.locations] == [("arkivstruktur.xml", line)]
    assert REFUSED in en(finding.reasons[0])
    assert "TOPSECRET" not in repr(dataset.issues)
    assert dataset.frame("documents").height == 0


def test_noark5_refuses_an_external_entity(tmp_path: Path) -> None:
    secret = _secret(tmp_path)
    text = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE arkiv [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
        f'<arkiv xmlns="{NS}"><systemID>&xxe;</systemID></arkiv>\n'
    )
    _one_refusal(tmp_path, text, 2)


def _laughs(level: int) -> str:
    inner = "&lol;" if level == 1 else f"&lol{level - 1};"
    return f'  <!ENTITY lol{level} "{inner * 10}">'


BILLION_LAUGHS = "\n".join(
    [
        '<?xml version="1.0"?>',
        "<!-- a comment before the DOCTYPE -->",
        "<!DOCTYPE lolz [",
        '  <!ENTITY lol "lol">',
        *(_laughs(level) for level in range(1, 10)),
        "]>",
        f'<arkiv xmlns="{NS}"><systemID>&lol9;</systemID></arkiv>',
    ]
)


def test_noark5_refuses_a_billion_laughs(tmp_path: Path) -> None:
    _one_refusal(tmp_path, BILLION_LAUGHS, 3)


def test_noark5_refuses_a_doctype_the_prolog_scan_cannot_see(tmp_path: Path) -> None:
    """A DOCTYPE after 100 KB of comment: the parser (which resolves nothing) refuses it."""
    secret = _secret(tmp_path)
    text = (
        '<?xml version="1.0"?>\n'
        f"<!--{'x' * 100_000}-->\n"
        f'<!DOCTYPE arkiv [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;'
        f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
        f'<arkiv xmlns="{NS}"><systemID>&xxe;</systemID></arkiv>\n'
    )
    _one_refusal(tmp_path, text, None)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (f'<?xml version="1.0"?>\n<arkiv xmlns="{NS}">\n  <systemID>x</arkiv>\n', 3, "malformed"),
        ("", None, "malformed XML"),
        ("<arkivuttrekk/>\n", 1, "expected a Noark 5 arkivstruktur"),
    ],
    ids=["mismatched-tag", "empty", "wrong-root"],
)
def test_noark5_malformed_xml_is_one_dat004_with_its_line(
    tmp_path: Path, text: str, line: int | None, message: str
) -> None:
    [problem] = read_noark(tmp_path, text).problems
    assert (problem.collection, problem.path, problem.line) == (
        "documents",
        "arkivstruktur.xml",
        line,
    )
    assert message in en(problem.message)


def test_noark5_streams_a_large_extract(tmp_path: Path) -> None:
    journalpost = (
        '<registrering xsi:type="journalpost"><systemID>D{n}</systemID><tittel>t</tittel>'
        "<journalpostnummer>{n}</journalpostnummer><journalposttype>U</journalposttype>"
        "<dokumentetsDato>2024-01-02</dokumentetsDato><sendtDato>2024-01-02</sendtDato>"
        "<korrespondansepart><korrespondansepartNavn>Bergen kommune</korrespondansepartNavn>"
        "</korrespondansepart></registrering>"
    )
    body = "".join(journalpost.format(n=n) for n in range(1, 20_001))
    text = (
        f'<arkiv xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<arkivdel><klasse><mappe xsi:type="saksmappe">{body}'
        "<saksaar>2024</saksaar><sakssekvensnummer>1</sakssekvensnummer></mappe>"
        "</klasse></arkivdel></arkiv>"
    )
    out = read_noark(tmp_path, text)
    assert table(out, "documents").height == 20_000
    assert records(table(out, "documents").tail(1), "archive_ref") == [("2024/1-20000",)]
    assert table(out, "distributions").height == 20_000


# --------------------------------------------------------------------------- norwegian-csv

MOTER_CP1252 = (
    "Id;Organ;Møtedato;Innkalling sendt;Sekretariatet til stede;Referat;Kommentar\r\n"
    "M1;Styringsgruppen;16.02.2024;06.02.2024;Ja;;Møte på Ørnes\r\n"
    "\r\n"
    "M2;ag;01.03.2024;;nei;;Åpent møte\r\n"
).encode("cp1252")


def test_norwegian_csv_cp1252_semicolons_and_norwegian_names(tmp_path: Path) -> None:
    root = repo(tmp_path, ["norwegian-csv"], {"Møter.csv": MOTER_CP1252})
    vedtak = "Id;Møte;Type;Ansvarlig part;Formidlet\nV1;M1;Vedtak;Statens vegvesen;20.02.2024\n"
    (root / "vedtak.csv").write_bytes(vedtak.encode("utf-8-sig"))
    rapporter = "Id;Type;Periode;Levert;Til organ\nR9;Tertialrapport;2024-T1;15.06.2024;sg\n"
    (root / "rapporter.csv").write_text(rapporter, encoding="cp1252")
    dataset = load_dataset(root)
    assert issues(dataset) == []
    meetings = dataset.frame("meetings")
    assert records(meetings, "id", "body", "date", "secretariat_present", "_file", "_line") == [
        ("M1", "sg", dt.date(2024, 2, 16), True, "Møter.csv", 2),
        ("M2", "ag", dt.date(2024, 3, 1), False, "Møter.csv", 4),
    ]
    assert records(dataset.frame("decisions"), "id", "kind", "responsible_party") == [
        ("V1", "vedtak", "svv")
    ]
    assert records(dataset.frame("reports"), "id", "kind", "to_body") == [("R9", "tertial", "sg")]


def test_norwegian_csv_unknown_header_and_two_files(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "møter.csv": MOTER_CP1252,
        "moter.csv": MOTER_CP1252,
        "avvik.csv": "Id;Type;Oppdagt\nA1;Prosjekt;01.03.2024\n",
    }
    dataset = load_dataset(repo(tmp_path, ["norwegian-csv"], files))
    assert issues(dataset) == [
        ("DAT004", "files/meetings", ("moter.csv:None", "møter.csv:None")),
        ("DAT005", "files/deviations", ("avvik.csv:1",)),
    ]
    assert records(dataset.frame("deviations"), "id", "kind") == [("A1", "project")]


def test_norwegian_csv_two_headers_for_one_field_is_dat004(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"vedtak.csv": "Id;Sak;Saksnr\nV1;1/24;1/24\n"}
    dataset = load_dataset(repo(tmp_path, ["norwegian-csv"], files))
    [(rule, finding)] = dataset.issues
    assert rule == "DAT004"
    assert tuple(map(en, finding.reasons)) == (
        "vedtak.csv: columns 'Sak' and 'Saksnr' both give 'case'; keep one",
    )


@pytest.mark.parametrize(
    ("name", "collection"),
    [
        ("Møter.csv", "meetings"),
        ("MOTER.CSV", "meetings"),
        ("Oppfølging.csv", "followups"),
        ("lokale vedtak.csv", "adoptions"),
        ("bruk-av-bompenger.csv", "toll_usage"),
        ("meetings.csv", None),
        ("møter.xlsx", None),
    ],
)
def test_norwegian_csv_file_names(name: str, collection: str | None) -> None:
    assert collection_of(Path(name)) == collection


# --------------------------------------------------------------------------- fixture


@pytest.mark.parametrize(
    ("canonical", "adapted"),
    [("miljoloftet", "miljoloftet-excel"), ("bymiljopakken", "bymiljopakken-csv")],
)
def test_an_adapted_fixture_holds_its_canonical_fixtures_facts(
    canonical: str, adapted: str
) -> None:
    expected_set = load_dataset(FIXTURES / canonical)
    got_set = load_dataset(FIXTURES / adapted)
    provenance = ["_file", "_line", "_pointer", "_row"]
    for collection in COLLECTION_MODELS:
        expected = expected_set.frame(collection).drop(provenance)
        columns = expected.columns
        got = got_set.frame(collection).drop(provenance).select(columns)
        assert expected.height > 0 or collection == "report_projects", collection
        assert got.sort(columns, nulls_last=True).equals(expected.sort(columns, nulls_last=True)), (
            collection
        )


def test_the_fixture_locates_findings_at_sheet_rows_and_elements() -> None:
    run = run_cli("check", FIXTURES / "miljoloftet-excel", "--format", "json")
    pointers = {
        f["subject"]["id"]: [loc.get("pointer") for loc in f["locations"]] for f in run.findings
    }
    assert pointers["REF-2024-06"] == [f"{KLASSE}[1]/mappe[7]/registrering[3]"]
    dataset = load_dataset(FIXTURES / "miljoloftet-excel")
    first = dataset.frame("followups").filter(pl.col("id") == "OPF-2024-02")
    assert records(first, "_file", "_line", "_pointer") == [("oppfolging.xlsx", 8, "Oppfølging!8")]
