"""Hostile inputs for ``secretariat-rules check``, generated from small tables (issue 8).

Each :class:`HostileCase` starts from a copy of a clean fixture repository
(``fixtures/miljoloftet`` or, for the Excel/Noark 5 adapters, ``fixtures/miljoloftet-excel``),
alters it with ``mutate`` and names what a correct checker answers: the exit code, the
``(rule, subject)`` findings that must be present, and the collections whose findings may
differ from the clean run (``touched``). Every other finding must be exactly the clean
repository's. ``pending`` marks a case whose behaviour is not built yet (strict xfail).

The tables are grouped by category: encodings, CSV shapes, values, YAML, JSON, xlsx, XML,
repository structure, manifest, rulesets, CLI options (concurrency lives in the test).
"""

from __future__ import annotations

import dataclasses
import functools
import io
import os
import re
import textwrap
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
BASES = {"canonical": FIXTURES / "miljoloftet", "excel": FIXTURES / "miljoloftet-excel"}
SENTINEL = "HOSTILE-SENTINEL-7f3a9c"
"""Planted in files outside the repository (and in the environment); must never be reported."""


@dataclass
class Ctx:
    """Where a case runs: the repository copy and a directory outside it."""

    repo: Path
    outside: Path

    def path(self, name: str) -> Path:
        return self.repo / name


Mutate = Callable[[Ctx], None]


@dataclass(frozen=True)
class HostileCase:
    id: str
    category: str
    mutate: Mutate
    args: tuple[str, ...] = ()
    """Extra argv; ``{repo}`` and ``{outside}`` are replaced by the case's paths."""
    exit_code: int = 1
    findings: frozenset[tuple[str, str]] = frozenset()
    """(rule, subject) pairs that must be reported; a subject may end in ``*`` (a prefix)."""
    touched: frozenset[str] = frozenset()
    """Collections whose findings may differ from the clean run (besides ``findings``)."""
    base: str = "canonical"
    isolated: bool = False
    """Run in a subprocess (time, RSS and a kill on timeout): bombs, FIFOs, huge inputs."""
    memory_mb: int = 500
    security: bool = False
    """Write every report format and assert no byte of an outside file reaches any."""
    forbidden: tuple[str, ...] = ()
    """Strings (besides the sentinel) no output may contain."""
    stderr_contains: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    pending: str | None = None


def _f(*pairs: tuple[str, str]) -> frozenset[tuple[str, str]]:
    return frozenset(pairs)


# --------------------------------------------------------------------------- mutations


