"""The command line: the only place that turns errors into messages and exit codes.

Exit codes (SPEC §6, :class:`~secretariat_rules.exit_codes.ExitCode`): 0 no finding at or
above ``--fail-on``; 1 such findings; 2 usage or configuration error, with one clear
message and no traceback; 3 an internal error (a bug in secretariat-rules or a plugin):
one line asking for a bug report, and the traceback only with ``--debug`` or
``SECRETARIAT_RULES_DEBUG=1``.

Every command returns its :class:`ExitCode`; :func:`handle_errors` turns an exception
into its code (:func:`report_error`, by :func:`~secretariat_rules.exit_codes.exit_code_for`),
and the root :class:`SafeGroup` exits with the code once. Nothing else calls
``sys.exit``.

The modules: :mod:`.help` (the language of an invocation, translated help),
:mod:`.errors` (exceptions to messages and codes), :mod:`.app` (the group and the
registry), :mod:`.options` (shared options, parsing their values), :mod:`.output`
(writing reports); the commands: :mod:`.run` (``check``, ``validate``),
:mod:`.reference` (``plugins``, ``rules``, ``explain``, ``regions``, ``schema``,
``docs``), :mod:`.audit`, :mod:`.init`, :mod:`.pull`.

Start-up is kept short (issue 13, ``benchmarks/startup.py``): :func:`main` loads a
command's module when the command is used (:data:`.app.COMMANDS`), so ``--version`` and
``--help`` import click and the texts only; the re-exports below that need more
(:mod:`.output`, the reporters) are imported on first use (PEP 562).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..crashes import DEBUG_ENV
from ..exceptions import UsageError
from ..exit_codes import ExitCode
from .app import SafeGroup, main, registry_of
from .errors import handle_errors, report_error

if TYPE_CHECKING:
    from ..reporters import reference_text
    from .output import encodable, write_atomic

_LAZY: dict[str, tuple[str, str]] = {
    "reference_text": ("..reporters.reference_text", ""),
    "encodable": (".output", "encodable"),
    "write_atomic": (".output", "write_atomic"),
}
"""Each lazily re-exported name: (module, attribute; ``""`` for the module itself)."""

__all__ = [
    "DEBUG_ENV",
    "ExitCode",
    "SafeGroup",
    "UsageError",
    "encodable",
    "handle_errors",
    "main",
    "reference_text",
    "registry_of",
    "report_error",
    "write_atomic",
]


def __getattr__(name: str) -> Any:
    """Import a lazily re-exported name on first use (PEP 562) and keep it here."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attr = _LAZY[name]
    found = import_module(module, __name__)
    value = getattr(found, attr) if attr else found
    globals()[name] = value
    return value
