"""Messages of ruleset, condition, plugin and API errors.

Keys are ``domain.what`` (lowercase, dotted); templates are :meth:`str.format` strings.
Every key has an ``nb`` and an ``en`` entry (``tests/test_i18n_catalogue.py``).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {},
    "en": {},
}
