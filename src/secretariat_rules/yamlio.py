"""Safe YAML loading that remembers the line of every key and list item.

Only safe loaders are used: a YAML file can never construct Python objects. Where
PyYAML has libyaml, ``yaml.CSafeLoader`` (the same safe constructors and resolver over
the C parser, several times faster) reads the document; on any error the pure
``yaml.SafeLoader`` reads it again, so that what a user sees of a broken document (the
problem, its line, which bound it breaks first) is the pure loader's, word for word
(libyaml words its syntax errors differently).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .i18n.message import Msg, Text, msg

if TYPE_CHECKING:
    from pydantic import ValidationError

    from .exceptions import ConfigurationError, Problem

PathKey = tuple[str | int, ...]


@dataclass
class LineIndex:
    """Maps a path into a YAML document (keys and list indices) to its 1-based line."""

    path: str
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line(self, key: Sequence[str | int]) -> int | None:
        """The line of ``key``, or of its nearest ancestor that has one."""
        parts = tuple(key)
        while parts:
            if parts in self.lines:
                return self.lines[parts]
            parts = parts[:-1]
        return self.lines.get((), None)


def _index(node: yaml.Node, prefix: PathKey, out: dict[PathKey, int], seen: set[int]) -> None:
    """Record the line of ``node`` at ``prefix`` (a key's own line wins), then recurse.

    A node reached again through an alias is not walked again (an alias bomb would make
    the walk exponential): paths below an alias take the alias's line.
    """
    out.setdefault(prefix, node.start_mark.line + 1)
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            out[(*prefix, key)] = key_node.start_mark.line + 1
            _index(value_node, (*prefix, key), out, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*prefix, i), out, seen)


class YamlBoundError(yaml.MarkedYAMLError):
    """A YAML document over a bound (depth, aliases, expanded size) or with a duplicate key.

    Its text is the problem only: no snippet of the file is quoted. The problem is a
    :class:`Msg` (``.message``, also ``.problem``), rendered when shown.
    """

    def __init__(self, problem: Msg, mark: Any) -> None:
        self.message = problem
        super().__init__(problem=problem, problem_mark=mark)  # type: ignore[arg-type]

    def text(self) -> Text:
        """The problem, with its line if known, still to render."""
        if self.problem_mark:
            return msg("error.yaml.at_line", problem=self.message, line=self.problem_mark.line + 1)
        return self.message

    def __str__(self) -> str:
        return str(self.text())


@dataclass
class _Open:
    """A collection being read by :func:`check_yaml_bounds`."""

    anchor: str | None
    mapping: bool
    size: int = 1
    keys: dict[str, int] = field(default_factory=dict)
    at_key: bool = True


def check_yaml_bounds(text: str, loader: Any = None, *, duplicates: bool = True) -> None:
    """Refuse a document over the YAML bounds, in one linear pass over its events.

    Nesting deeper than ``MAX_YAML_DEPTH``, more than ``MAX_YAML_ALIASES`` aliases, more
    than ``MAX_YAML_NODES`` nodes with every alias expanded (sizes of anchored nodes are
    remembered, so an alias bomb costs nothing to measure), and a mapping key given twice
    are :class:`YamlBoundError` (``duplicates=False`` leaves duplicate keys to the caller:
    in a data file they are a problem of that record, DAT001). The parser is
    event-driven (no recursion), so this pass is safe on any input; only then is the
    document composed.

    :raises yaml.YAMLError: a syntax error, or a :class:`YamlBoundError`.
    """
    from .sources.confine import MAX_YAML_ALIASES, MAX_YAML_DEPTH, MAX_YAML_NODES

    sizes: dict[str, int] = {}
    stack: list[_Open] = []
    aliases = 0
    total = 0

    def add(size: int, event: Any, key: str | None) -> None:
        nonlocal total
        total += size
        if total > MAX_YAML_NODES:
            raise YamlBoundError(
                msg("error.yaml.too_many_nodes", limit=MAX_YAML_NODES), event.start_mark
            )
        if not stack:
            return
        top = stack[-1]
        top.size += size
        if top.mapping:
            if top.at_key and key is not None and duplicates:
                if key in top.keys:
                    raise YamlBoundError(
                        msg("error.yaml.duplicate_key", name=repr(key), line=top.keys[key]),
                        event.start_mark,
                    )
                top.keys[key] = event.start_mark.line + 1
            top.at_key = not top.at_key

    for event in yaml.parse(text, Loader=loader or _SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                raise YamlBoundError(
                    msg("error.yaml.too_many_aliases", limit=MAX_YAML_ALIASES), event.start_mark
                )
            add(sizes.get(event.anchor or "", 1), event, None)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor is not None:
                sizes[event.anchor] = 1
            add(1, event, event.value)
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            if len(stack) >= MAX_YAML_DEPTH:
                raise YamlBoundError(
                    msg("error.yaml.too_deep", limit=MAX_YAML_DEPTH), event.start_mark
                )
            stack.append(_Open(event.anchor, isinstance(event, yaml.MappingStartEvent)))
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            done = stack.pop()
            if done.anchor is not None:
                sizes[done.anchor] = done.size
            total -= done.size - 1  # its children were counted as they came
            add(done.size, event, None)


class _SafeLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that keeps an impossible date (``2025-02-30``) as its text.

    PyYAML's own timestamp constructor raises a bare ``ValueError`` there, with no line;
    as text, the value reaches the schema, which rejects it with its file and line.
    """


def _timestamp_or_text(loader: Any, node: yaml.Node) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:
        return loader.construct_scalar(node)


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)

