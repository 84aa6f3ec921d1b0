"""The noark5 adapter on real extracts of every version, and each mapping rule exactly.

The public extracts are Arkivverket's (``../shared/noark5``, see its README); every
registrering and mappe in them is accounted for, counted independently with lxml.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from secretariat_regions.sources.noark5 import Noark5Adapter, schema
from secretariat_regions.sources.noark5.dates import as_date, as_datetime
from secretariat_regions.sources.noark5.records import (
    EMPTY_MAPPE,
    NO_MEETING,
    NO_PARTY,
    SAME_CASE,
    SENDER,
)
from secretariat_rules.api import load_dataset
from secretariat_rules.dataset import Dataset
from secretariat_rules.i18n.message import Text, render_text
from secretariat_rules.schema.manifest import Manifest
from secretariat_rules.sources.base import ReadOptions, SourceOutput
from secretariat_rules.testing import BASE_MANIFEST, write_repo

SHARED = Path(__file__).resolve().parents[2] / "shared" / "noark5"
EXTRACTS = sorted(p for p in SHARED.glob("arkade5-*") if p.is_dir()) if SHARED.is_dir() else []
NS = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
REGISTRERINGER = {"registrering", "journalpost", "arkivnotat", "moeteregistrering"}
REGISTRERINGER |= {"basisregistrering"}
MAPPER = {"mappe", "saksmappe", "moetemappe"}


def en(texts: tuple[Text, ...]) -> tuple[str, ...]:
    """Reasons as the English report says them (the default language is nb)."""
    return tuple(render_text(t, "en") for t in texts)


def manifest_data(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE_MANIFEST)
    data["source"] = ["noark5"]
    data.update(changes)
    return data


def read(tmp_path: Path, xml: str, **changes: Any) -> SourceOutput:
    root = tmp_path / "repo"
    root.mkdir(parents=True, exist_ok=True)
    (root / "arkivstruktur.xml").write_text(xml, encoding="utf-8")
    manifest = Manifest.model_validate(manifest_data(**changes))
    return Noark5Adapter().read(root, manifest, options=ReadOptions(schema_check=False))


def rows(out: SourceOutput, collection: str, *columns: str) -> list[tuple[Any, ...]]:
    found = [t.frame for t in out.tables if t.collection == collection]
    if not found:
        return []
    return list(found[0].select(*columns).iter_rows())


def issues(dataset: Dataset) -> list[tuple[str, str]]:
    return sorted((rule, str(f.subject)) for rule, f in dataset.issues)


def extract(body: str, version: str = "") -> str:
    """An arkivstruktur with ``body`` inside arkivdel/klassifikasjonssystem/klasse."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<arkiv xmlns="{NS}" xmlns:xsi="{XSI}"{version}>\n'
        "<arkivdel><klassifikasjonssystem><klasse>\n"
        f"{body}\n"
        "</klasse></klassifikasjonssystem></arkivdel>\n</arkiv>\n"
    )


# --------------------------------------------------------------------------- every extract


