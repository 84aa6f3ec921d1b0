"""Outputs and crashes: exit code 3 for bugs, report files (mode, atomicity), command-line
files that are not regular files, ``--baseline`` decoding, the ``repository`` of reports."""

from __future__ import annotations

import json
import os
import signal
import stat
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import xmlschema

from secretariat_rules import audit as audit_module
from secretariat_rules import cli
from secretariat_rules.cli import run as cli_run
from secretariat_rules.reporters.base import repository_path
from secretariat_rules.testing import Repo, run_cli

pytestmark = pytest.mark.usefixtures("english")  # the messages asserted are the English ones

RepoFactory = Callable[..., Repo]

ROOT = Path(__file__).resolve().parent.parent
MILJOLOFTET = ROOT / "fixtures" / "miljoloftet"
BYMILJOPAKKEN = ROOT / "fixtures" / "bymiljopakken"
JUNIT_XSD = Path(__file__).parent / "data" / "junit.xsd"


@contextmanager
def no_hang(seconds: int = 10) -> Iterator[None]:
    """Fail (instead of hanging the suite) if the block takes longer than ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"blocked for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def crash_check(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    """Make ``check`` raise ``exc`` (an unexpected exception: a bug)."""

    def crashing(*args: Any, **kwargs: Any) -> Any:
        raise exc

    monkeypatch.setattr(cli_run, "run_check", crashing)


# --------------------------------------------------------------------------- exit code 3


def test_internal_error_is_one_line_and_exit_3(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    crash_check(monkeypatch, ZeroDivisionError("token=SECRET-VALUE"))
    run = secretariat_repo().check()
    assert run.exit_code == 3
    assert run.output == ""
    (line,) = run.stderr.splitlines()
    assert line.startswith(
        "secretariat-rules: internal error: ZeroDivisionError at tests/test_outputs_crashes.py:"
    )
    assert line.endswith(
        "This is a bug in secretariat-rules or a plugin; please report it with the command "
        "you ran (re-run with --debug or SECRETARIAT_RULES_DEBUG=1 for the traceback)."
    )
    assert "Traceback" not in run.stderr
    assert "SECRET-VALUE" not in run.stderr  # the message may quote data: never printed


def test_debug_option_prints_the_traceback_then_the_line(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    crash_check(monkeypatch, KeyError("planted"))
    run = run_cli("--debug", "check", secretariat_repo().path)
    assert run.exit_code == 3
    lines = run.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-2] == "KeyError: 'planted'"
    assert lines[-1].startswith("secretariat-rules: internal error: KeyError at ")


@pytest.mark.parametrize(("value", "traceback"), [("1", True), ("yes", True), ("0", False)])
def test_debug_environment_variable(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch, value: str, traceback: bool
) -> None:
    monkeypatch.setenv(cli.DEBUG_ENV, value)
    crash_check(monkeypatch, RuntimeError("planted"))
    run = secretariat_repo().check()
    assert run.exit_code == 3
    assert ("Traceback (most recent call last):" in run.stderr) is traceback
    assert len(run.stderr.splitlines()) > 1 if traceback else len(run.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "exc", [RecursionError("deep"), MemoryError(), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "x")]
)
def test_any_unexpected_exception_exits_3_never_0_1_2(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch, exc: Exception
) -> None:
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    crash_check(monkeypatch, exc)
    run = secretariat_repo().check()
    assert run.exit_code == 3
    assert f"internal error: {type(exc).__name__} at " in run.stderr
    assert "Traceback" not in run.stderr


def test_a_crashing_reporter_exits_3_and_leaves_the_previous_report(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    repo = secretariat_repo()
    assert repo.check("--select", "DAT", "--output", str(out)).exit_code == 0
    before = out.read_bytes()
    from secretariat_rules.reporters import json as json_reporter

    def broken(self: Any, results: Any, options: Any) -> str:
        raise AttributeError("planted")

    monkeypatch.setattr(json_reporter.JsonReporter, "render", broken)
    run = repo.check("--select", "DAT", "--output", str(out))
    assert run.exit_code == 3 and "internal error: AttributeError" in run.stderr
    assert out.read_bytes() == before


def test_other_commands_exit_3_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise IndexError("planted")

    monkeypatch.setattr(cli.reference_text, "listing_text", broken)
    run = run_cli("--no-plugin-autoload", "rules")
    assert run.exit_code == 3 and "internal error: IndexError" in run.stderr


# --------------------------------------------------------------------------- audit


def crash_region(monkeypatch: pytest.MonkeyPatch, region: str) -> None:
    original = audit_module.check_dataset

    def crashing(dataset: Any, ruleset: Any, **kwargs: Any) -> Any:
        if dataset.manifest.region == region:
            raise ZeroDivisionError("planted")
        return original(dataset, ruleset, **kwargs)

    monkeypatch.setattr(audit_module, "check_dataset", crashing)


def test_audit_crashed_region_exits_3_with_reports(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    crash_region(monkeypatch, "miljoloftet")
    reports = {fmt: tmp_path / f"audit.{fmt}" for fmt in ("json", "junit")}
    args = [a for fmt, p in reports.items() for a in ("--report", f"{fmt}={p}")]
    run = run_cli("--no-plugin-autoload", "audit", BYMILJOPAKKEN, MILJOLOFTET, "--jobs", "1", *args)
    assert run.exit_code == 3
    assert "Traceback" not in run.stderr
    assert any(
        line.startswith(
            f"secretariat-rules: error: {MILJOLOFTET}: internal error (a bug in "
            "secretariat-rules or a plugin): ZeroDivisionError at tests/test_outputs_crashes.py:"
        )
        for line in run.stderr.splitlines()
    ), run.stderr
    assert "planted" not in run.stderr
    assert "internal error in 1 region(s) (crashed)" in run.stderr
    assert "planted" not in reports["json"].read_text(encoding="utf-8")
    document = json.loads(reports["json"].read_text(encoding="utf-8"))
    assert [r["status"] for r in document["regions"]] == ["ok", "crashed"]
    assert document["summary"] == {
        "regions": 2,
        "ok": 1,
        "broken": 0,
        "crashed": 1,
        "failing": 1,
    }
    junit = reports["junit"].read_text(encoding="utf-8")
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(junit)
    suites = ET.fromstring(junit).findall("testsuite")
    assert [(s.get("name"), s.get("errors")) for s in suites] == [
        ("bymiljopakken", "0"),
        ("miljoloftet", "1"),
    ]
    with_debug = run_cli(
        "--no-plugin-autoload", "--debug", "audit", MILJOLOFTET, "--jobs", "1", "-f", "json"
    )
    assert with_debug.exit_code == 3
    assert "Traceback (most recent call last):" in with_debug.stderr


def test_audit_crash_outranks_a_broken_region(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "oedelagt"
    broken.mkdir()
    (broken / "secretariat.yaml").write_text("name: X\n", encoding="utf-8")
    crash_region(monkeypatch, "miljoloftet")
    run = run_cli("--no-plugin-autoload", "audit", broken, MILJOLOFTET, "--jobs", "1")
    assert run.exit_code == 3
    assert "oedelagt" in run.output
    text = run.output
    assert "1 broken, 1 crashed" in text or "1 feilet, 1 krasjet" in text


def test_audit_junit_two_directories_of_one_region_are_unique_and_valid(tmp_path: Path) -> None:
    run = run_cli(
        "--no-plugin-autoload", "audit", MILJOLOFTET, MILJOLOFTET, BYMILJOPAKKEN,
        "--jobs", "1", "--format", "junit",
    )  # fmt: skip
    assert run.exit_code == 1, run.stderr
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(run.output)
    root = ET.fromstring(run.output)
    repo = repository_path(str(MILJOLOFTET))
    assert [s.get("name") for s in root.findall("testsuite")] == [
        f"miljoloftet [{repo}]",
        f"miljoloftet [{repo} #2]",
        "bymiljopakken",
    ]
    pairs = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert len(pairs) == len(set(pairs))


def test_check_junit_of_every_shape_validates(secretariat_repo: RepoFactory) -> None:
    schema = xmlschema.XMLSchema(str(JUNIT_XSD))
    repo = secretariat_repo()
    for args in ([repo.path], [repo.path, repo.path], [MILJOLOFTET, BYMILJOPAKKEN]):
        run = run_cli("--no-plugin-autoload", "check", *args, "--format", "junit")
        assert run.exit_code in (0, 1), run.stderr
        schema.validate(run.output)
        pairs = [
            (c.get("classname"), c.get("name")) for c in ET.fromstring(run.output).iter("testcase")
        ]
        assert len(pairs) == len(set(pairs))


# --------------------------------------------------------------------------- report files


@contextmanager
def umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_report_honours_the_umask(
    secretariat_repo: RepoFactory, tmp_path: Path, mask: int, mode: int
) -> None:
    repo = secretariat_repo()
    out, extra = tmp_path / "r.json", tmp_path / "sub" / "r.xml"
    with umask(mask):
        run = repo.check("--select", "DAT", "--output", str(out), "--report", f"junit={extra}")
    assert run.exit_code == 0, run.stderr
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert stat.S_IMODE(extra.stat().st_mode) == mode


def test_a_replaced_report_keeps_its_mode(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    with umask(0o022):
        assert secretariat_repo().check("--select", "DAT", "--output", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert json.loads(out.read_text(encoding="utf-8"))["findings"] == []
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".r.json")]


def test_write_atomic_to_a_fifo_nobody_reads_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    with no_hang(), pytest.raises(cli.UsageError) as caught:
        cli.write_atomic(fifo, "{}\n")
    assert str(caught.value) == f"cannot write {fifo}: no process is reading it"
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # left as it was


def test_write_atomic_to_a_fifo_with_a_reader_and_to_a_device(tmp_path: Path) -> None:
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there
    try:
        with no_hang():
            cli.write_atomic(fifo, "{}\n")
            received = os.read(fd, 100)
    finally:
        os.close(fd)
    assert received == b"{}\n"
    cli.write_atomic(Path("/dev/null"), "ignored\n")  # a device is written, not replaced
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_to_dev_stdout_style_devices(
    secretariat_repo: RepoFactory,
) -> None:
    run = secretariat_repo().check("--select", "DAT", "--output", "/dev/null")
    assert run.exit_code == 0, run.stderr


# --------------------------------------------------------------------------- command-line files


def special(tmp_path: Path, kind: str, name: str) -> Path:
    path = tmp_path / name
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    return path


@pytest.mark.parametrize(("kind", "what"), [("fifo", "a FIFO"), ("directory", "a directory")])
@pytest.mark.parametrize("option", ["--baseline", "--waivers", "--ruleset"])
def test_command_line_files_must_be_regular(
    secretariat_repo: RepoFactory, tmp_path: Path, kind: str, what: str, option: str
) -> None:
    path = special(tmp_path, kind, "input.yaml" if option != "--baseline" else "input.json")
    repo = secretariat_repo()
    with no_hang():
        run = repo.check(option, str(path))
    assert run.exit_code == 2
    assert "Traceback" not in run.stderr
    if kind == "fifo" or option == "--ruleset":
        assert f"{option} {path}: not a regular file ({what})" in run.stderr
    else:  # click refuses a directory for --baseline/--waivers itself
        assert str(path) in run.stderr


def test_character_device_is_refused(secretariat_repo: RepoFactory) -> None:
    with no_hang():
        run = secretariat_repo().check("--baseline", "/dev/zero")
    assert run.exit_code == 2
    assert "--baseline /dev/zero: not a regular file (a character device)" in run.stderr


def test_rules_command_ruleset_fifo_is_refused(tmp_path: Path) -> None:
    fifo = special(tmp_path, "fifo", "r.yaml")
    with no_hang():
        run = run_cli("--no-plugin-autoload", "rules", "--ruleset", str(fifo))
    assert run.exit_code == 2
    assert f"--ruleset {fifo}: not a regular file (a FIFO)" in run.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\xff\xfe binary", ": not a JSON report: not UTF-8 text (byte 3)"),
        (
            '{"findings": ["bl\u00e5"]}'.encode("latin-1"),
            ": not a JSON report: not UTF-8 text (byte 18)",
        ),
        (b"{not json", ":1: not a JSON report: Expecting property name enclosed in double quotes"),
        (b"\n\n[1,", ":3: not a JSON report: Expecting value"),
        (b"[" * 100_000, ": not a JSON report: nested too deeply"),
        (b"1" * 5000, ": not a JSON report: a number too long"),
        (b'{"findings": 3}', ": not a secretariat-rules JSON report"),
        (b'[{"findings": [{"fingerprint": 12}]}]', ": not a secretariat-rules JSON report"),
        (b"", ":1: not a JSON report: Expecting value"),
    ],
)
@pytest.mark.usefixtures("english")
def test_a_bad_baseline_is_a_clean_exit_2_with_the_path(
    secretariat_repo: RepoFactory, tmp_path: Path, content: bytes, message: str
) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_bytes(content)
    run = secretariat_repo().check("--baseline", str(baseline))
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [f"secretariat-rules: error: --baseline {baseline}{message}"]


def test_a_baseline_with_a_bom_is_read(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_bytes(b'\xef\xbb\xbf{"findings": []}')
    assert secretariat_repo().check("--baseline", str(baseline), "--select", "DAT").exit_code == 0


# --------------------------------------------------------------------------- repository


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("data", "data"),
        ("./data/", "data"),
        ("data//2024/", "data/2024"),
        ("data/x/../2024", "data/2024"),
        (".", "."),
        ("", "."),
        ("/srv/data/", "/srv/data"),
        ("../elsewhere", "../elsewhere"),
    ],
)
def test_repository_path_is_normalised(given: str, shown: str) -> None:
    assert repository_path(given) == shown


def test_json_repository_is_the_directory_as_given(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = secretariat_repo()
    monkeypatch.chdir(repo.path.parent)
    run = run_cli("check", f"./{repo.path.name}/", "--format", "json", "--select", "DAT")
    assert run.exit_code == 0, run.stderr
    assert list(run.report)[:3] == ["tool", "repository", "region"]
    assert run.report["repository"] == repo.path.name
    both = run_cli("check", repo.path.name, str(repo.path), "--format", "json", "--select", "DAT")
    assert [doc["repository"] for doc in both.report] == [repo.path.name, str(repo.path)]


def test_html_shows_the_repository_as_given_normalised(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = secretariat_repo()
    monkeypatch.chdir(repo.path.parent)
    run = run_cli("check", f"./{repo.path.name}//", "--format", "html", "--select", "DAT")
    assert run.exit_code == 0, run.stderr
    assert f"<code>{repo.path.name}</code>" in run.output
    assert str(repo.path.parent) not in run.output
    assert f"./{repo.path.name}" not in run.output


def test_interrupt_is_not_findings(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    crash_check(monkeypatch, KeyboardInterrupt())
    run = secretariat_repo().check()
    assert run.exit_code == 130
    assert run.stderr == "secretariat-rules: interrupted\n"


def test_a_lone_surrogate_in_a_report_is_written_as_a_replacement_character(
    tmp_path: Path,
) -> None:
    out = tmp_path / "r.txt"
    cli.write_atomic(out, "verdi \ud800 her\n")
    assert out.read_text(encoding="utf-8") == "verdi \ufffd her\n"
    assert cli.encodable("ok æøå") == "ok æøå"
    assert cli.encodable("a \udc80 b \ud83d") == "a \ufffd b \ufffd"


def test_a_crash_inside_a_library_names_our_innermost_frame_too(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crashing(*args: Any, **kwargs: Any) -> Any:
        json.loads("[" * 100_000)  # RecursionError inside the json package

    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    monkeypatch.setattr(cli_run, "run_check", crashing)
    (line,) = secretariat_repo().check().stderr.splitlines()
    assert line.startswith("secretariat-rules: internal error: RecursionError at json/")
    # the innermost frame of secretariat-rules itself: the caller of the crashing function
    assert " (from cli/run.py:" in line


def test_audit_a_worker_process_that_dies_is_a_crashed_region(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "killer_plugin.py").write_text(
        "import multiprocessing, os\n"
        "from secretariat_rules import hookimpl\n\n"
        "@hookimpl\n"
        "def secretariat_rulesets():\n"
        "    if multiprocessing.parent_process() is not None:  # only in a worker\n"
        "        os._exit(7)\n"
        "    return []\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(tmp_path), *sys.path]))
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    out = tmp_path / "audit.json"
    with no_hang(120):
        run = run_cli(
            "--no-plugin-autoload", "-p", "killer_plugin", "audit", MILJOLOFTET, BYMILJOPAKKEN,
            "--jobs", "2", "--report", f"json={out}",
        )  # fmt: skip
    assert run.exit_code == 3, run.stderr
    assert "Traceback" not in run.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [r["status"] for r in document["regions"]] == ["crashed", "crashed"]
    assert all(
        r["message"].startswith(
            "internal error (a bug in secretariat-rules or a plugin): "
            "the worker process failed: BrokenProcessPool"
        )
        for r in document["regions"]
    )


def test_audit_reports_show_the_directory_as_given_normalised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    run = run_cli(
        "--no-plugin-autoload", "audit", "./fixtures//miljoloftet/", "--jobs", "1", "-f", "json"
    )
    assert run.exit_code == 1, run.stderr
    assert [r["data_dir"] for r in run.report["regions"]] == ["fixtures/miljoloftet"]
    assert run.report["regions"][0]["results"]["own"]["repository"] == "fixtures/miljoloftet"
    text = run_cli("--no-plugin-autoload", "audit", "./fixtures//miljoloftet/", "--jobs", "1")
    assert " fixtures/miljoloftet " in text.output
    html = run_cli(
        "--no-plugin-autoload",
        "audit",
        "./fixtures//miljoloftet/",
        "--jobs",
        "1",
        "-f",
        "html",
        "--lang",
        "nb",
    )
    assert '<td data-label="Datakatalog"><code>fixtures/miljoloftet</code></td>' in html.output
    assert "<small class=dir>fixtures/<wbr>miljoloftet</small>" in html.output  # breaks at /
    assert "<code>fixtures/miljoloftet</code></h3>" in html.output  # the region block's heading
    assert str(ROOT) not in html.output


def test_a_closed_stdout_is_not_a_bug(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    crash_check(monkeypatch, BrokenPipeError(32, "Broken pipe"))
    run = secretariat_repo().check()
    assert run.exit_code == 141
    assert run.stderr == ""


EAGER_OUTPUTS = [("--help",), ("--version",), ("check", "--help"), ("rules", "--help")]
"""Click's eager options: they write before any command runs."""


