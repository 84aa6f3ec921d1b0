"""``--history DIR`` of ``check`` and ``audit``: keep this run's JSON, write the trend."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..exceptions import write_failed
from ..history import check_history_dir, history_name, read_history, run_as_of, trend, trend_stem
from ..reporters.trend_report import render_trend
from .errors import tell
from .help import option
from .output import write_atomic


def history_option(help_key: str) -> Any:
    """``--history DIR``."""
    return option(
        "--history",
        type=click.Path(file_okay=False, path_type=Path),
        metavar="DIR",
        help=help_key,
    )


def keep_and_trend(directory: Path, document: dict[str, Any], lang: str) -> str:
    """Keep ``document`` (a run's JSON) in ``directory`` under its name, write the trend
    there (:func:`~secretariat_rules.history.trend_stem` ``.json`` and ``.html``), and
    return the trend as text.

    A kept file that is not a report is named in a warning on stderr and left out.
    """
    check_history_dir(directory)
    name = history_name(document)
    runs, warnings = read_history(directory, document)
    for warning in warnings:
        tell(str(warning))
    kept = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # no permission, a read-only disk, a file in the way
        raise write_failed(directory, exc) from None
    write_atomic(directory / name, kept)
    as_of = str(run_as_of(document))  # history_name checked that there is one
    document_trend = trend([*(r for r in runs if r[0] != as_of), (as_of, document)])
    stem = trend_stem(document)
    write_atomic(directory / f"{stem}.json", render_trend(document_trend, "json", lang))
    write_atomic(directory / f"{stem}.html", render_trend(document_trend, "html", lang))
    return render_trend(document_trend, "text", lang)
