"""What ``init`` writes for people: the ``attestations.yaml`` template and the README.

The template holds one commented-out answer per attested rule of the region's ruleset
(``# - item: SEK101`` …); the ``attested`` check points an unanswered item's finding at
its template line. The README says what each file is for and lists the region's parties
and bodies with the ids to write in the data files (:mod:`.region_info`).
"""

from __future__ import annotations

from .checks.attested import AttestedConfig
from .engine.ruleset import ResolvedRule, Ruleset
from .i18n.catalog import t
from .region_info import region_detail, region_markdown
from .regions import RegionProfile

__all__ = ["attestations_template", "attested_rules", "readme_text"]


def attested_rules(ruleset: Ruleset) -> list[ResolvedRule]:
    """The enabled rules of ``ruleset`` answered in ``attestations.yaml``, by id."""
    return sorted(
        (
            rule
            for rule in ruleset.rules.values()
            if rule.enabled and any(isinstance(c, AttestedConfig) for _, c in rule.configs)
        ),
        key=lambda rule: rule.id,
    )


def attestations_template(ruleset: Ruleset, lang: str) -> str:
    """Every attested item of ``ruleset``, commented out, under a header saying how."""
    lines = [f"# {line}" if line else "#" for line in t("init.attestations", lang).split("\n")]
    for rule in attested_rules(ruleset):
        valid_days = rule.params.get("valid_days", 365)
        lines += [
            "",
            "# "
            + t(
                "init.attestations.item",
                lang,
                id=rule.id,
                clause=rule.clause,
                days=valid_days,
                title=rule.title.get(lang),
            ),
            f"# - item: {rule.id}",
            f"#   answer: {t('init.attestations.answer', lang)}",
            "#   evidence:",
            "#   by:",
            "#   date:",
        ]
    return "\n".join(lines) + "\n"


def readme_text(profile: RegionProfile, ruleset: Ruleset, lang: str) -> str:
    """The README of a new data repository, with the region's cheat sheet of ids."""
    intro = t(
        "init.readme",
        lang,
        name=profile.name,
        region=profile.id,
        ruleset=ruleset.name,
        items=len(attested_rules(ruleset)),
    )
    return f"{intro}\n\n{region_markdown(region_detail(profile), lang)}"
