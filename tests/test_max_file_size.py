"""The largest data file read: 256 MiB by default, SECRETARIAT_RULES_MAX_FILE_MB to change it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from secretariat_rules.cli import main
from secretariat_rules.exceptions import DataFileError, UsageError
from secretariat_rules.sources.confine import (
    MAX_DATA_FILE_BYTES,
    MAX_FILE_MB_VARIABLE,
    data_file_limit,
    read_data_file,
)

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "miljoloftet"


def test_default_limit_without_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MAX_FILE_MB_VARIABLE, raising=False)
    assert data_file_limit() == MAX_DATA_FILE_BYTES == 256 * 1024 * 1024
    monkeypatch.setenv(MAX_FILE_MB_VARIABLE, " ")
    assert data_file_limit() == MAX_DATA_FILE_BYTES


def test_the_variable_sets_the_limit_in_mib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MAX_FILE_MB_VARIABLE, "1024")
    assert data_file_limit() == 1024 * 1024 * 1024


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5", "１２"])
def test_a_bad_value_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(MAX_FILE_MB_VARIABLE, value)
    with pytest.raises(UsageError):
        data_file_limit()


def test_a_file_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "distributions.csv"
    big.write_bytes(b"document,party,sent\n" + b"x" * (1024 * 1024 + 1))
    monkeypatch.setenv(MAX_FILE_MB_VARIABLE, "1")
    with pytest.raises(DataFileError) as raised:
        read_data_file(big, tmp_path)
    assert raised.value.path == "distributions.csv"
    monkeypatch.setenv(MAX_FILE_MB_VARIABLE, "2")
    assert read_data_file(big, tmp_path).startswith(b"document,")


def test_check_reports_the_large_file_as_dat004(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE, repo)
    header = (repo / "distributions.csv").read_bytes()
    (repo / "distributions.csv").write_bytes(header + b"\n" * (1024 * 1024))
    args = ["check", str(repo), "--select", "DAT004", "-f", "json"]
    monkeypatch.setenv(MAX_FILE_MB_VARIABLE, "1")
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 1, refused.output
    assert "distributions.csv: større enn 1048576 byte; den leses ikke" in refused.output
    monkeypatch.setenv(MAX_FILE_MB_VARIABLE, "8")
    read = CliRunner().invoke(main, args)
    assert read.exit_code == 0, read.output
    assert "DAT004" not in read.output.split('"rules"')[0]


def test_check_with_a_bad_value_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MAX_FILE_MB_VARIABLE, "lots")
    result = CliRunner().invoke(main, ["check", str(FIXTURE), "-q", "--lang", "en"])
    assert result.exit_code == 2
    assert "SECRETARIAT_RULES_MAX_FILE_MB='lots'" in result.output
    assert "Traceback" not in result.output
