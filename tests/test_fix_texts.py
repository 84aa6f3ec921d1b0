"""Findings that say what to do: every rule's ``fix`` text in every report, plain-word
messages (no subject id inside a sentence), and ``explain``'s filled-in example finding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from secretariat_rules.engine.explanation import example_message
from secretariat_rules.engine.ruleset import Ruleset, fix_text, load_ruleset
from secretariat_rules.engine.templates import PLACEHOLDER
from secretariat_rules.plugins import load_registry
from secretariat_rules.reporters.markdown import escape
from secretariat_rules.testing import run_cli
from test_sarif_markdown import assert_valid_sarif

ROOT = Path(__file__).resolve().parents[1]
RULESETS = ("national", "miljoloftet", "bymiljopakken")
FIXTURE = ROOT / "fixtures" / "miljoloftet"

FIX_SEK008_NB = (
    "  Slik retter du det (SEK008): Send dokumentet til alle partene samtidig, og registrer "
    "hver utsending som en rad i distributions (document, party, sent). Alle partene skal ha "
    "fått det innen 24 timer etter første utsending."
)
FIX_SEK008_EN = (
    "  How to fix (SEK008): Send the document to every party at the same time and record each "
    "sending as a row in distributions (document, party, sent). Every party must have it "
    "within 24 hours of the first sending."
)
FIX_SEK018_ML_NB = (
    "Prop. 11 S tillater ikke bompenger til sekretariatet: betal sekretariatets drift og "
    "kommunikasjon med andre midler og rett funding i expenditures."
)


def ruleset(name: str) -> Ruleset:
    registry = load_registry()
    return load_ruleset(name, registry.rulesets, registry.check_kinds)


@pytest.mark.parametrize("name", RULESETS)
def test_every_rule_has_a_fix_in_both_languages_with_its_values_filled(name: str) -> None:
    for rule in ruleset(name).rules.values():
        for lang in ("nb", "en"):
            text = fix_text(rule, lang)
            assert len(text) > 40, (rule.id, lang)
            assert "{" not in text and "}" not in text, (rule.id, lang, text)
    sek025 = ruleset(name).rules["SEK025"]
    assert "innen 5 dager etter dokumentdatoen" in fix_text(sek025, "nb")
    assert "item: SEK103," in fix_text(ruleset(name).rules["SEK103"], "nb")


def test_an_overlay_rewords_a_fix_and_the_resolved_rule_records_its_layer() -> None:
    national, miljoloftet = ruleset("national").rules, ruleset("miljoloftet").rules
    assert miljoloftet["SEK018"].origin["fix"] == "miljoloftet"
    assert fix_text(miljoloftet["SEK018"], "nb") == FIX_SEK018_ML_NB
    assert national["SEK018"].origin["fix"] == "national"
    assert fix_text(national["SEK018"], "nb").startswith("Betal sekretariatets drift")
    assert miljoloftet["SEK008"].origin["fix"] == "national"
    [change] = [c for c in miljoloftet["SEK018"].changes if c.layer == "miljoloftet"]
    assert "fix" in change.attributes


def test_text_report_has_one_fix_line_per_rule_after_its_findings() -> None:
    run = run_cli("check", FIXTURE)
    lines = run.output.splitlines()
    fixes = [line for line in lines if line.startswith("  Slik retter du det (")]
    assert [re.findall(r"\((SEK\d+)\)", line)[0] for line in fixes] == [
        "SEK008", "SEK027", "SEK009", "SEK013", "SEK019", "SEK025", "SEK026",
    ]  # fmt: skip
    at = lines.index(FIX_SEK008_NB)
    assert lines[at - 3 : at] == [
        "  feil  SEK008 equal-information-access (punkt 1e)  documents/DOK-2024-021",
        "    Dokumentet DOK-2024-021 ble ikke gitt likt til alle parter: ikke sendt til alver, "
        "askoy, bjornafjorden, jbd, oygarden, sfv",
        "    documents.csv:9",
    ]
    assert f"  Slik retter du det (SEK018): {FIX_SEK018_ML_NB}" not in lines  # not failed
    english = run_cli("check", FIXTURE, "--lang", "en").output.splitlines()
    assert FIX_SEK008_EN in english


def test_two_findings_of_one_rule_get_one_fix_line(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    for item in FIXTURE.iterdir():
        if item.is_file():
            (repo / item.name).write_bytes(item.read_bytes())
    with (repo / "documents.csv").open("a", encoding="utf-8") as out:
        out.write("DOK-2024-099;Notat;saksdokument;02.05.2024;;;\n")
    run = run_cli("check", repo, "--select", "SEK025,SEK026", "--lang", "en")
    lines = run.output.splitlines()
    assert sum(line.startswith("  How to fix (SEK025)") for line in lines) == 1
    heads = [i for i, line in enumerate(lines) if " SEK025 documents-archived" in line]
    assert len(heads) >= 2
    assert lines.index(next(x for x in lines if x.startswith("  How to fix (SEK025)"))) > heads[-1]


def test_markdown_and_html_show_the_fix() -> None:
    markdown = run_cli("check", FIXTURE, "--format", "markdown").output
    assert (
        "- **Slik retter du det (SEK027):** Få sekretariatets mandat vedtatt, og før referansen "
        "til det inn i secretariat.yaml under secretariat: mandate." in markdown.splitlines()
    )
    html = run_cli("check", FIXTURE, "--format", "html", "--lang", "en").output
    assert (
        "<dt>How to fix</dt><dd>Have the secretariat&#x27;s mandate adopted and enter a "
        "reference to it in secretariat.yaml under secretariat: mandate.</dd>"
    ) in html


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_sarif_help_carries_the_guideline_and_the_fix_of_every_rule(lang: str) -> None:
    run = run_cli("check", FIXTURE, "--format", "sarif", "--lang", "en" if lang == "en" else "nb")
    log = assert_valid_sarif(run.output)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    national = ruleset("miljoloftet").rules
    label = "How to fix" if lang == "en" else "Slik retter du det"
    sek = [r for r in rules if r["id"] in national]
    assert len(sek) == len(national)
    for rule in sek:
        fix = fix_text(national[rule["id"]], lang)
        assert rule["help"]["text"].endswith(f"\n\n{label}: {fix}"), rule["id"]
        # in Markdown as literal text (``notice\\_sent``): a ruleset's texts are not markup
        assert rule["help"]["markdown"].endswith(f"\n\n**{label}:** {escape(fix)}"), rule["id"]
    for rule in rules:
        assert rule["help"]["text"] and rule["help"]["markdown"]


def test_explain_shows_the_fix() -> None:
    run = run_cli("explain", "SEK027", "--ruleset", "miljoloftet")
    assert "Slik retter du det:\n    Få sekretariatets mandat vedtatt" in run.output
    info = run_cli("explain", "SEK008", "--format", "json", "--lang", "en").report
    assert info is not None
    assert info["fix"] == FIX_SEK008_EN.split(": ", 1)[1]


@pytest.mark.parametrize("name", RULESETS)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_example_finding_fills_its_placeholders(name: str, lang: str) -> None:
    resolved = ruleset(name)
    for rule in resolved.rules.values():
        message = example_message(rule, lang, resolved.name)
        assert "{" not in message and "}" not in message, (rule.id, message)
    sek019 = example_message(resolved.rules["SEK019"], "nb", resolved.name)
    assert sek019 == (
        "Ikke innenfor sekretariatets fullmakt: utgiften E1 på 825 000,50 kr den 2024-10-15 "
        "er over fullmakten på 500 000 kr, og ingen vedtak dekker den"
    )


def _templates(node: object) -> list[str]:
    """Every message, reason and missing text (nb and en) under a ruleset node."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("message", "reason", "missing") and isinstance(value, dict):
                found += [str(value.get("nb", "")), str(value.get("en", ""))]
            else:
                found += _templates(value)
    elif isinstance(node, list):
        for item in node:
            found += _templates(item)
    return found


