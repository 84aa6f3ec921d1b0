"""Texts not yet put in a language: a catalogue key and its values (:class:`Msg`).

Every user-facing sentence the package writes is a :class:`Msg` until the moment it
is shown, so one finding, error or label reads in the language of the run that shows
it. A report renders with its own ``lang``; everything else (errors, help, progress)
with :func:`ui_lang`: the ``--lang`` of the command, else the
``SECRETARIAT_RULES_LANG`` environment variable, else bokmål.

This module imports nothing of the package but :mod:`.catalog`: the ground floor.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
from collections.abc import Iterator
from dataclasses import dataclass

from . import catalog

LANG_ENV = "SECRETARIAT_RULES_LANG"
"""Environment variable that sets the language of help, errors and progress."""

_ui_lang: contextvars.ContextVar[str | None] = contextvars.ContextVar("ui_lang", default=None)


def chosen_lang() -> str | None:
    """The language the user chose for this invocation (``--lang``, else the environment).

    ``None`` when neither says: a command may then take its manifest's ``check: lang``.
    """
    chosen = _ui_lang.get()
    if chosen:
        return chosen
    return env_lang(os.environ.get(LANG_ENV, ""))


ALIASES = {
    "no": "nb",
    "nob": "nb",
    "norsk": "nb",
    "bokmal": "nb",
    "bokmål": "nb",
    "eng": "en",
    "english": "en",
}
"""Other names of the languages: ``no`` (Norwegian) is bokmål here."""


NEUTRAL_LOCALES = frozenset({"", "c", "posix"})
"""Locale names that name no language (``C.UTF-8``, a container's default): bokmål, quietly."""


def _language_code(value: str) -> str:
    """``en_US.UTF-8`` -> ``en``, ``nb-NO`` -> ``nb``, ``no`` -> ``nb``."""
    code = value.strip().lower().replace("-", "_").split(".")[0].split("@")[0].split("_")[0]
    return ALIASES.get(code, code)


def env_lang(value: str) -> str | None:
    """The language ``SECRETARIAT_RULES_LANG`` names, or None if it names none.

    ``nb`` or ``en``, in any case, or a locale name (``en_US.UTF-8``, ``nb-NO``, ``no``):
    what ``LANG`` holds, so ``SECRETARIAT_RULES_LANG=$LANG`` works.
    """
    code = _language_code(value)
    return code if code in catalog.LANGUAGES else None


def names_unknown_lang(value: str) -> bool:
    """Whether ``value`` names a language the tool does not have (``de``, a typo): not
    empty and not a neutral locale such as ``C.UTF-8``."""
    return env_lang(value) is None and _language_code(value) not in NEUTRAL_LOCALES


def ui_lang() -> str:
    """The language of texts shown outside a report: :func:`chosen_lang`, else nb."""
    return chosen_lang() or catalog.LANGUAGES[0]


@contextlib.contextmanager
def using_lang(lang: str | None) -> Iterator[None]:
    """Within the block, :func:`ui_lang` is ``lang`` (``None``: unchanged)."""
    if not lang or lang not in catalog.LANGUAGES:
        yield
        return
    token = _ui_lang.set(lang)
    try:
        yield
    finally:
        _ui_lang.reset(token)


@dataclass(frozen=True)
class Msg:
    """A catalogue key and the values its template fills in; rendered per language.

    Values are plain (``str``, numbers) or other :class:`Msg` (rendered in the same
    language). A key with ``.one``/``.other`` forms picks one by the value ``count``.
    ``str(msg)`` renders in :func:`ui_lang`, so a ``Msg`` can stand wherever a message
    string stood.
    """

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str) -> str:
        """The text in ``lang``."""
        filled = {name: text(value, lang) for name, value in self.values}
        table = catalog.MESSAGES[lang]
        if self.key not in table and f"{self.key}.one" in table:
            count = dict(self.values).get("count", 0)
            form = "one" if count == 1 else "other"
            return table[f"{self.key}.{form}"].format(**filled)
        return table[self.key].format(**filled)

    def __str__(self) -> str:
        return self.render(ui_lang())


def msg(key: str, **values: object) -> Msg:
    """A :class:`Msg` for catalogue ``key``; lists become tuples so the value hashes."""
    frozen = tuple(
        (name, tuple(value) if isinstance(value, list) else value)
        for name, value in sorted(values.items())
    )
    return Msg(key, frozen)


Text = str | Msg
"""A user-facing text: already in its language (``str``) or still to render (:class:`Msg`)."""


def text(value: object, lang: str) -> object:
    """``value`` in ``lang`` if it is a :class:`Msg`; numbers and strings as they are.

    A tuple of texts is joined with ``, `` (a list of names in a sentence).
    """
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, tuple) and any(isinstance(v, Msg) for v in value):
        return ", ".join(str(text(v, lang)) for v in value)
    return value


def render_text(value: Text, lang: str) -> str:
    """A :data:`Text` as a string in ``lang``."""
    return value.render(lang) if isinstance(value, Msg) else value
