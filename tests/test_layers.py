"""The layers of the package, in its imports: the import contract over the real graph.

The graph is read from the source (the AST of every module of ``src/secretariat_rules``),
not from ``sys.modules``: module-level imports count, including those inside ``try`` and
``if``; imports under ``if TYPE_CHECKING:`` do not (type checkers only); importing a module
imports its parent packages' ``__init__``, so those edges count too. Imports inside a
function are not module-level and are left out of the layer check, but they are not a
way around it: :data:`LAZY_IMPORTS` lists every function-level import that reaches *up*
a layer, with its reason, and :func:`test_no_unlisted_upward_lazy_import` fails on any
other.

Layers, top to bottom (:data:`LAYERS`); a module may import its own layer and lower
ones. Where the cut differs from the first drawing (issue 12), the real code showed a
better one:

* a package's ``__init__`` sits in the layer of its lowest module (``engine`` with the
  rules, ``checks``/``reporters`` with theirs): every module imports its parents, and
  these ``__init__`` files import nothing;
* the package itself (``secretariat_rules/__init__.py``) is on the ground floor: it only
  re-exports, lazily, and imports nothing but ``markers`` and ``version``;
* ``audit_results`` (the audit's value objects, which the reporters render) is on the
  ground floor; ``audit`` (which computes them) is a command;
* the tailoring register and the ``explain`` data (``engine.tailoring``,
  ``engine.explanation``) are with the rules: they read rulesets and conditions, and
  nothing above them; their text, Markdown and JSON forms are reporters
  (``reporters.reference*``);
* ``testing`` (the ``secretariat_repo`` pytest fixture) is with the command line: it runs
  the real ``secretariat-rules`` command (imported in the function, so that loading the
  pytest plugin stays cheap for every test suite).

Besides the layers, forbidden edges (:data:`FORBIDDEN`): ``checks`` and ``engine`` never
import ``reporters`` or ``cli``; the reporters read results only — they may import
:data:`REPORTER_READS` and each other, nothing else (no sources, engine, dataset,
checks, api, plugins).

Edges that another item of issue 12 removes are listed in :data:`KNOWN_VIOLATIONS` with
that item. The test fails on a violation not listed AND on a listed edge that no longer
exists: a ratchet, so the list only shrinks.

The README's architecture section shows :func:`render_contract`;
:func:`test_readme_shows_the_contract` checks it, and
``python tests/test_layers.py`` rewrites that block.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PKG = "secretariat_rules"
README = ROOT / "README.md"
BEGIN = "<!-- layers: generated from tests/test_layers.py; do not edit -->"
END = "<!-- /layers -->"

LAYERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "cli",
        "the command line: parsing, exit codes; its test fixture",
        ("__main__", "cli", "testing"),
    ),
    (
        "commands",
        "what one command does besides checking",
        (
            "audit",
            "scaffold",
            "scaffold_docs",
            "docs",
            "docs_markdown",
            "region_info",
            "rule_lookup",
            "check_defaults",
            "json_schema",
            "pull",
            "report_diff",
            "history",
            "evidence",
        ),
    ),
    ("reporters", "one format each; they read results only", ("reporters",)),
    (
        "api",
        "the library entry points and the plugin registry",
        ("api", "plugins", "builtin_rulesets", "ruleset_cache"),
    ),
    (
        "engine",
        "running a ruleset over a dataset",
        ("engine.runner", "engine.waivers", "engine.as_of"),
    ),
    ("checks", "the check kinds", ("checks",)),
    (
        "rules",
        "rulesets, conditions, templates and their views",
        (
            "engine",
            "engine.ruleset",
            "engine.conditions",
            "engine.templates",
            "engine.data_rules",
            "engine.tailoring",
            "engine.explanation",
        ),
    ),
    (
        "dataset",
        "typing raw tables into a Dataset",
        ("dataset", "dataset_typing", "dataset_links"),
    ),
    (
        "ground",
        "values, errors, texts, files, markers",
        (
            "",
            "sources",
            "schema",
            "findings",
            "audit_results",
            "exceptions",
            "exit_codes",
            "i18n",
            "yamlio",
            "safe_files",
            "suggest",
            "regions",
            "hookspecs",
            "markers",
            "version",
            "report_schema",
            "crashes",
            "waiver_status",
            "cycles",
            "polars_engine",
        ),
    ),
)
"""(name, what it holds, module prefixes), top to bottom. A module belongs to the layer
of its longest matching prefix (``engine.runner`` before ``engine``); ``""`` is the
package's own ``__init__``."""

