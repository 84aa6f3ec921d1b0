"""Builds the plugin manager and the registry of everything plugins provide.

Nothing is registered at import time: :func:`get_plugin_manager` creates a manager, adds
the hookspecs, registers the built-ins of :data:`DEFAULT_PLUGINS` and any ``-p`` modules,
loads the ``secretariat_rules`` entry points one by one (unless disabled) so that a failing
plugin is named, and checks that every hook implementation matches a hookspec.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pluggy

from . import hookspecs
from .exceptions import PluginError
from .i18n.message import Text, msg
from .version import __version__

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
    "secretariat_rules.reporters.sarif",
    "secretariat_rules.reporters.markdown",
    "secretariat_rules.reporters.html",
    "secretariat_rules.reporters.github",
    "secretariat_rules.reporters.xlsx",
    "secretariat_rules.reporters.pdf",
    "secretariat_rules.builtin_rulesets",
)
"""Modules of the built-in plugins, registered through the same hooks as any other."""

Origin = Literal["built-in", "command line", "entry point", "registered"]


@dataclass(frozen=True)
class PluginInfo:
    """Where a loaded plugin came from: its module, and the distribution that declared it."""

    name: str
    module: str
    origin: Origin
    distribution: str | None = None
    version: str | None = None

    @property
    def version_label(self) -> str:
        """``built-in``, ``DISTRIBUTION VERSION``, or how it was loaded."""
        if self.origin == "built-in":
            return "built-in"
        if self.distribution:
            return f"{self.distribution} {self.version or '?'}"
        return "-p" if self.origin == "command line" else self.origin


class PluginManager(pluggy.PluginManager):
    """A pluggy plugin manager that remembers where each plugin came from."""

    def __init__(self) -> None:
        super().__init__(ENTRY_POINT_GROUP)
        self.plugin_info: dict[str, PluginInfo] = {}


def get_plugin_manager(
    extra: Sequence[str] = (), *, load_entry_points: bool = True
) -> PluginManager:
    """Create a plugin manager with the built-ins, ``extra`` modules and the entry points.

    :param extra: further plugin modules to import and register (``-p MODULE``).
    :param load_entry_points: load third-party plugins from the entry-point group.
    :raises PluginError: a plugin cannot be imported, or implements an unknown hook; the
        message names the plugin.
    """
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        _register_module(pm, name, "built-in")
    for name in extra:
        _register_module(pm, name, "command line")
    if load_entry_points:
        _load_entry_points(pm)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        name = pm.get_name(exc.plugin) or repr(exc.plugin)
        raise PluginError(msg("error.plugin.invalid", name=name, error=str(exc))) from exc
    return pm


def _register_module(pm: PluginManager, name: str, origin: Origin) -> None:
    try:
        module = importlib.import_module(name)
    except Exception as exc:  # ImportError, or anything the module raises on import
        raise PluginError(msg("error.plugin.import", name=name, error=str(exc))) from exc
    if pm.is_registered(module):
        return
    try:
        pm.register(module, name=name)
    except (pluggy.PluginValidationError, ValueError) as exc:
        raise PluginError(msg("error.plugin.invalid", name=name, error=str(exc))) from exc
    if origin == "built-in":
        info = PluginInfo(name, name, origin, "secretariat-rules", __version__)
    else:
        info = PluginInfo(name, name, origin)
    pm.plugin_info[name] = info


def _load_entry_points(pm: PluginManager) -> None:
    """Load the group's entry points one by one, so that a failing one is named.

    A blocked name is skipped. One name declared by two distributions is an error rather
    than a silent choice; a module already registered (given with ``-p`` too) is skipped.
    """
    entry_points = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    labels: dict[str, tuple[str | None, str | None]] = {}
    for ep in sorted(entry_points, key=lambda e: (e.name, e.value)):
        if pm.is_blocked(ep.name):
            continue
        label = msg("error.plugin.entry_point", name=ep.name, value=ep.value)
        dist = ep.dist
        if pm.has_plugin(ep.name):
            other = pm.plugin_info.get(ep.name)
            where: Text = (
                f"{other.module}, {other.version_label}"
                if other
                else msg("error.plugin.already_registered")
            )
            raise PluginError(
                msg("error.plugin.name_taken", label=label, name=ep.name, where=where)
            )
        try:
            plugin = ep.load()
        except Exception as exc:  # a third-party plugin crashed while importing
            raise PluginError(msg("error.plugin.load_failed", label=label, error=str(exc))) from exc
        if pm.is_registered(plugin):
            continue
        try:
            pm.register(plugin, name=ep.name)
        except (pluggy.PluginValidationError, ValueError) as exc:
            raise PluginError(
                msg("error.plugin.entry_point_invalid", label=label, error=str(exc))
            ) from exc
        pm.plugin_info[ep.name] = PluginInfo(
            ep.name, ep.value, "entry point", *_distribution_label(dist, labels)
        )


def _distribution_label(
    dist: importlib.metadata.Distribution | None, seen: dict[str, tuple[str | None, str | None]]
) -> tuple[str | None, str | None]:
    """A distribution's name and version, its metadata parsed once for all its entry
    points (``dist.name`` and ``dist.version`` each parse the whole file again)."""
    if dist is None:
        return None, None
    key = str(getattr(dist, "_path", id(dist)))
    if key not in seen:
        metadata = dist.metadata
        seen[key] = (metadata["Name"], metadata["Version"])
    return seen[key]


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
    plugins: list[PluginInfo] = field(default_factory=list)
    """Every loaded plugin in registration order: built-ins, ``-p`` modules, entry points."""

    def listing(self) -> list[dict[str, Any]]:
        """Each plugin with its origin, version and what it provides (for ``plugins``)."""
        provided: dict[str, dict[str, list[str]]] = {
            info.name: {key: [] for key in PROVIDED_KINDS.values()} for info in self.plugins
        }
        for (kind, name), plugin in sorted(self.providers.items()):
            provided.setdefault(plugin, {k: [] for k in PROVIDED_KINDS.values()})
            provided[plugin][PROVIDED_KINDS[kind]].append(name)
        return [
            {
                "name": info.name,
                "module": info.module,
                "origin": info.origin,
                "distribution": info.distribution,
                "version": "built-in" if info.origin == "built-in" else info.version,
                "label": info.version_label,
                "provides": provided[info.name],
            }
            for info in self.plugins
        ]


PROVIDED_KINDS: dict[str, str] = {
    "region": "region_profiles",
    "source adapter": "source_adapters",
    "check kind": "check_kinds",
    "reporter": "reporters",
    "ruleset": "rulesets",
}
"""Kind of contribution (as in :attr:`Registry.providers`) → its key in a listing."""


def _answers(pm: pluggy.PluginManager, hook_name: str) -> Iterable[tuple[str, Any]]:
    """Call one hook on each plugin separately, so every answer is tied to its plugin."""
    for impl in getattr(pm.hook, hook_name).get_hookimpls():
        plugin_name = pm.get_name(impl.plugin) or repr(impl.plugin)
        try:
            items = impl.function()
        except Exception as exc:
            raise PluginError(
                msg("error.plugin.hook_failed", name=plugin_name, hook=hook_name, error=str(exc))
            ) from exc
        for item in items or ():
            yield plugin_name, item


def build_registry(pm: pluggy.PluginManager) -> Registry:
    """Collect every plugin's contributions; two providers of one name are an error."""
    known: dict[str, PluginInfo] = getattr(pm, "plugin_info", {})
    reg = Registry(
        plugin_names=sorted(n for n, _ in pm.list_name_plugin()),
        plugins=[
            known.get(name)
            or PluginInfo(name, getattr(plugin, "__name__", repr(plugin)), "registered")
            for name, plugin in pm.list_name_plugin()
            if plugin is not None  # a blocked name
        ],
    )

    def add(kind: str, table: dict[str, Any], name: str, item: Any, plugin: str) -> None:
        if name in table:
            other = reg.providers[(kind, name)]
            kind_text = msg("error.plugin.kind." + kind.replace(" ", "_"))
            raise PluginError(
                msg("error.plugin.duplicate", kind=kind_text, name=name, first=other, second=plugin)
            )
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
