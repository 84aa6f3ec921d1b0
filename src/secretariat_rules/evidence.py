"""Evidence packs: a zipped BagIt bag (RFC 8493) of one ``check`` run, and its verification.

:func:`build_pack` checks each data repository and bags what the check used: the
repository's files (``data/repository/<name>/``), the resolved ruleset's layer files
(``data/ruleset/<name>/``), the reports (JSON, HTML, and PDF when that reporter renders),
the tool and plugin versions and the source inventory. ``bag-info.txt`` is dated from
``as_of`` (no wall clock), and the zip has sorted entries with a fixed timestamp: the same
input gives the same bytes. :func:`verify_pack` opens a pack defensively (no absolute or
``..`` paths, no symlinks, bounded size and ratio), extracts it into a temporary
directory and validates the bag with bagit: every changed, missing or added file.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import stat
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import bagit  # the Library of Congress's bagit-python: RFC 8493 bags and their validation

from .api import check as run_check
from .api import load_dataset, resolve_ruleset
from .exceptions import ConfigurationError
from .findings import Result, Severity
from .i18n.message import msg
from .plugins import Registry
from .reporters.base import ReportOptions, dump_json, render_report
from .reporters.json import result_to_dict
from .schema.manifest import Period
from .version import __version__

MAX_PACK_MEMBERS = 100_000
"""Most entries a pack may hold."""
MAX_PACK_UNCOMPRESSED = 2 * 1024 * 1024 * 1024
"""Largest total uncompressed size of a pack (2 GiB)."""
MAX_PACK_RATIO = 200
"""Largest compression ratio of one entry (a zip bomb's is in the thousands)."""
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every entry's timestamp: the zip format's first date, so that no clock is in the bytes."""
REPORT_FORMATS = ("json", "html", "pdf")

logging.getLogger("bagit").disabled = True  # its English log lines; the verdict says it all


class PackError(ConfigurationError):
    """A file that is not an evidence pack (not a zip, a hostile zip, or not a bag)."""


@dataclass(frozen=True)
class PackRequest:
    """What the pack is of: ``check``'s options."""

    data_dirs: tuple[Path, ...]
    ruleset: str | None = None
    as_of: dt.date | None = None
    period: Period | None = None
    waivers: Path | None = None
    lang: str = "nb"
    fail_on: Severity | None = Severity.ERROR


@dataclass
class Pack:
    """A built pack: its bytes, the check's results, and what was left out (and why)."""

    data: bytes
    results: list[Result]
    left_out: list[str] = field(default_factory=list)


def _repository_files(root: Path) -> list[tuple[str, Path]]:
    """Every regular file under ``root`` (symlinks are not followed), sorted."""
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        found.append((path.relative_to(root).as_posix(), path))
    return found


def _payload(request: PackRequest, registry: Registry) -> tuple[dict[str, bytes], Pack]:
    files: dict[str, bytes] = {}
    results: list[Result] = []
    left_out: list[str] = []
    used: set[str] = set()
    for data_dir in request.data_dirs:
        result = run_check(
            data_dir,
            ruleset=request.ruleset,
            as_of=request.as_of,
            period=request.period,
            lang=request.lang,
            fail_on=request.fail_on,
            registry=registry,
            waivers=request.waivers,
        )
        results.append(result)
        name = data_dir.resolve().name or "repository"
        while name in used:
            name += "_"
        used.add(name)
        for relative, path in _repository_files(data_dir):
            files[f"repository/{name}/{relative}"] = path.read_bytes()
        if request.waivers is not None:
            files[f"repository/{name}/.waivers/{request.waivers.name}"] = (
                request.waivers.read_bytes()
            )
        ruleset = resolve_ruleset(
            request.ruleset, load_dataset(data_dir, registry=registry), registry
        )
        for index, layer in enumerate(ruleset.files):
            files[f"ruleset/{name}/{index:02d}-{layer.name}"] = layer.read_bytes()
        files[f"inventory/{name}.json"] = dump_json(
            result_to_dict(result).get("sources", [])
        ).encode()
    options = ReportOptions(request.lang)
    for fmt in REPORT_FORMATS:
        reporter = registry.reporters.get(fmt)
        if reporter is None:
            left_out.append(f"{fmt}: {msg('evidence.left_out.no_reporter')}")
            continue
        try:
            rendered = render_report(reporter, results, options)
        except (ConfigurationError, OSError, ImportError) as exc:
            left_out.append(f"{fmt}: {exc}")
            continue
        files[f"reports/report.{fmt}"] = (
            rendered if isinstance(rendered, bytes) else rendered.encode()
        )
    versions = {"tool": __version__, "plugins": registry.listing()}
    files["versions.json"] = dump_json(versions).encode()
    return files, Pack(b"", results, left_out)


def _bag_info(
    request: PackRequest, results: Sequence[Result], left_out: Sequence[str]
) -> dict[str, Any]:
    first = results[0]
    regions = sorted({r.region for r in results})
    info: dict[str, Any] = {
        "Bagging-Date": first.as_of,
        "Source-Organization": ", ".join(regions),
        "External-Identifier": f"secretariat-rules-{'-'.join(regions)}-{first.as_of}",
        "External-Description": msg(
            "evidence.description", ruleset=first.ruleset, as_of=first.as_of
        ).render(request.lang),
        "Bag-Software-Agent": f"secretariat-rules {__version__}",
        "Ruleset": ", ".join(sorted({r.ruleset for r in results})),
        "As-Of": first.as_of,
        "Period": f"{first.period_start}..{first.period_end}",
    }
    if left_out:
        info["Left-Out"] = list(left_out)
    return info


def build_pack(request: PackRequest, registry: Registry) -> Pack:
    """Check the repositories and bag the evidence; the zip's bytes are deterministic."""
    files, pack = _payload(request, registry)
    info = _bag_info(request, pack.results, pack.left_out)
    top = str(info["External-Identifier"])
    with tempfile.TemporaryDirectory(prefix="secretariat-evidence-") as tmp:
        bag_dir = Path(tmp) / top
        for relative, data in files.items():
            target = bag_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        bagit.make_bag(str(bag_dir), info, processes=1, checksums=["sha256"])
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(p for p in bag_dir.rglob("*") if p.is_file()):
                entry = zipfile.ZipInfo(f"{top}/{path.relative_to(bag_dir).as_posix()}", ZIP_DATE)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = (stat.S_IFREG | 0o644) << 16
                archive.writestr(entry, path.read_bytes())
    pack.data = buffer.getvalue()
    return pack


@dataclass(frozen=True)
class Verdict:
    """A pack's verification: intact, or its changed, missing and added files."""

    bag: str
    changed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def intact(self) -> bool:
        return not (self.changed or self.missing or self.added or self.problems)


def _safe_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    if len(members) > MAX_PACK_MEMBERS:
        raise PackError(msg("evidence.error.members", count=len(members), limit=MAX_PACK_MEMBERS))
    total = 0
    tops = set()
    for member in members:
        name = member.filename
        parts = PurePosixPath(name).parts
        if name.startswith(("/", "\\")) or "\\" in name or ".." in parts or ":" in name:
            raise PackError(msg("evidence.error.path", name=name))
        if stat.S_ISLNK(member.external_attr >> 16):
            raise PackError(msg("evidence.error.symlink", name=name))
        total += member.file_size
        if total > MAX_PACK_UNCOMPRESSED:
            raise PackError(msg("evidence.error.size", limit=MAX_PACK_UNCOMPRESSED))
        if member.file_size > MAX_PACK_RATIO * max(member.compress_size, 1024):
            raise PackError(msg("evidence.error.ratio", name=name, limit=MAX_PACK_RATIO))
        if parts:
            tops.add(parts[0])
    if len(tops) != 1 or any(
        len(PurePosixPath(m.filename).parts) < 2 and not m.is_dir() for m in members
    ):
        raise PackError(msg("evidence.error.top"))
    return members


def _extract(archive: zipfile.ZipFile, members: Sequence[zipfile.ZipInfo], into: Path) -> None:
    for member in members:
        target = into / member.filename
        if member.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with archive.open(member) as source, target.open("wb") as sink:
            while chunk := source.read(1 << 20):
                written += len(chunk)
                if written > member.file_size:  # a header that lies about the size
                    raise PackError(
                        msg("evidence.error.ratio", name=member.filename, limit=MAX_PACK_RATIO)
                    )
                sink.write(chunk)


def _relative(path: str, bag_dir: Path) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            return candidate.relative_to(bag_dir).as_posix()
        except ValueError:
            return candidate.as_posix()
    return PurePosixPath(path).as_posix()


def verify_pack(path: Path) -> Verdict:
    """Validate a pack: its structure, Payload-Oxum, every manifest's SHA-256, added files.

    :raises PackError: not a zip, a hostile one, or not a bag.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackError(msg("evidence.error.not_zip", path=str(path), reason=str(exc))) from None
    with archive, tempfile.TemporaryDirectory(prefix="secretariat-verify-") as tmp:
        members = _safe_members(archive)
        try:
            _extract(archive, members, Path(tmp))
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise PackError(
                msg("evidence.error.not_zip", path=str(path), reason=str(exc))
            ) from None
        top = PurePosixPath(members[0].filename).parts[0]
        bag_dir = Path(tmp) / top
        try:
            bag = bagit.Bag(str(bag_dir))
        except bagit.BagError as exc:
            raise PackError(
                msg("evidence.error.not_bag", path=str(path), reason=str(exc))
            ) from None
        changed: set[str] = set()
        missing: set[str] = set()
        added: set[str] = set()
        problems: list[str] = []
        try:
            bag._validate_oxum()  # bagit's validate() stops here: check it, then go on
        except bagit.BagValidationError as exc:
            problems.append(str(exc))
        for step in (bag._validate_completeness, lambda: bag._validate_entries(1)):
            try:
                step()
            except bagit.BagValidationError as exc:
                for detail in exc.details or ():
                    name = _relative(str(detail.path), bag_dir)
                    if isinstance(detail, bagit.ChecksumMismatch):
                        changed.add(name)
                    elif isinstance(detail, bagit.FileMissing):
                        missing.add(name)
                    elif isinstance(detail, bagit.UnexpectedFile):
                        added.add(name)
                if not exc.details:
                    problems.append(str(exc))
        changed -= missing  # bagit reports a missing file's checksum as failed too
        return Verdict(
            top,
            tuple(sorted(changed)),
            tuple(sorted(missing)),
            tuple(sorted(added)),
            tuple(problems),
        )
