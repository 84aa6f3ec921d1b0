"""Start-up (issue 13): ``--version`` and ``--help`` load no command module and no heavy
library; the lazy command map of the root group is the commands' own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from secretariat_rules.cli import main
from secretariat_rules.cli.app import COMMANDS

HEAVY = ("polars", "openpyxl", "lxml", "httpx", "pydantic", "yaml")
COMMAND_MODULES = ("audit", "init", "pull", "reference", "run", "options", "output")

_PROBE = """
import json, os, runpy, sys
os._exit = sys.exit  # the console script ends the process so (cli.fast_exit): the probe goes on
sys.argv = ["secretariat-rules", *{args!r}]
try:
    runpy.run_module("secretariat_rules", run_name="__main__")
except SystemExit:
    pass
sys.stderr.write("\\n" + json.dumps({seen}))
"""


def probed(*args: str, seen: str, env: dict[str, str] | None = None) -> Any:
    """``seen`` (a Python expression) evaluated after the CLI ran ``args`` in a new process."""
    code = _PROBE.format(args=list(args), seen=seen)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


def loaded_by(*args: str) -> set[str]:
    return set(probed(*args, seen="sorted(sys.modules)"))


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("--lang", "en", "-h")])
def test_version_and_help_import_no_command_and_no_heavy_library(args: tuple[str, ...]) -> None:
    modules = loaded_by(*args)
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY)
    commands = sorted(
        m for m in modules if m.removeprefix("secretariat_rules.cli.") in COMMAND_MODULES
    )
    assert (heavy, commands) == ([], [])
    assert {"secretariat_rules.api", "secretariat_rules.plugins"}.isdisjoint(modules)


def test_a_command_loads_its_own_module_only() -> None:
    modules = loaded_by("init", "--help")
    assert "secretariat_rules.cli.init" in modules
    assert "secretariat_rules.cli.audit" not in modules


def test_the_lazy_map_is_the_commands_own() -> None:
    """Each entry's ``module:attr`` is the command of that name, and its help key is the
    command's own (the ``--help`` listing takes its short help from the key)."""
    ctx = main.make_context("secretariat-rules", ["--help"], resilient_parsing=True)
    assert main.list_commands(ctx) == sorted(COMMANDS)
    for name, (_, key) in COMMANDS.items():
        command = main.get_command(ctx, name)
        assert command is not None and command.name == name
        assert command._raw_help == key  # type: ignore[attr-defined]
    assert sorted(main.commands) == sorted(COMMANDS)  # no command outside the map


_REGISTRY_PROBE = """
import json, sys
from secretariat_rules.plugins import load_registry
registry = load_registry()
assert {"einnsyn", "noark5"} <= set(registry.source_adapters), registry.source_adapters
sys.stderr.write("\\n" + json.dumps(sorted(sys.modules)))
"""


def test_registering_the_region_adapters_imports_no_reading_module() -> None:
    """The einnsyn and Noark 5 adapters import their mapping, walk and lxml when they read."""
    done = subprocess.run(
        [sys.executable, "-c", _REGISTRY_PROBE], capture_output=True, text=True, check=True
    )
    modules = set(json.loads(done.stderr.strip().splitlines()[-1]))
    reading = {
        "lxml",
        "secretariat_regions.sources.einnsyn.mapping",
        "secretariat_regions.sources.einnsyn.pages",
        "secretariat_regions.sources.noark5.records",
        "secretariat_regions.sources.noark5.walk",
        "secretariat_regions.sources.noark5.schema",
    }
    assert sorted(reading & modules) == []


def test_noark5_re_exports_its_reading_modules_names_lazily() -> None:
    from secretariat_regions.sources import noark5
    from secretariat_regions.sources.noark5 import codes, walk

    assert noark5.KINDS is codes.KINDS
    assert noark5.REFUSED is walk.REFUSED
    with pytest.raises(AttributeError):
        noark5.NO_SUCH_NAME  # noqa: B018


def test_entry_points_carry_their_distributions_name_and_version() -> None:
    """One metadata parse per distribution gives what ``dist.name``/``dist.version`` give."""
    import importlib.metadata

    from secretariat_rules.plugins import ENTRY_POINT_GROUP, load_registry

    expected = {
        ep.name: (ep.dist.name, ep.dist.version) if ep.dist is not None else (None, None)
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    }
    got = {
        info.name: (info.distribution, info.version)
        for info in load_registry().plugins
        if info.origin == "entry point"
    }
    assert got == expected and got


def test_loading_runs_without_the_gc_then_freezes_and_main_unfreezes() -> None:
    import gc

    from click.testing import CliRunner

    from secretariat_rules.cli.app import loading

    assert gc.isenabled()
    with loading():
        assert not gc.isenabled()
    try:
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    outcome = CliRunner().invoke(main, ["plugins"])
    assert outcome.exit_code == 0, outcome.output
    assert gc.isenabled() and gc.get_freeze_count() == 0


@pytest.mark.parametrize(
    ("given", "seen"),
    [(None, "dirty_decay_ms:0"), ("", ""), ("narenas:1", "narenas:1")],
)
def test_the_cli_has_polars_allocator_return_freed_pages_unless_the_user_set_it(
    given: str | None, seen: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "_RJEM_MALLOC_CONF"}
    if given is not None:
        env["_RJEM_MALLOC_CONF"] = given
    assert probed("--version", seen="os.environ.get('_RJEM_MALLOC_CONF')", env=env) == seen
