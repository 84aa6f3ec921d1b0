"""Built-in plugin: the rulesets packaged with the library (national and regional)."""

from __future__ import annotations

from pathlib import Path

from .markers import hookimpl


def rulesets_dir() -> Path:
    """The packaged ``rulesets/`` directory (inside the wheel, or the source checkout's)."""
    packaged = Path(__file__).parent / "rulesets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rulesets"


@hookimpl
def secretariat_rulesets() -> list[Path]:
    return [rulesets_dir()]
