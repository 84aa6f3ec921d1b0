"""``secretariat-rules pull einnsyn`` against a local server replaying recorded pages.

Never the real service: a stdlib ``http.server`` in a thread answers ``GET /search``
with the pages in ``tests/data/einnsyn/`` (see its README), and can be told to fail
first (503/429 with ``Retry-After``, 401, 404) or stop answering half-way.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from secretariat_rules.api import load_dataset
from secretariat_rules.plugins import load_registry
from secretariat_rules.pull.client import Client, PullError
from secretariat_rules.pull.einnsyn import first_url, stderr_progress
from secretariat_rules.pull.state import STATE_NAME, write_atomic
from secretariat_rules.testing import BASE_MANIFEST, run_cli, write_repo

pytestmark = pytest.mark.usefixtures("english")

DATA = Path(__file__).parent / "data" / "einnsyn"
ROOT = Path(__file__).resolve().parents[1]
BODY = "enh_01hsekretariat0000000000"
ROUTES = {
    ("Journalpost", None): "journalpost-1.json",
    ("Journalpost", "jp_01hsaksframlegg00000000002"): "journalpost-2.json",
    ("Moetemappe", None): "moetemappe-1.json",
    ("Moetesak", None): "moetesak-1.json",
}
SAVED = ["journalpost-0001.json", "journalpost-0002.json", "moetemappe-0001.json",
         "moetesak-0001.json"]  # fmt: skip


@dataclass
class Replay:
    """The server's script and what it saw."""

    base: str = ""
    failures: list[tuple[int, dict[str, str], bytes]] = field(default_factory=list)
    serve_pages: int | None = None
    """After this many pages every request is a 503 (a server going down)."""
    requests: list[tuple[float, str, dict[str, str]]] = field(default_factory=list)
    pages: int = 0


def _handler(replay: Replay) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            replay.requests.append((time.monotonic(), self.path, dict(self.headers)))
            if replay.failures:
                status, headers, body = replay.failures.pop(0)
                return self._send(status, body, headers)
            if replay.serve_pages is not None and replay.pages >= replay.serve_pages:
                return self._send(503, b'{"type": "internalServerError", "message": "down"}')
            parts = urlsplit(self.path)
            query = parse_qs(parts.query)
            after = query.get("startingAfter", [None])[-1]
            name = ROUTES.get((query.get("entity", [""])[0], after))
            if parts.path != "/search" or name is None:
                return self._send(404, b'{"type": "notFound", "message": "no such page"}')
            replay.pages += 1
            text = (DATA / name).read_text(encoding="utf-8")
            self._send(200, text.replace("http://EINNSYN", replay.base).encode())

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def server() -> Iterator[Replay]:
    replay = Replay()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(replay))
    replay.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield replay
    finally:
        httpd.shutdown()
        httpd.server_close()


def pull(data: Path, base: str, *extra: str) -> Any:
    return run_cli(
        "pull", "einnsyn", data, "--body", BODY, "--from", "2024-01-01", "--to",
        "2024-12-31", "--base-url", base, "--rate", "1000", *extra,
    )  # fmt: skip


def _year() -> tuple[dt.date, dt.date]:
    return dt.date(2024, 1, 1), dt.date(2024, 12, 31)


