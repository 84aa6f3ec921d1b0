"""Check kind ``max_amount``: no record's amount above a limit the rule sets.

What it does
    Yields a finding on every record of ``collection`` whose ``field`` is above the rule
    parameter named by ``limit`` (``max_nok`` unless told), located at the record's line.

Why
    A cap agreed by the parties (on a single expenditure, say) is a policy choice, so it
    lives in the ruleset's ``params`` where a regional overlay can change it.

Example::

    params: {max_nok: 1000000}
    check: {kind: max_amount, collection: expenditures}

Passing: every expenditure is at most 1 000 000. Failing: ``E2`` of 2 500 000 gives
``expenditures/E2`` at ``expenditures.csv:3``.
"""

from __future__ import annotations

import polars as pl
from pydantic import Field

from secretariat_rules.checks.base import CheckConfig, CheckContext, CheckOutput
from secretariat_rules.dataset import locations_of, subject_ids
from secretariat_rules.engine.conditions import ConditionError
from secretariat_rules.findings import RawFinding, Subject


class MaxAmountConfig(CheckConfig):
    """Configuration of ``max_amount``; ``CheckConfig`` sets ``extra="forbid"``, so a
    misspelt option is a ruleset error with file:line, never silently ignored."""

    collection: str = Field("expenditures", description="collection whose records are checked")
    field: str = Field("amount_nok", description="the amount field")
    limit: str = Field("max_nok", description="name of the rule parameter holding the limit")


class MaxAmountCheck:
    """Records whose amount is above the rule's limit."""

    name = "max_amount"
    config_model = MaxAmountConfig

    def run(self, config: MaxAmountConfig, ctx: CheckContext) -> CheckOutput:
        if config.limit not in ctx.params:
            raise ConditionError(f"the rule has no parameter {config.limit!r}")
        limit = float(ctx.params[config.limit])
        frame = ctx.dataset.frame(config.collection)
        over = frame.filter(pl.col(config.field) > limit)
        amounts = over.get_column(config.field).to_list()
        findings = [
            RawFinding(
                Subject(config.collection, subject),
                (f"{amount:.0f} NOK > {limit:.0f} NOK",),
                (location,),
            )
            for subject, location, amount in zip(
                subject_ids(config.collection, over), locations_of(over), amounts, strict=True
            )
        ]
        return CheckOutput(findings, evaluated=frame.height)
