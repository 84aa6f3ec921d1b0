"""Errors with a way out: an unknown region, ruleset or referenced id names the closest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from secretariat_rules.testing import BASE_MANIFEST, Repo, run_cli

RepoFactory = Callable[..., Repo]
KNOWN = (
    "known: buskerudbyen, bymiljopakken, grenland, kristiansand, miljoloftet, miljopakken, "
    "nedre-glomma, oslo, tromso"
)


def doc(ident: str) -> dict[str, Any]:
    return {"id": ident, "title": f"Dokument {ident}", "kind": "referat", "date": "2024-03-01"}


def sent(party: str) -> dict[str, str]:
    return {"document": "D1", "party": party, "sent": "2024-03-01T09:00"}


# --------------------------------------------------------------------------- DAT003


def rows(run: Any) -> list[tuple[str, str, str]]:
    return [
        (s, loc[0], f["message"])
        for (_, s, loc), f in zip(run.triples(), run.findings, strict=True)
    ]


def test_dangling_party_names_the_party_by_name_alias_or_id(secretariat_repo: RepoFactory) -> None:
    """``Bergen kommune`` (a name), ``Bergen`` (the id, capitalised), ``vegvesen`` (a part of
    a name), ``vlkf`` (a typo) get their party; ``atlantis`` gets nothing."""
    repo = secretariat_repo(
        documents=[doc("D1")],
        distributions=[
            sent("Bergen kommune"),
            sent("Bergen"),
            sent("vegvesen"),
            sent("vlkf"),
            sent("atlantis"),
        ],
    )
    run = repo.check("--select", "DAT003", "--lang", "en")
    assert run.exit_code == 1, run.stderr
    assert rows(run) == [
        (
            "distributions/row-1",
            "distributions.csv:2",
            "party 'Bergen kommune' names no record of parties; did you mean 'bergen'?",
        ),
        (
            "distributions/row-2",
            "distributions.csv:3",
            "party 'Bergen' names no record of parties; did you mean 'bergen'?",
        ),
        (
            "distributions/row-3",
            "distributions.csv:4",
            "party 'vegvesen' names no record of parties; did you mean 'svv'?",
        ),
        (
            "distributions/row-4",
            "distributions.csv:5",
            "party 'vlkf' names no record of parties; did you mean 'vlfk'?",
        ),
        (
            "distributions/row-5",
            "distributions.csv:6",
            "party 'atlantis' names no record of parties",
        ),
    ]


def test_dangling_body_and_record_ids(secretariat_repo: RepoFactory) -> None:
    """A meeting's body by its name; a document's meeting by the id written in another case."""
    repo = secretariat_repo(
        meetings=[
            {"id": "M-1", "body": "Styringsgruppen", "date": "2024-03-01"},
        ],
        documents=[{**doc("D1"), "meeting": "m-1"}],
    )
    run = repo.check("--select", "DAT003", "--lang", "en")
    assert rows(run) == [
        (
            "documents/D1",
            "documents.csv:2",
            "meeting 'm-1' names no record of meetings; did you mean 'M-1'?",
        ),
        (
            "meetings/M-1",
            "meetings.csv:2",
            "body 'Styringsgruppen' names no record of bodies; did you mean 'sg'?",
        ),
    ]


# --------------------------------------------------------------------------- region


def manifest_without_parties(region: str) -> str:
    data = {k: v for k, v in BASE_MANIFEST.items() if k != "parties"}
    return yaml.safe_dump({**data, "region": region}, allow_unicode=True, sort_keys=False)


def check_text(secretariat_repo: RepoFactory, text: str) -> Any:
    return secretariat_repo(files={"secretariat.yaml": text}).check("--select", "DAT")


@pytest.mark.usefixtures("english")
def test_unknown_region_named_by_a_party_of_one_region(secretariat_repo: RepoFactory) -> None:
    """``region: bergen`` with no parties: Bergen kommune is a party of miljoloftet only."""
    run = check_text(secretariat_repo, manifest_without_parties("bergen"))
    assert run.exit_code == 2
    assert run.stderr.splitlines()[-1] == (
        f"  secretariat.yaml:1: region: unknown region 'bergen'; {KNOWN}; did you mean "
        "'miljoloftet' (its party Bergen kommune)? A region without a plugin must list its "
        "parties in the manifest"
    )
    assert "Traceback" not in run.stderr


@pytest.mark.usefixtures("english")
def test_unknown_region_named_by_the_region_name(secretariat_repo: RepoFactory) -> None:
    run = check_text(secretariat_repo, manifest_without_parties("Nedre Glomma"))
    assert run.exit_code == 2
    assert run.stderr.splitlines()[-1] == (
        "  secretariat.yaml:1: region: unknown region 'Nedre Glomma'; did you mean 'nedre-glomma'?"
    )


@pytest.mark.usefixtures("english")
def test_unknown_region_with_no_close_one(secretariat_repo: RepoFactory) -> None:
    """A party that several regions have (``svv``) points at none of them."""
    run = check_text(secretariat_repo, manifest_without_parties("svv"))
    assert run.exit_code == 2
    assert run.stderr.splitlines()[-1] == (
        f"  secretariat.yaml:1: region: unknown region 'svv'; {KNOWN}; a region without a "
        "plugin must list its parties in the manifest"
    )


def test_a_custom_region_with_its_own_parties_named_like_a_party_is_valid(
    secretariat_repo: RepoFactory,
) -> None:
    """SPEC §2.1: a region needs no plugin when the manifest lists its parties."""
    text = yaml.safe_dump({**BASE_MANIFEST, "region": "bergen"}, allow_unicode=True)
    run = check_text(secretariat_repo, text)
    assert run.exit_code == 0, run.stderr
    assert run.report["region"] == "bergen"


@pytest.mark.usefixtures("english")
def test_init_unknown_region_names_the_closest(tmp_path: Path) -> None:
    run = run_cli("init", tmp_path / "a", "--region", "bergen")
    assert run.exit_code == 2
    assert run.stderr == (
        f"secretariat-rules: error: unknown region 'bergen'; {KNOWN}; did you mean "
        "'miljoloftet' (its party Bergen kommune)?\n"
    )
    assert not (tmp_path / "a").exists()


# --------------------------------------------------------------------------- ruleset


def test_manifest_ruleset_near_miss_has_its_line(secretariat_repo: RepoFactory) -> None:
    text = yaml.safe_dump({**BASE_MANIFEST, "ruleset": "Nasjonal"}, allow_unicode=True)
    line = next(i for i, s in enumerate(text.splitlines(), 1) if s.startswith("ruleset:"))
    run = check_text(secretariat_repo, text)
    assert run.exit_code == 2
    assert run.stderr.splitlines()[-1] == (
        f"  secretariat.yaml:{line}: ruleset: ukjent regelsett 'Nasjonal'; mente du "
        "'national'? (tilgjengelige: bymiljopakken, miljoloftet, national)"
    )


# --------------------------------------------------------------------------- rule ids


@pytest.mark.usefixtures("english")
def test_select_and_ignore_name_the_closest_rule_id(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo()
    for option, value, message in [
        ("--select", "SEK08", "--select SEK08: no rule id starts with 'SEK08'; did you mean "),
        ("--ignore", "SK008", "--ignore SK008: no rule id starts with 'SK008'; did you mean "),
    ]:
        run = repo.check(option, value)
        assert run.exit_code == 2
        assert run.stderr == f"secretariat-rules: error: {message}'SEK008'?\n"
    run = repo.check("--select", "XYZ")
    assert run.stderr == "secretariat-rules: error: --select XYZ: no rule id starts with 'XYZ'\n"


def test_a_waiver_of_no_rule_of_the_ruleset_names_the_closest(
    secretariat_repo: RepoFactory,
) -> None:
    waivers = (
        "- rule: SKE019\n  subject: expenditures/*\n  reason: test\n  approved_by: V-1\n"
        "  expires: 2026-12-31\n"
    )
    run = secretariat_repo(files={"waivers.yaml": waivers}).check("--lang", "en")
    assert run.exit_code in (0, 1), run.stderr
    wav = [f for f in run.findings if f["rule"] == "WAV002"]
    assert [(f["subject"]["id"], f["message"]) for f in wav] == [
        (
            "SKE019:expenditures/*",
            "the waiver of SKE019 expenditures/* matches no finding; remove it (SKE019 is no "
            "rule of the ruleset; did you mean 'SEK019'?)",
        )
    ]
