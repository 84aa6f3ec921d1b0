"""The one exception hierarchy of secretariat-rules.

::

    SecretariatRulesError            base of every error the library raises on purpose
    ├── ConfigurationError           the user's configuration is wrong (CLI exit code 2)
    │   ├── ManifestError            secretariat.yaml is missing or invalid
    │   ├── RulesetError             a ruleset fails to load or validate (carries all problems)
    │   ├── WaiverError              a waivers file is invalid
    │   ├── AttestationError         an attestations file is invalid
    │   ├── PluginError              a plugin failed to load or misbehaved (names the plugin)
    │   └── UsageError               an option or argument is wrong
    ├── ConditionError               a ruleset condition names what does not exist (mapped to
    │                                RulesetError with the rule's file:line by the runner)
    └── DataFileError                one data file cannot be read (becomes a DAT004 finding)

Messages are :data:`~secretariat_rules.i18n.message.Text`: a :class:`Msg` from the one
catalogue renders in the run's language when the error is shown (``str(error)``).

Foreign errors (``yaml.YAMLError``, ``pydantic.ValidationError``, ``OSError``) are mapped at
the boundary into these, with the file and line they came from. Only ``cli.py`` turns them
into a message and an exit code; anything else escaping is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .i18n.message import Text, msg


@dataclass(frozen=True)
class Problem:
    """One problem in a configuration file: where and what."""

    path: str
    line: int | None
    message: Text

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SecretariatRulesError(Exception):
    """Base class of every error raised on purpose by secretariat-rules."""


class ConfigurationError(SecretariatRulesError):
    """A configuration error: the run cannot start. Maps to exit code 2.

    Carries one or more :class:`Problem` so that every error is reported at once.
    """

    def __init__(self, message: Text, problems: list[Problem] | None = None) -> None:
        self.problems = list(problems or [])
        super().__init__(message)

    def __str__(self) -> str:
        head = super().__str__()
        if not self.problems:
            return head
        return head + "\n" + "\n".join(f"  {p}" for p in self.problems)


class ManifestError(ConfigurationError):
    """secretariat.yaml is missing, unreadable or invalid."""


class RulesetError(ConfigurationError):
    """A ruleset cannot be loaded, resolved or validated."""


class WaiverError(ConfigurationError):
    """A waivers file is invalid."""


class AttestationError(ConfigurationError):
    """An attestations file is invalid."""


class PluginError(ConfigurationError):
    """A plugin failed to load or broke its contract; the message names the plugin."""


class UsageError(ConfigurationError):
    """A command-line option or argument is wrong."""


def cannot_write(path: str | Path, exc: BaseException) -> Text:
    """``cannot write PATH: REASON``, the reason as the system gives it (no permission, no
    space left, a file in the way)."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return msg("cli.write.failed", path=str(path), reason=reason)


def write_failed(path: str | Path, exc: BaseException) -> UsageError:
    """The error (exit code 2) of a file, directory or stream that cannot be written."""
    return UsageError(cannot_write(path, exc))


class Terminated(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM: a CI job cancelled, ``kill``). Raised where
    the run stands, like Ctrl-C's ``KeyboardInterrupt``, so that the temporary files of
    a report being written are removed; the command line exits 143 (128 + SIGTERM)."""


class ConditionError(SecretariatRulesError):
    """A rule's check names a collection, field, parameter or variable that does not exist,
    or compares values that cannot be compared. The runner adds the rule's file and line."""


class DataFileError(SecretariatRulesError):
    """One data file cannot be decoded or parsed. Reported as DAT004; the run goes on."""

    def __init__(self, path: str | Path, message: Text, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(path, message, line)

    def __str__(self) -> str:
        return f"{self.path}{':' + str(self.line) if self.line else ''}: {self.message}"
