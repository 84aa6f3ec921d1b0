"""Generate a synthetic, national-scale canonical data repository for benchmarking.

Usage::

    python benchmarks/generate.py OUT_DIR [--distributions 1000000] [--seed 1]

Writes ``OUT_DIR/secretariat.yaml`` (SPEC §2.1) and one UTF-8, comma-separated CSV per
collection (SPEC §2.2) with realistic proportions. ``--distributions N`` is the size knob:
with N = 1 000 000 the repository holds about 100 000 documents, 2 000 meetings,
10 000 decisions, 20 000 follow-ups, 3 000 deviations, 500 projects and 50 000
expenditures, and every record-per-event collection scales proportionally with N.
Calendar-driven collections (reports, adoptions) follow the period, not N.

Most records comply with the national guidelines; a few percent do not (late
distributions, a party missing, late archiving, unauthorised expenditures...), so a full
check produces a realistic number of findings. The output is a pure function of
``(N, seed)``: same arguments, byte-identical files. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import math
import random
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PERIOD_START = dt.date(2020, 1, 1)
PERIOD_END = dt.date(2024, 12, 31)
AS_OF = dt.date(2025, 6, 30)
DATA_START = dt.date(2019, 9, 1)
"""Records start a few months before the period, as a real extract would."""
DATA_END = dt.date(2025, 6, 20)
AS_END = dt.datetime(AS_OF.year, AS_OF.month, AS_OF.day) + dt.timedelta(days=1)
"""The first moment after ``as_of``."""
YEARS = tuple(range(PERIOD_START.year - 1, AS_OF.year + 1))
"""2019..2025: every year some record may fall in."""

BASE_DISTRIBUTIONS = 1_000_000
"""The size at which the ``BASE_*`` counts below apply."""
BASE_DOCUMENTS = 100_000
BASE_MEETINGS = 2_000
BASE_DECISIONS = 10_000
BASE_FOLLOWUPS = 20_000
BASE_DEVIATIONS = 3_000
BASE_PROJECTS = 500
BASE_EXPENDITURES = 50_000
BASE_REPRESENTATIONS = 1_500
BASE_INDICATORS = 30
BASE_ANALYSES = 400

DELEGATED_AUTHORITY_NOK = 500_000


@dataclass(frozen=True)
class Party:
    """A party of the manifest."""

    id: str
    name: str
    kind: str
    org_number: str
    domains: tuple[str, ...]


# Real organisations with the org numbers and domains of /work/shared/REGIONS.md (all
# pass the mod-11 check). No single agreement has this set of parties: the combination,
# and every record generated below, is synthetic.
PARTIES: tuple[Party, ...] = (
    Party("oslo", "Oslo kommune", "kommune", "958935420", ("oslo.kommune.no",)),
    Party("bergen", "Bergen kommune", "kommune", "964338531", ("bergen.kommune.no",)),
    Party("trondheim", "Trondheim kommune", "kommune", "942110464", ("trondheim.kommune.no",)),
    Party("stavanger", "Stavanger kommune", "kommune", "964965226", ("stavanger.kommune.no",)),
    Party("vlfk", "Vestland fylkeskommune", "fylkeskommune", "821311632", ("vlfk.no",)),
    Party("rfk", "Rogaland fylkeskommune", "fylkeskommune", "971045698", ("rogfk.no",)),
    Party("afk", "Agder fylkeskommune", "fylkeskommune", "921707134", ("agderfk.no",)),
    Party("tfk", "Trøndelag fylkeskommune", "fylkeskommune", "817920632", ("trondelagfylke.no",)),
    Party("tromsfk", "Troms fylkeskommune", "fylkeskommune", "930068128", ("tromsfylke.no",)),
    Party("svv", "Statens vegvesen", "stat", "971032081", ("vegvesen.no",)),
    Party("jdir", "Jernbanedirektoratet", "stat", "916810962", ("jernbanedirektoratet.no",)),
    Party("sd", "Samferdselsdepartementet", "stat", "972417904", ("regjeringen.no", "sd.dep.no")),
)
PARTY_IDS: tuple[str, ...] = tuple(p.id for p in PARTIES)
LOCAL_PARTY_IDS: tuple[str, ...] = tuple(
    p.id for p in PARTIES if p.kind in ("kommune", "fylkeskommune")
)

SG = "sg"
SG_BYPAKKE = "sg-bypakke"
WG = "ag"
BODIES: tuple[tuple[str, str, str], ...] = (
    (SG, "Styringsgruppen for byvekstavtalen (bench)", "steering_group"),
    (SG_BYPAKKE, "Styringsgruppen for bypakken (bench)", "steering_group"),
    (WG, "Administrativ arbeidsgruppe (bench)", "working_group"),
)
STEERING_GROUPS = frozenset({SG, SG_BYPAKKE})

TOPICS: tuple[str, ...] = (
    "Kollektivfelt på E39",
    "Sykkelveinett sentrum",
    "Bussvei, byggetrinn 2",
    "Innfartsparkering",
    "Gange og byrom",
    "Bompengeordning – takster",
    "Handlingsprogram 2024–2027",
    "Nullvekstmålet – status",
    "Trafikksikkerhet ved skoler",
    "Jernbane – kapasitet i rushtid",
    "Belønningsmidler – fordeling",
    "Mobilitetspunkt, «Bydel øst»",
    "Kommunikasjonsplan",
    "Reisevaneundersøkelse",
    "Areal og transport",
    "Økonomirapportering",
)
FORUMS: tuple[str, ...] = (
    "Nasjonalt nettverk for byvekstavtaler",
    "Regionalt planforum",
    "Referansegruppe næringsliv",
    "Fagseminar om nullvekstmålet",
    "Kontaktmøte med Vegdirektoratet",
    "Folkemøte",
)
PROJECT_KINDS: tuple[str, ...] = (
    "Kollektivfelt",
    "Sykkelvei",
    "Gang- og sykkelbru",
    "Holdeplass",
    "Kryssutbedring",
    "Bussvei",
    "Innfartsparkering",
    "Byromstiltak",
)
PLACES: tuple[str, ...] = (
    "Fv. 580",
    "E39 Sandnes",
    "Sentrum nord",
    "Åsane",
    "Fyllingsdalen",
    "Heimdal",
    "Lade",
    "Hinna",
    "Forus",
    "Ullevål",
    "Tøyen",
    "Kvadraturen",
)
INDICATOR_NAMES: tuple[str, ...] = (
    "Trafikkarbeid med personbil",
    "Kollektivreiser",
    "Sykkeltellinger",
    "Gangandel",
    "Reisemiddelfordeling (RVU)",
    "Klimagassutslipp fra veitrafikk",
    "Arealbruk i knutepunkt",
    "Parkeringsdekning",
    "Bytrafikkindeks",
    "Boliger nær kollektivknutepunkt",
)
DOC_LABELS: dict[str, str] = {
    "saksdokument": "Saksframlegg",
    "referat": "Referat",
    "rapport": "Rapport",
    "notat": "Notat",
    "brev": "Brev",
    "annet": "Dokument",
}
EXPENDITURE_TEXTS: dict[str, tuple[str, ...]] = {
    "sekretariat": ("Lønn sekretariat", "Husleie", "Reise og møter", "IKT-lisenser"),
    "kommunikasjon": ("Nettside drift", "Kampanje", "Trykksaker", "Annonsering"),
    "analyse": ("Trafikkanalyse", "Reisevaneundersøkelse", "Konsulentbistand", "Tellinger"),
    "prosjekt": ("Anleggsarbeid", "Prosjektering", "Grunnerverv", "Byggeledelse"),
}

COLLECTION_FIELDS: dict[str, tuple[str, ...]] = {
    "meetings": ("id", "body", "date", "notice_sent", "secretariat_present", "minutes"),
    "decisions": (
        "id",
        "meeting",
        "case",
        "title",
        "kind",
        "responsible_party",
        "communicated",
    ),
    "followups": ("id", "decision", "responsible_party", "deadline", "completed"),
    "deviations": (
        "id",
        "kind",
        "followup",
        "project",
        "detected",
        "reported",
        "reported_to",
        "new_deadline",
    ),
    "documents": ("id", "title", "kind", "date", "meeting", "archive_ref", "archived"),
    "distributions": ("document", "party", "sent"),
    "projects": ("id", "name", "owner_party", "start", "end", "in_portfolio"),
    "reports": ("id", "kind", "period", "submitted", "to_body", "decision"),
    "report_projects": ("report", "project"),
    "adoptions": ("report", "party", "date"),
    "expenditures": (
        "id",
        "date",
        "description",
        "amount_nok",
        "funding",
        "category",
        "project",
        "decision",
    ),
    "toll_usage": ("id", "period", "project", "amount_nok"),
    "representations": (
        "id",
        "date",
        "forum",
        "topic",
        "mandate",
        "escalated_decision",
        "disputed",
        "stance",
    ),
    "indicators": ("id", "name", "owner_party"),
    "indicator_reports": ("id", "indicator", "year", "delivered", "annual_report"),
    "analyses": (
        "id",
        "title",
        "ordered",
        "ordered_by_decision",
        "delegation",
        "indicator",
        "indicator_owner_involved",
        "procurement_party",
        "amount_nok",
    ),
}
"""Header of every collection, field names and order exactly as SPEC §2.2."""

Row = list[str]


@dataclass(frozen=True)
class Meeting:
    id: str
    body: str
    date: dt.date


@dataclass(frozen=True)
class Decision:
    id: str
    meeting: Meeting
    kind: str
    responsible_party: str

    @property
    def date(self) -> dt.date:
        return self.meeting.date


@dataclass(frozen=True)
class Project:
    id: str
    start: dt.date
    end: dt.date | None
    in_portfolio: bool


@dataclass
class Repo:
    """Everything generated, collection by collection, as rows of text."""

    rows: dict[str, list[Row]] = field(default_factory=lambda: {c: [] for c in COLLECTION_FIELDS})
    distribution_rows: int = 0


def iso(value: dt.date | None) -> str:
    """A date as ISO text, ``""`` for none."""
    return "" if value is None else value.isoformat()


def flag(value: bool | None) -> str:
    """A boolean as ``true``/``false``, ``""`` for none."""
    return "" if value is None else ("true" if value else "false")


def scaled(base: int, factor: float, minimum: int = 1) -> int:
    """``base`` scaled by ``factor``, never below ``minimum``."""
    return max(minimum, round(base * factor))


def random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A uniformly random date in ``[start, end]``."""
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def weekday(day: dt.date) -> dt.date:
    """``day``, moved forward to a Monday if it falls on a weekend."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def known(day: dt.date | None) -> dt.date | None:
    """``day``, or none if it lies after ``as_of`` (a record cannot tell the future)."""
    return day if day is not None and day <= AS_OF else None


def pick(rng: random.Random, weights: Sequence[tuple[str, float]]) -> str:
    """One value of ``(value, weight)`` pairs, drawn by weight."""
    return rng.choices([v for v, _ in weights], [w for _, w in weights])[0]


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


class DecisionIndex:
    """Steering-group decisions by date, to find one made before or after a day."""

    def __init__(self, decisions: Sequence[Decision]) -> None:
        self.vedtak = [d for d in decisions if d.kind == "vedtak"]
        self.orientering = [d for d in decisions if d.kind == "orientering"]
        self._vedtak_dates = [d.date for d in self.vedtak]
        self._orientering_dates = [d.date for d in self.orientering]

    def vedtak_on_or_before(self, day: dt.date) -> Decision | None:
        i = bisect.bisect_right(self._vedtak_dates, day)
        return self.vedtak[i - 1] if i else None

    def vedtak_on_or_after(self, day: dt.date) -> Decision | None:
        i = bisect.bisect_left(self._vedtak_dates, day)
        return self.vedtak[i] if i < len(self.vedtak) else None

    def orientering_after(self, day: dt.date) -> Decision | None:
        i = bisect.bisect_right(self._orientering_dates, day)
        return self.orientering[i] if i < len(self.orientering) else None


def gen_projects(rng: random.Random, count: int, repo: Repo) -> list[Project]:
    owners = [(p.id, 4.0 if p.kind == "stat" else 2.0) for p in PARTIES]
    projects: list[Project] = []
    for n in range(1, count + 1):
        start = random_date(rng, dt.date(2014, 1, 1), dt.date(2024, 12, 31))
        end = None if rng.random() < 0.35 else start + days(rng.randint(365, 8 * 365))
        r = rng.random()
        in_portfolio: bool | None = True if r < 0.92 else (False if r < 0.97 else None)
        project = Project(f"P-{n:04d}", start, end, in_portfolio is not False)
        projects.append(project)
        name = f"{rng.choice(PROJECT_KINDS)} {rng.choice(PLACES)}"
        repo.rows["projects"].append(
            [project.id, name, pick(rng, owners), iso(start), iso(end), flag(in_portfolio)]
        )
    return projects


def gen_meetings_and_decisions(
    rng: random.Random, n_meetings: int, n_decisions: int
) -> tuple[list[Meeting], list[Decision]]:
    dates = sorted(weekday(random_date(rng, DATA_START, DATA_END)) for _ in range(n_meetings))
    bodies = [(SG, 0.40), (SG_BYPAKKE, 0.15), (WG, 0.45)]
    meetings = [Meeting(f"M-{n:05d}", pick(rng, bodies), d) for n, d in enumerate(dates, 1)]
    steering = [m for m in meetings if m.body in STEERING_GROUPS] or meetings[:1]
    chosen = sorted(rng.randrange(len(steering)) for _ in range(n_decisions))
    decisions: list[Decision] = []
    per_year: dict[int, int] = {}
    for i in chosen:
        meeting = steering[i]
        year = meeting.date.year
        per_year[year] = per_year.get(year, 0) + 1
        kind = "vedtak" if rng.random() < 0.75 else "orientering"
        decisions.append(
            Decision(f"V-{year}-{per_year[year]:05d}", meeting, kind, rng.choice(PARTY_IDS))
        )
    return meetings, decisions


def write_decisions(rng: random.Random, decisions: Sequence[Decision], repo: Repo) -> None:
    case_no: dict[tuple[str, int], int] = {}
    for d in decisions:
        key = (d.meeting.body, d.date.year)
        case_no[key] = case_no.get(key, 0) + 1
        responsible = communicated = ""
        if d.kind == "vedtak":
            responsible = d.responsible_party if rng.random() < 0.97 else ""
            r = rng.random()
            if r < 0.90:
                communicated = iso(known(d.date + days(rng.randint(1, 14))))
            elif r < 0.96:
                communicated = iso(known(d.date + days(rng.randint(15, 45))))
        title = f"{rng.choice(TOPICS)} – {'vedtak' if d.kind == 'vedtak' else 'orientering'}"
        repo.rows["decisions"].append(
            [
                d.id,
                d.meeting.id,
                f"{case_no[key]}/{d.date.year % 100:02d}",
                title,
                d.kind,
                responsible,
                communicated,
            ]
        )


class DocumentWriter:
    """Documents with unique ids and archive references, in the order they are made."""

    def __init__(self, rng: random.Random, repo: Repo) -> None:
        self.rng = rng
        self.repo = repo
        self.count = 0
        self.archive_seq: dict[int, int] = {}
        self.dates: dict[str, dt.date] = {}

    def add(self, kind: str, date: dt.date, meeting: str = "") -> str:
        rng = self.rng
        self.count += 1
        doc_id = f"DOC-{self.count:07d}"
        self.dates[doc_id] = date
        r = rng.random()
        registered = True
        archived: dt.date | None = None
        if kind in ("saksdokument", "referat"):
            if r < 0.92:
                archived = date + days(rng.randint(0, 5))
            elif r < 0.97:
                archived = date + days(rng.randint(6, 40))  # archived late
            elif r >= 0.985:
                registered = False  # neither reference nor date
        elif r < 0.7:
            archived = date + days(rng.randint(0, 20))
        else:
            registered = False
        archived = known(archived)
        archive_ref = ""
        if registered:
            year = date.year
            self.archive_seq[year] = self.archive_seq.get(year, 0) + 1
            archive_ref = f"{year}/{self.archive_seq[year]:06d}-1"
        title = f"{DOC_LABELS[kind]}: {rng.choice(TOPICS)}"
        self.repo.rows["documents"].append(
            [doc_id, title, kind, iso(date), meeting, archive_ref, iso(archived)]
        )
        return doc_id


def gen_meeting_rows_and_documents(
    rng: random.Random,
    meetings: Sequence[Meeting],
    decisions: Sequence[Decision],
    n_documents: int,
    docs: DocumentWriter,
    repo: Repo,
) -> tuple[list[str], list[str]]:
    """Meetings with their case documents and minutes, then the other documents.

    Returns the ids of meeting documents and of the other documents.
    """
    with_decisions = {d.meeting.id for d in decisions}
    linked_target = round(0.40 * n_documents)
    per_meeting = max(1, round(linked_target / max(1, len(meetings))) - 1)
    linked: list[str] = []
    for m in meetings:
        r = rng.random()
        notice: dt.date | None
        if r < 0.93:
            notice = m.date - days(rng.randint(7, 14))
        elif r < 0.98:
            notice = m.date - days(rng.randint(1, 6))
        else:
            notice = None
        r = rng.random()
        present = True if r < 0.97 else (False if r < 0.99 else None)
        prepared = notice or m.date - days(7)
        for _ in range(rng.randint(1, 2 * per_meeting - 1) if per_meeting > 1 else 1):
            doc_date = prepared - days(rng.randint(0, 10))
            linked.append(docs.add("saksdokument", doc_date, m.id))
        minutes = ""
        if m.id in with_decisions or m.body == WG:
            r = rng.random()
            if r < 0.90:
                minutes_date: dt.date | None = m.date + days(rng.randint(1, 14))
            elif r < 0.97:
                minutes_date = m.date + days(rng.randint(15, 40))
            else:
                minutes_date = None
            if minutes_date is not None and minutes_date <= DATA_END:
                minutes = docs.add("referat", minutes_date, m.id)
                linked.append(minutes)
        repo.rows["meetings"].append(
            [m.id, m.body, iso(m.date), iso(notice), flag(present), minutes]
        )
    other_kinds = [
        ("rapport", 0.20),
        ("notat", 0.25),
        ("brev", 0.35),
        ("annet", 0.12),
        ("saksdokument", 0.08),
    ]
    others: list[str] = []
    for _ in range(max(0, n_documents - len(linked))):
        date = random_date(rng, DATA_START, DATA_END)
        others.append(docs.add(pick(rng, other_kinds), date))
    return linked, others


def gen_distributions(
    rng: random.Random,
    target: int,
    linked: Sequence[str],
    others: Sequence[str],
    docs: DocumentWriter,
    out: Path,
) -> int:
    """Write exactly ``target`` distribution rows (if there are documents enough)."""
    candidates = list(linked)
    shuffled = list(others)
    rng.shuffle(shuffled)
    candidates.extend(shuffled)
    written = 0
    minute = dt.timedelta(minutes=1)
    with (out / "distributions.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLLECTION_FIELDS["distributions"])
        for doc_id in candidates:
            if written >= target:
                break
            parties = list(PARTY_IDS)
            if rng.random() < 0.01:
                del parties[rng.randrange(len(parties))]
            parties = parties[: target - written]
            day = docs.dates[doc_id]
            first = dt.datetime(day.year, day.month, day.day, 8) + minute * rng.randrange(540)
            # Minutes from the first sending to the end of as_of: nothing is sent later.
            horizon = (AS_END - first) // minute - 1
            rows = []
            anchor = rng.randrange(len(parties))  # the party that gets it first
            for i, party in enumerate(parties):
                if i == anchor:
                    offset = 0
                elif rng.random() < 0.022:  # ≈2 % of all rows
                    offset = rng.randint(25 * 60, 10 * 24 * 60)  # more than 24 h late
                else:
                    offset = rng.randrange(240)
                sent = (
                    first + minute * min(offset, horizon) + dt.timedelta(seconds=rng.randrange(60))
                )
                rows.append((doc_id, party, sent.isoformat()))
            writer.writerows(rows)
            written += len(rows)
    return written


def gen_followups_and_deviations(
    rng: random.Random,
    decisions: Sequence[Decision],
    projects: Sequence[Project],
    n_followups: int,
    n_deviations: int,
    repo: Repo,
) -> None:
    vedtak = [d for d in decisions if d.kind == "vedtak"] or list(decisions)
    chosen = sorted(rng.randrange(len(vedtak)) for _ in range(n_followups))
    late: list[tuple[str, dt.date, dt.date | None]] = []
    for n, i in enumerate(chosen, 1):
        d = vedtak[i]
        fid = f"OPF-{n:06d}"
        deadline = d.date + days(rng.randint(30, 400))
        r = rng.random()
        completed: dt.date | None
        if deadline < AS_OF:
            if r < 0.80:
                completed = deadline - days(rng.randint(0, 60))
            elif r < 0.90:
                completed = deadline + days(rng.randint(1, 120))
            else:
                completed = None
            if completed is not None and completed > AS_OF:
                completed = None
            if completed is None or completed > deadline:
                late.append((fid, deadline, completed))
        else:
            completed = deadline - days(rng.randint(10, 90)) if r < 0.3 else None
            if completed is not None and completed > AS_OF:
                completed = None
        responsible = d.responsible_party if rng.random() < 0.9 else rng.choice(PARTY_IDS)
        repo.rows["followups"].append([fid, d.id, responsible, iso(deadline), iso(completed)])

    n_followup_devs = min(len(late), round(0.8 * n_deviations))
    rows: list[tuple[dt.date, Row]] = []
    for fid, deadline, completed in rng.sample(late, n_followup_devs):
        detected = deadline - days(rng.randint(0, 20))
        reported = min(AS_OF, detected + days(rng.randint(0, 14)))
        if completed is not None and rng.random() < 0.9:
            reported = min(reported, completed)
        r = rng.random()
        new_deadline: dt.date | None
        if r < 0.95:
            new_deadline = reported + days(rng.randint(30, 400))
        elif r < 0.99:
            new_deadline = None
        else:
            new_deadline = reported - days(rng.randint(0, 10))
        to = SG if rng.random() < 0.85 else WG
        row = ["", "followup", fid, "", iso(detected), iso(reported), to, iso(new_deadline)]
        rows.append((detected, row))
    for _ in range(max(0, n_deviations - n_followup_devs)):
        project = rng.choice(projects)
        detected = random_date(rng, DATA_START, DATA_END)
        r = rng.random()
        reported_on: dt.date | None
        if r < 0.88:
            reported_on = detected + days(rng.randint(0, 30))
        elif r < 0.98:
            reported_on = detected + days(rng.randint(31, 90))
        else:
            reported_on = None
        if reported_on is not None and reported_on > AS_OF:
            reported_on = None
        to = SG if rng.random() < 0.9 else WG
        row = ["", "project", "", project.id, iso(detected), iso(reported_on), to, ""]
        rows.append((detected, row))
    rows.sort(key=lambda item: item[0])
    for n, (_, row) in enumerate(rows, 1):
        row[0] = f"AVV-{n:05d}"
        repo.rows["deviations"].append(row)


def tertial_bounds(year: int, t: int) -> tuple[dt.date, dt.date]:
    """First and last day of tertial ``t`` (1..3) of ``year``."""
    start = dt.date(year, 4 * (t - 1) + 1, 1)
    end = dt.date(year, 12, 31) if t == 3 else dt.date(year, 4 * t + 1, 1) - days(1)
    return start, end


def gen_reports(
    rng: random.Random,
    index: DecisionIndex,
    projects: Sequence[Project],
    repo: Repo,
) -> dict[int, str]:
    """Reports, report_projects and adoptions. Returns the annual report id per year."""

    def decision_for(submitted: dt.date) -> str:
        d = index.vedtak_on_or_after(submitted)
        return d.id if d is not None else ""

    def add(rid: str, kind: str, period: str, submitted: dt.date, decision: str = "") -> None:
        if submitted > AS_OF:
            return
        to_body = SG if rng.random() < 0.97 else WG
        repo.rows["reports"].append([rid, kind, period, iso(submitted), to_body, decision])

    tertials = [(y, t) for y in YEARS[1:] for t in (1, 2, 3)]
    tertials = [(y, t) for y, t in tertials if tertial_bounds(y, t)[1] < AS_OF]
    missing_tertial = rng.choice(tertials)
    for y, t in tertials:
        if (y, t) == missing_tertial:
            continue
        start, end = tertial_bounds(y, t)
        late = rng.random() < 0.12
        submitted = end + days(rng.randint(46, 75) if late else rng.randint(15, 45))
        rid = f"R-T-{y}-T{t}"
        add(rid, "tertial", f"{y}-T{t}", submitted, decision_for(submitted))
        if submitted > AS_OF:
            continue
        for p in projects:
            active = p.start <= end and (p.end is None or p.end >= start)
            if p.in_portfolio and active and rng.random() < 0.995:
                repo.rows["report_projects"].append([rid, p.id])

    annual: dict[int, str] = {}
    for y in YEARS:
        submitted = dt.date(y + 1, 3, 15) + days(rng.randint(0, 120))
        if submitted <= AS_OF:
            annual[y] = f"R-AR-{y}"
            add(annual[y], "annual_report", str(y), submitted, decision_for(submitted))
        budget_submitted = dt.date(y - 1, 12, 1) + days(rng.randint(0, 70))
        add(f"R-B-{y}", "annual_budget", str(y), budget_submitted, decision_for(budget_submitted))
        add(
            f"R-SB-{y}",
            "secretariat_budget",
            str(y),
            dt.date(y - 1, 12, 1) + days(rng.randint(0, 70)),
        )
        add(
            f"R-SR-{y}",
            "secretariat_accounts",
            str(y),
            dt.date(y + 1, 2, 1) + days(rng.randint(0, 100)),
        )
        add(
            f"R-BP-{y}",
            "toll_usage_statement",
            str(y),
            dt.date(y + 1, 3, 1) + days(rng.randint(0, 70)),
        )

    for y in YEARS[1:]:
        rid = f"R-HP-{y}-{y + 3}"
        submitted = dt.date(y - 1, 11, 1) + days(rng.randint(0, 60))
        decision = decision_for(submitted) if rng.random() < 0.9 else ""
        add(rid, "action_programme", f"{y}-{y + 3}", submitted, decision)
        for party in LOCAL_PARTY_IDS:
            adopted = submitted + days(rng.randint(20, 120))
            if rng.random() < 0.96 and adopted <= AS_OF:
                repo.rows["adoptions"].append([rid, party, iso(adopted)])
    return annual


def gen_expenditures(
    rng: random.Random,
    count: int,
    index: DecisionIndex,
    projects: Sequence[Project],
    repo: Repo,
) -> None:
    categories = [("prosjekt", 0.55), ("sekretariat", 0.20), ("kommunikasjon", 0.10)]
    categories.append(("analyse", 0.15))
    operating_funding = [
        ("bompenger", 0.005),
        ("statlige_midler", 0.40),
        ("fylkeskommunale_midler", 0.20),
        ("kommunale_midler", 0.25),
        ("belonningsmidler", 0.10),
        ("annet", 0.045),
    ]
    project_funding = [
        ("bompenger", 0.45),
        ("statlige_midler", 0.25),
        ("fylkeskommunale_midler", 0.10),
        ("kommunale_midler", 0.10),
        ("belonningsmidler", 0.08),
        ("annet", 0.02),
    ]
    dates = sorted(random_date(rng, DATA_START, DATA_END) for _ in range(count))
    for n, date in enumerate(dates, 1):
        category = pick(rng, categories)
        if category == "prosjekt":
            amount = rng.lognormvariate(math.log(300_000), 1.3)
            funding = pick(rng, project_funding)
        else:
            amount = rng.lognormvariate(math.log(60_000), 1.0)
            funding = pick(rng, operating_funding)
        with_project = {"prosjekt": 0.98, "analyse": 0.3}.get(category, 0.0)
        project = rng.choice(projects).id if rng.random() < with_project else ""
        decision: Decision | None = None
        r = rng.random()
        if category != "prosjekt" and amount > DELEGATED_AUTHORITY_NOK:
            if r < 0.75:
                decision = index.vedtak_on_or_before(date)
            elif r < 0.83:
                decision = index.orientering_after(date)
        elif r < 0.05:
            decision = index.vedtak_on_or_before(date)
        description = rng.choice(EXPENDITURE_TEXTS[category])
        repo.rows["expenditures"].append(
            [
                f"U-{n:07d}",
                iso(date),
                description,
                str(max(100, round(amount))),
                funding,
                category,
                project,
                decision.id if decision is not None else "",
            ]
        )


def gen_toll_usage(rng: random.Random, projects: Sequence[Project], repo: Repo) -> None:
    n = 0
    for y in YEARS[:-1]:
        start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
        for p in projects:
            active = p.start <= end and (p.end is None or p.end >= start)
            if not active or rng.random() >= (0.6 if p.in_portfolio else 0.02):
                continue
            periods = [f"{y}-T{t}" for t in (1, 2, 3)] if rng.random() < 0.1 else [str(y)]
            for period in periods:
                n += 1
                amount = round(rng.lognormvariate(math.log(2_000_000), 1.0))
                repo.rows["toll_usage"].append([f"BT-{n:06d}", period, p.id, str(amount)])


def gen_representations(rng: random.Random, count: int, index: DecisionIndex, repo: Repo) -> None:
    dates = sorted(random_date(rng, DATA_START, DATA_END) for _ in range(count))
    calm = [
        ("common_view", 0.70),
        ("neutral_description", 0.25),
        ("referred_to_parties", 0.03),
        ("party_position", 0.02),
    ]
    disputed_stances = [
        ("neutral_description", 0.50),
        ("referred_to_parties", 0.40),
        ("common_view", 0.07),
        ("party_position", 0.03),
    ]
    for n, date in enumerate(dates, 1):
        mandate = escalated = ""
        r = rng.random()
        if r < 0.82:
            mandate = f"Mandat {date.year}-{rng.randint(1, 12):02d}"
        elif r < 0.94:
            d = index.vedtak_on_or_before(date)
            escalated = d.id if d is not None else ""
        r = rng.random()
        disputed = True if r < 0.12 else (False if r < 0.6 else None)
        stance = pick(rng, disputed_stances if disputed else calm)
        repo.rows["representations"].append(
            [
                f"REP-{n:05d}",
                iso(date),
                rng.choice(FORUMS),
                rng.choice(TOPICS),
                mandate,
                escalated,
                flag(disputed),
                stance,
            ]
        )


def gen_indicators(rng: random.Random, count: int, annual: dict[int, str], repo: Repo) -> list[str]:
    owners = [(p.id, 6.0 if p.id == "svv" else 1.0) for p in PARTIES]
    ids: list[str] = []
    for n in range(1, count + 1):
        iid = f"IND-{n:03d}"
        ids.append(iid)
        name = INDICATOR_NAMES[(n - 1) % len(INDICATOR_NAMES)]
        if n > len(INDICATOR_NAMES):
            name = f"{name} ({(n - 1) // len(INDICATOR_NAMES) + 1})"
        owner = "" if n == count and count > 3 else pick(rng, owners)
        repo.rows["indicators"].append([iid, name, owner])
    for iid in ids:
        for y in YEARS[:-1]:
            r = rng.random()
            if r < 0.02:
                continue  # no row for that year
            delivered: dt.date | None
            if r < 0.94:
                delivered = dt.date(y + 1, 1, 10) + days(rng.randint(0, 80))
            elif r < 0.98:
                delivered = dt.date(y + 1, 4, 1) + days(rng.randint(0, 80))
            else:
                delivered = None
            if delivered is not None and delivered > AS_OF:
                delivered = None
            report = annual.get(y, "") if rng.random() < 0.95 else ""
            repo.rows["indicator_reports"].append(
                [f"IR-{iid}-{y}", iid, str(y), iso(delivered), report]
            )
    return ids


def gen_analyses(
    rng: random.Random,
    count: int,
    index: DecisionIndex,
    indicators: Sequence[str],
    repo: Repo,
) -> None:
    dates = sorted(random_date(rng, DATA_START, DATA_END) for _ in range(count))
    for n, ordered in enumerate(dates, 1):
        decision = delegation = ""
        r = rng.random()
        if r < 0.78:
            d = index.vedtak_on_or_before(ordered)
            decision = d.id if d is not None else ""
        elif r < 0.93:
            delegation = f"Delegert til sekretariatsleder, sak {rng.randint(1, 80)}/{ordered:%y}"
        elif r < 0.95:
            d = index.vedtak_on_or_after(ordered + days(1))
            decision = d.id if d is not None else ""
        indicator = rng.choice(indicators) if indicators and rng.random() < 0.35 else ""
        r = rng.random()
        involved: bool | None = r < 0.88 if indicator else (False if r < 0.5 else None)
        party = rng.choice(PARTY_IDS) if rng.random() < 0.95 else ""
        amount = (
            str(round(rng.lognormvariate(math.log(400_000), 0.8))) if rng.random() < 0.8 else ""
        )
        repo.rows["analyses"].append(
            [
                f"ANA-{n:04d}",
                f"Analyse: {rng.choice(TOPICS)}",
                iso(ordered),
                decision,
                delegation,
                indicator,
                flag(involved),
                party,
                amount,
            ]
        )


def manifest_text(leader_decision: str, n: int, seed: int) -> str:
    """``secretariat.yaml``, written by hand to keep its comments."""
    lines = [
        "# Synthetic national-scale benchmark repository, written by benchmarks/generate.py",
        f"# (--distributions {n} --seed {seed}). Every record is invented. The parties are real",
        "# organisations with their real org numbers and domains (REGIONS.md), but no",
        "# agreement has this set of parties: the combination is synthetic.",
        "region: bench  # no region plugin: the engine falls back to the national ruleset",
        "name: Byvekstavtale (syntetisk ytelsestest)",
        "source: canonical",
        f"period: {{start: {PERIOD_START}, end: {PERIOD_END}}}",
        f"as_of: {AS_OF}",
        "parties:",
    ]
    for p in PARTIES:
        domains = ", ".join(p.domains)
        lines.append(
            f'  - {{id: {p.id}, name: {p.name}, kind: {p.kind}, org_number: "{p.org_number}",'
            f" domains: [{domains}]}}"
        )
    lines.append("bodies:")
    for body_id, name, kind in BODIES:
        lines.append(f'  - {{id: {body_id}, name: "{name}", kind: {kind}}}')
    lines += [
        "channels:  # a neutral domain of its own (.example is reserved, RFC 2606)",
        "  - {kind: email, address: post@sekretariat-bench.example}",
        "  - {kind: web, address: https://www.sekretariat-bench.example}",
        "secretariat:",
        f"  leader_appointment_decision: {leader_decision}",
        "  employer_waiver_agreement: 2020-06-15",
        '  mandate: "Mandat for sekretariatet, vedtatt av styringsgruppen 2020"',
        f"  delegated_authority_nok: {DELEGATED_AUTHORITY_NOK}",
        '  toll_funding: {allowed: false, annual_cap_nok: null, basis: "Syntetisk grunnlag"}',
        "",
    ]
    return "\n".join(lines)


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def generate(out: Path, distributions: int, seed: int = 1) -> dict[str, int]:
    """Write the repository to ``out``; returns the number of rows per collection."""
    if distributions < 1:
        raise ValueError("--distributions must be at least 1")
    factor = distributions / BASE_DISTRIBUTIONS
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    repo = Repo()

    projects = gen_projects(rng, scaled(BASE_PROJECTS, factor, 5), repo)
    meetings, decisions = gen_meetings_and_decisions(
        rng, scaled(BASE_MEETINGS, factor, 3), scaled(BASE_DECISIONS, factor, 3)
    )
    write_decisions(rng, decisions, repo)
    index = DecisionIndex(decisions)
    docs = DocumentWriter(rng, repo)
    # 12 parties and ~1 % of documents missing one: N / 10 documents give room for N rows.
    n_documents = max(scaled(BASE_DOCUMENTS, factor, 5), -(-distributions // 10))
    linked, others = gen_meeting_rows_and_documents(
        rng, meetings, decisions, n_documents, docs, repo
    )
    repo.distribution_rows = gen_distributions(rng, distributions, linked, others, docs, out)
    gen_followups_and_deviations(
        rng,
        decisions,
        projects,
        scaled(BASE_FOLLOWUPS, factor, 3),
        scaled(BASE_DEVIATIONS, factor, 2),
        repo,
    )
    annual = gen_reports(rng, index, projects, repo)
    gen_expenditures(rng, scaled(BASE_EXPENDITURES, factor, 10), index, projects, repo)
    gen_toll_usage(rng, projects, repo)
    gen_representations(rng, scaled(BASE_REPRESENTATIONS, factor, 3), index, repo)
    indicators = gen_indicators(rng, scaled(BASE_INDICATORS, factor, 3), annual, repo)
    gen_analyses(rng, scaled(BASE_ANALYSES, factor, 3), index, indicators, repo)

    leader = next(
        (d for d in index.vedtak if d.meeting.body == SG and d.date >= PERIOD_START),
        index.vedtak[0],
    )
    (out / "secretariat.yaml").write_text(
        manifest_text(leader.id, distributions, seed), encoding="utf-8"
    )
    counts: dict[str, int] = {}
    for name, header in COLLECTION_FIELDS.items():
        if name == "distributions":
            counts[name] = repo.distribution_rows
            continue
        write_csv(out / f"{name}.csv", header, repo.rows[name])
        counts[name] = len(repo.rows[name])
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", metavar="OUT_DIR", type=Path)
    parser.add_argument("--distributions", type=int, default=BASE_DISTRIBUTIONS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing")
    args = parser.parse_args(argv)
    if args.distributions < 1:
        parser.error("--distributions must be at least 1")
    started = time.perf_counter()
    counts = generate(args.out_dir, args.distributions, args.seed)
    elapsed = time.perf_counter() - started
    if not args.quiet:
        size = sum(p.stat().st_size for p in args.out_dir.iterdir() if p.is_file())
        for name, rows in counts.items():
            print(f"{name:<20} {rows:>10,}", file=sys.stderr)
        print(
            f"{sum(counts.values()):,} rows, {size / 1e6:.1f} MB in {args.out_dir} "
            f"({elapsed:.1f} s)",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