def _count(path: Path) -> tuple[int, int, int, int]:
    """registreringer, mapper, moetemapper, mapper holding no registrering (by lxml)."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    regs = mapper = meetings = empty = 0
    for elem in tree.iter():
        if not isinstance(elem.tag, str):
            continue
        name = etree.QName(elem).localname
        if name in REGISTRERINGER:
            regs += 1
        elif name in MAPPER:
            mapper += 1
            kind = (elem.get(f"{{{XSI}}}type") or name).rsplit(":", 1)[-1]
            if kind == "moetemappe" or name == "moetemappe":
                meetings += 1
            elif not any(
                isinstance(d.tag, str) and etree.QName(d).localname in REGISTRERINGER
                for d in elem.iterdescendants()
            ):
                empty += 1
    return regs, mapper, meetings, empty


def _repository(tmp_path: Path, folder: Path) -> Path:
    source = next(folder.rglob("arkivstruktur.xml"))
    root = write_repo(tmp_path / "repo", manifest_data())
    shutil.copy(source, root / "arkivstruktur.xml")
    if (source.parent / "arkivuttrekk.xml").is_file():
        shutil.copy(source.parent / "arkivuttrekk.xml", root / "arkivuttrekk.xml")
    return root


@pytest.mark.skipif(not EXTRACTS, reason="../shared/noark5 (the public extracts) is absent")
@pytest.mark.parametrize("folder", EXTRACTS, ids=[p.name for p in EXTRACTS])
def test_every_registrering_and_mappe_of_every_public_extract_is_accounted_for(
    tmp_path: Path, folder: Path
) -> None:
    root = _repository(tmp_path, folder)
    if "StructureChecksums" in folder.name:  # an <addml> file named arkivstruktur.xml
        assert issues(load_dataset(root)) == [("DAT004", "files/documents")]
        return
    regs, mapper, meetings, empty = _count(root / "arkivstruktur.xml")
    out = Noark5Adapter().read(root, load_dataset(root).manifest)
    assert out.problems == []
    inventory = out.inventory
    assert inventory is not None
    # every registrering is a document; every moetemappe a meeting; a mappe is either
    # a meeting, holds documents, or is counted as left out (DAT006)
    assert inventory.records["documents"] == regs
    assert inventory.records.get("meetings", 0) == meetings
    assert inventory.left_out.get(EMPTY_MAPPE, 0) == empty
    assert sum(inventory.elements[k] for k in REGISTRERINGER) == regs
    assert sum(inventory.elements[k] for k in MAPPER) == mapper
    # nothing a schema of the extract's version allows is invalid
    dataset = load_dataset(root)
    assert [s for r, s in issues(dataset) if r == "DAT001"] == []
    assert dataset.frame("documents").height == regs - _duplicates(dataset)


def _duplicates(dataset: Dataset) -> int:
    """Documents left out as a second use of one id (DAT002; the test data copies some)."""
    return sum(len(f.locations) - 1 for r, f in dataset.issues if r == "DAT002")


@pytest.mark.skipif(not EXTRACTS, reason="../shared/noark5 (the public extracts) is absent")
def test_known_journalposts_of_the_v5_5_and_v3_extracts_read_exactly(tmp_path: Path) -> None:
    out = Noark5Adapter().read(
        _repository(tmp_path / "a", SHARED / "arkade5-Version5_5"),
        Manifest.model_validate(manifest_data()),
    )
    columns = ("id", "title", "kind", "date", "archive_ref", "archived", "_line")
    assert rows(out, "documents", *columns) == [
        (
            "journpost57d6608566c0b0.29878286",
            "Eating the cake1 - Application to eat cake1",
            "notat",  # Organinternt dokument for oppfølging; dokumenttype Ordrebekreftelser
            "1863-12-13",
            "1864/13-1",  # saksaar/sakssekvensnummer 013, after the registreringer
            "1863-08-09",
            100,
        ),
        (
            "journpost57d6608569ed33.70652483",
            "Eating the cake1 - Application to eat cake2",
            "brev",  # Inngående dokument
            "1864-04-10",
            "1864/13-2",
            "1863-10-28",
            194,
        ),
    ]
    assert out.inventory is not None
    assert out.inventory.left_out == Counter(
        {
            "korrespondansepart: recipient of an incoming journalpost": 1,  # Gruppemottaker
            NO_PARTY: 1,  # Kopimottaker Riksarkivet
        }
    )
    older = Noark5Adapter().read(
        _repository(tmp_path / "b", SHARED / "arkade5-Noark5Archive"),
        Manifest.model_validate(manifest_data()),
    )
    assert rows(older, "documents", "id", "kind", "date", "archived")[:2] == [
        ("dbf32e5e-f6a2-4366-8ffa-5adb9ea54328", "brev", "2011-09-08", "2011-09-09"),
        ("f080dee0-97c8-4d15-8832-622f93de318b", "brev", "2011-09-10", "2011-09-10"),
    ]
    assert older.inventory is not None
    assert older.inventory.left_out[SENDER] == 2


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "date", "moment"),
    [
        ("2017-04-02Z", "2017-04-02", "2017-04-02"),
        ("2017-04-01+01:00", "2017-04-01", "2017-04-01"),
        ("2024-03-01", "2024-03-01", "2024-03-01"),
        ("1863-12-13T00:00:00+01:00", "1863-12-13", "1863-12-13T00:00:00+01:00"),
        ("1863-10-06T00:00:00Z", "1863-10-06", "1863-10-06T00:00:00+00:00"),
        ("2024-02-06T23:30:00Z", "2024-02-07", "2024-02-06T23:30:00+00:00"),  # Oslo: 00:30
        ("2024-06-30T22:30:00Z", "2024-07-01", "2024-06-30T22:30:00+00:00"),  # summer time
        ("2024-02-06T14:05:00", "2024-02-06", "2024-02-06T14:05:00"),  # no zone: Oslo
        ("2024-02-06T14:05:00.123456789+01:00", "2024-02-06", "2024-02-06T14:05:00.123456+01:00"),
        ("2024-02-06T24:00:00", "2024-02-07", "2024-02-07T00:00:00"),
        ("31.02.2024", "31.02.2024", "31.02.2024"),  # no schema date: left to DAT001
        ("2024-02-30", "2024-02-30", "2024-02-30"),
    ],
)
def test_dates_in_every_form_the_schemas_allow(text: str, date: str, moment: str) -> None:
    assert as_date(text) == date
    assert as_datetime(text) == moment


def test_dates_reach_the_dataset_without_dat001(tmp_path: Path) -> None:
    body = (
        '<mappe xsi:type="saksmappe"><mappeID>2017/1</mappeID>'
        '<registrering xsi:type="journalpost"><systemID>J1</systemID><tittel>t</tittel>'
        "<journalpostnummer>1</journalpostnummer><journalposttype>U</journalposttype>"
        "<journaldato>2017-04-02Z</journaldato><dokumentetsDato>2017-04-01+01:00</dokumentetsDato>"
        "<sendtDato>2017-04-03T09:15:00Z</sendtDato>"
        "<korrespondansepart><korrespondanseparttype>EM</korrespondanseparttype>"
        "<korrespondansepartNavn>Bergen kommune</korrespondansepartNavn></korrespondansepart>"
        "</registrering><saksaar>2017</saksaar><sakssekvensnummer>1</sakssekvensnummer></mappe>"
    )
    root = write_repo(tmp_path / "repo", manifest_data(), {"arkivstruktur.xml": extract(body)})
    dataset = load_dataset(root)
    assert issues(dataset) == []
    assert dataset.frame("documents").select("date", "archived").row(0) == (
        dt.date(2017, 4, 1),
        dt.date(2017, 4, 2),
    )
    sent = dataset.frame("distributions").get_column("sent")[0]
    assert sent == dt.datetime(2017, 4, 3, 9, 15, tzinfo=dt.UTC)


# --------------------------------------------------------------------------- registreringer


def test_every_registrering_type_at_any_depth_with_the_enclosing_case_number(
    tmp_path: Path,
) -> None:
    body = """<mappe xsi:type="saksmappe">
  <systemID>M1</systemID><mappeID>2018/1</mappeID><tittel>Sak</tittel>
  <mappe>
    <systemID>M1a</systemID><mappeID>undermappe-1</mappeID>
    <mappe>
      <registrering xsi:type="journalpost"><systemID>J2</systemID><tittel>Svar</tittel>
        <journalpostnummer>2</journalpostnummer><journalposttype>U</journalposttype>
        <journaldato>2018-03-02</journaldato></registrering>
    </mappe>
    <registrering xsi:type="arkivnotat"><systemID>N1</systemID><tittel>Notat</tittel>
      <dokumentetsDato>2018-03-05</dokumentetsDato></registrering>
  </mappe>
  <registrering xsi:type="n5:ukjentType"><systemID>R1</systemID>
    <opprettetDato>2018-03-07T10:00:00+01:00</opprettetDato>
    <offentligTittel>Offentlig tittel</offentligTittel></registrering>
  <registrering xsi:type="basisregistrering"><systemID>B1</systemID><tittel>Basis</tittel>
    <registreringsID>2018/1-9</registreringsID><opprettetDato>2018-03-08T08:00:00</opprettetDato>
  </registrering>
  <registrering><systemID>R31</systemID><opprettetDato>2018-03-09T08:00:00</opprettetDato>
  </registrering>
  <saksaar>2018</saksaar><sakssekvensnummer>1</sakssekvensnummer>
