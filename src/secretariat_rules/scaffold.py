"""``init``: scaffold a new data repository for a region.

Writes a manifest that names the region (its parties, bodies, channels and secretariat
facts come from the region plugin; anything written in the manifest overrides them), an
empty CSV with the header of every collection, an empty waivers file, an
``attestations.yaml`` template with every attested item of the region's ruleset, a README
listing the region's party and body ids (:mod:`.scaffold_docs`), and a CI pipeline
that runs the checker on every push (installing the version the CI variable
``SECRETARIAT_RULES_URL`` names: the package is not published yet). The result passes
``validate`` with no finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .engine.ruleset import load_ruleset
from .exceptions import UsageError, write_failed
from .i18n.message import msg
from .plugins import Registry
from .region_info import DEFAULT_RULESET
from .scaffold_docs import attestations_template, readme_text
from .schema.collections import COLLECTION_FIELDS
from .sources.manifest import unknown_region_text

CI_FILES = {
    "github": ".github/workflows/secretariat-rules.yml",
    "gitlab": ".gitlab-ci.yml",
}

GITHUB_WORKFLOW = """\
# Runs secretariat-rules on every push: the job fails on findings at or above --fail-on,
# annotations mark the data rows, JUnit goes to an artifact, SARIF to code scanning.
#
# secretariat-rules is not published on PyPI yet: the job installs what the repository
# variable SECRETARIAT_RULES_URL names (Settings > Secrets and variables > Actions >
# Variables), pinned to a revision you have reviewed, e.g.
#   git+https://github.com/OWNER/secretariat-rules@<commit SHA or tag>
# or the URL of a wheel (.../secretariat_rules-0.1.0-py3-none-any.whl).
name: secretariat-rules
on: [push, pull_request]
env:
  SECRETARIAT_RULES_URL: ${{ vars.SECRETARIAT_RULES_URL }}
jobs:
  check:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Install secretariat-rules
        run: |
          : "${SECRETARIAT_RULES_URL:?set SECRETARIAT_RULES_URL, see the top of this file}"
          pip install "secretariat-rules @ ${SECRETARIAT_RULES_URL}"
      - name: Check
        run: >-
          secretariat-rules check . --format github
          --report junit=secretariat-rules.xml
          --report sarif=secretariat-rules.sarif
      # Code scanning needs GitHub Advanced Security on a private repository; the
      # annotations of the step above work without it.
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        continue-on-error: true
        with:
          sarif_file: secretariat-rules.sarif
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: secretariat-rules-junit
          path: secretariat-rules.xml
"""

GITLAB_CI = """\
# Runs secretariat-rules on every push; the JUnit report shows in merge requests.
#
# secretariat-rules is not published on PyPI yet: the job installs what the CI/CD
# variable SECRETARIAT_RULES_URL names (Settings > CI/CD > Variables), pinned to a
# revision you have reviewed, e.g.
#   git+https://github.com/OWNER/secretariat-rules@<commit SHA or tag>
# or the URL of a wheel (.../secretariat_rules-0.1.0-py3-none-any.whl).
secretariat-rules:
  image: python:3.11
  script:
    - ': "${SECRETARIAT_RULES_URL:?set SECRETARIAT_RULES_URL, see the top of this file}"'
    - pip install "secretariat-rules @ ${SECRETARIAT_RULES_URL}"
    - secretariat-rules check . --report junit=secretariat-rules.xml
  artifacts:
    when: always
    reports:
      junit: secretariat-rules.xml
"""

WAIVERS = """\
# Findings the team accepts for a while (SPEC §7). Each entry:
# - rule: SEK025
#   subject: documents/D-2024-001      # or a glob pattern: documents/*
#   reason: Why the finding is accepted
#   approved_by: V-2024-012            # a decision id or a name
#   expires: 2025-12-31
[]
"""


@dataclass(frozen=True)
class Scaffold:
    """What ``init`` wrote."""

    root: Path
    files: tuple[Path, ...]


def manifest_text(region: str, name: str, year: int) -> str:
    """A manifest naming the region and the assessment period."""
    return (
        f"# Data repository of the secretariat for {name}.\n"
        "# Parties, bodies, channels and secretariat facts come from the region plugin;\n"
        "# give any of them here to override it (a list replaces the plugin's list).\n"
        f"region: {region}\n"
        f"name: {name}\n"
        f"period: {{start: {year}-01-01, end: {year}-12-31}}\n"
        "# as_of: 2025-06-30   # reference date for everything due; default today\n"
    )


def scaffold(
    root: Path, region: str, registry: Registry, year: int, ci: str, lang: str = "nb"
) -> Scaffold:
    """Create a data repository for ``region`` in ``root`` (which must be empty or new).

    ``lang`` is the language of the README and of the attestations template.

    :raises UsageError: unknown region or CI kind, or ``root`` holds files already.
    """
    profile = registry.region_profiles.get(region)
    if profile is None:
        raise UsageError(unknown_region_text(region, registry.region_profiles))
    if ci not in (*CI_FILES, "none"):
        raise UsageError(msg("error.init.ci", ci=ci, choices=", ".join([*CI_FILES, "none"])))
    _check_new_directory(root)
    ruleset = load_ruleset(
        profile.ruleset or DEFAULT_RULESET, registry.rulesets, registry.check_kinds
    )
    contents: dict[str, str] = {
        "secretariat.yaml": manifest_text(region, profile.name, year),
        "README.md": readme_text(profile, ruleset, lang),
        "attestations.yaml": attestations_template(ruleset, lang),
        "waivers.yaml": WAIVERS,
    }
    for collection, specs in COLLECTION_FIELDS.items():
        contents[f"{collection}.csv"] = ",".join(s.name for s in specs) + "\n"
    if ci != "none":
        contents[CI_FILES[ci]] = GITHUB_WORKFLOW if ci == "github" else GITLAB_CI
    written = []
    for relative, text in contents.items():
        path = root / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:  # no permission, a read-only or full disk
            raise write_failed(path, exc) from None
        written.append(path)
    return Scaffold(root, tuple(written))


def _check_new_directory(root: Path) -> None:
    """``root`` is missing or an empty directory, or a :class:`UsageError` says what it is.

    A file, a device (``/dev/null``) or a directory that cannot be listed is refused
    before anything is written.
    """
    try:
        if not root.exists():
            return
        if not root.is_dir():
            raise UsageError(msg("error.init.not_directory", path=str(root)))
        occupied = any(root.iterdir())
    except OSError as exc:
        raise write_failed(root, exc) from None
    if occupied:
        raise UsageError(msg("error.init.not_empty", path=str(root)))