@pytest.mark.parametrize("name", RULESETS)
def test_no_template_puts_a_subject_id_inside_a_sentence(name: str) -> None:
    data = yaml.safe_load((ROOT / "rulesets" / f"{name}.yaml").read_text(encoding="utf-8"))
    texts = _templates(data)
    assert len(texts) > 20 or name != "national"
    for text in texts:
        assert "subject" not in PLACEHOLDER.findall(text), text


SUBJECT_ID = re.compile(r"\b[a-z_]+/[A-Za-z0-9][\w.@-]*")


@pytest.mark.parametrize("fixture", ["miljoloftet", "bymiljopakken"])
def test_rule_messages_of_the_fixtures_name_no_subject_id(fixture: str) -> None:
    for lang in ("nb", "en"):
        report = run_cli("check", ROOT / "fixtures" / fixture, "--format", "json", "--lang", lang)
        assert report.report is not None
        messages = [f["message"] for f in report.report["findings"] if f["rule"][:3] == "SEK"]
        assert messages
        for message in messages:
            assert not SUBJECT_ID.search(message), message


def test_the_ruleset_schema_offers_fix_and_example_to_new_rules_and_changes() -> None:
    schema = run_cli("schema", "ruleset").report
    assert schema is not None
    for model in ("RuleDef", "RuleChange"):
        properties = schema["$defs"][model]["properties"]
        assert properties["fix"]["anyOf"][0] == {"$ref": "#/$defs/Text"}
        assert "example" in properties