</mappe>
<saksmappe><saksaar>2019</saksaar><sakssekvensnummer>4</sakssekvensnummer>
  <journalpost><systemID>J3</systemID><tittel>Named by type</tittel>
    <journalpostnummer>3</journalpostnummer><journalposttype>I</journalposttype>
    <mottattDato>2019-01-02T08:00:00+01:00</mottattDato></journalpost>
</saksmappe>
<mappe><systemID>TOM</systemID><mappeID>tom</mappeID></mappe>"""
    out = read(tmp_path, extract(body))
    columns = ("id", "title", "kind", "date", "archive_ref", "archived")
    assert rows(out, "documents", *columns) == [
        ("J2", "Svar", "brev", "2018-03-02", "2018/1-2", "2018-03-02"),  # journaldato
        ("N1", "Notat", "notat", "2018-03-05", None, None),
        ("R1", "Offentlig tittel", "annet", "2018-03-07", None, None),  # opprettetDato
        ("B1", "Basis", "annet", "2018-03-08", "2018/1-9", None),
        ("R31", "Sak", "annet", "2018-03-09", None, None),  # v3.1: no tittel, the mappe's
        ("J3", "Named by type", "brev", "2019-01-02", "2019/4-3", None),  # mottattDato
    ]
    assert out.inventory is not None
    assert out.inventory.elements == Counter(
        {
            "saksmappe": 2,
            "mappe": 3,
            "journalpost": 2,
            "arkivnotat": 1,
            "registrering": 2,
            "basisregistrering": 1,
        }
    )
    [notice] = out.notices
    assert (notice.rule, notice.subject, en(notice.reasons)) == (
        "DAT006",
        "files/arkivstruktur.xml",
        (f"1 × {EMPTY_MAPPE}",),
    )
    assert [(line, pointer) for _, line, pointer in notice.locations] == [
        (31, "/arkiv/arkivdel[1]/klassifikasjonssystem[1]/klasse[1]/mappe[2]")
    ]


def test_a_registrering_without_title_or_date_is_a_record_with_a_dat001(tmp_path: Path) -> None:
    body = (
        '<mappe xsi:type="saksmappe"><registrering xsi:type="journalpost"><systemID>J1</systemID>'
        "<journalpostnummer>1</journalpostnummer><journalposttype>X</journalposttype>"
        "</registrering><saksaar>2024</saksaar><sakssekvensnummer>3</sakssekvensnummer></mappe>"
    )
    root = write_repo(tmp_path / "repo", manifest_data(), {"arkivstruktur.xml": extract(body)})
    dataset = load_dataset(root)
    [(rule, finding)] = dataset.issues
    assert (rule, str(finding.subject)) == ("DAT001", "documents/J1")
    assert [(loc.path, loc.line) for loc in finding.locations] == [("arkivstruktur.xml", 4)]


# --------------------------------------------------------------------------- meetings

MEETING = """<mappe xsi:type="moetemappe">
  <systemID>5b0e1c52-8f0e-4a0e-9d7e-6f1b2c3d4e5f</systemID><mappeID>SG-2024-02</mappeID>
  <tittel>Møte</tittel>
  <mappe xsi:type="saksmappe"><systemID>S-140</systemID><mappeID>2024/140</mappeID>
  <registrering xsi:type="journalpost"><systemID>DOK-1</systemID>
    <dokumentbeskrivelse><dokumenttype>Møteinnkalling</dokumenttype>
      <tilknyttetRegistreringSom>Hoveddokument</tilknyttetRegistreringSom></dokumentbeskrivelse>
    <tittel>Innkalling</tittel><journalpostnummer>1</journalpostnummer>
    <journalposttype>Utgående dokument</journalposttype><journaldato>2024-02-01</journaldato>
    <dokumentetsDato>2024-01-31</dokumentetsDato><sendtDato>2024-01-31T23:30:00Z</sendtDato>
    <korrespondansepart><korrespondanseparttype>Mottaker</korrespondanseparttype>
      <korrespondansepartNavn>Bergen kommune</korrespondansepartNavn></korrespondansepart>
    <korrespondansepart><korrespondanseparttype>Medavsender</korrespondanseparttype>
      <korrespondansepartNavn>Statens vegvesen</korrespondansepartNavn></korrespondansepart>
  </registrering><saksaar>2024</saksaar><sakssekvensnummer>140</sakssekvensnummer></mappe>
  <registrering xsi:type="moeteregistrering"><systemID>V-2024-003</systemID>
    <opprettetDato>2024-02-01T09:00:00+01:00</opprettetDato><tittel>Kollektivknutepunkt</tittel><registreringsID>3/24</registreringsID>
    <korrespondansepart><korrespondanseparttype>EM</korrespondanseparttype>
      <korrespondansepartNavn>Vestland fylkeskommune</korrespondansepartNavn></korrespondansepart>
    <moeteregistreringstype>Saksframlegg</moeteregistreringstype>
    <moetesakstype>Politisk sak</moetesakstype></registrering>
  <registrering xsi:type="moeteregistrering"><systemID>V-2024-002</systemID>
    <tittel>Tertialrapport</tittel><moeteregistreringstype>SF</moeteregistreringstype>
    <moetesakstype>RS</moetesakstype></registrering>
  <registrering xsi:type="moeteregistrering"><systemID>REF-1</systemID>
    <opprettetDato>2024-02-15T10:00:00+01:00</opprettetDato><tittel>Protokoll</tittel>
    <moeteregistreringstype>MP</moeteregistreringstype></registrering>
  <moetenummer>1</moetenummer><utvalg>Styringsgruppa</utvalg><moetedato>2024-02-08</moetedato>
  <moetedeltaker><moetedeltakerNavn>Kari</moetedeltakerNavn>
    <moetedeltakerFunksjon>Leder</moetedeltakerFunksjon></moetedeltaker>
  <moetedeltaker><moetedeltakerNavn>Ola</moetedeltakerNavn>
    <moetedeltakerFunksjon>Sekretær</moetedeltakerFunksjon></moetedeltaker>
