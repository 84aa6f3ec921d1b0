"""``pull einnsyn``: save a body's public journal for a date range, as the adapter reads it.

For each entity (``Journalpost``, ``Moetemappe``, ``Moetesak``) the search endpoint is
paged through (``GET {base}/search``, query parameters of
``felleslosninger/einnsyn-api-spec``, ``typespec/einnsyn.queryparameters.tsp``)::

    entity=Journalpost&administrativEnhet=ID&publisertDatoAfter=…&publisertDatoBefore=…
      &sortBy=publisertDato&sortOrder=asc&limit=100
      &expand=korrespondansepart&expand=dokumentbeskrivelse&expand=saksmappe
    entity=Moetemappe&administrativEnhet=ID&moetedatoAfter=…&moetedatoBefore=…
      &sortBy=moetedato&sortOrder=asc&limit=100&expand=moetedokument&expand=utvalgObjekt
    entity=Moetesak (as Moetemappe, expand=vedtak, dokumentbeskrivelse)

``ID`` is the body's eInnsyn enhet id (``enh_…``); ``administrativEnhet`` also matches its
sub-units. The API filters journalposts by publication date, not ``journaldato``: the
range is ``--from`` 00:00 to the end of ``--to``, Europe/Oslo, on ``publisertDato``
(normally a few days after the journal date) and on ``moetedato`` for meetings. Each
answer is saved verbatim as ``einnsyn/<entity>-NNNN.json`` and the page's ``next`` URL is
followed; a ``next`` leading to another host is refused. The state file makes a re-run
continue (:mod:`.state`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo

from ..i18n.message import msg
from .client import Client, PullError
from .state import STATE_NAME, EntityState, PullState, cannot_write, write_atomic

__all__ = [
    "API_KEY_ENV",
    "API_KEY_HEADER",
    "DEFAULT_BASE_URL",
    "ENTITIES",
    "PullResult",
    "first_url",
    "pull_einnsyn",
]

DEFAULT_BASE_URL = "https://api.einnsyn.no"
API_KEY_HEADER = "X-EIN-API-KEY"
"""The API key header (``typespec/einnsyn.tsp``: ``ApiKeyAuth<header, "X-EIN-API-KEY">``)."""
API_KEY_ENV = "EINNSYN_API_KEY"
PAGE_LIMIT = 100
ENTITIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Journalpost": ("publisertDato", ("korrespondansepart", "dokumentbeskrivelse", "saksmappe")),
    "Moetemappe": ("moetedato", ("moetedokument", "utvalgObjekt")),
    "Moetesak": ("moetedato", ("vedtak", "dokumentbeskrivelse")),
}
"""Entity → (the date it is filtered and sorted by, the fields expanded)."""
OSLO = ZoneInfo("Europe/Oslo")
_ENHET_ID = re.compile(r"^[a-z]+_[0-9a-z]{10,40}$")


@dataclass(frozen=True)
class PullResult:
    """What one run did: pages saved now, per entity, and whether all is downloaded."""

    saved: dict[str, int]
    complete: bool


def _utc(day: dt.date) -> str:
    moment = dt.datetime.combine(day, dt.time(0), tzinfo=OSLO).astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def check_body(body: str) -> str:
    """The enhet id as given; an org number or anything else is a usage error."""
    body = body.strip()
    if _ENHET_ID.fullmatch(body):
        return body
    if body.replace(" ", "").isdigit():
        raise PullError(msg("error.pull.body_org_number", body=body))
    raise PullError(msg("error.pull.body", body=body))


def first_url(base: str, entity: str, body: str, start: dt.date, end: dt.date) -> str:
    """The search URL of the first page of ``entity``."""
    field, expand = ENTITIES[entity]
    params: list[tuple[str, str]] = [
        ("entity", entity),
        ("administrativEnhet", body),
        (f"{field}After", _utc(start)),
        (f"{field}Before", _utc(end + dt.timedelta(days=1))),
        ("sortBy", field),
        ("sortOrder", "asc"),
        ("limit", str(PAGE_LIMIT)),
        *(("expand", name) for name in expand),
    ]
    return f"{base.rstrip('/')}/search?{urlencode(params)}"


def _same_origin(url: str, base: str) -> bool:
    a, b = urlsplit(url), urlsplit(base)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


def _next_url(content: bytes, url: str, base: str) -> str | None:
    """The page's ``next``; the page must be a list response."""
    try:
        page: Any = json.loads(content)
    except ValueError:
        raise PullError(msg("error.pull.not_json", url=url, base=DEFAULT_BASE_URL)) from None
    if not isinstance(page, dict) or not isinstance(page.get("items"), list):
        raise PullError(msg("error.pull.not_list", url=url))
    following = page.get("next")
    if not isinstance(following, str) or not following:
        return None
    if not _same_origin(following, base):
        raise PullError(msg("error.pull.next_other_host", url=url))
    return following


