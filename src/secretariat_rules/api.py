"""The library's entry points: load a data repository, check it.

This is the boundary where defaults that depend on the outside world are settled
(today's date when neither the manifest nor the caller gives ``as_of``); nothing below
it reads the clock.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .dataset import Dataset, build_dataset
from .engine.data_rules import DATA_RULES
from .engine.ruleset import Ruleset, load_ruleset, locate_ruleset
from .engine.runner import RunOptions, check_selection, is_selected, run
from .engine.waivers import WAIVERS_NAME, PlacedWaiver, load_baseline, load_waivers
from .exceptions import (
    AttestationError,
    ConfigurationError,
    ManifestError,
    Problem,
    RulesetError,
    UsageError,
    WaiverError,
)
from .findings import Result, Severity
from .i18n.message import Text, msg
from .plugins import Registry, load_registry
from .ruleset_cache import dry_run_unless_validated
from .schema.attestations import (
    ATTESTATIONS_NAME,
    Attestations,
    template_lines,
    validate_attestations,
)
from .schema.collections import COLLECTION_MODELS
from .schema.manifest import Manifest, Period
from .sources.base import (
    FileProblem,
    ReadOptions,
    SourceAdapter,
    SourceInventory,
    SourceNotice,
    SourceOutput,
)
from .sources.confine import confined_config, unrecognised_files
from .sources.manifest import MANIFEST_NAME, build_manifest, read_manifest_data
from .sources.readers import READERS, RawTable
from .yamlio import parse_config, read_config_text

DEFAULT_RULESET = "national"

__all__ = [
    "check",
    "check_dataset",
    "load_attestations",
    "load_baseline",
    "load_dataset",
    "resolve_ruleset",
]


def load_dataset(
    path: str | Path,
    *,
    registry: Registry | None = None,
    overrides: dict[str, Any] | None = None,
    options: ReadOptions | None = None,
) -> Dataset:
    """Load a data repository: manifest (with region defaults), sources, typed frames.

    ``options`` are passed to the source adapters that accept them (``--schema-check``).
    """
    registry = registry or load_registry()
    root = Path(path)
    data, index = read_manifest_data(root)
    manifest = build_manifest(data, index, registry.region_profiles, overrides)
    tables: list[RawTable] = []
    problems: list[FileProblem] = []
    claimed: set[str] = set()
    notices: list[SourceNotice] = []
    inventory: list[SourceInventory] = []
    for name in manifest.sources:
        adapter = registry.source_adapters.get(name)
        if adapter is None:
            known = ", ".join(sorted(registry.source_adapters))
            raise ManifestError(
                msg("error.api.unknown_source", path=index.path, name=name),
                [
                    Problem(
                        index.path,
                        index.line(("source",)),
                        msg("error.api.source_not_provided", name=name, known=known),
                    )
                ],
            )
        output = read_source(adapter, root, manifest, options or ReadOptions())
        tables.extend(output.tables)
        problems.extend(output.problems)
        claimed.update(output.claimed)
        notices.extend(output.notices)
        if output.inventory is not None:
            inventory.append(output.inventory)
        del output  # build_dataset frees each raw table once typed: hold none here
    claimed.update(p.path.split("/", 1)[0] for p in problems)
    claimed.update(t.path.split("/", 1)[0] for t in tables)
    if manifest.ruleset and _is_path(manifest.ruleset):
        claimed.add(Path(manifest.ruleset).parts[0])
    # the reports the manifest has ``check`` write here (check.reports) are not unknown files
    claimed.update(Path(rel).parts[0] for rel in manifest.check.reports.values() if rel)
    unknown = unrecognised_files(root, claimed, COLLECTION_MODELS, READERS)
    return build_dataset(root, manifest, index, tables, problems, unknown, notices, inventory)


def read_source(
    adapter: SourceAdapter, root: Path, manifest: Manifest, options: ReadOptions
) -> SourceOutput:
    """Run one adapter, giving it ``options`` when its ``read`` takes them."""
    try:
        takes_options = "options" in inspect.signature(adapter.read).parameters
    except (TypeError, ValueError):  # pragma: no cover - a builtin or C callable
        takes_options = False
    if takes_options:
        return adapter.read(root, manifest, options=options)  # type: ignore[call-arg]
    return adapter.read(root, manifest)


def _is_path(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) or "/" in name


_INVALID_MANIFEST = msg("error.api.invalid_manifest", path=MANIFEST_NAME)


def _ruleset_problem(exc: ConfigurationError) -> Text:
    """``ruleset: ERROR``: the error's own message nested (it renders in the same language)."""
    error: object = exc.args[0] if not exc.problems and len(exc.args) == 1 else str(exc)
    return msg("error.api.manifest_ruleset", error=error)