@pytest.mark.parametrize("args", EAGER_OUTPUTS)
def test_help_and_version_to_a_closed_stdout_exit_141(args: tuple[str, ...]) -> None:
    """``--help | true`` is a broken pipe like a command's output: 141, nothing on stderr
    (not click's exit 1, nor a traceback)."""
    import subprocess

    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "secretariat_rules", *args],
            stdout=write, stderr=subprocess.PIPE, timeout=120, check=False,
        )  # fmt: skip
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (141, b"")


COMPLETION = {"_SECRETARIAT_RULES_COMPLETE": "bash_source"}
"""Click's shell completion script (README), written before any command runs."""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_the_completion_script_to_a_full_or_closed_stdout_is_not_a_traceback() -> None:
    import subprocess

    env = {**os.environ, "SECRETARIAT_RULES_LANG": "en", **COMPLETION}
    command = [str(Path(sys.executable).with_name("secretariat-rules"))]  # its name: the var
    works = subprocess.run(command, capture_output=True, timeout=120, check=False, env=env)
    assert works.returncode == 0 and b"_secretariat_rules_completion()" in works.stdout
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            command, stdout=full, stderr=subprocess.PIPE, timeout=120, check=False, env=env
        )
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "secretariat-rules: error: cannot write stdout: No space left on device"
    )
    read, write = os.pipe()
    os.close(read)
    try:
        closed = subprocess.run(
            command, stdout=write, stderr=subprocess.PIPE, timeout=120, check=False, env=env
        )
    finally:
        os.close(write)
    assert (closed.returncode, closed.stderr) == (141, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("check", "/nonexistent-data-dir"), 2),  # a configuration error's message
        (("check", str(MILJOLOFTET), "-q"), 2),  # stdout full too: its error's message
    ],
)
def test_an_error_keeps_its_exit_code_when_stderr_is_full(args: tuple[str, ...], code: int) -> None:
    """The message cannot be shown (``2>/dev/full``), but CI still sees the error's own
    code, not Python's 1 for an exception while reporting it."""
    import subprocess

    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "secretariat_rules", *args],
            stdout=full, stderr=full, timeout=120, check=False,
        )  # fmt: skip
    assert done.returncode == code


