"""The Excel report (``--format xlsx``): sheets, cells, colours, language, exact bytes,
formula injection, and binary reports refused on a terminal."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from builders import finding
from secretariat_rules.cli.output import refuse_binary_terminal
from secretariat_rules.exceptions import UsageError
from secretariat_rules.findings import Location, Result, RuleOutcome, Severity
from secretariat_rules.reporters.base import ReportOptions, is_binary, render_report
from secretariat_rules.reporters.xlsx import XlsxReporter
from secretariat_rules.reporters.xlsx_book import sheet_title
from secretariat_rules.testing import run_cli

ROOT = Path(__file__).resolve().parents[1]
COMMAND = (sys.executable, "-m", "secretariat_rules")
HEADER_NB = ["Regel", "Alvorlighet", "Punkt", "Gjelder", "Melding", "Slik retter du", "Sted"]


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository root, so reports show ``fixtures/…`` as given."""
    monkeypatch.chdir(ROOT)


def _check(tmp_path: Path, *args: str) -> openpyxl.Workbook:
    out = tmp_path / "report.xlsx"
    run = run_cli("check", "fixtures/miljoloftet", "--format", "xlsx", "--output", out, *args)
    assert run.exit_code == 1, run.stderr  # the fixture has findings
    return openpyxl.load_workbook(out)


def rows(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[object, ...]]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.usefixtures("at_root")
def test_check_workbook_has_a_summary_and_a_sheet_per_section(tmp_path: Path) -> None:
    book = _check(tmp_path)
    assert book.sheetnames == [
        "Sammendrag",
        "1. Sekretariatets rolle i byvek",
        "2. Arbeidslederansvar og arbeid",
        "3. Utadrettet informasjon og ko",
        "4. Økonomi og kostnadsstyring",
        "7. Dokumenthåndtering",
    ]
    summary = rows(book["Sammendrag"])
    assert summary[0] == (
        "Region", "Datarepositorium", "Regelsett", "Per dato", "Periode", "Feil",
        "Advarsler", "Info", "Unntatt", "Regler sjekket", "Regler brutt",
    )  # fmt: skip
    assert summary[1] == (
        "Miljøløftet (miljoloftet)", "fixtures/miljoloftet", "miljoloftet", "2025-06-30",
        "2024-01-01 – 2024-12-31", 6, 1, 0, 0, 43, 7,
    )  # fmt: skip
    section = book["1. Sekretariatets rolle i byvek"]
    assert list(rows(section)[0]) == [*HEADER_NB, "Unntatt"]
    first = rows(section)[1]
    assert first[:4] == ("SEK008", "feil", "1e", "documents/DOK-2024-021")
    assert first[4].startswith("Dokumentet DOK-2024-021 ble ikke gitt likt til alle parter")
    assert first[5].startswith("Send dokumentet til alle partene samtidig")
    assert first[6:] == ("documents.csv:9", "nei")
    assert [r[0] for r in rows(section)[1:]] == ["SEK008", "SEK027"]


@pytest.mark.usefixtures("at_root")
def test_header_frozen_autofilter_and_widths(tmp_path: Path) -> None:
    book = _check(tmp_path)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}" + (
            f"{sheet.max_row}"
        )
        assert sheet["A1"].font.b
    section = book["1. Sekretariatets rolle i byvek"]
    assert section.column_dimensions["A"].width == 8  # "SEK008" + 2
    assert section.column_dimensions["B"].width == 13  # "Alvorlighet" + 2
    assert section.column_dimensions["E"].width == 60  # long messages: capped


@pytest.mark.usefixtures("at_root")
def test_english_through_the_catalogue(tmp_path: Path) -> None:
    book = _check(tmp_path, "--lang", "en")
    assert book.sheetnames[0] == "Summary"
    sheet = book.worksheets[1]
    assert rows(sheet)[0] == (
        "Rule", "Severity", "Clause", "Subject", "Message", "How to fix", "Location", "Waived",
    )  # fmt: skip
    assert rows(sheet)[1][1] == "error" and rows(sheet)[1][7] == "no"


@pytest.mark.usefixtures("at_root")
def test_equal_input_gives_equal_bytes_with_fixed_dates(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for out in (first, second):
        run_cli("check", "fixtures/miljoloftet", "--format", "xlsx", "--output", out)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2025, 6, 30, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2025-06-30T00:00:00Z") == 2  # created and modified: as_of
    props = openpyxl.load_workbook(first).properties
    assert (props.created.isoformat(), props.modified.isoformat()) == (
        "2025-06-30T00:00:00",
        "2025-06-30T00:00:00",
    )


@pytest.mark.usefixtures("at_root")
def test_audit_workbook_matrices_coloured_and_a_sheet_per_region(tmp_path: Path) -> None:
    out = tmp_path / "audit.xlsx"
    args = ("fixtures/miljoloftet", "fixtures/bymiljopakken", "--format", "xlsx")
    run = run_cli("audit", *args, "--output", out)
    assert run.exit_code == 1, run.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "Sammendrag",
        "Matrise nasjonalt",
        "Matrise eget regelsett",
        "miljoloftet",
        "bymiljopakken",
    ]
    summary = rows(book["Sammendrag"])
    assert summary[1] == (
        "miljoloftet", "Miljøløftet", "fixtures/miljoloftet", "miljoloftet", "ok",
        "27/33 81 %", "27/34 79 %", 7,
    )  # fmt: skip
    assert summary[2][5:] == ("33/33 100 %", "34/35 97 %", 2)
    matrix = book["Matrise nasjonalt"]
    header = rows(matrix)[0]
    column = header.index("SEK008") + 1
    assert matrix.cell(2, column).value == "1"
    assert matrix.cell(2, column).fill.fgColor.rgb == "00F6CCCC"  # failed
    assert matrix.cell(3, column).value == "✓"
    assert matrix.cell(3, column).fill.fgColor.rgb == "00D6EFD6"  # passed
    assert rows(matrix)[1][-1] == "27/33 81 %"
    assert rows(matrix)[-1][0] == "Etterlevelse"
    region = rows(book["bymiljopakken"])
    assert region[0][:2] == ("Regelsett", "Regel")
    assert [(r[0], r[1]) for r in region[1:]] == [
        ("bymiljopakken", "SEK006"),
        ("bymiljopakken", "SEK006"),
    ]


