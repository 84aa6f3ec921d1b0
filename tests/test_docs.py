"""``docs/rules.md`` is generated from the code and must not go stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretariat_rules.docs import builtin_registry, docstring_markdown, generate, load_all
from secretariat_rules.testing import run_cli

ROOT = Path(__file__).resolve().parents[1]
RULES_MD = ROOT / "docs" / "rules.md"


@pytest.fixture(scope="module")
def generated() -> str:
    return generate(builtin_registry())


def test_rules_md_is_up_to_date(generated: str) -> None:
    assert RULES_MD.is_file(), "docs/rules.md is missing: run `make docs`"
    committed = RULES_MD.read_text(encoding="utf-8")
    assert committed == generated, "docs/rules.md is stale: run `make docs` and commit it"


def test_every_rule_and_check_kind_has_a_section(generated: str) -> None:
    registry = builtin_registry()
    for ruleset in load_all(registry).values():
        for rule in ruleset.rules.values():
            assert f"### {rule.id} `{rule.name}`" in generated
            text = " ".join(rule.guideline.split()).replace("<", "&lt;").replace(">", "&gt;")
            assert text in generated
    for name in registry.check_kinds:
        assert f"### `{name}`" in generated


def test_docs_shows_each_region_clause_and_its_tailoring(generated: str) -> None:
    section = generated[generated.index("### SEK008 ") :]
    section = section[: section.index("\n### ")]
    assert "| clause | 1e | 1f | 1e |" in section  # national, bymiljopakken, miljoloftet
    assert "- **bymiljopakken**: re-worded: clause 1e → 1f" in section


def test_docs_command_writes_the_same_text(tmp_path: Path, generated: str) -> None:
    target = tmp_path / "rules.md"
    run = run_cli("--no-plugin-autoload", "docs", "--output", target)
    assert run.exit_code == 0, run.stderr
    assert target.read_text(encoding="utf-8") == generated


def test_docstring_markdown_converts_definitions_and_literal_blocks() -> None:
    doc = """Summary with ``code``.

    What it does
        Checks things.

    Example::

        check: {kind: record}
    """
    assert docstring_markdown(doc) == [
        "Summary with `code`.",
        "",
        "**What it does**",
        "",
        "Checks things.",
        "",
        "Example:",
        "",
        "```yaml",
        "check: {kind: record}",
        "```",
    ]


def test_hooks_md_is_up_to_date_and_every_hook_is_tested() -> None:
    from secretariat_rules import hookspecs
    from secretariat_rules.docs import hooks_reference

    hooks_md = ROOT / "docs" / "hooks.md"
    assert hooks_md.read_text(encoding="utf-8") == hooks_reference(), "run `make docs`"
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    plugins = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "data").rglob("*.py")
    )
    for name in (n for n in vars(hookspecs) if n.startswith("secretariat_")):
        assert f"## `{name}()`" in hooks_md.read_text(encoding="utf-8")
        # each hook is implemented by the example third-party plugin or called in a test
        assert name in tests or name in plugins, f"hook {name} has no test"
