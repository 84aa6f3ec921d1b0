"""The source inventory's left-out reasons and the ``plugins`` listing in the report's
language: the JSON keys stay the stable English reasons and kind names."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from secretariat_rules.findings import SourceSummary
from secretariat_rules.i18n.catalog import MESSAGES
from secretariat_rules.i18n.message import msg
from secretariat_rules.plugins import PROVIDED_KINDS
from secretariat_rules.reporters.inventory import left_out_items, sources_html, text_lines
from secretariat_rules.sources.base import SourceInventory
from secretariat_rules.testing import run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# reason (the JSON key, and the en text) → its nb text, as the fixtures have them
NOARK5 = {
    "korrespondansepart: recipient that is no party": (
        "korrespondansepart: mottaker som ikke er en part"
    ),
}
EINNSYN = {
    "Korrespondansepart: sender, not a recipient": "Korrespondansepart: avsender, ikke mottaker",
    "Moetedokument: the same document as a journalpost (merged into its record)": (
        "Moetedokument: samme dokument som en journalpost (slått sammen med journalpostens post)"
    ),
}
CASES = [("bymiljopakken-noark5", NOARK5), ("bymiljopakken-einnsyn", EINNSYN)]


@pytest.mark.parametrize(("fixture", "reasons"), CASES)
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_left_out_reasons_read_in_the_report_language(
    fixture: str, reasons: dict[str, str], fmt: str
) -> None:
    nb = run_cli("validate", FIXTURES / fixture, "--format", fmt, "--lang", "nb").output
    en = run_cli("validate", FIXTURES / fixture, "--format", fmt, "--lang", "en").output
    for key, text in reasons.items():
        assert text in nb and key not in nb
        assert key in en and text not in en


@pytest.mark.parametrize(("fixture", "reasons"), CASES)
def test_json_left_out_is_keyed_by_the_reasons_in_both_languages(
    fixture: str, reasons: dict[str, str]
) -> None:
    nb = run_cli("validate", FIXTURES / fixture, "--format", "json", "--lang", "nb").report
    en = run_cli("validate", FIXTURES / fixture, "--format", "json", "--lang", "en").report
    assert nb is not None and en is not None
    (source,) = nb["sources"]
    assert set(source) == {"source", "files", "elements", "records", "left_out"}
    assert set(source["left_out"]) == set(reasons)
    assert nb["sources"] == en["sources"]


def test_the_en_text_of_a_reason_is_its_key() -> None:
    from secretariat_regions.sources.einnsyn import mapping
    from secretariat_regions.sources.noark5.records import LEFT_OUT_MESSAGES

    for reason, key in LEFT_OUT_MESSAGES.items():
        assert MESSAGES["en"][key] == reason
    for name in ("MERGED", "PART_MERGED", "PART_SENDER", "PART_SCREENED", "PART_SAME_PARTY"):
        reason = getattr(mapping, name)
        kind = name.lower().removeprefix("part_")
        key = "merged" if name == "MERGED" else f"part_{kind}"
        assert MESSAGES["en"][f"source.einnsyn.left_out.{key}"] == reason
        assert MESSAGES["nb"][f"source.einnsyn.left_out.{key}"] != reason
    assert MESSAGES["en"]["source.einnsyn.left_out.part_no_party"] == mapping.PART_NO_PARTY
    assert MESSAGES["en"]["source.einnsyn.left_out.part_resembles"] == mapping.PART_RESEMBLES
    for kind, reason in mapping.LEFT_OUT.items():
        assert MESSAGES["en"][f"source.einnsyn.left_out.{kind}"] == reason


def test_inventory_labels_go_to_the_summary_not_to_json() -> None:
    inventory = SourceInventory(source="x", left_out=Counter({"plain reason": 2}))
    inventory.leave_out("b: labelled", msg("source.einnsyn.left_out.part_screened"))
    inventory.leave_out("b: labelled", msg("source.einnsyn.left_out.part_screened"), count=2)
    inventory.labels["never counted"] = "unused"
    summary = inventory.summary()
    assert summary.left_out == (("b: labelled", 3), ("plain reason", 2))
    assert summary.left_out_labels == (
        ("b: labelled", msg("source.einnsyn.left_out.part_screened")),
    )
    assert summary.to_dict()["left_out"] == {"b: labelled": 3, "plain reason": 2}
    assert "left_out_labels" not in summary.to_dict()
    assert inventory.as_dict()["left_out"] == {"b: labelled": 3, "plain reason": 2}
    assert left_out_items(summary, "nb") == [
        (3, "Korrespondansepart: skjermet navn"),
        (2, "plain reason"),
    ]
    assert left_out_items(summary, "en") == [
        (3, "Korrespondansepart: screened name"),
        (2, "plain reason"),
    ]
    assert "      3  Korrespondansepart: skjermet navn" in text_lines([summary], "nb")
    assert "3 – Korrespondansepart: screened name" in "".join(sources_html([summary], "en"))


def test_a_summary_without_labels_shows_the_reasons() -> None:
    summary = SourceSummary(source="x", left_out=(("a  reason\nover lines", 1),))
    assert left_out_items(summary, "nb") == [(1, "a reason over lines")]


KINDS_NB = ("region", "kildeadapter", "kontrolltype", "rapportformat", "regelsett")
KINDS_EN = ("region", "source adapter", "check kind", "reporter", "ruleset")


def test_plugin_kinds_are_in_the_catalogue() -> None:
    for kind, nb, en in zip(PROVIDED_KINDS, KINDS_NB, KINDS_EN, strict=True):
        key = "cli.plugins.kind." + kind.replace(" ", "_")
        assert (MESSAGES["nb"][key], MESSAGES["en"][key]) == (nb, en)


@pytest.mark.parametrize(
    ("args", "adapter", "reporter"),
    [
        ((), "kildeadapter canonical", "rapportformat junit"),
        (("--lang", "nb"), "kildeadapter canonical", "rapportformat junit"),
        (("--lang", "en"), "source adapter canonical", "reporter junit"),
    ],
)
def test_plugins_lists_kinds_in_the_chosen_language(
    args: tuple[str, ...], adapter: str, reporter: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SECRETARIAT_RULES_LANG", raising=False)
    run = run_cli(*args, "plugins")
    assert run.exit_code == 0, run.stderr
    assert f"secretariat_rules.sources.canonical: {adapter} [built-in]" in run.output.splitlines()
    assert reporter in run.output
    foreign = KINDS_EN[1:] if adapter.startswith("kilde") else KINDS_NB[1:]
    assert not any(f"{kind} " in run.output for kind in foreign)


def test_plugins_in_english_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRETARIAT_RULES_LANG", "en")
    assert "source adapter canonical" in run_cli("plugins").output


def test_plugins_json_keeps_the_stable_keys() -> None:
    nb = run_cli("--lang", "nb", "plugins", "--format", "json").report
    en = run_cli("--lang", "en", "plugins", "--format", "json").report
    assert nb == en and nb is not None
    assert set(nb[0]["provides"]) == set(PROVIDED_KINDS.values())
