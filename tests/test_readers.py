"""Readers: raw text with exact provenance from CSV, YAML, JSON and Excel (SPEC §2, §9)."""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest

import secretariat_rules.sources.csv_reader as csv_reader
from secretariat_rules.exceptions import DataFileError
from secretariat_rules.i18n.message import render_text
from secretariat_rules.sources.readers import READERS, RawTable, parse_csv, read_table


def _en(error: DataFileError) -> str:
    """The error's message in English (what these tests assert)."""
    return render_text(error.message, "en")


def _write(root: Path, name: str, content: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def _read(root: Path, name: str, content: str | bytes) -> RawTable:
    return read_table(_write(root, name, content), root, "meetings")


def _rows(table: RawTable) -> list[dict[str, Any]]:
    return table.frame.to_dicts()


def _records(table: RawTable) -> list[tuple[Any, ...]]:
    """Data cells and ``_line`` of every row."""
    return table.frame.select(*table.columns, "_line").rows()


def _error(root: Path, name: str, content: str | bytes) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        _read(root, name, content)
    return info.value


# --------------------------------------------------------------------------- CSV


def test_csv_basic_table(tmp_path: Path) -> None:
    table = _read(tmp_path, "meetings.csv", "id,body,date\nM1,sg,2024-03-01\nM2,sg,01.03.2024\n")
    assert table.collection == "meetings"
    assert table.path == "meetings.csv"
    assert table.header_line == 1
    assert table.columns == ("id", "body", "date")
    assert table.frame.schema == pl.Schema(
        {
            "id": pl.Utf8,
            "body": pl.Utf8,
            "date": pl.Utf8,
            "_line": pl.Int64,
            "_pointer": pl.Utf8,
            "_problems": pl.Utf8,
        }
    )
    assert _rows(table) == [
        {
            "id": "M1",
            "body": "sg",
            "date": "2024-03-01",
            "_line": 2,
            "_pointer": None,
            "_problems": None,
        },
        {
            "id": "M2",
            "body": "sg",
            "date": "01.03.2024",
            "_line": 3,
            "_pointer": None,
            "_problems": None,
        },
    ]


def test_csv_path_is_posix_relative_to_root(tmp_path: Path) -> None:
    path = _write(tmp_path, "data/2024/meetings.csv", "id\nM1\n")
    assert read_table(path, tmp_path, "meetings").path == "data/2024/meetings.csv"


def test_csv_utf8_bom(tmp_path: Path) -> None:
    table = _read(tmp_path, "m.csv", b"\xef\xbb\xbfid;navn\r\nM1;Bj\xc3\xb8rnafjorden\r\n")
    assert table.columns == ("id", "navn")
    assert _records(table) == [("M1", "Bjørnafjorden", 2)]


def test_csv_windows_1252(tmp_path: Path) -> None:
    content = "id;navn;beløp\r\nM1;Bjørnafjorden;kr 825 000\r\nM2;Ålesund – Søre;−1\r\n"
    table = _read(tmp_path, "m.csv", content.replace("−", "-").encode("cp1252"))
    assert table.columns == ("id", "navn", "beløp")
    assert _records(table) == [
        ("M1", "Bjørnafjorden", "kr 825 000", 2),
        ("M2", "Ålesund – Søre", "-1", 3),
    ]


def test_csv_undefined_cp1252_byte_is_an_error_with_line(tmp_path: Path) -> None:
    error = _error(tmp_path, "m.csv", b"id;navn\nM1;a\nM2;b\x81c\n")
    assert error.path == "m.csv"
    assert error.line == 3
    assert "neither UTF-8 nor Windows-1252" in _en(error)


def test_csv_utf16_is_refused(tmp_path: Path) -> None:
    error = _error(tmp_path, "m.csv", "id\tx\n".encode("utf-16"))
    assert "UTF-16" in _en(error)


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("id;body;date", ";"),
        ("id,body,date", ","),
        ('"a,b";c;d', ";"),  # commas inside quotes do not count
        ("id;body,date", ","),  # a tie goes to the comma
    ],
)
def test_csv_delimiter_detected(tmp_path: Path, header: str, delimiter: str) -> None:
    assert csv_reader._detect_delimiter(header + "\nx\n") == delimiter


