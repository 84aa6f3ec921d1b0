"""The orjson fast path of the JSON reader gives exactly what the exact reader gives."""

from __future__ import annotations

import random

import pytest

from secretariat_rules.sources.json_reader import _json_fast, _json_lines, parse_json
from secretariat_rules.sources.rows import RawTable


def _same(fast: RawTable, exact: RawTable) -> None:
    assert fast.columns == exact.columns
    assert fast.header_line == exact.header_line
    assert fast.frame.schema == exact.frame.schema
    assert fast.frame.rows() == exact.frame.rows()


TAKEN = [
    '[{"id": "E1", "n": 12, "ok": true, "no": false, "none": null, "t": "kr 825 000"}]',
    '[\n  {"id": "E1", "b": "x"},\n  {"b": "y", "id": "E2"},\n  {"id": "E3"}\n]\n',
    '[{"id": "E1"},\n\n\n {"other": "x", "id": "E2"}, {"id": "E3"}]',
    '[\n{\n"id": "a\\"b", "q": "\\\\"\n},\n{"id": "\\u00f8 \\ud83d\\ude00", "n": -0}]',
    '[{"id": ""}, {"id": "\\u2028 line"}, {"id": "æøå", "n": 18446744073709551615}]',
    '  [ {"a": "1"} ] \n',
]


@pytest.mark.parametrize("content", TAKEN)
def test_fast_path_taken_and_exact(content: str) -> None:
    fast = _json_fast(content.encode(), "e.json", "c")
    assert fast is not None
    _same(fast, parse_json(content, "e.json", "c"))


NOT_TAKEN = [
    '[{"id": "E1", "id": "E2"}]',  # a key twice: orjson keeps one silently
    '[{"id": "E1", "x": "a", "x": "b"}]',
    '[{"amount": 1.5}]',  # a float needs its literal (1,5)
    '[{"amount": 100000000000000000000000}]',  # orjson makes it a float
    '[{"id": "E1", "tags": ["a"]}]',
    '[{"id": "E1", "m": {}}]',
    '[{"id": "{"}]',  # a brace inside a string
    '[{" id": "E1"}]',  # a name that strips differently
    '[{"_line": "E1"}]',
    '[{"": "E1"}]',
    '[{"id": "E1"}, "text"]',
    '[{"id": "\\ud800"}]',
    '{"id": "E1"}',
    "[]",
    "null",
    "",
    '[{"id": "E1"},]',
    '[{"amount": NaN}]',
    "[" * 2_000,
]


@pytest.mark.parametrize("content", NOT_TAKEN)
def test_fast_path_declines(content: str) -> None:
    assert _json_fast(content.encode(), "e.json", "c") is None


def test_fast_path_declines_invalid_utf8() -> None:
    assert _json_fast('[{"id": "ø"}]'.encode("cp1252"), "e.json", "c") is None


def test_random_collections_agree() -> None:
    rng = random.Random(13)
    taken = 0
    words = ["a", "ø", 'q"x', "\\", "", "12:00", " s ", "\\u00e5", None, True, False, 7, -3]
    for _ in range(200):
        keys = rng.sample(["id", "b", "c", "d"], rng.randint(1, 4))
        records = []
        for _ in range(rng.randint(1, 6)):
            fields = []
            for key in rng.sample(keys, rng.randint(0, len(keys))):
                value = rng.choice(words)
                text = {None: "null", True: "true", False: "false"}.get(value)  # type: ignore[call-overload]
                if text is None:
                    text = (
                        str(value)
                        if isinstance(value, int)
                        else '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
                    )
                fields.append(f'"{key}":{rng.choice(["", " ", chr(10)])}{text}')
            records.append("{" + ", ".join(fields) + "}")
        content = "[" + rng.choice([",", ",\n", ",\n\n"]).join(records) + "]"
        exact = parse_json(content, "e.json", "c")
        fast = _json_fast(content.encode(), "e.json", "c")
        if fast is not None:
            taken += 1
            _same(fast, exact)
    assert taken > 100


LINES_TAKEN = [
    '[\n{"id": "E1", "n": 12, "ok": true, "no": false, "none": null, "t": "kr 825 000"}\n]\n',
    '[\n  {"id": "E1", "b": "x, y: {z"},\n  {"id": "E2", "b": ""}\n]',
    '[\r\n{ "id" : "E1" , "n": -0 },\r\n{"id": "æøå", "n": 123456789012345678}\r\n]\r\n',
    '[\n{"id": "E1", "b": "x, y: z"},\n  {"id": "E2", "b": ""}\n]',  # strings only
    '[\r\n{"id": "E1", "b": ""},\r\n {"id": "E2", "b": "x"}\r\n]\r\n',
    '[\n{"id": "12:00", "b": null},\n{"id": "E2", "b": "x"},\n{"id": null, "b": true}\n]\n',
]


