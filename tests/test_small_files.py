"""Small CSV and JSON files are read by the reference readers, larger ones by polars.

Below ``SMALL_CSV_BYTES`` / ``SMALL_JSON_BYTES`` the csv module and the exact JSON reader
are the faster ones (issue 13); the polars paths must give what they give
(``tests/test_csv_fast.py``, ``tests/test_json_fast.py``), so the choice changes no
result. These tests check which reader a file takes and that both sides of the threshold
read the same records.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import secretariat_rules.sources.csv_reader as csv_reader
import secretariat_rules.sources.json_reader as json_reader
from secretariat_rules.sources.readers import parse_csv, read_table
from secretariat_rules.sources.rows import RawTable


def _refuse(*args: object) -> None:
    raise AssertionError("took the polars path")


def _spied(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    """Record the length of the bytes each call of ``module.name`` gets (it still runs)."""
    taken: list[int] = []
    fast = getattr(module, name)

    def spy(data: bytes, *args: object) -> object:
        taken.append(len(data))
        return fast(data, *args)

    monkeypatch.setattr(module, name, spy)
    return taken


def _rows(table: RawTable) -> tuple[object, ...]:
    return table.columns, table.header_line, table.frame.schema, table.frame.rows()


def _csv(rows: int) -> bytes:
    lines = ["id,title,date"] + [
        f'D{i},"Sak {i}, del {i}",2024-03-{1 + i % 28:02d}' for i in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode()


def _json(records: int) -> bytes:
    items = [json.dumps({"id": f"D{i}", "title": f"Sak {i}"}) for i in range(records)]
    return ("[\n" + ",\n".join(items) + "\n]\n").encode()


def test_a_small_csv_is_read_by_the_csv_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _csv(20)
    assert len(data) < csv_reader.SMALL_CSV_BYTES
    (tmp_path / "documents.csv").write_bytes(data)
    monkeypatch.setattr(csv_reader, "_csv_fast_utf8", _refuse)
    table = read_table(tmp_path / "documents.csv", tmp_path, "documents")
    exact = parse_csv(data.decode(), "documents.csv", "documents", fast=False)
    assert _rows(table) == _rows(exact)
    assert table.frame.get_column("_line").to_list() == list(range(2, 22))


def test_a_larger_csv_is_read_by_polars(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _csv(2000)
    assert len(data) >= csv_reader.SMALL_CSV_BYTES
    (tmp_path / "documents.csv").write_bytes(data)
    taken = _spied(monkeypatch, csv_reader, "_csv_fast_utf8")
    table = read_table(tmp_path / "documents.csv", tmp_path, "documents")
    assert taken == [len(data)]
    exact = parse_csv(data.decode(), "documents.csv", "documents", fast=False)
    assert _rows(table) == _rows(exact)


def test_a_small_windows_1252_csv_is_still_decoded(tmp_path: Path) -> None:
    (tmp_path / "documents.csv").write_bytes("id,title\nD1,Bømlo\n".encode("cp1252"))
    table = read_table(tmp_path / "documents.csv", tmp_path, "documents")
    assert table.frame.select("id", "title", "_line").rows() == [("D1", "Bømlo", 2)]


def test_a_small_json_is_read_by_the_exact_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _json(20)
    assert len(data) < json_reader.SMALL_JSON_BYTES
    (tmp_path / "documents.json").write_bytes(data)
    monkeypatch.setattr(json_reader, "_json_fast", _refuse)
    table = read_table(tmp_path / "documents.json", tmp_path, "documents")
    exact = json_reader.parse_json(data.decode(), "documents.json", "documents")
    assert _rows(table) == _rows(exact)
    assert table.frame.get_column("_line").to_list() == list(range(2, 22))


def test_a_larger_json_is_read_by_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _json(1000)
    assert len(data) >= json_reader.SMALL_JSON_BYTES
    (tmp_path / "documents.json").write_bytes(data)
    taken = _spied(monkeypatch, json_reader, "_json_fast")
    table = read_table(tmp_path / "documents.json", tmp_path, "documents")
    assert taken == [len(data)]
    exact = json_reader.parse_json(data.decode(), "documents.json", "documents")
    assert _rows(table) == _rows(exact)


@pytest.mark.parametrize("rows", [1, 900, 950, 2000])  # 945 rows are SMALL_CSV_BYTES
def test_both_sides_of_the_csv_threshold_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int
) -> None:
    (tmp_path / "documents.csv").write_bytes(_csv(rows))
    chosen = read_table(tmp_path / "documents.csv", tmp_path, "documents")
    monkeypatch.setattr(csv_reader, "SMALL_CSV_BYTES", 0)
    polars_read = read_table(tmp_path / "documents.csv", tmp_path, "documents")
    assert _rows(chosen) == _rows(polars_read)


@pytest.mark.parametrize("records", [1, 200, 250, 1000])  # 235 records are SMALL_JSON_BYTES
def test_both_sides_of_the_json_threshold_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, records: int
) -> None:
    (tmp_path / "documents.json").write_bytes(_json(records))
    chosen = read_table(tmp_path / "documents.json", tmp_path, "documents")
    monkeypatch.setattr(json_reader, "SMALL_JSON_BYTES", 0)
    fast_read = read_table(tmp_path / "documents.json", tmp_path, "documents")
    assert _rows(chosen) == _rows(fast_read)
