"""Evidence packs: ``evidence DATA -o pack.zip`` and ``evidence verify pack.zip``."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from secretariat_rules.testing import run_cli

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "miljoloftet"
TOP = "secretariat-rules-miljoloftet-2025-06-30"


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pack") / "pack.zip"
    run = run_cli("evidence", FIXTURE, "--output", path)
    assert run.exit_code == 1  # miljoloftet has error findings: the check's code
    assert "Bevispakke skrevet" in run.output
    return path


def _rewrite(
    source: Path, target: Path, change: dict[str, bytes | None], add: dict[str, bytes]
) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename in change:
                data = change[info.filename]
                if data is not None:
                    new.writestr(info, data)
                continue
            new.writestr(info, old.read(info))
        for name, data in add.items():
            new.writestr(name, data)


def test_pack_layout_and_bag_info(pack: Path) -> None:
    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
        info = archive.read(f"{TOP}/bag-info.txt").decode()
    assert names == sorted(names)
    assert all(n.startswith(TOP + "/") for n in names)
    for name in (
        "bagit.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "data/repository/miljoloftet/secretariat.yaml",
        "data/repository/miljoloftet/documents.csv",
        "data/ruleset/miljoloftet/00-national.yaml",
        "data/ruleset/miljoloftet/01-miljoloftet.yaml",
        "data/reports/report.json",
        "data/reports/report.html",
        "data/versions.json",
        "data/inventory/miljoloftet.json",
    ):
        assert f"{TOP}/{name}" in names
    assert "Bagging-Date: 2025-06-30\n" in info
    assert "Source-Organization: miljoloftet\n" in info
    assert f"External-Identifier: {TOP}\n" in info
    assert "Payload-Oxum: " in info


def test_pdf_or_its_absence_recorded(pack: Path) -> None:
    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
        info = archive.read(f"{TOP}/bag-info.txt").decode()
    has_pdf = f"{TOP}/data/reports/report.pdf" in names
    assert has_pdf != ("Left-Out: pdf" in info)


def test_same_input_same_bytes(pack: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.zip"
    run_cli("evidence", FIXTURE, "--output", again)
    assert again.read_bytes() == pack.read_bytes()


def test_fresh_pack_verifies(pack: Path) -> None:
    run = run_cli("evidence", "verify", pack)
    assert run.exit_code == 0
    assert run.output == f"{pack}: intakt ({TOP})\n"
    run = run_cli("evidence", "verify", pack, "--format", "json")
    assert run.exit_code == 0
    assert run.report == {
        "pack": str(pack),
        "bag": TOP,
        "intact": True,
        "changed": [],
        "missing": [],
        "added": [],
        "problems": [],
    }


def test_tampering_names_every_file(pack: Path, tmp_path: Path) -> None:
    documents = f"{TOP}/data/repository/miljoloftet/documents.csv"
    with zipfile.ZipFile(pack) as archive:
        original = archive.read(documents)
        info = archive.read(f"{TOP}/bag-info.txt")
    tampered = tmp_path / "tampered.zip"
    _rewrite(
        pack,
        tampered,
        {
            documents: bytes([original[0] ^ 1]) + original[1:],
            f"{TOP}/data/reports/report.json": None,
            f"{TOP}/bag-info.txt": info.replace(
                b"Source-Organization: miljoloftet", b"Source-Organization: x"
            ),
        },
        {f"{TOP}/data/extra.txt": b"added later\n"},
    )
    run = run_cli("evidence", "verify", tampered, "--format", "json", "--lang", "en")
    assert run.exit_code == 1
    assert run.report is not None
    assert run.report["changed"] == ["bag-info.txt", "data/repository/miljoloftet/documents.csv"]
    assert run.report["missing"] == ["data/reports/report.json"]
    assert run.report["added"] == ["data/extra.txt"]
    assert run.report["intact"] is False
    text = run_cli("evidence", "verify", tampered, "--lang", "en")
    assert text.exit_code == 1
    assert "  changed: data/repository/miljoloftet/documents.csv" in text.output
    assert "  missing: data/reports/report.json" in text.output
    assert "  added: data/extra.txt" in text.output


def _zip(tmp_path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    path = tmp_path / "hostile.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return path


def _symlink() -> zipfile.ZipInfo:
    info = zipfile.ZipInfo("bag/link")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ([("../evil.txt", b"x")], "usikker sti: ../evil.txt"),
        ([("/etc/evil", b"x")], "usikker sti: /etc/evil"),
        ([("bag/../../evil", b"x")], "usikker sti"),
        ([(_symlink(), b"/etc/passwd")], "symbolsk lenke: bag/link"),
        ([("bag/bomb.txt", b"\0" * (50 * 1024 * 1024))], "zip-bombe"),
        ([("a/x", b"x"), ("b/y", b"y")], "nøyaktig én toppmappe"),
        ([("bag/data/x", b"x")], "ikke en BagIt-pakke"),
    ],
)
def test_hostile_zips_refused(
    tmp_path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]], expected: str
) -> None:
    run = run_cli("evidence", "verify", _zip(tmp_path, entries))
    assert run.exit_code == 2
    assert expected in run.stderr
    assert "Traceback" not in run.stderr


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "pack.zip"
    path.write_bytes(b"not a zip at all")
    run = run_cli("evidence", "verify", path)
    assert run.exit_code == 2
    assert "ikke en lesbar zip-fil" in run.stderr


def test_output_is_required(tmp_path: Path) -> None:
    run = run_cli("evidence", FIXTURE)
    assert run.exit_code == 2
    assert not list(tmp_path.iterdir())


def test_options_before_data_and_missing_repository(pack: Path, tmp_path: Path) -> None:
    again = tmp_path / "first.zip"
    run = run_cli("evidence", "-o", again, FIXTURE)
    assert run.exit_code == 1
    assert again.read_bytes() == pack.read_bytes()
    missing = tmp_path / "none.zip"
    run = run_cli("evidence", tmp_path / "nowhere", "-o", missing)
    assert run.exit_code == 2
    assert "finnes ikke" in run.stderr
    assert not missing.exists()
