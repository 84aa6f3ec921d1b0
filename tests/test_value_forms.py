"""SPEC §2.3 value forms wherever a person writes a value, and every rejection.

One scalar parser (``sources.values``) serves data files, the manifest, waivers,
attestations and command-line options; ids are matched as written and a near miss names
the closest known id; non-finite, overflowing and year-0 values, and ids with control or
invisible characters, are DAT001 in data and exit 2 elsewhere; echoed values are escaped
and cut at 80 characters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from secretariat_rules.sources.values import (
    closest,
    is_valid_org_number,
    org_number_check_digit,
    parse_scalar,
    printable,
)
from secretariat_rules.testing import BASE_MANIFEST, Repo, run_cli

RepoFactory = Callable[..., Repo]
BASE = yaml.safe_dump(BASE_MANIFEST, allow_unicode=True, sort_keys=False)
NBSP, NNBSP, MINUS = "\u00a0", "\u202f", "\u2212"


def manifest_text(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def expenditure(ident: str, amount: str) -> dict[str, str]:
    return {
        "id": ident,
        "date": "2024-03-01",
        "amount_nok": amount,
        "funding": "annet",
        "category": "analyse",
    }


# --------------------------------------------------------------------------- data files

AMOUNTS = [
    ("825000", 825000.0),
    ("825 000", 825000.0),
    (f"825{NBSP}000", 825000.0),
    (f"825{NNBSP}000", 825000.0),
    ("825 000,50", 825000.5),
    ("825.000,50", 825000.5),
    ("kr 825 000", 825000.0),
    ("NOK 825000", 825000.0),
    ("825 000 kr", 825000.0),
    ("kr 825 000,-", 825000.0),
    ("825 000,-", 825000.0),
    (f"kr{NBSP}825{NNBSP}000,-", 825000.0),
    ("-1 000,-", -1000.0),
    (f"{MINUS}1 000,-", -1000.0),
    (f"{MINUS}825 000 kr", -825000.0),
]


@pytest.mark.parametrize(("raw", "expected"), AMOUNTS)
def test_amount_forms_parse(raw: str, expected: float) -> None:
    assert parse_scalar(raw, "amount") == expected


def test_amount_forms_in_a_data_csv_give_no_dat001(secretariat_repo: RepoFactory) -> None:
    rows = [expenditure(f"E-{i}", raw) for i, (raw, _) in enumerate(AMOUNTS, 1)]
    run = secretariat_repo(expenditures=rows).check("--select", "DAT001")
    assert run.exit_code == 0, run.stderr
    assert run.triples() == []


def test_bad_values_in_data_are_dat001_with_escaped_cut_values(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        meetings=[
            {"id": "M-1", "body": "sg", "date": "0000-01-01"},
            {"id": "M\ufeff2", "body": "sg", "date": "2024-02-01"},
            {"id": "M-3", "body": "s\u200bg", "date": "2024-02-01"},
            {"id": "M-4", "body": "sg", "date": "2024-02-01T10:00"},
        ],
        expenditures=[expenditure("E-1", "9" * 400), expenditure("E\x002", "1 000")],
    )
    run = repo.check("--lang", "en", "--select", "DAT001")
    assert run.exit_code == 1, run.stderr
    assert sorted(run.triples()) == [
        ("DAT001", "expenditures/E-1", ("expenditures.csv:2",)),
        ("DAT001", "expenditures/row-2", ("expenditures.csv:3",)),
        ("DAT001", "meetings/M-1", ("meetings.csv:2",)),
        ("DAT001", "meetings/M-3", ("meetings.csv:4",)),
        ("DAT001", "meetings/M-4", ("meetings.csv:5",)),
        ("DAT001", "meetings/row-2", ("meetings.csv:3",)),
    ]
    messages = {f"{f['subject']['collection']}/{f['subject']['id']}": f for f in run.findings}
    assert messages["expenditures/E-1"]["message"] == (
        "amount_nok: invalid value '" + "9" * 79 + "…' (expected an amount in NOK such as "
        "825000, 825 000,50, 825.000,50 or kr 825 000)"
    )
    assert messages["meetings/row-2"]["message"] == (
        "id: invalid value 'M\\ufeff2' (expected text without control or invisible characters)"
    )
    assert messages["meetings/M-3"]["message"] == (
        "body: invalid value 's\\u200bg' (expected text without control or invisible characters)"
    )
    assert messages["expenditures/row-2"]["message"].startswith("id: invalid value 'E\\x002'")
    assert "date: invalid value '0000-01-01'" in messages["meetings/M-1"]["message"]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "expenditures.yaml",
            "- {id: E-1, date: 2024-03-01, amount_nok: .nan, funding: annet, category: analyse}\n"
            "- {id: E-2, date: 0000-01-01, amount_nok: 1, funding: annet, category: analyse}\n"
            '- {id: "E\\ufeff3", date: 2024-03-01, amount_nok: 1, funding: annet,'
            " category: analyse}\n"
            "- {id: E-4, date: 2024-03-01, amount_nok: -.inf, funding: annet, category: analyse}\n",
            [
                ("expenditures/E-1", "amount_nok: invalid value '.nan'"),
                ("expenditures/E-2", "date: invalid value '0000-01-01'"),
                ("expenditures/row-3", "id: invalid value 'E\\ufeff3'"),
                ("expenditures/E-4", "amount_nok: invalid value '-.inf'"),
            ],
        ),
        (
            "expenditures.json",
            '[{"id": "E-1", "date": "2024-03-01", "amount_nok": 1e999, "funding": "annet",'
            ' "category": "analyse"}, {"id": "E-2", "date": "2024-03-01", "amount_nok": '
            + "9" * 400
            + ', "funding": "annet", "category": "analyse"}]',
            [
                ("expenditures/E-1", "amount_nok: invalid value '1e999'"),
                ("expenditures/E-2", "amount_nok: invalid value '" + "9" * 79 + "…'"),
            ],
        ),
    ],
)
def test_non_finite_numbers_in_yaml_and_json_data_are_dat001(
    secretariat_repo: RepoFactory, name: str, text: str, expected: list[tuple[str, str]]
) -> None:
    run = secretariat_repo(files={name: text}).check("--lang", "en", "--select", "DAT")
    assert run.exit_code == 1, run.stderr
    got = [
        (f"{f['subject']['collection']}/{f['subject']['id']}", f["message"])
        for f in run.findings
        if f["rule"] == "DAT001"
    ]
    assert sorted(subject for subject, _ in got) == sorted(subject for subject, _ in expected)
    for (_, message), (_, start) in zip(sorted(got), sorted(expected), strict=True):
        assert message.startswith(start), message


# --------------------------------------------------------------------------- manifest


def check_manifest(secretariat_repo: RepoFactory, text: str, *args: str) -> Any:
    return secretariat_repo(files={"secretariat.yaml": text}).check(*args)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("delegated_authority_nok: 500000", "delegated_authority_nok: 500 000"),
        ("delegated_authority_nok: 500000", "delegated_authority_nok: kr 500 000,-"),
        ("delegated_authority_nok: 500000", f"delegated_authority_nok: 500{NBSP}000 kr"),
        ("delegated_authority_nok: 500000", "delegated_authority_nok: '500.000,00'"),
        ("as_of: '2025-06-30'", "as_of: 30.06.2025"),
        ("annual_cap_nok: null", "annual_cap_nok: 1 000 000,-"),
        ("start: '2024-01-01'", "start: 01.01.2024"),
        ("964338531", "964 338 531"),
    ],
)
def test_manifest_value_forms_are_accepted(
    secretariat_repo: RepoFactory, old: str, new: str
) -> None:
    run = check_manifest(secretariat_repo, manifest_text(old, new), "--select", "DAT")
    assert run.exit_code == 0, run.stderr


def test_manifest_amounts_reach_the_rules(secretariat_repo: RepoFactory) -> None:
    """SEK019 compares with the parsed 500 000: an 600 000 spending without a decision."""
    text = manifest_text("delegated_authority_nok: 500000", "delegated_authority_nok: kr 500 000,-")
    rows = [expenditure("E-1", "600 000"), expenditure("E-2", "400 000")]
    run = secretariat_repo(files={"secretariat.yaml": text}, expenditures=rows).check(
        "--select", "SEK019"
    )
    assert run.subjects("SEK019") == ["expenditures/E-1"]


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "delegated_authority_nok: 500000",
            "delegated_authority_nok: .nan",
            "delegated_authority_nok",
            "secretariat.delegated_authority_nok: Value error, invalid value 'nan': expected an "
            "amount in NOK",
        ),
        (
            "delegated_authority_nok: 500000",
            "delegated_authority_nok: .inf",
            "delegated_authority_nok",
            "secretariat.delegated_authority_nok: Value error, invalid value 'inf'",
        ),
        (
            "delegated_authority_nok: 500000",
            "delegated_authority_nok: 1e999",
            "delegated_authority_nok",
            "secretariat.delegated_authority_nok: Value error, invalid value '1e999'",
        ),
        (
            "delegated_authority_nok: 500000",
            "delegated_authority_nok: " + "9" * 400,
            "delegated_authority_nok",
            "secretariat.delegated_authority_nok: Value error, invalid value '" + "9" * 79 + "…'",
        ),
        (
            "annual_cap_nok: null",
            "annual_cap_nok: -.inf",
            "annual_cap_nok",
            "secretariat.toll_funding.annual_cap_nok: Value error, invalid value '-inf'",
        ),
        (
            "as_of: '2025-06-30'",
            "as_of: 0000-01-01",
            "as_of",
            "as_of: Value error, invalid value '0000-01-01': expected a date",
        ),
        (
            "as_of: '2025-06-30'",
            "as_of: 31.06.2025",
            "as_of",
            "as_of: Value error, invalid value '31.06.2025'",
        ),
        (
            "964338531",
            "964338532",
            "964338532",
            "parties.0.org_number: Value error, organisation number 964338532 fails the mod-11 "
            "check digit",
        ),
        (
            "id: bergen",
            'id: "berg\\ufeffen"',
            "berg",
            "parties.0.id: Value error, 'berg\\ufeffen' contains a control or invisible character",
        ),
        (
            "id: sg",
            'id: "s\\0g"',
            "s\\0g",
            "bodies.0.id: Value error, 's\\x00g' contains a control or invisible character",
        ),
        (
            "https://www.testregionen.no",
            "http://[::1",
            "kind: web",
            "channels.1: Value error, address 'http://[::1' is not a valid URL",
        ),
        (
            "region: testregion",
            "region: miljøløftet",
            "region:",
            "region: unknown region 'miljøløftet'; did you mean 'miljoloftet'?",
        ),
        (
            "region: testregion",
            "region: Miljoloftet",
            "region:",
            "region: unknown region 'Miljoloftet'; did you mean 'miljoloftet'?",
        ),
    ],
)
@pytest.mark.usefixtures("english")
def test_bad_manifest_values_exit_2_with_file_line(
    secretariat_repo: RepoFactory, old: str, new: str, needle: str, message: str
) -> None:
    text = manifest_text(old, new)
    run = check_manifest(secretariat_repo, text)
    assert run.exit_code == 2, run.stderr
    assert f"secretariat.yaml:{line_of(text, needle)}: {message}" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.usefixtures("english")
def test_a_domain_with_a_bidi_control_exits_2(secretariat_repo: RepoFactory) -> None:
    text = manifest_text("- vegvesen.no", '- "vegvesen.no\\u202e"')
    run = check_manifest(secretariat_repo, text)
    assert run.exit_code == 2
    domains = line_of(text, "vegvesen.no\\u202e") - 1  # the list's key line
    assert (
        f"secretariat.yaml:{domains}: parties.2.domains: Value error, 'vegvesen.no\\u202e' "
        "contains a control or invisible character"
    ) in run.stderr


@pytest.mark.usefixtures("english")
def test_unknown_region_without_parties_exits_2(secretariat_repo: RepoFactory) -> None:
    """``region: bergen`` (no such plugin) with no parties is an error (tests/test_suggestions.py
    pins the whole message)."""
    data = {k: v for k, v in BASE_MANIFEST.items() if k != "parties"}
    text = yaml.safe_dump({**data, "region": "bergen"}, allow_unicode=True, sort_keys=False)
    run = check_manifest(secretariat_repo, text)
    assert run.exit_code == 2
    assert (
        "secretariat.yaml:1: region: unknown region 'bergen'; known: buskerudbyen, " in run.stderr
    )
    assert "A region without a plugin must list its parties in the manifest" in run.stderr


def test_unknown_region_with_its_own_parties_is_accepted(secretariat_repo: RepoFactory) -> None:
    """BASE_MANIFEST's ``testregion`` has no plugin but lists its parties (SPEC §2.1)."""
    run = check_manifest(secretariat_repo, BASE, "--select", "DAT")
    assert run.exit_code == 0, run.stderr