def resolve_ruleset(name: str | None, dataset: Dataset, registry: Registry) -> Ruleset:
    """The ruleset to use: given, else the manifest's (or its region's), else national."""
    chosen = name or dataset.manifest.ruleset or DEFAULT_RULESET
    confine_to = None
    if name is None and dataset.manifest.ruleset and _is_path(chosen):
        confine_to = dataset.root
        # a manifest's path is relative to its repository, and must stay inside it
        line = dataset.manifest_lines.line(("ruleset",))
        try:
            found = confined_config(dataset.root, chosen, ManifestError, "ruleset")
        except ManifestError as exc:
            problem = Problem(MANIFEST_NAME, line, _ruleset_problem(exc))
            raise ManifestError(_INVALID_MANIFEST, [problem]) from None
        if found is None:
            problem = Problem(MANIFEST_NAME, line, msg("error.api.ruleset_no_file", path=chosen))
            raise ManifestError(_INVALID_MANIFEST, [problem])
        chosen = str(found)
    elif name is None and chosen not in registry.rulesets:
        line = dataset.manifest_lines.lines.get(("ruleset",))
        try:
            locate_ruleset(chosen, registry.rulesets)
        except RulesetError as exc:
            if line is None:
                raise
            problem = Problem(MANIFEST_NAME, line, _ruleset_problem(exc))
            raise ManifestError(_INVALID_MANIFEST, [problem]) from None
    ruleset = load_ruleset(chosen, registry.rulesets, registry.check_kinds, confine_to)
    dry_run_unless_validated(ruleset, registry.check_kinds)
    return ruleset


def check(
    path: str | Path,
    *,
    ruleset: str | None = None,
    as_of: dt.date | None = None,
    period: Period | None = None,
    lang: str = "nb",
    fail_on: Severity | None = Severity.ERROR,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    registry: Registry | None = None,
    today: dt.date | None = None,
    waivers: Path | None = None,
    baseline: frozenset[str] | None = None,
    schema_check: bool = False,
) -> Result:
    """Check one data repository and return its result.

    :param waivers: a waivers file; default ``waivers.yaml`` in the repository, if any.
    :param baseline: fingerprints of a previous report (see :func:`load_baseline`).
    :param schema_check: ask source adapters to validate their files against the
        official schema of their version (``--schema-check``; DAT008 findings).
    """
    registry = registry or load_registry()
    options = ReadOptions(schema_check=schema_check)
    dataset = load_dataset(path, registry=registry, options=options)
    rules = resolve_ruleset(ruleset, dataset, registry)
    return check_dataset(
        dataset,
        rules,
        as_of=as_of,
        period=period,
        lang=lang,
        fail_on=fail_on,
        select=select,
        ignore=ignore,
        today=today,
        waivers=waivers,
        baseline=baseline,
    )


def repository_waivers(dataset: Dataset, path: Path | None) -> list[PlacedWaiver]:
    """The waivers that apply: an explicit file, else the repository's ``waivers.yaml``."""
    if path is not None:
        if not path.is_file():
            raise UsageError(msg("error.api.no_waivers_file", path=str(path)))
        return load_waivers(path, str(path))
    default = confined_config(dataset.root, WAIVERS_NAME, WaiverError, "waivers file")
    return load_waivers(default, WAIVERS_NAME) if default is not None else []


def load_attestations(root: Path, known: frozenset[str] | None) -> Attestations:
    """Read and validate a data repository's ``attestations.yaml`` (none: no answers).

    Read like the other configuration files (confined to the repository, UTF-8, the
    YAML bounds) and validated by its schema, every problem with file:line.

    :param known: the items an answer may name; None accepts any rule id.
    :raises AttestationError: the file is unreadable or invalid (exit code 2).
    """
    what = "attestations file"
    found = confined_config(root, ATTESTATIONS_NAME, AttestationError, what)
    if found is None:
        return Attestations()
    text = read_config_text(found, ATTESTATIONS_NAME, AttestationError, what)
    data, index = parse_config(text, ATTESTATIONS_NAME, AttestationError, what)
    return validate_attestations(data, index, known, template_lines(text), str(found))


def repository_attestations(
    dataset: Dataset, ruleset: Ruleset, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> Attestations:
    """The repository's attestations, read only when an enabled, selected ``attested``
    rule runs (else none: a broken file does not stop the other rules)."""
    # the check kind's module imports the package (``hookimpl``), which imports this one
    from .checks.attested import attested_items, needs_attestations

    if not needs_attestations(ruleset, lambda rule_id: is_selected(rule_id, select, ignore)):
        return Attestations()
    return load_attestations(dataset.root, attested_items(ruleset))


def check_dataset(
    dataset: Dataset,
    ruleset: Ruleset,
    *,
    as_of: dt.date | None = None,
    period: Period | None = None,
    lang: str = "nb",
    fail_on: Severity | None = Severity.ERROR,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    today: dt.date | None = None,
    waivers: Path | None = None,
    baseline: frozenset[str] | None = None,
) -> Result:
    """Run a resolved ruleset on a loaded dataset."""
    manifest = dataset.manifest
    chosen_period = period or manifest.period
    if chosen_period is None:
        raise ManifestError(msg("error.api.no_period", path=str(dataset.root / "secretariat.yaml")))
    reference = as_of or manifest.as_of or today or dt.date.today()
    placed_waivers = tuple(repository_waivers(dataset, waivers))
    # the inputs the rules need, loaded here: a bad selector is reported before a bad file
    check_selection([*ruleset.rules, *DATA_RULES], select, ignore)
    attestations = repository_attestations(dataset, ruleset, select, ignore)
    options = RunOptions(
        as_of=reference,
        period_start=chosen_period.start,
        period_end=chosen_period.end,
        lang=lang,
        fail_on=fail_on,
        select=tuple(select),
        ignore=tuple(ignore),
        waivers=placed_waivers,
        baseline=baseline,
    )
    return run(replace(dataset, attestations=attestations), ruleset, options)
