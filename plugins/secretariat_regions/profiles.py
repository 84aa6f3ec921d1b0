"""The region plugin: the nine region profiles, each a data file in ``regions/``.

``regions/<id>.yaml`` holds one :class:`~secretariat_rules.regions.RegionProfile` in
manifest form (SPEC §2.1): ``id`` (the file's name), ``name``, ``ruleset``, ``source``,
``description``, ``parties``, ``bodies``, ``channels`` and ``secretariat``. Each file is
read with the package's safe YAML loader and validated against the manifest's own
``Party``, ``Body``, ``Channel`` and ``SecretariatFacts`` models (an org number must pass
the mod-11 check), so a broken profile fails with its file and line when the registry is
built, not when a manifest happens to name the region. The values are kept as written:
the profile is what a manifest would have said itself.

The one hook implementation here, the entry point ``regions``, returns every profile of
the directory, the way :mod:`secretariat_rules.builtin_rulesets` registers the packaged
rulesets. A third-party region is still its own plugin; it may ship a YAML file of the
same form and return ``[load_profile(path)]`` from its hook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from secretariat_rules import hookimpl
from secretariat_rules.exceptions import PluginError
from secretariat_rules.i18n.message import msg
from secretariat_rules.regions import RegionProfile
from secretariat_rules.schema.manifest import Body, Channel, Party, SecretariatFacts
from secretariat_rules.yamlio import load_yaml, validation_problems, yaml_error_line

from . import messages  # noqa: F401  (registers the region.profile.* messages)

REGIONS_DIR = Path(__file__).parent / "regions"
"""The packaged region profiles, one ``<id>.yaml`` each."""


class RegionFile(BaseModel):
    """The schema of a region profile file (the manifest's models for its values)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    ruleset: str | None = None
    source: str | list[str] | None = None
    description: str = ""
    parties: list[Party] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    secretariat: SecretariatFacts | None = None


def load_profile(path: Path) -> RegionProfile:
    """Read and validate one region profile file; its ``id`` must be the file's name.

    :raises PluginError: the file cannot be read, is not valid YAML, or does not validate;
        the message names the file and, where known, the line.
    """
    display = str(path)
    try:
        data, index = load_yaml(path.read_text(encoding="utf-8-sig"), display)
    except OSError as exc:
        detail = exc.strerror or type(exc).__name__
        raise PluginError(msg("region.profile.unreadable", path=display, detail=detail)) from None
    except UnicodeDecodeError as exc:
        raise PluginError(msg("region.profile.not_utf8", path=display, detail=exc.reason)) from None
    except yaml.YAMLError as exc:
        line = yaml_error_line(exc) or "?"
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise PluginError(
            msg("region.profile.invalid_yaml", path=display, line=line, problem=problem)
        ) from None
    if not isinstance(data, dict):
        raise PluginError(msg("region.profile.not_mapping", path=display))
    try:
        RegionFile.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(exc, index)
        raise PluginError(msg("region.profile.invalid", path=display), problems) from None
    if data["id"] != path.stem:
        id_line = index.line(("id",))
        raise PluginError(
            msg(
                "region.profile.id_not_file_name",
                path=display,
                line=id_line,
                id=repr(data["id"]),
                stem=repr(path.stem),
            )
        )
    values: dict[str, Any] = {k: v for k, v in data.items() if v is not None}
    return RegionProfile(**values)


def load_profiles(directory: Path | None = None) -> list[RegionProfile]:
    """Every ``*.yaml`` profile of ``directory`` (default :data:`REGIONS_DIR`), by file name."""
    files = sorted((directory or REGIONS_DIR).glob("*.yaml"))
    return [load_profile(path) for path in files]


@hookimpl
def secretariat_region_profiles() -> list[RegionProfile]:
    """The nine city regions of the urban growth agreements."""
    return load_profiles()


__all__ = ["REGIONS_DIR", "RegionFile", "load_profile", "load_profiles"]
