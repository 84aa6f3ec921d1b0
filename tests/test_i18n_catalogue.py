"""The one message catalogue: complete in nb and en, consistent, and the only place texts live.

- every key of :data:`~secretariat_rules.i18n.catalog.MESSAGES` (with the built-in
  plugins' entries registered) has a template in both languages, and both templates of a
  key have the same placeholders;
- no reporter, nor the reference views, nor the region views, hold a sentence of their
  own: an AST scan finds no string literal of three or more words that is not a
  catalogue key, a docstring or a format skeleton (``"{where}: {message}"``);
- a few of the texts that used to live in other nb/en tables render in both languages.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path

import pytest

from secretariat_rules.engine.ruleset import load_ruleset
from secretariat_rules.engine.tailoring import Difference, Tailoring, tailoring
from secretariat_rules.engine.templates import format_value
from secretariat_rules.i18n import catalog
from secretariat_rules.i18n.message import msg
from secretariat_rules.plugins import load_registry
from secretariat_rules.reporters.reference import describe_tailoring

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "secretariat_rules"

SCANNED = [
    *sorted((PACKAGE / "reporters").glob("*.py")),
    PACKAGE / "region_info.py",
]
"""Modules that print labels and sentences: they take every one from the catalogue."""

ALLOWED: dict[str, set[str]] = {
    # The page's inline style sheet and script: CSS selectors ("matrix thead th") and
    # JavaScript, not text for a reader (the script's one visible text, the count of
    # shown findings, is the catalogue's html.shown, passed in data-template).
    "reporters/html_assets.py": {"CSS", "SCRIPT"},
}
"""Module-level names, per module, whose string literals are code and stay."""

_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
PROSE = re.compile(rf"{_WORD}(?: {_WORD}){{2,}}")
"""Three or more words in a row: a sentence or a label a reader sees."""
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"<[^<>]*>")


@pytest.fixture(scope="module", autouse=True)
def builtin_plugins() -> None:
    """Load the built-in plugins, so their registered entries are in the catalogue."""
    load_registry((), load_entry_points=False)


def fields(template: str) -> set[str]:
    """The placeholder names of a :meth:`str.format` template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_key_is_in_both_languages() -> None:
    nb, en = catalog.MESSAGES["nb"], catalog.MESSAGES["en"]
    assert sorted(set(nb) - set(en)) == []
    assert sorted(set(en) - set(nb)) == []
    assert set(catalog.MESSAGES) == set(catalog.LANGUAGES)


ENGLISH_CONTEXT = {"error", "field_type", "class_name"}
"""Values of pydantic's own error context that are English text (``{error}``: "input is
too short"; ``{field_type}``: "List"): an ``error.pydantic.*`` template mirrors
pydantic's English message in en, and its nb template may leave these out."""


def test_a_key_has_the_same_placeholders_in_both_languages() -> None:
    nb, en = catalog.MESSAGES["nb"], catalog.MESSAGES["en"]
    differing = {}
    for key in nb.keys() & en.keys():
        in_nb, in_en = fields(nb[key]), fields(en[key])
        if key.startswith("error.pydantic."):
            in_en -= ENGLISH_CONTEXT - in_nb
        if in_nb != in_en:
            differing[key] = (in_nb, in_en)
    assert differing == {}


def prose(text: str) -> str | None:
    """The first run of three words in ``text``, placeholders and HTML tags left out."""
    text = TAG.sub(" ", PLACEHOLDER.sub("", text))
    match = PROSE.search(re.sub(r"[ \t]+", " ", text))
    return match.group() if match else None


def _allowed_nodes(tree: ast.Module, names: set[str]) -> set[int]:
    """Every node under a module-level assignment to one of ``names``."""
    out: set[int] = set()
    for statement in tree.body:
        targets = []
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        if any(isinstance(t, ast.Name) and t.id in names for t in targets):
            out |= {id(node) for node in ast.walk(statement)}
    return out