REPORTER_READS = (
    "",
    "findings",
    "audit_results",
    "i18n",
    "exceptions",
    "report_schema",
    "markers",
    "version",
    "waiver_status",
    "cycles",
)
"""What a reporter may import besides ``reporters.*`` (module prefixes)."""

FORBIDDEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("checks", ("reporters", "cli", "__main__")),
    ("engine", ("reporters", "cli", "__main__")),
)
"""(importer prefix, prefixes it must never import), besides the layers."""

KNOWN_VIOLATIONS: dict[tuple[str, str], str] = {}
"""(importer, imported) edges that break the contract today, each with the issue-12 item
that removes it (module names without the ``secretariat_rules.`` prefix)."""

_PEP_562 = "the package's public re-exports, imported on first use (PEP 562)"
LAZY_IMPORTS: dict[tuple[str, str], str] = {
    ("", "api"): _PEP_562,
    ("", "checks"): _PEP_562,
    ("", "checks.base"): _PEP_562,
    ("", "dataset"): _PEP_562,
    ("", "reporters"): _PEP_562,
    ("", "reporters.base"): _PEP_562,
}
"""Function-level imports that reach up a layer, with the reason (same naming)."""


# --------------------------------------------------------------------------- the graph


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC / PKG).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


FILES = {module_name(p): p for p in sorted((SRC / PKG).rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_level(nodes: Iterable[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported (not under TYPE_CHECKING)."""
    for node in nodes:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from _module_level(node.body)
            yield from _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody):
                yield from _module_level(block)
            for handler in node.handlers:
                yield from _module_level(handler.body)
        elif isinstance(node, (ast.With, ast.For, ast.While)):
            yield from _module_level(node.body)


def _type_checking(nodes: Iterable[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    for node in nodes:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            yield from (n for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom)))


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The package modules an import statement imports (relative names, "" = package)."""
    full = f"{PKG}.{module}" if module else PKG
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        if node.level:
            base = full.split(".")
            if FILES[module].name != "__init__.py":
                base.pop()
            base = base[: len(base) - (node.level - 1)]
            target = ".".join([*base, *([node.module] if node.module else [])])
        else:
            target = node.module or ""
        names = [f"{target}.{a.name}" for a in node.names]
        names = [n if n.removeprefix(PKG).lstrip(".") in FILES else target for n in names]
    out = set()
    for name in names:
        if name != PKG and not name.startswith(PKG + "."):
            continue
        rel = name.removeprefix(PKG).lstrip(".")
        while rel and rel not in FILES:  # ``import secretariat_rules.x.y`` of a name
            rel = rel.rpartition(".")[0]
        out.add(rel)
    return out


def _with_parents(module: str) -> list[str]:
    parts = module.split(".") if module else []
    return ["", *(".".join(parts[:i]) for i in range(1, len(parts) + 1))]


def _effective(module: str, targets: Iterable[str]) -> set[str]:
    """Targets plus their parent packages (importing a module runs its parents)."""
    return {p for t in targets for p in _with_parents(t) if p != module}


def _function_level(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports inside a function (they run when it is called)."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, (ast.Import, ast.ImportFrom)):
                    yield inner


def _package_lazy_targets() -> set[str]:
    """The modules the package's ``__getattr__`` imports by name (its ``_LAZY`` table)."""
    tree = ast.parse(FILES[""].read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "_LAZY":
            assert node.value is not None
            return {m.lstrip(".") for m in ast.literal_eval(node.value).values()}
    raise AssertionError("secretariat_rules/__init__.py has no _LAZY table")


def _graph(select: str) -> dict[str, set[str]]:
    """``module``: module-level edges (and every module's own parents); ``type_checking``:
    imports under ``if TYPE_CHECKING:``; ``function``: imports inside functions (for the
    package, the modules its ``__getattr__`` imports)."""
    graph = {}
    for module, path in FILES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if select == "module":
            nodes: Iterable[ast.Import | ast.ImportFrom] = _module_level(tree.body)
        elif select == "type_checking":
            nodes = _type_checking(tree.body)
        else:
            nodes = _function_level(tree)
        targets = {t for n in nodes for t in _targets(module, n)}
        if select == "function" and module == "":
            targets |= _package_lazy_targets()
        graph[module] = _effective(module, targets)
    if select == "module":  # a module runs its own parents' __init__ first
        for module in graph:
            graph[module] |= {p for p in _with_parents(module) if p != module}
    return graph


GRAPH = _graph("module")


# --------------------------------------------------------------------------- the contract


def _matches(module: str, prefix: str) -> bool:
    return (prefix == "" and module == "") or (
        bool(prefix) and (module == prefix or module.startswith(prefix + "."))
    )


def layer_of(module: str) -> int:
    """The index in :data:`LAYERS` (0 = top) of the longest matching prefix."""
    best: tuple[int, int] | None = None
    for index, (_, _, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if _matches(module, prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), index)
    assert best is not None, f"module {module!r} is in no layer: add it to LAYERS"
    return best[1]


def _why_forbidden(importer: str, imported: str) -> str | None:
    if layer_of(imported) < layer_of(importer):
        return f"layer {LAYERS[layer_of(importer)][0]} imports {LAYERS[layer_of(imported)][0]}"
    for source, targets in FORBIDDEN:
        if _matches(importer, source) and any(_matches(imported, t) for t in targets):
            return f"{source} never imports {imported}"
    if _matches(importer, "reporters") and not any(
        _matches(imported, p) for p in ("reporters", *REPORTER_READS)
    ):
        return "reporters read results only"
    return None


def violations(graph: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    return {
        (importer, imported): why
        for importer, targets in graph.items()
        for imported in targets
        if (why := _why_forbidden(importer, imported))
    }


def _name(module: str) -> str:
    return module or "(package)"


def render_contract() -> str:
    """The contract as the README shows it."""
    width = max(len(name) for name, _, _ in LAYERS)
    indent = " " * (width + 4)
    lines = ["layers, top to bottom: a module imports its own layer and lower ones"]
    for name, what, prefixes in LAYERS:
        lines.append(f"  {name:<{width}}  {what}")
        modules = ", ".join(p or "__init__" for p in prefixes)
        lines.extend(textwrap.wrap(modules, 88, initial_indent=indent, subsequent_indent=indent))
    reads = ", ".join(p for p in REPORTER_READS if p)
    lines.append("forbidden besides: checks, engine -> reporters, cli;")
    lines.extend(
        textwrap.wrap(
            f"reporters -> anything but reporters.*, {reads}",
            88,
            initial_indent="  ",
            subsequent_indent="    ",
        )
    )
    lines.append(f"known violations ({len(KNOWN_VIOLATIONS)}), each removed by an issue-12 item:")
    lines.extend(
        f"  {importer} -> {imported}  ({item})"
        for (importer, imported), item in sorted(KNOWN_VIOLATIONS.items())
    )
    return "\n".join(["```", *lines, "```"])


def readme_block(text: str) -> str:
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return text[start:end].strip("\n")


# --------------------------------------------------------------------------- the tests


def test_every_module_is_in_a_layer() -> None:
    for module in FILES:
        layer_of(module)


def test_no_import_breaks_the_layers() -> None:
    """Every module-level edge keeps to the layers and forbidden edges, except those
    listed; and every listed edge still exists (remove it from the list when it goes)."""
    found = violations(GRAPH)
    unlisted = {edge: why for edge, why in found.items() if edge not in KNOWN_VIOLATIONS}
    assert not unlisted, "imports that break the layers:\n" + "\n".join(
        f"  {_name(a)} -> {_name(b)}: {why}" for (a, b), why in sorted(unlisted.items())
    )
    gone = sorted(edge for edge in KNOWN_VIOLATIONS if edge not in found)
    assert not gone, f"fixed, remove from KNOWN_VIOLATIONS: {gone}"


def test_no_upward_lazy_import_is_unlisted() -> None:
    """A function-level import that reaches up a layer is listed with its reason."""
    lazy = _graph("function")
    upward = {(m, t) for m, targets in lazy.items() for t in targets if _why_forbidden(m, t)}
    unlisted = sorted(upward - LAZY_IMPORTS.keys())
    assert not unlisted, f"function-level imports up a layer, list them with a reason: {unlisted}"
    gone = sorted(LAZY_IMPORTS.keys() - upward)
    assert not gone, f"no longer lazy imports, remove from LAZY_IMPORTS: {gone}"


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_circle() -> None:
    """No module-level circle (a module's edge to its own parent package is left out: the
    parent runs first, and a package's ``__init__`` importing its leaves is no circle)."""
    graph = {m: {t for t in ts if t not in _with_parents(m)} for m, ts in GRAPH.items()}
    cycle = _cycle(graph)
    assert cycle is None, " -> ".join(_name(m) for m in cycle or ())


def test_reporters_do_not_name_the_audit_machinery_even_for_type_checkers() -> None:
    """They render :mod:`~secretariat_rules.audit_results`; ``audit`` computes them (that
    edge was the circle api → plugins → hookspecs → reporters.base → audit → api)."""
    typed = _graph("type_checking")
    assert not {
        m for m, targets in typed.items() if m.startswith("reporters") and "audit" in targets
    }


def test_the_markers_and_the_version_are_leaves() -> None:
    assert GRAPH["markers"] == {""} and GRAPH["version"] == {""}
    assert GRAPH[""] == {"markers", "version"}
    assert GRAPH["hookspecs"] == {"", "markers"}


def test_builtins_import_hookimpl_from_the_markers() -> None:
    """No built-in imports ``hookimpl`` from the package (which would load the API)."""
    for module, path in FILES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and any(a.name == "hookimpl" for a in node.names):
                assert _targets(module, node) == {"markers"}, module


@pytest.mark.parametrize(
    "statement", ["import secretariat_rules", "from secretariat_rules import hookimpl"]
)
def test_importing_the_package_is_cheap(statement: str) -> None:
    """``import secretariat_rules`` loads no polars, pydantic, click or yaml, and none of
    the package's own modules but the two leaves."""
    code = (
        f"import sys; {statement}\n"
        "heavy = [m for m in ('polars', 'pydantic', 'click', 'yaml') if m in sys.modules]\n"
        "own = sorted(m for m in sys.modules if m.startswith('secretariat_rules'))\n"
        "print(json.dumps([heavy, own]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True
    )
    heavy, own = json.loads(out.stdout)
    assert heavy == []
    assert own == ["secretariat_rules", "secretariat_rules.markers", "secretariat_rules.version"]


def test_the_public_names_resolve_lazily() -> None:
    import secretariat_rules as sr
    from secretariat_rules import api, findings, markers, version

    assert sr.hookimpl is markers.hookimpl
    assert sr.__version__ == version.__version__
    assert sr.check is api.check and sr.Result is findings.Result
    assert set(sr.__all__) <= set(dir(sr))
    for name in sr.__all__:
        getattr(sr, name)
    with pytest.raises(AttributeError, match="no_such_name"):
        sr.__getattr__("no_such_name")


def test_readme_shows_the_contract() -> None:
    assert readme_block(README.read_text(encoding="utf-8")) == render_contract(), (
        "README architecture block is stale: run `python tests/test_layers.py`"
    )


def _write_readme(argv: Sequence[str]) -> None:
    text = README.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    README.write_text(text[:start] + "\n" + render_contract() + "\n" + text[end:], encoding="utf-8")


if __name__ == "__main__":
    _write_readme(sys.argv[1:])