def test_csv_semicolons(tmp_path: Path) -> None:
    table = _read(tmp_path, "m.csv", 'id;title;amount\nE1;"Prop. 11 S; side 2";825 000,50\n')
    assert _records(table) == [("E1", "Prop. 11 S; side 2", "825 000,50", 2)]


def test_csv_multiline_cell_and_blank_lines_keep_exact_lines(tmp_path: Path) -> None:
    content = (
        "id,title,kind\n"  # 1
        "\n"  # 2 blank
        'D1,"first line\n'  # 3
        "second line\n"  # 4
        '""quoted"" third",vedtak\n'  # 5
        "D2,plain,orientering\n"  # 6
        "   \n"  # 7 blank (whitespace)
        ",,\n"  # 8 empty record
        'D3,"a\r\nb",vedtak\n'  # 9-10
        "D4,x,vedtak"  # 11, no final newline
    )
    table = _read(tmp_path, "decisions.csv", content)
    assert _records(table) == [
        ("D1", 'first line\nsecond line\n"quoted" third', "vedtak", 3),
        ("D2", "plain", "orientering", 6),
        ("D3", "a\r\nb", "vedtak", 9),
        ("D4", "x", "vedtak", 11),
    ]


def test_csv_crlf_and_lone_cr(tmp_path: Path) -> None:
    crlf = _read(tmp_path, "a.csv", "id,x\r\nA,1\r\n\r\nB,2\r\n")
    assert _records(crlf) == [("A", "1", 2), ("B", "2", 4)]
    cr = _read(tmp_path, "b.csv", "id,x\rA,1\r\rB,2\r")
    assert _records(cr) == [("A", "1", 2), ("B", "2", 4)]


def test_csv_leading_blank_lines_and_padded_header(tmp_path: Path) -> None:
    table = _read(tmp_path, "m.csv", "\n \n id , \u00a0body\u00a0\nM1,sg\n")
    assert table.header_line == 3
    assert table.columns == ("id", "body")
    assert _records(table) == [("M1", "sg", 4)]


def test_csv_cells_are_raw_text_and_empty_is_null(tmp_path: Path) -> None:
    table = _read(tmp_path, "m.csv", 'id,a,b,c\nM1, x ,"",\n')
    assert _records(table) == [("M1", " x ", None, None, 2)]


def test_csv_short_and_long_rows(tmp_path: Path) -> None:
    table = _read(tmp_path, "m.csv", "id,a,b\nM1\nM2,1,2,3\nM3,1,2,,\nM4,1,2\n")
    assert _rows(table) == [
        {"id": "M1", "a": None, "b": None, "_line": 2, "_pointer": None, "_problems": None},
        {
            "id": "M2",
            "a": "1",
            "b": "2",
            "_line": 3,
            "_pointer": None,
            "_problems": "row has 4 cells, the header has 3",
        },
        {"id": "M3", "a": "1", "b": "2", "_line": 4, "_pointer": None, "_problems": None},
        {"id": "M4", "a": "1", "b": "2", "_line": 5, "_pointer": None, "_problems": None},
    ]


def test_csv_empty_header_cells(tmp_path: Path) -> None:
    unused = _read(tmp_path, "a.csv", "id;;name;;\nM1;;x;;\nM2;;y\n")
    assert unused.columns == ("id", "name")
    assert _records(unused) == [("M1", "x", 2), ("M2", "y", 3)]
    used = _read(tmp_path, "b.csv", "id;;name\nM1;;x\nM2;oops;y\n")
    assert used.columns == ("id", "name")
    assert used.frame["_problems"].to_list() == [None, "cell 2 has a value but no column name"]


def test_csv_quote_inside_an_unquoted_cell_is_literal(tmp_path: Path) -> None:
    table = _read(tmp_path, "m.csv", 'id,title\nM1,5" pipe\nM2,ok\n')
    assert _records(table) == [("M1", '5" pipe', 2), ("M2", "ok", 3)]


