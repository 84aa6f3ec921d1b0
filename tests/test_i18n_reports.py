"""One language at a time: a report in nb holds no English text of the catalogue, and
the other way round.

Every report format, the audit, the reference commands and the help are rendered in
each language from data that makes every kind of finding (DAT001–DAT005, WAV001,
WAV002, guideline rules, baseline marks, waived findings). The texts of the *other*
language — every catalogue entry and every ruleset text, cut at its placeholders into
phrases of two or more words — must not occur in the output. A phrase both languages
share (an id, a name, a file name) is not foreign and is skipped.

Data that is bilingual by nature stays out of the comparison: the ``{nb, en}`` texts of
a ruleset in a JSON report (its tailoring register lists both) and the ruleset source
that ``explain`` quotes.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from builders import LATE_DOCUMENT as LATE
from secretariat_rules.cli import main
from secretariat_rules.i18n import catalog
from secretariat_rules.plugins import load_registry
from secretariat_rules.testing import Repo

RepoFactory = Callable[..., Repo]
ROOT = Path(__file__).resolve().parents[1]
LANGS = ("nb", "en")
FORMATS = ("text", "json", "junit", "sarif", "markdown", "html", "github")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
WORD = re.compile(r"[A-Za-zÆØÅæøåé]{2,}")


def ruleset_texts(node: Any) -> Iterator[dict[str, str]]:
    """Every ``{nb: ..., en: ...}`` text of a ruleset file."""
    if isinstance(node, dict):
        if isinstance(node.get("nb"), str) and isinstance(node.get("en"), str):
            yield node
        for value in node.values():
            yield from ruleset_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from ruleset_texts(value)


def phrases(template: str) -> set[str]:
    """The literal parts of a template with two or more words, whitespace folded."""
    out = set()
    for part in PLACEHOLDER.split(template):
        for line in part.splitlines():
            text = " ".join(line.split()).strip(" .,:;–-()[]'\"`*#|")
            words = WORD.findall(text)
            if len(words) >= 3 or (len(words) == 2 and len(text) >= 12):
                out.add(text)
    return out


def texts_by_language() -> dict[str, list[str]]:
    load_registry()  # plugins register their catalogue entries on import
    by_lang: dict[str, list[str]] = {lang: list(catalog.MESSAGES[lang].values()) for lang in LANGS}
    for table in (catalog.SECTION_TITLES, catalog.SEVERITY_LABELS):
        for lang in LANGS:
            by_lang[lang].extend(table[lang].values())
    for path in sorted((ROOT / "rulesets").glob("*.yaml")):
        for text in ruleset_texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for lang in LANGS:
                by_lang[lang].append(text[lang])
    return by_lang


def foreign_phrases(shown: str) -> set[str]:
    """Phrases of the other language that the language ``shown`` does not also use."""
    by_lang = texts_by_language()
    other = next(lang for lang in LANGS if lang != shown)
    own = {p for t in by_lang[shown] for p in phrases(t)}
    own_text = "\n".join(by_lang[shown])
    return {p for t in by_lang[other] for p in phrases(t) if p not in own and p not in own_text}


@functools.cache
def foreign(shown: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (p, re.compile(r"(?<!\w)" + re.escape(p) + r"(?!\w)"))
        for p in sorted(foreign_phrases(shown))
    )


def json_strings(node: Any) -> Iterator[str]:
    """The string values of a JSON document: not its keys (stable data keys, such as the
    inventory's reasons) and not its ``{"nb": ..., "en": ...}`` texts (data in both)."""
    if isinstance(node, dict):
        if set(node) != {"nb", "en"}:
            for value in node.values():
                yield from json_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from json_strings(value)
    elif isinstance(node, str):
        yield node


def shown_text(output: str) -> str:
    """What a reader reads as prose: a JSON report without its bilingual data, a text
    without the ``nb:``/``en:`` lines of a ruleset definition that ``explain`` quotes."""
    try:
        return "\n".join(json_strings(json.loads(output)))
    except ValueError:
        pass
    kept = [line for line in output.splitlines() if not line.lstrip().startswith(("nb:", "en:"))]
    return "\n".join(kept)


def leaks(output: str, shown: str) -> list[str]:
    """The other language's phrases found in ``output`` as whole words (whitespace folded)."""
    folded = " ".join(shown_text(output).split())
    return [p for p, pattern in foreign(shown) if p in folded and pattern.search(folded)]


WAIVERS = (
    "- rule: SEK025\n  subject: documents/D1\n  reason: Arkivet ble byttet\n"
    "  approved_by: V-2024-012\n  expires: 2025-12-31\n"
    "- rule: SEK025\n  subject: documents/D9\n  reason: Arkivet ble byttet\n"
    "  approved_by: V-2024-012\n  expires: 2025-12-31\n"
    "- rule: SEK008\n  subject: documents/D1\n  reason: Gammel avtale\n"
    "  approved_by: V-2023-001\n  expires: 2024-01-31\n"
)


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with every kind of data finding, waivers used, unused and expired."""
    from secretariat_rules.testing import write_repo

    root = tmp_path_factory.mktemp("i18n") / "repo"
    write_repo(
        root,
        None,
        {"waivers.yaml": WAIVERS, "decisions.yaml": "- id: V1\n  meeting: [unclosed\n"},
        documents=[
            LATE,
            {**LATE, "id": "D2", "date": "31.02.2024", "archvied": "x"},
            {**LATE, "id": "D2"},
        ],
        meetings=[{"id": "M1", "body": "nope", "date": "2024-03-01"}],
        distributions=[{"document": "D1", "party": "", "sent": "2024-03-01 10:00"}],
        expenditures=[
            {
                "id": "E1",
                "date": "2024-01-05",
                "amount_nok": "825 000,50",
                "funding": "lotto",
                "category": "analyse",
            }
        ],
    )
    return root


def run(*args: str | Path, lang: str) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args], env={"SECRETARIAT_RULES_LANG": lang})
    assert result.exit_code in (0, 1, 2), result.output
    return result.output


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_check_reports_hold_one_language(
    every_kind: Path, fmt: str, lang: str, tmp_path: Path
) -> None:
    baseline = tmp_path / "baseline.json"
    run("check", every_kind, "--select", "SEK025,DAT", "-f", "json", "-o", baseline, lang=lang)
    output = run("check", every_kind, "--lang", lang, "-f", fmt, "--baseline", baseline, lang=lang)
    assert "DAT001" in output and "WAV00" in output
    assert leaks(output, lang) == []


FIXTURES = ROOT / "fixtures"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ("text", "json", "junit", "html"))
def test_audit_reports_hold_one_language(fmt: str, lang: str) -> None:
    repos = [
        FIXTURES / "miljoloftet",
        FIXTURES / "bymiljopakken",
        FIXTURES / "bymiljopakken-noark5",
    ]
    output = run("audit", *repos, "--lang", lang, "-f", fmt, lang=lang)
    assert leaks(output, lang) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("check", "--help"),
        ("audit", "--help"),
        ("validate", "--help"),
        ("explain", "SEK008"),
        ("explain", "SEK027"),
        ("rules", "--ruleset", "bymiljopakken"),
        ("rules", "--ruleset", "bymiljopakken", "national"),
        ("regions",),
        ("regions", "miljoloftet"),
        ("plugins",),
        ("validate", str(FIXTURES / "bymiljopakken-einnsyn")),
        ("check", str(FIXTURES / "bymiljopakken-noark5"), "--schema-check", "-f", "markdown"),
    ],
    ids=" ".join,
)
def test_commands_hold_one_language(args: tuple[str, ...], lang: str) -> None:
    assert leaks(run(*args, lang=lang), lang) == []