@pytest.mark.usefixtures("english")
def test_manifest_ruleset_near_miss(secretariat_repo: RepoFactory) -> None:
    run = check_manifest(secretariat_repo, manifest_text("ruleset: national", "ruleset: Nasjonal"))
    assert run.exit_code == 2
    assert "unknown ruleset 'Nasjonal'; did you mean 'national'? (available: " in run.stderr


# --------------------------------------------------------------------------- waivers


def waiver(expires: str, rule: str = "SEK019") -> str:
    return (
        f"- rule: {rule}\n  subject: expenditures/*\n  reason: test\n"
        f"  approved_by: V-1\n  expires: {expires}\n"
    )


@pytest.mark.parametrize("expires", ["31.12.2025", "2025-12-31", "'31.12.2025'", "1.1.2026"])
def test_waiver_expiry_forms(secretariat_repo: RepoFactory, expires: str) -> None:
    repo = secretariat_repo(
        files={"waivers.yaml": waiver(expires)}, expenditures=[expenditure("E-1", "600 000")]
    )
    run = repo.check("--select", "SEK019")
    assert run.exit_code == 0, run.stderr
    assert [f["waived"] for f in run.findings if f["rule"] == "SEK019"] == [True]


@pytest.mark.parametrize(
    ("expires", "rule", "message"),
    [
        ("31.13.2025", "SEK019", "expires: Value error, invalid value '31.13.2025'"),
        ("0000-01-01", "SEK019", "expires: Value error, invalid value '0000-01-01'"),
        (
            "2025-12-31",
            "sek019",
            "rule: Value error, 'sek019' is not a rule id such as SEK019; did you mean 'SEK019'?",
        ),
    ],
)
@pytest.mark.usefixtures("english")
def test_bad_waiver_values_exit_2(
    secretariat_repo: RepoFactory, expires: str, rule: str, message: str
) -> None:
    repo = secretariat_repo(files={"waivers.yaml": waiver(expires, rule)})
    run = repo.check()
    assert run.exit_code == 2
    assert message in run.stderr and "waivers.yaml:" in run.stderr


