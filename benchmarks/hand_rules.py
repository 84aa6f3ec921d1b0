"""Three rules written by hand in polars, for the side-by-side benchmark (issue 13).

SEK008 (equal-information-access), SEK025 (documents-archived) and SEK019
(delegated-authority) of SPEC §4, over the canonical CSV layout that ``generate.py``
writes (ISO values), as a careful analyst would write them: read the files, type the
columns the rule needs (a record whose required fields do not parse is left out, as the
checker's DAT001 leaves it out), apply the period, *As of* and *Due* terms, and return
the failing subjects. ``python benchmarks/hand_rules.py DATA`` prints them as JSON
(``{"SEK008": ["documents/DOC-1", ...], ...}``), which ``sidebyside.py`` compares with
the checker's report.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import polars as pl
import yaml

ZONE = "Europe/Oslo"


def manifest(data: Path) -> dict:
    return yaml.safe_load((data / "secretariat.yaml").read_text(encoding="utf-8"))


def read(data: Path, name: str, columns: list[str]) -> pl.DataFrame:
    return pl.read_csv(data / f"{name}.csv", columns=columns, infer_schema=False)


def day(column: str) -> pl.Expr:
    return pl.col(column).str.strptime(pl.Date, "%Y-%m-%d", strict=False)


def sek008(data: Path, m: dict) -> list[str]:
    start, end, as_of = m["period"]["start"], m["period"]["end"], m["as_of"]
    parties = [p["id"] for p in m["parties"]]
    docs = read(data, "documents", ["id", "title", "kind", "date"]).filter(
        pl.col("title").is_not_null()
        & pl.col("kind").is_in(["saksdokument", "referat", "rapport", "notat", "brev", "annet"])
        & day("date").is_not_null()
    )
    # the end of as_of, Oslo time, as an instant
    cutoff = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    sent = (
        pl.col("sent")
        .str.strptime(pl.Datetime("us"), "%Y-%m-%dT%H:%M:%S", strict=False)
        .dt.replace_time_zone(ZONE, ambiguous="earliest", non_existent="null")
    )
    dist = (
        read(data, "distributions", ["document", "party", "sent"])
        .with_columns(sent.alias("sent"))
        .filter(
            pl.col("sent").is_not_null()
            & pl.col("party").is_in(parties)
            & (pl.col("sent") < pl.lit(cutoff).dt.replace_time_zone(ZONE))
        )
        .join(docs.select(pl.col("id").alias("document")), on="document", how="semi")
    )
    per_party = dist.group_by("document", "party").agg(pl.col("sent").min())
    per_doc = per_party.group_by("document").agg(
        pl.len().alias("n"), pl.col("sent").min().alias("first"), pl.col("sent").max().alias("last")
    )
    tolerance = pl.duration(hours=24)
    failing = per_doc.filter(
        pl.col("first").dt.date().is_between(start, end)
        & ((pl.col("first") + tolerance).dt.date() <= as_of)
        & ((pl.col("n") < len(parties)) | (pl.col("last") > pl.col("first") + tolerance))
    )
    return sorted("documents/" + d for d in failing.get_column("document").to_list())


def sek025(data: Path, m: dict) -> list[str]:
    start, end, as_of = m["period"]["start"], m["period"]["end"], m["as_of"]
    docs = read(data, "documents", ["id", "title", "kind", "date", "archive_ref", "archived"])
    docs = docs.with_columns(day("date").alias("date"), day("archived").alias("archived"))
    due = pl.col("date") + pl.duration(days=5)
    archived = pl.when(pl.col("archived") <= as_of).then(pl.col("archived"))
    failing = docs.filter(
        pl.col("title").is_not_null()
        & pl.col("kind").is_in(["saksdokument", "referat"])
        & pl.col("date").is_between(start, end)
        & (due <= as_of)
        & (pl.col("archive_ref").is_null() | (archived.is_null()) | (archived > due)).fill_null(
            True
        )
    )
    return sorted("documents/" + d for d in failing.get_column("id").to_list())


def sek019(data: Path, m: dict) -> list[str]:
    start, end, as_of = m["period"]["start"], m["period"]["end"], m["as_of"]
    limit = m["secretariat"]["delegated_authority_nok"]
    steering = [b["id"] for b in m["bodies"] if b["kind"] == "steering_group"]
    meetings = read(data, "meetings", ["id", "body", "date"]).with_columns(day("date"))
    decisions = (
        read(data, "decisions", ["id", "meeting", "kind"])
        .join(meetings, left_on="meeting", right_on="id", how="inner")
        .filter(
            (pl.col("kind") == "vedtak")
            & pl.col("body").is_in(steering)
            & (pl.col("date") <= as_of)
        )
        .select(pl.col("id").alias("decision"), pl.col("date").alias("decided"))
    )
    expenditures = read(
        data, "expenditures", ["id", "date", "amount_nok", "funding", "category", "decision"]
    ).with_columns(day("date"), pl.col("amount_nok").cast(pl.Float64, strict=False))
    failing = (
        expenditures.filter(
            pl.col("funding").is_not_null()
            & pl.col("date").is_between(start, end)
            & (pl.col("date") <= as_of)
            & (pl.col("category") != "prosjekt")
            & (pl.col("amount_nok") > limit)
        )
        .join(decisions, on="decision", how="left")
        .filter(pl.col("decided").is_null() | (pl.col("decided") > pl.col("date")))
    )
    return sorted("expenditures/" + e for e in failing.get_column("id").to_list())


RULES = {"SEK008": sek008, "SEK025": sek025, "SEK019": sek019}


def main(argv: list[str]) -> int:
    data = Path(argv[0])
    m = manifest(data)
    print(json.dumps({rule: query(data, m) for rule, query in RULES.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
