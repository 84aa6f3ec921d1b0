"""Exit codes in one place (SPEC §6): the ``ExitCode`` enum, the one mapping from an
exception to its code, commands that return their code, and the code of every path of
``check`` and ``audit`` (0/1/2/3), a region crashed in its worker included."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from secretariat_rules import audit as audit_module
from secretariat_rules import cli
from secretariat_rules.audit import audit_exit_code, broken_region, build_audit, run_audit
from secretariat_rules.cli import run as cli_run
from secretariat_rules.exceptions import (
    ConditionError,
    ConfigurationError,
    DataFileError,
    ManifestError,
    PluginError,
    RulesetError,
    Terminated,
    UsageError,
    WaiverError,
)
from secretariat_rules.exit_codes import ExitCode, exit_code_for
from secretariat_rules.i18n.message import using_lang
from secretariat_rules.plugins import load_registry
from secretariat_rules.testing import run_cli

pytestmark = pytest.mark.usefixtures("english")  # the messages asserted are the English ones

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "secretariat_rules"
MILJOLOFTET = ROOT / "fixtures" / "miljoloftet"
BYMILJOPAKKEN = ROOT / "fixtures" / "bymiljopakken"


# --------------------------------------------------------------------------- the enum


def test_the_codes_are_the_specs() -> None:
    assert [(c.name, int(c)) for c in ExitCode] == [
        ("OK", 0),
        ("FINDINGS", 1),
        ("CONFIG_ERROR", 2),
        ("INTERNAL_ERROR", 3),
        ("INTERRUPTED", 130),
        ("BROKEN_PIPE", 141),
        ("TERMINATED", 143),
    ]
    assert cli.ExitCode is ExitCode  # one enum, the command line's too


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        (ConfigurationError("x"), ExitCode.CONFIG_ERROR),
        (ManifestError("x"), ExitCode.CONFIG_ERROR),
        (RulesetError("x"), ExitCode.CONFIG_ERROR),
        (WaiverError("x"), ExitCode.CONFIG_ERROR),
        (PluginError("x"), ExitCode.CONFIG_ERROR),
        (UsageError("x"), ExitCode.CONFIG_ERROR),
        (KeyboardInterrupt(), ExitCode.INTERRUPTED),
        (Terminated(), ExitCode.TERMINATED),
        (BrokenPipeError(), ExitCode.BROKEN_PIPE),
        (ZeroDivisionError("planted"), ExitCode.INTERNAL_ERROR),
        (OSError("x"), ExitCode.INTERNAL_ERROR),
        (RecursionError(), ExitCode.INTERNAL_ERROR),
        # raised on purpose, but never meant to reach the user: escaping is a bug
        (ConditionError("x"), ExitCode.INTERNAL_ERROR),
        (DataFileError(Path("x.csv"), "x"), ExitCode.INTERNAL_ERROR),
    ],
)
def test_exit_code_for_an_exception(exc: BaseException, code: ExitCode) -> None:
    assert exit_code_for(exc) is code


EXITS = re.compile(
    r"\bsys\.exit\(|\bctx\.exit\(|\braise SystemExit\b|exceptions\.Exit\b|\bos\._exit\("
)


def test_nothing_but_the_root_group_exits() -> None:
    """Commands return their code; the one ``ctx.exit`` is the root group's (and its
    ``make_context`` ends an eager option's error with that error's code)."""
    found = []
    for path in sorted([*SRC.rglob("*.py"), *(ROOT / "plugins").rglob("*.py")]):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if EXITS.search(code) and not code.lstrip().startswith(("``", '"', "'")):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    cli_py = "src/secretariat_rules/cli/"
    others = [f for f in found if not f.startswith(cli_py)]
    # ``python -m secretariat_rules.docs``: a script's own entry point, not a command
    assert [f.split(":")[0] for f in others] == ["src/secretariat_rules/docs.py"], others
    assert "raise SystemExit(main())" in others[0]
    ending = f"{cli_py}fast_exit.py:"
    exits = [f.split(": ", 1)[1] for f in found if f.startswith(cli_py) and ending not in f]
    passes = "except (click.exceptions.Exit, click.ClickException, click.Abort):"
    # click's exits let through (handle_errors, the group's invoke and make_context), the
    # one exit, and the group's exit for an eager option's error (--help, --version),
    # which comes before any context exists
    eager = "raise click.exceptions.Exit(report_error(exc)) from exc"
    # and shell completion's error, which click runs outside its own error handling
    completion = "raise SystemExit(report_error(exc)) from exc"
    expected = [passes, passes, passes, "ctx.exit(code)", eager, completion]
    assert sorted(exits) == sorted(expected), exits
    # the console script ends the process with the status that exit gave (or as Python
    # would, where it cannot end it quickly)
    ends = [f.split(": ", 1)[1] for f in found if ending in f]
    assert ends == ["raise SystemExit(status)", "os._exit(status)"], ends


def test_a_command_returns_its_code_and_main_hands_it_over() -> None:
    """Without standalone mode ``main`` returns the code instead of exiting."""
    args = ["--no-plugin-autoload", "check", str(MILJOLOFTET), "-q"]
    assert cli.main(args, standalone_mode=False) == ExitCode.FINDINGS
    never = cli.main([*args, "--fail-on", "never"], standalone_mode=False)
    assert never == ExitCode.OK
    with pytest.raises(SystemExit) as exited:
        cli.main(args, standalone_mode=True)
    assert exited.value.code == ExitCode.FINDINGS


def test_handle_errors_returns_the_code_of_what_stopped_the_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    @cli.handle_errors
    def returns(code: ExitCode | None) -> ExitCode | None:
        return code

    @cli.handle_errors
    def raises(exc: BaseException) -> None:
        raise exc

    assert returns(None) is ExitCode.OK
    assert returns(ExitCode.FINDINGS) is ExitCode.FINDINGS
    assert raises(UsageError("no such thing")) is ExitCode.CONFIG_ERROR
    assert raises(ZeroDivisionError("planted")) is ExitCode.INTERNAL_ERROR
    assert raises(KeyboardInterrupt()) is ExitCode.INTERRUPTED
    err = capsys.readouterr().err
    assert "secretariat-rules: error: no such thing" in err
    assert "internal error" in err and "ZeroDivisionError" in err and "planted" not in err


# --------------------------------------------------------------------------- check


def crash_check(monkeypatch: pytest.MonkeyPatch) -> None:
    def crashing(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("planted")

    monkeypatch.setattr(cli_run, "run_check", crashing)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--fail-on", "never"], ExitCode.OK),
        (["--select", "DAT"], ExitCode.OK),
        ([], ExitCode.FINDINGS),
        (["--as-of", "someday"], ExitCode.CONFIG_ERROR),
        (["--ruleset", "no-such-ruleset"], ExitCode.CONFIG_ERROR),
    ],
)
def test_check_exit_codes(args: list[str], code: ExitCode) -> None:
    run = run_cli("--no-plugin-autoload", "check", MILJOLOFTET, "-q", *args)
    assert run.exit_code == code, run.stderr
    assert "Traceback" not in run.stderr


def test_check_of_a_missing_directory_exits_2(tmp_path: Path) -> None:
    run = run_cli("--no-plugin-autoload", "check", tmp_path / "nowhere")
    assert run.exit_code == ExitCode.CONFIG_ERROR
    assert run.stderr.startswith("secretariat-rules: error: ")


def test_check_internal_error_exits_3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    crash_check(monkeypatch)
    run = run_cli("--no-plugin-autoload", "check", MILJOLOFTET)
    assert run.exit_code == ExitCode.INTERNAL_ERROR
    (line,) = run.stderr.splitlines()
    assert line.startswith("secretariat-rules: internal error: ZeroDivisionError at ")


def test_a_plugin_that_fails_to_load_exits_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A hook that raises is a configuration error naming the plugin, not a bug."""
    (tmp_path / "failing_hook.py").write_text(
        "from secretariat_rules import hookimpl\n\n"
        "@hookimpl\n"
        "def secretariat_rulesets():\n"
        "    raise RuntimeError('planted')\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    run = run_cli("--no-plugin-autoload", "-p", "failing_hook", "check", MILJOLOFTET)
    assert run.exit_code == ExitCode.CONFIG_ERROR, run.stderr
    assert "failing_hook" in run.stderr and "Traceback" not in run.stderr


# --------------------------------------------------------------------------- audit


def broken_repo(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "secretariat.yaml").write_text("name: X\n", encoding="utf-8")
    return root


def test_audit_exit_code_of_an_audit() -> None:
    registry = load_registry(load_entry_points=False)
    (ok,) = run_audit([BYMILJOPAKKEN], jobs=1, registry=registry, fail_on=None).regions
    (failing,) = run_audit([MILJOLOFTET], jobs=1, registry=registry).regions
    assert not ok.failing and failing.failing
    with using_lang("en"):
        broken = broken_region("oedelagt", "invalid manifest")
        crashed = audit_module.crashed_region("krasj", ZeroDivisionError("planted"), "trace")
    cases = [
        ([ok], ExitCode.OK),
        ([ok, failing], ExitCode.FINDINGS),
        ([ok, failing, broken], ExitCode.CONFIG_ERROR),
        ([ok, crashed], ExitCode.INTERNAL_ERROR),
        ([broken, failing, crashed], ExitCode.INTERNAL_ERROR),  # a crash outranks 2
    ]
    for regions, code in cases:
        assert audit_exit_code(build_audit(regions)) is code, [r.status for r in regions]


def test_audit_exit_codes_in_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def audit(*args: str | Path) -> int:
        return run_cli("--no-plugin-autoload", "audit", "--jobs", "1", "-q", *args).exit_code

    assert audit(BYMILJOPAKKEN, "--fail-on", "never") == ExitCode.OK
    assert audit(BYMILJOPAKKEN, MILJOLOFTET) == ExitCode.FINDINGS
    assert audit(tmp_path / "nowhere") == ExitCode.CONFIG_ERROR  # a usage error
    broken = broken_repo(tmp_path / "oedelagt")
    assert audit(BYMILJOPAKKEN, broken, "--fail-on", "never") == ExitCode.CONFIG_ERROR
    assert audit(MILJOLOFTET, broken) == ExitCode.CONFIG_ERROR  # 2 outranks findings
    original = audit_module.check_dataset

    def crashing(dataset: Any, ruleset: Any, **kwargs: Any) -> Any:
        if dataset.manifest.region == "miljoloftet":
            raise ZeroDivisionError("planted")
        return original(dataset, ruleset, **kwargs)

    monkeypatch.setattr(audit_module, "check_dataset", crashing)
    assert audit(BYMILJOPAKKEN, MILJOLOFTET) == ExitCode.INTERNAL_ERROR
    assert audit(MILJOLOFTET, broken) == ExitCode.INTERNAL_ERROR  # 3 outranks 2


WORKER_PLUGIN = """\
import multiprocessing
from secretariat_rules import hookimpl

IN_WORKER = multiprocessing.parent_process() is not None


def _crashing(*args, **kwargs):
    raise ZeroDivisionError("planted")


if IN_WORKER and {crash}:  # a bug in the worker, during the check
    import secretariat_rules.audit
    secretariat_rules.audit.check_dataset = _crashing


@hookimpl
def secretariat_rulesets():
    if IN_WORKER and {fail_to_load}:  # the plugin fails to load: a configuration error
        raise RuntimeError("planted")
    return []
"""


@pytest.mark.parametrize(
    ("crash", "fail_to_load", "status", "code"),
    [
        (False, False, "ok", ExitCode.FINDINGS),
        (True, False, "crashed", ExitCode.INTERNAL_ERROR),
        (False, True, "broken", ExitCode.CONFIG_ERROR),
    ],
    ids=["ok", "crashed", "broken"],
)
def test_audit_region_in_a_worker(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    crash: bool,
    fail_to_load: bool,
    status: str,
    code: ExitCode,
) -> None:
    """A region whose worker hits a bug exits 3 (an internal error), not 2; a region whose
    plugin fails to load (a configuration error in that region) stays 2."""
    name = f"worker_plugin_{status}"
    plugin = WORKER_PLUGIN.format(crash=crash, fail_to_load=fail_to_load)
    (tmp_path / f"{name}.py").write_text(plugin, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(tmp_path), *sys.path]))
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    out = tmp_path / "audit.json"
    run = run_cli(
        "--no-plugin-autoload", "-p", name, "audit", MILJOLOFTET, BYMILJOPAKKEN,
        "--jobs", "2", "--report", f"json={out}",
    )  # fmt: skip
    assert run.exit_code == code, run.stderr
    assert "Traceback" not in run.stderr
    document = json.loads(out.read_text(encoding="utf-8"))  # written for 2 and 3 too
    assert [r["status"] for r in document["regions"]] == [status, status]
    if status == "crashed":
        assert all(
            r["message"].startswith(
                "internal error (a bug in secretariat-rules or a plugin): ZeroDivisionError at "
            )
            for r in document["regions"]
        )
        assert "internal error in 2 region(s) (crashed)" in run.stderr
        assert "planted" not in run.stderr  # the exception's message may quote data
    if status == "broken":
        assert "plugin 'worker_plugin_broken' failed in secretariat_rulesets" in run.stderr


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "nb",
            [
                "Avslutningskoder: 0 ingen region har funn",
                "2 en feil i bruken, eller en region har feilet",
                "(en feil i konfigurasjonen i den regionen); 3 en region krasjet (en intern feil,",
                "og det går foran 2",
            ],
        ),
        (
            "en",
            [
                "Exit codes: 0 no region has findings at or above --fail-on",
                "2 a usage error, or some region is broken (a configuration",
                "3 some region crashed (an internal error, a bug",
                "which outranks 2",
            ],
        ),
    ],
)
def test_audit_help_epilog_lists_the_exit_codes(lang: str, texts: list[str]) -> None:
    run = run_cli("--lang", lang, "audit", "--help")
    assert run.exit_code == ExitCode.OK
    epilog = run.output[run.output.index("-h, --help") :]  # after the options
    for text in texts:
        assert text in epilog, epilog
