"""Noark 5 dates and times, as the schemas write them, in the forms ``values`` reads.

Every version's ``xs:date`` fields (``journaldato``, ``dokumentetsDato``, ``moetedato``...)
and ``xs:dateTime`` fields (``sendtDato`` and ``mottattDato`` in v3.1/v5.x,
``opprettetDato``...) may carry a zone and (a dateTime) a fraction of a second:
``2017-04-02Z``, ``2017-04-01+01:00``, ``1863-12-13T00:00:00+01:00``, ``2024-02-06T14:05:00``.

* :func:`as_date` (a date field): an ``xs:date`` is its calendar date (the zone says
  where the day is, not which day); an ``xs:dateTime`` with a zone is converted to Oslo
  time and its date taken, one without a zone is Oslo time already.
* :func:`as_datetime` (a datetime field): the instant as written (``Z`` or an offset
  kept; no zone means Oslo time); a bare ``xs:date`` is left a date, which ``values``
  reads as 00:00 Oslo time.

Oslo time is Europe/Oslo from the time zone database, except before 1895, when Norway
adopted CET (+01:00): the database's local mean time there (+00:43) would move the
midnight timestamps old extracts write (``1863-12-13T00:00:00+01:00``) to the day
before. Text that is no date or time of the schema's is returned unchanged, so the
record gets its DAT001 for it; ``None`` stays ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

__all__ = ["OSLO", "as_date", "as_datetime", "oslo_date"]

OSLO = ZoneInfo("Europe/Oslo")
_CET = dt.timezone(dt.timedelta(hours=1))
_CET_SINCE = dt.datetime(1895, 1, 1, tzinfo=dt.UTC)

_ZONE = r"(?P<z>Z|[+-](?:0[0-9]|1[0-4]):[0-5][0-9])?"
_DATE = re.compile(r"(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})" + _ZONE)
_DATETIME = re.compile(
    r"(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})"
    r"T(?P<h>[0-9]{2}):(?P<mi>[0-9]{2}):(?P<s>[0-9]{2})(?:\.(?P<f>[0-9]+))?" + _ZONE
)


def _zone(text: str | None) -> dt.tzinfo | None:
    if text is None:
        return None
    if text == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    hours, minutes = int(text[1:3]), int(text[4:6])
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _parse_date(text: str) -> dt.date | None:
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    try:
        return dt.date(int(match["y"]), int(match["mo"]), int(match["d"]))
    except ValueError:
        return None


def _parse_datetime(text: str) -> dt.datetime | None:
    """An ``xs:dateTime`` (``24:00:00`` is the next day's midnight); None if it is not one."""
    match = _DATETIME.fullmatch(text)
    if match is None:
        return None
    hour = int(match["h"])
    fraction = (match["f"] or "").strip("0")
    midnight = hour == 24 and match["mi"] == "00" and match["s"] == "00" and not fraction
    if midnight:
        hour = 0
    micro = int((match["f"] or "0")[:6].ljust(6, "0"))
    try:
        moment = dt.datetime(
            int(match["y"]),
            int(match["mo"]),
            int(match["d"]),
            hour,
            int(match["mi"]),
            int(match["s"]),
            micro,
            tzinfo=_zone(match["z"]),
        )
    except ValueError:
        return None
    return moment + dt.timedelta(days=1) if midnight else moment


def oslo_date(moment: dt.datetime) -> dt.date:
    """The calendar date of an instant in Oslo (naive means Oslo time already)."""
    if moment.tzinfo is None:
        return moment.date()
    if moment.astimezone(dt.UTC) < _CET_SINCE:
        return moment.astimezone(_CET).date()
    return moment.astimezone(OSLO).date()


def as_date(text: str | None) -> str | None:
    """A date field's value as ``YYYY-MM-DD`` (see the module docstring)."""
    if text is None:
        return None
    day = _parse_date(text)
    if day is not None:
        return day.isoformat()
    moment = _parse_datetime(text)
    if moment is None:
        return text
    return oslo_date(moment).isoformat()


def as_datetime(text: str | None) -> str | None:
    """A datetime field's value: ISO 8601 with its zone, or a bare date (00:00 Oslo)."""
    if text is None:
        return None
    moment = _parse_datetime(text)
    if moment is not None:
        return moment.isoformat()
    day = _parse_date(text)
    return day.isoformat() if day is not None else text


def date_of(text: str | None) -> dt.date | None:
    """The Oslo date a date or datetime value names, or None when it names none."""
    if text is None:
        return None
    moment = _parse_datetime(text)
    if moment is not None:
        return oslo_date(moment)
    return _parse_date(text)
