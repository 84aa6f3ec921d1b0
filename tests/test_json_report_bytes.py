"""The JSON report's C-speed writer gives exactly the standard library's bytes."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from secretariat_rules.findings import Finding, Location, SourceSummary
from secretariat_rules.reporters import json as json_reporter
from secretariat_rules.reporters.base import ReportOptions
from test_reporters import FINDINGS, make_result


def _stdlib(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


PAYLOADS: list[Any] = [
    {},
    [],
    "text",
    [[], {}, [[]], {"a": {}}],
    {"a": 'x\x00\x01\x1f\x7f\u2028\u2029\U0001f600 æøå "\\/\b\f\n\r\t', "b": None},
    {"n": [0, -1, 2**63 - 1, -(2**63), True, False]},
    {"z": 1, "a": 2, "m": {"y": [1, {"q": "r"}]}},
    # refused by orjson: the standard library's bytes all the same
    {"big": 2**64},
    {"surrogate": "\ud800"},
    {1: "int key", "b": "x"},
    # floats are written by the standard library (orjson writes 1e16, not 1e+16)
    {"f": [1e16, 1e-5, 0.1, 100.0, float("nan"), float("inf")]},
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_indented_json_is_the_standard_librarys(payload: Any) -> None:
    exact = "f" in payload if isinstance(payload, dict) else False
    assert json_reporter.indented_json(payload, exact=exact) == _stdlib(payload)


def test_floats_are_found_outside_findings() -> None:
    assert json_reporter._has_float({"findings": [], "sources": [{"x": [1, {"y": 0.5}]}]})
    assert not json_reporter._has_float({"findings": [], "sources": [{"x": [1, {"y": 1}]}]})


def _weird(finding: Finding, tail: str) -> Finding:
    return replace(
        finding,
        message=finding.message + tail,
        locations=(*finding.locations, Location("data/x.csv", None, "Ark1!3")),
    )


@pytest.mark.parametrize("count", [1, 2])
@pytest.mark.parametrize("tail", [" \u2028 \x01 \U0001f600 «»", " lone \ud83d surrogate"])
def test_report_bytes_equal_the_standard_library(count: int, tail: str) -> None:
    result = make_result(findings=tuple(_weird(f, tail) for f in FINDINGS))
    results = [result] * count
    documents = [json_reporter.result_to_dict(r) for r in results]
    expected = _stdlib(documents[0] if count == 1 else documents)
    assert json_reporter.JsonReporter().render(results, ReportOptions()) == expected


def test_report_with_sources_equals_the_standard_library() -> None:
    source = SourceSummary("noark5", ("arkiv.xml",), (("mappe", 3),), (("saker", 2),))
    result = replace(make_result(), sources=(source,))
    expected = _stdlib(json_reporter.result_to_dict(result))
    assert json_reporter.JsonReporter().render([result], ReportOptions()) == expected
