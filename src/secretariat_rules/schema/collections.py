"""The 16 collections of a data repository (SPEC §2.2), each defined once.

``*`` fields of the spec are required here (no default). References carry ``Ref``;
the loader nulls a dangling reference after reporting it (DAT003).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from .fields import (
    Amount,
    FieldSpec,
    PeriodText,
    Record,
    Ref,
    Year,
    YearOrTertial,
    field_specs,
)

PartyRef = Annotated[str, Ref("parties")]
BodyRef = Annotated[str, Ref("bodies")]
DecisionRef = Annotated[str, Ref("decisions")]
DocumentRef = Annotated[str, Ref("documents")]
ProjectRef = Annotated[str, Ref("projects")]


class Meeting(Record):
    """A meeting of a body (steering group, working group...)."""

    id: str
    body: BodyRef
    date: dt.date
    notice_sent: dt.date | None = Field(
        None, description="date agenda and case documents were sent"
    )
    secretariat_present: bool | None = None
    minutes: DocumentRef | None = Field(None, description="document id of the minutes")


class Decision(Record):
    """A decision or an item for information made in a meeting; dated by its meeting."""

    id: str
    meeting: Annotated[str, Ref("meetings")]
    case: str | None = Field(None, description="case number, e.g. 49/20")
    title: str | None = None
    kind: Literal["vedtak", "orientering"]
    responsible_party: PartyRef | None = None
    communicated: dt.date | None = Field(None, description="date sent to the responsible party")


class Followup(Record):
    """A follow-up task of a decision."""

    id: str
    decision: DecisionRef
    responsible_party: PartyRef
    deadline: dt.date
    completed: dt.date | None = None


class Deviation(Record):
    """A deviation report on a follow-up or a project."""

    id: str
    kind: Literal["followup", "project"]
    followup: Annotated[str, Ref("followups")] | None = None
    project: ProjectRef | None = None
    detected: dt.date | None = None
    reported: dt.date | None = None
    reported_to: BodyRef | None = None
    new_deadline: dt.date | None = None


class Document(Record):
    """A document: case document, minutes, report, note, letter..."""

    id: str
    title: str
    kind: Literal["saksdokument", "referat", "rapport", "notat", "brev", "annet"]
    date: dt.date
    meeting: Annotated[str, Ref("meetings")] | None = None
    archive_ref: str | None = None
    archived: dt.date | None = None


class Distribution(Record):
    """A document sent to a party at a moment."""

    document: DocumentRef
    party: PartyRef
    sent: dt.datetime


class Project(Record):
    """A project of the portfolio."""

    id: str
    name: str
    owner_party: PartyRef
    start: dt.date | None = None
    end: dt.date | None = None
    in_portfolio: bool = True


class Report(Record):
    """A report, budget, programme or statement submitted to a body."""

    id: str
    kind: Literal[
        "tertial",
        "annual_report",
        "action_programme",
        "annual_budget",
        "secretariat_budget",
        "secretariat_accounts",
        "toll_usage_statement",
    ]
    period: PeriodText
    submitted: dt.date
    to_body: BodyRef | None = None
    decision: DecisionRef | None = None


class ReportProject(Record):
    """A project covered by a financial status report."""

    report: Annotated[str, Ref("reports")]
    project: ProjectRef


class Adoption(Record):
    """A party's local adoption of an action programme."""

    report: Annotated[str, Ref("reports")]
    party: PartyRef
    date: dt.date


class Expenditure(Record):
    """An expenditure (NOK ex VAT)."""

    id: str
    date: dt.date
    description: str | None = None
    amount_nok: Amount
    funding: Literal[
        "bompenger",
        "statlige_midler",
        "fylkeskommunale_midler",
        "kommunale_midler",
        "belonningsmidler",
        "annet",
    ]
    category: Literal["sekretariat", "kommunikasjon", "analyse", "prosjekt"]
    project: ProjectRef | None = None
    decision: DecisionRef | None = Field(None, description="decision authorising it")


class TollUsage(Record):
    """Toll money used on a project in a period (year or tertial)."""

    id: str
    period: YearOrTertial
    project: ProjectRef
    amount_nok: Amount


class Representation(Record):
    """The secretariat representing the cooperation in a forum."""

    id: str
    date: dt.date
    forum: str
    topic: str | None = None
    mandate: str | None = None
    escalated_decision: DecisionRef | None = None
    disputed: bool = False
    stance: Literal["common_view", "neutral_description", "referred_to_parties", "party_position"]


class Indicator(Record):
    """An indicator of the agreement, with its owner."""

    id: str
    name: str
    owner_party: PartyRef | None = None


class IndicatorReport(Record):
    """An indicator owner's delivery of an indicator for a year."""

    id: str
    indicator: Annotated[str, Ref("indicators")]
    year: Year
    delivered: dt.date | None = None
    annual_report: Annotated[str, Ref("reports")] | None = None


class Analysis(Record):
    """An analysis or study ordered by the secretariat."""

    id: str
    title: str
    ordered: dt.date
    ordered_by_decision: DecisionRef | None = None
    delegation: str | None = None
    indicator: Annotated[str, Ref("indicators")] | None = None
    indicator_owner_involved: bool = False
    procurement_party: PartyRef | None = None
    amount_nok: Amount | None = None


COLLECTION_MODELS: dict[str, type[Record]] = {
    "meetings": Meeting,
    "decisions": Decision,
    "followups": Followup,
    "deviations": Deviation,
    "documents": Document,
    "distributions": Distribution,
    "projects": Project,
    "reports": Report,
    "report_projects": ReportProject,
    "adoptions": Adoption,
    "expenditures": Expenditure,
    "toll_usage": TollUsage,
    "representations": Representation,
    "indicators": Indicator,
    "indicator_reports": IndicatorReport,
    "analyses": Analysis,
}
"""Every collection of SPEC §2.2, in the spec's order."""


COLLECTION_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    name: field_specs(model) for name, model in COLLECTION_MODELS.items()
}
"""Field specs per collection, derived once from :data:`COLLECTION_MODELS`."""


def has_id(collection: str) -> bool:
    """Whether records of a collection carry an ``id`` (distributions, adoptions... do not)."""
    return any(spec.name == "id" for spec in COLLECTION_FIELDS[collection])
