"""A data repository's own defaults for ``check``: the manifest's ``check:`` section.

``fail_on``, ``lang``, ``select``/``ignore`` and ``reports`` (``FORMAT: PATH``) are
settled here, once per repository; an option given on the command line wins. The
selection is one choice: ``--select`` or ``--ignore`` replaces both of the manifest's.
``lang`` is the report's, taken from the first repository. A report path is relative to
its data repository and must stay inside it (like every path a repository names:
:mod:`.sources.confine`); ``--report`` on the command line replaces them all.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from .exceptions import ManifestError, Problem, UsageError
from .i18n.message import Msg, Text, msg
from .plugins import Registry
from .schema.manifest import CheckDefaults
from .sources.manifest import MANIFEST_NAME, build_manifest, read_manifest_data
from .yamlio import LineIndex


@dataclass(frozen=True)
class RepositoryDefaults:
    """The ``check:`` section of one repository, with where each value was written."""

    defaults: CheckDefaults
    index: LineIndex


def repository_defaults(data_dir: Path, registry: Registry) -> RepositoryDefaults:
    """Read the manifest of ``data_dir`` (region defaults applied) for its ``check:`` section.

    :raises ManifestError: the manifest is missing or invalid, with file:line (exit 2).
    """
    data, index = read_manifest_data(data_dir)
    manifest = build_manifest(data, index, registry.region_profiles)
    return RepositoryDefaults(manifest.check, index)


def selection(
    select: Sequence[str], ignore: Sequence[str], defaults: CheckDefaults
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The command line's ``--select``/``--ignore`` if it gave either, else the manifest's."""
    if select or ignore:
        return tuple(select), tuple(ignore)
    return tuple(defaults.select), tuple(defaults.ignore)


def report_targets(
    data_dir: Path, found: RepositoryDefaults, formats: Collection[str]
) -> list[tuple[str, Path]]:
    """The manifest's ``reports`` as ``(format, path)``, in the order written.

    :raises ManifestError: an unknown format, or a path that resolves outside the data
        repository or is a symbolic link; every problem at once, with file:line.
    """
    problems: list[Problem] = []
    targets: list[tuple[str, Path]] = []
    root = data_dir.resolve()
    for fmt, rel in found.defaults.reports.items():
        line = found.index.line(("check", "reports", fmt))
        if fmt not in formats:
            known = ", ".join(sorted(formats))
            message = msg("error.manifest.report_format", format=repr(fmt), known=known)
            problems.append(Problem(MANIFEST_NAME, line, message))
            continue
        path = data_dir / rel
        if path.is_symlink() or not path.resolve().is_relative_to(root):
            message = msg("error.manifest.report_outside", format=fmt, path=rel)
            problems.append(Problem(MANIFEST_NAME, line, message))
            continue
        targets.append((fmt, path))
    if problems:
        raise ManifestError(_invalid(data_dir), problems)
    return targets


def _invalid(data_dir: Path) -> Msg:
    return msg("error.manifest.invalid", path=str(data_dir / MANIFEST_NAME))


@dataclass(frozen=True)
class _WithoutPrefix(Msg):
    """A message rendered without its leading ``prefix`` (``--select ``), in any language."""

    prefix: str = ""

    def render(self, lang: str) -> str:
        return super().render(lang).removeprefix(self.prefix)


def _without_prefix(message: Text, prefix: str) -> Text:
    if isinstance(message, Msg):
        return _WithoutPrefix(message.key, message.values, prefix)
    return message.removeprefix(prefix)


def selection_error(
    exc: UsageError, data_dir: Path, found: RepositoryDefaults
) -> UsageError | ManifestError:
    """A selector of the manifest's ``check:`` that matches no rule, at its line.

    The engine words it for the command line (``--select SEK27: no rule id ...``); when
    the selection came from the manifest, it is the manifest's ``check.select`` instead.
    """
    message: Text = exc.args[0] if exc.args and isinstance(exc.args[0], Msg) else str(exc)
    text = message.render("en") if isinstance(message, Msg) else message
    for option, key in (("--select ", "select"), ("--ignore ", "ignore")):
        if text.startswith(option) and getattr(found.defaults, key):
            line = found.index.line(("check", key))
            detail = _without_prefix(message, option)
            problem = Problem(
                MANIFEST_NAME, line, msg("error.manifest.check_selector", field=key, detail=detail)
            )
            return ManifestError(_invalid(data_dir), [problem])
    return exc
