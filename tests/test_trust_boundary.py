"""The trust boundary of a data repository (SPEC §9, README "Trust model").

Confinement (symlinks, special files, paths outside), bounded parsing (YAML, JSON, XML,
xlsx), no lost records across files and adapters, and no silently ignored file. Bombs
run in a subprocess that reports its own time and peak RSS.
"""

from __future__ import annotations

import copy
import io
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from secretariat_rules.api import load_dataset
from secretariat_rules.i18n.message import render_text
from secretariat_rules.sources import confine
from secretariat_rules.testing import BASE_MANIFEST, Repo, write_repo

RepoFactory = Callable[..., Repo]

pytestmark = pytest.mark.usefixtures("english")

SENTINEL = "SENTINEL-c0ffee-TOKEN-93b1"
MEETING = {"id": "M1", "body": "sg", "date": "2024-03-01", "notice_sent": "2024-02-20"}
FORMATS = ("json", "sarif", "markdown", "html", "junit", "text")


def outside_secret(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "secret.csv"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(f"id,body,date,{SENTINEL}\nM9,sg,2024-01-01,{SENTINEL}\n")
    return secret


def all_reports(repo: Repo, tmp_path: Path, *args: str) -> str:
    """Every report format of one run, concatenated (plus the run's own stdout/stderr)."""
    out = tmp_path / "reports"
    out.mkdir(exist_ok=True)
    reports = [f"--report={f}={out / f'report.{f}'}" for f in FORMATS[1:]]
    run = repo.check("--lang", "en", *reports, *args)
    texts = [run.output, run.stderr]
    paths = [out / f"report.{f}" for f in FORMATS[1:]]
    texts += [p.read_text() for p in paths if p.exists()]
    return "\n".join(texts)


def dat(run: Any, prefix: str = "DAT") -> list[tuple[str, str, tuple[str, ...]]]:
    return [t for t in run.triples() if t[0].startswith(prefix)]


# --------------------------------------------------------------------------- confinement


@pytest.mark.parametrize("target", ["outside", "inside", "dangling"])
def test_a_symlinked_collection_file_is_dat004_and_never_read(
    secretariat_repo: RepoFactory, tmp_path: Path, target: str
) -> None:
    repo = secretariat_repo()
    link = repo.path / "meetings.csv"
    if target == "outside":
        link.symlink_to(outside_secret(tmp_path))
    elif target == "inside":
        (repo.path / "data").mkdir()
        (repo.path / "data" / "m.csv").write_text(f"id,body,date\n{SENTINEL},sg,2024-01-01\n")
        link.symlink_to(repo.path / "data" / "m.csv")
    else:
        link.symlink_to(tmp_path / "nowhere.csv")
    text = all_reports(repo, tmp_path, "--select", "DAT")
    run = repo.check("--lang", "en", "--select", "DAT")
    assert dat(run) == [("DAT004", "files/meetings", ("meetings.csv:None",))]
    assert "a symbolic link" in run.findings[0]["message"]
    assert SENTINEL not in text
    assert str(tmp_path / "elsewhere") not in text  # not even the target's path


def test_a_link_to_proc_environ_leaks_no_environment(
    secretariat_repo: RepoFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI_JOB_TOKEN", SENTINEL)
    repo = secretariat_repo()
    (repo.path / "toll_usage.csv").symlink_to("/proc/self/environ")
    text = all_reports(repo, tmp_path, "--select", "DAT")
    assert dat(repo.check("--lang", "en", "--select", "DAT")) == [
        ("DAT004", "files/toll_usage", ("toll_usage.csv:None",))
    ]
    assert SENTINEL not in text
    assert "CI_JOB_TOKEN" not in text


@pytest.mark.parametrize("kind", ["directory", "fifo"])
def test_a_directory_or_fifo_named_like_a_collection_is_dat004(
    secretariat_repo: RepoFactory, kind: str
) -> None:
    repo = secretariat_repo()
    path = repo.path / "meetings.csv"
    if kind == "directory":
        path.mkdir()
    else:
        os.mkfifo(path)
    started = time.monotonic()
    run = repo.check("--lang", "en", "--select", "DAT")
    assert time.monotonic() - started < 10  # a FIFO without a writer never blocks
    assert dat(run) == [("DAT004", "files/meetings", ("meetings.csv:None",))]
    expected = "a directory" if kind == "directory" else "a FIFO"
    assert expected in run.findings[0]["message"]


def test_read_data_file_refuses_a_fifo_swapped_in_after_the_check(tmp_path: Path) -> None:
    """The open itself is O_NONBLOCK | O_NOFOLLOW and re-checked with fstat."""
    fifo = tmp_path / "meetings.csv"
    os.mkfifo(fifo)
    with pytest.raises(ValueError, match="a FIFO"):
        confine._read_regular(fifo, 100)
    link = tmp_path / "link.csv"
    link.symlink_to(outside_secret(tmp_path))
    with pytest.raises(OSError):  # ELOOP: the link is not followed
        confine._read_regular(link, 100)


def test_a_collection_file_in_a_linked_directory_outside_is_dat004(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "arkivstruktur.xml").write_text(f"<arkiv>{SENTINEL}</arkiv>")
    data = copy.deepcopy(BASE_MANIFEST)
    data["source"] = ["noark5"]
    root = write_repo(tmp_path / "repo", data)
    (root / "content").symlink_to(outside)
    dataset = load_dataset(root)
    [(rule, finding)] = dataset.issues
    assert (rule, str(finding.subject)) == ("DAT004", "files/documents")
    assert "outside the data repository" in str(finding.reasons[0])
    assert SENTINEL not in repr(finding)


@pytest.mark.parametrize(
    ("key", "value"),
    [("ruleset", "../elsewhere/secret.yaml"), ("ruleset", "/etc/passwd.yaml")],
)
def test_a_manifest_path_outside_the_repository_is_exit_2_quoting_nothing(
    secretariat_repo: RepoFactory, tmp_path: Path, key: str, value: str, english: None
) -> None:
    secret = tmp_path / "elsewhere" / "secret.yaml"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(f"rules:\n  - {SENTINEL}: [\n")
    manifest = {**BASE_MANIFEST, key: value}
    run = secretariat_repo(manifest=manifest).check("--lang", "en")
    assert run.exit_code == 2
    assert "resolves outside the data repository" in run.stderr
    assert SENTINEL not in run.output + run.stderr


@pytest.mark.parametrize("name", ["waivers.yaml", "attestations.yaml", "secretariat.yaml"])
def test_a_config_file_linked_outside_is_exit_2_quoting_nothing(
    secretariat_repo: RepoFactory, tmp_path: Path, name: str
) -> None:
    repo = secretariat_repo(meetings=[MEETING])
    secret = tmp_path / "elsewhere" / "x.yaml"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(f"- {SENTINEL}: [\n")
    target = repo.path / name
    target.unlink(missing_ok=True)
    target.symlink_to(secret)
    run = repo.check("--lang", "en")
    assert run.exit_code == 2, run.output
    assert "outside the data repository" in run.stderr
    assert SENTINEL not in run.output + run.stderr


@pytest.mark.parametrize("name", ["waivers.yaml", "attestations.yaml"])
def test_a_fifo_config_file_is_exit_2_without_blocking(
    secretariat_repo: RepoFactory, name: str
) -> None:
    repo = secretariat_repo(meetings=[MEETING])
    os.mkfifo(repo.path / name)
    started = time.monotonic()
    run = repo.check("--lang", "en")
    assert time.monotonic() - started < 10
    assert run.exit_code == 2
    assert "a FIFO, not a regular file" in run.stderr


def test_a_manifest_ruleset_inside_the_repository_is_read(secretariat_repo: RepoFactory) -> None:
    ruleset = "ruleset: local\nextends: national\nrules: []\n"
    manifest = {**BASE_MANIFEST, "ruleset": "rules/local.yaml"}
    repo = secretariat_repo(manifest=manifest, files={"rules/local.yaml": ruleset})
    run = repo.check("--lang", "en", "--select", "DAT")
    assert run.exit_code in (0, 1), run.stderr
    assert dat(run) == []


# --------------------------------------------------------------------------- YAML bounds


def alias_bomb(levels: int = 12) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def measured(args: list[str], cwd: Path | None = None) -> tuple[int, float, float, str]:
    """Run the CLI in a subprocess: exit code, seconds, peak RSS in MB, stderr."""
    code = textwrap.dedent(
        """
        import resource, sys, time
        from secretariat_rules.cli import main
        started = time.monotonic()
        try:
            main(sys.argv[1:], standalone_mode=True)
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 1
        else:
            status = 0
        try:  # VmHWM is this process's own peak (ru_maxrss keeps the parent's across exec)
            with open("/proc/self/status") as status_file:
                hwm = [ln for ln in status_file if ln.startswith("VmHWM:")][0]
            rss = int(hwm.split()[1]) / 1024
        except (OSError, IndexError):
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"@@ {status} {time.monotonic() - started:.3f} {rss:.1f}", file=sys.stderr)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        check=False,
    )
    last = [ln for ln in proc.stderr.splitlines() if ln.startswith("@@ ")][-1].split()
    return int(last[1]), float(last[2]), float(last[3]), proc.stderr


@pytest.mark.parametrize("name", ["secretariat.yaml", "waivers.yaml", "attestations.yaml"])
def test_a_yaml_alias_bomb_in_a_config_file_is_exit_2_fast(
    secretariat_repo: RepoFactory, name: str
) -> None:
    repo = secretariat_repo(meetings=[MEETING])
    bomb = alias_bomb()
    if name == "secretariat.yaml":
        manifest = yaml.safe_dump(BASE_MANIFEST, sort_keys=False)
        bomb = manifest + "x-bomb:\n" + textwrap.indent(bomb, "  ")
    (repo.path / name).write_text(bomb)
    status, seconds, rss, stderr = measured(["check", str(repo.path), "--format", "json"])
    assert status == 2, stderr
    assert "aliases expanded (an alias bomb?)" in stderr
    assert seconds < 10 and rss < 500


def test_a_yaml_alias_bomb_in_a_data_file_is_dat004(secretariat_repo: RepoFactory) -> None:
    records = "- &r0 {id: M1}\n" + "- *r0\n" * (confine.MAX_YAML_ALIASES + 1)
    repo = secretariat_repo(files={"meetings.yaml": records})
    run = repo.check("--lang", "en", "--select", "DAT004")
    [finding] = run.findings
    assert (finding["rule"], run.subjects()[0]) == ("DAT004", "files/meetings")
    assert f"more than {confine.MAX_YAML_ALIASES} aliases" in finding["message"]


@pytest.mark.parametrize("where", ["manifest", "data"])
def test_deep_yaml_nesting_is_refused_without_recursion_error(
    secretariat_repo: RepoFactory, where: str
) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    if where == "manifest":
        repo = secretariat_repo()
        manifest = (repo.path / "secretariat.yaml").read_text()
        (repo.path / "secretariat.yaml").write_text(manifest + f"x-deep: {deep}\n")
        run = repo.check("--lang", "en")
        assert run.exit_code == 2
        assert f"nested deeper than {confine.MAX_YAML_DEPTH} levels" in run.stderr
        assert "Traceback" not in run.stderr
    else:
        repo = secretariat_repo(files={"meetings.yaml": f"- id: M1\n  x: {deep}\n"})
        run = repo.check("--lang", "en", "--select", "DAT004")
        assert run.triples() == [("DAT004", "files/meetings", ("meetings.yaml:2",))]
        message = run.findings[0]["message"]
        # libyaml's scanner stops at its own depth (1000) before our event pass sees 64
        assert f"nested deeper than {confine.MAX_YAML_DEPTH}" in message or (
            "exceeded maximum nesting depth" in message
        )


def test_a_duplicate_key_in_a_waiver_is_exit_2_naming_key_and_line(
    secretariat_repo: RepoFactory,
) -> None:
    waivers = textwrap.dedent(
        """\
        - rule: SEK001
          subject: meetings/M1
          reason: agreed
          expires: 2020-01-01
          expires: 2099-01-01
        """
    )
    run = secretariat_repo(meetings=[MEETING], files={"waivers.yaml": waivers}).check(
        "--lang", "en"
    )
    assert run.exit_code == 2
    assert "waivers.yaml:5:" in run.stderr
    assert "key 'expires' is given twice in one mapping (first on line 4)" in run.stderr


def test_a_duplicate_key_in_the_manifest_is_exit_2(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo()
    manifest = (repo.path / "secretariat.yaml").read_text()
    (repo.path / "secretariat.yaml").write_text(manifest + "region: other\n")
    run = repo.check("--lang", "en")
    assert run.exit_code == 2
    assert "key 'region' is given twice" in run.stderr


def test_the_line_index_does_not_walk_aliases() -> None:
    from secretariat_rules.yamlio import load_yaml

    text = "a: &a [1, 2]\nb: *a\nc: *a\n"
    data, index = load_yaml(text, "x.yaml")
    assert data == {"a": [1, 2], "b": [1, 2], "c": [1, 2]}
    assert (index.line(("a", 1)), index.line(("c", 1))) == (1, 3)


# --------------------------------------------------------------------------- JSON bounds


def test_a_huge_json_exponent_is_dat001_not_memory(secretariat_repo: RepoFactory) -> None:
    text = '[{"id": "E1", "date": "2024-03-01", "amount_nok": 1E+99999999999,'
    text += ' "funding": "annet", "category": "analyse"}]'
    repo = secretariat_repo(files={"expenditures.json": text})
    status, seconds, rss, stderr = measured(
        ["check", str(repo.path), "--format", "json", "--select", "DAT"]
    )
    assert status == 1 and seconds < 10 and rss < 500, stderr
    run = repo.check("--lang", "en", "--select", "DAT")
    assert dat(run) == [("DAT001", "expenditures/E1", ("expenditures.json:1",))]


def test_deep_json_and_long_numbers(secretariat_repo: RepoFactory) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    long_int = "9" * 5000
    repo = secretariat_repo(
        files={
            "meetings.json": f'[{{"id": "M1", "x": {deep}}}]',
            "toll_usage.json": f'[{{"id": "T1", "period": "2024", "project": "P1", '
            f'"amount_nok": {long_int}}}]',
        }
    )
    run = repo.check("--lang", "en", "--select", "DAT001,DAT004")
    assert run.triples() == [
        ("DAT001", "toll_usage/T1", ("toll_usage.json:1",)),
        ("DAT004", "files/meetings", ("meetings.json:1",)),
    ]
    assert f"nested deeper than {confine.MAX_JSON_DEPTH} levels" in run.findings[1]["message"]


def test_a_lone_surrogate_in_json_is_dat001(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    text = '[{"id": "M1", "body": "sg", "date": "2024-03-01", "minutes": "\\ud800"}]'
    repo = secretariat_repo(files={"meetings.json": text})
    run = repo.check("--lang", "en", "--select", "DAT")
    assert dat(run) == [("DAT001", "meetings/M1", ("meetings.json:1",))]
    assert "lone surrogate" in run.findings[0]["message"]
    all_reports(repo, tmp_path, "--select", "DAT")  # every format can be written


# --------------------------------------------------------------------------- xlsx bounds


def workbook_bytes(sheet_xml: bytes, *, dimension: str = "A1") -> bytes:
    """A minimal xlsx whose first sheet is ``sheet_xml`` (inline strings)."""
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
            '-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml'
            '.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
        head = (
            '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>'
        ).encode()
        archive.writestr("xl/worksheets/sheet1.xml", head + sheet_xml + b"</sheetData></worksheet>")
    return buffer.getvalue()


def cell(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def test_a_cell_at_xfd1048576_is_dat004_fast(secretariat_repo: RepoFactory) -> None:
    sheet = b'<row r="1">' + cell("A1", "id") + b'</row><row r="1048576">'
    sheet += cell("XFD1048576", "x") + b"</row>"
    data = workbook_bytes(sheet, dimension="A1:XFD1048576")
    assert len(data) < 5000
    repo = secretariat_repo(files={"meetings.xlsx": data})
    status, seconds, rss, stderr = measured(
        ["check", str(repo.path), "--format", "json", "--select", "DAT004"]
    )
    assert status == 1 and seconds < 10 and rss < 1000, stderr
    run = repo.check("--lang", "en", "--select", "DAT004")
    assert run.triples() == [("DAT004", "files/meetings", ("meetings.xlsx:1048576",))]
    assert "uses cell XFD1048576, beyond column AMJ" in run.findings[0]["message"]


def test_a_declared_dimension_alone_does_not_pad_rows(secretariat_repo: RepoFactory) -> None:
    sheet = b'<row r="1">' + cell("A1", "id") + cell("B1", "body") + cell("C1", "date")
    sheet += b'</row><row r="2">' + cell("A2", "M1") + cell("B2", "sg")
    sheet += cell("C2", "2024-03-01") + b"</row>"
    data = workbook_bytes(sheet, dimension="A1:XFD1048576")
    run = secretariat_repo(files={"meetings.xlsx": data}).check("--lang", "en", "--select", "DAT")
    assert dat(run) == []


def test_a_decompression_bomb_is_dat004_before_loading(secretariat_repo: RepoFactory) -> None:
    rows = b'<row r="1">' + cell("A1", "id") + b"</row>"
    filler = b"<!--" + b" " * (3 * 1024 * 1024) + b"-->"
    data = workbook_bytes(rows + filler)
    assert len(data) < 100_000
    repo = secretariat_repo(files={"meetings.xlsx": data})
    run = repo.check("--lang", "en", "--select", "DAT004")
    assert run.triples() == [("DAT004", "files/meetings", ("meetings.xlsx:None",))]
    message = run.findings[0]["message"]
    assert "part 'xl/worksheets/sheet1.xml' of the workbook inflates" in message
    assert f"more than {confine.MAX_XLSX_RATIO}: a decompression bomb?" in message


def test_the_total_uncompressed_size_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from secretariat_rules.exceptions import DataFileError
    from secretariat_rules.sources import xlsx_reader

    data = workbook_bytes(b'<row r="1">' + cell("A1", "id") + b"</row>")
    monkeypatch.setattr(xlsx_reader, "MAX_XLSX_UNCOMPRESSED", 1000)
    with pytest.raises(DataFileError, match=r"the workbook inflates to \d+ bytes"):
        xlsx_reader.check_workbook_zip(data, "meetings.xlsx")


# --------------------------------------------------------------------------- XML bounds


def test_deep_xml_is_dat004(tmp_path: Path) -> None:
    data = copy.deepcopy(BASE_MANIFEST)
    data["source"] = ["noark5"]
    depth = confine.MAX_XML_DEPTH + 1
    xml = "<arkiv>" + "<klasse>" * depth + "</klasse>" * depth + "</arkiv>"
    root = write_repo(tmp_path / "repo", data, {"arkivstruktur.xml": xml})
    [(rule, finding)] = load_dataset(root).issues
    assert (rule, str(finding.subject)) == ("DAT004", "files/documents")
    assert f"nested deeper than {confine.MAX_XML_DEPTH} levels" in render_text(
        finding.reasons[0], "en"
    )


# --------------------------------------------------------------------------- no lost records


def test_an_unreadable_file_loses_only_its_own_records(tmp_path: Path) -> None:
    data = copy.deepcopy(BASE_MANIFEST)
    data["source"] = ["canonical", "noark5"]
    documents = "id,title,kind,date\nD1,Notat,notat,2024-03-01\n"
    files = {"documents.csv": documents, "arkivstruktur.xml": "<arkiv><unclosed>"}
    root = write_repo(tmp_path / "repo", data, files)
    dataset = load_dataset(root)
    assert dataset.frame("documents").get_column("id").to_list() == ["D1"]
    assert [(r, str(f.subject)) for r, f in dataset.issues] == [("DAT004", "files/documents")]
    assert dataset.issues[0][1].locations[0].path == "arkivstruktur.xml"


# --------------------------------------------------------------------------- nothing ignored


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("meetngs.csv", "did you mean meetings.csv?"),
        ("MEETINGS.CSV", "did you mean meetings.csv?"),
        ("meetings.tsv", "did you mean meetings.csv (collection 'meetings' is read from one of"),
        ("Decisions.json", "did you mean decisions.json?"),
        ("notes.txt", "matches no collection, manifest or known side file"),
    ],
)
def test_an_unrecognised_root_file_is_a_dat005_warning(
    secretariat_repo: RepoFactory, name: str, hint: str
) -> None:
    repo = secretariat_repo(meetings=[MEETING], files={name: "id,body,date\n"})
    if name == "MEETINGS.CSV" and (repo.path / "meetings.csv").samefile(repo.path / name):
        pytest.skip("case-insensitive file system")
    run = repo.check("--lang", "en", "--select", "DAT")
    assert dat(run) == [("DAT005", f"files/{name}", (f"{name}:None",))]
    assert run.findings[0]["severity"] == "warning"
    assert run.findings[0]["message"] == f"{name}: " + run.findings[0]["message"].split(": ", 1)[1]
    assert hint in run.findings[0]["message"]


def test_known_side_files_and_ignored_patterns_give_no_warning(
    secretariat_repo: RepoFactory,
) -> None:
    files = {
        "README.md": "# data",
        "LICENSE": "CC0",
        ".gitlab-ci.yml": "check: {}",
        ".pre-commit-config.yaml": "repos: []",
        ".github/workflows/check.yml": "on: push",
        "attachments/minutes.pdf": "%PDF",
        ".secretariatignore": "# generated\nexport-*.csv\n",
        "export-2024.csv": "a,b\n",
        # what the CI configurations of ``init`` write, left behind by a local run
        "secretariat-rules.xml": "<testsuites/>",
        "secretariat-rules.sarif": "{}",
    }
    run = secretariat_repo(meetings=[MEETING], files=files).check("--lang", "en", "--select", "DAT")
    assert dat(run) == []


def test_files_an_adapter_reads_are_not_unrecognised(tmp_path: Path) -> None:
    data = copy.deepcopy(BASE_MANIFEST)
    data["source"] = ["norwegian-csv"]
    root = write_repo(tmp_path / "repo", data, {"møter.csv": "Id;Organ;Dato\nM1;sg;01.03.2024\n"})
    (root / "meetings.csv").write_text("id,body,date\n")  # canonical is not a source here
    dataset = load_dataset(root)
    assert [(r, str(f.subject)) for r, f in dataset.issues] == [("DAT005", "files/meetings.csv")]


def test_bounds_are_documented_in_the_readme() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text()
    trust = readme.split("## Trust model", 1)[1].split("\n## ", 1)[0]
    for name in confine.__all__:
        if name.startswith("MAX_"):
            assert f"`{name}`" in trust, name


def test_every_hostile_answer_keeps_to_the_budget(secretariat_repo: RepoFactory) -> None:
    """The worst cases above, together: measured, for the README's numbers."""
    repo = secretariat_repo(meetings=[MEETING])
    (repo.path / "waivers.yaml").write_text(alias_bomb(20))
    status, seconds, rss, _ = measured(["check", str(repo.path)])
    assert status == 2 and seconds < 10 and rss < 500
    json.dumps({"seconds": seconds, "rss_mb": rss})
    assert threading.active_count() >= 1


def test_a_repository_ruleset_cannot_extend_a_file_outside(
    secretariat_repo: RepoFactory, tmp_path: Path, english: None
) -> None:
    secret = tmp_path / "elsewhere" / "secret.yaml"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(f"ruleset: x\nrules:\n  - {SENTINEL}: [\n")
    local = f"ruleset: local\nextends: {secret}\nrules: []\n"
    manifest = {**BASE_MANIFEST, "ruleset": "local.yaml"}
    run = secretariat_repo(manifest=manifest, files={"local.yaml": local}).check("--lang", "en")
    assert run.exit_code == 2
    assert "ruleset secret.yaml: resolves outside the data repository" in run.stderr
    assert SENTINEL not in run.output + run.stderr


def test_references_into_an_unreadable_collection_are_not_dat003(
    secretariat_repo: RepoFactory,
) -> None:
    decisions = [
        {"id": f"V{i}", "meeting": "M1", "kind": "orientering", "title": "x"} for i in range(5)
    ]
    repo = secretariat_repo(decisions=decisions)
    os.mkfifo(repo.path / "meetings.csv")
    run = repo.check("--lang", "en", "--select", "DAT")
    assert dat(run) == [("DAT004", "files/meetings", ("meetings.csv:None",))]