</mappe>
<moetemappe><systemID>X-1</systemID><utvalg>Ukjent utvalg</utvalg>
  <moetedato>2024-03-01</moetedato>
  <moetedeltaker><moetedeltakerNavn>Per</moetedeltakerNavn></moetedeltaker></moetemappe>"""


def test_a_moetemappe_is_a_meeting_with_its_documents_notice_and_minutes(tmp_path: Path) -> None:
    bodies = [
        {"id": "sg", "name": "Styringsgruppen", "kind": "steering_group",
         "aliases": ["Styringsgruppa"]},
    ]  # fmt: skip
    out = read(tmp_path, extract(MEETING), bodies=bodies)
    assert rows(out, "meetings", *("id", "body", "date", "notice_sent", "secretariat_present")) == [
        ("SG-2024-02", "sg", "2024-02-08", "2024-02-01", "true"),  # 23:30Z is 00:30 Oslo
        ("X-1", "Ukjent utvalg", "2024-03-01", None, "false"),  # no mappeID: systemID
    ]
    assert rows(out, "meetings", "minutes") == [("REF-1",), (None,)]
    assert rows(out, "documents", "id", "kind", "meeting", "archive_ref", "date") == [
        ("DOK-1", "saksdokument", "SG-2024-02", "2024/140-1", "2024-01-31"),  # saksmappe
        ("V-2024-003", "saksdokument", "SG-2024-02", "3/24", "2024-02-01"),
        ("V-2024-002", "saksdokument", "SG-2024-02", None, None),
        ("REF-1", "referat", "SG-2024-02", None, "2024-02-15"),
    ]
    decision = ("id", "meeting", "case", "title", "kind", "responsible_party")
    assert rows(out, "decisions", *decision) == [
        ("V-2024-003", "SG-2024-02", "3/24", "Kollektivknutepunkt", "vedtak", "vlfk"),
        ("V-2024-002", "SG-2024-02", None, "Tertialrapport", "orientering", None),
    ]
    # the Medavsender is a sender: no distribution to svv
    assert rows(out, "distributions", "document", "party", "sent") == [
        ("DOK-1", "bergen", "2024-01-31T23:30:00+00:00"),
        ("V-2024-003", "vlfk", "2024-02-01"),  # no send date in a moeteregistrering: its date
    ]
    assert out.inventory is not None
    assert out.inventory.records == Counter(
        {"documents": 4, "distributions": 2, "meetings": 2, "decisions": 2}
    )
    assert out.inventory.left_out[SENDER] == 1


# --------------------------------------------------------------------------- recipients


def _journalpost(parts: str, kind: str = "U", number: int = 1) -> str:
    return (
        f'<registrering xsi:type="journalpost"><systemID>J{number}</systemID><tittel>t</tittel>'
        f"<journalpostnummer>{number}</journalpostnummer><journalposttype>{kind}</journalposttype>"
        "<journaldato>2024-05-02</journaldato><dokumentetsDato>2024-05-01</dokumentetsDato>"
        f"{parts}</registrering>"
    )


def _part(kind: str, name: str, email: str = "") -> str:
    mail = f"<epostadresse>{email}</epostadresse>" if email else ""
    return (
        f"<korrespondansepart><korrespondanseparttype>{kind}</korrespondanseparttype>"
        f"<korrespondansepartNavn>{name}</korrespondansepartNavn>{mail}</korrespondansepart>"
    )


def test_recipients_by_code_or_text_matched_by_alias_or_email(tmp_path: Path) -> None:
    parties = copy.deepcopy(BASE_MANIFEST["parties"])
    parties[0]["aliases"] = ["Byrådsavdeling for miljø"]
    parts = "".join(
        (
            _part("Kopimottakar", "Byrådsavdeling for miljø"),  # alias, nynorsk type
            _part("GM", "Postmottak", "post@vlfk.no"),  # e-mail domain
            _part("Intern avsender", "Statens vegvesen"),  # a sender
            _part("Avsender", "Bergen kommune"),
            _part("Mottaker", "Ferde AS"),  # no party, resembles none
        )
    )
    body = f'<mappe xsi:type="saksmappe">{_journalpost(parts)}<saksaar>2024</saksaar><sakssekvensnummer>5</sakssekvensnummer></mappe>'  # noqa: E501
    out = read(tmp_path, extract(body), parties=parties)
    assert rows(out, "distributions", "document", "party", "sent") == [
        ("J1", "bergen", "2024-05-02"),  # no sendtDato: journaldato (00:00 Oslo)
        ("J1", "vlfk", "2024-05-02"),
    ]
    assert out.inventory is not None
    assert out.inventory.left_out == Counter({SENDER: 2, NO_PARTY: 1})
    assert out.notices == []


def test_recipients_that_resemble_a_party_are_one_dat007_with_counts(tmp_path: Path) -> None:
    posts = "".join(
        _journalpost(
            _part("Mottaker", "Statens vegvesen Region vest")
            + (_part("Kopimottaker", "Vestland fylkeskommmune") if n == 1 else ""),
            number=n,
        )
        for n in (1, 2, 3)
    )
    body = f'<mappe xsi:type="saksmappe">{posts}<saksaar>2024</saksaar><sakssekvensnummer>5</sakssekvensnummer></mappe>'  # noqa: E501
    root = write_repo(tmp_path / "repo", manifest_data(), {"arkivstruktur.xml": extract(body)})
    dataset = load_dataset(root)
    [(rule, finding)] = dataset.issues
    assert (rule, str(finding.subject)) == ("DAT007", "files/arkivstruktur.xml")
    assert en(finding.reasons) == (
        "'Statens vegvesen Region vest' (3) ≈ svv: add it to the party's aliases",
        "'Vestland fylkeskommmune' (1) ≈ vlfk: add it to the party's aliases",
    )
    assert [loc.line for loc in finding.locations] == [4, 4]
    assert dataset.frame("distributions").height == 0


# --------------------------------------------------------------------------- schema check


def test_schema_check_reports_each_error_with_its_line(tmp_path: Path) -> None:
    valid = next(SHARED.glob("arkade5-Small/arkivstruktur.xml"), None)
    if valid is None:
        pytest.skip("../shared/noark5 is absent")
    text = valid.read_text(encoding="utf-8").replace(
        "<journalstatus>Arkivert</journalstatus>", "<journalstatus>Arkivert</journalstatus><feil/>"
    )
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if "<feil/>" in line]
    root = tmp_path / "repo"
    root.mkdir()
    (root / "arkivstruktur.xml").write_text(text, encoding="utf-8")
    shutil.copy(valid.parent / "arkivuttrekk.xml", root / "arkivuttrekk.xml")
    manifest = Manifest.model_validate(manifest_data())
    plain = Noark5Adapter().read(root, manifest)
    checked = Noark5Adapter().read(root, manifest, options=ReadOptions(schema_check=True))
    assert plain.notices == []
    [notice] = checked.notices
    assert notice.rule == "DAT008"
    reasons = en(notice.reasons)
    assert reasons[0] == "not valid against the Noark 5 v3.1 schema (arkivstruktur.xsd)"
    assert [loc[1] for loc in notice.locations] == lines
    assert reasons[1].startswith(f"line {lines[0]}: Element 'feil'")
    assert rows(checked, "documents", "id") == rows(plain, "documents", "id")  # still read


def test_schema_check_caps_the_errors_it_lists(tmp_path: Path) -> None:
    valid = next(SHARED.glob("arkade5-Small/arkivstruktur.xml"), None)
    if valid is None:
        pytest.skip("../shared/noark5 is absent")
    text = valid.read_text(encoding="utf-8")
    broken = text.replace("T00:00:00Z<", "T00:00:00 Z<")  # each one its own type error
    assert broken.count(" Z<") > schema.MAX_ERRORS
    out = Noark5Adapter().read(
        _write(tmp_path, broken),
        Manifest.model_validate(manifest_data()),
        options=ReadOptions(schema_check=True),
    )
    [notice] = [n for n in out.notices if n.rule == "DAT008"]
    reasons = en(notice.reasons)
    assert reasons[0].startswith("not valid against the Noark 5 v5.5 schema")
    assert len(notice.locations) == schema.MAX_ERRORS
    more = broken.count(" Z<") - schema.MAX_ERRORS
    assert reasons[-1].endswith("more schema errors")
    assert int(reasons[-1].split()[2]) >= more


def _write(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "repo"
    root.mkdir(parents=True, exist_ok=True)
    (root / "arkivstruktur.xml").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("number", "version"),
    [("3.0", "v3.1"), ("3.1", "v3.1"), ("4.0", "v4.0"), ("5.0", "v5.0"), ("5.5", "v5.5")],
)
def test_the_version_comes_from_arkivuttrekk(number: str, version: str) -> None:
    addml = (
        '<addml xmlns="http://www.arkivverket.no/standarder/addml"><dataset><dataObjects>'
        '<dataObject name="x"><properties><property name="info"><properties>'
        '<property name="type"><value>Noark 5</value><properties>'
        f'<property name="version"><value>{number}</value></property>'
        "</properties></property></properties></property></properties></dataObject>"
        "</dataObjects></dataset></addml>"
    ).encode()
    assert schema.detect_version(b"<arkiv/>", addml) == version
    assert schema.detect_version(b"<arkiv/>", None) == "v5.5"


def test_the_bundled_schemas_load_without_the_network() -> None:
    for version in schema.VERSIONS:
        assert schema.schema(version) is not None


# --------------------------------------------------------------------------- the fixture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NOARK_FIXTURE = FIXTURES / "bymiljopakken-noark5"
PROVENANCE = ["_file", "_line", "_pointer", "_row"]


def test_the_fixture_extract_is_valid_noark5_v5_5() -> None:
    tree = etree.parse(str(NOARK_FIXTURE / "arkivstruktur.xml"))
    xsd = schema.schema("v5.5")
    assert xsd.validate(tree), list(xsd.error_log)[:3]
    root = NOARK_FIXTURE
    out = Noark5Adapter().read(
        root, load_dataset(root).manifest, options=ReadOptions(schema_check=True)
    )
    assert out.notices == []


def test_the_fixture_gives_the_canonical_fixtures_findings() -> None:
    from secretariat_rules.testing import run_cli

    def pairs(fixture: Path) -> set[tuple[str, str]]:
        run = run_cli("check", fixture, "--format", "json")
        return {(rule, subject) for rule, subject, _ in run.triples()}

    assert pairs(NOARK_FIXTURE) == pairs(FIXTURES / "bymiljopakken")
    assert not {r for r, _ in pairs(NOARK_FIXTURE) if r.startswith("DAT")}


def test_the_fixture_holds_the_canonical_meetings_documents_and_distributions() -> None:
    canonical, noark = load_dataset(FIXTURES / "bymiljopakken"), load_dataset(NOARK_FIXTURE)

    def by_ref(dataset: Dataset) -> dict[str, str]:
        frame = dataset.frame("documents")
        return dict(zip(frame["id"], frame["archive_ref"], strict=True))

    refs, noark_refs = by_ref(canonical), by_ref(noark)
    meetings = canonical.frame("meetings").drop(PROVENANCE)
    got = noark.frame("meetings").drop(PROVENANCE).select(meetings.columns)
    assert got.drop("minutes").sort("id").equals(meetings.drop("minutes").sort("id"))
    assert sorted(
        zip(got["id"], [noark_refs.get(m) for m in got["minutes"]], strict=True)
    ) == sorted(zip(meetings["id"], [refs.get(m) for m in meetings["minutes"]], strict=True))

    columns = ["title", "kind", "date", "meeting", "archive_ref", "archived"]
    expected_docs = set(canonical.frame("documents").select(columns).iter_rows())
    got_docs = set(noark.frame("documents").select(columns).iter_rows())
    assert expected_docs <= got_docs
    assert sorted(d[3] for d in got_docs - expected_docs) == [  # the notices (README)
        "SG-2020-04",
        "SG-2021-03",
        "SG-2023-11",
        "SG-2025-02",
        "SG-2025-05",
    ]

    def sends(dataset: Dataset, ids: dict[str, str]) -> set[tuple[Any, ...]]:
        frame = dataset.frame("distributions")
        return {(ids[d], p, s) for d, p, s in frame.select("document", "party", "sent").iter_rows()}

    assert sends(noark, noark_refs) == sends(canonical, refs)
    inventory = {i.source: i for i in noark.inventory}["noark5"]
    assert inventory.records == Counter({"documents": 27, "distributions": 153, "meetings": 13})
    assert inventory.left_out == Counter({NO_PARTY: 3})  # Ferde AS


def test_one_decision_per_case_and_none_for_notices_minutes_or_attachments(
    tmp_path: Path,
) -> None:
    """v3.1 gives every moeteregistrering a moetesakstype: only a case's own papers are a
    decision, once per case (the saksframlegg, vedtak and saksprotokoll of 12/24)."""

    def registrering(ident: str, kind: str, case: str = "") -> str:
        number = f"<registreringsID>{case}</registreringsID>" if case else ""
        return (
            f'<registrering xsi:type="moeteregistrering"><systemID>{ident}</systemID>'
            f"{number}<tittel>{ident}</tittel><moeteregistreringstype>{kind}"
            "</moeteregistreringstype><moetesakstype>Politisk sak</moetesakstype></registrering>"
        )

    papers = "".join(
        (
            registrering("SL", "Saksliste"),
            registrering("SF-12", "Saksframlegg", "12/24"),
            registrering("D-12", "Vedtak i møtesak", "12/24"),
            registrering("VL-12", "Vedlegg til møtesak", "12/24"),
            registrering("SP-12", "SP", "12/24"),
            registrering("MP", "Møteprotokoll"),
        )
    )
    body = (
        f'<mappe xsi:type="moetemappe"><mappeID>SG-1</mappeID>{papers}'
        "<utvalg>sg</utvalg><moetedato>2024-05-02</moetedato></mappe>"
        f'<mappe xsi:type="saksmappe">{registrering("SF-13", "Saksframlegg", "13/24")}</mappe>'
    )
    out = read(tmp_path, extract(body))
    assert rows(out, "decisions", "id", "case", "kind") == [("SF-12", "12/24", "vedtak")]
    assert rows(out, "meetings", "id", "body", "minutes") == [("SG-1", "sg", "MP")]
    assert len(rows(out, "documents", "id")) == 7
    assert out.inventory is not None
    assert out.inventory.left_out == Counter({SAME_CASE: 2, NO_MEETING: 1})


# --------------------------------------------------------------------------- schema-valid


def _uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def _valid_extract(version: str) -> str:
    """A small extract valid against the bundled schema of ``version``: every mappe and
    registrering type, nested mapper, dates with and without zones; values that a schema
    allows but a careless reader rejects (no dokumentetsDato, no tittel in v3.1)."""
    v5 = version.startswith("v5")
    date_time = "2024-02-06T23:30:00Z"
    sent = "2024-02-07" if version == "v4.0" else "2024-02-07T09:15:00.5+01:00"
    received = "2024-02-05" if version == "v4.0" else "2024-02-05T10:00:00"
    created = f"<opprettetDato>{date_time}</opprettetDato><opprettetAv>a</opprettetAv>"
    closed = "<avsluttetDato>2024-12-31T12:00:00+01:00</avsluttetDato><avsluttetAv>a</avsluttetAv>"
    base = "<arkivertDato>2024-02-08T08:00:00Z</arkivertDato><arkivertAv>a</arkivertAv>"

    def head(n: int) -> str:
        return f"<systemID>{_uuid(n)}</systemID>{created}{base}"

    def part(kind: str, name: str) -> str:
        return (
            f"<korrespondansepart><korrespondanseparttype>{kind}</korrespondanseparttype>"
            f"<korrespondansepartNavn>{name}</korrespondansepartNavn></korrespondansepart>"
        )

    parts = part("Mottaker", "Bergen kommune") + part("Avsender", "Statens vegvesen")
    if v5:  # registrering: registreringsID? tittel ... korrespondansepart*; then journalpost's
        journalpost = (
            f'<registrering xsi:type="journalpost">{head(10)}<registreringsID>2024/5-1'
            f"</registreringsID><tittel>Brev</tittel>{parts}<journalaar>2024</journalaar>"
            "<journalsekvensnummer>7</journalsekvensnummer><journalpostnummer>1"
            "</journalpostnummer><journalposttype>U</journalposttype><journalstatus>E"
            "</journalstatus><journaldato>2024-02-07Z</journaldato>"
            f"<sendtDato>{sent}</sendtDato></registrering>"
        )
        notat = (
            f'<registrering xsi:type="arkivnotat">{head(11)}<tittel>Notat</tittel>'
            f"<mottattDato>{received}</mottattDato></registrering>"
        )
        moete = (
            f'<registrering xsi:type="moeteregistrering">{head(12)}<tittel>Protokoll</tittel>'
            "<moeteregistreringstype>MP</moeteregistreringstype>"
            "<administrativEnhet>s</administrativEnhet><saksbehandler>s</saksbehandler>"
            "</registrering>"
        )
        plain = f"<registrering>{head(13)}<tittel>Registrering</tittel></registrering>"
        case = "<saksaar>2024</saksaar><sakssekvensnummer>5</sakssekvensnummer>"
    else:  # registrering, then basisregistrering (registreringsID tittel), then the type's
        journalpost = (
            f'<registrering xsi:type="journalpost">{head(10)}<registreringsID>2024/5-1'
            "</registreringsID><tittel>Brev</tittel><journalpostnummer>1</journalpostnummer>"
            "<journalposttype>Utgående dokument</journalposttype><journalstatus>Ekspedert"
            "</journalstatus><journaldato>2024-02-07+01:00</journaldato>"
            f"<sendtDato>{sent}</sendtDato>{parts}</registrering>"
        )
        notat = (
            f'<registrering xsi:type="basisregistrering">{head(11)}<registreringsID>x'
            "</registreringsID><tittel>Notat</tittel></registrering>"
        )
        moete = (
            f'<registrering xsi:type="moeteregistrering">{head(12)}<registreringsID>y'
            "</registreringsID><tittel>Protokoll</tittel><moeteregistreringstype>Møteprotokoll"
            "</moeteregistreringstype><moetesakstype>Protokoll</moetesakstype>"
            "<administrativEnhet>s</administrativEnhet><saksbehandler>s</saksbehandler>"
            "</registrering>"
        )
        plain = f"<registrering>{head(13)}</registrering>"  # v3.1/v4.0: no tittel at all
        case = ""
    saks = "<saksdato>2024-02-01</saksdato><administrativEnhet>s</administrativEnhet>"
    saks += "<saksansvarlig>s</saksansvarlig><saksstatus>Avsluttet</saksstatus>"
    mappe = (
        f'<mappe xsi:type="saksmappe"><systemID>{_uuid(20)}</systemID><mappeID>2024/5'
        f"</mappeID><tittel>Sak</tittel>{created}{closed}"
        f"<mappe><systemID>{_uuid(21)}</systemID><mappeID>u</mappeID><tittel>Undermappe"
        f"</tittel>{created}{closed}{journalpost}{notat}{plain}</mappe>{case}{saks}</mappe>"
        f'<mappe xsi:type="moetemappe"><systemID>{_uuid(22)}</systemID><mappeID>SG-1'
        f"</mappeID><tittel>Møte</tittel>{created}{closed}{moete}<moetenummer>1</moetenummer>"
        "<utvalg>Styringsgruppen</utvalg><moetedato>2024-02-08+01:00</moetedato>"
        "<moetedeltaker><moetedeltakerNavn>Ola</moetedeltakerNavn><moetedeltakerFunksjon>"
        "Sekretær</moetedeltakerFunksjon></moetedeltaker></mappe>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<arkiv xmlns="{NS}" xmlns:xsi="{XSI}">'
        f"<systemID>{_uuid(1)}</systemID><tittel>Arkiv</tittel>{created}{closed}"
        "<arkivskaper><arkivskaperID>1</arkivskaperID><arkivskaperNavn>s</arkivskaperNavn>"
        f"</arkivskaper><arkivdel><systemID>{_uuid(2)}</systemID><tittel>Del</tittel>"
        f"<arkivdelstatus>Avsluttet periode</arkivdelstatus>{created}{closed}"
        f"<klassifikasjonssystem><systemID>{_uuid(3)}</systemID><tittel>K</tittel>{created}"
        f"<klasse><systemID>{_uuid(4)}</systemID><klasseID>033</klasseID><tittel>Møter"
        f"</tittel>{created}{mappe}</klasse></klassifikasjonssystem></arkivdel></arkiv>\n"
    )


@pytest.mark.parametrize("version", schema.VERSIONS)
def test_a_schema_valid_extract_of_every_version_gives_no_dat001(
    tmp_path: Path, version: str
) -> None:
    text = _valid_extract(version)
    xsd = schema.schema(version)
    valid = xsd.validate(etree.fromstring(text.encode()))
    assert valid, [e.message for e in xsd.error_log][:3]
    root = write_repo(tmp_path / "repo", manifest_data(), {"arkivstruktur.xml": text})
    dataset = load_dataset(root)
    assert issues(dataset) == []
    documents = dataset.frame("documents")
    v5 = version.startswith("v5")
    assert documents.select("title", "date", "meeting", "archive_ref").rows() == [
        ("Brev", dt.date(2024, 2, 7), None, "2024/5-1"),  # journaldato: no dokumentetsDato
        ("Notat", dt.date(2024, 2, 5) if v5 else dt.date(2024, 2, 7), None, None if v5 else "x"),
        ("Registrering" if v5 else "Undermappe", dt.date(2024, 2, 7), None, None),
        ("Protokoll", dt.date(2024, 2, 7), "SG-1", None if v5 else "y"),
    ]
    meetings = dataset.frame("meetings").select("id", "body", "date", "minutes")
    minutes = documents.get_column("id")[3]
    assert meetings.rows() == [("SG-1", "sg", dt.date(2024, 2, 8), minutes)]
    [(party, sent)] = dataset.frame("distributions").select("party", "sent").rows()
    assert party == "bergen"
    assert sent.date() == dt.date(2024, 2, 7)


def test_validate_schema_check_reports_dat008_at_the_line(tmp_path: Path) -> None:
    from secretariat_rules.testing import run_cli

    root = tmp_path / "repo"
    shutil.copytree(NOARK_FIXTURE, root)
    text = (root / "arkivstruktur.xml").read_text(encoding="utf-8")
    broken = text.replace("<moetested>", "<moetestad/><moetested>", 1)
    (root / "arkivstruktur.xml").write_text(broken, encoding="utf-8")
    line = next(n for n, t in enumerate(broken.splitlines(), start=1) if "<moetestad/>" in t)
    assert run_cli("validate", root, "--format", "json").triples() == []
    run = run_cli("validate", root, "--schema-check", "--format", "json")
    assert run.triples() == [("DAT008", "files/arkivstruktur.xml", (f"arkivstruktur.xml:{line}",))]


def test_an_unknown_utvalg_is_still_a_meeting_whose_body_dangles(tmp_path: Path) -> None:
    text = (
        f'<n5:arkiv xmlns:n5="{NS}" xmlns:x="{XSI}"><n5:arkivdel><n5:mappe x:type="n5:moetemappe">'
        "<n5:mappeID>AU-1</n5:mappeID><n5:utvalg>Arbeidsutvalget</n5:utvalg>"
        "<n5:moetedato>2024-04-04</n5:moetedato></n5:mappe></n5:arkivdel></n5:arkiv>"
    )
    root = write_repo(tmp_path / "repo", manifest_data(), {"arkivstruktur.xml": text})
    dataset = load_dataset(root)
    assert issues(dataset) == [("DAT003", "meetings/AU-1")]  # a record, left out as dangling