# --------------------------------------------------------------------------- attestations


@pytest.mark.parametrize(("answer", "finding"), [("ja", False), ("delvis", True), ("nei", True)])
def test_attestation_answers_in_norwegian(
    secretariat_repo: RepoFactory, answer: str, finding: bool
) -> None:
    """``ja`` passes; ``delvis`` (partly) and ``nei`` (no) are findings on the item."""
    text = (
        f"- item: SEK101\n  answer: {answer}\n  evidence: Referat\n  by: Leder\n"
        "  date: 01.03.2025\n"
    )
    run = secretariat_repo(files={"attestations.yaml": text}).check("--select", "SEK101")
    assert run.exit_code in (0, 1), run.stderr
    assert run.subjects("SEK101") == (["attestations/SEK101"] if finding else [])


@pytest.mark.usefixtures("english")
def test_attestation_item_near_miss(secretariat_repo: RepoFactory) -> None:
    text = "- item: sek101\n  answer: ja\n  date: 01.03.2025\n"
    run = secretariat_repo(files={"attestations.yaml": text}).check()
    assert run.exit_code == 2
    assert "did you mean 'SEK101'?" in run.stderr


# --------------------------------------------------------------------------- command line


@pytest.mark.parametrize("as_of", ["30.06.2025", "2025-06-30", "30.6.2025"])
def test_as_of_forms(secretariat_repo: RepoFactory, as_of: str) -> None:
    run = secretariat_repo().check("--as-of", as_of, "--select", "DAT")
    assert run.exit_code == 0, run.stderr
    assert run.report["as_of"] == "2025-06-30"


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-01-01..2024-06-30", "2024-01-01", "2024-06-30"),
        ("01.01.2024..30.06.2024", "2024-01-01", "2024-06-30"),
        ("2023..2024", "2023-01-01", "2024-12-31"),
        ("1.1.2024..2024", "2024-01-01", "2024-12-31"),
    ],
)
def test_period_forms(secretariat_repo: RepoFactory, period: str, start: str, end: str) -> None:
    run = secretariat_repo().check("--period", period, "--select", "DAT")
    assert run.exit_code == 0, run.stderr
    assert run.report["period"] == {"start": start, "end": end}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--period", "0000"), "--period '0000': year 0000 does not exist"),
        (("--period", "0000..2024"), "--period '0000..2024': year 0000 does not exist"),
        (("--period", "2025..2024"), "--period '2025..2024': start is after end"),
        (("--period", "2024-T2"), "--period '2024-T2': expected a year (2024) or START..END"),
        (
            ("--period", "31.02.2024..2024"),
            "--period '31.02.2024..2024': '31.02.2024' is not a date",
        ),
        (("--as-of", "0000-01-01"), "--as-of '0000-01-01': expected a date such as 2025-06-30"),
        (("--as-of", "31.06.2025"), "--as-of '31.06.2025': expected a date"),
        (("--as-of", "2025-06-30\x00"), "--as-of '2025-06-30\\x00': expected a date"),
        (("--as-of", "9" * 200), "--as-of '" + "9" * 79 + "…': expected a date"),
        (("--select", "sek008"), "rule id 'sek008': ids are matched as written; did you mean "),
        (("--ignore", "Sek0"), "rule id 'Sek0': ids are matched as written; did you mean 'SEK0'?"),
        (("--ruleset", "Nationall"), "unknown ruleset 'Nationall'; did you mean 'national'?"),
    ],
)
@pytest.mark.usefixtures("english")
def test_bad_command_line_values_exit_2(
    secretariat_repo: RepoFactory, args: tuple[str, ...], message: str
) -> None:
    run = secretariat_repo().check(*args)
    assert run.exit_code == 2, run.stderr
    assert message in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.usefixtures("english")