def test_csv_header_only_and_empty_file(tmp_path: Path) -> None:
    header_only = _read(tmp_path, "a.csv", "id,body\n")
    assert header_only.columns == ("id", "body")
    assert header_only.frame.height == 0
    assert header_only.frame.columns == ["id", "body", "_line", "_pointer", "_problems"]
    for content in ("", "\n\n  \n"):
        empty = _read(tmp_path, "b.csv", content)
        assert (empty.columns, empty.header_line, empty.frame.height) == ((), None, 0)


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        ('id,title\nM1,ok\nM2,"never closed\nM3,x\n', 3, "malformed CSV"),
        ('id,title\nM1,"closed"junk\n', 2, "malformed CSV"),
        ("id,id\nM1,M2\n", 1, "column 'id' appears twice"),
        ("id,_line\nM1,2\n", 1, "reserved"),
    ],
)
def test_csv_errors_name_the_line(tmp_path: Path, content: str, line: int, fragment: str) -> None:
    error = _error(tmp_path, "m.csv", content)
    assert error.line == line
    assert fragment in _en(error)
    assert str(error).startswith(f"m.csv:{line}: ")


CSV_CASES = [
    "id,a\nM1,1\n",
    "id,a\n\nM1,1\n\n\nM2,2\n\n",
    'id,a\nM1,"x\ny"\nM2,"p ""q"""\n',
    'id;a\r\nM1;"x\r\ny"\r\n\r\nM2;2',
    "id,a,b\nM1\nM2,1,2,3\n",
    "id,,b\nM1,,2\nM2,x,3\n",
    'id,a\nM1,ab"c\n',
    "id,a\rM1,1\r",
    '"i\nd",a\nM1,1\n',
    " id , a \n  \n,\nM1 , 1 \n",
    "id,a\n",
    "",
]


@pytest.mark.parametrize("content", CSV_CASES)
def test_csv_fast_path_equals_csv_module(content: str) -> None:
    fast = parse_csv(content, "m.csv", "meetings")
    slow = parse_csv(content, "m.csv", "meetings", fast=False)
    assert (fast.columns, fast.header_line) == (slow.columns, slow.header_line)
    assert fast.frame.equals(slow.frame)


def test_csv_fast_path_is_taken_for_well_formed_quoting(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_slow_path(*args: object) -> RawTable:
        raise AssertionError("fell back to the csv module")

    monkeypatch.setattr(csv_reader, "_csv_slow", no_slow_path)
    table = parse_csv('id,a\n\nM1,"x\ny, ""z"""\nM2,2\n', "m.csv", "m")
    assert _records(table) == [("M1", 'x\ny, "z"', 3), ("M2", "2", 5)]


def test_csv_large_file_lines(tmp_path: Path) -> None:
    rows = [f'E{i},"line {i}\nmore",{i}' if i % 7 == 0 else f"E{i},t{i},{i}" for i in range(5000)]
    table = _read(tmp_path, "e.csv", "id,title,n\n" + "\n".join(rows) + "\n")
    lines = table.frame["_line"].to_list()
    expected, line = [], 2
    for i in range(5000):
        expected.append(line)
        line += 2 if i % 7 == 0 else 1
    assert lines == expected


# --------------------------------------------------------------------------- YAML

YAML = """\
# meetings
- id: M1
  date: 2024-03-01
  amount: 825000.5
  grouped: 825.000
  whole: 825000
  flag: no
  empty:
  tilde: ~
  quoted: "null"

-   id: M2            # line 12
    secretariat_present: Ja
- {id: M3, date: 01.03.2024}
-
  id: M4
"""


def test_yaml_values_are_raw_text_with_lines(tmp_path: Path) -> None:
    table = _read(tmp_path, "meetings.yaml", YAML)
    assert table.header_line is None
    assert table.columns == (
        "id",
        "date",
        "amount",
        "grouped",
        "whole",
        "flag",
        "empty",
        "tilde",
        "quoted",
        "secretariat_present",
    )
    first = _rows(table)[0]
    assert first == {
        "id": "M1",
        "date": "2024-03-01",
        "amount": "825000,5",
        "grouped": "825.000",
        "whole": "825000",
        "flag": "no",
        "empty": None,
        "tilde": None,
        "quoted": "null",
        "secretariat_present": None,
        "_line": 2,
        "_pointer": None,
        "_problems": None,
    }
    assert table.frame.select("id", "_line").rows() == [
        ("M1", 2),
        ("M2", 12),
        ("M3", 14),
        ("M4", 16),
    ]


def test_yaml_structural_problems(tmp_path: Path) -> None:
    content = (
        "- id: M1\n"
        "  attendees: [a, b]\n"
        "  meta: {x: 1}\n"
        "- just text\n"
        "- id: M2\n"
        "  id: M3\n"
        "- {}\n"
        "- _line: 5\n"
    )
    table = _read(tmp_path, "m.yml", content)
    assert table.frame.select("id", "_line", "_problems").rows() == [
        (
            "M1",
            1,
            "field 'attendees' holds a list; one fact per row; "
            "field 'meta' holds a mapping; one fact per row",
        ),
        (None, 4, "record is not a mapping"),
        (None, 5, "field 'id' is given more than once"),
        (None, 7, None),
        (None, 8, "field name '_line' is reserved"),
    ]


@pytest.mark.parametrize("content", ["", "# nothing\n", "~\n", "null\n", "[]\n"])
def test_yaml_empty(tmp_path: Path, content: str) -> None:
    table = _read(tmp_path, "m.yaml", content)
    assert (table.columns, table.frame.height) == ((), 0)


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        ("- id: M1\n- id: [M2\n", 3, "invalid YAML"),
        ("- id: M1\n  date: 2024\n bad: x\n", 3, "invalid YAML"),
        ("- a: *nope\n", 1, "invalid YAML"),
        ("id: M1\nbody: sg\n", 1, "expected a list of records"),
        ("\n\n'just text'\n", 3, "expected a list of records"),
        ("- id: M1\n---\n- id: M2\n", 2, "invalid YAML"),
        ("- id: M1\n- id: \x07\n", 2, "invalid YAML"),
    ],
)
def test_yaml_errors_name_the_line(tmp_path: Path, content: str, line: int, fragment: str) -> None:
    error = _error(tmp_path, "m.yaml", content)
    assert (error.line, error.path) == (line, "m.yaml")
    assert fragment in _en(error)


