"""The source inventory and a source's notices in every report, and ``--schema-check``.

A test plugin registers ``fake-archive``, a records-system adapter reading
``arkiv/journal.txt`` (one element per line: ``moete ID|BODY|DATE`` becomes a meeting,
anything else is left out) that reports an inventory, a DAT006 and a DAT007 notice, and
a DAT008 notice only when it is given ``ReadOptions(schema_check=True)``; and
``old-archive``, whose ``read(root, manifest)`` takes no options.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from secretariat_rules.findings import SourceSummary
from secretariat_rules.reporters.inventory import counts_text, files_text, sources_html, text_lines
from secretariat_rules.sources.base import SourceInventory
from secretariat_rules.testing import BASE_MANIFEST, Repo, run_cli

PLUGIN = """
from pathlib import Path

import polars as pl

from secretariat_rules import SourceOutput, hookimpl
from secretariat_rules.sources.base import ReadOptions, SourceInventory, SourceNotice
from secretariat_rules.sources.readers import RawTable

PATH = "arkiv/journal.txt"


def meetings(root: Path, out: SourceOutput) -> SourceInventory:
    inventory = SourceInventory("fake-archive", files=[PATH])
    rows = []
    for number, line in enumerate((root / PATH).read_text().splitlines(), start=1):
        kind, _, rest = line.partition(" ")
        inventory.elements[kind] += 1
        if kind == "moete":
            rows.append([*rest.split("|"), number])
        else:
            inventory.left_out[f"{kind} without a date"] += 1
    frame = pl.DataFrame(
        {
            "id": [r[0] for r in rows],
            "body": [r[1] for r in rows],
            "date": [r[2] for r in rows],
            "_line": pl.Series([r[3] for r in rows], dtype=pl.Int64),
        }
    )
    out.tables.append(RawTable("meetings", PATH, frame, None, ("id", "body", "date")))
    inventory.records["meetings"] = len(rows)
    return inventory


class FakeArchive:
    name = "fake-archive"
    description = "a records-system extract, one element per line"

    def read(self, root: Path, manifest: object, *, options: ReadOptions) -> SourceOutput:
        out = SourceOutput()
        out.inventory = meetings(root, out)
        subject = f"files/{PATH}"
        out.notices.append(
            SourceNotice(
                "DAT006",
                subject,
                ("2 arkivnotat left out: no date",),
                ((PATH, 2, "arkivnotat[1]"), (PATH, 4, "arkivnotat[2]")),
            )
        )
        out.notices.append(  # a second reason on the same file: the same finding
            SourceNotice(
                "DAT006", subject, ("1 moetesak left out: no date",), ((PATH, 5, "moetesak[1]"),)
            )
        )
        out.notices.append(
            SourceNotice(
                "DAT007",
                subject,
                ("'Statens vegvesen Region vest' (3 records) resembles party svv",),
                ((PATH, 3, None),),
            )
        )
        if options.schema_check:
            out.notices.append(
                SourceNotice("DAT008", subject, ("element moete not expected",), ((PATH, 1, None),))
            )
        return out


class OldArchive:
    name = "old-archive"
    description = "the same, written before ReadOptions existed"

    def read(self, root: Path, manifest: object) -> SourceOutput:
        out = SourceOutput()
        out.inventory = meetings(root, out)
        out.inventory.source = "old-archive"
        return out


@hookimpl
def secretariat_source_adapters() -> list[object]:
    return [FakeArchive(), OldArchive()]
