"""The ``einnsyn`` source adapter: saved eInnsyn API pages → records, findings, inventory.

One small capture (three files of journalposts, meetings and cases, written in the API's
shape: ``felleslosninger/einnsyn-api-spec``) is checked exactly: every record with its
provenance (file, line of the object, JSON pointer), party and body matching, the
DAT006/DAT007 notices, the inventory, references resolved across files, and a bad file
being one DAT004 while the others are still read.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl
import pytest
import yaml

from secretariat_regions.sources.einnsyn import EinnsynAdapter
from secretariat_regions.sources.einnsyn.pages import json_object_lines
from secretariat_rules.api import check, load_dataset
from secretariat_rules.dataset import Dataset
from secretariat_rules.i18n.message import Text, render_text
from secretariat_rules.plugins import Registry, load_registry
from secretariat_rules.schema.manifest import Manifest
from secretariat_rules.sources.base import SourceOutput
from secretariat_rules.testing import BASE_MANIFEST, run_cli, write_repo

OSLO = ZoneInfo("Europe/Oslo")


def kp(ident: str, kind: str, name: str, email: str | None = None) -> dict[str, Any]:
    part = {
        "id": ident,
        "entity": "Korrespondansepart",
        "korrespondanseparttype": kind,
        "korrespondansepartNavn": name,
        "korrespondansepartNavnSensitiv": name,
    }
    if email:
        part["epostadresse"] = email
    return part


JOURNALPOSTS_1 = {
    "items": [
        {
            "id": "jp_a",
            "entity": "Journalpost",
            "systemId": "JP-1",
            "offentligTittel": "Svar på henvendelse fra *****",
            "offentligTittelSensitiv": "Svar på henvendelse fra Ola Nordmann",
            "journalaar": 2024,
            "journalsekvensnummer": 54,
            "journalpostnummer": 3,
            "journalposttype": "utgaaende_dokument",
            "journaldato": "2024-03-05",
            "dokumentetsDato": "2024-03-04",
            "skjerming": {
                "id": "skj_1",
                "entity": "Skjerming",
                "tilgangsrestriksjon": "13",
                "skjermingshjemmel": "offl. § 13",
            },
            "saksmappe": "sm_x",
            "korrespondansepart": [
                kp("kp_1", "avsender", "Bergen kommune"),
                kp("kp_2", "mottaker", "Bergen kommune"),
                kp("kp_3", "kopimottaker", "VESTLAND  fylkeskommune"),
                kp("kp_4", "mottaker", "Statens vegvesen Region vest"),
                kp("kp_5", "mottaker", "Bygg og Anlegg AS"),
                kp("kp_6", "mottaker", "*****"),
                kp("kp_7", "medavsender", "Statens vegvesen"),
            ],
            "dokumentbeskrivelse": [
                {
                    "id": "db_1",
                    "entity": "Dokumentbeskrivelse",
                    "tittel": "Svar",
                    "tittelSensitiv": "Svar",
                    "dokumentnummer": 1,
                    "dokumenttype": "Brev",
                    "tilknyttetRegistreringSom": "hoveddokument",
                }
            ],
        },
        "jp_missing",
        {"id": "ik_1", "entity": "Innsynskrav"},
        {"id": "jp_b", "entity": "Journalpost", "deleted": True},
    ],
    "next": "https://api.einnsyn.no/search?entity=Journalpost&startingAfter=jp_b",
}

JOURNALPOSTS_2 = {
    "items": [
        {
            "id": "jp_c",
            "entity": "Journalpost",
            "systemId": "JP-3",
            "offentligTittel": "Innkalling til styringsgruppemøte 12.03.2024",
            "offentligTittelSensitiv": "Innkalling til styringsgruppemøte 12.03.2024",
            "journalaar": 2024,
            "journalsekvensnummer": 55,
            "journalpostnummer": 1,
            "journalposttype": "sakskart",
            "journaldato": "2024-03-01",
            "korrespondansepart": [kp("kp_8", "mottaker", "Vegvesenet", "firmapost@vegvesen.no")],
            "dokumentbeskrivelse": ["db_2"],
        },
        {
            "id": "sm_x",
            "entity": "Saksmappe",
            "saksaar": 2024,
            "sakssekvensnummer": 7,
            "saksnummer": "2024/7",
            "offentligTittel": "Henvendelser 2024",
            "offentligTittelSensitiv": "Henvendelser 2024",
        },
    ]
}

MEETINGS = {
    "items": [
        {
            "id": "mm_1",
            "entity": "Moetemappe",
            "systemId": "SG-1",
            "offentligTittel": "Styringsgruppen 12.03.2024",
            "offentligTittelSensitiv": "Styringsgruppen 12.03.2024",
            "moetenummer": "1/2024",
            "utvalg": "STYR",
            "utvalgObjekt": {
                "id": "enh_sg",
                "entity": "Enhet",
                "navn": "Styringsgruppen",
                "orgnummer": "821311632",
                "enhetstype": "UTVALG",
            },
            "moetedato": "2024-03-11T23:30:00Z",
            "moetedokument": [
                {
                    "id": "mdok_1",
                    "entity": "Moetedokument",
                    "moetedokumenttype": "innkalling",
                    "offentligTittel": "Innkalling",
                    "offentligTittelSensitiv": "Innkalling",
                    "dokumentbeskrivelse": ["db_2"],
                },
                {
                    "id": "mdok_2",
                    "entity": "Moetedokument",
                    "moetedokumenttype": "protokoll",
                    "offentligTittel": "Protokoll fra styringsgruppemøte 12.03.2024",
                    "offentligTittelSensitiv": "Protokoll fra styringsgruppemøte 12.03.2024",
                    "publisertDato": "2024-03-20T10:00:00Z",
                    "moetemappe": "mm_1",
                    "korrespondansepart": [kp("kp_9", "gruppemottaker", "Bergen kommune")],
                },
            ],
            "moetesak": ["ms_1"],
        },
        {
            "id": "mm_2",
            "entity": "Moetemappe",
            "offentligTittel": "Kommunestyret",
            "offentligTittelSensitiv": "Kommunestyret",
            "moetenummer": "3/2024",
            "utvalg": "KST",
            "utvalgObjekt": {"id": "enh_kst", "entity": "Enhet", "navn": "Kommunestyret"},
            "moetedato": "2024-03-14T17:00:00Z",
        },
    ]
}

CASES = {
    "items": [
        {
            "id": "ms_1",
            "entity": "Moetesak",
            "externalId": "V-5",
            "offentligTittel": "Handlingsprogram 2025–2028",
            "offentligTittelSensitiv": "Handlingsprogram 2025–2028",
            "moetesakstype": "politisk",
            "moetesaksaar": 2024,
            "moetesakssekvensnummer": 5,
            "moetemappe": "mm_1",
            "utvalgObjekt": "enh_sg",
        },
        {
            "id": "ms_2",
            "entity": "Moetesak",
            "offentligTittel": "Orientering om trafikken",
            "offentligTittelSensitiv": "Orientering om trafikken",
            "moetesakstype": "orientering",
            "moetesaksaar": 2024,
            "moetesakssekvensnummer": 9,
            "moetemappe": "mm_2",
            "utvalgObjekt": "enh_kst",
        },
    ]
}


def en(texts: tuple[Text, ...]) -> tuple[str, ...]:
    """Reasons as the English report says them (the default language is nb)."""
    return tuple(render_text(t, "en") for t in texts)


def dump(page: dict[str, Any]) -> str:
    return json.dumps(page, ensure_ascii=False, indent=2) + "\n"


CAPTURE = {
    "einnsyn/journalpost-0001.json": dump(JOURNALPOSTS_1),
    "einnsyn/journalpost-0002.json": dump(JOURNALPOSTS_2),
    "einnsyn/moetemappe-0001.json": dump(MEETINGS),
    "einnsyn/moetesak-0001.json": dump(CASES),
}


def manifest_data() -> dict[str, Any]:
    data = copy.deepcopy(BASE_MANIFEST)
    data["source"] = ["einnsyn"]
    return data


def capture_repo(tmp_path: Path, files: dict[str, str | bytes] | None = None) -> Path:
    return write_repo(tmp_path / "repo", manifest_data(), {**CAPTURE, **(files or {})})


def read(root: Path) -> SourceOutput:
    return EinnsynAdapter().read(root, Manifest.model_validate(manifest_data()))


def rows(out: SourceOutput, collection: str) -> list[dict[str, Any]]:
    found = []
    for table in out.tables:
        if table.collection == collection:
            frame = table.frame.with_columns(pl.lit(table.path).alias("_path"))
            found.extend(frame.drop("_problems").to_dicts())
    return found


def line_of(name: str, pointer: str) -> int:
    return json_object_lines(CAPTURE[f"einnsyn/{name}"])[pointer]


def data_registry() -> Registry:
    return load_registry(["secretariat_regions.sources.einnsyn"], load_entry_points=False)


def dataset(root: Path) -> Dataset:
    return load_dataset(root, registry=data_registry())


def test_journalposts_become_documents_with_their_provenance(tmp_path: Path) -> None:
    out = read(capture_repo(tmp_path))
    jp1, jp2, mm = "journalpost-0001.json", "journalpost-0002.json", "moetemappe-0001.json"
    assert rows(out, "documents") == [
        {
            "id": "JP-1",
            "title": "Svar på henvendelse fra *****",
            "kind": "brev",
            "date": "2024-03-04",
            "meeting": None,
            "archive_ref": "2024/7-3",  # the Saksmappe, saved in another file
            "archived": "2024-03-05",
            "_line": line_of(jp1, "/items/0"),
            "_pointer": "/items/0",
            "_path": f"einnsyn/{jp1}",
        },
        {
            "id": "JP-3",
            "title": "Innkalling til styringsgruppemøte 12.03.2024",
            "kind": "saksdokument",
            "date": "2024-03-01",  # no dokumentetsDato: the journaldato
            "meeting": "SG-1",  # its dokumentbeskrivelse is the meeting's notice
            "archive_ref": "2024/55",  # no saksmappe: journalaar/journalsekvensnummer
            "archived": "2024-03-01",
            "_line": line_of(jp2, "/items/0"),
            "_pointer": "/items/0",
            "_path": f"einnsyn/{jp2}",
        },
        {
            "id": "mdok_2",
            "title": "Protokoll fra styringsgruppemøte 12.03.2024",
            "kind": "referat",
            "date": "2024-03-20",
            "meeting": "SG-1",
            "archive_ref": None,
            "archived": None,
            "_line": line_of(mm, "/items/0/moetedokument/1"),
            "_pointer": "/items/0/moetedokument/1",
            "_path": f"einnsyn/{mm}",
        },
    ]


def test_recipients_become_distributions_senders_never(tmp_path: Path) -> None:
    out = read(capture_repo(tmp_path))
    found = [
        (r["document"], r["party"], r["sent"], r["_path"], r["_pointer"])
        for r in rows(out, "distributions")
    ]
    jp1 = "einnsyn/journalpost-0001.json"
    assert found == [
        ("JP-1", "bergen", "2024-03-04", jp1, "/items/0/korrespondansepart/1"),
        ("JP-1", "vlfk", "2024-03-04", jp1, "/items/0/korrespondansepart/2"),
        # matched by the domain of its e-mail address only
        ("JP-3", "svv", "2024-03-01", "einnsyn/journalpost-0002.json",
         "/items/0/korrespondansepart/0"),
        ("mdok_2", "bergen", "2024-03-20", "einnsyn/moetemappe-0001.json",
         "/items/0/moetedokument/1/korrespondansepart/0"),
    ]  # fmt: skip


def test_meetings_and_decisions(tmp_path: Path) -> None:
    out = read(capture_repo(tmp_path))
    [meeting] = rows(out, "meetings")
    assert meeting == {
        "id": "SG-1",
        "body": "sg",  # utvalgObjekt's navn
        "date": "2024-03-12",  # 23:30 UTC is the next day in Oslo
        "notice_sent": "2024-03-01",  # the date of its notice (journalposttype sakskart)
        "secretariat_present": None,  # the public journal cannot tell
        "minutes": "mdok_2",
        "_line": line_of("moetemappe-0001.json", "/items/0"),
        "_pointer": "/items/0",
        "_path": "einnsyn/moetemappe-0001.json",
    }
    [decision] = rows(out, "decisions")
    assert decision == {
        "id": "V-5",  # no systemId: the externalId
        "meeting": "SG-1",  # an id reference into another file
        "case": "5/24",
        "title": "Handlingsprogram 2025–2028",
        "kind": "vedtak",
        "responsible_party": None,
        "communicated": None,
        "_line": line_of("moetesak-0001.json", "/items/0"),
        "_pointer": "/items/0",
        "_path": "einnsyn/moetesak-0001.json",
    }


def test_nothing_is_dropped_silently_dat006_dat007_and_inventory(tmp_path: Path) -> None:
    out = read(capture_repo(tmp_path))
    jp1, mm, ms = (
        "einnsyn/journalpost-0001.json",
        "einnsyn/moetemappe-0001.json",
        "einnsyn/moetesak-0001.json",
    )
    notices = [(n.rule, n.subject, en(n.reasons), n.locations) for n in out.notices]
    line = json_object_lines(CAPTURE[jp1])
    assert notices == [
        ("DAT006", "files/einnsyn", ("1 × Innsynskrav: entity not read",),
         ((jp1, line["/items/2"], "/items/2"),)),
        ("DAT006", "files/einnsyn", ("1 × Journalpost: deleted in eInnsyn",),
         ((jp1, line["/items/3"], "/items/3"),)),
        ("DAT006", "files/einnsyn", ("1 × Moetemappe: utvalg names no body of the manifest",),
         ((mm, line_of("moetemappe-0001.json", "/items/1"), "/items/1"),)),
        ("DAT006", "files/einnsyn", ("1 × Moetesak: its Moetemappe was not saved or is not read",),
         ((ms, line_of("moetesak-0001.json", "/items/1"), "/items/1"),)),
        ("DAT006", "files/einnsyn", ("1 × list item is an id whose object was not saved",),
         ((jp1, line["/items/1"], "/items/1"),)),
        ("DAT007", "files/einnsyn",
         ("1 × recipient 'Statens vegvesen Region vest' matches no party but resembles 'svv': "
          "add it to that party's aliases",),
         ((jp1, line["/items/0/korrespondansepart/3"], "/items/0/korrespondansepart/3"),)),
    ]  # fmt: skip
    assert out.inventory is not None
    assert out.inventory.as_dict() == {
        "source": "einnsyn",
        "files": [jp1, "einnsyn/journalpost-0002.json", mm, ms],
        "elements": {
            "Innsynskrav": 1,
            "Journalpost": 3,
            "Korrespondansepart": 9,
            "Moetedokument": 2,
            "Moetemappe": 2,
            "Moetesak": 2,
            "reference": 1,
        },
        "records": {"decisions": 1, "distributions": 4, "documents": 3, "meetings": 1},
        "left_out": {
            "Innsynskrav: entity not read": 1,
            "Journalpost: deleted in eInnsyn": 1,
            "Korrespondansepart: recipient is not a party": 1,
            "Korrespondansepart: recipient resembles a party (DAT007)": 1,
            "Korrespondansepart: screened name": 1,
            "Korrespondansepart: sender, not a recipient": 2,
            "Moetedokument: the same document as a journalpost (merged into its record)": 1,
            "Moetemappe: utvalg names no body of the manifest": 1,
            "Moetesak: its Moetemappe was not saved or is not read": 1,
            "list item is an id whose object was not saved": 1,
        },
    }
    assert out.claimed == {"einnsyn"}


def test_every_record_bearing_object_is_accounted_for(tmp_path: Path) -> None:
    """Journalpost, Moetemappe, Moetesak, Moetedokument: a record, merged, or left out."""
    out = read(capture_repo(tmp_path))
    assert out.inventory is not None
    seen = out.inventory.elements
    left = out.inventory.left_out
    records = out.inventory.records

    def left_of(entity: str) -> int:
        return sum(n for reason, n in left.items() if reason.startswith(f"{entity}:"))

    assert seen["Journalpost"] + seen["Moetedokument"] == (
        records["documents"] + left_of("Journalpost") + left_of("Moetedokument")
    )
    assert seen["Moetemappe"] == records["meetings"] + left_of("Moetemappe")
    assert seen["Moetesak"] == records["decisions"] + left_of("Moetesak")
    assert seen["Korrespondansepart"] == records["distributions"] + left_of("Korrespondansepart")
    assert seen["reference"] + seen["Innsynskrav"] == left["list item is an id whose object "
        "was not saved"] + left["Innsynskrav: entity not read"]  # fmt: skip


def test_typed_through_the_dataset_sent_is_the_date_at_midnight_oslo(tmp_path: Path) -> None:
    data = dataset(capture_repo(tmp_path))
    sent = data.frames["distributions"].get_column("sent").to_list()
    midnight = dt.datetime(2024, 3, 4, tzinfo=OSLO)
    assert sent[0] == midnight.astimezone(sent[0].tzinfo)
    assert sorted({rule for rule, _ in data.issues}) == ["DAT006", "DAT007"]


def test_sek008_is_judged_by_date(tmp_path: Path) -> None:
    """Every recipient of a journalpost shares its date (00:00 Oslo): SEK008 can only find
    a party left out, never a late one; the parties of JP-1 lack svv."""
    root = capture_repo(tmp_path)
    data = dataset(root)
    sent = {
        (doc, party): moment
        for doc, party, moment in data.frames["distributions"]
        .select("document", "party", "sent")
        .iter_rows()
    }
    assert sent[("JP-1", "bergen")] == sent[("JP-1", "vlfk")]
    result = check(root, registry=data_registry(), select=["SEK008"])
    found = [(f.rule, str(f.subject), f.message) for f in result.findings]
    assert found == [
        ("SEK008", "documents/JP-1",
         "Dokumentet JP-1 ble ikke gitt likt til alle parter: ikke sendt til svv"),
        ("SEK008", "documents/JP-3",
         "Dokumentet JP-3 ble ikke gitt likt til alle parter: ikke sendt til bergen, vlfk"),
        ("SEK008", "documents/mdok_2",
         "Dokumentet mdok_2 ble ikke gitt likt til alle parter: ikke sendt til svv, vlfk"),
    ]  # fmt: skip


def test_a_bad_page_is_one_dat004_and_the_others_are_read(tmp_path: Path) -> None:
    root = capture_repo(
        tmp_path,
        {
            "einnsyn/journalpost-0003.json": '{"items": [ {"id": "jp_z", ',
            "einnsyn/moetesak-0002.json": "[" * 40 + "]" * 40,
            "einnsyn/zz-notes.json": '["not", "a page"]',
        },
    )
    out = read(root)
    problems = sorted((p.collection, p.path, p.line) for p in out.problems)
    assert problems == [
        ("decisions", "einnsyn/moetesak-0002.json", 1),
        ("documents", "einnsyn/journalpost-0003.json", 1),
        ("documents", "einnsyn/zz-notes.json", 1),
    ]
    assert [r["id"] for r in rows(out, "documents")] == ["JP-1", "JP-3", "mdok_2"]
    assert [r["id"] for r in rows(out, "decisions")] == ["V-5"]
    assert out.inventory is not None  # the files read; the others are the DAT004s
    assert out.inventory.files == sorted(CAPTURE)


def test_a_lone_surrogate_is_dat001_not_a_crash(tmp_path: Path) -> None:
    text = CAPTURE["einnsyn/journalpost-0002.json"].replace(
        "Innkalling til", "Innkalling \\ud800 til"
    )
    data = dataset(capture_repo(tmp_path, {"einnsyn/journalpost-0002.json": text}))
    dat001 = [str(f.subject) for rule, f in data.issues if rule == "DAT001"]
    assert dat001 == ["documents/JP-3"]


@pytest.mark.parametrize("name", ["einnsyn/link.json"])
def test_a_symlinked_page_is_refused(tmp_path: Path, name: str) -> None:
    root = capture_repo(tmp_path)
    outside = tmp_path / "secret.json"
    outside.write_text(dump(JOURNALPOSTS_2), encoding="utf-8")
    (root / name).symlink_to(outside)
    out = read(root)
    assert [(p.collection, p.path) for p in out.problems] == [("documents", name)]


def test_no_einnsyn_directory_means_nothing_read(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", manifest_data())
    out = read(root)
    assert out.tables == [] and out.inventory is None and out.claimed == set()


def test_json_object_lines_follow_pointers() -> None:
    text = '{\n "a": [\n  {"x": "}\\"{"},\n  {\n   "b/c": {}\n  },\n  "id_1"\n ]\n}'
    assert json_object_lines(text) == {
        "": 1, "/a": 2, "/a/0": 3, "/a/1": 4, "/a/1/b~1c": 5, "/a/2": 7,
    }  # fmt: skip


def test_registered_through_its_entry_point() -> None:
    adapter = load_registry().source_adapters["einnsyn"]
    assert isinstance(adapter, EinnsynAdapter)


def test_a_case_listed_expanded_in_its_meeting_needs_no_back_reference(tmp_path: Path) -> None:
    meetings = copy.deepcopy(MEETINGS)
    nested = copy.deepcopy(CASES["items"][0])
    del nested["moetemappe"]
    nested["offentligTittel"] = "Expanded, and fuller than the saved copy"
    nested["beskrivelse"] = "one field more than the moetesak page's copy"
    meetings["items"][0]["moetesak"] = [nested]
    root = capture_repo(tmp_path, {"einnsyn/moetemappe-0001.json": dump(meetings)})
    decisions = rows(read(root), "decisions")
    assert [(d["id"], d["meeting"], d["title"], d["_path"], d["_pointer"]) for d in decisions] == [
        ("V-5", "SG-1", "Expanded, and fuller than the saved copy",
         "einnsyn/moetemappe-0001.json", "/items/0/moetesak/0"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("item", "reason", "element", "line"),
    [
        (7, "list item is not an eInnsyn object", "unknown", 2),  # a number: the list's line
        (None, "list item is not an eInnsyn object", "unknown", 2),
        ([], "list item is not an eInnsyn object", "unknown", 3),
        ({"id": "x_1"}, "list item is not an eInnsyn object", "unknown", 3),
        ({"entity": "Journalpost", "id": 5}, "Journalpost: no id", "Journalpost", 3),
        ({"entity": "LagretSoek", "id": "l_1"}, "LagretSoek: entity not read", "LagretSoek", 3),
    ],
)
def test_odd_list_items_are_counted_never_dropped(
    tmp_path: Path, item: Any, reason: str, element: str, line: int
) -> None:
    page = {"items": [item]}
    out = read(capture_repo(tmp_path, {"einnsyn/zz-0001.json": dump(page)}))
    assert out.inventory is not None
    already = {"Journalpost": 3}.get(element, 0)  # in the capture besides
    assert out.inventory.left_out[reason] == 1
    assert out.inventory.elements[element] == already + 1
    [notice] = [n for n in out.notices if en(n.reasons) == (f"1 × {reason}",)]
    assert notice.locations == (("einnsyn/zz-0001.json", line, "/items/0"),)


def test_a_symlinked_einnsyn_directory_is_refused(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", manifest_data())
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "journalpost-0001.json").write_text(dump(JOURNALPOSTS_2), encoding="utf-8")
    (root / "einnsyn").symlink_to(outside)
    out = read(root)
    assert [(p.collection, p.path) for p in out.problems] == [("documents", "einnsyn")]
    assert out.tables == [] and out.claimed == {"einnsyn"}


# --------------------------------------------------------------------------- the fixture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_fixture_differs_from_the_canonical_one_only_by_what_the_journal_cannot_tell() -> None:
    """fixtures/bymiljopakken-einnsyn = fixtures/bymiljopakken's findings, plus SEK001 for
    each 2024 steering-group meeting (no attendance in the journal) and SEK003 for each
    2024 vedtak (no responsible party): computed from the canonical records."""
    canonical = run_cli("check", FIXTURES / "bymiljopakken", "--format", "json")
    einnsyn = run_cli("check", FIXTURES / "bymiljopakken-einnsyn", "--format", "json")
    assert einnsyn.exit_code == 1, einnsyn.stderr
    meetings = read_csv(FIXTURES / "bymiljopakken" / "meetings.csv")
    in_2024 = {m["id"] for m in meetings if m["date"].startswith("2024")}
    steering = {m["id"] for m in meetings if m["body"] == "sg"} & in_2024
    decisions = read_csv(FIXTURES / "bymiljopakken" / "decisions.csv")
    vedtak = {d["id"] for d in decisions if d["kind"] == "vedtak" and d["meeting"] in in_2024}
    expected = {(r, s) for r, s, _ in canonical.triples()}
    expected |= {("SEK001", f"meetings/{m}") for m in steering}
    expected |= {("SEK003", f"decisions/{d}") for d in vedtak}
    assert {(r, s) for r, s, _ in einnsyn.triples()} == expected
    assert len(expected) == 2 + 6 + 13


def test_fixture_capture_accounts_for_every_object() -> None:
    root = FIXTURES / "bymiljopakken-einnsyn"
    out = EinnsynAdapter().read(root, Manifest.model_validate(yaml_manifest(root)))
    assert out.problems == [] and out.notices == []
    inventory = out.inventory
    assert inventory is not None
    assert dict(inventory.elements) == {
        "Journalpost": 22,
        "Moetedokument": 17,
        "Moetemappe": 13,
        "Moetesak": 26,
        "Korrespondansepart": 176,
    }
    assert dict(inventory.records) == {
        "documents": 22,
        "distributions": 154,
        "meetings": 13,
        "decisions": 26,
    }
    assert dict(inventory.left_out) == {
        "Moetedokument: the same document as a journalpost (merged into its record)": 17,
        "Korrespondansepart: sender, not a recipient": 22,
    }


def test_the_fixture_generator_reproduces_the_capture(tmp_path: Path) -> None:
    """``make_einnsyn.py`` (run as its docstring says) writes exactly the committed files."""
    for name in ("bymiljopakken", "bymiljopakken-einnsyn"):
        shutil.copytree(FIXTURES / name, tmp_path / name)
    script = tmp_path / "bymiljopakken-einnsyn" / "make_einnsyn.py"
    subprocess.run([sys.executable, str(script)], check=True, timeout=120)
    made = tmp_path / "bymiljopakken-einnsyn"
    committed = FIXTURES / "bymiljopakken-einnsyn"
    names = sorted(p.relative_to(committed).as_posix() for p in committed.rglob("*") if p.is_file())
    assert sorted(p.relative_to(made).as_posix() for p in made.rglob("*") if p.is_file()) == names
    for name in names:
        assert (made / name).read_bytes() == (committed / name).read_bytes(), name


def read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    delimiter = ";" if text.split("\n", 1)[0].count(";") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def yaml_manifest(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((root / "secretariat.yaml").read_text(encoding="utf-8"))
    return data