def test_yaml_is_never_executed(tmp_path: Path) -> None:
    content = "- id: !!python/object/apply:os.system ['echo pwned']\n"
    table = _read(tmp_path, "m.yaml", content)
    assert table.frame["id"].to_list() == [None]
    assert table.frame["_problems"].to_list() == ["field 'id' holds a list; one fact per row"]


def test_yaml_windows_1252(tmp_path: Path) -> None:
    table = _read(tmp_path, "m.yaml", "- navn: Bjørnafjorden\n".encode("cp1252"))
    assert _records(table) == [("Bjørnafjorden", 1)]


# --------------------------------------------------------------------------- JSON

JSON = """\
[
  {"id": "E1", "amount_nok": 825000.50, "count": 12, "ok": true,
   "no": false, "none": null, "text": "kr 825 000"},

  {"id": "E2",
   "amount_nok": 1e3}, {"id": "E3", "amount_nok": 825000.0},
  {
    "id": "E4"
  }
]
"""


def test_json_values_and_lines(tmp_path: Path) -> None:
    table = _read(tmp_path, "expenditures.json", JSON)
    assert table.header_line is None
    assert table.columns == ("id", "amount_nok", "count", "ok", "no", "none", "text")
    assert _records(table) == [
        ("E1", "825000,5", "12", "true", "false", None, "kr 825 000", 2),
        ("E2", "1000", None, None, None, None, None, 5),
        ("E3", "825000", None, None, None, None, None, 6),
        ("E4", None, None, None, None, None, None, 7),
    ]


def test_json_structural_problems(tmp_path: Path) -> None:
    content = '[{"id": "E1", "tags": ["a"]},\n "text",\n {"id": "E2", "id": "E3", "m": {}}]'
    table = _read(tmp_path, "e.json", content)
    assert table.frame.select("id", "_line", "_problems").rows() == [
        ("E1", 1, "field 'tags' holds a list; one fact per row"),
        (None, 2, "record is not an object"),
        (
            None,
            3,
            "field 'id' is given more than once; field 'm' holds a mapping; one fact per row",
        ),
    ]


