"""The manifest ``secretariat.yaml`` (SPEC §2.1): the facts of one secretariat."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from ..sources.values import has_invisible, is_valid_org_number, parse_scalar, printable
from .errors import SchemaValueError


def _date_text(value: object) -> object:
    """Dates as the data files accept them: ``2024-03-01`` or ``01.03.2024``."""
    if isinstance(value, str):
        parsed = parse_scalar(value, "date")
        if parsed is None:
            raise SchemaValueError("error.value.date")
        return parsed
    return value


Date = Annotated[dt.date, BeforeValidator(_date_text)]


def _amount_value(value: object) -> object:
    """Amounts as the data files accept them (``500 000``, ``kr 500 000,-``); finite only."""
    if value is None:
        return None
    return parse_scalar(value, "amount")


AmountNok = Annotated[float | None, BeforeValidator(_amount_value)]
"""An amount in NOK; ``.nan``, ``.inf``, ``1e999`` and 400-digit numbers are errors."""


def _visible_id(value: object) -> object:
    """An id or reference with no control or invisible character (NUL, BOM, zero-width...)."""
    if isinstance(value, str) and has_invisible(value):
        raise SchemaValueError("error.manifest.invisible_id", value=printable(value))
    return value


VisibleId = Annotated[str, BeforeValidator(_visible_id)]


def _visible_names(names: list[str]) -> list[str]:
    """Alias names: plain text, surrounding whitespace trimmed, empty ones refused."""
    out = []
    for name in names:
        _visible_id(name)
        if not name.strip():
            raise SchemaValueError("error.manifest.empty_alias")
        out.append(name.strip())
    return out


OptionalVisibleId = Annotated[str | None, BeforeValidator(_visible_id)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Party(_Strict):
    """A party to the agreement."""

    id: VisibleId
    name: str
    kind: Literal["kommune", "fylkeskommune", "stat"]
    org_number: str | None = Field(None, pattern=r"^\d{9}$")
    domains: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(
        default_factory=list,
        description="other names the party goes by in records (e.g. Statens vegvesen Region "
        "vest); source adapters match correspondents by them",
    )

    @field_validator("aliases")
    @classmethod
    def _plain_aliases(cls, value: list[str]) -> list[str]:
        return _visible_names(value)

    @field_validator("org_number", mode="before")
    @classmethod
    def _org_as_text(cls, value: object) -> object:
        """``964338531``, ``"964 338 531"`` (as it is often written) → ``"964338531"``."""
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str):
            return "".join(value.split())
        return value

    @field_validator("org_number")
    @classmethod
    def _mod11(cls, value: str | None) -> str | None:
        """The ninth digit is the mod-11 check digit of the first eight."""
        if value is not None and not is_valid_org_number(value):
            raise SchemaValueError("error.manifest.org_number", number=value)
        return value

    @field_validator("domains")
    @classmethod
    def _lower_domains(cls, value: list[str]) -> list[str]:
        for domain in value:
            _visible_id(domain)
        return [d.strip().lower().rstrip(".") for d in value]


class Body(_Strict):
    """A body served by the secretariat (steering group, working group...)."""

    id: VisibleId
    name: str
    kind: Literal["steering_group", "working_group", "other"]
    aliases: list[str] = Field(
        default_factory=list,
        description="other names of the body in records (an archive's utvalg name or code)",
    )

    @field_validator("aliases")
    @classmethod
    def _plain_aliases(cls, value: list[str]) -> list[str]:
        return _visible_names(value)


class Channel(_Strict):
    """A channel of the secretariat's public communication platform."""

    kind: Literal["email", "web"]
    address: str

    @model_validator(mode="after")
    def _has_host(self) -> Channel:
        """An address whose host can be read (``http://[::1`` cannot)."""
        address = self.address.strip()
        if has_invisible(address):
            raise SchemaValueError("error.manifest.address_control", address=printable(address))
        try:
            if self.kind == "email":
                host = address.rsplit("@", 1)[-1] if "@" in address else ""
            else:
                split = urlsplit(address if "://" in address else f"//{address}")
                host = split.hostname or ""
        except ValueError as exc:
            raise SchemaValueError(
                "error.manifest.address_url", address=printable(address), error=str(exc)
            ) from None
        if not host:
            raise SchemaValueError("error.manifest.address_host", address=printable(address))
        return self