def read_text(ctx: Ctx, name: str) -> str:
    data = ctx.path(name).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def write(name: str, content: str | bytes) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        target = ctx.path(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")

    return mutate


def transform_bytes(name: str, fn: Callable[[str], bytes]) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        text = read_text(ctx, name)
        ctx.path(name).write_bytes(fn(text))

    return mutate


def replace(name: str, old: str, new: str, count: int = 1) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        text = read_text(ctx, name)
        assert old in text, f"{old!r} not in {name}"
        ctx.path(name).write_text(text.replace(old, new, count), encoding="utf-8")

    return mutate


def sub(name: str, pattern: str, new: str) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        text = read_text(ctx, name)
        result, n = re.subn(pattern, new, text, count=1, flags=re.M)
        assert n == 1, f"{pattern!r} not in {name}"
        ctx.path(name).write_text(result, encoding="utf-8")

    return mutate


def remove(name: str) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        ctx.path(name).unlink()

    return mutate


def rename(name: str, new: str) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        ctx.path(name).rename(ctx.path(new))

    return mutate


def symlink(name: str, target: str) -> Mutate:
    """Replace NAME by a symlink; ``{outside}`` in TARGET is the outside directory."""

    def mutate(ctx: Ctx) -> None:
        link = ctx.path(name)
        if link.exists() or link.is_symlink():
            link.unlink()
        link.symlink_to(target.format(outside=ctx.outside, repo=ctx.repo))

    return mutate


def mkdir(name: str) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        path = ctx.path(name)
        if path.exists():
            path.unlink()
        path.mkdir()
        (path / "x.csv").write_text("id\n1\n", encoding="utf-8")

    return mutate


def mkfifo(name: str) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        path = ctx.path(name)
        if path.exists():
            path.unlink()
        os.mkfifo(path)

    return mutate


def outside_file(name: str, content: str | bytes) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        path = ctx.outside / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return mutate


def outside_fifo(name: str) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        os.mkfifo(ctx.outside / name)

    return mutate


def outside_dir(name: str) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        (ctx.outside / name).mkdir()

    return mutate


def both(*mutations: Mutate) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        for m in mutations:
            m(ctx)

    return mutate


def nothing(ctx: Ctx) -> None:
    """The clean repository as it is (for command-line cases)."""


# --------------------------------------------------------------------------- payloads


def alias_bomb_under(key: str) -> str:
    """YAML mapping with the alias bomb nested under KEY."""
    lines = [f"{key}:"]
    lines.append("  a: &a [" + ",".join(["x"] * 10) + "]")
    for i in range(8):
        prev, cur = chr(97 + i), chr(98 + i)
        lines.append(f"  {cur}: &{cur} [" + ",".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def alias_bomb_list() -> str:
    """A list of records whose one record holds the alias bomb (10⁹ nodes expanded)."""
    return "- id: X\n" + textwrap.indent(alias_bomb_under("bomb"), "  ")


DEEP_YAML = "[" * 10000 + "]" * 10000 + "\n"
DEEP_JSON = "[" * 100000 + "]" * 100000
BINARY = bytes(range(256)) * 8
PASSWD_MARK = "root:x:0:0"


def billion_laughs() -> str:
    ents = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        ents.append(f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">')
    ents = [e.replace("&lol0;", "&lol;") for e in ents]
    return (
        "<?xml version='1.0'?>\n<!DOCTYPE arkiv [\n"
        + "\n".join(ents)
        + "\n]>\n<arkiv><tittel>&lol9;</tittel></arkiv>\n"
    )


def xxe(ctx: Ctx) -> None:
    (ctx.outside / "secret.txt").write_text(SENTINEL, encoding="utf-8")
    text = (
        "<?xml version='1.0'?>\n"
        f'<!DOCTYPE arkiv [<!ENTITY xxe SYSTEM "file://{ctx.outside}/secret.txt">]>\n'
    )
    original = read_text(ctx, "arkivstruktur.xml").split("\n", 1)[1]
    original = original.replace(
        "<tittel>Sekretariatet for Miljøløftet</tittel>", "<tittel>&xxe;</tittel>", 1
    )
    ctx.path("arkivstruktur.xml").write_text(text + original, encoding="utf-8")


def deep_xml() -> str:
    return "<?xml version='1.0'?>\n" + "<a>" * 100000 + "</a>" * 100000 + "\n"


# --- xlsx


def _workbook_bytes(rows: list[list[object]], far_cell: str | None = None) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    if far_cell:
        ws[far_cell] = "x"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


TOLL_ROWS: list[list[object]] = [
    ["id", "period", "project", "amount_nok"],
    ["BP-2023-07", "2023", "P-BYBANE-BT4", 4100000],
    ["BP-2024-01", "2024", "P-BYBANE-BT5", 38500000],
    ["BP-2024-02", "2024", "P-SYKKELSTAMVEG", 21750000],
    ["BP-2024-03", "2024", "P-FV562-ASKOY", 2400000],
    ["BP-2024-04", "2024", "P-KNARVIK-GSV", 6200000],
]


@functools.cache
def zip_bomb_bytes(inflated_mb: int = 400) -> bytes:
    """A workbook whose sheet XML inflates to INFLATED_MB of whitespace."""
    clean = _workbook_bytes(TOLL_ROWS)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(clean)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info, data)
                continue
            head, tail = data.split(b"<sheetData>", 1)
            with dst.open(zipfile.ZipInfo(info.filename), "w", force_zip64=True) as sheet:
                sheet.write(head + b"<sheetData>")
                chunk = b" " * (1 << 20)
                for _ in range(inflated_mb):
                    sheet.write(chunk)
                sheet.write(tail)
    return out.getvalue()


def xlsx(name: str, data: Callable[[], bytes], drop: str | None = None) -> Mutate:
    def mutate(ctx: Ctx) -> None:
        if drop:
            ctx.path(drop).unlink()
        ctx.path(name).write_bytes(data())

    return mutate


OLE_HEADER = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504
"""The start of an OLE compound file: what an encrypted (password-protected) xlsx is."""


# --------------------------------------------------------------------------- the tables

TOLL = "toll_usage.csv"
T_LINE2 = "BP-2023-07,2023,P-BYBANE-BT4,4100000"
T_LINE3 = "BP-2024-01,2024,P-BYBANE-BT5,38500000"
TOUCH_TOLL = frozenset({"toll_usage"})
DAT004_TOLL = _f(("DAT004", "files/toll_usage.csv"))
MISSING_ID_COLUMN = _f(("DAT001", "files/toll_usage.csv"))
"""A header whose ``id`` is mangled: one DAT001 on the file (SPEC §4), not one per row."""
EXP = "expenditures.csv"
EXP_ROW1 = "UTG-2024-001;31.01.2024;"
TOUCH_EXP = frozenset({"expenditures"})
REP = "representations.yaml"
TOUCH_REP = frozenset({"representations"})
ANA = "analyses.json"
TOUCH_ANA = frozenset({"analyses"})
MEETINGS_AND_DEPENDENTS = frozenset(
    {"meetings", "decisions", "documents", "followups", "deviations", "secretariat"}
    | {"representations", "periods", "expenditures", "analyses", "reports"}
)
"""Without meetings, decisions are left out, and every reference to one dangles."""


def encoding_cases() -> Iterator[HostileCase]:
    # (id, transform of the file's text to bytes, expected findings on toll_usage)
    table: list[tuple[str, Callable[[str], bytes], frozenset[tuple[str, str]], str | None]] = [
        ("utf16-bom", lambda t: t.encode("utf-16"), DAT004_TOLL, None),
        ("utf16le-no-bom", lambda t: t.encode("utf-16-le"), MISSING_ID_COLUMN, None),
        ("utf32", lambda t: t.encode("utf-32"), DAT004_TOLL, None),
        ("utf8-bom", lambda t: b"\xef\xbb\xbf" + t.encode(), _f(), None),
        ("cp1252", lambda t: t.encode("cp1252"), _f(), None),
        ("crlf", lambda t: t.replace("\n", "\r\n").encode(), _f(), None),
        ("cr-only", lambda t: t.replace("\n", "\r").encode(), _f(), None),
        (
            "mixed-line-endings",
            lambda t: t.replace("\n", "\r\n", 2).encode(),
            _f(),
            None,
        ),
        ("no-final-newline", lambda t: t.rstrip("\n").encode(), _f(), None),
        (
            "undefined-cp1252-byte",
            lambda t: t.encode() + b"BP-9,2024,P-X,\x81\n",
            DAT004_TOLL,
            None,
        ),
        (
            "nul-byte-in-amount",
            lambda t: t.replace("38500000", "3850\x000000").encode(),
            _f(("DAT001", "toll_usage/BP-2024-01")),
            None,
        ),
        (
            "nul-bytes-everywhere",
            lambda t: t.replace(",", "\x00,").encode(),
            MISSING_ID_COLUMN,
            None,
        ),
        (
            "utf8-bom-twice",
            lambda t: b"\xef\xbb\xbf\xef\xbb\xbf" + t.encode(),
            MISSING_ID_COLUMN,
            None,
        ),
    ]
    for cid, fn, expected, pending in table:
        yield HostileCase(
            f"encoding-{cid}",
            "encodings",
            transform_bytes(TOLL, fn),
            findings=expected,
            touched=TOUCH_TOLL if expected else frozenset(),
            pending=pending,
        )
    # Latin-1/cp1252 and invalid UTF-8 in a file with Norwegian letters (expenditures.csv).
    yield HostileCase(
        "encoding-cp1252-norwegian",
        "encodings",
        transform_bytes(
            EXP, lambda t: t.replace("\u2212", "-").replace("\u202f", " ").encode("cp1252")
        ),
    )
    yield HostileCase(
        "encoding-utf16-norwegian",
        "encodings",
        transform_bytes(EXP, lambda t: t.encode("utf-16")),
        findings=_f(("DAT004", "files/expenditures.csv")),
        touched=TOUCH_EXP,
    )
    yield HostileCase(
        "encoding-utf16-manifest",
        "encodings",
        transform_bytes("secretariat.yaml", lambda t: t.encode("utf-16")),
        exit_code=2,
        stderr_contains=("secretariat.yaml",),
    )
    yield HostileCase(
        "encoding-utf16-yaml-data",
        "encodings",
        transform_bytes(REP, lambda t: t.encode("utf-16")),
        findings=_f(("DAT004", "files/representations.yaml")),
        touched=TOUCH_REP,
    )
    yield HostileCase(
        "encoding-utf16-json-data",
        "encodings",
        transform_bytes(ANA, lambda t: t.encode("utf-16")),
        findings=_f(("DAT004", "files/analyses.json")),
        touched=TOUCH_ANA,
    )
    yield HostileCase(
        "encoding-bom-json-data",
        "encodings",
        transform_bytes(ANA, lambda t: b"\xef\xbb\xbf" + t.encode()),
    )


def csv_shape_cases() -> Iterator[HostileCase]:
    header = "id,period,project,amount_nok\n"
    table: list[tuple[str, Mutate, frozenset[tuple[str, str]], bool, str | None]] = [
        (
            "ragged-long-row",
            replace(TOLL, T_LINE3, T_LINE3 + ",extra,cells"),
            _f(("DAT001", "toll_usage/BP-2024-01")),
            False,
            None,
        ),
        (
            "ragged-short-row",
            replace(TOLL, T_LINE3, "BP-2024-01,2024"),
            _f(("DAT001", "toll_usage/BP-2024-01")),
            False,
            None,
        ),
        (
            "unterminated-quote",
            replace(TOLL, T_LINE3, 'BP-2024-01,"2024,P'),
            DAT004_TOLL,
            False,
            None,
        ),
        ("header-only", write(TOLL, header), _f(), False, None),
        ("empty-file", write(TOLL, ""), _f(), False, None),
        ("only-blank-lines", write(TOLL, "\n\n\n"), _f(), False, None),
        (
            "duplicate-header-column",
            write(TOLL, "id,period,project,amount_nok,id\n" + T_LINE2 + ",x\n"),
            DAT004_TOLL,
            False,
            None,
        ),
        (
            "100k-columns-header",
            write(TOLL, header.rstrip("\n") + "".join(f",c{i}" for i in range(100_000)) + "\n"),
            _f(("DAT004", "files/toll_usage.csv")),
            True,
            None,
        ),
        (
            "very-long-field",
            replace(TOLL, "38500000", "9" * 200 + "x" * 5_000_000),
            _f(("DAT001", "toll_usage/BP-2024-01")),
            True,
            None,
        ),
        (
            "quoted-newline-in-id",
            replace(TOLL, T_LINE3, '"BP-2024-01\nBP",2024,P-BYBANE-BT5,38500000'),
            _f(("DAT001", "toll_usage/*")),
            False,
            None,
        ),
        ("blank-lines-between-rows", replace(TOLL, T_LINE3, "\n\n" + T_LINE3), _f(), False, None),
        (
            "header-with-spaces-and-case",
            replace(TOLL, "id,period,project,amount_nok", " ID , Period ,project,amount_nok"),
            _f(),
            False,
            None,
        ),
        (
            "missing-required-column",
            write(TOLL, "id,period,project\nBP-2024-01,2024,P-BYBANE-BT5\n"),
            _f(("DAT001", "files/toll_usage.csv")),
            False,
            None,
        ),
        (
            "tab-delimited-in-csv",
            write(TOLL, header.replace(",", "\t") + T_LINE3.replace(",", "\t") + "\n"),
            _f(("DAT001", "files/toll_usage.csv")),
            False,
            None,
        ),
        (
            "formula-injection-cell",
            replace(TOLL, "P-BYBANE-BT5", '=HYPERLINK("http://evil")'),
            _f(("DAT003", "toll_usage/BP-2024-01")),
            False,
            None,
        ),
        (
            "duplicate-id-rows",
            replace(TOLL, T_LINE3, T_LINE3 + "\n" + T_LINE3),
            _f(("DAT002", "toll_usage/BP-2024-01")),
            False,
            None,
        ),
        (
            "50k-rows",
            both(
                write(
                    TOLL,
                    header + "".join(f"BP-X-{i},2024,P-BYBANE-BT5,{i}\n" for i in range(50_000)),
                )
            ),
            _f(),
            True,
            None,
        ),
    ]
    for cid, mutate, expected, isolated, pending in table:
        yield HostileCase(
            f"csv-{cid}",
            "csv",
            mutate,
            findings=expected,
            touched=TOUCH_TOLL,
            isolated=isolated,
            pending=pending,
        )


def value_cases() -> Iterator[HostileCase]:
    bad_amounts = {
        "nan": "nan",
        "NaN": "NaN",
        "inf": "inf",
        "minus-infinity": "-Infinity",
        "1e999": "1e999",
        "exponent": "1e5",
        "400-digits": "9" * 400,
        "hex": "0x10",
        "arabic-digits": "٣٨٥٠٠٠٠٠",
        "two-commas": "38,500,000",
        "letters": "mange penger",
        "whitespace-only": "   ",
        "nbsp-only": "\u00a0",
    }
    for cid, value in bad_amounts.items():
        quoted = f'"{value}"' if "," in value else value
        yield HostileCase(
            f"value-amount-{cid}",
            "values",
            replace(TOLL, "38500000", quoted),
            findings=_f(("DAT001", "toll_usage/BP-2024-01")),
            touched=TOUCH_TOLL,
        )
    for cid, value in {"negative-zero": "-0", "nbsp-thousands": "38\u00a0500\u00a0000"}.items():
        yield HostileCase(
            f"value-amount-{cid}",
            "values",
            replace(TOLL, "38500000", value),
            touched=TOUCH_TOLL,
        )
    bad_dates = {
        "31.02.2024": "31.02.2024",
        "2024-13-01": "2024-13-01",
        "year-0": "0000-01-01",
        "year-0-dotted": "01.01.0000",
        "29.02.2023": "29.02.2023",
        "five-digit-year": "31.01.20240",
        "garbage": "snart",
        "us-format": "01/31/2024",
    }
    for cid, value in bad_dates.items():
        yield HostileCase(
            f"value-date-{cid}",
            "values",
            replace(EXP, EXP_ROW1, f"UTG-2024-001;{value};"),
            findings=_f(("DAT001", "expenditures/UTG-2024-001")),
            touched=TOUCH_EXP,
        )
    # Datetimes: the first distribution of DOK-2024-010 (distributions.csv has no ids).
    bad_datetimes = {
        "offset-25h": "2024-02-06T15:10:00+25:00",
        "offset-garbage": "2024-02-06T15:10:00+ab:cd",
        "hour-25": "2024-02-06T25:10:00+01:00",
        "minute-61-dotted": "06.02.2024 14:61",
        "year-0": "0000-02-06T15:10:00+01:00",
    }
    for cid, value in bad_datetimes.items():
        yield HostileCase(
            f"value-datetime-{cid}",
            "values",
            sub(
                "distributions.csv", r"^DOK-2024-010,bergen,[^\n]*$", f"DOK-2024-010,bergen,{value}"
            ),
            findings=_f(("DAT001", "distributions/*")),
            touched=frozenset({"distributions", "documents"}),
        )
    bad_ids = {
        "bom": "\ufeffBP-2024-01",
        "nul": "BP-2024-01\x00",
        "zwsp": "BP-2024\u200b-01",
        "rtl-override": "BP-2024-01\u202e",
        "bell": "BP-2024-01\x07",
        "escape-sequence": "BP-2024-01\x1b[31m",
        # inside the id: a trailing U+2028 is surrounding whitespace, trimmed like a space
        "line-separator": "BP-2024\u2028-01",
    }
    for cid, value in bad_ids.items():
        yield HostileCase(
            f"value-id-{cid}",
            "values",
            replace(TOLL, "BP-2024-01,", value + ","),
            findings=_f(("DAT001", "toll_usage/*")),
            touched=TOUCH_TOLL,
        )
    yield HostileCase(
        "value-enum-near-miss",
        "values",
        replace(EXP, "annet;sekretariat;;V-2023-066", "bompengar;sekretariat;;V-2023-066"),
        findings=_f(("DAT001", "expenditures/UTG-2024-001")),
        touched=TOUCH_EXP,
    )
    yield HostileCase(
        "value-bool-garbage",
        "values",
        replace(REP, "  disputed: true", "  disputed: kanskje"),
        findings=_f(("DAT001", "representations/REP-2024-02")),
        touched=TOUCH_REP,
    )
    yield HostileCase(
        "value-year-0-indicator-report",
        "values",
        replace("indicator_reports.csv", "IR-2023-01,IND-01,2023,", "IR-2023-01,IND-01,0,"),
        findings=_f(("DAT001", "indicator_reports/IR-2023-01")),
        touched=frozenset({"indicator_reports"}),
    )
    yield HostileCase(
        "value-period-year-0",
        "values",
        replace(TOLL, T_LINE3, "BP-2024-01,0000,P-BYBANE-BT5,38500000"),
        findings=_f(("DAT001", "toll_usage/BP-2024-01")),
        touched=TOUCH_TOLL,
    )


def yaml_data_cases() -> Iterator[HostileCase]:
    dat004 = _f(("DAT004", "files/representations.yaml"))
    table: list[tuple[str, Mutate, frozenset[tuple[str, str]], bool]] = [
        # Data YAML is read from the node graph, never expanded: a 10⁹ bomb is one record
        # with a nested value (README, trust model); more aliases than the bound is DAT004.
        (
            "alias-bomb",
            write(REP, alias_bomb_list()),
            _f(("DAT001", "representations/X")),
            True,
        ),
        (
            "alias-count",
            write(REP, "- id: X\n  forum: &f x\n" + "".join(f"  k{i}: *f\n" for i in range(2000))),
            dat004,
            True,
        ),
        ("deep-nesting-flow", write(REP, DEEP_YAML), dat004, True),
        (
            "deep-nesting-block",
            write(REP, "".join("  " * i + "- \n" for i in range(3000)) + "  " * 3000 + "- x\n"),
            dat004,
            True,
        ),
        (
            "duplicate-key",
            replace(REP, "  date: 2024-03-14\n", "  date: 2024-03-14\n  date: 2024-03-15\n"),
            _f(("DAT001", "representations/REP-2024-01")),
            False,
        ),
        (
            "python-object-tag",
            replace(
                REP,
                "  forum: Byvekstkonferansen 2024",
                "  forum: !!python/object/apply:os.system ['touch PWNED']",
            ),
            _f(("DAT001", "representations/REP-2024-01")),
            False,
        ),
        ("binary", write(REP, BINARY), dat004, False),
        ("mapping-not-list", write(REP, "id: REP-1\ndate: 2024-01-01\n"), dat004, False),
        ("scalar-document", write(REP, "just text\n"), dat004, False),
        ("tab-indentation", write(REP, "- id: REP-1\n\tdate: 2024-01-01\n"), dat004, False),
        ("two-documents", write(REP, "- id: REP-1\n---\n- id: REP-2\n"), dat004, False),
        (
            "nested-value",
            replace(REP, "  forum: Byvekstkonferansen 2024", "  forum: {a: 1}"),
            _f(("DAT001", "representations/REP-2024-01")),
            False,
        ),
    ]
    for cid, mutate, expected, isolated in table:
        yield HostileCase(
            f"yaml-{cid}",
            "yaml",
            mutate,
            findings=expected,
            touched=TOUCH_REP,
            isolated=isolated,
        )
    # Small, legitimate anchors in data: the same records as the clean repository.
    yield HostileCase(
        "yaml-anchors-in-data",
        "yaml",
        both(
            replace(
                REP,
                "  mandate: Prinsipper for sekretariatets deltakelse i eksterne fora, "
                "styringsgruppen 24.11.2023",
                "  mandate: &m Prinsipper for sekretariatets deltakelse i eksterne fora, "
                "styringsgruppen 24.11.2023",
            ),
            replace(
                REP,
                "  mandate: Prinsipper for sekretariatets deltakelse i eksterne fora, "
                "styringsgruppen 24.11.2023",
                "  mandate: *m",
            ),
        ),
    )
    # Side files of the repository: waivers.yaml and attestations.yaml are configuration.
    for side in ("waivers.yaml", "attestations.yaml"):
        stem = side.split(".")[0]
        table2: list[tuple[str, str | bytes, bool]] = [
            ("alias-bomb", alias_bomb_under("x"), True),
            ("deep-nesting", DEEP_YAML, True),
            ("binary", BINARY, False),
            ("python-tag", "- !!python/object/apply:os.system ['touch PWNED']\n", False),
        ]
        for cid, content, isolated in table2:
            yield HostileCase(
                f"yaml-{stem}-{cid}",
                "yaml",
                write(side, content),
                exit_code=2,
                isolated=isolated,
                stderr_contains=(side,),
            )
    yield HostileCase(
        "yaml-waivers-duplicate-expires",
        "yaml",
        write(
            "waivers.yaml",
            "- rule: SEK009\n  subject: secretariat/miljoloftet\n  reason: avtale kommer\n"
            "  approved_by: V-2021-031\n  expires: 2020-01-01\n  expires: 2099-01-01\n",
        ),
        exit_code=2,
        stderr_contains=("waivers.yaml", "expires"),
    )
    yield HostileCase(
        "yaml-attestations-duplicate-answer",
        "yaml",
        replace("attestations.yaml", '  answer: "yes"\n', '  answer: "yes"\n  answer: "no"\n'),
        exit_code=2,
        stderr_contains=("attestations.yaml", "answer"),
    )


def json_cases() -> Iterator[HostileCase]:
    dat004 = _f(("DAT004", "files/analyses.json"))
    ana001 = _f(("DAT001", "analyses/ANA-2023-04"))
    first = '"amount_nok": 280000'
    table: list[tuple[str, Mutate, frozenset[tuple[str, str]], bool]] = [
        ("deep-nesting", write(ANA, DEEP_JSON), dat004, True),
        (
            "deep-nesting-in-record",
            replace(ANA, first, '"amount_nok": ' + "[" * 50000 + "]" * 50000),
            dat004,
            True,
        ),
        (
            "huge-exponent",
            replace(ANA, first, '"amount_nok": 1E+99999999999'),
            _f(("DAT001", "analyses/ANA-2023-04")),
            True,
        ),
        (
            "huge-negative-exponent",
            replace(ANA, first, '"amount_nok": 1E-99999999999'),
            _f(("DAT001", "analyses/ANA-2023-04")),
            True,
        ),
        (
            "400-digit-int",
            replace(ANA, first, '"amount_nok": ' + "9" * 400),
            _f(("DAT001", "analyses/ANA-2023-04")),
            False,
        ),
        ("5000-digit-int", replace(ANA, first, '"amount_nok": ' + "9" * 5000), ana001, True),
        (
            "1e999",
            replace(ANA, first, '"amount_nok": 1e999'),
            _f(("DAT001", "analyses/ANA-2023-04")),
            False,
        ),
        (
            "lone-surrogate",
            replace(ANA, '"title": "Ringvirkninger', '"title": "\\ud800Ringvirkninger'),
            _f(("DAT001", "analyses/ANA-2023-04")),
            False,
        ),
        ("nan-literal", replace(ANA, first, '"amount_nok": NaN'), dat004, False),
        ("infinity-literal", replace(ANA, first, '"amount_nok": -Infinity'), dat004, False),
        (
            "trailing-garbage",
            transform_bytes(ANA, lambda t: (t.rstrip() + "\n}garbage\n").encode()),
            dat004,
            False,
        ),
        (
            "object-not-list",
            write(ANA, '{"id": "ANA-1", "title": "x", "ordered": "2024-01-01"}'),
            dat004,
            False,
        ),
        ("list-of-scalars", write(ANA, "[1, 2, 3]"), _f(("DAT001", "analyses/row-*")), False),
        ("truncated", transform_bytes(ANA, lambda t: t[: len(t) // 2].encode()), dat004, False),
        ("binary", write(ANA, BINARY), dat004, False),
        ("duplicate-key", replace(ANA, first, first + ', "amount_nok": 1'), ana001, False),
        (
            "nested-object-value",
            replace(ANA, first, '"amount_nok": {"a": 1}'),
            _f(("DAT001", "analyses/ANA-2023-04")),
            False,
        ),
        (
            "nul-in-id",
            replace(ANA, '"id": "ANA-2023-04"', '"id": "ANA-2023-04\\u0000"'),
            _f(("DAT001", "analyses/*")),
            False,
        ),
    ]
    for cid, mutate, expected, isolated in table:
        yield HostileCase(
            f"json-{cid}",
            "json",
            mutate,
            findings=expected,
            touched=TOUCH_ANA,
            isolated=isolated,
        )
    yield HostileCase("json-empty-array", "json", write(ANA, "[]"), touched=TOUCH_ANA)
    yield HostileCase("json-null-document", "json", write(ANA, "null"), touched=TOUCH_ANA)


def xlsx_cases() -> Iterator[HostileCase]:
    dat004 = _f(("DAT004", "files/toll_usage.xlsx"))
    table: list[tuple[str, Callable[[], bytes], frozenset[tuple[str, str]], bool]] = [
        ("equivalent-workbook", lambda: _workbook_bytes(TOLL_ROWS), _f(), False),
        ("cell-at-XFD1048576", lambda: _workbook_bytes(TOLL_ROWS, "XFD1048576"), dat004, True),
        ("zip-bomb-sheet", zip_bomb_bytes, dat004, True),
        ("not-a-zip", lambda: b"id,period\nBP-1,2024\n", dat004, False),
        ("encrypted-ole", lambda: OLE_HEADER, dat004, False),
        ("garbage", lambda: BINARY, dat004, False),
        ("empty-file", lambda: b"", dat004, False),
        ("zip-without-workbook", _zip_without_workbook, dat004, False),
        ("empty-first-sheet", lambda: _workbook_bytes([]), _f(), False),
    ]
    for cid, data, expected, isolated in table:
        yield HostileCase(
            f"xlsx-{cid}",
            "xlsx",
            xlsx("toll_usage.xlsx", data, drop=TOLL),
            findings=expected,
            touched=TOUCH_TOLL,
            isolated=isolated,
            memory_mb=1000,
        )
    # The follow-up workbook of the Excel adapter.
    excel_touched = MEETINGS_AND_DEPENDENTS
    for cid, data, isolated in [
        ("followup-not-a-zip", lambda: b"not a workbook", False),
        ("followup-zip-bomb", zip_bomb_bytes, True),
        ("followup-far-cell", lambda: _workbook_bytes(TOLL_ROWS, "XFD1048576"), True),
    ]:
        yield HostileCase(
            f"xlsx-{cid}",
            "xlsx",
            xlsx("oppfolging.xlsx", data),
            findings=_f(("DAT004", "files/meetings")),  # files/COLLECTION (README)
            touched=excel_touched,
            base="excel",
            isolated=isolated,
            memory_mb=1000,
        )


def _zip_without_workbook() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "hello")
    return out.getvalue()


def xml_cases() -> Iterator[HostileCase]:
    touched = frozenset({"documents", "distributions", "meetings", "decisions"})
    dat004 = _f(("DAT004", "files/documents"))  # files/COLLECTION (README)
    table: list[tuple[str, Mutate, bool, bool]] = [
        ("billion-laughs", write("arkivstruktur.xml", billion_laughs()), True, False),
        ("xxe-outside-file", xxe, False, True),
        ("deep-nesting", write("arkivstruktur.xml", deep_xml()), True, False),
        ("not-xml", write("arkivstruktur.xml", "this is not xml\n"), False, False),
        (
            "truncated",
            transform_bytes("arkivstruktur.xml", lambda t: t[: len(t) // 2].encode()),
            False,
            False,
        ),
        ("binary", write("arkivstruktur.xml", BINARY), False, False),
        (
            "utf16",
            transform_bytes(
                "arkivstruktur.xml", lambda t: t.replace("UTF-8", "UTF-16").encode("utf-16")
            ),
            False,
            False,
        ),
    ]
    for cid, mutate, isolated, security in table:
        yield HostileCase(
            f"xml-{cid}",
            "xml",
            mutate,
            findings=dat004 if cid != "utf16" else _f(),
            touched=touched if cid != "utf16" else frozenset(),
            base="excel",
            isolated=isolated,
            security=security,
        )
    # No lost records: a broken archive extract keeps documents.csv's records.
    yield HostileCase(
        "xml-broken-keeps-other-files",
        "xml",
        both(
            write("arkivstruktur.xml", "not xml"),
            replace("documents.csv", "DOK-2024-045;", "DOK-2024-045;", 1),
            sub("documents.csv", r"^(DOK-2024-045;[^;]*;)[^;]*;", r"\1memo;"),
        ),
        findings=_f(("DAT004", "files/documents"), ("DAT001", "documents/DOK-2024-045")),
        touched=touched,
        base="excel",
    )


def structure_cases() -> Iterator[HostileCase]:
    secret_csv = f"id,period,project,amount_nok\n{SENTINEL},2024,{SENTINEL},{SENTINEL}\n"
    plant = outside_file("secret.csv", secret_csv)
    table: list[tuple[str, Mutate, str, frozenset[str], bool, bool]] = [
        # (id, mutate, file, touched, security, isolated)
        (
            "symlink-to-outside-file",
            both(plant, symlink(TOLL, "{outside}/secret.csv")),
            TOLL,
            TOUCH_TOLL,
            True,
            False,
        ),
        (
            "relative-symlink-to-outside",
            both(plant, symlink(TOLL, "../outside/secret.csv")),
            TOLL,
            TOUCH_TOLL,
            True,
            False,
        ),
        (
            "symlink-to-etc-passwd",
            symlink("meetings.csv", "/etc/passwd"),
            "meetings.csv",
            MEETINGS_AND_DEPENDENTS,
            True,
            False,
        ),
        (
            "symlink-to-proc-environ",
            symlink(TOLL, "/proc/self/environ"),
            TOLL,
            TOUCH_TOLL,
            True,
            True,
        ),
        (
            "symlink-inside-repository",
            both(write("data/toll.csv", "id\n"), symlink(TOLL, "data/toll.csv")),
            TOLL,
            TOUCH_TOLL,
            False,
            False,
        ),
        (
            "dangling-symlink",
            symlink(TOLL, "{outside}/does-not-exist.csv"),
            TOLL,
            TOUCH_TOLL,
            False,
            False,
        ),
        (
            "symlink-loop",
            symlink(TOLL, TOLL),
            TOLL,
            TOUCH_TOLL,
            False,
            False,
        ),
        (
            "symlink-to-directory",
            both(outside_dir("d"), symlink(TOLL, "{outside}/d")),
            TOLL,
            TOUCH_TOLL,
            False,
            False,
        ),
        (
            "symlink-yaml-to-outside",
            both(
                outside_file("secret.yaml", f"- id: {SENTINEL}\n"),
                symlink(REP, "{outside}/secret.yaml"),
            ),
            REP,
            TOUCH_REP,
            True,
            False,
        ),
        (
            "symlink-json-to-outside",
            both(
                outside_file("secret.json", f'[{{"id": "{SENTINEL}"}}]'),
                symlink(ANA, "{outside}/secret.json"),
            ),
            ANA,
            TOUCH_ANA,
            True,
            False,
        ),
        ("directory-named-collection", mkdir(TOLL), TOLL, TOUCH_TOLL, False, False),
        (
            "directory-named-meetings",
            mkdir("meetings.csv"),
            "meetings.csv",
            MEETINGS_AND_DEPENDENTS,
            False,
            False,
        ),
        ("fifo-named-collection", mkfifo(TOLL), TOLL, TOUCH_TOLL, False, True),
        (
            "fifo-named-meetings",
            mkfifo("meetings.csv"),
            "meetings.csv",
            MEETINGS_AND_DEPENDENTS,
            False,
            True,
        ),
        ("device-named-collection", symlink(TOLL, "/dev/zero"), TOLL, TOUCH_TOLL, False, True),
    ]
    for cid, mutate, name, touched, security, isolated in table:
        yield HostileCase(
            f"structure-{cid}",
            "structure",
            mutate,
            findings=_f(("DAT004", f"files/{name}")),
            touched=touched,
            security=security,
            forbidden=(PASSWD_MARK,) if "passwd" in cid else (),
            env=(("HOSTILE_SECRET", SENTINEL),) if "environ" in cid else (),
            isolated=isolated,
        )
    # Names that match no collection: one warning naming the file (and the closest).
    for cid, new in [
        ("typo-name", "tol_usage.csv"),
        ("upper-case-name", "TOLL_USAGE.CSV"),
        ("wrong-extension", "toll_usage.tsv"),
        ("txt-extension", "toll_usage.txt"),
    ]:
        yield HostileCase(
            f"structure-{cid}",
            "structure",
            rename(TOLL, new),
            findings=_f(("DAT005", f"files/{new}")),
            touched=TOUCH_TOLL,
        )
    yield HostileCase(
        "structure-meetngs-typo",
        "structure",
        rename("meetings.csv", "meetngs.csv"),
        findings=_f(("DAT005", "files/meetngs.csv")),
        touched=MEETINGS_AND_DEPENDENTS,
    )
    yield HostileCase(
        "structure-two-files-one-collection",
        "structure",
        write("toll_usage.json", "[]"),
        findings=_f(("DAT004", "files/toll_usage.json")),
        touched=TOUCH_TOLL,
    )
    yield HostileCase(
        "structure-yaml-and-yml",
        "structure",
        write("representations.yml", "[]\n"),
        findings=_f(("DAT004", "files/representations.yml")),
        touched=TOUCH_REP,
    )
    yield HostileCase("structure-git-directory", "structure", write(".git/config", "[core]\n"))
    yield HostileCase(
        "structure-manifest-symlink-outside",
        "structure",
        both(
            outside_file("manifest.yaml", f"region: {SENTINEL}\n"),
            symlink("secretariat.yaml", "{outside}/manifest.yaml"),
        ),
        exit_code=2,
        security=True,
    )
    yield HostileCase(
        "structure-manifest-directory",
        "structure",
        both(remove("secretariat.yaml"), lambda ctx: ctx.path("secretariat.yaml").mkdir()),
        exit_code=2,
    )
    yield HostileCase(
        "structure-manifest-fifo",
        "structure",
        mkfifo("secretariat.yaml"),
        exit_code=2,
        isolated=True,
    )


MANIFEST = "secretariat.yaml"


def manifest_cases() -> Iterator[HostileCase]:
    org = 'org_number: "964338531"'
    table: list[tuple[str, Mutate, tuple[str, ...], bool, bool]] = [
        # (id, mutate, stderr must contain, isolated, security)
        ("missing", remove(MANIFEST), ("secretariat.yaml",), False, False),
        ("empty", write(MANIFEST, ""), ("secretariat.yaml",), False, False),
        (
            "not-a-mapping",
            write(MANIFEST, "- region: miljoloftet\n"),
            ("secretariat.yaml",),
            False,
            False,
        ),
        ("scalar", write(MANIFEST, "miljoloftet\n"), ("secretariat.yaml",), False, False),
        ("binary", write(MANIFEST, BINARY), ("secretariat.yaml",), False, False),
        (
            "region-near-miss",
            replace(MANIFEST, "region: miljoloftet", "region: miljøløftet"),
            ("miljoloftet",),
            False,
            False,
        ),
        (
            "region-upper-case",
            replace(MANIFEST, "region: miljoloftet", "region: Miljoloftet"),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "region-with-nul",
            replace(MANIFEST, "region: miljoloftet", 'region: "miljoloftet\\0"'),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "bad-org-number-mod11",
            replace(MANIFEST, org, 'org_number: "964338532"'),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "org-number-letters",
            replace(MANIFEST, org, 'org_number: "96433853X"'),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "ruleset-outside-path",
            both(
                outside_file("r.yaml", f"{SENTINEL}: [\n{SENTINEL}\n"),
                replace(MANIFEST, "ruleset: miljoloftet", "ruleset: ../outside/r.yaml"),
            ),
            ("outside the data repository",),
            False,
            True,
        ),
        (
            "ruleset-absolute-passwd",
            replace(MANIFEST, "ruleset: miljoloftet", "ruleset: /etc/passwd"),
            ("outside the data repository",),
            False,
            True,
        ),
        (
            "ruleset-fifo",
            both(mkfifo("r.yaml"), replace(MANIFEST, "ruleset: miljoloftet", "ruleset: r.yaml")),
            ("r.yaml",),
            True,
            False,
        ),
        (
            "waivers-outside-path",
            replace(
                MANIFEST, "ruleset: miljoloftet", "ruleset: miljoloftet\nwaivers: ../outside/w.yaml"
            ),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "as-of-invalid-date",
            replace(MANIFEST, "as_of: 2025-06-30", "as_of: 2025-02-30"),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "as-of-year-0",
            replace(MANIFEST, "as_of: 2025-06-30", "as_of: 0000-01-01"),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "as-of-garbage",
            replace(MANIFEST, "as_of: 2025-06-30", "as_of: snart"),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "period-year-0",
            replace(MANIFEST, "start: 2024-01-01", "start: 0000-01-01"),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "period-reversed",
            replace(MANIFEST, "start: 2024-01-01", "start: 2025-01-01"),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "authority-nan",
            replace(MANIFEST, "delegated_authority_nok: 500000", "delegated_authority_nok: .nan"),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "authority-inf",
            replace(MANIFEST, "delegated_authority_nok: 500000", "delegated_authority_nok: .inf"),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "authority-minus-inf",
            replace(MANIFEST, "delegated_authority_nok: 500000", "delegated_authority_nok: -.inf"),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "authority-1e999",
            replace(
                MANIFEST, "delegated_authority_nok: 500000", 'delegated_authority_nok: "1e999"'
            ),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "authority-400-digits",
            replace(
                MANIFEST, "delegated_authority_nok: 500000", "delegated_authority_nok: " + "9" * 400
            ),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "channel-broken-ipv6",
            replace(MANIFEST, '"https://www.miljoloftet.no"', '"http://[::1"'),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "channel-nested",
            replace(MANIFEST, '"https://www.miljoloftet.no"', "{a: 1}"),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "duplicate-key",
            replace(MANIFEST, "as_of: 2025-06-30", "as_of: 2025-06-30\nas_of: 2026-06-30"),
            ("secretariat.yaml", "as_of"),
            False,
            False,
        ),
        (
            "alias-bomb",
            transform_bytes(MANIFEST, lambda t: (t + alias_bomb_under("bomb")).encode()),
            ("secretariat.yaml",),
            True,
            False,
        ),
        (
            "deep-nesting",
            transform_bytes(MANIFEST, lambda t: (t + "bomb: " + DEEP_YAML).encode()),
            ("secretariat.yaml",),
            True,
            False,
        ),
        (
            "python-tag",
            replace(
                MANIFEST,
                "name: Miljøløftet",
                "name: !!python/object/apply:os.system ['touch PWNED']",
            ),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "unknown-key",
            replace(MANIFEST, "name: Miljøløftet", "name: Miljøløftet\nnmae: typo"),
            ("nmae",),
            False,
            False,
        ),
        (
            "party-kind-unknown",
            replace(MANIFEST, "kind: kommune", "kind: kommmune"),
            ("secretariat.yaml",),
            False,
            False,
        ),
        (
            "source-unknown",
            replace(MANIFEST, "source: canonical", "source: canonicall"),
            ("canonical",),
            False,
            False,
        ),
        (
            "invalid-yaml",
            replace(MANIFEST, "name: Miljøløftet", "name: [Miljøløftet"),
            ("secretariat.yaml",),
            False,
            False,
        ),
    ]
    for cid, mutate, stderr, isolated, security in table:
        yield HostileCase(
            f"manifest-{cid}",
            "manifest",
            mutate,
            exit_code=2,
            stderr_contains=stderr,
            isolated=isolated,
            security=security,
            forbidden=(PASSWD_MARK,) if "passwd" in cid else (),
        )


RULESET_HEAD = "ruleset: hostile\nextends: national\n"


def ruleset_cases() -> Iterator[HostileCase]:
    eval_rule = (
        RULESET_HEAD + "rules:\n  - id: SEK900\n    name: evil\n    clause: 1a\n    modal: skal\n"
        "    title: {nb: x, en: x}\n    message: {nb: x, en: x}\n    guideline: x\n"
        "    semantics: {nb: x, en: x}\n"
        "    check:\n      kind: record\n      collection: documents\n      require:\n"
        "        - that: {eval: \"__import__('os').system('touch {outside}/PWNED')\"}\n"
    )
    field_eval = eval_rule.replace(
        "{eval: \"__import__('os').system('touch {outside}/PWNED')\"}",
        "{field: \"__import__('os').system('touch {outside}/PWNED')\", eq: 1}",
    )
    table: list[tuple[str, Mutate, bool]] = [
        ("invalid-yaml", outside_file("r.yaml", RULESET_HEAD + "rules: [\n"), False),
        ("alias-bomb", outside_file("r.yaml", RULESET_HEAD + alias_bomb_under("bomb")), True),
        ("deep-nesting", outside_file("r.yaml", RULESET_HEAD + "rules: " + DEEP_YAML), True),
        (
            "unknown-check-kind",
            outside_file(
                "r.yaml",
                RULESET_HEAD + "rules:\n  - {id: SEK025, reason: x,"
                " check: {kind: shell, command: 'touch PWNED'}}\n",
            ),
            False,
        ),
        (
            "python-tag",
            outside_file(
                "r.yaml", RULESET_HEAD + "rules: !!python/object/apply:os.system ['touch PWNED']\n"
            ),
            False,
        ),
        (
            "condition-eval",
            lambda ctx: (ctx.outside / "r.yaml").write_text(
                eval_rule.replace("{outside}", str(ctx.outside)), encoding="utf-8"
            ),
            False,
        ),
        (
            "field-eval",
            lambda ctx: (ctx.outside / "r.yaml").write_text(
                field_eval.replace("{outside}", str(ctx.outside)), encoding="utf-8"
            ),
            False,
        ),
        ("duplicate-key", outside_file("r.yaml", RULESET_HEAD + "rules: []\nrules: []\n"), False),
        ("binary", outside_file("r.yaml", BINARY), False),
        ("utf16", outside_file("r.yaml", (RULESET_HEAD + "rules: []\n").encode("utf-16")), False),
        ("directory", outside_dir("r.yaml"), False),
        ("fifo", outside_fifo("r.yaml"), True),
        ("missing", nothing, False),
        (
            "extends-outside-chain",
            outside_file("r.yaml", "ruleset: hostile\nextends: /etc/passwd\nrules: []\n"),
            False,
        ),
        (
            "params-nan",
            outside_file(
                "r.yaml",
                RULESET_HEAD
                + "rules:\n  - {id: SEK025, reason: x, params: {archive_within_days: .nan}}\n",
            ),
            False,
        ),
        (
            "params-huge",
            outside_file(
                "r.yaml",
                RULESET_HEAD
                + "rules:\n  - {id: SEK025, reason: x, params: {archive_within_days: "
                + "9" * 400
                + "}}\n",
            ),
            False,
        ),
    ]
    for cid, mutate, isolated in table:
        yield HostileCase(
            f"ruleset-{cid}",
            "rulesets",
            mutate,
            args=("--ruleset", "{outside}/r.yaml"),
            exit_code=2,
            isolated=isolated,
            stderr_contains=("passwd",) if "extends" in cid else ("r.yaml",),
            forbidden=(PASSWD_MARK,),
        )
    yield HostileCase(
        "ruleset-name-near-miss",
        "rulesets",
        nothing,
        args=("--ruleset", "miljøløftet"),
        exit_code=2,
        stderr_contains=("miljoloftet",),
    )


def cli_cases() -> Iterator[HostileCase]:
    baseline = "{outside}/baseline.json"
    table: list[tuple[str, Mutate, tuple[str, ...], int, bool]] = [
        ("period-0000", nothing, ("--period", "0000"), 2, False),
        ("period-reversed", nothing, ("--period", "2024-12-31..2024-01-01"), 2, False),
        ("period-garbage", nothing, ("--period", "i fjor"), 2, False),
        ("period-huge-year", nothing, ("--period", "99999999999999999999"), 2, False),
        ("as-of-0000", nothing, ("--as-of", "0000-01-01"), 2, False),
        ("as-of-31.02", nothing, ("--as-of", "31.02.2025"), 2, False),
        ("as-of-nul", nothing, ("--as-of", "2025-06-30\x00"), 2, False),
        ("as-of-dotted-accepted", nothing, ("--as-of", "30.06.2025"), 1, False),
        ("baseline-fifo", outside_fifo("baseline.json"), ("--baseline", baseline), 2, True),
        (
            "baseline-binary",
            outside_file("baseline.json", BINARY),
            ("--baseline", baseline),
            2,
            False,
        ),
        (
            "baseline-latin1",
            outside_file("baseline.json", '{"findings": "bl\u00e5b\u00e6r"}'.encode("latin-1")),
            ("--baseline", baseline),
            2,
            False,
        ),
        ("baseline-directory", outside_dir("baseline.json"), ("--baseline", baseline), 2, False),
        ("baseline-missing", nothing, ("--baseline", baseline), 2, False),
        (
            "baseline-wrong-shape",
            outside_file("baseline.json", "[1, 2, 3]"),
            ("--baseline", baseline),
            2,
            False,
        ),
        (
            "baseline-deep-json",
            outside_file("baseline.json", DEEP_JSON),
            ("--baseline", baseline),
            2,
            True,
        ),
        (
            "baseline-huge-exponent",
            outside_file("baseline.json", '{"findings": [1E+99999999999]}'),
            ("--baseline", baseline),
            2,
            True,
        ),
        ("waivers-fifo", outside_fifo("w.yaml"), ("--waivers", "{outside}/w.yaml"), 2, True),
        (
            "waivers-binary",
            outside_file("w.yaml", BINARY),
            ("--waivers", "{outside}/w.yaml"),
            2,
            False,
        ),
        (
            "waivers-alias-bomb",
            outside_file("w.yaml", alias_bomb_under("x")),
            ("--waivers", "{outside}/w.yaml"),
            2,
            True,
        ),
        ("waivers-directory", outside_dir("w.yaml"), ("--waivers", "{outside}/w.yaml"), 2, False),
        ("output-missing-dir", nothing, ("--output", "{out}/no/such/dir/report.json"), 1, False),
        ("output-is-directory", outside_dir("outdir"), ("--output", "{outside}/outdir"), 2, False),
        ("report-empty-path", nothing, ("--report", "junit="), 2, False),
        ("report-no-equals", nothing, ("--report", "junit"), 2, False),
        ("report-unknown-format", nothing, ("--report", "docx={outside}/r.docx"), 2, False),
        ("report-empty-format", nothing, ("--report", "={outside}/r.xml"), 2, False),
        ("format-unknown", nothing, ("--format", "yaml"), 2, False),
        ("select-unknown-rule", nothing, ("--select", "SEK999"), 2, False),
        ("select-nul", nothing, ("--select", "SEK0\x0001"), 2, False),
        ("lang-unknown", nothing, ("--lang", "sv"), 2, False),
        ("fail-on-unknown", nothing, ("--fail-on", "panic"), 2, False),
        ("data-dir-missing", nothing, ("{outside}/no-such-repo",), 2, False),
        ("data-dir-is-file", outside_file("file.txt", "x"), ("{outside}/file.txt",), 2, False),
    ]
    for cid, mutate, args, code, isolated in table:
        yield HostileCase(
            f"cli-{cid}",
            "cli",
            mutate,
            args=args,
            exit_code=code,
            isolated=isolated,
        )


PENDING: dict[str, str] = {}
"""Case id → what is not built yet (the case is a strict xfail until it is)."""


def all_cases() -> list[HostileCase]:
    cases = [
        *encoding_cases(),
        *csv_shape_cases(),
        *value_cases(),
        *yaml_data_cases(),
        *json_cases(),
        *xlsx_cases(),
        *xml_cases(),
        *structure_cases(),
        *manifest_cases(),
        *ruleset_cases(),
        *cli_cases(),
    ]
    cases = [dataclasses.replace(c, pending=PENDING[c.id]) if c.id in PENDING else c for c in cases]
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)), "hostile case ids must be unique"
    return cases


@dataclass
class Outcome:
    """What one run produced."""

    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    rss_mb: float | None = None
    crashed: str | None = None
    outputs: dict[str, bytes] = field(default_factory=dict)
