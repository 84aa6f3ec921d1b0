"""Reading a repository's files two at a time gives what reading them one by one gives."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

import secretariat_rules.sources.readers as readers
from secretariat_rules import api
from secretariat_rules.exceptions import DataFileError
from secretariat_rules.sources.readers import read_table, read_tables
from secretariat_rules.sources.rows import RawTable

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "miljoloftet"


def _files(root: Path) -> list[tuple[Path, str]]:
    return [(p, p.stem) for p in sorted(root.iterdir()) if p.suffix in (".csv", ".json", ".yaml")]


def _one_by_one(files: list[tuple[Path, str]], root: Path) -> list[object]:
    out: list[object] = []
    for path, collection in files:
        try:
            out.append(read_table(path, root, collection))
        except DataFileError as exc:
            out.append(exc)
    return out


def _same(a: object, b: object) -> bool:
    if isinstance(a, RawTable) and isinstance(b, RawTable):
        return (a.collection, a.path, a.header_line, a.columns) == (
            b.collection,
            b.path,
            b.header_line,
            b.columns,
        ) and a.frame.equals(b.frame)
    if isinstance(a, DataFileError) and isinstance(b, DataFileError):
        return (a.path, a.line, str(a.message)) == (b.path, b.line, str(b.message))
    return False


def _repository(tmp_path: Path) -> Path:
    """The fixture, with a large distributions file and one file that cannot be read."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root)
    rows = "".join(f"DOC-{i % 50},bergen,2024-03-01T10:{i % 60:02d}:00\n" for i in range(40_000))
    (root / "distributions.csv").write_text("document,party,sent\n" + rows, encoding="utf-8")
    (root / "analyses.csv").write_bytes(b'id,title\n"a,b\n')  # an unclosed quote: DAT004
    return root


def test_threads_read_what_one_by_one_reads(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    files = _files(root)
    assert max(p.stat().st_size for p, _ in files) >= readers.PARALLEL_BYTES
    together, alone = read_tables(files, root), _one_by_one(files, root)
    assert len(together) == len(alone) == len(files)
    assert all(_same(a, b) for a, b in zip(together, alone, strict=True))
    assert any(isinstance(r, DataFileError) for r in together)


def test_a_large_file_is_read_beside_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repository(tmp_path)
    threads: set[str] = set()
    original = readers.read_table

    def spy(path: Path, root_: Path, collection: str) -> RawTable:
        threads.add(threading.current_thread().name)
        return original(path, root_, collection)

    monkeypatch.setattr(readers, "read_table", spy)
    read_tables(_files(root), root)
    assert threads and all(name.startswith("secretariat-read") for name in threads)
    threads.clear()
    monkeypatch.setattr(readers, "PARALLEL_BYTES", 10**12)  # none large: one by one, here
    read_tables(_files(root), root)
    assert threads == {threading.current_thread().name}


def test_a_repository_loads_the_same_read_either_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repository(tmp_path)
    together = api.load_dataset(root)
    monkeypatch.setattr(readers, "PARALLEL_BYTES", 10**12)
    alone = api.load_dataset(root)
    assert together.issues == alone.issues
    assert together.frames.keys() == alone.frames.keys()
    assert all(together.frames[n].equals(alone.frames[n]) for n in together.frames)


def test_an_unexpected_error_is_raised_from_the_first_file_that_raises_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repository(tmp_path)
    files = _files(root)
    failing = {files[1][0].name, files[3][0].name}
    original = readers.read_table

    def broken(path: Path, root_: Path, collection: str) -> RawTable:
        if path.name in failing:
            raise RuntimeError(path.name)
        return original(path, root_, collection)

    monkeypatch.setattr(readers, "read_table", broken)
    with pytest.raises(RuntimeError, match=files[1][0].name):
        read_tables(files, root)
