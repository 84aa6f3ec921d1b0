"""The reference commands: ``plugins``, ``rules``, ``explain``, ``regions``, ``schema``,
``docs``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .. import json_schema, region_info
from ..engine import explanation
from ..engine.ruleset import Ruleset, load_ruleset
from ..engine.tailoring import tailoring_register
from ..exceptions import ConfigurationError, UsageError
from ..exit_codes import ExitCode
from ..i18n.catalog import t
from ..plugins import PROVIDED_KINDS, Registry
from ..reporters import reference, reference_markdown, reference_text
from ..reporters.base import (
    dump_json,
)
from ..rule_lookup import find_in_rulesets
from ..sources.manifest import unknown_region_text
from .app import main, registry_of
from .errors import handle_errors
from .help import option, tr
from .options import (
    LANG_OPTION,
    OUTPUT_OPTION,
    RULESET_OPTION,
    TEXT_OR_JSON_OPTION,
    check_ruleset_path,
    format_option,
)
from .output import echo, emit, write_atomic


@main.command("plugins", help="help.plugins")
@TEXT_OR_JSON_OPTION
@click.pass_context
@handle_errors
def plugins_command(ctx: click.Context, fmt: str) -> ExitCode:
    """List loaded plugins: version (or built-in) and what each provides.

    \b
    text: NAME: PROVIDES [VERSION; MODULE]   one line per plugin
    json: a list of {name, module, origin, distribution, version, label, provides}
    """
    listing = registry_of(ctx).listing()
    if fmt == "json":
        emit(dump_json(listing), None)
        return ExitCode.OK
    kinds = {
        key: tr("cli.plugins.kind." + kind.replace(" ", "_"))
        for kind, key in PROVIDED_KINDS.items()
    }
    for entry in listing:
        provided = entry["provides"].items()
        items = [f"{kinds[key]} {name}" for key, names in provided for name in names]
        where = entry["label"]
        if entry["module"] != entry["name"]:
            where += f"; {entry['module']}"
        provides = ", ".join(items) if items else tr("cli.plugins.nothing")
        echo(f"{entry['name']}: {provides} [{where}]")
    return ExitCode.OK


def load_named_ruleset(registry: Registry, name: str) -> Ruleset:
    """A resolved ruleset by name or path (errors become exit code 2)."""
    check_ruleset_path(name)
    return load_ruleset(name, registry.rulesets, registry.check_kinds)


def layer_loader(registry: Registry) -> Callable[[str], Ruleset | None]:
    """Resolve an earlier layer of a chain by name, or ``None`` if it is not registered."""

    def load(layer: str) -> Ruleset | None:
        if layer not in registry.rulesets:
            return None
        try:
            return load_named_ruleset(registry, layer)
        except ConfigurationError:
            return None

    return load


@main.command("rules", help="help.rules")
@RULESET_OPTION
@click.argument("baseline", required=False)
@format_option(choices=["text", "json", "markdown"])
@LANG_OPTION
@OUTPUT_OPTION
@click.pass_context
@handle_errors
def rules_command(
    ctx: click.Context,
    ruleset_name: str,
    baseline: str | None,
    fmt: str,
    lang: str,
    output: Path | None,
) -> ExitCode:
    """List the rules of a resolved ruleset, or its tailoring relative to BASELINE.

    \b
    secretariat-rules rules --ruleset bymiljopakken            rules of bymiljopakken
    secretariat-rules rules --ruleset bymiljopakken national   how it deviates from national

    The tailoring lists every rule added, disabled (with its reason), re-worded or
    re-parameterised (old → new), and the layer that did it.
    """
    registry = registry_of(ctx)
    ruleset = load_named_ruleset(registry, ruleset_name)
    subject: Any = ruleset
    to_json: Callable[..., Any] = reference.listing
    to_markdown: Callable[..., str] = reference_markdown.listing_markdown
    to_text: Callable[..., str] = reference_text.listing_text
    if baseline is not None:
        subject = tailoring_register(ruleset, load_named_ruleset(registry, baseline))
        to_json = reference.tailoring_report
        to_markdown = reference_markdown.tailoring_markdown
        to_text = reference_text.tailoring_text
    if fmt == "json":
        text = dump_json(to_json(subject))
    elif fmt == "markdown":
        text = to_markdown(subject, lang)
    else:
        text = to_text(subject, lang)
    emit(text, output)
    return ExitCode.OK


@main.command("explain", help="help.explain")
@click.argument("rule")
@option(
    "--ruleset",
    "ruleset_name",
    default=None,
    metavar="NAME",
    help="help.option.ruleset.explain",
)
@TEXT_OR_JSON_OPTION
@LANG_OPTION
@click.pass_context
@handle_errors
def explain_command(
    ctx: click.Context, rule: str, ruleset_name: str | None, fmt: str, lang: str
) -> ExitCode:
    """Explain RULE (an id or a name): guideline, semantics, parameters, an example finding.

    Without --ruleset, RULE is looked up in every registered ruleset: the national one is
    explained if it has the rule, else the first by name, and the others that have it are
    named.
    """
    registry = registry_of(ctx)
    if ruleset_name is None:
        names = registry.rulesets
        lookup = find_in_rulesets(rule, names, lambda n: load_named_ruleset(registry, n))
        ruleset, found, found_in = lookup.ruleset, lookup.rule, list(lookup.found_in)
    else:
        ruleset = load_named_ruleset(registry, ruleset_name)
        found = explanation.find_rule(ruleset, rule)
        found_in = [ruleset.name]
    info = explanation.explanation(found, ruleset, lang, layer_loader(registry))
    info["found_in"] = found_in
    if fmt == "json":
        text = dump_json(info)
    else:
        text = reference_text.explain_text(info, lang)
        if len(found_in) > 1:
            shown = t("explain.rulesets", lang, rulesets=", ".join(found_in), shown=ruleset.name)
            text += f"\n{shown}\n"
    emit(text, None)
    return ExitCode.OK


@main.command("regions", help="help.regions")
@click.argument("region", required=False)
@TEXT_OR_JSON_OPTION
@LANG_OPTION
@click.pass_context
@handle_errors
def regions_command(ctx: click.Context, region: str | None, fmt: str, lang: str) -> ExitCode:
    """List the regions the plugins provide (id, name, ruleset); with REGION, its parties,
    bodies and channels with the ids to write in the data files.

    \b
    json: a list of {id, name, ruleset}; with REGION {id, name, ruleset, description,
          parties, bodies, channels, references}
    """
    profiles = registry_of(ctx).region_profiles
    if region is None:
        listing = region_info.region_list(profiles)
        text = dump_json(listing) if fmt == "json" else None
        emit(text or region_info.region_list_text(listing, lang), None)
        return ExitCode.OK
    if region not in profiles:
        raise UsageError(unknown_region_text(region, profiles))
    detail = region_info.region_detail(profiles[region])
    json_text = dump_json(detail) if fmt == "json" else None
    emit(json_text or region_info.region_text(detail, lang), None)
    return ExitCode.OK


@main.command("schema", help="help.schema")
@click.argument(
    "target",
    type=click.Choice(json_schema.SCHEMA_TARGETS),
    default="manifest",
    required=False,
    metavar="[TARGET]",
)
@click.argument("name", required=False)
@OUTPUT_OPTION
@click.pass_context
@handle_errors
def schema_command(
    ctx: click.Context, target: str, name: str | None, output: Path | None
) -> ExitCode:
    """Print the JSON Schema (draft 2020-12) of the manifest, a collection, a ruleset or
    the JSON report.

    \b
    TARGET: manifest (default) | ruleset | collection NAME | attestations | waivers | report
    """
    registry = registry_of(ctx)
    schema = json_schema.schema_of(target, name, registry.check_kinds)
    emit(dump_json(schema), output)
    return ExitCode.OK


@main.command("docs", help="help.docs")
@OUTPUT_OPTION
@option(
    "--hooks",
    "hooks_output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="help.option.hooks",
)
@click.pass_context
@handle_errors
def docs_command(ctx: click.Context, output: Path | None, hooks_output: Path | None) -> ExitCode:
    """Generate the rule reference (docs/rules.md) from the rulesets and check kinds."""
    from ..docs import generate, hooks_reference

    emit(generate(registry_of(ctx)), output)
    if hooks_output is not None:
        write_atomic(hooks_output, hooks_reference())
    return ExitCode.OK