@pytest.mark.parametrize("content", ["", "  \n", "null", "[]", "[\n]\n"])
def test_json_empty(tmp_path: Path, content: str) -> None:
    table = _read(tmp_path, "e.json", content)
    assert (table.columns, table.frame.height) == ((), 0)


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        ('[\n  {"id": "E1"},\n  {"id": }\n]', 3, "invalid JSON"),
        ('[\n  {"id": "E1"}\n  {"id": "E2"}\n]', 3, "expected ',' or ']'"),
        ('[{"id": "E1"},]', 1, "invalid JSON"),
        ('[{"id": "E1"}]\n\nextra', 3, "extra data"),
        ('{"id": "E1"}', 1, "expected a JSON array"),
        ('\n"text"', 2, "expected a JSON array"),
        ('[\n{"amount": NaN}]', 2, "NaN is not valid JSON"),
        ('[\n{"id": "E1"', 2, "invalid JSON"),
        ("[" * 100_000, 1, "invalid JSON"),
    ],
)
def test_json_errors_name_the_line(tmp_path: Path, content: str, line: int, fragment: str) -> None:
    error = _error(tmp_path, "e.json", content)
    assert (error.line, error.path) == (line, "e.json")
    assert fragment in _en(error)


# --------------------------------------------------------------------------- XLSX