"""

JOURNAL = (
    "moete M1|sg|2024-03-01\narkivnotat A1\nmoete M2|sg|2024-05-02\narkivnotat A2\nmoetesak S1\n"
)
SUBJECT = "files/arkiv/journal.txt"


@pytest.fixture
def plugin(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "fake_archive_plugin.py").write_text(PLUGIN, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    yield "fake_archive_plugin"
    sys.path.remove(str(tmp_path))
    sys.modules.pop("fake_archive_plugin", None)


@pytest.fixture
def archive(secretariat_repo: Callable[..., Repo]) -> Callable[[str], Repo]:
    def make(source: str = "fake-archive") -> Repo:
        manifest = {**BASE_MANIFEST, "source": source}
        return secretariat_repo(manifest=manifest, files={"arkiv/journal.txt": JOURNAL})

    return make


INVENTORY = {
    "source": "fake-archive",
    "files": ["arkiv/journal.txt"],
    "elements": {"arkivnotat": 2, "moete": 2, "moetesak": 1},
    "records": {"meetings": 2},
    "left_out": {"arkivnotat without a date": 2, "moetesak without a date": 1},
}


def test_validate_text_shows_the_inventory_in_bokmal(
    archive: Callable[[str], Repo], plugin: str
) -> None:
    run = run_cli("-p", plugin, "validate", archive("fake-archive").path)
    lines = run.output.splitlines()
    start = lines.index("Kilder")
    assert lines[start : start + 10] == [
        "Kilder",
        "  fake-archive",
        "    Filer lest: 1 (arkiv/journal.txt)",
        "    Elementer sett: arkivnotat 2, moete 2, moetesak 1",
        "    Poster per samling: meetings 2",
        "    Utelatt: 3",
        "      2  arkivnotat without a date",
        "      1  moetesak without a date",
        "",
        "Dataintegritet",
    ]
    # the notices are findings of the data integrity section, with subject and location
    assert f"  advarsel  DAT006 left-out-by-source  {SUBJECT}" in lines
    assert (
        "    arkiv/journal.txt:2 (arkivnotat[1]), arkiv/journal.txt:4 (arkivnotat[2]), "
        "arkiv/journal.txt:5 (moetesak[1])"
    ) in lines
    assert lines.count(f"  advarsel  DAT006 left-out-by-source  {SUBJECT}") == 1
    assert f"  advarsel  DAT007 unmatched-correspondent  {SUBJECT}" in lines
    assert "    arkiv/journal.txt:3" in lines
    assert not any("DAT008" in line for line in lines)
    assert run.exit_code == 0


def test_validate_text_shows_the_inventory_in_english(
    archive: Callable[[str], Repo], plugin: str
) -> None:
    run = run_cli("-p", plugin, "validate", archive("fake-archive").path, "--lang", "en")
    lines = run.output.splitlines()
    start = lines.index("Sources")
    assert lines[start : start + 8] == [
        "Sources",
        "  fake-archive",
        "    Files read: 1 (arkiv/journal.txt)",
        "    Elements seen: arkivnotat 2, moete 2, moetesak 1",
        "    Records per collection: meetings 2",
        "    Left out: 3",
        "      2  arkivnotat without a date",
        "      1  moetesak without a date",
    ]
    assert f"  warning  DAT006 left-out-by-source  {SUBJECT}" in lines


def test_check_text_keeps_to_findings(archive: Callable[[str], Repo], plugin: str) -> None:
    """``check`` text leaves the inventory to ``validate`` (the notices are still shown)."""
    run = run_cli("-p", plugin, "check", archive("fake-archive").path, "--select", "DAT")
    assert "Kilder" not in run.output.splitlines()
    assert f"  advarsel  DAT006 left-out-by-source  {SUBJECT}" in run.output.splitlines()


def test_json_report_has_the_sources_and_the_notices(
    archive: Callable[[str], Repo], plugin: str
) -> None:
    run = run_cli("-p", plugin, "check", archive("fake-archive").path, "-f", "json")
    assert run.report["sources"] == [INVENTORY]
    assert list(run.report)[-1] == "sources"
    dat = [t for t in run.triples() if t[0].startswith("DAT")]
    assert dat == [
        ("DAT006", SUBJECT, ("arkiv/journal.txt:2", "arkiv/journal.txt:4", "arkiv/journal.txt:5")),
        ("DAT007", SUBJECT, ("arkiv/journal.txt:3",)),
    ]
    dat006 = run.findings[0]
    assert dat006["severity"] == "warning"
    where = {"path": "arkiv/journal.txt", "line": 2, "pointer": "arkivnotat[1]"}
    assert dat006["locations"][0] == where
    assert dat006["message"] == "2 arkivnotat left out: no date; 1 moetesak left out: no date"


def test_a_canonical_repository_json_has_no_sources_key(
    secretariat_repo: Callable[..., Repo],
) -> None:
    run = secretariat_repo().check()
    assert list(run.report) == [
        "tool",
        "repository",
        "region",
        "ruleset",
        "as_of",
        "period",
        "summary",
        "findings",
        "rules",
    ]


def test_html_report_has_a_sources_table(archive: Callable[[str], Repo], plugin: str) -> None:
    run = run_cli("-p", plugin, "check", archive("fake-archive").path, "-f", "html", "--lang", "en")
    page = run.output
    assert (
        '<section class="sources"><h3>Sources</h3><div class="scroll"><table class="sources">'
        "<caption>Sources</caption><thead><tr>"
        '<th scope="col">Source</th><th scope="col">Files read</th>'
        '<th scope="col">Elements seen</th><th scope="col">Records per collection</th>'
        '<th scope="col">Left out</th></tr></thead><tbody>'
        '<tr><th scope="row" data-label="Source"><code>fake-archive</code></th>'
        '<td data-label="Files read">1 (arkiv/journal.txt)</td>'
        '<td data-label="Elements seen">arkivnotat 2, moete 2, moetesak 1</td>'
        '<td data-label="Records per collection">meetings 2</td>'
        '<td data-label="Left out">2 – arkivnotat without a date<br>'
        "1 – moetesak without a date</td></tr>"
        "</tbody></table></div></section>"
    ) in page
    assert page.index('<section class="sources">') < page.index("DAT006")


def test_html_of_a_canonical_repository_has_no_sources_table(
    secretariat_repo: Callable[..., Repo],
) -> None:
    run = secretariat_repo().cli("check", "-f", "html")
    assert 'class="sources"' not in run.output


def test_markdown_report_has_a_sources_table(archive: Callable[[str], Repo], plugin: str) -> None:
    run = run_cli("-p", plugin, "check", archive("fake-archive").path, "-f", "markdown")
    block = run.output.split("### Kilder\n\n", 1)[1].split("\n\n", 1)[0]
    assert block.splitlines() == [
        "| Kilde | Filer lest | Elementer sett | Poster per samling | Utelatt |",
        "| --- | --- | --- | --- | --- |",
        "| `fake-archive` | 1 (arkiv/journal.txt) | arkivnotat 2, moete 2, moetesak 1 "
        "| meetings 2 | 2 – arkivnotat without a date; 1 – moetesak without a date |",
    ]


@pytest.mark.parametrize("command", ["check", "validate"])
def test_schema_check_reaches_an_adapter_that_takes_options(
    archive: Callable[[str], Repo], plugin: str, command: str
) -> None:
    repo = archive("fake-archive")
    run = run_cli("-p", plugin, command, repo.path, "-f", "json", "--schema-check")
    assert ("DAT008", SUBJECT, ("arkiv/journal.txt:1",)) in run.triples()
    without = run_cli("-p", plugin, command, repo.path, "-f", "json")
    assert "DAT008" not in {t[0] for t in without.triples()}
    lines = run_cli("-p", plugin, command, repo.path, "--schema-check").output.splitlines()
    at = lines.index(f"  advarsel  DAT008 schema-violation  {SUBJECT}")
    assert lines[at + 1 : at + 3] == ["    element moete not expected", "    arkiv/journal.txt:1"]


def test_schema_check_reaches_the_adapters_in_an_audit(
    archive: Callable[[str], Repo], plugin: str, tmp_path: Path
) -> None:
    repo = archive("fake-archive")
    out = tmp_path / "audit.json"
    args = ("-p", plugin, "audit", repo.path, "-j", "1", "-q", "-f", "json", "-o", out)
    run_cli(*args, "--schema-check")
    own = json.loads(out.read_text())["regions"][0]["results"]["own"]
    assert "DAT008" in {f["rule"] for f in own["findings"]}
    assert own["sources"] == [INVENTORY]
    run_cli(*args)
    own = json.loads(out.read_text())["regions"][0]["results"]["own"]
    assert "DAT008" not in {f["rule"] for f in own["findings"]}


def test_an_adapter_without_options_still_works_with_schema_check(
    archive: Callable[[str], Repo], plugin: str
) -> None:
    repo = archive("old-archive")
    run = run_cli("-p", plugin, "validate", repo.path, "-f", "json", "--schema-check")
    assert run.exit_code == 0, run.stderr
    assert run.report["sources"] == [{**INVENTORY, "source": "old-archive"}]
    assert run.triples() == []


def test_schema_check_is_in_the_help() -> None:
    for command in ("check", "validate", "audit"):
        assert "--schema-check" in run_cli(command, "--help").output


def test_inventory_rendering_escapes_and_truncates() -> None:
    files = tuple(f"einnsyn/page-{n:03}.json" for n in range(12))
    hostile = SourceSummary(
        "x<y", files, (("a&b", 1),), (), (("<script>alert(1)</script>\nnext", 2),)
    )
    page = "".join(sources_html([hostile], "en"))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; next" in page
    assert "<code>x&lt;y</code>" in page and "a&amp;b 1" in page
    assert files_text(files, "nb") == ("12 (" + ", ".join(files[:10]) + ", og 2 til)")
    assert files_text(files, "en").endswith(", and 2 more)")
    assert files_text((), "en") == "0"
    assert counts_text((), "nb") == "ingen"
    assert text_lines([SourceSummary("s")], "en") == [
        "Sources",
        "  s",
        "    Files read: 0",
        "    Elements seen: none",
        "    Records per collection: none",
        "    Left out: none",
    ]
    assert sources_html([], "nb") == [] and text_lines([], "nb") == []


def test_source_inventory_summary_is_sorted_and_frozen() -> None:
    inventory = SourceInventory("noark5", files=["b.xml", "a.xml"])
    inventory.elements.update({"moetemappe": 1, "journalpost": 3})
    inventory.left_out["z"] += 1
    inventory.left_out["a"] += 2
    summary = inventory.summary()
    assert summary == SourceSummary(
        "noark5",
        ("a.xml", "b.xml"),
        (("journalpost", 3), ("moetemappe", 1)),
        (),
        (("a", 2), ("z", 1)),
    )
    assert summary.to_dict() == inventory.as_dict()
