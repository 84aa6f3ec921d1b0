"""Norwegian organisation numbers (organisasjonsnummer): nine digits, the last a check digit.

The one implementation is the core's (``secretariat_rules.sources.values``); this module
re-exports it under the plugin's names.

The check digit is 11 minus the remainder of the weighted sum of the first eight digits
(weights 3, 2, 7, 6, 5, 4, 3, 2) divided by 11; a remainder of 0 gives check digit 0, and
a remainder of 1 means no valid number has those first eight digits.

>>> is_valid("971032081")
True
>>> is_valid("971032082")
False
"""

from __future__ import annotations

from secretariat_rules.sources.values import is_valid_org_number as is_valid
from secretariat_rules.sources.values import org_number_check_digit as check_digit

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
"""The weights of the first eight digits."""

__all__ = ["WEIGHTS", "check_digit", "is_valid"]