def literal_sentences(path: Path) -> list[str]:
    """``line: text`` of every string literal of ``path`` that reads as words."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative = path.relative_to(PACKAGE).as_posix()
    skip = _allowed_nodes(tree, ALLOWED.get(relative, set()))
    keys = set(catalog.MESSAGES["en"])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # a docstring (of a module, class, function or name)
        if isinstance(node, ast.JoinedStr) and id(node) not in skip:
            # An f-string is read as a whole, its values left out: "ruleset {x} has no rule".
            skip |= {id(value) for value in node.values}
            text = "".join(v.value if isinstance(v, ast.Constant) else " " for v in node.values)
            if words := prose(str(text)):
                found.append(f"{relative}:{node.lineno}: {words!r}")
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in skip or node.value in keys:
            continue
        if words := prose(node.value):
            found.append(f"{relative}:{node.lineno}: {words!r}")
    return found


def test_the_scan_finds_a_sentence() -> None:
    assert prose("ruleset  has no rule ") == "ruleset has no rule"
    assert prose("{where}: {message}") is None
    assert prose('<td class="num share" data-rule="') is None


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_sentence_outside_the_catalogue(path: Path) -> None:
    assert literal_sentences(path) == []


# --------------------------------------------------------------------------- rendered


def test_tailoring_reads_in_the_report_language() -> None:
    registry = load_registry((), load_entry_points=False)
    national, region = (
        load_ruleset(name, registry.rulesets, registry.check_kinds)
        for name in ("national", "bymiljopakken")
    )
    (item,) = [
        i for i in tailoring(region, national) if i.rule == "SEK008" and i.action == "reworded"
    ]
    assert describe_tailoring(item, "en") == "re-worded by bymiljopakken: clause 1e → 1f"
    assert describe_tailoring(item, "nb") == "omformulert av bymiljopakken: punkt 1e → 1f"
    guideline = next(i for i in tailoring(region, national) if i.rule == "SEK001")
    assert describe_tailoring(guideline, "nb") == "omformulert av bymiljopakken: retningslinje"
    assert describe_tailoring(guideline, "en") == "re-worded by bymiljopakken: guideline"


def test_tailoring_values_and_parameters_in_both_languages() -> None:
    from secretariat_rules.findings import Severity

    item = Tailoring(
        "SEK025",
        "documents-archived",
        "disabled",
        "custom",
        None,
        (
            Difference("enabled", True, False),
            Difference("severity", Severity.ERROR, Severity.WARNING),
            Difference("params.archive_within_days", 14, 10),
        ),
    )
    assert describe_tailoring(item, "nb") == (
        "deaktivert av custom: aktiv ja → nei, alvorlighet feil → advarsel, "
        "parameteren archive_within_days 14 → 10"
    )
    assert describe_tailoring(item, "en") == (
        "disabled by custom: enabled yes → no, severity error → warning, "
        "params.archive_within_days 14 → 10"
    )
    removed = Tailoring("SEK027", "mandate-formalised", "removed", "miljoloftet", None)
    assert describe_tailoring(removed, "nb") == (
        "ikke i dette regelsettet (lagt til av miljoloftet)"
    )
    assert describe_tailoring(removed, "en") == "not in this ruleset (added by miljoloftet)"


def test_attestation_reasons_and_errors_in_both_languages() -> None:
    expired = msg(
        "attested.expired",
        date=dt.date(2024, 6, 29),
        by="Leder",
        valid_until=dt.date(2025, 6, 29),
        as_of=dt.date(2025, 6, 30),
    )
    assert expired.render("nb") == (
        "besvarelsen fra 2024-06-29 (Leder) gjaldt til 2025-06-29, og er utløpt per 2025-06-30"
    )
    assert expired.render("en") == (
        "the answer of 2024-06-29 (Leder) was valid until 2025-06-29; expired as of 2025-06-30"
    )
    partly = msg("attested.partly", date=dt.date(2025, 3, 1), by=msg("value.missing"), evidence="x")
    assert partly.render("nb") == "besvart «delvis» 2025-03-01 av (mangler): x"
    assert partly.render("en") == "answered 'partly' on 2025-03-01 by (missing): x"
    unknown = msg("attested.error.unknown_item", item="SEK111", listed=msg("attested.error.none"))
    assert unknown.render("nb") == (
        "item: 'SEK111' er ikke en egenerklæringsregel i regelsettet (egenerklæringsregler: ingen)"
    )
    assert unknown.render("en") == (
        "item: 'SEK111' is not an attested rule of the ruleset (attested rules: none)"
    )


def test_value_words_in_both_languages() -> None:
    assert [format_value(v, "nb") for v in (None, True, False)] == ["(mangler)", "ja", "nei"]
    assert [format_value(v, "en") for v in (None, True, False)] == ["(missing)", "yes", "no"]
    assert format_value(None, "de") == "(missing)"  # an unknown language: English


def test_reference_labels_in_both_languages() -> None:
    assert catalog.t("reference.tailoring", "nb", ruleset="a", baseline="b") == (
        "Tilpasning av a i forhold til b"
    )
    assert catalog.t("reference.tailoring", "en", ruleset="a", baseline="b") == (
        "Tailoring of a relative to b"
    )
    assert catalog.t("audit.symbol.waived", "nb") == "u"
    assert catalog.t("audit.symbol.waived", "en") == "w"