_FastSafeLoader: Any = None
""":class:`_SafeLoader` over libyaml (``yaml.CSafeLoader``: ``SafeConstructor`` and
``Resolver``, the C parser), when PyYAML was built with it."""

if getattr(yaml, "CSafeLoader", None) is not None:

    class _CSafeLoader(yaml.CSafeLoader):
        """``yaml.CSafeLoader`` that keeps an impossible date as its text (:class:`_SafeLoader`)."""

    _CSafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
    _FastSafeLoader = _CSafeLoader


_PURE_ONLY = re.compile("[\t\ufeff]")
"""Characters libyaml reads otherwise than PyYAML: it allows a tab where PyYAML refuses
one (``key:\tvalue``, a trailing tab) and drops a BOM within the stream. A document with
one is read by the pure loader only."""


def load_yaml(text: str, path: str) -> tuple[Any, LineIndex]:
    """Parse one YAML document safely; return the data and its line index.

    The bounds (:func:`check_yaml_bounds`) are checked first, with the same loader. A
    document libyaml reads without error is read by it; on any error, the pure loader
    reads it again and raises its own error (see the module's docstring).

    :raises yaml.YAMLError: on a syntax error (callers map it to their own error).
    """
    if _FastSafeLoader is not None and not _PURE_ONLY.search(text):
        try:
            return _load_yaml(text, path, _FastSafeLoader)
        except Exception:  # any error: the pure loader reads it again, its error is shown
            pass
    return _load_yaml(text, path, _SafeLoader)


def _load_yaml(text: str, path: str, loader_class: Any) -> tuple[Any, LineIndex]:
    check_yaml_bounds(text, loader_class)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    index = LineIndex(path)
    if node is not None:
        _index(node, (), index.lines, set())
    return data, index


