"""Region profiles: the facts of a region that a manifest need not repeat."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MANIFEST_KEYS = ("name", "ruleset", "source", "parties", "bodies", "channels", "secretariat")


@dataclass(frozen=True)
class RegionProfile:
    """Defaults for one region, provided by a region plugin.

    Every value is in manifest form (the dicts of SPEC §2.1). A value the manifest gives
    replaces the profile's wholesale; lists are not merged.
    """

    id: str
    name: str
    ruleset: str | None = None
    source: str | list[str] | None = None
    parties: list[dict[str, Any]] = field(default_factory=list)
    bodies: list[dict[str, Any]] = field(default_factory=list)
    channels: list[dict[str, Any]] = field(default_factory=list)
    secretariat: dict[str, Any] = field(default_factory=dict)
    description: str = ""

    def defaults(self) -> dict[str, Any]:
        """The profile as manifest keys, leaving out what it does not set."""
        values: dict[str, Any] = {
            "name": self.name,
            "ruleset": self.ruleset,
            "source": self.source,
            "parties": self.parties or None,
            "bodies": self.bodies or None,
            "channels": self.channels or None,
            "secretariat": self.secretariat or None,
        }
        return {k: v for k, v in values.items() if v is not None}
