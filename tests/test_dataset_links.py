"""References and pruning (dataset_links) against a plain-Python statement of the rules."""

from __future__ import annotations

import random

import polars as pl
import pytest

from secretariat_rules.dataset_links import dangling_references, find_dangling, prune, prune_all
from secretariat_rules.findings import Location
from secretariat_rules.schema.fields import FieldSpec


def _ref(name: str, ref: str, required: bool) -> FieldSpec:
    return FieldSpec(name=name, kind="str", required=required, ref=ref)


ID = FieldSpec(name="id", kind="id", required=False)
FIELDS = {
    "a": (ID,),
    "b": (ID, _ref("a", "a", True), _ref("c", "c", False)),
    "c": (ID, _ref("b", "b", True)),
    "d": (ID, _ref("c", "c", True), _ref("b", "b", False), _ref("a", "a", False)),
}


def _frames(seed: int, rows: int = 60) -> dict[str, pl.DataFrame]:
    rng = random.Random(seed)

    def value(target: str) -> str | None:
        return rng.choice([None, *(f"{target}{i}" for i in range(rows // 2))])

    frames = {}
    for name, specs in FIELDS.items():
        data: dict[str, list[object]] = {s.name: [] for s in specs}
        for i in range(rows):
            data["id"].append(
                f"{name}{i}" if rng.random() < 0.7 else f"{name}{rng.randrange(rows)}"
            )
            for s in specs[1:]:
                assert s.ref is not None
                data[s.name].append(value(s.ref))
        data["_file"] = [f"{name}.csv"] * rows
        data["_line"] = list(range(2, rows + 2))
        data["_row"] = list(range(1, rows + 1))
        frames[name] = pl.DataFrame(data)
    return frames


def _naive_prune_all(frames: dict[str, pl.DataFrame]) -> dict[str, list[tuple[object, ...]]]:
    """Every round prunes every frame, in plain Python."""
    rows = {n: f.rows(named=True) for n, f in frames.items()}
    while True:
        kept = {n: {r["id"] for r in rs} for n, rs in rows.items()}
        changed = False
        for name, specs in FIELDS.items():
            out = []
            for row in rows[name]:
                refs = [s for s in specs if s.ref]
                if any(s.required and row[s.name] not in kept[s.ref] | {None} for s in refs):  # type: ignore[index]
                    continue
                row = dict(row)
                for s in refs:
                    if not s.required and row[s.name] not in kept[s.ref]:  # type: ignore[index]
                        row[s.name] = None
                out.append(row)
            changed = changed or len(out) != len(rows[name])
            rows[name] = out
        if not changed:
            return {n: [tuple(r.values()) for r in rs] for n, rs in rows.items()}


@pytest.mark.parametrize("seed", range(8))
def test_prune_all_is_the_fixpoint_of_pruning_everything(seed: int) -> None:
    frames = _frames(seed)
    pruned = prune_all(frames, dict(FIELDS), list(FIELDS))
    assert {n: f.rows() for n, f in pruned.items()} == _naive_prune_all(frames)


def _rows(frames: dict[str, pl.DataFrame]) -> dict[str, list[tuple[object, ...]]]:
    return {n: f.rows() for n, f in frames.items()}


@pytest.mark.parametrize("seed", range(8))
def test_prune_all_skips_what_find_dangling_settled_with_the_same_frames(seed: int) -> None:
    """As loading does: a reference column without a dangling value into a frame that
    keeps every id it knows is not tested again; the frames pruned are the same."""
    rng = random.Random(seed)
    frames = {
        n: f.unique("id", keep="first", maintain_order=True) for n, f in _frames(seed).items()
    }
    known = {n: set(f.get_column("id").to_list()) for n, f in frames.items()}
    for name, specs in FIELDS.items():  # some columns name only known ids (or nothing)
        for spec in specs[1:]:
            assert spec.ref is not None
            if rng.random() < 0.5:
                ok = pl.col(spec.name).is_in(pl.Series(list(known[spec.ref])).implode())
                frames[name] = frames[name].with_columns(
                    pl.when(ok).then(pl.col(spec.name)).alias(spec.name)
                )
    settled = {}
    for name, specs in FIELDS.items():
        _, dangling = find_dangling(name, frames[name], specs, known)
        assert dangling == {
            s.name
            for s in specs[1:]
            if any(v is not None and v not in known[s.ref] for v in frames[name][s.name])  # type: ignore[index]
        }
        settled[name] = {s.name for s in specs[1:] if s.name not in dangling}
    assert any(settled.values())
    expected = _rows(prune_all(frames, dict(FIELDS), list(FIELDS)))
    assert _rows(prune_all(frames, dict(FIELDS), list(FIELDS), settled=settled)) == expected
    assert expected == _naive_prune_all(frames)


@pytest.mark.parametrize("seed", range(8))
def test_prune_all_after_some_frames_lost_records_prunes_what_refers_to_them(seed: int) -> None:
    """As the as-of view does: pruned frames, then some records left out of a few of them;
    pruning only what refers to those gives what pruning everything gives."""
    rng = random.Random(seed)
    pruned = prune_all(_frames(seed), dict(FIELDS), list(FIELDS))
    changed = set(rng.sample(sorted(FIELDS), 2))
    for name in changed:
        frame = pruned[name]
        pruned[name] = frame.filter(pl.Series([rng.random() < 0.7 for _ in range(frame.height)]))
    everything = _rows(prune_all(pruned, dict(FIELDS), list(FIELDS)))
    assert _rows(prune_all(pruned, dict(FIELDS), list(FIELDS), changed=changed)) == everything


def test_prune_leaves_a_frame_with_nothing_to_do_as_it_is() -> None:
    ids = pl.Series(["a1", "a2"])
    frame = pl.concat(
        [pl.DataFrame({"id": ["b1"], "a": ["a1"]}), pl.DataFrame({"id": ["b2"], "a": ["a2"]})],
        rechunk=False,
    )
    specs = (ID, _ref("a", "a", True))
    assert prune(frame, specs, {"a": ids}) is frame
    optional = (ID, _ref("a", "a", False))
    assert prune(frame, optional, {"a": ids}) is frame
    nulled = prune(frame, optional, {"a": ids.head(1)})
    assert nulled.get_column("a").to_list() == ["a1", None]
    assert nulled.n_chunks() == 2


@pytest.mark.parametrize("seed", range(4))
def test_dangling_references_name_every_value_to_nothing_in_row_order(seed: int) -> None:
    frame = _frames(seed)["d"]
    known: dict[str, set[str] | pl.Series] = {
        "a": {f"a{i}" for i in range(0, 30, 2)},
        "b": pl.Series([f"b{i}" for i in range(0, 30, 3)]),
    }  # no ids of c at all
    asked: list[tuple[str, str]] = []

    def guess(collection: str, value: str) -> str | None:
        asked.append((collection, value))
        return "b0" if value == "b1" else None

    found = dangling_references("d", frame, FIELDS["d"], known, guess)
    expected = []
    order = []
    for row in frame.rows(named=True):
        values = [
            (s, row[s.name])
            for s in FIELDS["d"][1:]
            if row[s.name] is not None and row[s.name] not in set(known.get(s.ref, ()))  # type: ignore[arg-type]
        ]
        if values:
            expected.append((row["id"], Location("d.csv", row["_line"]), values))
            order.extend((s.ref, v) for s, v in values)
    assert [(f.subject.id, f.locations[0]) for f in found] == [(i, loc) for i, loc, _ in expected]
    for finding, (_, _, values) in zip(found, expected, strict=True):
        texts = [r.render("en") for r in finding.reasons]
        assert len(texts) == len(values)
        for text, (spec, value) in zip(texts, values, strict=True):
            assert spec.name in text and value in text
            assert ("did you mean 'b0'" in text) == (value == "b1")
    assert asked == list(dict.fromkeys(order))