def test_a_closed_stdout_in_a_real_process_exits_141(secretariat_repo: RepoFactory) -> None:
    import subprocess

    read, write = os.pipe()
    os.close(read)  # nobody will read what the checker writes
    try:
        done = subprocess.run(
            [sys.executable, "-m", "secretariat_rules", "--no-plugin-autoload", "check",
             str(secretariat_repo().path), "--format", "json"],
            stdout=write, stderr=subprocess.PIPE, timeout=120, check=False,
        )  # fmt: skip
    finally:
        os.close(write)
    assert done.returncode == 141
    assert done.stderr == b""


def test_a_configuration_error_stays_exit_2_and_shows_its_traceback_only_with_debug(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    repo = secretariat_repo()
    plain = run_cli("check", repo.path, "--select", "SEK999")
    assert plain.exit_code == 2 and "Traceback" not in plain.stderr
    debug = run_cli("--debug", "check", repo.path, "--select", "SEK999")
    assert debug.exit_code == 2
    assert debug.stderr.splitlines()[0] == plain.stderr.splitlines()[0]
    assert "Traceback (most recent call last):" in debug.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "args",
    [
        ("check", str(MILJOLOFTET), "-q"),  # the summary line
        ("check", str(MILJOLOFTET), "--format", "json"),  # the report
        ("regions",),  # a reference listing
        ("plugins",),
        ("--help",),  # click's eager options, written before any command runs
        ("--version",),
        ("check", "--help"),
    ],
)
def test_a_full_stdout_is_a_write_error_not_a_bug(args: tuple[str, ...]) -> None:
    """A disk full under stdout (``> /dev/full``) is exit 2 naming stdout, as a failed
    ``--output`` is, not the bug report of exit 3."""
    import subprocess

    env = {**os.environ, "SECRETARIAT_RULES_LANG": "en"}
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "secretariat_rules", *args],
            stdout=full, stderr=subprocess.PIPE, timeout=120, check=False, env=env,
        )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.decode().strip().splitlines() == [
        "secretariat-rules: error: cannot write stdout: No space left on device"
    ]
