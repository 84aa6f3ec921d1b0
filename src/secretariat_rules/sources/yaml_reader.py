"""YAML files as raw tables, with bounded depth and aliases (SPEC §2)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..exceptions import DataFileError
from ..i18n.message import Text, msg
from .confine import (
    MAX_YAML_ALIASES,
    MAX_YAML_DEPTH,
    read_data_file,
)
from .rows import (
    _WHITESPACE,
    RawTable,
    RowCollector,
    _put,
    decode_text,
    is_blank,
    relative_path,
)
from .values import decimal_text

_YamlLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL_TAG = "tag:yaml.org,2002:null"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_DOT_GROUPED = re.compile(r"[-+]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
_FLOAT_CONSTRUCTOR = yaml.SafeLoader("")


def _read_yaml(path: Path, root: Path, collection: str) -> RawTable:
    rel = relative_path(path, root)
    return parse_yaml(decode_text(read_data_file(path, root), rel), rel, collection)


def parse_yaml(text: str, rel: str, collection: str) -> RawTable:
    """A YAML list of mappings as a RawTable; each record's line is its first key's."""
    document = _compose(text, rel)
    rows = RowCollector()
    if document is None or (isinstance(document, yaml.ScalarNode) and document.tag == _NULL_TAG):
        return rows.table(collection, rel, None)
    if not isinstance(document, yaml.SequenceNode):
        line = document.start_mark.line + 1
        raise DataFileError(rel, msg("data.yaml.expected_list"), line)
    for item in document.value:
        _yaml_record(item, rows)
    return rows.table(collection, rel, None)


def _check_node_bounds(document: yaml.Node | None, rel: str) -> None:
    """Refuse a composed data document deeper than ``MAX_YAML_DEPTH`` or with more than
    ``MAX_YAML_ALIASES`` aliases; one iterative walk, each node once.

    Data YAML is never expanded (records are read one level deep from the node graph,
    where an alias is the same node again), so an alias bomb costs nothing here; libyaml
    stops nesting beyond 1000 levels itself, before the (recursive) composer sees it.
    """
    if document is None:
        return
    seen: set[int] = set()
    aliases = 0
    stack: list[tuple[yaml.Node, int]] = [(document, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                line = node.start_mark.line + 1
                message = msg("data.yaml.too_many_aliases", limit=MAX_YAML_ALIASES)
                raise DataFileError(rel, message, line)
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode | yaml.MappingNode):
            if depth >= MAX_YAML_DEPTH:
                message = msg("data.yaml.too_deep", limit=MAX_YAML_DEPTH)
                raise DataFileError(rel, message, node.start_mark.line + 1)
            if isinstance(node, yaml.MappingNode):
                stack.extend((n, depth + 1) for pair in node.value for n in pair)
            else:
                stack.extend((n, depth + 1) for n in node.value)


def _compose(text: str, rel: str) -> yaml.Node | None:
    document = _compose_nodes(text, rel)
    _check_node_bounds(document, rel)
    return document


def _compose_nodes(text: str, rel: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_YamlLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        error = str(exc.problem or exc.context)
        raise DataFileError(rel, msg("data.yaml.invalid", error=error), line) from exc
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise DataFileError(rel, msg("data.yaml.invalid", error=str(exc.reason)), line) from exc
    except (yaml.YAMLError, RecursionError) as exc:
        raise DataFileError(rel, msg("data.yaml.invalid", error=str(exc))) from exc


def _yaml_record(item: yaml.Node, rows: RowCollector) -> None:
    if not isinstance(item, yaml.MappingNode):
        rows.add(item.start_mark.line + 1, {}, [msg("data.row.not_mapping")])
        return
    line = (item.value[0][0] if item.value else item).start_mark.line + 1
    values: dict[str, str | None] = {}
    problems: list[Text] = []
    for key_node, value_node in item.value:
        key = _yaml_key(key_node)
        if key is None:
            problems.append(msg("data.row.no_usable_name"))
        else:
            _put(values, problems, key, value_node, _yaml_cell)
    rows.add(line, values, problems)


def _yaml_key(node: yaml.Node) -> str | None:
    if not isinstance(node, yaml.ScalarNode) or is_blank(node.value):
        return None
    return str(node.value).strip(_WHITESPACE)


def _yaml_cell(node: Any) -> str | None:
    """Raw text of a scalar; null is None and a float gets a comma decimal."""
    if node.tag == _NULL_TAG:
        return None
    if node.tag == _FLOAT_TAG and not _DOT_GROUPED.fullmatch(node.value):
        try:
            return decimal_text(_FLOAT_CONSTRUCTOR.construct_yaml_float(node))
        except (ValueError, ArithmeticError):
            return str(node.value)
    return str(node.value)