def _workbook(
    rows: list[list[Any]], title: str = "Møter", at: dict[str, Any] | None = None
) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cell, value in (at or {}).items():
        sheet[cell] = value
    workbook.create_sheet("Other").append(["not", "read"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_rows_pointers_and_cell_text(tmp_path: Path) -> None:
    content = _workbook(
        [
            [" id ", "date", "sent", "amount", "present", "n"],
            ["M1", dt.datetime(2024, 3, 1), dt.datetime(2024, 3, 1, 14, 30), 825000.0, True, 3],
            [None, None, None, None, None, None],
            [
                "  M2 ",
                dt.date(2024, 3, 2),
                dt.datetime(2024, 3, 1, 14, 29, 59, 999000),
                825000.5,
                False,
                "",
            ],
        ]
    )
    table = _read(tmp_path, "meetings.xlsx", content)
    assert table.header_line == 1
    assert table.columns == ("id", "date", "sent", "amount", "present", "n")
    assert _rows(table) == [
        {
            "id": "M1",
            "date": "2024-03-01",
            "sent": "2024-03-01T14:30:00",
            "amount": "825000",
            "present": "true",
            "n": "3",
            "_line": 2,
            "_pointer": "Møter!2",
            "_problems": None,
        },
        {
            "id": "M2",
            "date": "2024-03-02",
            "sent": "2024-03-01T14:30:00",
            "amount": "825000,5",
            "present": "false",
            "n": None,
            "_line": 4,
            "_pointer": "Møter!4",
            "_problems": None,
        },
    ]


def test_xlsx_rows_after_gaps_keep_their_numbers(tmp_path: Path) -> None:
    content = _workbook([["id", "body"]], at={"A7": "M7", "B7": "sg", "A9": "M9"})
    table = _read(tmp_path, "m.xlsx", content)
    assert table.frame.select("id", "body", "_line", "_pointer").rows() == [
        ("M7", "sg", 7, "Møter!7"),
        ("M9", None, 9, "Møter!9"),
    ]


def test_xlsx_value_without_column_name(tmp_path: Path) -> None:
    content = _workbook([["id", None, "body"], ["M1", "x", "sg"], ["M2", None, None, "y"]])
    table = _read(tmp_path, "m.xlsx", content)
    assert table.columns == ("id", "body")
    assert table.frame["_problems"].to_list() == [
        "cell B2 has a value but no column name",
        "cell D3 has a value but no column name",
    ]


def test_xlsx_empty_sheet(tmp_path: Path) -> None:
    table = _read(tmp_path, "m.xlsx", _workbook([]))
    assert (table.columns, table.frame.height) == ((), 0)


def test_xlsx_header_only(tmp_path: Path) -> None:
    table = _read(tmp_path, "m.xlsx", _workbook([["id", "body"]]))
    assert (table.columns, table.frame.height) == (("id", "body"), 0)


@pytest.mark.parametrize(
    ("rows", "at", "line", "fragment"),
    [
        ([], {"A3": "M1"}, 1, "header row (row 1) is empty"),
        ([["id", "id"], ["M1", "M2"]], None, 1, "column 'id' appears twice"),
    ],
)
def test_xlsx_header_errors(
    tmp_path: Path, rows: list[list[Any]], at: dict[str, Any] | None, line: int, fragment: str
) -> None:
    error = _error(tmp_path, "m.xlsx", _workbook(rows, at=at))
    assert error.line == line
    assert fragment in _en(error)


def test_xlsx_not_a_workbook(tmp_path: Path) -> None:
    error = _error(tmp_path, "m.xlsx", b"id,body\nM1,sg\n")
    assert error.path == "m.xlsx"
    assert "cannot open the workbook" in _en(error)


def _replace_member(content: bytes, suffix: str, change: Any) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, change(data) if item.filename.endswith(suffix) else data)
    return out.getvalue()


def test_xlsx_truncated_sheet_xml(tmp_path: Path) -> None:
    content = _workbook([["id", "body"]] + [[f"M{i}", "sg"] for i in range(50)])
    broken = _replace_member(content, "sheet1.xml", lambda data: data[: len(data) // 2])
    assert "workbook" in _en(_error(tmp_path, "m.xlsx", broken))


def test_xlsx_entities_are_refused(tmp_path: Path) -> None:
    assert openpyxl.DEFUSEDXML is True
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    content = _workbook([["id"], ["M1"]])
    broken = _replace_member(content, "sheet1.xml", lambda data: bomb + data)
    message = _en(_error(tmp_path, "m.xlsx", broken))
    assert message.startswith("cannot open the workbook: ")
    assert "EntitiesForbidden" in message
    assert str(tmp_path) not in message


# --------------------------------------------------------------------------- dispatch


def test_readers_by_suffix() -> None:
    assert set(READERS) == {".csv", ".yaml", ".yml", ".json", ".xlsx"}


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    assert _records(_read(tmp_path, "M.CSV", "id\nM1\n")) == [("M1", 2)]


def test_unsupported_suffix_and_missing_file(tmp_path: Path) -> None:
    assert "unsupported file type" in _en(_error(tmp_path, "m.txt", "id\n"))
    for name in ("absent.csv", "absent.yaml", "absent.json", "absent.xlsx"):
        with pytest.raises(DataFileError) as info:
            read_table(tmp_path / name, tmp_path, "meetings")
        assert info.value.path == name


# --------------------------------------------------------------------------- bad input


def _mutations(seed: bytes, count: int, rng: random.Random) -> list[bytes]:
    out = []
    for _ in range(count):
        data = bytearray(seed)
        for _ in range(rng.randint(1, 4)):
            position = rng.randrange(len(data) + 1)
            action = rng.randrange(3)
            if action == 0 and data:
                del data[position : position + rng.randint(1, 8)]
            elif action == 1:
                data[position:position] = bytes(
                    rng.randrange(256) for _ in range(rng.randint(1, 4))
                )
            else:
                data[position:position] = rng.choice([b'"', b"\n", b"\r", b"[", b"{", b":", b";"])
        out.append(bytes(data))
    return out


@pytest.mark.parametrize(
    ("name", "seed"),
    [
        ("m.csv", b'id;title;amount\nM1;"a\nb";kr 825 000\nM2;"x ""y""";1\n\nM3;z;2\n'),
        ("m.yaml", YAML.encode()),
        ("m.json", JSON.encode()),
        ("m.xlsx", _workbook([["id", "date"], ["M1", dt.datetime(2024, 3, 1)], ["M2", 3.5]])),
    ],
)
def test_bad_input_raises_only_data_file_error(tmp_path: Path, name: str, seed: bytes) -> None:
    rng = random.Random(name)
    path = tmp_path / name
    count = 40 if name.endswith(".xlsx") else 300
    garbage = bytes(rng.randrange(256) for _ in range(64))
    for content in [*_mutations(seed, count, rng), garbage]:
        path.write_bytes(content)
        try:
            table = read_table(path, tmp_path, "meetings")
        except DataFileError:
            continue
        assert table.frame.columns[-3:] == ["_line", "_pointer", "_problems"]
        assert table.frame["_line"].null_count() == 0
