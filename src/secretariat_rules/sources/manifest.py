"""Loading ``secretariat.yaml`` and applying the region profile's defaults."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..exceptions import ManifestError, Problem
from ..i18n.message import Msg, msg
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
        raise ManifestError(msg("error.manifest.no_data_dir", path=str(root)))
    found = confined_config(root, MANIFEST_NAME, ManifestError, "manifest")
    if found is None:
        path = root / MANIFEST_NAME
        raise ManifestError(msg("error.manifest.missing", path=str(path), name=MANIFEST_NAME))
    path = found
    data, index = read_config(path, MANIFEST_NAME, ManifestError, "the manifest")
    if not isinstance(data, dict):
        raise ManifestError(msg("error.manifest.not_mapping", path=str(path)))
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
        raise ManifestError(msg("error.manifest.invalid", path=index.path), problems) from exc


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
        message = msg("error.manifest.region_near", region=printable(region), near=repr(near))
    elif not data.get("parties"):
        text = unknown_region_text(region, profiles)
        question = text.key != "error.region.unknown"  # it ends in "did you mean ...?"
        key = "error.manifest.region_without_parties" + (".question" if question else "")
        message = msg(key, text=text)
    else:
        return
    problem = Problem(index.path, line, message)
    raise ManifestError(msg("error.manifest.invalid", path=index.path), [problem])


def unknown_region_text(region: str, profiles: Mapping[str, RegionProfile]) -> Msg:
    """``unknown region 'bergen'; known: …; did you mean 'miljoloftet' (its party Bergen
    kommune)?`` — the closest by id, name or party (:func:`..suggest.guess_region`)."""
    known = ", ".join(sorted(profiles)) or msg("error.none")
    guess = guess_region(region, profiles)
    shown = printable(region)
    if guess is None:
        return msg("error.region.unknown", region=shown, known=known)
    if guess.party:
        key = "error.region.unknown_guess_party"
        return msg(key, region=shown, known=known, guess=repr(guess.id), party=guess.party)
    return msg("error.region.unknown_guess", region=shown, known=known, guess=repr(guess.id))
