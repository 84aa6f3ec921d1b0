"""GitHub Actions annotations: one workflow command per finding (``--format github``).

For repositories without code scanning (SARIF): printed in a workflow step, each line
``::error file=PATH,line=N,title=RULE NAME::MESSAGE`` becomes an annotation on the file
and line in the run's summary and the pull request's diff.

- **Level**: ``error``, ``warning`` or ``notice`` (for ``info``) by the finding's
  severity. A finding the baseline holds (it does not fail the run) is a ``notice``
  whose title ends with the baseline label. A waived finding is left out (it is
  accepted and does not fail the run); the summary counts it.
- **file** is relative to the workspace root, as GitHub needs: the data repository as
  given on the command line joined with the finding's path (``data/documents.csv``;
  ``documents.csv`` for ``check .``). The first location is annotated; a finding without
  one points at the repository's ``secretariat.yaml``. ``line`` is given when known.
- **Escaping** as GitHub's toolkit does (``@actions/core``): ``%``, CR and LF as
  ``%25``, ``%0D``, ``%0A`` in the message; additionally ``:`` and ``,`` as ``%3A`` and
  ``%2C`` in property values (``file``, ``title``).
- GitHub shows at most 10 annotations of each level per step (50 per job); the log
  keeps every line.
- Repositories in command-line order, findings by rule, subject and fingerprint; after
  the annotations, one plain summary line per repository (escaped like a message, so
  nothing from a path can start a workflow command). No timestamps: equal input
  gives byte-identical output.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from ..findings import Finding, Result, Severity
from ..i18n.catalog import t
from ..markers import hookimpl
from .base import Reporter, ReportOptions, repository_path
from .summary import summary_line

COMMANDS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}
"""The workflow command of each severity."""

MANIFEST = "secretariat.yaml"
"""Where a finding without a location points: the data repository's manifest."""


def escape_data(text: str) -> str:
    """A command's message, escaped as GitHub's toolkit does (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: the message escapes, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(data_dir: str, path: str) -> str:
    """``path`` (relative to the data repository) relative to the workspace root."""
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return posix
    repo = repository_path(data_dir)
    return posix if repo == "." else (PurePosixPath(repo) / posix).as_posix()


def annotation(
    finding: Finding, data_dir: str, lang: str, files: dict[str, str] | None = None
) -> str:
    """The workflow command of one (unwaived) finding.

    ``files``: the escaped ``file=`` value of each location path seen so far in this data
    repository (a report's findings share a few files: each worked out once).
    """
    location = finding.locations[0] if finding.locations else None
    relative = location.path if location else MANIFEST
    file = files.get(relative) if files is not None else None
    if file is None:
        file = escape_property(workspace_path(data_dir, relative))
        if files is not None:
            files[relative] = file
    properties = [f"file={file}"]
    if location is not None and location.line is not None and location.line >= 1:
        properties.append(f"line={location.line}")
    title = f"{finding.rule} {finding.name}"
    command = COMMANDS[finding.severity]
    if finding.baselined:
        command = "notice"
        title += f" ({t('baselined', lang)})"
    properties.append(f"title={escape_property(title)}")
    return f"::{command} {','.join(properties)}::{escape_data(finding.message)}"


def summary(result: Result, lang: str) -> str:
    """The plain line closing a repository's annotations: its counts of findings and rules."""
    # Escaped too: a line break in a directory name must not start a workflow command.
    line = summary_line(result, lang)
    return escape_data(f"secretariat-rules {repository_path(result.data_dir)}: {line}")


class GithubReporter:
    """GitHub Actions workflow commands: an annotation per finding, a summary line."""

    name = "github"
    suffix = ".txt"

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return the annotations of every result, then one summary line per result."""
        lines = []
        for result in results:
            findings = sorted(result.findings, key=lambda f: (f.sort_key, f.fingerprint))
            files: dict[str, str] = {}
            lines += [
                annotation(f, result.data_dir, options.lang, files)
                for f in findings
                if not f.waived
            ]
        lines += [summary(result, options.lang) for result in results]
        return "\n".join(lines) + "\n"


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``github`` reporter."""
    return [GithubReporter()]