def pull_einnsyn(
    data_dir: Path,
    client: Client,
    *,
    base_url: str,
    body: str,
    start: dt.date,
    end: dt.date,
    restart: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> PullResult:
    """Download (or resume) the pages into ``data_dir/einnsyn``; see the module docstring.

    :raises PullError: the options differ from the saved state's, or downloading fails
        (the pages saved so far and the state stay, so the same command resumes).
    """
    directory = data_dir / "einnsyn"
    query = {"base_url": base_url, "body": body, "from": start.isoformat(), "to": end.isoformat()}
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # no permission, a read-only disk, a file in the way
        raise cannot_write(directory, exc) from None
    state = None if restart else PullState.load(directory)
    if restart:
        _clear(directory)
    if state is not None and state.query != query:
        raise PullError(
            msg(
                "error.pull.other_query",
                path=str(directory),
                body=str(state.query.get("body")),
                start=str(state.query.get("from")),
                end=str(state.query.get("to")),
            )
        )
    if state is None:
        state = PullState(query)
    saved: dict[str, int] = {}
    for entity in ENTITIES:
        progress_of = state.entities.setdefault(
            entity, EntityState(next=first_url(base_url, entity, body, start, end))
        )
        saved[entity] = _pull_entity(directory, client, entity, progress_of, state, progress)
    complete = all(s.done for s in state.entities.values())
    return PullResult(saved, complete)


def _pull_entity(
    directory: Path,
    client: Client,
    entity: str,
    current: EntityState,
    state: PullState,
    progress: Callable[[str, int, int], None] | None,
) -> int:
    saved = 0
    base = state.query["base_url"]
    while not current.done and current.next is not None:
        url = current.next
        if not _same_origin(url, base):
            raise PullError(msg("error.pull.foreign_address", url=url, base=base))
        response = client.get(url)
        following = _next_url(response.content, url, base)
        if following == url:
            raise PullError(msg("error.pull.same_page", url=url))
        number = current.pages + 1
        write_atomic(directory / f"{entity.lower()}-{number:04d}.json", response.content)
        current.pages, current.next = number, following
        current.done = following is None
        state.save(directory)
        saved += 1
        if progress is not None:
            progress(entity, number, client.requests)
    return saved


def _clear(directory: Path) -> None:
    """Remove the pages and state a previous pull wrote (``--restart``)."""
    names = {e.lower() for e in ENTITIES}
    for path in directory.iterdir():
        prefix = path.name.split("-", 1)[0]
        if path.name == STATE_NAME or (prefix in names and path.suffix == ".json"):
            path.unlink()


def stderr_progress() -> Callable[[str, int, int], None] | None:
    """A one-line counter on stderr when it is a terminal; None otherwise."""
    if not sys.stderr.isatty():
        return None

    def show(entity: str, page: int, requests: int) -> None:
        line = msg("pull.progress", entity=entity, page=page, requests=requests)
        sys.stderr.write(f"\r{line}\033[K")
        sys.stderr.flush()

    return show