class FakeTime:
    """A clock that moves only when slept on."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def test_full_download_saves_every_page_verbatim(tmp_path: Path, server: Replay) -> None:
    run = pull(tmp_path / "data", server.base)
    assert run.exit_code == 0, run.stderr
    directory = tmp_path / "data" / "einnsyn"
    assert sorted(p.name for p in directory.iterdir()) == sorted([*SAVED, STATE_NAME])
    original = (DATA / "journalpost-1.json").read_text(encoding="utf-8")
    saved = (directory / "journalpost-0001.json").read_text(encoding="utf-8")
    assert saved == original.replace("http://EINNSYN", server.base)
    state = json.loads((directory / STATE_NAME).read_text(encoding="utf-8"))
    assert state["entities"]["Journalpost"] == {"done": True, "next": None, "pages": 2}
    assert "pages saved now: Journalpost 2, Moetemappe 1, Moetesak 1; complete" in run.output
    assert run.stderr == ""  # no progress counter when stderr is not a terminal
    first = urlsplit(server.requests[0][1])
    query = parse_qs(first.query)
    assert first.path == "/search"
    assert query["entity"] == ["Journalpost"] and query["administrativEnhet"] == [BODY]
    assert query["publisertDatoAfter"] == ["2023-12-31T23:00:00Z"]  # 00:00 Oslo
    assert query["publisertDatoBefore"] == ["2024-12-31T23:00:00Z"]  # end of --to, Oslo
    assert query["expand"] == ["korrespondansepart", "dokumentbeskrivelse", "saksmappe"]


def test_pulled_pages_load_through_the_adapter(tmp_path: Path, server: Replay) -> None:
    data = tmp_path / "data"
    manifest = copy.deepcopy(BASE_MANIFEST)
    manifest["source"] = ["einnsyn"]
    write_repo(data, manifest)
    assert pull(data, server.base).exit_code == 0
    registry = load_registry(["secretariat_regions.sources.einnsyn"], load_entry_points=False)
    dataset = load_dataset(data, registry=registry)
    frames = dataset.frames
    assert frames["documents"].select("id", "kind", "meeting", "archive_ref").rows() == [
        ("DOK-1", "saksdokument", "SG-2024-03", "2024/140-1"),
        ("DOK-2", "saksdokument", "SG-2024-03", "2024/140-2"),  # the case's paper
        ("REF-1", "referat", "SG-2024-03", "2024/140-3"),
    ]
    assert frames["distributions"].height == 9
    meeting = frames["meetings"].select("id", "body", "date", "notice_sent", "minutes").rows()
    assert [tuple(str(v) for v in row) for row in meeting] == [
        ("SG-2024-03", "sg", "2024-03-14", "2024-03-05", "REF-1")
    ]
    assert frames["decisions"].select("id", "meeting", "case", "kind").rows() == [
        ("V-2024-005", "SG-2024-03", "5/24", "vedtak")
    ]
    assert [rule for rule, _ in dataset.issues] == []


def test_an_interrupted_pull_resumes_where_it_stopped(tmp_path: Path, server: Replay) -> None:
    data = tmp_path / "data"
    server.serve_pages = 1
    run = pull(data, server.base, "--retries", "0")
    assert run.exit_code == 2
    assert "answered HTTP 503" in run.stderr and "Traceback" not in run.stderr
    assert sorted(p.name for p in (data / "einnsyn").iterdir()) == [
        "journalpost-0001.json",
        STATE_NAME,
    ]
    server.serve_pages = None
    asked = len(server.requests)
    run = pull(data, server.base)
    assert run.exit_code == 0, run.stderr
    again = [urlsplit(path) for _, path, _ in server.requests[asked:]]
    # the second run starts at page 2: page 1 is never fetched again
    assert [parse_qs(u.query).get("startingAfter", [None])[-1] for u in again][:1] == [
        "jp_01hsaksframlegg00000000002"
    ]
    assert sorted(p.name for p in (data / "einnsyn").iterdir()) == sorted([*SAVED, STATE_NAME])
    run = pull(data, server.base)
    assert "pages saved now: Journalpost 0, Moetemappe 0, Moetesak 0; complete" in run.output


def test_other_options_than_the_saved_pull_need_restart(tmp_path: Path, server: Replay) -> None:
    data = tmp_path / "data"
    assert pull(data, server.base).exit_code == 0
    run = run_cli(
        "pull", "einnsyn", data, "--body", BODY, "--from", "2023-01-01", "--to", "2024-12-31",
        "--base-url", server.base, "--rate", "1000",
    )  # fmt: skip
    assert run.exit_code == 2
    assert "add --restart to replace it" in run.stderr
    run = pull(data, server.base, "--restart")
    assert run.exit_code == 0 and "Journalpost 2, Moetemappe 1, Moetesak 1" in run.output


def test_503_and_429_are_retried_honouring_retry_after(server: Replay) -> None:
    server.failures = [
        (503, {"Retry-After": "3"}, b"{}"),
        (429, {"Retry-After": "1"}, b"{}"),
        (502, {}, b""),
        (500, {}, b""),
    ]
    fake = FakeTime()
    url = first_url(server.base, "Moetesak", BODY, *_year())
    with Client(rate=0, clock=fake.clock, sleep=fake.sleep, backoff=1.0) as client:
        answer = client.get(url)
    assert json.loads(answer.content)["items"][0]["systemId"] == "V-2024-005"
    # Retry-After 3 s and 1 s, then exponential back-off (attempts 3 and 4: 4 s, 8 s)
    assert fake.sleeps == [3.0, 1.0, 4.0, 8.0]
    assert len(server.requests) == 5


def test_retries_give_up_with_a_clear_error(server: Replay) -> None:
    server.failures = [(503, {}, b'{"type": "internalServerError", "message": "busy"}')] * 3
    fake = FakeTime()
    with (
        Client(rate=0, retries=2, clock=fake.clock, sleep=fake.sleep) as client,
        pytest.raises(PullError) as caught,
    ):
        client.get(f"{server.base}/search?entity=Journalpost")
    assert fake.sleeps == [1.0, 2.0]
    assert str(caught.value) == (
        f"{server.base} answered HTTP 503 Service Unavailable after 3 attempt(s): see the "
        "server's message. The server said: 'busy'. Nothing more was downloaded; the pages "
        "already saved are kept, and the same command resumes."
    )


def test_the_rate_limit_spaces_requests(server: Replay) -> None:
    fake = FakeTime()
    url = first_url(server.base, "Moetemappe", BODY, *_year())
    with Client(rate=2.0, clock=fake.clock, sleep=fake.sleep) as client:
        for _ in range(4):
            client.get(url)
    assert fake.sleeps == [0.5, 0.5, 0.5]  # 2 requests/s, the clock never moved otherwise


def test_the_rate_limit_holds_in_real_time(tmp_path: Path, server: Replay) -> None:
    started = time.monotonic()
    run = pull(tmp_path / "data", server.base, "--rate", "20")
    assert run.exit_code == 0, run.stderr
    times = [t for t, _, _ in server.requests]
    # 4 requests at most 20/s: the last starts ≥ 3/20 s after the first (less the jitter
    # of the server's own timestamps)
    assert len(times) == 4 and times[-1] - times[0] >= 0.14
    assert time.monotonic() - started >= 0.15


def test_the_api_key_is_sent_as_its_header(
    tmp_path: Path, server: Replay, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EINNSYN_API_KEY", "secret-key-1")
    assert pull(tmp_path / "data", server.base).exit_code == 0
    assert {headers.get("X-EIN-API-KEY") for _, _, headers in server.requests} == {"secret-key-1"}


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_offline_is_one_paragraph_and_exit_2(tmp_path: Path) -> None:
    base = f"http://127.0.0.1:{_closed_port()}"
    run = pull(tmp_path / "data", base, "--retries", "0")
    assert run.exit_code == 2
    assert run.stderr == (
        f"secretariat-rules: error: cannot download from {base}: could not connect (offline, "
        "a DNS failure or a refused connection), 1 attempt(s). Check the network connection "
        "and --base-url, then run the same command again: the pages already saved are kept "
        "and the download resumes where it stopped.\n"
    )


@pytest.mark.parametrize(
    ("status", "hint"),
    [
        (401, "the API key is missing or wrong (--api-key or EINNSYN_API_KEY)"),
        (404, "the address does not exist: check --base-url"),
    ],
)
def test_http_4xx_is_exit_2_with_a_hint(
    tmp_path: Path, server: Replay, status: int, hint: str
) -> None:
    message = b'{"type": "authenticationError", "message": "Not authenticated"}'
    server.failures = [(status, {}, message)]
    run = pull(tmp_path / "data", server.base)
    assert run.exit_code == 2
    assert hint in run.stderr and "'Not authenticated'" in run.stderr
    assert len(server.requests) == 1  # a 4xx is not retried
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--body", "964338531"], "filters by enhet id (enh_…), not by organisation number"),
        (["--body", "Bergen"], "expected an eInnsyn enhet id"),
        (["--body", BODY, "--from", "2024-12-31", "--to", "2024-01-01"], "is after --to"),
        (["--body", BODY, "--from", "2024-13-01"], "--from '2024-13-01': expected a date"),
        (["--body", BODY, "--base-url", "ftp://x"], "expected an http(s) address"),
    ],
)
def test_bad_options_are_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    given = {"--from": "2024-01-01", "--to": "2024-12-31", "--base-url": "http://127.0.0.1:9"}
    for index in range(0, len(args), 2):
        given[args[index]] = args[index + 1]
    run = run_cli("pull", "einnsyn", tmp_path, *[x for kv in given.items() for x in kv])
    assert run.exit_code == 2
    assert message in run.stderr, run.stderr


def test_a_next_url_to_another_host_is_refused(tmp_path: Path, server: Replay) -> None:
    page = json.dumps({"items": [], "next": "http://elsewhere.example/search?x=1"})
    server.failures = [(200, {}, page.encode())]
    run = pull(tmp_path / "data", server.base)
    assert run.exit_code == 2 and "the next page leads to another host; refused" in run.stderr


def test_the_documented_commands_run(tmp_path: Path, server: Replay) -> None:
    """Every ``secretariat-rules pull einnsyn`` line of README.md and docs/plugins.md."""
    commands = []
    for doc in ("README.md", "docs/plugins.md"):
        for line in (ROOT / doc).read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("secretariat-rules pull einnsyn"):
                commands.append(re.sub(r"\s+#.*$", "", line.strip()).split()[1:])
    assert len(commands) >= 2
    for number, args in enumerate(commands):
        data = tmp_path / f"run{number}"
        args = [str(data) if a.endswith("-data") else a for a in args]
        run = run_cli(*args, "--base-url", server.base, "--rate", "1000")
        assert run.exit_code == 0, (args, run.stderr)
        assert (data / "einnsyn" / "moetesak-0001.json").is_file()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_counter_shows_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    show = stderr_progress()
    assert show is not None
    show("Journalpost", 3, 4)
    assert terminal.getvalue() == "\reinnsyn: Journalpost page 3 (4 requests)\x1b[K"
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert stderr_progress() is None


def test_a_page_beyond_the_data_file_bound_is_not_read_on(server: Replay) -> None:
    url = first_url(server.base, "Moetemappe", BODY, *_year())
    with Client(rate=0, max_bytes=100) as client, pytest.raises(PullError) as caught:
        client.get(url)
    assert str(caught.value) == (
        f"{server.base} sent a page larger than 100 bytes; refused (the source adapter "
        "would not read it either)"
    )


def test_a_next_url_pointing_at_itself_stops(tmp_path: Path, server: Replay) -> None:
    url = first_url(server.base, "Journalpost", BODY, *_year())
    server.failures = [(200, {}, json.dumps({"items": [], "next": url}).encode())]
    run = pull(tmp_path / "data", server.base)
    assert run.exit_code == 2 and "the next page is this page again; stopped" in run.stderr


def test_a_place_that_cannot_be_written_is_named_not_a_bug(tmp_path: Path) -> None:
    """Exit 2 naming the directory (before any request) or the file, not exit 3."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    run = run_cli(
        "--lang", "en", "pull", "einnsyn", blocker / "data", "--body", BODY, "--from",
        "2024-01-01", "--to", "2024-12-31", "--base-url", "http://127.0.0.1:9",
    )  # fmt: skip
    assert run.exit_code == 2
    target = blocker / "data" / "einnsyn"
    assert run.stderr.strip() == f"secretariat-rules: error: cannot write {target}: Not a directory"
    with pytest.raises(PullError, match=r"missing/page\.json: No such file or directory"):
        write_atomic(tmp_path / "missing" / "page.json", b"{}")