@pytest.mark.parametrize("content", LINES_TAKEN)
def test_line_layout_read_by_polars_alone(content: str) -> None:
    data = content.encode()
    table = _json_lines(data, "e.json", "c")
    assert table is not None  # a "{" inside a string too
    _same(table, parse_json(content, "e.json", "c"))


LINES_DECLINED = [
    '[\n{"id": "E1"},\n{"id": "E2"},\n]\n',  # a comma after the last record
    '[\n{"id": "E1"}\n{"id": "E2"}\n]\n',  # none between
    '[\n{"id": "E1", "b": "x"},\n{"b": "y", "id": "E2"}\n]\n',  # another key order
    '[\n{"id": "E1", "b": "x"},\n{"id": "E2"}\n]\n',  # a key missing
    '[\n{"id": "E1"},\n{"id": "E2", "b": "x"}\n]\n',  # a key more
    '[\n{"id": "E1", "id": "E2"}\n]\n',
    '[\n{"id": "a\\"b"}\n]\n',
    '[\n{"id": "a\tb"}\n]\n',  # a raw tab inside a string is not JSON
    '[\n{"id": 1.5}\n]\n',
    '[\n{"id": 1234567890123456789}\n]\n',
    '[\n{"id": 01}\n]\n',
    '[\n{"id": ["a"]}\n]\n',
    '[\n{"id": {"a": "b"}}\n]\n',
    '[\n{"id": "E1"},\n\n{"id": "E2"}\n]\n',
    '[\n{"id": "E1"}\n]\n\n',
    '[{"id": "E1"}]\n',
    '[\n{"_line": "E1"}\n]\n',
    '[\n{" id": "E1"}\n]\n',
    "[\n{}\n]\n",
    '[\n{"id": "E1"} x\n]\n',
    '[\n{"id": "E1"}\n]\nx\n',
    '[\n{"id": "E1"}, {"id": "E2"}\n]\n',  # two records on a line
    '[\n{"id": "E1", "b": {"c": "d"}}\n]\n',
]


@pytest.mark.parametrize("content", LINES_DECLINED)
def test_line_layout_declines(content: str) -> None:
    assert _json_lines(content.encode(), "e.json", "c") is None


def test_line_layout_declines_invalid_utf8_and_nul() -> None:
    assert _json_lines('[\n{"id": "ø"}\n]\n'.encode("cp1252"), "e.json", "c") is None
    assert _json_lines(b'[\n{"id": "a\x00"}\n]\n', "e.json", "c") is None


def test_random_line_layouts_agree() -> None:
    rng = random.Random(7)
    taken = 0
    words = [
        '"a"',
        '"ø"',
        '""',
        '"12:00"',
        '" s "',
        '"x, y"',
        '"{a}"',
        "null",
        "true",
        "false",
        "7",
        "-3",
    ]
    for _ in range(200):
        keys = rng.sample(["id", "b", "c", "d"], rng.randint(1, 4))
        lines = []
        for _ in range(rng.randint(1, 6)):
            pairs = ", ".join(f'"{k}": {rng.choice(words)}' for k in keys)
            lines.append(" " * rng.randint(0, 2) + "{" + pairs + "}")
        content = "[\n" + ",\n".join(lines) + "\n]\n"
        table = _json_lines(content.encode(), "e.json", "c")
        assert table is not None
        taken += 1
        _same(table, parse_json(content, "e.json", "c"))
    assert taken == 200


@pytest.mark.parametrize("records", range(1, 12))
def test_every_line_is_proved_whichever_part_it_falls_in(records: int) -> None:
    """The lines are proved in parts (PROOF_PARTS): a line without its comma, and a comma
    after the last record, are found at every position, on either side of a part's end."""

    def content(commas: list[bool]) -> bytes:
        lines = [f'{{"id": "E{j}", "n": {j}}}{"," * c}' for j, c in enumerate(commas)]
        return ("[\n" + "\n".join(lines) + "\n]\n").encode()

    good = [j < records - 1 for j in range(records)]
    assert _json_lines(content(good), "e.json", "c") is not None
    for i in range(records):
        broken = list(good)
        broken[i] = not broken[i]  # a comma missing, or one after the last record
        assert _json_lines(content(broken), "e.json", "c") is None, (records, i)
