"""Text for a terminal: no character from the data may control it.

A data repository is written by whoever can push to it. A file name, an id or a manifest
value holding ESC ``[2J`` would clear the screen of whoever reads the text report, an
OSC sequence would plant a hyperlink or retitle the window, a line feed would forge a
line (a finding that does not exist), a bidirectional override would reorder what is
shown. :func:`terminal_line` writes every such character as the escape ``repr`` gives it
(``\\x1b``, ``\\n``, ``\\u202e``); the reporter's own colours (SGR sequences) stay.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "\x1b\\[[0-9;]*m"  # an SGR (colour) sequence: the reporter's own, when colour is on
    "|[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""C0 controls but the tab (line feed included), DEL, C1 controls, the bidirectional
marks, embeddings, overrides and isolates, and lone surrogates (which no encoding can
write)."""


def terminal_line(line: str, *, colour: bool = False) -> str:
    """``line`` (one line of output, its own line feeds escaped too) safe for a terminal.

    :param colour: keep SGR colour sequences (the reporter styled the line); else an ESC
        is escaped like any other control.
    """
    if _UNSAFE.search(line) is None:  # nearly every line: nothing to do
        return line

    def shown(match: re.Match[str]) -> str:
        found = match.group()
        if len(found) > 1:  # an SGR sequence
            return found if colour else repr(found[0])[1:-1] + found[1:]
        return repr(found)[1:-1]

    return _UNSAFE.sub(shown, line)


def terminal_text(text: str, *, colour: bool = False) -> str:
    """``text`` of several lines, each made :func:`terminal_line`-safe (its line feeds
    kept); ``colour`` as there."""
    return "\n".join(terminal_line(line, colour=colour) for line in text.split("\n"))
