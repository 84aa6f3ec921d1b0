"""A polite HTTP client: timeouts, a rate limit, retries with back-off, one clear error.

Every request waits until ``1 / rate`` seconds have passed since the previous one
started. A ``429`` or ``5xx`` answer, a timeout or a connection error is retried up to
``retries`` times, waiting ``backoff × 2^attempt`` seconds (1, 2, 4, 8…; at most
``MAX_WAIT``), or what the server's ``Retry-After`` asks (seconds or an HTTP date, also
at most ``MAX_WAIT``). A body larger than ``MAX_DATA_FILE_BYTES`` is not read on.
Anything still failing, and any other ``4xx``, is a
:class:`PullError` (exit code 2) in one paragraph: what was asked, what happened, what
to do. The clock and the sleep are injectable, so tests need no real waiting.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from ..exceptions import ConfigurationError
from ..i18n.message import Msg, Text, msg
from ..sources.confine import MAX_DATA_FILE_BYTES
from ..sources.values import printable

__all__ = ["MAX_WAIT", "Client", "PullError", "Response"]

MAX_WAIT = 120.0
"""Longest single wait before a retry, in seconds (a Retry-After beyond it is capped)."""

RETRIED = frozenset({429, 500, 502, 503, 504})


class PullError(ConfigurationError):
    """Downloading failed in a way the user must fix (offline, refused, 4xx): exit 2."""


@dataclass(frozen=True)
class Response:
    """A successful answer: the body as received, and the final URL."""

    url: str
    content: bytes


@dataclass
class Client:
    """GET with a rate limit and retries; ``headers`` go with every request."""

    headers: dict[str, str] = field(default_factory=dict)
    rate: float = 2.0
    """Requests per second at most."""
    retries: int = 5
    timeout: float = 30.0
    backoff: float = 1.0
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    transport: httpx.BaseTransport | None = None
    max_bytes: int = MAX_DATA_FILE_BYTES
    """Largest body read: the adapter's bound for a data file."""
    requests: int = 0
    _last: float | None = None
    _http: httpx.Client | None = None

    def __enter__(self) -> Client:
        self._http = httpx.Client(
            headers={"Accept": "application/json", **self.headers},
            timeout=httpx.Timeout(self.timeout),
            follow_redirects=False,
            transport=self.transport,
            trust_env=True,
        )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def get(self, url: str) -> Response:
        """The body at ``url``; retried as the module docstring says.

        :raises PullError: the server cannot be reached, or refuses (after retries).
        """
        attempt = 0
        while True:
            self._wait_turn()
            try:
                answer = self._send(url)
            except httpx.TransportError as exc:
                if attempt >= self.retries:
                    raise PullError(_unreachable(url, exc, attempt + 1)) from None
                self._pause(self._backoff(attempt))
                attempt += 1
                continue
            if answer.status_code in RETRIED and attempt < self.retries:
                self._pause(self._retry_after(answer) or self._backoff(attempt))
                attempt += 1
                continue
            if answer.status_code != 200:
                raise PullError(_refused(url, answer, attempt + 1))
            return Response(str(answer.url), answer.content)

    def _send(self, url: str) -> httpx.Response:
        """One GET, its body read up to ``max_bytes`` (a larger one is a PullError)."""
        if self._http is None:  # pragma: no cover - used outside ``with``
            raise RuntimeError("Client used outside a with block")
        self.requests += 1
        with self._http.stream("GET", url) as answer:
            body = bytearray()
            for chunk in answer.iter_bytes():
                body.extend(chunk)
                if len(body) > self.max_bytes:
                    raise PullError(
                        msg("error.pull.too_large", host=_host(url), max_bytes=self.max_bytes)
                    )
        return httpx.Response(
            answer.status_code, headers=answer.headers, content=bytes(body), request=answer.request
        )

    def _wait_turn(self) -> None:
        now = self.clock()
        if self._last is not None and self.rate > 0:
            wait = self._last + 1.0 / self.rate - now
            if wait > 0:
                self.sleep(wait)
                now = self.clock()
        self._last = now

    def _pause(self, seconds: float) -> None:
        self.sleep(min(seconds, MAX_WAIT))

    def _backoff(self, attempt: int) -> float:
        return float(min(self.backoff * 2**attempt, MAX_WAIT))

    def _retry_after(self, answer: httpx.Response) -> float | None:
        value = answer.headers.get("Retry-After", "").strip()
        if not value:
            return None
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, when.timestamp() - time.time())


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else url


def _unreachable(url: str, exc: Exception, attempts: int) -> Msg:
    kinds: dict[type[Exception], str] = {
        httpx.ConnectError: "error.pull.connect",
        httpx.ConnectTimeout: "error.pull.connect_timeout",
        httpx.ReadTimeout: "error.pull.read_timeout",
    }
    key = kinds.get(type(exc))
    kind = msg(key) if key else msg("error.pull.request_failed", kind=type(exc).__name__)
    return msg("error.pull.unreachable", host=_host(url), kind=kind, attempts=attempts)


def _refused(url: str, answer: httpx.Response, attempts: int) -> Msg:
    status = answer.status_code
    hint = msg(f"error.pull.http.{status}" if status in _HINTED else "error.pull.http.other")
    detail = _message(answer)
    said: Text = msg("error.pull.server_said", detail=detail) if detail else ""
    return msg(
        "error.pull.refused",
        host=_host(url),
        status=status,
        reason=answer.reason_phrase,
        attempts=attempts,
        hint=hint,
        said=said,
    )


_HINTED = frozenset({400, 401, 403, 404})
"""HTTP statuses with a hint of their own (``error.pull.http.STATUS``)."""


def _message(answer: httpx.Response) -> str | None:
    """The error's ``message`` field (the API's error model), escaped and cut."""
    try:
        body: Any = answer.json()
    except ValueError:
        return None
    message = body.get("message") if isinstance(body, dict) else None
    return printable(message) if isinstance(message, str) and message else None
