"""The packaged rulesets are validated when they are built, not on every run (issue 13).

:func:`load_ruleset` validates every ruleset; then :func:`~.runner.dry_run` evaluates
every enabled rule on an empty dataset, so that a condition naming a field, collection,
parameter or variable that does not exist fails before any data is read. For a ruleset
whose every layer is a packaged one (``rulesets/*.yaml``, :mod:`.builtin_rulesets`), the
dry run's verdict depends only on those files' bytes, the tool, the collections' fields
and the check kinds its rules use: their sha256 (:func:`content_hash`) is kept in the
committed ``rulesets/validated.json`` for each packaged ruleset that passed it, and a run
whose hash is listed there skips it. User rulesets (a path, a third-party plugin's, or a
chain that reaches one) are always dry-run.

``tests/test_ruleset_validated.py`` recomputes the hashes and dry-runs every packaged
ruleset, failing if the file is stale, so the shortcut cannot hide a broken ruleset.
Regenerate it with ``make rulesets-validated``
(``python -m secretariat_rules.ruleset_cache``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from .builtin_rulesets import rulesets_dir
from .engine.ruleset_model import Ruleset
from .version import __version__

VALIDATED_NAME = "validated.json"
REGENERATE = "make rulesets-validated (python -m secretariat_rules.ruleset_cache)"


def validated_path() -> Path:
    """The committed list of the packaged rulesets' hashes that passed the dry run."""
    return rulesets_dir() / VALIDATED_NAME


@cache
def _schema_digest() -> str:
    """The collections and fields a dry run checks conditions against."""
    from .schema.collections import COLLECTION_FIELDS

    return hashlib.sha256(repr(sorted(COLLECTION_FIELDS.items())).encode()).hexdigest()


def _packaged(path: Path) -> bool:
    return path.resolve().parent == rulesets_dir().resolve() and path.suffix == ".yaml"


def content_hash(ruleset: Ruleset, check_kinds: Mapping[str, Any]) -> str | None:
    """The sha256 the dry run's verdict on ``ruleset`` depends on; ``None`` unless every
    layer file is a packaged ruleset (a user ruleset is always dry-run)."""
    if not ruleset.files or not all(_packaged(p) for p in ruleset.files):
        return None
    h = hashlib.sha256()
    h.update(f"secretariat-rules {__version__}\n".encode())
    h.update(f"schema {_schema_digest()}\n".encode())
    kinds = sorted({str(c.get("kind")) for r in ruleset.rules.values() for c in r.check})
    for name in kinds:
        kind = check_kinds.get(name)
        cls = type(kind)
        where = f"{cls.__module__}.{cls.__qualname__}" if kind is not None else "?"
        h.update(f"kind {name} {where}\n".encode())
    for path in ruleset.files:
        data = path.read_bytes()
        h.update(f"file {path.name} {len(data)}\n".encode())
        h.update(data)
    return h.hexdigest()


@cache
def _validated(location: Path) -> frozenset[str]:
    try:
        data = json.loads(location.read_text(encoding="utf-8"))
        return frozenset(str(v) for v in data["rulesets"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return frozenset()


def is_validated(ruleset: Ruleset, check_kinds: Mapping[str, Any]) -> bool:
    """Whether ``ruleset`` is packaged and passed the dry run as it is now."""
    digest = content_hash(ruleset, check_kinds)
    return digest is not None and digest in _validated(validated_path())


def dry_run_unless_validated(ruleset: Ruleset, check_kinds: Mapping[str, Any]) -> None:
    """:func:`~.runner.dry_run`, unless ``ruleset`` is a packaged one validated at build.

    :raises RulesetError: as :func:`~.runner.dry_run`.
    """
    if is_validated(ruleset, check_kinds):
        return
    from .engine.runner import dry_run

    dry_run(ruleset)


def packaged_hashes() -> dict[str, str]:
    """Each packaged ruleset's hash, after loading and dry-running it (raises if broken)."""
    from .engine.ruleset import load_ruleset
    from .engine.runner import dry_run
    from .plugins import load_registry

    registry = load_registry()
    hashes: dict[str, str] = {}
    for path in sorted(rulesets_dir().glob("*.yaml")):
        ruleset = load_ruleset(str(path), registry.rulesets, registry.check_kinds)
        dry_run(ruleset)
        digest = content_hash(ruleset, registry.check_kinds)
        assert digest is not None, path
        hashes[path.stem] = digest
    return hashes


def render(hashes: Mapping[str, str]) -> str:
    """The text of ``validated.json`` for ``hashes``."""
    body = {
        "about": "sha256 of each packaged ruleset that passed the dry run; "
        f"regenerate: {REGENERATE}",
        "version": __version__,
        "rulesets": dict(sorted(hashes.items())),
    }
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    """Dry-run every packaged ruleset and write ``rulesets/validated.json``."""
    location = validated_path()
    location.write_text(render(packaged_hashes()), encoding="utf-8")
    print(f"wrote {location}")


if __name__ == "__main__":
    main()
