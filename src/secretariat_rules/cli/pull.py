"""``pull``: download records from a public service into a data repository."""

from __future__ import annotations

from pathlib import Path

import click

from ..exceptions import UsageError
from ..exit_codes import ExitCode
from ..i18n.message import msg
from ..sources.values import printable
from .app import SafeGroup, main
from .errors import handle_errors
from .help import option, tr
from .options import (
    parse_date,
)
from .output import echo


@main.group("pull", cls=SafeGroup, help="help.pull")
def pull_group() -> None:
    """Download records from a public service into a data repository."""


@pull_group.command("einnsyn", help="help.pull.einnsyn")
@click.argument("data_dir", type=click.Path(file_okay=False, path_type=Path))
@option("--body", required=True, help="help.option.body")
@option("--from", "start", required=True, help="help.option.from")
@option("--to", "end", required=True, help="help.option.to")
@option("--base-url", default=None, help="help.option.base_url")
@option(
    "--api-key",
    envvar="EINNSYN_API_KEY",
    default=None,
    help="help.option.api_key",
)
@option(
    "--rate", type=click.FloatRange(min=0.01), default=2.0, show_default=True,
    help="help.option.rate",
)  # fmt: skip
@option(
    "--retries", type=click.IntRange(0, 20), default=5, show_default=True,
    help="help.option.retries",
)  # fmt: skip
@option(
    "--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
    help="help.option.timeout",
)  # fmt: skip
@option("--restart", is_flag=True, help="help.option.restart")
@handle_errors
def pull_einnsyn_command(
    data_dir: Path,
    body: str,
    start: str,
    end: str,
    base_url: str | None,
    api_key: str | None,
    rate: float,
    retries: int,
    timeout: float,
    restart: bool,
) -> ExitCode:
    """Save a body's eInnsyn public journal (journalposts, meetings, cases) for a date
    range under DATA_DIR/einnsyn/, resumably; the `einnsyn` source adapter reads it."""
    from ..pull.client import Client
    from ..pull.einnsyn import (
        API_KEY_HEADER,
        DEFAULT_BASE_URL,
        check_body,
        pull_einnsyn,
        stderr_progress,
    )

    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    if first > last:
        raise UsageError(msg("cli.pull.from_after_to", start=str(first), end=str(last)))
    base = (base_url or DEFAULT_BASE_URL).rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise UsageError(msg("cli.pull.base_url", value=printable(base)))
    headers = {API_KEY_HEADER: api_key} if api_key else {}
    progress = stderr_progress()
    with Client(headers=headers, rate=rate, retries=retries, timeout=timeout) as client:
        result = pull_einnsyn(
            data_dir,
            client,
            base_url=base,
            body=check_body(body),
            start=first,
            end=last,
            restart=restart,
            progress=progress,
        )
    if progress is not None:
        click.echo("", err=True)
    pages = ", ".join(f"{entity} {count}" for entity, count in result.saved.items())
    state = tr("cli.pull.complete" if result.complete else "cli.pull.incomplete")
    echo(tr("cli.pull.done", path=str(data_dir / "einnsyn"), pages=pages, state=state))
    return ExitCode.OK
