"""Builds the plugin manager and the registry of everything plugins provide.

Nothing is registered at import time: :func:`get_plugin_manager` creates a manager, adds
the hookspecs, registers the built-ins of :data:`DEFAULT_PLUGINS`, loads the
``secretariat_rules`` entry points (unless disabled), and checks that every hook
implementation matches a hookspec.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs
from .exceptions import PluginError

if TYPE_CHECKING:
    from .checks.base import CheckKind
    from .regions import RegionProfile
    from .reporters.base import Reporter
    from .sources.base import SourceAdapter

ENTRY_POINT_GROUP = "secretariat_rules"

DEFAULT_PLUGINS: tuple[str, ...] = (
    "secretariat_rules.sources.canonical",
    "secretariat_rules.checks.record",
    "secretariat_rules.checks.periodic",
    "secretariat_rules.checks.attested",
    "secretariat_rules.reporters.text",
    "secretariat_rules.reporters.json",
    "secretariat_rules.reporters.junit",
    "secretariat_rules.builtin_rulesets",
)
"""Modules of the built-in plugins, registered through the same hooks as any other."""


def get_plugin_manager(
    extra: Sequence[str] = (), *, load_entry_points: bool = True
) -> pluggy.PluginManager:
    """Create a plugin manager with the built-ins, the entry points and ``extra`` modules.

    :param extra: further plugin modules to import and register (``-p MODULE``).
    :param load_entry_points: load third-party plugins from the entry-point group.
    :raises PluginError: a plugin cannot be imported, or implements an unknown hook.
    """
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    for name in (*DEFAULT_PLUGINS, *extra):
        _register_module(pm, name)
    if load_entry_points:
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        except Exception as exc:  # a third-party plugin crashed while importing
            raise PluginError(
                f"a plugin of entry-point group {ENTRY_POINT_GROUP!r} failed to load: {exc}"
            ) from exc
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"plugin {exc.plugin!r} is invalid: {exc}") from exc
    return pm


def _register_module(pm: pluggy.PluginManager, name: str) -> None:
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise PluginError(f"plugin module {name!r} cannot be imported: {exc}") from exc
    if pm.is_registered(module):
        return
    try:
        pm.register(module, name=name)
    except (pluggy.PluginValidationError, ValueError) as exc:
        raise PluginError(f"plugin {name!r} is invalid: {exc}") from exc


@dataclass
class Registry:
    """Everything the loaded plugins provide, by name, with the plugin that provided it."""

    region_profiles: dict[str, RegionProfile] = field(default_factory=dict)
    source_adapters: dict[str, SourceAdapter] = field(default_factory=dict)
    check_kinds: dict[str, CheckKind] = field(default_factory=dict)
    reporters: dict[str, Reporter] = field(default_factory=dict)
    rulesets: dict[str, Path] = field(default_factory=dict)
    providers: dict[tuple[str, str], str] = field(default_factory=dict)
    plugin_names: list[str] = field(default_factory=list)


def _answers(pm: pluggy.PluginManager, hook_name: str) -> Iterable[tuple[str, Any]]:
    """Call one hook on each plugin separately, so every answer is tied to its plugin."""
    for impl in getattr(pm.hook, hook_name).get_hookimpls():
        plugin_name = pm.get_name(impl.plugin) or repr(impl.plugin)
        try:
            items = impl.function()
        except Exception as exc:
            raise PluginError(f"plugin {plugin_name!r} failed in {hook_name}: {exc}") from exc
        for item in items or ():
            yield plugin_name, item


def build_registry(pm: pluggy.PluginManager) -> Registry:
    """Collect every plugin's contributions; two providers of one name are an error."""
    reg = Registry(plugin_names=sorted(n for n, _ in pm.list_name_plugin()))

    def add(kind: str, table: dict[str, Any], name: str, item: Any, plugin: str) -> None:
        if name in table:
            other = reg.providers[(kind, name)]
            raise PluginError(f"{kind} {name!r} is provided by both {other!r} and {plugin!r}")
        table[name] = item
        reg.providers[(kind, name)] = plugin

    for plugin, profile in _answers(pm, "secretariat_region_profiles"):
        add("region", reg.region_profiles, profile.id, profile, plugin)
    for plugin, adapter in _answers(pm, "secretariat_source_adapters"):
        add("source adapter", reg.source_adapters, adapter.name, adapter, plugin)
    for plugin, kind in _answers(pm, "secretariat_check_kinds"):
        add("check kind", reg.check_kinds, kind.name, kind, plugin)
    for plugin, reporter in _answers(pm, "secretariat_reporters"):
        add("reporter", reg.reporters, reporter.name, reporter, plugin)
    for plugin, path in _answers(pm, "secretariat_rulesets"):
        path = Path(path)
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        for file in files:
            add("ruleset", reg.rulesets, file.stem, file, plugin)
    return reg


def load_registry(extra: Sequence[str] = (), *, load_entry_points: bool = True) -> Registry:
    """Build the plugin manager and its registry in one call."""
    return build_registry(get_plugin_manager(extra, load_entry_points=load_entry_points))