class TollFunding(_Strict):
    """Whether toll money may pay for the secretariat, and up to what yearly cap."""

    allowed: bool = False
    annual_cap_nok: AmountNok = None
    basis: str | None = None


class SecretariatFacts(_Strict):
    """Facts about the secretariat itself."""

    leader_appointment_decision: OptionalVisibleId = None
    employer_waiver_agreement: str | None = Field(
        None, description="date of the agreement; a placeholder such as xx.xx.xx is kept as text"
    )
    mandate: OptionalVisibleId = None
    delegated_authority_nok: AmountNok = None
    toll_funding: TollFunding | None = None

    @field_validator(
        "employer_waiver_agreement", "leader_appointment_decision", "mandate", mode="before"
    )
    @classmethod
    def _as_text(cls, value: object) -> object:
        if isinstance(value, dt.date | int | float):
            return value.isoformat() if isinstance(value, dt.date) else str(value)
        return value


class Period(_Strict):
    """The assessment period, inclusive."""

    start: Date
    end: Date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start > self.end:
            raise SchemaValueError(
                "error.manifest.period_order", start=str(self.start), end=str(self.end)
            )
        return self


def _id_list(value: object) -> object:
    """``SEK0, DAT`` or ``[SEK0, DAT]``: rule ids or prefixes, commas allowed in each."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        return value  # pydantic reports the wrong type
    return [part.strip() for item in items for part in item.split(",") if part.strip()]


IdList = Annotated[list[str], BeforeValidator(_id_list)]


def _repository_path(path: str) -> str:
    """A report path relative to the data repository, not leaving it (``..``, absolute)."""
    _visible_id(path)
    posix = path.strip().replace("\\", "/")
    if not posix:
        raise SchemaValueError("error.manifest.path_empty")
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":"):
        raise SchemaValueError("error.manifest.path_absolute", path=path)
    if ".." in posix.split("/"):
        raise SchemaValueError("error.manifest.path_outside", path=path)
    return posix


ReportPath = Annotated[str, AfterValidator(_repository_path)]


class CheckDefaults(_Strict):
    """Defaults for ``secretariat-rules check`` on this repository; command-line options win.

    ``reports`` maps a format to a path relative to the data repository, which must stay
    inside it; ``--report`` on the command line replaces them all.
    """

    fail_on: Literal["error", "warning", "info", "never"] | None = Field(
        None, description="lowest severity that fails the run (default error)"
    )
    lang: Literal["nb", "en"] | None = Field(None, description="report language (default nb)")
    select: IdList = Field(default_factory=list, description="only these rule ids or prefixes")
    ignore: IdList = Field(default_factory=list, description="skip these rule ids or prefixes")
    reports: dict[str, ReportPath] = Field(
        default_factory=dict,
        description="reports to write: FORMAT: PATH (relative to the data repository, inside it)",
    )


class Manifest(_Strict):
    """``secretariat.yaml``, after the region profile's defaults are applied."""

    region: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str | None = None
    ruleset: str | None = None
    source: str | list[str] = "canonical"
    period: Period | None = None
    as_of: Date | None = None
    parties: list[Party] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    secretariat: SecretariatFacts = Field(default_factory=SecretariatFacts)
    check: CheckDefaults = Field(
        default_factory=CheckDefaults,
        description="defaults for `secretariat-rules check` (options on the command line win)",
    )

    @model_validator(mode="after")
    def _unique_ids(self) -> Manifest:
        for label, items in (("party", self.parties), ("body", self.bodies)):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    raise SchemaValueError(f"error.manifest.duplicate_{label}", id=repr(item.id))
                seen.add(item.id)
        return self

    @property
    def sources(self) -> list[str]:
        return [self.source] if isinstance(self.source, str) else list(self.source)
