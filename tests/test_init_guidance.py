"""``init`` says what to do: an attestations template the findings point into, and a README
listing the region's party and body ids."""

from __future__ import annotations

from pathlib import Path

from secretariat_rules.testing import CliRun, run_cli

ATTESTED = [f"SEK{n}" for n in range(101, 111)]


def init(tmp_path: Path, *args: str) -> Path:
    root = tmp_path / "repo"
    run = run_cli("init", root, "--region", "miljoloftet", "--year", "2024", *args)
    assert run.exit_code == 0, run.stderr
    return root


def check(root: Path, *args: str) -> CliRun:
    run = run_cli("check", root, "--format", "json", "--as-of", "2025-06-30", *args)
    assert run.exit_code in (0, 1), run.stderr
    return run


def attested(run: CliRun) -> list[tuple[str, tuple[str, ...]]]:
    return [(s, loc) for _, s, loc in run.triples() if s.startswith("attestations/")]


def test_fresh_init_findings_point_at_the_template_lines(tmp_path: Path) -> None:
    root = init(tmp_path)
    other = run_cli("init", tmp_path / "other", "--region", "miljoloftet")
    assert f"opprettet {tmp_path / 'other' / 'attestations.yaml'}" in other.output.splitlines()
    assert f"opprettet {tmp_path / 'other' / 'README.md'}" in other.output.splitlines()
    lines = (root / "attestations.yaml").read_text(encoding="utf-8").splitlines()
    template = {item: lines.index(f"# - item: {item}") + 1 for item in ATTESTED}
    run = check(root)
    assert attested(run) == [
        (f"attestations/{item}", (f"attestations.yaml:{template[item]}",)) for item in ATTESTED
    ]
    message = next(f for f in run.findings if f["subject"]["id"] == "SEK101")["message"]
    assert message.endswith(
        ": ikke besvart ennå: fjern # foran malen for SEK101 i attestations.yaml og fyll inn "
        "answer, evidence, by og date"
    )
    # before: without the template the same findings point at a file that does not exist
    total = len(run.findings)
    (root / "attestations.yaml").unlink()
    before = check(root)
    assert len(before.findings) == total
    assert attested(before) == [
        (f"attestations/{i}", ("attestations.yaml:None",)) for i in ATTESTED
    ]


def test_an_answered_template_item_passes(tmp_path: Path) -> None:
    root = init(tmp_path, "--lang", "en")
    path = root / "attestations.yaml"
    text = path.read_text(encoding="utf-8")
    filled = (
        "# - item: SEK101\n#   answer: yes       # yes | partly | no\n#   evidence:\n#   by:\n"
        "#   date:\n"
    )
    assert filled in text
    answer = (
        "- item: SEK101\n  answer: yes       # yes | partly | no\n  evidence: Sak 12/24\n"
        "  by: Sekretariatsleder\n  date: 2025-03-15\n"
    )
    path.write_text(text.replace(filled, answer), encoding="utf-8")
    run = check(root, "--select", "SEK1", "--lang", "en")
    assert [s for s, _ in attested(run)] == [f"attestations/{i}" for i in ATTESTED[1:]]
    message = run.findings[0]["message"]
    assert message.endswith(
        ": not answered yet: remove the # in front of the template for SEK102 in "
        "attestations.yaml and fill in answer, evidence, by and date"
    )


def test_a_template_item_half_filled_in_is_exit_2_at_its_line(tmp_path: Path) -> None:
    root = init(tmp_path)
    path = root / "attestations.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("# - item: SEK101")
    block = text[start : text.index("\n\n", start)]
    path.write_text(text.replace(block, block.replace("# ", "").replace("#", "")), "utf-8")
    line = text[:start].count("\n") + 1
    run = run_cli("check", root, "--as-of", "2025-06-30")
    assert run.exit_code == 2
    assert f"attestations.yaml:{line + 4}: date: " in run.stderr


def test_readme_lists_party_and_body_ids(tmp_path: Path) -> None:
    root = init(tmp_path)
    readme = (root / "README.md").read_text(encoding="utf-8").splitlines()
    assert readme[0] == "# Miljøløftet: sekretariatets data"
    assert "## Parter (9)" in readme
    assert "| `askoy` | Askøy kommune | kommune |  | askoy.kommune.no |  |" in readme
    assert "## Organer (2)" in readme
    assert "| `sg` | Styringsgruppen for Miljøløftet | styringsgruppe |  |" in readme
    assert (
        "Id-en skrives i `meetings.csv body`, `deviations.csv reported_to`, `reports.csv to_body`"
        in readme
    )
    english = init(tmp_path / "en", "--lang", "en")
    text = (english / "README.md").read_text(encoding="utf-8")
    assert "## Parties (9)" in text and "| `svv` | Statens vegvesen | state | 971032081 |" in text
