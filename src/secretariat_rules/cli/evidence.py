"""``evidence``: build an evidence pack of a check (``evidence DATA… -o pack.zip``), or
verify one (``evidence verify pack.zip``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..evidence import PackRequest, build_pack, verify_pack
from ..exit_codes import ExitCode
from ..findings import Severity
from ..safe_files import check_regular_file
from . import options as opt
from .app import SafeGroup, main, registry_of
from .errors import handle_errors, tell
from .help import option, tr
from .output import echo, emit, write_atomic


class EvidenceGroup(SafeGroup):
    """``verify`` is a subcommand; anything else is the data repositories of ``build``."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] in self.commands:
            return super().resolve_command(ctx, args)
        return "build", self.commands["build"], args


@main.group(
    "evidence",
    cls=EvidenceGroup,
    help="help.evidence",
    context_settings={"ignore_unknown_options": True},
)
def evidence_group() -> None:
    """Evidence packs: BagIt bags of a check run."""


@evidence_group.command("build", help="help.evidence.build")
@click.argument("data_dirs", nargs=-1, type=click.Path(path_type=Path))
@option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="help.option.output.evidence",
)
@option("--ruleset", help="help.option.ruleset.run")
@opt.as_of_option("help.option.as_of")
@opt.period_option("help.option.period")
@option("--waivers", type=click.Path(dir_okay=False, path_type=Path), help="help.option.waivers")
@opt.fail_on_option("help.option.fail_on.run", "error")
@opt.lang_option("help.option.lang.run")
@click.pass_context
@handle_errors
def build_command(
    ctx: click.Context,
    data_dirs: tuple[Path, ...],
    output: Path,
    ruleset: str | None,
    as_of: str | None,
    period: str | None,
    waivers: Path | None,
    fail_on: str,
    lang: str,
) -> ExitCode:
    """Check DATA and write its evidence pack; exit as ``check`` (1: findings at or above
    ``--fail-on``), 2 a usage or configuration error."""
    if waivers is not None:
        check_regular_file(waivers, "--waivers")
    opt.check_ruleset_path(ruleset)
    request = PackRequest(
        data_dirs=data_dirs or (Path("."),),
        ruleset=ruleset,
        as_of=opt.parse_date(as_of, "--as-of") if as_of else None,
        period=opt.parse_period(period) if period else None,
        waivers=waivers,
        lang=lang,
        fail_on=None if fail_on == "never" else Severity.parse(fail_on),
    )
    pack = build_pack(request, registry_of(ctx))
    write_atomic(output, pack.data)
    for what in pack.left_out:
        tell(tr("evidence.left_out", what=what))
    files = pack.data.count(b"PK\x01\x02")
    echo(tr("evidence.written", path=str(output), size=len(pack.data), files=files))
    return ExitCode.FINDINGS if any(r.failing for r in pack.results) else ExitCode.OK


@evidence_group.command("verify", help="help.evidence.verify")
@click.argument("pack", type=click.Path(dir_okay=False, path_type=Path))
@opt.format_option("help.option.format.evidence", ["text", "json"])
@opt.lang_option("help.option.lang.run")
@handle_errors
def verify_command(pack: Path, fmt: str, lang: str) -> ExitCode:
    """Verify a pack: 0 intact, 1 naming every changed, missing or added file, 2 not a pack."""
    check_regular_file(pack, "PACK")
    verdict = verify_pack(pack)
    if fmt == "json":
        document: dict[str, Any] = {
            "pack": str(pack),
            "bag": verdict.bag,
            "intact": verdict.intact,
            "changed": list(verdict.changed),
            "missing": list(verdict.missing),
            "added": list(verdict.added),
            "problems": list(verdict.problems),
        }
        emit(json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n", None)
    else:
        key = "evidence.intact" if verdict.intact else "evidence.broken"
        lines = [tr(key, path=str(pack), bag=verdict.bag)]
        for kind, names in (
            ("changed", verdict.changed),
            ("missing", verdict.missing),
            ("added", verdict.added),
            ("problem", verdict.problems),
        ):
            lines += [f"  {tr('evidence.' + kind, name=name)}" for name in names]
        emit("\n".join(lines) + "\n", None)
    return ExitCode.OK if verdict.intact else ExitCode.FINDINGS
