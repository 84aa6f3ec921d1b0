"""JSON Schema (draft 2020-12) of the files a user writes, generated from the pydantic models.

The manifest, each collection, the ruleset format (with ``check`` one of the registered
check kinds, told apart by ``kind``), and the attestations and waivers files where their
models exist; ``report`` is the JSON report's (:mod:`.report_schema`). Output of the
``schema`` command; deterministic.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from .engine.ruleset import RuleChange, RuleDef, RulesetHeader
from .exceptions import UsageError
from .i18n.message import msg
from .report_schema import report_schema
from .schema.collections import COLLECTION_MODELS
from .schema.manifest import Manifest

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

SCHEMA_TARGETS = ("manifest", "ruleset", "collection", "attestations", "waivers", "report")
"""What ``schema`` can describe."""


def _finish(schema: dict[str, Any], title: str, description: str) -> dict[str, Any]:
    schema = {key: value for key, value in schema.items() if key not in ("title", "description")}
    return {"$schema": JSON_SCHEMA_DIALECT, "title": title, "description": description, **schema}


def manifest_schema() -> dict[str, Any]:
    """JSON Schema of ``secretariat.yaml``."""
    return _finish(
        Manifest.model_json_schema(),
        "secretariat.yaml",
        "The manifest of a secretariat-rules data repository (SPEC §2.1). A region plugin "
        "may supply every field but region.",
    )


def collection_schema(name: str) -> dict[str, Any]:
    """JSON Schema of one collection file (a list of records), in canonical values.

    :raises UsageError: no such collection.
    """
    model = COLLECTION_MODELS.get(name)
    if model is None:
        known = ", ".join(COLLECTION_MODELS)
        raise UsageError(msg("error.schema.unknown_collection", name=repr(name), known=known))
    record = model.model_json_schema()
    defs = record.pop("$defs", {})
    schema: dict[str, Any] = {"type": "array", "items": record}
    if defs:
        schema["$defs"] = defs
    return _finish(
        schema,
        f"{name} collection",
        f"The {name} collection (SPEC §2.2) as {name}.json or {name}.yaml: a list of records "
        "with canonical values (ISO dates, plain numbers, true/false). Loaders also accept "
        "the Norwegian notations of SPEC §2.3 in any format.",
    )


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref.rsplit("/", 1)[-1]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def ruleset_schema(check_kinds: Mapping[str, Any]) -> dict[str, Any]:
    """JSON Schema of a ruleset file; ``check`` is one of the registered check kinds."""
    models: list[type[BaseModel]] = [RulesetHeader, RuleDef, RuleChange]
    configs = {name: kind.config_model for name, kind in sorted(check_kinds.items())}
    models.extend(dict.fromkeys(configs.values()))
    refs, top = models_json_schema(
        [(model, "validation") for model in models], ref_template="#/$defs/{model}"
    )
    defs: dict[str, Any] = top["$defs"]
    variants = []
    for name, model in configs.items():
        def_name = refs[(model, "validation")]["$ref"].rsplit("/", 1)[-1]
        variant = json.loads(json.dumps(defs[def_name]))
        variant["title"] = f"check kind {name}"
        variant["properties"] = {"kind": {"const": name}, **variant.get("properties", {})}
        variant["required"] = ["kind", *variant.get("required", [])]
        defs[f"check-{name}"] = variant
        variants.append({"$ref": f"#/$defs/check-{name}"})
    defs["Check"] = {"title": "Check", "oneOf": variants}
    check = {"$ref": "#/$defs/Check"}
    checks = {"type": "array", "items": check, "minItems": 1}
    defs["RuleDef"]["properties"]["check"] = {"anyOf": [check, checks]}
    defs["RuleChange"]["properties"]["check"] = {
        "anyOf": [check, checks, {"type": "null"}],
        "default": None,
    }
    header = defs.pop("RulesetHeader")
    header["properties"]["rules"] = {
        "type": "array",
        "items": {"anyOf": [{"$ref": "#/$defs/RuleDef"}, {"$ref": "#/$defs/RuleChange"}]},
        "description": "a new rule (every field) or a change to a rule of the base (a reason)",
    }
    used: set[str] = set()
    pending = list(_refs(header))
    while pending:
        name = pending.pop()
        if name not in used:
            used.add(name)
            pending.extend(_refs(defs[name]))
    header["$defs"] = {name: defs[name] for name in sorted(used)}
    return _finish(
        header,
        "secretariat-rules ruleset",
        "A ruleset file (SPEC §3): a header and rules, each a new rule or a change to a rule "
        "of the ruleset it extends.",
    )


def _optional_model(module: str, names: Sequence[str]) -> tuple[str, type[BaseModel]] | None:
    """A pydantic model from a module that may not exist yet."""
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise
    for name in names:
        model = getattr(loaded, name, None)
        if isinstance(model, type) and issubclass(model, BaseModel):
            return name, model
    return None


def file_schema(target: str) -> dict[str, Any]:
    """JSON Schema of ``attestations.yaml`` or ``waivers.yaml``, where the model exists.

    The file's model is looked up as ``<Target>File``, then ``<Target>``, then the model of
    one entry (``Attestation``, ``Waiver``), which is wrapped in a list.

    :raises UsageError: the model is not available.
    """
    singular = target.rstrip("s").capitalize()
    plural = target.capitalize()
    found = _optional_model(
        f"secretariat_rules.schema.{target}", (f"{plural}File", plural, singular)
    )
    if found is None:
        raise UsageError(msg("error.schema.not_available", target=target))
    name, model = found
    schema = model.model_json_schema()
    if name == singular:
        defs = schema.pop("$defs", {})
        schema = {"type": "array", "items": schema, **({"$defs": defs} if defs else {})}
    return _finish(schema, f"{target}.yaml", f"The {target} file of a data repository.")


def schema_of(target: str, name: str | None, check_kinds: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a target (see :data:`SCHEMA_TARGETS`).

    :raises UsageError: unknown target, or a collection without its name.
    """
    if target == "collection":
        if not name:
            known = ", ".join(COLLECTION_MODELS)
            raise UsageError(msg("error.schema.needs_collection", known=known))
        return collection_schema(name)
    if name:
        raise UsageError(msg("error.schema.takes_no_name", target=target, name=repr(name)))
    if target == "manifest":
        return manifest_schema()
    if target == "ruleset":
        return ruleset_schema(check_kinds)
    if target in ("attestations", "waivers"):
        return file_schema(target)
    if target == "report":
        return report_schema()
    known = ", ".join(SCHEMA_TARGETS)
    raise UsageError(msg("error.schema.unknown_target", target=repr(target), known=known))
