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
``docs``), :mod:`.audit`, :mod:`.init`, :mod:`.pull`. Importing the package registers
every command on :func:`main`.
"""

from __future__ import annotations

from ..crashes import DEBUG_ENV
from ..exceptions import UsageError
from ..exit_codes import ExitCode
from ..reporters import reference_text
from . import audit, init, pull, reference, run  # noqa: F401  (each registers its commands)
from .app import SafeGroup, main, registry_of
from .errors import handle_errors, report_error
from .output import encodable, write_atomic

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
