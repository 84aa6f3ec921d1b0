"""The dataset as it stood at the end of ``as_of`` (SPEC §4 "Common terms", *As of*).

Built once per run from the loaded :class:`~secretariat_rules.dataset.Dataset`, and the
only view the guideline rules get (the data integrity rules DAT001–DAT005 were found on
every record while loading). An event dated after the end of ``as_of`` (Europe/Oslo) has
not happened yet:

- an event *field* dated after it counts as absent (null): see :data:`EVENT_FIELDS`;
- a record that is itself one event dated after it does not exist: a distribution
  (``sent``), an adoption (``date``), a decision whose meeting's ``date`` is after it;
  attestation answers dated after it are ignored by the ``attested`` check kind;
- then references are pruned as when loading: a record whose required reference names a
  record that does not exist yet is left out (a follow-up of a future decision), an
  optional such reference counts as absent (an expenditure's future ``decision``).

Plans are not events: meetings, deadlines and projects after ``as_of`` stay, and each
rule checks them when its requirement is due. A datetime is compared on its date in
Europe/Oslo (so ``2025-06-30T21:30:00Z``, 23:30 in Oslo, is on 2025-06-30), a date as a
date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

import polars as pl

from ..dataset import Dataset, prune_all
from ..schema.collections import COLLECTION_MODELS
from ..sources.values import TIME_ZONE

EVENT_FIELDS: dict[str, tuple[str, ...]] = {
    "meetings": ("notice_sent",),
    "decisions": ("communicated",),
    "followups": ("completed",),
    "deviations": ("reported",),
    "documents": ("archived",),
    "reports": ("submitted",),
    "indicator_reports": ("delivered",),
}
"""Fields that record that something happened: null while dated after ``as_of``."""

EVENT_RECORDS: dict[str, str] = {"distributions": "sent", "adoptions": "date"}
"""Collections whose records are each one event: left out while dated after ``as_of``."""


def _happened(frame: pl.DataFrame, column: str, as_of: dt.date) -> pl.Expr:
    """Whether ``column`` lies on or before the end of ``as_of`` (null stays null)."""
    value = pl.col(column)
    dtype = frame.schema[column]
    if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None:
        # before the next day begins in Oslo: compared as instants, nothing converted
        next_day = as_of + dt.timedelta(days=1)
        begins = dt.datetime.combine(next_day, dt.time(0), ZoneInfo(TIME_ZONE))
        utc = begins.astimezone(dt.UTC).replace(tzinfo=None)
        end = pl.lit(utc, pl.Datetime(dtype.time_unit)).dt.replace_time_zone("UTC")
        return value < end.dt.convert_time_zone(dtype.time_zone)
    if isinstance(dtype, pl.Datetime):
        value = value.dt.convert_time_zone(TIME_ZONE).dt.date()
    return value <= pl.lit(as_of)


def as_of_view(ds: Dataset, as_of: dt.date) -> Dataset:
    """The dataset as it stood at the end of ``as_of``; ``ds`` itself is not changed."""
    frames = dict(ds.frames)
    for name, columns in EVENT_FIELDS.items():
        frame = frames[name]
        frames[name] = frame.with_columns(
            pl.when(_happened(frame, c, as_of)).then(pl.col(c)).otherwise(None).alias(c)
            for c in columns
            if c in frame.columns
        )
    # a frame is filtered (copied) only when the view leaves some of its records out
    left_out: set[str] = set()
    for name, column in EVENT_RECORDS.items():
        frame = frames[name]
        if column in frame.columns:
            happened = _happened(frame, column, as_of).fill_null(True)
            if not frame.select(happened.all()).item():
                frames[name] = frame.filter(happened)
                left_out.add(name)
    meetings = frames["meetings"]
    held = meetings.filter(_happened(meetings, "date", as_of)).get_column("id")
    decisions = frames["decisions"]
    in_held = pl.col("meeting").is_in(held.implode())
    if not decisions.select(in_held.fill_null(False).all()).item():
        frames["decisions"] = decisions.filter(in_held)
        left_out.add("decisions")
    if left_out:
        # the loaded frames are pruned already: only records left out here can leave
        # out others (so only the frames that refer to these are pruned again)
        linked = [*COLLECTION_MODELS, "secretariat"]
        frames = prune_all(frames, ds.fields, linked, changed=left_out)
    # work shared across rules (``memo``) is derived from these frames: a view has its own
    return replace(ds, frames=frames, memo={})
