"""The CSV reader on the file's bytes (polars) gives exactly what the csv module gives."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import secretariat_rules.sources.csv_reader as csv_reader
from secretariat_rules.exceptions import DataFileError
from secretariat_rules.sources.chunks import chunked_as, in_parts, slices
from secretariat_rules.sources.readers import parse_csv, read_table
from secretariat_rules.sources.rows import decode_text


@pytest.fixture(autouse=True)
def every_file_takes_the_polars_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the polars path: no file is small enough to skip it."""
    monkeypatch.setattr(csv_reader, "SMALL_CSV_BYTES", 0)


CASES = [
    b"id,body\nM1,sg\nM2,sg\n",
    b"\xef\xbb\xbfid,body\r\nM1,sg\r\nM2,sg\r\n",
    b"\n \nid;body;note\nM1;sg;a,b\n\n   \nM2;;\n\n\n",
    b'id,text\nM1,"two\nlines"\nM2,"say ""hi"""\nM3,x\n',
    b'"i\nd",text\nM1,x\nM2,y',
    b"id,,body\nM1,,sg\nM2,,\n",
    b"id,,body\nM1,stray,sg\n",
    b"id,body\nM1,sg,extra\nM2\n",
    b"id,body\nM1,s\xf8\nM2,\xe6\n",  # Windows-1252
    b"id,b\xf8dy\nM1,x\n",
    "id,tekst\nM1,blåbær\nM2,  \u3000 \n,\n".encode(),
    b"id,body\rM1,sg\r",
    b'id,body\nM1,"unclosed\n',
    b'id,body\nM1,a"b\n',
    b"id,body\n",
    b"",
]


@pytest.mark.parametrize("data", CASES)
def test_bytes_path_equals_csv_module(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "m.csv"
    path.write_bytes(data)
    text = decode_text(data, "m.csv")
    try:
        exact = parse_csv(text, "m.csv", "meetings", fast=False)
    except DataFileError as error:
        with pytest.raises(DataFileError) as info:
            read_table(path, tmp_path, "meetings")
        assert (info.value.line, info.value.message) == (error.line, error.message)
        return
    table = read_table(path, tmp_path, "meetings")
    assert (table.columns, table.header_line) == (exact.columns, exact.header_line)
    assert table.frame.schema == exact.frame.schema
    assert table.frame.rows() == exact.frame.rows()


def test_valid_utf8_is_not_decoded_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.csv"
    path.write_bytes(b"id,body\n" + b"M1,sg\n" * 100)

    def refuse(data: bytes, rel: str) -> str:
        raise AssertionError("decoded")

    monkeypatch.setattr(csv_reader, "decode_text", refuse)
    assert read_table(path, tmp_path, "meetings").frame.height == 100


def test_utf16_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_bytes("id,body\nM1,sg\n".encode("utf-16"))
    with pytest.raises(DataFileError) as info:
        read_table(path, tmp_path, "meetings")
    assert info.value.line == 1


def _large_csv(rows: int, quoted: bool) -> str:
    lines = [
        f'E{i},"line {i}\nmore",{i}'
        if quoted and i % 7 == 0
        else f"E{i},t{i}," + ("" if i % 5 else f"{i}")
        for i in range(rows)
    ]
    return "id,title,n\n\n" + "\n".join(lines) + "\n\n"


@pytest.mark.parametrize("quoted", [False, True])
def test_the_frame_keeps_polars_chunks(quoted: bool) -> None:
    """Each column comes in the chunks polars read it in (element-wise work downstream runs
    in parallel over them), and the cells and lines equal the csv module's."""
    text = _large_csv(20_000, quoted)
    table = parse_csv(text, "m.csv", "meetings")
    exact = parse_csv(text, "m.csv", "meetings", fast=False)
    assert table.frame.equals(exact.frame)
    lengths = {tuple(s.chunk_lengths()) for s in table.frame.get_columns()}
    assert len(lengths) == 1
    read = pl.read_csv(text.encode(), infer_schema=False)
    assert table.frame.n_chunks() == read.n_chunks()


def test_aligned_cuts_a_series_like_a_frame() -> None:
    series = pl.Series("x", range(10))
    cut = chunked_as(series, [3, 0, 7])
    assert cut.chunk_lengths() == [3, 7] or cut.chunk_lengths() == [3, 0, 7]
    assert cut.to_list() == list(range(10))
    assert chunked_as(series, [10]) is series


def test_the_body_is_read_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """polars skips the header's lines itself: the body is not copied out of the bytes."""
    data = b"\xef\xbb\xbf" + b'"i\nd",text\n\n \nM1,x\nM2,"a\nb"\n'
    seen: list[bytes] = []
    read_csv = pl.read_csv

    def spy(source: bytes, **kwargs: object) -> pl.DataFrame:
        seen.append(source)
        return read_csv(source, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(csv_reader.pl, "read_csv", spy)
    table = csv_reader._csv_fast_utf8(data, "m.csv", "meetings", 3)
    assert table is not None
    assert seen == [data] and seen[0] is data
    assert table.frame.select("i\nd", "text", "_line").rows() == [("M1", "x", 5), ("M2", "a\nb", 6)]


def test_slices_and_parts_keep_every_value_in_order() -> None:
    series = pl.Series("x", range(10))
    assert [s.to_list() for s in slices(series, [4, 0, 6])] == [
        [0, 1, 2, 3],
        [],
        [4, 5, 6, 7, 8, 9],
    ]
    parts = in_parts(series, 4)
    assert parts.chunk_lengths() == [3, 3, 3, 1]
    assert parts.to_list() == list(range(10))
