"""``secretariat_source_adapters``: a plugin module adds a data layout through the hook."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from secretariat_rules.testing import BASE_MANIFEST, Repo, run_cli

PLUGIN = '''
from pathlib import Path

import polars as pl

from secretariat_rules import SourceOutput, hookimpl
from secretariat_rules.sources.readers import RawTable


class PipeAdapter:
    """Meetings as ``id|body|date`` lines in ``meetings.pipe``."""

    name = "pipe"
    description = "meetings in a pipe-separated text file"

    def read(self, root: Path, manifest: object) -> SourceOutput:
        out = SourceOutput()
        path = root / "meetings.pipe"
        rows = [line.split("|") for line in path.read_text().splitlines() if line]
        frame = pl.DataFrame(
            {
                "id": [r[0] for r in rows],
                "body": [r[1] for r in rows],
                "date": [r[2] for r in rows],
                "_line": pl.Series(range(1, len(rows) + 1), dtype=pl.Int64),
            }
        )
        out.tables.append(
            RawTable("meetings", "meetings.pipe", frame, None, ("id", "body", "date"))
        )
        return out


@hookimpl
def secretariat_source_adapters() -> list[PipeAdapter]:
    return [PipeAdapter()]
'''


@pytest.fixture
def plugin_module(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "pipe_plugin.py").write_text(PLUGIN, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    yield "pipe_plugin"
    sys.path.remove(str(tmp_path))
    sys.modules.pop("pipe_plugin", None)


def test_a_plugin_source_adapter_feeds_the_dataset(
    secretariat_repo: Callable[..., Repo], plugin_module: str
) -> None:
    manifest = {**BASE_MANIFEST, "source": ["pipe", "canonical"]}
    repo = secretariat_repo(
        manifest=manifest, files={"meetings.pipe": "M1|sg|2024-03-01\nM2|nope|2024-03-02\n"}
    )
    run = run_cli("-p", plugin_module, "check", repo.path, "-f", "json", "--select", "DAT,SEK001")
    assert run.triples() == [
        ("DAT003", "meetings/M2", ("meetings.pipe:2",)),
        ("SEK001", "meetings/M1", ("meetings.pipe:1",)),
    ]


@pytest.mark.usefixtures("english")
def test_an_unknown_source_is_a_configuration_error(secretariat_repo: Callable[..., Repo]) -> None:
    run = secretariat_repo(manifest={**BASE_MANIFEST, "source": "pipe"}).check()
    assert run.exit_code == 2 and "unknown source adapter 'pipe'" in run.stderr
