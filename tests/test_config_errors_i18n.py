"""Configuration errors (exit code 2) read in the run's language: nb by default, en on request.

Manifest, YAML, command-line files, the ``schema`` command and pydantic's validation
errors, all from the catalogue (:mod:`secretariat_rules.i18n.error_messages`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticKnownError

from secretariat_rules.exceptions import ManifestError, UsageError
from secretariat_rules.i18n import catalog
from secretariat_rules.i18n.message import Msg, render_text, using_lang
from secretariat_rules.json_schema import schema_of
from secretariat_rules.safe_files import check_regular_file
from secretariat_rules.schema.errors import PYDANTIC_TYPES, pydantic_message
from secretariat_rules.schema.manifest import Manifest
from secretariat_rules.sources.manifest import read_manifest_data
from secretariat_rules.yamlio import LineIndex, validation_problems


def _manifest_error(tmp_path: Path, text: str) -> ManifestError:
    (tmp_path / "secretariat.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError) as raised:
        read_manifest_data(tmp_path)
    return raised.value


def test_a_manifest_error_reads_in_nb_by_default_and_in_en_on_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SECRETARIAT_RULES_LANG", raising=False)
    error = _manifest_error(tmp_path, "region: x\nname: [unclosed\n")
    assert str(error).startswith("secretariat.yaml:3: ugyldig YAML i manifestet: ")
    monkeypatch.setenv("SECRETARIAT_RULES_LANG", "en")
    assert str(error).startswith("secretariat.yaml:3: invalid YAML in the manifest: ")


def test_a_manifest_validation_problem_reads_in_both_languages_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from secretariat_rules.sources.manifest import build_manifest

    (tmp_path / "secretariat.yaml").write_text(
        "region: x\nparties:\n  - id: a\n    name: A\n    kind: by\nbogus: 1\n", encoding="utf-8"
    )
    data, index = read_manifest_data(tmp_path)
    with pytest.raises(ManifestError) as raised:
        build_manifest(data, index, {})
    monkeypatch.delenv("SECRETARIAT_RULES_LANG", raising=False)
    nb = str(raised.value)
    assert "secretariat.yaml: ugyldig manifest" in nb
    assert (
        "secretariat.yaml:5: parties.0.kind: verdien må være 'kommune', 'fylkeskommune' "
        "eller 'stat'" in nb
    )
    assert "secretariat.yaml:6: bogus: ukjent felt; det er ikke tillatt her" in nb
    monkeypatch.setenv("SECRETARIAT_RULES_LANG", "en")
    en = str(raised.value)
    assert "secretariat.yaml: invalid manifest" in en
    assert (
        "secretariat.yaml:5: parties.0.kind: Input should be 'kommune', 'fylkeskommune' "
        "or 'stat'" in en
    )
    assert "secretariat.yaml:6: bogus: Extra inputs are not permitted" in en


def test_a_validator_message_is_the_catalogues_in_either_language() -> None:
    with pytest.raises(ValidationError) as raised:
        Manifest.model_validate(
            {"region": "x", "period": {"start": "2025-01-01", "end": "2024-01-01"}}
        )
    (problem,) = validation_problems(raised.value, LineIndex("secretariat.yaml"))
    assert render_text(problem.message, "nb") == (
        "period: periodens start 2025-01-01 er etter slutten 2024-01-01"
    )
    assert render_text(problem.message, "en") == (
        "period: Value error, period start 2025-01-01 is after its end 2024-01-01"
    )


def test_yaml_bounds_and_top_level_problems_are_translated(tmp_path: Path) -> None:
    error = _manifest_error(tmp_path, "region: x\nregion: y\n")
    with using_lang("nb"):
        assert "nøkkelen 'region' står to ganger på samme nivå (første gang på linje 1)" in (
            str(error)
        )
    with using_lang("en"):
        assert "key 'region' is given twice in one mapping (first on line 1)" in str(error)
    with pytest.raises(ValidationError) as raised:
        Manifest.model_validate([])
    (problem,) = validation_problems(raised.value, LineIndex("secretariat.yaml"))
    assert render_text(problem.message, "nb").startswith("(øverste nivå): ")
    assert render_text(problem.message, "en").startswith("(top level): ")


def test_command_line_files_and_the_schema_command_in_both_languages(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as missing:
        check_regular_file(tmp_path / "nope.yaml", "--waivers")
    with pytest.raises(UsageError) as directory:
        check_regular_file(tmp_path, "--baseline")
    with pytest.raises(UsageError) as schema:
        schema_of("bogus", None, {})
    with using_lang("nb"):
        assert str(missing.value).endswith("nope.yaml: filen finnes ikke")
        assert "ikke en vanlig fil" in str(directory.value)
        assert str(schema.value).startswith("ukjent skjema 'bogus'; velg blant: manifest, ")
    with using_lang("en"):
        assert str(missing.value).endswith("nope.yaml: no such file")
        assert "not a regular file" in str(directory.value)
        assert str(schema.value).startswith("unknown schema 'bogus'; choose from: manifest, ")


CTX: dict[str, dict[str, object]] = {
    "literal_error": {"expected": "'nb' or 'en'"},
    "string_pattern_mismatch": {"pattern": r"^\d{9}$"},
    "string_too_short": {"min_length": 1},
    "string_too_long": {"max_length": 3},
    "model_type": {"class_name": "Party"},
    "date_parsing": {"error": "input is too short"},
    "date_from_datetime_parsing": {"error": "input is too short"},
    "datetime_parsing": {"error": "input is too short"},
    "datetime_from_date_parsing": {"error": "input is too short"},
    "greater_than_equal": {"ge": 1},
    "less_than_equal": {"le": 9999},
    "greater_than": {"gt": 0},
    "less_than": {"lt": 10},
    "too_short": {"field_type": "List", "min_length": 1, "actual_length": 0},
    "too_long": {"field_type": "List", "max_length": 2, "actual_length": 3},
}


@pytest.mark.parametrize("kind", sorted(PYDANTIC_TYPES))
def test_pydantic_types_in_english_are_pydantics_own_words(kind: str) -> None:
    ctx = CTX.get(kind)
    error = PydanticKnownError(kind, ctx)  # type: ignore[arg-type]
    err = {"type": kind, "msg": error.message(), "ctx": ctx or {}, "loc": ()}
    message = pydantic_message(err)
    assert isinstance(message, Msg)
    assert message.render("en") == error.message()
    assert message.render("nb") != error.message()


def test_plural_pydantic_entries_follow_the_count() -> None:
    for count in (1, 2):
        error = PydanticKnownError("string_too_short", {"min_length": count})
        err = {"type": "string_too_short", "msg": error.message(), "ctx": {"min_length": count}}
        assert render_text(pydantic_message(err), "en") == error.message()


def test_an_unknown_pydantic_type_falls_back_to_pydantics_english() -> None:
    err = {"type": "url_parsing", "msg": "Input should be a valid URL", "ctx": {}}
    assert pydantic_message(err) == "Input should be a valid URL"
    # a known type whose ctx lacks a value its entry needs: the same fallback
    err = {"type": "literal_error", "msg": "Input should be 'a'"}
    assert pydantic_message(err) == "Input should be 'a'"


def test_every_error_key_is_in_both_languages() -> None:
    from secretariat_rules.i18n.error_messages import MESSAGES

    assert set(MESSAGES["nb"]) == set(MESSAGES["en"])
    for key in MESSAGES["en"]:
        assert catalog.MESSAGES["nb"][key] and catalog.MESSAGES["en"][key]
