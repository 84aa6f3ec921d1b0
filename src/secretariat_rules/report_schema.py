"""JSON Schema (draft 2020-12) of the JSON report (SPEC §5), for ``schema report``.

Written by hand from :mod:`.reporters.json` (the report is not a pydantic model): one
object per data repository, or an array of them when ``check`` was given several. The
keys SPEC §5 fixes are required; ``sources`` (a records-system adapter's inventory) and
``baseline`` (with ``--baseline``) are optional. Findings and rules allow no other keys,
so a reporter change that the schema does not know fails the tests.
"""

from __future__ import annotations

from typing import Any

from .findings import RULE_STATUSES

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _object(properties: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """A closed object whose every property but ``optional`` is required."""
    return {
        "type": "object",
        "properties": properties,
        "required": [key for key in properties if key not in optional],
        "additionalProperties": False,
    }


_STRING = {"type": "string"}
_DATE = {"type": "string", "format": "date"}
_COUNT = {"type": "integer", "minimum": 0}
_COUNTS = {"type": "object", "additionalProperties": _COUNT}

LOCATION = _object(
    {"path": _STRING, "line": {"type": ["integer", "null"]}, "pointer": _STRING},
    optional=("pointer",),
)

FINDING = _object(
    {
        "rule": _STRING,
        "name": _STRING,
        "severity": {"enum": ["error", "warning", "info"]},
        "clause": _STRING,
        "subject": _object({"collection": _STRING, "id": _STRING}),
        "message": _STRING,
        "locations": {"type": "array", "items": {"$ref": "#/$defs/location"}},
        "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "waived": {"type": "boolean"},
        "waiver": {"$ref": "#/$defs/waiver"},
    },
    optional=("waiver",),
)

_OPTIONAL_STRING = {"type": ["string", "null"]}
WAIVER = _object(
    {
        "reason": _STRING,
        "approved_by": _STRING,
        "case": _OPTIONAL_STRING,
        "owner": _OPTIONAL_STRING,
        "expires": _DATE,
    }
)
"""A waived finding's waiver (SPEC §7 with its case and owner)."""

RULE = _object(
    {"id": _STRING, "status": {"enum": list(RULE_STATUSES)}, "reason": {"type": ["string", "null"]}}
)

SOURCE = _object(
    {
        "source": _STRING,
        "files": {"type": "array", "items": _STRING},
        "elements": _COUNTS,
        "records": _COUNTS,
        "left_out": _COUNTS,
    }
)

_FINGERPRINTS = {"type": "array", "items": {"type": "string", "pattern": "^[0-9a-f]{16}$"}}

REPORT = _object(
    {
        "tool": _object({"name": {"const": "secretariat-rules"}, "version": _STRING}),
        "repository": _STRING,
        "region": _STRING,
        "ruleset": _STRING,
        "as_of": _DATE,
        "period": _object({"start": _DATE, "end": _DATE}),
        "summary": _object(
            {
                key: _COUNT
                for key in ("error", "warning", "info", "waived", "rules_checked", "rules_failed")
            }
        ),
        "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
        "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}},
        "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
        "baseline": _object({"new": _FINGERPRINTS, "fixed": _FINGERPRINTS}),
    },
    optional=("sources", "baseline"),
)


def report_schema() -> dict[str, Any]:
    """The schema of ``check --format json``: one report, or an array of them."""
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": "secretariat-rules JSON report",
        "description": "The JSON report of `secretariat-rules check` (SPEC §5): one object "
        "per data repository, an array of them for several. Paths are relative to the data "
        "repository.",
        "oneOf": [
            {"$ref": "#/$defs/report"},
            {"type": "array", "items": {"$ref": "#/$defs/report"}, "minItems": 2},
        ],
        "$defs": {
            "report": REPORT,
            "finding": FINDING,
            "location": LOCATION,
            "waiver": WAIVER,
            "rule": RULE,
            "source": SOURCE,
        },
    }
