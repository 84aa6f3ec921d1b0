"""The fast paths from raw findings to findings and reports give what the general ones give."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import hashlib
import json
import pickle
import random
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import pytest

from secretariat_rules.cycles import no_cycle_collection
from secretariat_rules.engine.runner import merge
from secretariat_rules.engine.templates import format_value, render, subject_renderer
from secretariat_rules.engine.waivers import PlacedWaiver, apply_waivers
from secretariat_rules.findings import (
    SEVERITY_LABELS,
    Finding,
    Location,
    RawFinding,
    Result,
    Severity,
    Subject,
    finding_order,
    fingerprint,
    fingerprinter,
    new_finding,
    replaced,
)
from secretariat_rules.i18n.message import msg
from secretariat_rules.reporters import sarif as sarif_reporter
from secretariat_rules.reporters.base import ReportOptions
from secretariat_rules.reporters.json import _summary, holds_float
from secretariat_rules.schema.waivers import Waiver


def general_merge(raw: list[RawFinding]) -> list[RawFinding]:
    """:func:`merge` as it was before the already-merged shortcut: the reference."""
    by_subject: dict[Subject, tuple[list[Any], list[Any]]] = {}
    for finding in raw:
        reasons, locations = by_subject.setdefault(finding.subject, ([], []))
        reasons.extend(r for r in finding.reasons if r not in reasons)
        locations.extend(loc for loc in finding.locations if loc not in locations)
    return [RawFinding(s, tuple(r), tuple(loc)) for s, (r, loc) in by_subject.items()]


D1, D2 = Subject("documents", "D1"), Subject("documents", "D2")
A, B = Location("documents.csv", 2), Location("documents.csv", 3)

MERGE_CASES = {
    "empty": [],
    "distinct": [RawFinding(D1, ("late",), (A,)), RawFinding(D2, ("late", "x"), (A, B))],
    "one subject twice": [RawFinding(D1, ("late",), (A,)), RawFinding(D1, ("x",), (B,))],
    "same reason twice in one": [RawFinding(D1, ("late", "late"), (A,))],
    "same location twice in one": [RawFinding(D1, ("late",), (A, A))],
    "equal messages": [RawFinding(D1, (msg("value.yes"), msg("value.yes")), ())],
    "lists, not tuples": [RawFinding(D1, ["late"], [A])],  # type: ignore[arg-type]
    "an unhashable reason": [RawFinding(D1, ({"a": 1}, {"a": 1}), ())],  # type: ignore[arg-type]
    "same id, other collection": [RawFinding(D1, ("a",), ()), RawFinding(Subject("x", "D1"), ())],
}


@pytest.mark.parametrize("raw", MERGE_CASES.values(), ids=MERGE_CASES.keys())
def test_merge_equals_the_general_merge(raw: list[RawFinding]) -> None:
    merged = merge(iter(raw))
    assert merged == general_merge(raw)
    assert all(type(f.reasons) is tuple and type(f.locations) is tuple for f in merged)
    assert merge(merged) == merged


TEMPLATES = [
    "Dokumentet {id} er ikke arkivert i tide",
    "{subject}: {id} ({id})",
    "{subject} ends here",
    "no placeholders",
    "",
    "{reasons} for {id}",
    "{other} and {^id} and {^^x} stay",
    "{id}{subject}{missing}",
]
IDS: list[Any] = ["D1", "æ ø {x}", "", 1234567, 12.5, None, True, ("a", 2)]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_subject_renderer_equals_render(template: str, lang: str) -> None:
    fill = subject_renderer(template, lang)
    for ident in IDS:
        text = f"documents/{ident}"
        assert fill(ident, text) == render(template, {"id": ident, "subject": text}, lang)


def test_fingerprint_is_rule_subject_region_hashed() -> None:
    expected = hashlib.sha256(b"SEK025\x1fdocuments/D1\x1fnordfjord").hexdigest()[:16]
    assert fingerprint("SEK025", D1, "nordfjord") == expected
    assert fingerprinter("SEK025", "nordfjord")("documents/D1") == expected
    other = hashlib.sha256("SEK008\x1fdocuments/Ø 1\x1ftromsø".encode()).hexdigest()[:16]
    assert fingerprint("SEK008", Subject("documents", "Ø 1"), "tromsø") == other


def test_new_finding_is_the_dataclass_s_instance() -> None:
    values = ("SEK025", "n", Severity.ERROR, "7a", "7", D1, "m", (A, B), "f")
    made, fast = Finding(*values), new_finding(*values)
    assert fast == made and hash(fast) == hash(made) and repr(fast) == repr(made)
    assert vars(fast) == vars(made) and list(vars(fast)) == list(vars(made))
    assert dataclasses.asdict(fast) == dataclasses.asdict(made)
    assert pickle.loads(pickle.dumps(fast)) == made
    assert dataclasses.replace(fast, waived=True) == dataclasses.replace(made, waived=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.rule = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "changes", [{"baselined": True}, {"baselined": False}, {"waived": True, "message": "x"}, {}]
)
def test_replaced_is_dataclasses_replace(changes: dict[str, Any]) -> None:
    made = new_finding("SEK025", "n", Severity.ERROR, "7a", "7", D1, "m", (A,), "f")
    fast, slow = replaced(made, **changes), dataclasses.replace(made, **changes)
    assert fast == slow and vars(fast) == vars(slow) and list(vars(fast)) == list(vars(slow))
    assert fast is not made and (made.message, made.waived, made.baselined) == ("m", False, False)
    with pytest.raises(TypeError):
        replaced(made, baselinde=True)


def _finding(rule: str, subject: Subject, severity: Severity, waived: bool = False) -> Finding:
    return Finding(rule, "n", severity, "", "1", subject, "m", (), "f", waived=waived)


def test_order_and_labels_are_those_of_the_properties() -> None:
    finding = _finding("SEK025", D1, Severity.INFO)
    assert finding_order(finding) == finding.sort_key == ("SEK025", "documents", "D1")
    assert {s: s.label for s in Severity} == SEVERITY_LABELS
    assert [s.label for s in Severity] == ["info", "warning", "error"]


def test_summary_counts_as_the_result_does() -> None:
    findings = tuple(
        _finding(f"R{i}", D1, severity, waived=i % 3 == 0)
        for i, severity in enumerate([Severity.ERROR, Severity.WARNING, Severity.INFO] * 4)
    )
    result = Result("0", "r", "r", "rs", "2024-01-01", "a", "b", "nb", None, findings, ())
    summary = _summary(result)
    assert [summary[s.label] for s in Severity] == [result.count(s) for s in Severity]
    assert summary["waived"] == result.waived_count == 4


@pytest.mark.parametrize("enabled", [True, False])
def test_cycle_collection_is_paused_and_restored(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with no_cycle_collection():
            with no_cycle_collection():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(ValueError), no_cycle_collection():
            raise ValueError
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


class Text(str):
    """A text subclass: not the exact-``str`` shortcut of :func:`format_value`."""


@pytest.mark.parametrize("value", ["", "D1", "æ {x}", Text("sub"), 1234, None, True, 2.5])
def test_format_value_of_text_is_the_text(value: Any) -> None:
    expected = str(value) if isinstance(value, str) else format_value(value, "nb")
    assert format_value(value, "nb") == expected
    assert type(format_value(value, "nb")) is str


def _old_artifact(path: str) -> dict[str, Any]:
    """The SARIF ``artifactLocation`` as worked out per location before the cache."""
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    posix = PurePosixPath(path.replace("\\", "/")).as_posix()
    return {"uri": quote(posix, safe="/"), "uriBaseId": sarif_reporter.DATA_ROOT}


@pytest.mark.parametrize(
    "path", ["documents.csv", "sub\\dir/æ ø.csv", "/abs/x y.csv", "./a//b.csv", "%41.csv"]
)
def test_sarif_artifact_is_as_before_and_not_shared(path: str) -> None:
    first = sarif_reporter._location(Location(path, 3))
    second = sarif_reporter._location(Location(path, 4))
    assert first["physicalLocation"]["artifactLocation"] == _old_artifact(path)
    assert (
        first["physicalLocation"]["artifactLocation"]
        is not (second["physicalLocation"]["artifactLocation"])
    )


def test_sarif_text_is_json_dumps_of_its_log() -> None:
    subject = Subject("documents", 'Ø\u2028 "1"')
    findings = (
        Finding("SEK025", "n", Severity.ERROR, "7a", "7", subject, "m æ\n", (A,), "f"),
        Finding("SEK008", "n", Severity.INFO, "", "1", D1, "", (), "g", waived=True),
    )
    result = Result("0", "r", "r", "rs", "2024-01-01", "a", "b", "nb", None, findings, ())
    text = sarif_reporter.SarifReporter().render([result], ReportOptions())
    log = json.loads(text)
    assert not holds_float(log)
    assert text == json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def test_holds_float() -> None:
    assert holds_float({"a": [1, (2, {"b": 1.5})]})
    assert not holds_float({"a": [1, (2, {"b": "1.5", "c": None, "d": True})]})


def _reference_waived(
    findings: list[Finding], waivers: list[PlacedWaiver], as_of: dt.date
) -> list[int | None]:
    """Per finding, the index of the first active waiver that matches it (any rule): the
    order :func:`apply_waivers` looked in before it grouped waivers by rule."""
    active = [(i, w) for i, w in enumerate(waivers) if as_of <= w.waiver.expires]
    return [next((i for i, w in active if w.matches(f)), None) for f in findings]


def test_waivers_grouped_by_rule_match_as_the_first_matching_waiver() -> None:
    rng = random.Random(7)
    rules, patterns = ["SEK008", "SEK025", "SEK019"], ["documents/D1", "documents/*", "*", "x/?"]
    waivers = [
        PlacedWaiver(
            Waiver(
                rule=rng.choice(rules),
                subject=rng.choice(patterns),
                reason=f"r{i}",
                approved_by="V1",
                expires=dt.date(2024, 1, rng.choice([1, 31])),
            ),
            Location("waivers.yaml", i + 1),
        )
        for i in range(12)
    ]
    subjects = [D1, D2, Subject("x", "1"), Subject("x", "12")]
    findings = [
        new_finding(rule, "n", Severity.ERROR, "", "1", subject, "m", (), f"{rule}{subject}")
        for rule in [*rules, "SEK001"]
        for subject in subjects
    ]
    as_of = dt.date(2024, 1, 15)
    expected = _reference_waived(findings, waivers, as_of)
    assert None in expected and len({i for i in expected if i is not None}) > 2
    out = apply_waivers(findings, waivers, as_of, "r")[: len(findings)]
    assert [f.waiver_reason for f in out] == [
        None if i is None else waivers[i].waiver.reason for i in expected
    ]
    assert [f.waived for f in out] == [i is not None for i in expected]
    assert [dataclasses.replace(f, waived=False, waiver_reason=None, waiver=None) for f in out] == (
        findings
    )


def test_sarif_float_check_skips_the_results_only() -> None:
    from secretariat_rules.reporters.sarif import _has_float

    run = {"results": [{"ruleIndex": 1, "message": {"text": "m"}}], "tool": {"v": 1}}
    assert not _has_float({"version": "2.1.0", "runs": [run]})
    assert _has_float({"version": "2.1.0", "runs": [{**run, "properties": {"x": 0.5}}]})
    assert _has_float({"version": 2.1, "runs": [run]})