def test_explain_matches_ids_as_written() -> None:
    assert run_cli("explain", "SEK008").exit_code == 0
    run = run_cli("explain", "sek008")
    assert run.exit_code == 2
    assert "have no rule 'sek008'; did you mean 'SEK008'?" in run.stderr
    run = run_cli("explain", "sek008", "--ruleset", "national")
    assert "ruleset 'national' has no rule 'sek008'; did you mean 'SEK008'?" in run.stderr


@pytest.mark.usefixtures("english")
def test_init_region_near_miss(tmp_path: Path) -> None:
    run = run_cli("init", tmp_path / "a", "--region", "Miljøløftet")
    assert run.exit_code == 2
    assert "unknown region 'Miljøløftet'; known: " in run.stderr
    assert run.stderr.endswith("; did you mean 'miljoloftet'?\n")


# --------------------------------------------------------------------------- helpers


def test_printable_escapes_and_cuts() -> None:
    assert printable("a\x00b\u200b\ufeff\u202e\n") == "'a\\x00b\\u200b\\ufeff\\u202e\\n'"
    assert printable(f"825{NBSP}000") == f"'825{NBSP}000'"
    assert printable("x" * 80) == "'" + "x" * 80 + "'"
    assert printable("x" * 81) == "'" + "x" * 79 + "…'"