def _result(message: str, subject: str) -> Result:
    hostile = finding(
        "SEK008", "x", Severity.ERROR, "1e", "1", subject, message, Location("=cmd|x.csv", 3)
    )
    return Result(
        tool_version="0",
        region="miljoloftet",
        region_name="@Region",
        ruleset="+rs",
        as_of="2025-01-31",
        period_start="2024-01-01",
        period_end="2024-12-31",
        lang="nb",
        fail_on=Severity.ERROR,
        findings=(hostile,),
        rules=(RuleOutcome(id="SEK008", name="x", status="failed", clause="1e", section="1"),),
        data_dir="-data",
        rule_texts={"SEK008": {"fix": "=1+1"}},
    )


def test_values_from_the_data_never_become_formulas() -> None:
    result = _result('=HYPERLINK("http://evil","klikk")', "=documents/x")
    data = XlsxReporter().render_bytes([result], ReportOptions())
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[1]
    cells = [sheet.cell(2, c) for c in range(1, 9)]
    assert [c.value for c in cells][3:7] == [
        "=documents/x",
        '=HYPERLINK("http://evil","klikk")',
        "=1+1",
        "=cmd|x.csv:3",
    ]
    assert {c.data_type for c in cells} == {"s"}
    assert all(c.quotePrefix for c in cells[3:7])
    summary = book["Sammendrag"]
    assert [summary.cell(2, c).data_type for c in (1, 2, 3)] == ["s", "s", "s"]
    assert summary.cell(2, 2).value == "-data" and summary.cell(2, 2).quotePrefix
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = "".join(archive.read(n).decode() for n in archive.namelist() if "sheet" in n)
    assert "<f>" not in xml  # no formula element anywhere


def test_sheet_titles_are_valid_and_unique() -> None:
    assert sheet_title("a/b:c*d?[e]\\f", []) == "a-b-c-d--e--f"
    assert sheet_title("x" * 40, []) == "x" * 31
    assert sheet_title("Sammendrag", ["sammendrag"]) == "Sammendrag (2)"
    assert sheet_title("y" * 40, ["y" * 31]) == "y" * 27 + " (2)"


def test_the_protocol_stays_compatible() -> None:
    reporter = XlsxReporter()
    assert is_binary(reporter)
    with pytest.raises(UsageError):
        reporter.render([_result("m", "a/b")], ReportOptions())

    class TextOnly:  # a third-party reporter written before binary formats
        name, suffix = "plain", ".txt"

        def render(self, results: object, options: ReportOptions) -> str:
            return "ok\n"

    assert not is_binary(TextOnly())
    assert render_report(TextOnly(), [], ReportOptions()) == "ok\n"  # type: ignore[arg-type]


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_binary_to_a_terminal_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as caught:
        refuse_binary_terminal(XlsxReporter(), None, _Tty())
    assert "--output" in caught.value.args[0].render("nb")
    refuse_binary_terminal(XlsxReporter(), Path("r.xlsx"), _Tty())  # a file: fine
    refuse_binary_terminal(XlsxReporter(), None, io.StringIO())  # a pipe: fine


def test_binary_on_a_real_terminal_exits_2(tmp_path: Path) -> None:
    main, secondary = pty.openpty()
    try:
        done = subprocess.run(
            [*COMMAND, "check", "fixtures/miljoloftet", "--format", "xlsx"],
            cwd=ROOT,
            stdout=secondary,
            stderr=subprocess.PIPE,
            env={**os.environ, "SECRETARIAT_RULES_LANG": "nb"},
            timeout=60,
            check=False,
        )
    finally:
        os.close(secondary)
        os.close(main)
    assert done.returncode == 2
    assert "--format xlsx er et binært format" in done.stderr.decode()


@pytest.mark.usefixtures("at_root")
def test_binary_to_a_pipe_is_written_as_is() -> None:
    from click.testing import CliRunner

    from secretariat_rules.cli import main

    result = CliRunner().invoke(main, ["check", "fixtures/miljoloftet", "--format", "xlsx"])
    assert result.exit_code == 1
    assert result.stdout_bytes[:2] == b"PK"
    assert openpyxl.load_workbook(io.BytesIO(result.stdout_bytes)).sheetnames[0] == "Sammendrag"


@pytest.mark.usefixtures("at_root")
def test_xlsx_and_pdf_as_extra_reports_beside_text(tmp_path: Path) -> None:
    out = tmp_path / "extra.xlsx"
    run = run_cli("check", "fixtures/miljoloftet", "--report", f"xlsx={out}", "--lang", "en")
    assert run.exit_code == 1 and "SEK008" in run.output  # the text report on stdout
    assert openpyxl.load_workbook(out).sheetnames[0] == "Summary"
    audit_out = tmp_path / "audit.xlsx"
    run = run_cli("audit", "fixtures/bymiljopakken", "--report", f"xlsx={audit_out}")
    assert run.exit_code == 1
    assert openpyxl.load_workbook(audit_out).sheetnames[-1] == "bymiljopakken"
