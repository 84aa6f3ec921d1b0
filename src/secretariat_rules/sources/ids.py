"""Names and numbers that identify: the closest known name, Norwegian org numbers."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

from ..i18n.message import msg
from .printable import ValueProblem, printable

_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "_": "-"})


def _fold(name: str) -> str:
    """``Miljøløftet`` -> ``miljoloftet``: case, Norwegian letters and accents folded."""
    folded = unicodedata.normalize("NFKD", name.strip().casefold().translate(_FOLDS))
    return "".join(c for c in folded if not unicodedata.combining(c))


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known id that ``name`` is a near miss of, or None.

    Ids are matched as written; this only names what was probably meant: the id equal
    to ``name`` after folding case and ``ø``/``æ``/``å``/accents, else the most similar
    one (difflib ratio at least 0.75 on the folded forms).
    """
    by_fold: dict[str, str] = {}
    for item in sorted(set(known)):
        by_fold.setdefault(_fold(item), item)
    wanted = _fold(name)
    if wanted in by_fold:
        return by_fold[wanted]
    match = difflib.get_close_matches(wanted, list(by_fold), n=1, cutoff=0.75)
    return by_fold[match[0]] if match else None


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """``; did you mean 'miljoloftet'?`` for a near miss, else the empty string."""
    near = closest(name, known)
    return f"; did you mean {near!r}?" if near is not None and near != name else ""


# --------------------------------------------------------------------------- org numbers


_ORG_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def org_number_check_digit(first_eight: str) -> int | None:
    """The mod-11 check digit of a Norwegian organisation number's first eight digits.

    11 minus the remainder of the weighted sum (weights 3, 2, 7, 6, 5, 4, 3, 2) divided by
    11; remainder 0 gives 0, remainder 1 means no valid number has these digits (None).
    """
    if len(first_eight) != 8 or not first_eight.isascii() or not first_eight.isdigit():
        raise ValueProblem(msg("data.value.eight_digits", value=printable(first_eight)))
    remainder = sum(w * int(d) for w, d in zip(_ORG_WEIGHTS, first_eight, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def is_valid_org_number(number: str) -> bool:
    """Whether ``number`` is nine ASCII digits whose last is the mod-11 check digit."""
    if len(number) != 9 or not number.isascii() or not number.isdigit():
        return False
    return org_number_check_digit(number[:8]) == int(number[8])
