"""Loading ``secretariat.yaml`` and applying the region profile's defaults."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..exceptions import ManifestError, Problem
from ..regions import RegionProfile
from ..schema.manifest import Manifest
from ..suggest import guess_region
from ..yamlio import LineIndex, read_config, validation_problems
from .confine import confined_config
from .values import closest, printable

MANIFEST_NAME = "secretariat.yaml"


def read_manifest_data(root: Path) -> tuple[dict[str, Any], LineIndex]:
    """Read the raw manifest mapping of a data repository.

    :raises ManifestError: the directory or manifest is missing, unreadable or not a mapping.
    """
    if not root.is_dir():
        raise ManifestError(f"data directory {root} does not exist or is not a directory")
    found = confined_config(root, MANIFEST_NAME, ManifestError, "manifest")
    if found is None:
        path = root / MANIFEST_NAME
        raise ManifestError(f"{path}: no manifest; a data repository needs {MANIFEST_NAME}")
    path = found
    data, index = read_config(path, MANIFEST_NAME, ManifestError, "the manifest")
    if not isinstance(data, dict):
        raise ManifestError(f"{path}:1: the manifest must be a mapping of keys to values")
    return data, index


def build_manifest(
    data: Mapping[str, Any],
    index: LineIndex,
    profiles: Mapping[str, RegionProfile],
    overrides: Mapping[str, Any] | None = None,
) -> Manifest:
    """Validate the manifest after filling in the region profile's defaults.

    A value the manifest gives replaces the profile's wholesale (lists are not merged).
    ``overrides`` (from the command line: ``as_of``, ``period``, ``ruleset``) win over both.
    """
    merged: dict[str, Any] = {}
    region = data.get("region")
    if isinstance(region, str) and region in profiles:
        merged.update(profiles[region].defaults())
    elif isinstance(region, str):
        check_unknown_region(region, data, index, profiles)
    merged.update(data)
    merged.update({k: v for k, v in (overrides or {}).items() if v is not None})
    try:
        return Manifest.model_validate(merged)
    except ValidationError as exc:
        problems = validation_problems(exc, index)
        raise ManifestError(f"{index.path}: invalid manifest", problems) from exc


def check_unknown_region(
    region: str, data: Mapping[str, Any], index: LineIndex, profiles: Mapping[str, RegionProfile]
) -> None:
    """A region id no plugin provides: a near miss of a known id, or a region with no facts.

    Ids are matched as written (SPEC §2.3), so ``Bergen`` or ``miljøløftet`` is an error
    naming the closest known id. A region without a plugin is allowed (SPEC §2.1: a plugin
    *may* supply the facts), but then the manifest must list its parties itself.

    :raises ManifestError: with the line of ``region:``.
    """
    line = index.line(("region",))
    near = closest(region, profiles)
    if near is not None:
        message = f"region: unknown region {printable(region)}; did you mean {near!r}?"
    elif not data.get("parties"):
        text = unknown_region_text(region, profiles)
        rest = "a region without a plugin must list its parties in the manifest"
        message = (
            f"region: {text} {rest.capitalize()}"
            if text.endswith("?")
            else (f"region: {text}; {rest}")
        )
    else:
        return
    raise ManifestError(f"{index.path}: invalid manifest", [Problem(index.path, line, message)])


def unknown_region_text(region: str, profiles: Mapping[str, RegionProfile]) -> str:
    """``unknown region 'bergen'; known: …; did you mean 'miljoloftet' (its party Bergen
    kommune)?`` — the closest by id, name or party (:func:`..suggest.guess_region`)."""
    known = ", ".join(sorted(profiles)) or "none"
    text = f"unknown region {printable(region)}; known: {known}"
    guess = guess_region(region, profiles)
    if guess is None:
        return text
    why = f" (its party {guess.party})" if guess.party else ""
    return f"{text}; did you mean {guess.id!r}{why}?"
