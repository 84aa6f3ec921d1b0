"""The data integrity and waiver findings read in the report's language (nb by default)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from secretariat_rules.engine.data_rules import DATA_RULES
from secretariat_rules.engine.waivers import load_baseline
from secretariat_rules.exceptions import UsageError
from secretariat_rules.i18n.catalog import MESSAGES
from secretariat_rules.i18n.data_messages import MESSAGES as DATA_MESSAGES
from secretariat_rules.i18n.message import msg, using_lang
from secretariat_rules.testing import Repo

RepoFactory = Callable[..., Repo]

MISSING_PARTY = [
    {"document": "D1", "party": "bergen", "sent": "2024-03-01 10:00"},
    {"document": "D1", "party": "", "sent": "2024-03-01 10:00"},
]
DOCUMENT = {"id": "D1", "title": "Notat", "kind": "notat", "date": "2024-03-01"}
EXPIRED = (
    "- rule: SEK025\n"
    "  subject: documents/D1\n"
    "  reason: Arkivet ble byttet i mars\n"
    "  approved_by: V-2024-012\n"
    "  expires: 2025-06-29\n"
)


def _message(run: object, rule: str) -> str:
    findings = run.findings  # type: ignore[attr-defined]
    return str(next(f["message"] for f in findings if f["rule"] == rule))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), "mangler det påkrevde feltet 'party'"),
        (("--lang", "en"), "missing required field 'party'"),
    ],
)
def test_dat001_missing_required_field(
    secretariat_repo: RepoFactory, args: tuple[str, ...], expected: str
) -> None:
    repo = secretariat_repo(distributions=MISSING_PARTY, documents=[DOCUMENT])
    run = repo.check(*args, "--select", "DAT")
    assert run.triples() == [("DAT001", "distributions/row-2", ("distributions.csv:3",))]
    assert _message(run, "DAT001") == expected


@pytest.mark.parametrize(
    ("args", "expected", "not_selected"),
    [
        (
            (),
            "meetings.csv: filen er UTF-16; lagre den som UTF-8 (eller Windows-1252)",
            "ikke valgt",
        ),
        (
            ("--lang", "en"),
            "meetings.csv: the file is UTF-16; save it as UTF-8 (or Windows-1252)",
            "not selected",
        ),
    ],
)
def test_dat004_utf16_file(
    secretariat_repo: RepoFactory, args: tuple[str, ...], expected: str, not_selected: str
) -> None:
    repo = secretariat_repo(files={"meetings.csv": "id,body,date\n".encode("utf-16")})
    run = repo.check(*args, "--select", "DAT004")
    assert [t[:2] for t in run.triples()] == [("DAT004", "files/meetings")]
    assert _message(run, "DAT004") == expected
    rules = {r["id"]: r for r in run.report["rules"]}
    assert rules["DAT001"]["reason"] == not_selected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            (),
            "unntaket for SEK025 documents/D1 (godkjent av V-2024-012) gikk ut 2025-06-29; "
            "funnene er ikke lenger unntatt",
        ),
        (
            ("--lang", "en"),
            "the waiver of SEK025 documents/D1 (approved by V-2024-012) expired on "
            "2025-06-29; its findings are no longer waived",
        ),
    ],
)
def test_wav001_expired_waiver(
    secretariat_repo: RepoFactory, args: tuple[str, ...], expected: str
) -> None:
    repo = secretariat_repo(documents=[DOCUMENT], files={"waivers.yaml": EXPIRED})
    run = repo.check(*args, "--select", "SEK025")
    assert _message(run, "WAV001") == expected


def test_messages_render_in_both_languages() -> None:
    assert set(DATA_MESSAGES["nb"]) == set(DATA_MESSAGES["en"])
    assert all(key in MESSAGES["nb"] for key in DATA_MESSAGES["nb"])
    dangling = msg(
        "data.dangling_near", field="party", value="Askøy", ref="parties", near="'askoy'"
    )
    assert dangling.render("nb") == (
        "party 'Askøy' viser ikke til noen post i parties; mente du 'askoy'?"
    )
    assert dangling.render("en") == (
        "party 'Askøy' names no record of parties; did you mean 'askoy'?"
    )
    kept = msg("data.duplicate.first_used")
    duplicate = msg("data.duplicate_id", id="'M1'", count=2, where="a.csv:2, a.csv:3", kept=kept)
    assert duplicate.render("nb") == (
        "id-en 'M1' brukes av 2 poster (a.csv:2, a.csv:3); den første brukes"
    )
    assert duplicate.render("en") == (
        "id 'M1' is used by 2 records (a.csv:2, a.csv:3); the first is used"
    )
    assert DATA_RULES["DAT004"].title("nb") == "Fil som ikke kan leses"
    assert DATA_RULES["DAT004"].title("en") == "Unreadable file"


def test_a_bad_baseline_reads_in_bokmal(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_bytes(b'{"findings": 3}')
    with pytest.raises(UsageError) as info:
        load_baseline(baseline)
    assert str(info.value) == f"--baseline {baseline}: ikke en JSON-rapport fra secretariat-rules"
    with using_lang("en"):
        assert str(info.value) == f"--baseline {baseline}: not a secretariat-rules JSON report"