def yaml_error_line(exc: yaml.YAMLError) -> int | None:
    """The 1-based line a YAML error points at, if it says."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def read_yaml_file(path: Path, display: str) -> tuple[Any, LineIndex]:
    """Read and parse a YAML file (UTF-8, BOM allowed)."""
    return load_yaml(path.read_text(encoding="utf-8-sig"), display)


def yaml_problem(exc: yaml.YAMLError) -> Text:
    """A YAML error's problem without the snippet of the file PyYAML appends.

    A bound of :func:`check_yaml_bounds` is in the catalogue; PyYAML's own syntax
    messages are English.
    """
    if isinstance(exc, YamlBoundError):
        return exc.message
    if isinstance(exc, yaml.MarkedYAMLError):
        return " ".join(p for p in (exc.context, exc.problem) if p) or type(exc).__name__
    if isinstance(exc, yaml.reader.ReaderError):
        return exc.reason
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def validation_problems(
    exc: ValidationError,
    index: LineIndex,
    prefix: PathKey = (),
    *,
    at: PathKey = (),
    top: Text | None = None,
    say: Callable[[Text, Text], Text] | None = None,
) -> list[Problem]:
    """Map pydantic errors to problems with the file and line each points at.

    The one mapping of a schema's errors to file:line, for every configuration file
    (manifest, rulesets and their check configurations, waivers, attestations). Each
    message is ``WHERE: WHAT``; WHAT is in the catalogue for the common error types, else
    pydantic's English (:func:`.schema.errors.pydantic_message`).

    :param prefix: where the validated value sits in the document; part of WHERE.
    :param at: where it sits, for the line only (WHERE is the path inside the value).
    :param top: WHERE of an error of the value as a whole (default ``(top level)``).
    :param say: the message from WHERE and WHAT (default ``WHERE: WHAT``).
    """
    from .exceptions import Problem
    from .schema.errors import pydantic_message
    from .sources.values import printable

    problems = []
    for err in exc.errors():
        loc = (*prefix, *(p for p in err["loc"] if isinstance(p, str | int)))
        # keys are written by people too: escaped and cut like any echoed value
        path = ".".join(str(p) if isinstance(p, int) else printable(p)[1:-1] for p in loc)
        where: Text = path or (msg("error.top_level") if top is None else top)
        what = pydantic_message(err)
        message = say(where, what) if say else msg("error.at", where=where, message=what)
        problems.append(Problem(index.path, index.line((*at, *loc)), message))
    return problems


_WHAT: dict[str, str] = {
    "the manifest": "error.what.manifest",
    "manifest": "error.what.manifest",
    "ruleset": "error.what.ruleset",
    "waivers": "error.what.waivers",
    "attestations file": "error.what.attestations",
}
"""What a configuration file is, as callers name it (English), and its catalogue key."""


def what_text(what: Text) -> Text:
    """``what`` a file is ("ruleset", "the manifest"...) in the catalogue's words."""
    if isinstance(what, str) and what in _WHAT:
        return msg(_WHAT[what])
    return what


def read_config_text(path: Path, display: str, error: type[ConfigurationError], what: str) -> str:
    """The text of a configuration file (UTF-8, BOM allowed), failures as ``error``.

    :param what: what the file is, for messages ("ruleset", "waivers"...; see
        :func:`what_text`).
    """
    from .sources.confine import read_config_bytes

    data = read_config_bytes(path, display, error, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            msg("error.yaml.not_utf8", path=display, what=what_text(what), reason=exc.reason)
        ) from None


def parse_config(
    text: str, display: str, error: type[ConfigurationError], what: str
) -> tuple[Any, LineIndex]:
    """Parse a configuration file's text, a YAML error as ``error`` with file:line."""
    try:
        return load_yaml(text, display)
    except yaml.YAMLError as exc:
        line = yaml_error_line(exc) or "?"
        problem = yaml_problem(exc)
        raise error(
            msg(
                "error.yaml.invalid", path=display, line=line, what=what_text(what), problem=problem
            )
        ) from None
    except RecursionError:  # pragma: no cover - the depth bound comes first
        raise error(
            msg("error.yaml.nested_too_deeply", path=display, what=what_text(what))
        ) from None


def read_config(
    path: Path, display: str, error: type[ConfigurationError], what: str
) -> tuple[Any, LineIndex]:
    """Read a YAML configuration file, mapping every failure to ``error`` with file:line.

    :param what: what the file is, for messages ("ruleset", "waivers"...; see
        :func:`what_text`).
    """
    return parse_config(read_config_text(path, display, error, what), display, error, what)
