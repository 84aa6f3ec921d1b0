"""Ruleset, condition, plugin, pull and suggestion errors read in nb by default, in English
with SECRETARIAT_RULES_LANG=en (the catalogue ``i18n/engine_messages.py``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from secretariat_rules.crashes import internal_error_line
from secretariat_rules.engine.ruleset import locate_ruleset
from secretariat_rules.exceptions import RulesetError
from secretariat_rules.i18n.engine_messages import MESSAGES
from secretariat_rules.i18n.message import LANG_ENV, msg, using_lang
from secretariat_rules.pull.einnsyn import check_body
from secretariat_rules.testing import Repo, run_cli

RepoFactory = Callable[..., Repo]

BAD_RULE = (
    "ruleset: bad\nrules:\n"
    "  - id: XYZ002\n    name: bad-2\n    clause: 1a\n    modal: skal\n"
    "    title: {nb: t, en: t}\n    message: {nb: m, en: m}\n    guideline: g\n"
    "    check:\n      kind: record\n      collection: meetings\n"
    "      require: [{that: {field: body.nonsense, eq: 1}, reason: {nb: r, en: r}}]\n"
)


def test_every_key_is_in_both_languages_and_fills_in() -> None:
    assert MESSAGES["nb"].keys() == MESSAGES["en"].keys()
    for key in MESSAGES["nb"]:
        for lang in ("nb", "en"):
            MESSAGES[lang][key].format_map(_Anything())


class _Anything(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return key


def test_unknown_rule_suggestion_nb_by_default_en_on_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(LANG_ENV, raising=False)
    run = run_cli("explain", "sek027")
    assert run.exit_code == 2
    assert (
        "regelsettene national, bymiljopakken, miljoloftet har ingen regel 'sek027'; "
        "mente du 'SEK027'?" in run.stderr
    )
    monkeypatch.setenv(LANG_ENV, "en")
    run = run_cli("explain", "sek027")
    assert run.exit_code == 2
    assert (
        "the rulesets national, bymiljopakken, miljoloftet have no rule 'sek027'; "
        "did you mean 'SEK027'?" in run.stderr
    )


def test_unknown_ruleset_suggestion_in_both_languages() -> None:
    available = {"national": Path("national.yaml"), "miljoloftet": Path("m.yaml")}
    with pytest.raises(RulesetError) as caught:
        locate_ruleset("Nasjonal", available)
    with using_lang("nb"):
        assert str(caught.value) == (
            "ukjent regelsett 'Nasjonal'; mente du 'national'? "
            "(tilgjengelige: miljoloftet, national)"
        )
    with using_lang("en"):
        assert str(caught.value) == (
            "unknown ruleset 'Nasjonal'; did you mean 'national'? "
            "(available: miljoloftet, national)"
        )
    with pytest.raises(RulesetError) as caught, using_lang("nb"):
        locate_ruleset("atlantis", {})
    assert str(caught.value) == "ukjent regelsett 'atlantis' (tilgjengelige: ingen)"


def test_condition_error_keeps_the_rule_file_and_line_in_both_languages(
    secretariat_repo: RepoFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ruleset = tmp_path / "bad.yaml"
    ruleset.write_text(BAD_RULE, encoding="utf-8")
    monkeypatch.delenv(LANG_ENV, raising=False)
    run = secretariat_repo().check("--ruleset", str(ruleset))
    assert run.exit_code == 2
    assert "regelsettet 'bad' er ugyldig" in run.stderr
    assert f"{ruleset}:10: regel XYZ002: bodies har ikke feltet 'nonsense'" in run.stderr
    monkeypatch.setenv(LANG_ENV, "en")
    run = secretariat_repo().check("--ruleset", str(ruleset))
    assert run.exit_code == 2
    assert "ruleset 'bad' is invalid" in run.stderr
    assert f"{ruleset}:10: rule XYZ002: bodies has no field 'nonsense'" in run.stderr


def test_nested_messages_render_in_one_language() -> None:
    where = msg("suggest.rule.none", rulesets="national", query="'SEK08'")
    close = msg("suggest.rule.close", where=where, close="SEK008 late-distribution")
    assert close.render("nb") == (
        "regelsettene national har ingen regel 'SEK08'; mente du: SEK008 late-distribution?"
    )
    assert close.render("en") == (
        "the rulesets national have no rule 'SEK08'; did you mean: SEK008 late-distribution?"
    )
    duplicate = msg(
        "error.plugin.duplicate",
        kind=msg("error.plugin.kind.source_adapter"),
        name="noark5",
        first="a",
        second="b",
    )
    assert duplicate.render("nb") == "kildeadapter 'noark5' leveres av både 'a' og 'b'"
    assert duplicate.render("en") == "source adapter 'noark5' is provided by both 'a' and 'b'"


def test_pull_and_internal_errors_in_both_languages() -> None:
    with pytest.raises(Exception) as caught:
        check_body("Bergen")
    with using_lang("nb"):
        assert str(caught.value) == (
            "--body 'Bergen': forventet en eInnsyn-enhets-id, f.eks. enh_01h2…"
        )
    with using_lang("en"):
        assert str(caught.value) == (
            "--body 'Bergen': expected an eInnsyn enhet id such as enh_01h2…"
        )
    try:
        raise ZeroDivisionError
    except ZeroDivisionError as exc:
        with using_lang("nb"):
            assert internal_error_line(exc).startswith(
                "secretariat-rules: intern feil: ZeroDivisionError at "
            )
        with using_lang("en"):
            assert "please report it with the command you ran" in internal_error_line(exc)


def test_a_check_that_does_not_validate_reads_in_nb_and_en(
    secretariat_repo: RepoFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ruleset = tmp_path / "bad.yaml"
    ruleset.write_text(BAD_RULE.replace("eq: 1", "eq: 1, ne: 2"), encoding="utf-8")
    monkeypatch.delenv(LANG_ENV, raising=False)
    run = secretariat_repo().check("--ruleset", str(ruleset))
    assert run.exit_code == 2
    assert "bad.yaml' er ugyldig" in run.stderr
    assert "regel XYZ002: check.require.0.that" in run.stderr
    assert "en sammenligning har nøyaktig én operator av: eq, ne, lt" in run.stderr
    monkeypatch.setenv(LANG_ENV, "en")
    run = secretariat_repo().check("--ruleset", str(ruleset))
    assert "rule XYZ002: check.require.0.that" in run.stderr
    assert "Value error, a comparison has exactly one operator of: eq, ne, lt" in run.stderr
