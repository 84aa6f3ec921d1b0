"""The reference views after the split: the engine computes, the reporters render.

:func:`~secretariat_rules.engine.tailoring.tailoring_register` is plain data (frozen);
:mod:`secretariat_rules.reporters.reference_text`, ``reference_markdown`` and
``reference`` (JSON) render it, in nb and en, without calling the engine; the reporters'
one :func:`~secretariat_rules.reporters.base.by_section` keeps each caller's order.
"""

from __future__ import annotations

import dataclasses

import pytest

from secretariat_rules.engine.explanation import explanation, find_rule
from secretariat_rules.engine.ruleset import Ruleset, load_ruleset
from secretariat_rules.engine.tailoring import TailoringRegister, tailoring, tailoring_register
from secretariat_rules.findings import Finding, Severity, Subject, fingerprint
from secretariat_rules.plugins import load_registry
from secretariat_rules.reporters.base import by_section
from secretariat_rules.reporters.reference import tailoring_report
from secretariat_rules.reporters.reference_markdown import tailoring_markdown
from secretariat_rules.reporters.reference_text import explain_text, tailoring_text


@pytest.fixture(scope="module")
def rulesets() -> dict[str, Ruleset]:
    registry = load_registry((), load_entry_points=False)
    return {
        name: load_ruleset(name, registry.rulesets, registry.check_kinds)
        for name in ("national", "bymiljopakken")
    }


@pytest.fixture(scope="module")
def register(rulesets: dict[str, Ruleset]) -> TailoringRegister:
    return tailoring_register(rulesets["bymiljopakken"], rulesets["national"])


def test_the_register_is_plain_frozen_data(
    register: TailoringRegister, rulesets: dict[str, Ruleset]
) -> None:
    assert register.items == tuple(tailoring(rulesets["bymiljopakken"], rulesets["national"]))
    assert (register.ruleset, register.baseline) == ("bymiljopakken", "national")
    assert register.layers == ("national", "bymiljopakken")
    touched = {item.rule for item in register.items}
    assert set(register.unchanged) == set(rulesets["bymiljopakken"].rules) - touched
    with pytest.raises(dataclasses.FrozenInstanceError):
        register.ruleset = "x"  # type: ignore[misc]


def test_the_register_renders_in_nb_and_en(register: TailoringRegister) -> None:
    nb, en = tailoring_text(register, "nb"), tailoring_text(register, "en")
    assert nb.startswith("Tilpasning av bymiljopakken i forhold til national\n")
    assert "lag: national → bymiljopakken; grunnlag: national" in nb
    assert "    omformulert av bymiljopakken: punkt 1e → 1f" in nb
    assert en.startswith("Tailoring of bymiljopakken relative to national\n")
    assert "    re-worded by bymiljopakken: clause 1e → 1f" in en
    assert "\nuendret (" in nb and "\nunchanged (" in en
    assert tailoring_markdown(register, "nb").startswith(
        "# Tilpasning av `bymiljopakken` i forhold til `national`\n"
    )
    assert tailoring_markdown(register, "en").startswith(
        "# Tailoring of `bymiljopakken` relative to `national`\n"
    )
    report = tailoring_report(register, "en")
    assert report["unchanged"] == list(register.unchanged)
    assert [e["rule"] for e in report["tailoring"]] == [i.rule for i in register.items]


def test_no_tailoring_in_both_languages(rulesets: dict[str, Ruleset]) -> None:
    same = tailoring_register(rulesets["national"], rulesets["national"])
    assert same.items == ()
    assert "\n\nIngen forskjeller.\n\nuendret (" in tailoring_text(same, "nb")
    assert "\n\nNo differences.\n\nunchanged (" in tailoring_text(same, "en")


def test_explain_data_renders_in_nb_and_en(rulesets: dict[str, Ruleset]) -> None:
    ruleset = rulesets["bymiljopakken"]
    rule = find_rule(ruleset, "SEK008")
    for lang, clause in (("nb", "punkt"), ("en", "clause")):
        info = explanation(rule, ruleset, lang, lambda name: rulesets.get(name))
        assert info["id"] == "SEK008" and info["clause"] == "1f"
        assert f"\n{clause}: 1f (" in explain_text(info, lang).lower()


def _finding(rule: str, section: str, subject: str, region: str) -> Finding:
    where = Subject("meetings", subject)
    return Finding(
        rule=rule,
        name=rule.lower(),
        severity=Severity.ERROR,
        clause="1a",
        section=section,
        subject=where,
        message=region,
        locations=(),
        fingerprint=fingerprint(rule, where, region),
    )


def test_by_section_orders_sections_and_keeps_each_callers_order_within() -> None:
    findings = [
        _finding("SEK002", "2", "M1", "b"),
        _finding("DAT001", "data", "M1", "a"),
        _finding("SEK010", "10", "M1", "a"),
        _finding("SEK002", "2", "M1", "a"),
    ]
    grouped = by_section(findings)
    assert [section for section, _ in grouped] == ["data", "2", "10"]
    assert [f.message for f in grouped[1][1]] == ["b", "a"]  # equal sort keys: as given
    by_fingerprint = by_section(findings, key=lambda f: (f.sort_key, f.fingerprint))
    assert sorted(f.fingerprint for f in by_fingerprint[1][1]) == [
        f.fingerprint for f in by_fingerprint[1][1]
    ]
