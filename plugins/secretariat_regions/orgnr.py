"""Norwegian organisation numbers (organisasjonsnummer): nine digits, the last a check digit.

The check digit is 11 minus the remainder of the weighted sum of the first eight digits
(weights 3, 2, 7, 6, 5, 4, 3, 2) divided by 11; a remainder of 0 gives check digit 0, and
a remainder of 1 means no valid number has those first eight digits.

>>> is_valid("971032081")
True
>>> is_valid("971032082")
False
"""

from __future__ import annotations

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def check_digit(first_eight: str) -> int | None:
    """The check digit for eight digits, or ``None`` when no valid number has them."""
    if len(first_eight) != 8 or not first_eight.isascii() or not first_eight.isdigit():
        raise ValueError(f"expected eight digits, got {first_eight!r}")
    remainder = sum(w * int(d) for w, d in zip(WEIGHTS, first_eight, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def is_valid(number: str) -> bool:
    """Whether ``number`` is nine digits whose last is the mod-11 check digit."""
    if len(number) != 9 or not number.isascii() or not number.isdigit():
        return False
    return check_digit(number[:8]) == int(number[8])