def test_closest_folds_case_and_norwegian_letters() -> None:
    known = ["miljoloftet", "bymiljopakken", "nedre-glomma"]
    assert closest("miljøløftet", known) == "miljoloftet"
    assert closest("Bymiljøpakken", known) == "bymiljopakken"
    assert closest("nedre_glomma", known) == "nedre-glomma"
    assert closest("bergen", known) is None


def test_one_org_number_check_shared_with_the_plugin() -> None:
    from secretariat_regions import orgnr

    assert orgnr.is_valid is is_valid_org_number
    assert orgnr.check_digit is org_number_check_digit
    assert is_valid_org_number("971032081") and not is_valid_org_number("971032082")
    assert not is_valid_org_number("٩٧١٠٣٢٠٨١")  # non-ASCII digits


def test_native_yaml_values_are_checked_like_text() -> None:
    assert parse_scalar(dt.date(2025, 6, 30), "date") == dt.date(2025, 6, 30)
    assert parse_scalar(500000, "amount") == 500000.0
    for bad in (float("nan"), float("inf"), True):
        with pytest.raises(ValueError):
            parse_scalar(bad, "amount")


@pytest.mark.usefixtures("english")
def test_an_unknown_manifest_key_is_echoed_escaped(secretariat_repo: RepoFactory) -> None:
    text = BASE + '"na\\u200bme": x\n'
    run = check_manifest(secretariat_repo, text)
    assert run.exit_code == 2
    expected = f"secretariat.yaml:{len(text.splitlines())}: na\\u200bme: Extra inputs"
    assert expected in run.stderr
